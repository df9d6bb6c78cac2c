"""Rasa's SQL tracker store on DATABASE_URL (SQLite under var/ by default), failing within 30 s
with a clear message when the database is unreachable instead of retrying for ever.

endpoints.yml names it: `tracker_store: type: bot.storage.tracker_store.TechTrackTrackerStore`.
Rasa 3.6 loads a tracker store from a module path with `cls(host=url, domain=..., event_broker=...,
**kwargs)` (rasa/core/tracker_store.py, `_load_from_module_name_in_endpoint_config`) and silently
falls back to an in-memory store if that raises AttributeError or ImportError; this class raises
neither, so a broken database stops the server rather than losing every conversation.
"""

from __future__ import annotations

import logging
import threading
from collections import OrderedDict
from typing import Any

import sqlalchemy as sa
from rasa.core.brokers.broker import EventBroker
from rasa.core.tracker_store import SQLTrackerStore, TrackerStore, create_engine_kwargs
from rasa.shared.core.domain import Domain
from rasa.shared.core.trackers import DialogueStateTracker

from bot.storage.db import (
    DatabaseUnavailable,
    connect_args,
    describe_error,
    prepare_sqlite_file,
    safe_url,
    sqlite_secure_delete,
    wait_for_database,
)
from bot.storage.settings import StorageSettings

logger = logging.getLogger(__name__)

# `make run` checks the database before starting Rasa (bot/storage/startup.py, 30 s). This is the
# safety net for a bare `rasa run`: with Rasa's ~10 s of imports before it, the server still exits
# within 30 s.
BARE_RASA_DATABASE_WAIT_SECONDS = 15
# Conversations whose latest state is kept in memory for when the database is down (the least
# recently active are forgotten first).
MAX_REMEMBERED_CONVERSATIONS = 1000


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
    # each conversation's events are written when the database is back, since Rasa's `save` writes
    # every event the database does not have yet. (Rasa's own fallback would start every turn
    # afresh, and would log the failed SQL with its parameters, which hold what people typed.)

    def _remember(self, tracker: DialogueStateTracker, saved: bool) -> None:
        with self._state_lock:
            self._recent[tracker.sender_id] = (tracker, saved)
            self._recent.move_to_end(tracker.sender_id)
            while len(self._recent) > MAX_REMEMBERED_CONVERSATIONS:
                self._recent.popitem(last=False)

    async def retrieve(self, sender_id: str) -> DialogueStateTracker | None:
        with self._state_lock:
            tracker, saved = self._recent.get(sender_id, (None, True))
        if tracker is not None and not saved:
            return tracker.copy()  # newer than what the database holds
        try:
            return await super().retrieve(sender_id)
        except sa.exc.SQLAlchemyError as error:
            self._went_down(error)
            return tracker.copy() if tracker is not None else None

    async def save(self, tracker: DialogueStateTracker) -> None:
        try:
            await super().save(tracker)
        except sa.exc.SQLAlchemyError as error:
            self._went_down(error)
            self._remember(tracker, saved=False)
            return
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
                await super().save(tracker)
            except sa.exc.SQLAlchemyError as error:
                self._went_down(error)
                return
            with self._state_lock:
                if self._recent.get(tracker.sender_id, (None, True))[0] is tracker:
                    self._recent[tracker.sender_id] = (tracker, True)

    def _went_down(self, error: BaseException) -> None:
        with self._state_lock:
            first, self._down = not self._down, True
        if first:
            logger.error(
                "Tracker store: cannot use the database (%s). The %d most recent conversations "
                "carry on from memory and are saved when it is back.", describe_error(error),
                MAX_REMEMBERED_CONVERSATIONS,
            )
