"""Storage when the database is down or slow: the recorder and the tracker store carry on from
memory and write what was kept when the database is back. These tests wait out real lock and
connection timeouts (seconds each), so they run in the integration lane; against SQLite always and
PostgreSQL when TEST_DATABASE_URL is set."""

from __future__ import annotations

import asyncio
import json
import logging
import sqlite3
import threading
import time
import uuid
from datetime import datetime

import pytest
import sqlalchemy as sa
from sqlalchemy.engine import make_url

from bot.storage.models import FaqAnswer
from bot.storage.recorder import Row
from tests.helpers.channel_fakes import wait_for
from tests.helpers.db_support import TcpProxy, recorder_for, rows, through

# --- the recorder when the database is down ----------------------------------------------------

def answer_row(entry: str = "salary") -> Row:
    return Row(FaqAnswer.__table__, {"id": str(uuid.uuid4()), "entry_id": entry, "confidence": 0.9,
                                     "created_at": datetime.utcnow()}, sender_id="someone")


class Outage:
    """Takes the database away from a recorder and gives it back: for SQLite another connection
    holds the write lock (writes fail with "database is locked"; with `reads_too`, in SQLite's
    exclusive locking mode, which shuts out readers of a WAL database as well); for PostgreSQL the
    recorder goes through a TCP proxy that is closed (connection refused) and reopened."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.proxy: TcpProxy | None = None
        self.lock: sqlite3.Connection | None = None
        if make_url(url).get_backend_name() == "postgresql":
            parsed = make_url(url)
            self.proxy = TcpProxy(parsed.host or "127.0.0.1", parsed.port or 5432)
            self.proxy.up()
            self.recorder_url = through(url, self.proxy.port)
        else:
            self.recorder_url = url

    def down(self, reads_too: bool = False) -> None:
        if self.proxy:
            self.proxy.down()
        else:
            self.lock = sqlite3.connect(make_url(self.url).database, isolation_level=None)
            if reads_too:
                self.lock.execute("PRAGMA locking_mode=EXCLUSIVE")
            self.lock.execute("BEGIN EXCLUSIVE")

    def up(self) -> None:
        if self.proxy:
            self.proxy.up()
        elif self.lock:
            self.lock.execute("ROLLBACK")
            self.lock.close()


def test_a_database_that_is_down_delays_nothing_and_gets_the_rows_when_back(
    database: str, caplog: pytest.LogCaptureFixture
) -> None:
    outage = Outage(database)
    recorder = recorder_for(outage.recorder_url, max_retry_seconds=1.0)
    recorder.record(answer_row("before"))
    assert recorder.wait_idle(30)
    outage.down()
    with caplog.at_level(logging.ERROR, logger="bot.storage.recorder"):
        started = time.monotonic()
        for _ in range(20):
            recorder.record(answer_row("during"))
        assert time.monotonic() - started < 0.5  # the request path never waits for the database
        # A fixed wait, on purpose: what is checked is that failed attempts (SQLite waits 5 s for its
        # lock each time, PostgreSQL fails at once) are not logged each, and no event marks "the
        # writer tried again and stayed quiet".
        time.sleep(7)
        assert rows(database, "SELECT count(*) FROM tt_faq_answers WHERE entry_id = 'during'") == [(0,)]
    failures = [r for r in caplog.records if "cannot write to the database" in r.getMessage()]
    assert len(failures) == 1  # logged once, with the reason
    assert ("locked" if outage.proxy is None else "connect") in failures[0].getMessage()
    outage.up()
    assert recorder.wait_idle(60)
    assert rows(database, "SELECT count(*) FROM tt_faq_answers WHERE entry_id = 'during'") == [(20,)]
    assert recorder.stats.outages == 1 and recorder.stats.dropped_full == 0
    recorder.close()


def test_when_the_queue_is_full_new_rows_are_dropped_and_counted(database: str) -> None:
    outage = Outage(database)
    recorder = recorder_for(outage.recorder_url, max_pending=5, max_retry_seconds=1.0)
    outage.down()
    recorder.record(answer_row("held"))
    # The writer has taken this row and failed to write it: it holds it and retries.
    assert wait_for(lambda: recorder.stats.outages == 1, timeout=30)
    for _ in range(8):
        recorder.record(answer_row("queued"))
    assert recorder.stats.dropped_full == 3
    outage.up()
    assert recorder.wait_idle(60)
    assert rows(database, "SELECT count(*) FROM tt_faq_answers") == [(6,)]
    recorder.close()


# --- the tracker store when the database is down -----------------------------------------------

def test_the_tracker_store_carries_a_conversation_through_an_outage(
    database: str, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    import asyncio

    from rasa.shared.core.domain import Domain
    from rasa.shared.core.events import ActionExecuted, UserUttered

    from bot.storage.tracker_store import TechTrackTrackerStore

    outage = Outage(database)
    monkeypatch.setenv("DATABASE_URL", outage.recorder_url)
    store = TechTrackTrackerStore(domain=Domain.empty())

    async def say(text: str) -> list[str]:
        tracker = await store.get_or_create_tracker("person-1")
        tracker.update(UserUttered(text))
        tracker.update(ActionExecuted("action_listen"))
        await store.save(tracker)
        return [e.text for e in tracker.events if isinstance(e, UserUttered)]

    assert asyncio.run(say("before")) == ["before"]
    outage.down()
    with caplog.at_level(logging.ERROR, logger="bot.storage.tracker_store"):
        assert asyncio.run(say("during")) == ["before", "during"]
        assert asyncio.run(say("still down")) == ["before", "during", "still down"]
    assert sum("cannot use the database" in r.getMessage() for r in caplog.records) == 1
    outage.up()
    assert asyncio.run(say("after")) == ["before", "during", "still down", "after"]
    stored = rows(database, "SELECT data FROM events WHERE type_name = 'user' ORDER BY id")
    assert ['"text": "during"' in str(d) for (d,) in stored] == [False, True, False, False]
    store.engine.dispose()


def test_a_slow_database_delays_a_reply_by_seconds_not_for_ever(
    database: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Another connection holds a lock on Rasa's table, as a long-running job would: the tracker
    store's statements give up after 5 s (SQLite's lock wait is 5 s too) and the conversation
    carries on from memory."""
    import asyncio

    from rasa.shared.core.domain import Domain
    from rasa.shared.core.events import UserUttered

    from bot.storage.tracker_store import TechTrackTrackerStore

    monkeypatch.setenv("DATABASE_URL", database)
    store = TechTrackTrackerStore(domain=Domain.empty())

    async def say(text: str) -> float:
        started = time.monotonic()
        tracker = await store.get_or_create_tracker("person-2")
        tracker.update(UserUttered(text))
        await store.save(tracker)
        return time.monotonic() - started

    asyncio.run(say("before"))
    blocker = sa.create_engine(database, future=True)
    with blocker.connect() as connection:
        transaction = connection.begin()
        if blocker.dialect.name == "postgresql":
            connection.execute(sa.text("LOCK TABLE events IN ACCESS EXCLUSIVE MODE"))
        else:
            connection.execute(sa.text("DELETE FROM events WHERE 1 = 0"))  # takes the write lock
        release = threading.Timer(20, transaction.rollback)  # so that a hang fails, not hangs
        release.start()
        took = asyncio.run(say("while slow"))
        release.cancel()
        if transaction.is_active:
            transaction.rollback()
    blocker.dispose()
    assert 4 < took < 15
    asyncio.run(say("after"))
    stored = rows(database, "SELECT data FROM events WHERE type_name = 'user' ORDER BY id")
    assert ['"text": "while slow"' in str(d) for (d,) in stored] == [False, True, False]
    store.engine.dispose()


def say_to(store: object, sender: str, text: str) -> None:
    """One turn: the person's message and the end of the turn, saved."""
    from rasa.shared.core.events import ActionExecuted, UserUttered

    async def turn() -> None:
        tracker = await store.get_or_create_tracker(sender)  # type: ignore[attr-defined]
        tracker.update(UserUttered(text))
        tracker.update(ActionExecuted("action_listen"))
        await store.save(tracker)  # type: ignore[attr-defined]

    asyncio.run(turn())


def test_events_kept_through_an_outage_are_merged_with_what_is_stored_not_sliced(
    database: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The server restarted since the person's last message, so the conversation is not in its
    memory; the database goes away (reads too), the person carries on from a fresh tracker, and the
    database comes back. Rasa's save would write the tracker's events from position N, N being the
    number stored, dropping the first of those said during the outage; merged, every event is
    stored once, in order."""
    from rasa.shared.core.domain import Domain

    from bot.storage.tracker_store import TechTrackTrackerStore

    outage = Outage(database)
    monkeypatch.setenv("DATABASE_URL", outage.recorder_url)
    earlier_run = TechTrackTrackerStore(domain=Domain.empty())
    say_to(earlier_run, "person-3", "before")
    earlier_run.engine.dispose()
    store = TechTrackTrackerStore(domain=Domain.empty())
    # On SQLite the store keeps its connections open (a pool), and an open connection to a WAL
    # database keeps another from taking the exclusive lock that shuts readers out: closed here,
    # so that the outage can begin (the store opens new connections, which fail, until it ends).
    store.engine.dispose()
    outage.down(reads_too=True)
    say_to(store, "person-3", "during")
    say_to(store, "person-3", "still down")
    outage.up()
    say_to(store, "person-3", "after")
    stored = rows(database, "SELECT type_name, timestamp, data FROM events "
                            "WHERE sender_id = 'person-3' ORDER BY id")
    said = [json.loads(data)["text"] for type_name, _, data in stored if type_name == "user"]
    assert said == ["before", "during", "still down", "after"]
    keys = [(type_name, timestamp) for type_name, timestamp, _ in stored]
    assert len(set(keys)) == len(keys)  # every event once
    assert [timestamp for _, timestamp in keys] == sorted(timestamp for _, timestamp in keys)  # in order

    async def again() -> None:
        tracker = await store.retrieve("person-3")
        assert tracker is not None
        await store.save(tracker)

    asyncio.run(again())  # saving the whole tracker again adds nothing
    assert len(rows(database, "SELECT id FROM events WHERE sender_id = 'person-3'")) == len(stored)
    store.engine.dispose()
