"""The tracker store (bot/storage/tracker_store.py) on a SQLite file: its database calls leave the
event loop free, and saving merges a tracker's events with the stored ones rather than writing the
tracker from position N. The outages themselves (seconds of real lock and connection timeouts) are
in tests/integration/test_storage_outages.py."""

from __future__ import annotations

import asyncio
import sqlite3
import threading
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, BotUttered, UserUttered

from bot.storage.tracker_store import TechTrackTrackerStore


@pytest.fixture
def tracker_db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "trackers.db"
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{path}")
    return path


def stored(path: Path, sender: str) -> list[tuple[str, float]]:
    with sqlite3.connect(path) as connection:
        return list(connection.execute(
            "SELECT type_name, timestamp FROM events WHERE sender_id = ? ORDER BY id", (sender,)
        ))


def turn(text: str) -> list[Any]:
    return [UserUttered(text), BotUttered(f"about {text}"), ActionExecuted("action_listen")]


def test_a_database_call_that_waits_for_a_lock_leaves_the_event_loop_free(tracker_db: Path) -> None:
    store = TechTrackTrackerStore(domain=Domain.empty())
    asyncio.run(store.get_or_create_tracker("person-1"))  # the table and the conversation exist
    statement_started = threading.Event()
    sa.event.listen(store.engine, "before_cursor_execute", lambda *args: statement_started.set())
    blocker = sqlite3.connect(tracker_db, isolation_level=None)
    blocker.execute("BEGIN EXCLUSIVE")  # another connection holds the lock, as a long job would
    order: list[str] = []

    async def scenario() -> None:
        tracker = store.init_tracker("person-1")
        for event in turn("hello"):
            tracker.update(event)
        save = asyncio.create_task(store.save(tracker))
        save.add_done_callback(lambda _: order.append("saved"))
        while not statement_started.is_set():  # the save's first statement is waiting on the lock
            await asyncio.sleep(0.01)
        order.append("another coroutine ran")
        assert not save.done()
        blocker.execute("ROLLBACK")
        await save

    try:
        asyncio.run(scenario())
    finally:
        blocker.close()
    assert order == ["another coroutine ran", "saved"]
    assert [t for t, _ in stored(tracker_db, "person-1")] == ["action", "user", "bot", "action"]
    store.engine.dispose()


def test_saving_writes_only_what_is_not_stored_yet_in_the_trackers_order(tracker_db: Path) -> None:
    store = TechTrackTrackerStore(domain=Domain.empty())

    async def conversation() -> None:
        tracker = await store.get_or_create_tracker("person-2")
        for event in turn("one"):
            tracker.update(event)
        await store.save(tracker)
        await store.save(tracker)  # nothing new: nothing written
        # Another server process (sharing the database) adds a turn this tracker does not have.
        other = await TechTrackTrackerStore(domain=Domain.empty()).retrieve("person-2")
        assert other is not None
        for event in turn("from elsewhere"):
            other.update(event)
        await store.save(other)
        # Rasa's save would write this tracker from position len(stored) and lose "two".
        for event in turn("two"):
            tracker.update(event)
        await store.save(tracker)

    asyncio.run(conversation())
    rows = stored(tracker_db, "person-2")
    assert len(rows) == len(set(rows)) == 1 + 3 * 3  # every event once
    tracker = asyncio.run(store.retrieve("person-2"))
    assert tracker is not None
    assert [e.text for e in tracker.events if isinstance(e, UserUttered)] == ["one", "from elsewhere", "two"]
    assert asyncio.run(store.retrieve_full_tracker("person-2")) is not None
    assert list(asyncio.run(store.keys())) == ["person-2"]
    store.engine.dispose()
