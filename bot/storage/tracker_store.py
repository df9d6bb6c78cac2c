"""Rasa's SQL tracker store on DATABASE_URL (SQLite under var/ by default), failing within 30 s
with a clear message when the database is unreachable instead of retrying for ever.

endpoints.yml names it: `tracker_store: type: bot.storage.tracker_store.TechTrackTrackerStore`.
Rasa 3.6 loads a tracker store from a module path with `cls(host=url, domain=..., event_broker=...,
**kwargs)` (rasa/core/tracker_store.py, `_load_from_module_name_in_endpoint_config`) and silently
falls back to an in-memory store if that raises AttributeError or ImportError; this class raises
neither, so a broken database stops the server rather than losing every conversation.

Rasa's SQLTrackerStore methods are coroutines that do blocking SQLAlchemy I/O on the event loop: a
slow or locked database would stall every conversation of the server, not just the one waiting.
Here every database call runs in a worker thread (asyncio.to_thread).

Saving merges rather than slices: Rasa writes `tracker.events[n:]`, n being how many events the
database holds for the conversation's latest session, which is only right while the tracker in
hand starts with exactly the stored events. Here the events are matched to the stored ones by
(type, timestamp), counted as a multiset, and only the ones not stored yet are written, in the
tracker's order. So events kept in memory through an outage are written once each when the
database is back, whatever was stored meanwhile.
"""

from __future__ import annotations

import asyncio
import json
import logging
import threading
from collections import Counter, OrderedDict
from collections.abc import Iterable
from typing import Any

import sqlalchemy as sa
from rasa.core.brokers.broker import EventBroker
from rasa.core.tracker_store import SQLTrackerStore, TrackerStore, create_engine_kwargs
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import Event
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.shared.nlu.constants import INTENT_NAME_KEY

from bot.storage.db import (
    DatabaseUnavailable,
    connect_args,
    describe_error,
    prepare_sqlite_file,
    safe_url,
    sqlite_secure_delete,
    wait_for_database,
)
from bot.storage.erase import ERASE_SLOT
from bot.storage.settings import StorageSettings
from bot.storage.stored_events import stored_form

logger = logging.getLogger(__name__)

# `make run` checks the database before starting Rasa (bot/storage/startup.py, 30 s). This is the
# safety net for a bare `rasa run`: with Rasa's ~10 s of imports before it, the server still exits
# within 30 s.
BARE_RASA_DATABASE_WAIT_SECONDS = 15
# Conversations whose latest state is kept in memory for when the database is down (the least
# recently active are forgotten first).
MAX_REMEMBERED_CONVERSATIONS = 1000


def erase_requested(tracker: DialogueStateTracker) -> bool:
    return tracker.get_slot(ERASE_SLOT) is True


class TechTrackTrackerStore(SQLTrackerStore):
    def __init__(
        self,
        domain: Domain | None = None,
        event_broker: EventBroker | None = None,
        host: str | None = None,
        **kwargs: Any,
    ) -> None:
        # `host` (endpoints.yml's url) is ignored on purpose: the database comes from DATABASE_URL.
        url = StorageSettings.from_env().database_url
        prepare_sqlite_file(url)
        engine_kwargs = create_engine_kwargs(url)
        engine_kwargs["connect_args"] = {
            **connect_args(url, statement_timeout=True), **engine_kwargs.get("connect_args", {})
        }
        # Rasa's queries are written for SQLAlchemy 1.x, so this engine is not `future=True`.
        self.engine = sa.create_engine(url, pool_pre_ping=True, **engine_kwargs)
        if self.engine.dialect.name == "sqlite":  # so that a purge leaves no trace (purge.py)
            sa.event.listen(self.engine, "connect", sqlite_secure_delete)
        try:
            wait_for_database(self.engine, BARE_RASA_DATABASE_WAIT_SECONDS)
        except DatabaseUnavailable as error:
            raise SystemExit(f"TechTrack tracker store: {error}") from None
        try:
            self.Base.metadata.create_all(self.engine)
        except sa.exc.SQLAlchemyError as error:
            # Two processes starting together may race to create the table; the loser sees it exist.
            logger.warning("Could not create the tracker table (%s)", describe_error(error))
        self.sessionmaker = sa.orm.session.sessionmaker(bind=self.engine)
        logger.info("Tracker store: SQL database at %s", safe_url(self.engine.url))
        self._recent: OrderedDict[str, tuple[DialogueStateTracker, bool]] = OrderedDict()
        self._down = False
        self._state_lock = threading.Lock()
        TrackerStore.__init__(self, domain, event_broker, **kwargs)

    # While the database is down, conversations carry on from memory: the latest state of recent
    # conversations is kept (a reference, no copy, so this costs nothing while all is well), and
    # each conversation's events are written when the database is back, since saving writes every
    # event the database does not have yet (merged, as the module's docstring says). (Rasa's own
    # fallback would start every turn afresh, and would log the failed SQL with its parameters,
    # which hold what people typed.)

    def _remember(self, tracker: DialogueStateTracker, saved: bool) -> None:
        with self._state_lock:
            self._recent[tracker.sender_id] = (tracker, saved)
            self._recent.move_to_end(tracker.sender_id)
            while len(self._recent) > MAX_REMEMBERED_CONVERSATIONS:
                self._recent.popitem(last=False)

    async def retrieve(self, sender_id: str) -> DialogueStateTracker | None:
        return await self._retrieve(sender_id, fetch_events_from_all_sessions=False)

    async def retrieve_full_tracker(self, conversation_id: str) -> DialogueStateTracker | None:
        return await self._retrieve(conversation_id, fetch_events_from_all_sessions=True)

    async def keys(self) -> Iterable[str]:
        return await asyncio.to_thread(self._read_keys)

    async def _retrieve(
        self, sender_id: str, fetch_events_from_all_sessions: bool
    ) -> DialogueStateTracker | None:
        with self._state_lock:
            tracker, saved = self._recent.get(sender_id, (None, True))
        if tracker is not None and not saved:
            if erase_requested(tracker):
                return None  # deleted by the person; the database follows when it is back
            return tracker.copy()  # newer than what the database holds
        try:
            return await asyncio.to_thread(self._read, sender_id, fetch_events_from_all_sessions)
        except sa.exc.SQLAlchemyError as error:
            self._went_down(error)
            return tracker.copy() if tracker is not None else None

    async def save(self, tracker: DialogueStateTracker) -> None:
        try:
            await self._write(tracker)
        except sa.exc.SQLAlchemyError as error:
            self._went_down(error)
            self._remember(tracker, saved=False)
            return
        if not erase_requested(tracker):  # an erased conversation is not kept in memory either
            self._remember(tracker, saved=True)
        with self._state_lock:
            came_back, self._down = self._down, False
        if came_back:
            logger.warning("Tracker store: the database is back; conversations are saved again")
            await self._save_unsaved()

    async def _save_unsaved(self) -> None:
        with self._state_lock:
            waiting = [t for t, saved in self._recent.values() if not saved]
        for tracker in waiting:
            try:
                await self._write(tracker)
            except sa.exc.SQLAlchemyError as error:
                self._went_down(error)
                return
            with self._state_lock:
                if self._recent.get(tracker.sender_id, (None, True))[0] is tracker:
                    self._recent[tracker.sender_id] = (tracker, True)

    async def _write(self, tracker: DialogueStateTracker) -> None:
        if not erase_requested(tracker):
            await self.stream_events(tracker)  # to the event broker, when one is configured
            # A snapshot taken on the event loop: the worker thread never reads the live tracker.
            await asyncio.to_thread(self._insert_missing, tracker.sender_id, list(tracker.events))
            return
        await asyncio.to_thread(self._delete_conversation, tracker.sender_id)
        with self._state_lock:
            self._recent.pop(tracker.sender_id, None)

    # The database calls, each run in a worker thread (never on the event loop).

    def _read(self, sender_id: str, fetch_events_from_all_sessions: bool) -> DialogueStateTracker | None:
        with self.session_scope() as session:
            rows = self._event_query(
                session, sender_id, fetch_events_from_all_sessions=fetch_events_from_all_sessions
            ).all()
            events = [json.loads(row.data) for row in rows]
        if self.domain and events:
            return DialogueStateTracker.from_dict(sender_id, events, self.domain.slots)
        return None

    def _read_keys(self) -> list[str]:
        with self.session_scope() as session:
            return [sender for (sender,) in session.query(self.SQLEvent.sender_id).distinct().all()]

    def _insert_missing(self, sender_id: str, events: list[Event]) -> int:
        """Write the events the database does not hold yet, in order; returns how many."""
        if not events:
            return 0
        since = min(event.timestamp for event in events)
        with self.session_scope() as session:
            stored = Counter(
                (type_name, timestamp)
                for type_name, timestamp in session.query(self.SQLEvent.type_name, self.SQLEvent.timestamp)
                .filter(self.SQLEvent.sender_id == sender_id, self.SQLEvent.timestamp >= since)
            )
            missing = []
            for event in events:
                key = (event.type_name, event.timestamp)
                if stored[key] > 0:
                    stored[key] -= 1
                else:
                    missing.append(event)
            for event in missing:
                data = event.as_dict()
                session.add(self.SQLEvent(
                    sender_id=sender_id, type_name=event.type_name, timestamp=data.get("timestamp"),
                    intent_name=data.get("parse_data", {}).get("intent", {}).get(INTENT_NAME_KEY),
                    action_name=data.get("name"), data=json.dumps(stored_form(data)),
                ))
            session.commit()
        return len(missing)

    def _delete_conversation(self, sender_id: str) -> None:
        with self.session_scope() as session:
            session.query(self.SQLEvent).filter(self.SQLEvent.sender_id == sender_id).delete(
                synchronize_session=False
            )
            session.commit()

    def _went_down(self, error: BaseException) -> None:
        with self._state_lock:
            first, self._down = not self._down, True
        if first:
            logger.error(
                "Tracker store: cannot use the database (%s). The %d most recent conversations "
                "carry on from memory and are saved when it is back.", describe_error(error),
                MAX_REMEMBERED_CONVERSATIONS,
            )
