"""The lock store endpoints.yml names: in-process by default, Redis when REDIS_URL is set (against
a throwaway redis-server this test starts; in CI a missing Redis fails the test rather than skipping
it), a clear message when Redis cannot be reached, with a store that waits on I/O the event loop free
while it waits, and two processes' stores on one Redis (two Rasa replicas) taking turns."""

from __future__ import annotations

import asyncio
import os
import shutil
import subprocess
import threading
import time
from collections.abc import Iterator
from typing import Any

import pytest
from rasa.core.lock import TicketLock
from rasa.core.lock_store import InMemoryLockStore, LockStore, RedisLockStore
from rasa.utils.endpoints import read_endpoint_config

from bot.dev.serve import free_port
from bot.paths import ROOT
from bot.storage.lock_store import TechTrackLockStore


@pytest.fixture
def redis_url() -> Iterator[str]:
    if not shutil.which("redis-server"):
        if os.environ.get("CI") or os.environ.get("REDIS_URL"):  # CI has Redis (.ci/run): never skip there
            pytest.fail("redis-server is not installed, and the Redis lock tests must run")
        pytest.skip("redis-server is not installed")
    port = free_port()
    server = subprocess.Popen(["redis-server", "--port", str(port), "--bind", "127.0.0.1",
                               "--save", "", "--appendonly", "no"], stdout=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 10
        while subprocess.run(["redis-cli", "-p", str(port), "ping"], capture_output=True,
                             text=True).stdout.strip() != "PONG":
            assert time.monotonic() < deadline, "redis-server did not start"
            time.sleep(0.1)
        yield f"redis://127.0.0.1:{port}/2"
    finally:
        server.terminate()
        server.wait(10)


def configured_lock_store(monkeypatch: pytest.MonkeyPatch) -> LockStore:
    """The lock store as Rasa builds it from endpoints.yml."""
    monkeypatch.setenv("ACTION_SERVER_URL", "http://127.0.0.1:9/webhook")
    monkeypatch.setenv("ACTION_SERVER_TOKEN", "test-action-token-0123")
    return LockStore.create(read_endpoint_config(str(ROOT / "endpoints.yml"), "lock_store"))


def test_without_redis_url_the_lock_store_is_in_process(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("REDIS_URL", raising=False)
    store = configured_lock_store(monkeypatch)
    assert isinstance(store, TechTrackLockStore)
    assert isinstance(store.store, InMemoryLockStore)


def test_with_redis_url_locks_live_in_redis(monkeypatch: pytest.MonkeyPatch, redis_url: str) -> None:
    monkeypatch.setenv("REDIS_URL", redis_url)
    store = configured_lock_store(monkeypatch)
    assert isinstance(store, TechTrackLockStore) and isinstance(store.store, RedisLockStore)

    async def hold() -> list[str]:
        async with store.lock("conversation-1"):
            return [k.decode() for k in store.store.red.keys("*")]

    assert asyncio.run(hold()) == ["lock:conversation-1"]


def test_an_unreachable_redis_stops_start_up_with_a_clear_message(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("REDIS_URL", f"redis://127.0.0.1:{free_port()}")
    with pytest.raises(SystemExit, match=r"TechTrack lock store: cannot reach Redis at redis://127\.0\.0\.1"):
        TechTrackLockStore()


class SlowStore(InMemoryLockStore):
    """The in-process store, standing in for a Redis that takes its time: the first read waits
    until the test lets it go."""

    def __init__(self) -> None:
        super().__init__()
        self.reading = threading.Event()
        self.go_on = threading.Event()

    def get_lock(self, conversation_id: str) -> TicketLock | None:
        if not self.go_on.is_set():
            self.reading.set()
            self.go_on.wait(10)  # bounded, so that a regression fails instead of hanging
        return super().get_lock(conversation_id)


def test_a_slow_lock_store_leaves_the_event_loop_free(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("REDIS_URL", raising=False)
    store = configured_lock_store(monkeypatch)
    assert isinstance(store, TechTrackLockStore)
    slow = SlowStore()
    store.store, store.blocking_io = slow, True  # as with Redis: calls that wait on the network
    order: list[str] = []

    async def scenario() -> None:
        async def turn() -> None:
            async with store.lock("conversation-1"):
                order.append("locked")

        task = asyncio.create_task(turn())
        while not slow.reading.is_set():  # the store is busy with the lock's first read
            await asyncio.sleep(0.01)
        order.append("another coroutine ran")
        slow.go_on.set()
        await task

    asyncio.run(scenario())
    assert order == ["another coroutine ran", "locked"]
    assert slow.get_lock("conversation-1") is None  # cleaned up afterwards


def test_off_the_loop_one_conversations_turns_still_take_turns(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("REDIS_URL", raising=False)
    store = configured_lock_store(monkeypatch)
    assert isinstance(store, TechTrackLockStore)
    store.blocking_io = True
    inside: list[int] = []
    overlaps: list[int] = []

    async def turn(number: int) -> None:
        async with store.lock("conversation-1", wait_time_in_seconds=0.01):
            if inside:
                overlaps.append(number)
            inside.append(number)
            await asyncio.sleep(0.02)
            inside.remove(number)

    async def scenario() -> None:
        await asyncio.gather(*(turn(n) for n in range(8)))

    asyncio.run(scenario())
    assert overlaps == []


def test_two_replicas_locking_one_conversation_in_redis_take_turns(
    monkeypatch: pytest.MonkeyPatch, redis_url: str
) -> None:
    """Two lock stores on one Redis, each on its own thread and event loop, stand for two Rasa
    replicas given messages of one conversation at the same moment: every turn gets a ticket of its
    own and no two turns hold the lock at once (Rasa's RedisLockStore alone loses tickets here: two
    replicas read the same lock and both write their ticket over it)."""
    monkeypatch.setenv("REDIS_URL", redis_url)
    stores = [configured_lock_store(monkeypatch) for _ in range(2)]
    guard = threading.Lock()
    inside: list[str] = []
    overlaps: list[str] = []
    served: list[str] = []
    start = threading.Barrier(len(stores))

    async def turn(store: LockStore, name: str) -> None:
        async with store.lock("conversation-1", lock_lifetime=30, wait_time_in_seconds=0.005):
            with guard:
                if inside:
                    overlaps.append(name)
                inside.append(name)
            await asyncio.sleep(0.002)
            with guard:
                inside.remove(name)
                served.append(name)

    def replica(number: int) -> None:
        start.wait()
        asyncio.run(_gather(*(turn(stores[number], f"{number}-{n}") for n in range(25))))

    threads = [threading.Thread(target=replica, args=(n,)) for n in range(len(stores))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert overlaps == []
    assert sorted(served) == sorted(f"{r}-{n}" for r in range(2) for n in range(25))
    assert stores[0].get_lock("conversation-1") is None  # the last turn cleaned up


async def _gather(*turns: Any) -> None:
    await asyncio.gather(*turns)
