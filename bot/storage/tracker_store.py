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

That comparison reads the conversation's stored (type, timestamp) pairs, so it is kept for when it
is needed. In the common case (the tracker saved is the one this turn read, plus the turn's new
events) the store already knows which of its events are stored: it remembers, per conversation,
that the first N events of one tracker (that object, whose first and N-th events are these ones)
are in the database, learnt when the tracker is read (N = the rows read) and when a save succeeds
(N = all the tracker's events). Saving that same tracker, still starting with that prefix, writes
its events after N without a read. Anything else (another tracker, even one with the same events:
say one sent whole through the HTTP API; a save that failed; a conversation deleted or forgotten)
goes through the full comparison. See `_stored_prefix` for why that is safe with several replicas.
"""

from __future__ import annotations

import asyncio
import json
import logging
import threading
import weakref
from collections import Counter, OrderedDict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from rasa.core.brokers.broker import EventBroker
from rasa.core.tracker_store import SQLTrackerStore, TrackerStore, create_engine_kwargs
from rasa.shared.core.constants import ACTION_LISTEN_NAME
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, Event
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.shared.nlu.constants import INTENT_NAME_KEY

from bot.storage.db import (
    DatabaseUnavailable,
    connect_args,
    describe_error,
    prepare_sqlite_file,
    safe_url,
    sqlite_file_pool,
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
# Conversations whose latest state is kept in memory for when the database is down, and whose
# stored prefix is remembered (the least recently active are forgotten first).
MAX_REMEMBERED_CONVERSATIONS = 1000

EventKey = tuple[str, float]


def erase_requested(tracker: DialogueStateTracker) -> bool:
    return tracker.get_slot(ERASE_SLOT) is True


def event_key(event: Event) -> EventKey:
    """How an event is told apart from the stored ones, here as in the full comparison."""
    return event.type_name, event.timestamp


@dataclass(frozen=True)
class StoredPrefix:
    """What the store knows to be in the database for one conversation: the first `count` events
    of `tracker` (which it read or saved), whose first event was `first` and `count`-th `last`.
    Count 0: the conversation had no events when it was read (`tracker`: the one this store then
    created for it, once it has). Count None: nothing is known (a save failed, so its events may
    or may not be stored, or the conversation was deleted). `learnt` orders what was learnt (see
    `_learn`)."""

    count: int | None
    tracker: weakref.ref[DialogueStateTracker] | None
    first: EventKey | None
    last: EventKey | None
    learnt: int


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
        engine_kwargs = create_engine_kwargs(url)  # PostgreSQL: Rasa's pool size and schema
        pool = sqlite_file_pool(url)  # SQLite: a pool too, instead of a connection per query
        engine_kwargs["connect_args"] = {
            **connect_args(url, statement_timeout=True), **engine_kwargs.get("connect_args", {}),
            **pool.pop("connect_args", {}),
        }
        engine_kwargs.update(pool)
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
        self._stored: OrderedDict[str, StoredPrefix] = OrderedDict()
        self._clock = 0  # counts what `_learn` learnt
        self._forgotten_up_to = 0  # the latest `learnt` of an entry dropped from `_stored`
        self._insert_events = self.SQLEvent.__table__.insert()
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

    # What is known to be stored, per conversation: the shortcut for saving (the module's docstring).

    def _now(self) -> int:
        with self._state_lock:
            return self._clock

    def _learn(
        self, sender_id: str, tracker: DialogueStateTracker | None, events: Sequence[Event] | None,
        read_began: int | None = None,
    ) -> None:
        """Remember that `events` (all of `tracker`'s) are stored; None: forget what was known,
        keeping that it was forgotten. A read (`read_began`: `_now()` before its query)
        learns only if nothing was learnt or forgotten for the conversation since it began: a read
        that overlapped a save may have seen the rows from before it, and must not put back an
        older prefix in place of what the save learnt (that tracker's newer events would be
        written again)."""
        with self._state_lock:
            if read_began is not None:
                entry = self._stored.get(sender_id)
                if (entry.learnt if entry is not None else self._forgotten_up_to) > read_began:
                    return
            self._clock += 1
            ref = weakref.ref(tracker) if tracker is not None else None
            if events is None:
                entry = StoredPrefix(None, None, None, None, self._clock)
            elif not events:
                entry = StoredPrefix(0, ref, None, None, self._clock)
            else:
                entry = StoredPrefix(
                    len(events), ref, event_key(events[0]), event_key(events[-1]), self._clock
                )
            self._stored[sender_id] = entry
            self._stored.move_to_end(sender_id)
            while len(self._stored) > MAX_REMEMBERED_CONVERSATIONS:
                _, dropped = self._stored.popitem(last=False)
                self._forgotten_up_to = max(self._forgotten_up_to, dropped.learnt)

    def _stored_prefix(
        self, tracker: DialogueStateTracker, events: Sequence[Event]
    ) -> int | None:
        """How many of `events` (the tracker's, from the start) are known to be stored, when the
        others are known not to be; None when that is not known (then the full comparison
        decides).

        What was learnt is true of the tracker it was learnt from: its first N events are stored.
        If the tracker saved is that very object and still starts with those N events (a tracker
        only grows; the first and N-th are checked, in case Rasa's max_event_history dropped some),
        its events after N were added to it since, and no save of this store has written them: a
        successful save learns the new, longer prefix, and a failed one forgets. So they are
        exactly the missing ones. A different tracker object, even with the same events (a copy,
        or one sent whole through the HTTP API, perhaps with events another replica wrote after
        this one learnt its prefix), is compared in full.

        Several replicas sharing the database (a Redis lock store lets one turn of a conversation
        run at a time across them): while replica B runs later turns of a conversation, what
        replica A remembers from its own last turn is stale, but A's next turn starts by reading
        the conversation, which returns B's events too and learns the new prefix (the rows read)
        before the turn saves (that tracker is a new object; A's older one is no longer known).
        Were A to save, without reading, the tracker it last read grown further (Rasa does not),
        B's events would not be in it, and only A's new events would be written: what the full
        comparison writes too. Deletion (by the person, on any replica, or a purge) is seen by
        the next read; this store's own deletion forgets."""
        with self._state_lock:
            entry = self._stored.get(tracker.sender_id)
        if entry is None or entry.count is None or entry.tracker is None:
            return None
        if entry.tracker() is not tracker or len(events) < entry.count:
            return None
        if entry.count and (
            event_key(events[0]) != entry.first or event_key(events[entry.count - 1]) != entry.last
        ):
            return None
        return entry.count

    async def create_tracker(
        self, sender_id: str, append_action_listen: bool = True
    ) -> DialogueStateTracker:
        """Rasa's (a new tracker, perhaps with an action_listen, saved); when the read before it
        found the conversation empty, what is known (nothing stored) is of this new tracker."""
        tracker = self.init_tracker(sender_id)
        with self._state_lock:
            entry = self._stored.get(sender_id)
            if entry is not None and entry.count == 0 and entry.tracker is None:
                self._stored[sender_id] = StoredPrefix(
                    0, weakref.ref(tracker), None, None, entry.learnt
                )
        if append_action_listen:
            tracker.update(ActionExecuted(ACTION_LISTEN_NAME))
        await self.save(tracker)
        return tracker

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
            events = list(tracker.events)
            if not events:
                return
            known = self._stored_prefix(tracker, events)
            try:
                await asyncio.to_thread(self._insert_missing, tracker.sender_id, events, known)
            except BaseException:
                # Perhaps written, perhaps not (a commit can fail after the database has it):
                # the next save compares in full.
                self._learn(tracker.sender_id, None, None)
                raise
            self._learn(tracker.sender_id, tracker, events)
            return
        try:
            await asyncio.to_thread(self._delete_conversation, tracker.sender_id)
        finally:
            self._learn(tracker.sender_id, None, None)
        with self._state_lock:
            self._recent.pop(tracker.sender_id, None)

    # The database calls, each run in a worker thread (never on the event loop).

    def _read(self, sender_id: str, fetch_events_from_all_sessions: bool) -> DialogueStateTracker | None:
        began = self._now()
        with self.session_scope() as session:
            # Rasa's query (the latest session, or all, in the order stored), the data column only.
            rows = self._event_query(
                session, sender_id, fetch_events_from_all_sessions=fetch_events_from_all_sessions
            ).with_entities(self.SQLEvent.data).all()
            events = [json.loads(data) for (data,) in rows]
        # What a turn saves is the latest session as read: learnt from that read only (a whole
        # history read elsewhere, say by the HTTP API, learns nothing).
        learn = not fetch_events_from_all_sessions
        if self.domain and events:
            tracker = DialogueStateTracker.from_dict(sender_id, events, self.domain.slots)
            if learn and len(tracker.events) == len(events):  # every row became an event
                self._learn(sender_id, tracker, list(tracker.events), read_began=began)
            return tracker
        if learn and not events:
            self._learn(sender_id, None, [], read_began=began)  # nothing stored for this conversation
        return None

    def _read_keys(self) -> list[str]:
        with self.session_scope() as session:
            return [sender for (sender,) in session.query(self.SQLEvent.sender_id).distinct().all()]

    def _insert_missing(self, sender_id: str, events: list[Event], known: int | None = None) -> int:
        """Write the events the database does not hold yet, in order; returns how many. `known`:
        how many of the first are known to be stored, the others not (`_stored_prefix`); None:
        compare with what is stored."""
        if not events:
            return 0
        if known is None:
            return self._merge(sender_id, events)
        if len(events) > known:
            with self.engine.begin() as connection:  # one INSERT, many rows; no read
                connection.execute(self._insert_events, self._rows(sender_id, events[known:]))
        return len(events) - known

    def _merge(self, sender_id: str, events: list[Event]) -> int:
        """The full comparison: the stored (type, timestamp) pairs since the tracker's first event,
        counted as a multiset; the tracker's events beyond them are written, in order."""
        since = min(event.timestamp for event in events)
        with self.session_scope() as session:
            stored = Counter(
                (type_name, timestamp)
                for type_name, timestamp in session.query(self.SQLEvent.type_name, self.SQLEvent.timestamp)
                .filter(self.SQLEvent.sender_id == sender_id, self.SQLEvent.timestamp >= since)
            )
            missing = []
            for event in events:
                key = event_key(event)
                if stored[key] > 0:
                    stored[key] -= 1
                else:
                    missing.append(event)
            if missing:
                session.execute(self._insert_events, self._rows(sender_id, missing))
            session.commit()
        return len(missing)

    @staticmethod
    def _rows(sender_id: str, events: Iterable[Event]) -> list[dict[str, Any]]:
        rows = []
        for event in events:
            data = event.as_dict()
            rows.append({
                "sender_id": sender_id, "type_name": event.type_name, "timestamp": data.get("timestamp"),
                "intent_name": data.get("parse_data", {}).get("intent", {}).get(INTENT_NAME_KEY),
                "action_name": data.get("name"), "data": json.dumps(stored_form(data)),
            })
        return rows

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
