"""Rasa's conversation lock store: Redis when REDIS_URL is set (needed to run more than one Rasa
server process), else in-process. endpoints.yml names this class, so no `${REDIS_URL}` there
(Rasa refuses YAML that names an unset variable); Rasa 3.6 builds a custom lock store with
`cls(endpoint_config=...)` (rasa/core/lock_store.py, `_load_from_module_name_in_endpoint_config`).

Rasa's LockStore.lock() is a coroutine that calls the store's blocking methods on the event loop;
with Redis, each is a network round trip (up to REDIS_TIMEOUT_SECONDS when Redis is slow), during
which no other conversation of the server moves. Here, with Redis, they run in a worker thread, one
at a time (so that issuing a ticket, a read then a write, stays whole within this process, as it
was on the loop). The in-process store does no I/O and stays on the loop.

Across processes (Rasa replicas sharing one Redis: `make cluster`, docs/operations/scaling.md),
Rasa's RedisLockStore is not enough: issuing a ticket, dropping expired tickets and finishing one are
each a read then a write of the conversation's lock, and two replicas doing so at once overwrite
each other (two turns of one conversation processed together, one of them on a stale tracker, or a
finished ticket brought back, so that the next turn waits for it to expire). With Redis each of the
three runs under a short per-conversation mutex held in Redis itself (redis-py's Lock: SET NX PX,
released only by its holder, expiring after REDIS_TIMEOUT_SECONDS should its process die).

A conversation's lock lasts TICKET_LOCK_LIFETIME seconds (bot/dev/serve.py sets it): longer than
the action timeout (endpoints.yml) plus the channels' send retries (bot/channels/delivery.py), so
that a slow turn cannot outlive its lock and run beside the next one.
"""

from __future__ import annotations

import asyncio
import logging
import threading
from collections.abc import AsyncIterator, Callable, Iterator
from contextlib import asynccontextmanager, contextmanager
from typing import Any, TypeVar

import rasa.core.lock_store
from rasa.core.lock import TicketLock
from rasa.core.lock_store import InMemoryLockStore, LockError, LockStore, RedisLockStore
from sqlalchemy.engine import make_url

from bot.storage.settings import StorageSettings

logger = logging.getLogger(__name__)

REDIS_TIMEOUT_SECONDS = 5
# The per-conversation mutex beside Rasa's `lock:<conversation>` keys.
MUTEX_KEY_PREFIX = "lock-mutex:"
T = TypeVar("T")


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
        # Whether the store's calls wait on I/O, and so run in a worker thread.
        self.blocking_io = not isinstance(self.store, InMemoryLockStore)
        self._io_lock = threading.Lock()
        logger.info("Lock store: %s", type(self.store).__name__)
        super().__init__()

    @asynccontextmanager
    async def lock(
        self, conversation_id: str, lock_lifetime: float | None = None, wait_time_in_seconds: float = 1,
    ) -> AsyncIterator[TicketLock]:
        """Rasa's LockStore.lock (the same tickets, waits and clean-up), with each call to the store
        made off the event loop when the store does I/O."""
        lifetime = rasa.core.lock_store.LOCK_LIFETIME if lock_lifetime is None else lock_lifetime
        if not self.blocking_io:
            async with super().lock(conversation_id, lifetime, wait_time_in_seconds) as lock:
                yield lock
            return
        ticket = await self._off_loop(self.issue_ticket, conversation_id, lifetime)
        try:
            yield await self._acquire_off_loop(conversation_id, ticket, wait_time_in_seconds)
        finally:
            await self._off_loop(self.cleanup, conversation_id, ticket)

    async def _acquire_off_loop(self, conversation_id: str, ticket: int, wait: float) -> TicketLock:
        while True:
            lock = await self._off_loop(self.get_lock, conversation_id)
            if not lock:  # expired
                break
            if not lock.is_locked(ticket):
                return lock
            await asyncio.sleep(wait)
            await self._off_loop(self.update_lock, conversation_id)
        raise LockError(f"Could not acquire lock for conversation_id '{conversation_id}'.")

    async def _off_loop(self, call: Callable[..., T], *args: Any) -> T:
        def one_at_a_time() -> T:
            with self._io_lock:
                return call(*args)

        return await asyncio.to_thread(one_at_a_time)

    # The read-then-write steps, each whole across every process that shares the store.

    def issue_ticket(self, conversation_id: str, lock_lifetime: float | None = None) -> int:
        lifetime = rasa.core.lock_store.LOCK_LIFETIME if lock_lifetime is None else lock_lifetime
        with self._mutex(conversation_id):
            return super().issue_ticket(conversation_id, lifetime)

    def update_lock(self, conversation_id: str) -> None:
        with self._mutex(conversation_id):
            super().update_lock(conversation_id)

    def cleanup(self, conversation_id: str, ticket_number: int) -> None:
        with self._mutex(conversation_id):
            super().cleanup(conversation_id, ticket_number)

    @contextmanager
    def _mutex(self, conversation_id: str) -> Iterator[None]:
        if not isinstance(self.store, RedisLockStore):
            yield  # one process: the store's callers already take turns
            return
        mutex = self.store.red.lock(f"{MUTEX_KEY_PREFIX}{conversation_id}", timeout=REDIS_TIMEOUT_SECONDS,
                                    blocking_timeout=REDIS_TIMEOUT_SECONDS, sleep=0.005)
        try:
            acquired = mutex.acquire()
        except Exception as error:  # redis raises its own ConnectionError, TimeoutError...
            raise LockError(f"Could not reach Redis to lock a conversation ({type(error).__name__})") \
                from None
        if not acquired:
            raise LockError(f"Waited {REDIS_TIMEOUT_SECONDS} s in vain to update a conversation's lock")
        try:
            yield
        finally:
            try:
                mutex.release()
            except Exception as error:  # expired meanwhile (a very slow Redis): nothing left to undo
                logger.warning("Lock store: could not release a conversation mutex (%s)",
                               type(error).__name__)

    def get_lock(self, conversation_id: str) -> TicketLock | None:
        return self.store.get_lock(conversation_id)

    def delete_lock(self, conversation_id: str) -> None:
        self.store.delete_lock(conversation_id)

    def save_lock(self, lock: TicketLock) -> None:
        self.store.save_lock(lock)
