"""The lock store endpoints.yml names: in-process by default, Redis when REDIS_URL is set (against
a throwaway redis-server this test starts), and a clear message when Redis cannot be reached."""

from __future__ import annotations

import asyncio
import shutil
import subprocess
import time
from collections.abc import Iterator

import pytest
from rasa.core.lock_store import InMemoryLockStore, LockStore, RedisLockStore
from rasa.utils.endpoints import read_endpoint_config

from bot.dev.serve import free_port
from bot.paths import ROOT
from bot.storage.lock_store import TechTrackLockStore


@pytest.fixture
def redis_url() -> Iterator[str]:
    if not shutil.which("redis-server"):
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
