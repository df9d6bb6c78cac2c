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
from typing import Any

import sqlalchemy as sa
from rasa.core.brokers.broker import EventBroker
from rasa.core.tracker_store import SQLTrackerStore, TrackerStore, create_engine_kwargs
from rasa.shared.core.domain import Domain

from bot.storage.db import (
    DatabaseUnavailable,
    connect_args,
    describe_error,
    prepare_sqlite_file,
    safe_url,
    wait_for_database,
)
from bot.storage.settings import StorageSettings

logger = logging.getLogger(__name__)

# `make run` checks the database before starting Rasa (bot/storage/startup.py, 30 s). This is the
# safety net for a bare `rasa run`: with Rasa's ~10 s of imports before it, the server still exits
# within 30 s.
STARTUP_TIMEOUT_SECONDS = 15


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
        engine_kwargs["connect_args"] = {**connect_args(url), **engine_kwargs.get("connect_args", {})}
        # Rasa's queries are written for SQLAlchemy 1.x, so this engine is not `future=True`.
        self.engine = sa.create_engine(url, pool_pre_ping=True, **engine_kwargs)
        try:
            wait_for_database(self.engine, STARTUP_TIMEOUT_SECONDS)
        except DatabaseUnavailable as error:
            raise SystemExit(f"TechTrack tracker store: {error}") from None
        try:
            self.Base.metadata.create_all(self.engine)
        except sa.exc.SQLAlchemyError as error:
            # Two processes starting together may race to create the table; the loser sees it exist.
            logger.warning("Could not create the tracker table (%s)", describe_error(error))
        self.sessionmaker = sa.orm.session.sessionmaker(bind=self.engine)
        logger.info("Tracker store: SQL database at %s", safe_url(self.engine.url))
        TrackerStore.__init__(self, domain, event_broker, **kwargs)
