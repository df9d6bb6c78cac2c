"""The tracker store (bot/storage/tracker_store.py) on a SQLite file: its database calls leave the
event loop free, and saving merges a tracker's events with the stored ones rather than writing the
tracker from position N. Saving what a turn read plus its new events
writes them without reading (what the store knows to be stored), with two stores on one database
as two replicas. The outages themselves (seconds of real lock and connection timeouts) are in
tests/integration/test_storage_outages.py."""

from __future__ import annotations

import asyncio
import json
import sqlite3
import threading
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, BotUttered, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from bot.storage.tracker_store import TechTrackTrackerStore
from tests.helpers.db_support import rows


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


# --- saving without reading: what a store knows to be stored ------------------------------------

def statements_of(store: TechTrackTrackerStore) -> list[str]:
    """Every SQL statement the store runs from now on, its first word upper-cased."""
    seen: list[str] = []
    sa.event.listen(store.engine, "before_cursor_execute",
                    lambda _c, _cur, statement, *rest: seen.append(statement.split()[0].upper()))
    return seen


def stored_rows(url: str, sender: str) -> list[tuple[str, float, str]]:
    found = rows(url, "SELECT type_name, timestamp, data FROM events "
                      f"WHERE sender_id = '{sender}' ORDER BY id")
    return [(str(t), float(ts), str(d)) for t, ts, d in found]  # type: ignore[arg-type]


def user_texts_stored(url: str, sender: str) -> list[str]:
    return [json.loads(data)["text"] for kind, _, data in stored_rows(url, sender) if kind == "user"]


def test_two_replicas_taking_turns_in_one_conversation_store_every_event_once_in_order(
    database: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two stores on one database, as two Rasa replicas behind the balancer: the turns of one
    conversation land on either, one at a time (the Redis lock store), each turn reading the
    conversation, adding its events and saving. What each store remembers of the stored prefix is
    stale once the other has written, and must not make it write an event twice or lose one; the
    common case (a turn saving what it read plus its new events) writes with one INSERT and no
    read. A turn that saves a tracker it read before the other replica wrote (no lock) adds its
    own events and loses none of the other's."""
    monkeypatch.setenv("DATABASE_URL", database)
    stores = {name: TechTrackTrackerStore(domain=Domain.empty()) for name in "ab"}
    statements = {name: statements_of(store) for name, store in stores.items()}
    said: list[str] = []
    saves: list[tuple[str, list[str]]] = []

    async def say(name: str, text: str, tracker: Any = None) -> None:
        store = stores[name]
        tracker = tracker or await store.get_or_create_tracker("person-3")
        for event in turn(text):
            tracker.update(event)
        said.append(text)
        statements[name].clear()
        await store.save(tracker)
        saves.append((text, list(statements[name])))

    async def conversation() -> None:
        for number, name in enumerate("aababbbaabab"):
            await say(name, f"turn {number} on {name}")
        # No lock: a reads, b runs a whole turn, then a saves what it read plus its own turn.
        stale = await stores["a"].retrieve("person-3")
        await say("b", "b, meanwhile")
        await say("a", "a, on what it read before", tracker=stale)
        for name in "abba":
            await say(name, f"and on {name}")

    asyncio.run(conversation())
    stored = stored_rows(database, "person-3")
    keys = [(type_name, timestamp) for type_name, timestamp, _ in stored]
    assert len(set(keys)) == len(keys)  # no event twice
    assert len(keys) == 1 + 3 * len(said)  # none lost: the first action_listen, each turn's three
    assert user_texts_stored(database, "person-3") == said  # in order
    # Every save was one INSERT without a read: each turn had just read the conversation (the
    # other store's turns included), and the stale tracker's prefix is a's own.
    assert all(run == ["INSERT"] for _, run in saves), saves
    tracker = asyncio.run(stores["b"].retrieve("person-3"))
    assert tracker is not None
    assert [e.text for e in tracker.events if isinstance(e, UserUttered)] == said
    for store in stores.values():
        store.engine.dispose()


def test_a_tracker_other_than_the_one_read_or_saved_is_compared_in_full(
    database: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """What a store knows is of the tracker object it read or saved. Another tracker of the same
    conversation, even with the same first events, is compared with what is stored: here one
    that lacks a turn another replica wrote, and one sent whole (as through the HTTP API) with the
    events another replica wrote after this store learnt its prefix."""
    monkeypatch.setenv("DATABASE_URL", database)
    store = TechTrackTrackerStore(domain=Domain.empty())
    elsewhere = TechTrackTrackerStore(domain=Domain.empty())
    seen = statements_of(store)

    async def conversation() -> None:
        tracker = await store.get_or_create_tracker("person-4")
        for event in turn("one"):
            tracker.update(event)
        await store.save(tracker)
        other = await elsewhere.retrieve("person-4")  # another replica's turn
        assert other is not None
        for event in turn("elsewhere"):
            other.update(event)
        await elsewhere.save(other)
        # The whole conversation as the other replica has it, as a new tracker: its first events
        # are the ones `store` knows, the rest were written by the other replica.
        sent = DialogueStateTracker.from_dict("person-4", [e.as_dict() for e in other.events], [])
        seen.clear()
        await store.save(sent)
        assert seen == ["SELECT"]  # compared, and nothing written twice
        seen.clear()
        for event in turn("two"):
            tracker.update(event)  # `tracker` lacks "elsewhere", but it is the one `store` knows
        await store.save(tracker)
        assert seen == ["SELECT", "INSERT"]  # `sent` was saved since: `tracker` is no longer known
        seen.clear()
        await store.save(tracker)  # nothing new, and known: no statement at all
        assert seen == []

    asyncio.run(conversation())
    assert user_texts_stored(database, "person-4") == ["one", "elsewhere", "two"]
    keys = [(t, ts) for t, ts, _ in stored_rows(database, "person-4")]
    assert len(set(keys)) == len(keys) == 1 + 3 * 3
    store.engine.dispose()
    elsewhere.engine.dispose()


def test_after_a_failed_save_the_next_one_compares_in_full(
    database: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A write that fails may have reached the database (a commit can fail after it is done):
    what was known is forgotten, and the next save reads what is stored."""
    monkeypatch.setenv("DATABASE_URL", database)
    store = TechTrackTrackerStore(domain=Domain.empty())
    seen = statements_of(store)
    failures = [1]

    def fail_once(_c: Any, _cur: Any, statement: str, *rest: Any) -> None:
        if statement.startswith("INSERT") and failures:
            failures.pop()
            raise sa.exc.OperationalError(statement, {}, RuntimeError("the database went away"))

    async def conversation() -> None:
        tracker = await store.get_or_create_tracker("person-5")
        for event in turn("one"):
            tracker.update(event)
        await store.save(tracker)
        tracker = await store.get_or_create_tracker("person-5")
        for event in turn("two"):
            tracker.update(event)
        sa.event.listen(store.engine, "before_cursor_execute", fail_once)
        await store.save(tracker)  # fails: carried on from memory
        tracker = await store.get_or_create_tracker("person-5")  # from memory, not read
        for event in turn("three"):
            tracker.update(event)
        seen.clear()
        await store.save(tracker)
        assert seen[0] == "SELECT" and "INSERT" in seen

    asyncio.run(conversation())
    assert not failures
    assert user_texts_stored(database, "person-5") == ["one", "two", "three"]
    keys = [(t, ts) for t, ts, _ in stored_rows(database, "person-5")]
    assert len(set(keys)) == len(keys) == 1 + 3 * 3
    store.engine.dispose()


def test_a_sqlite_file_keeps_its_connections_and_each_gets_secure_delete(tracker_db: Path) -> None:
    store = TechTrackTrackerStore(domain=Domain.empty())
    connects: list[object] = []
    sa.event.listen(store.engine, "connect", lambda connection, _record: connects.append(connection))

    async def turns() -> None:
        for number in range(5):
            tracker = await store.get_or_create_tracker("person-6")
            for event in turn(f"turn {number}"):
                tracker.update(event)
            await store.save(tracker)

    asyncio.run(turns())
    assert len(connects) <= 1  # reused from the pool (one may have been opened at start-up)
    with store.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA secure_delete").scalar() == 1
    store.engine.dispose()
