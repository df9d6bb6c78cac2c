"""Rasa's conversation lock store: Redis when REDIS_URL is set (needed to run more than one Rasa
server process), else in-process. endpoints.yml names this class, so no `${REDIS_URL}` there
(Rasa refuses YAML that names an unset variable); Rasa 3.6 builds a custom lock store with
`cls(endpoint_config=...)` (rasa/core/lock_store.py, `_load_from_module_name_in_endpoint_config`).
"""

from __future__ import annotations

import logging
from typing import Any

from rasa.core.lock import TicketLock
from rasa.core.lock_store import InMemoryLockStore, LockStore, RedisLockStore
from sqlalchemy.engine import make_url

from bot.storage.settings import StorageSettings

logger = logging.getLogger(__name__)

REDIS_TIMEOUT_SECONDS = 5


def redis_store(url: str) -> RedisLockStore:
    """A RedisLockStore for redis://[user:password@]host[:port][/db] (rediss:// for TLS)."""
    parsed = make_url(url)
    if parsed.drivername not in ("redis", "rediss"):
        raise SystemExit(f"REDIS_URL must start with redis:// or rediss://, not {parsed.drivername}://")
    store = RedisLockStore(
        host=parsed.host or "localhost", port=parsed.port or 6379,
        db=int(parsed.database or 1), username=parsed.username, password=parsed.password,
        use_ssl=parsed.drivername == "rediss", socket_timeout=REDIS_TIMEOUT_SECONDS,
    )
    try:
        store.red.ping()
    except Exception as error:  # redis raises its own ConnectionError, TimeoutError, AuthenticationError
        raise SystemExit(
            f"TechTrack lock store: cannot reach Redis at {parsed.render_as_string(hide_password=True)} "
            f"({type(error).__name__}: {error}). Check REDIS_URL, or unset it to use the in-process "
            "lock store."
        ) from None
    return store


class TechTrackLockStore(LockStore):
    def __init__(self, endpoint_config: Any = None) -> None:
        url = StorageSettings.from_env().redis_url
        self.store: LockStore = redis_store(url) if url else InMemoryLockStore()
        logger.info("Lock store: %s", type(self.store).__name__)
        super().__init__()

    def get_lock(self, conversation_id: str) -> TicketLock | None:
        return self.store.get_lock(conversation_id)

    def delete_lock(self, conversation_id: str) -> None:
        self.store.delete_lock(conversation_id)

    def save_lock(self, lock: TicketLock) -> None:
        self.store.save_lock(lock)
