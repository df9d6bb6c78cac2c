"""Retention inside a conversation: a purge deletes every event older than the cutoff, even in a
conversation still going on, keeps the newer ones (the conversation carries on from them), and
frees the space, so that on SQLite what was deleted is no longer anywhere in the database's files.
Against SQLite always and PostgreSQL when TEST_DATABASE_URL is set."""

from __future__ import annotations

import asyncio
import stat
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest
import sqlalchemy as sa

from bot.__main__ import main
from bot.storage import db, migrate
from tests.helpers.db_support import DATABASES, fresh_database, rows

NOW = datetime.utcnow()
OLD = NOW - timedelta(days=120)
RECENT = NOW - timedelta(days=5)
OLD_SECRET = "Zanzibar-Quokka-1987"  # what a returning person said four months ago
ENDED_SECRET = "Marmalade-Okapi-2004"  # said in a conversation that ended four months ago
RECENT_TEXT = "Vermilion-Tapir-2025"  # said last week


def _epoch(moment: datetime) -> float:
    return (moment - datetime(1970, 1, 1)).total_seconds()


@pytest.fixture(params=DATABASES)
def database(
    request: pytest.FixtureRequest, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[str]:
    with fresh_database(request.param, tmp_path) as url:
        migrate.upgrade(url)
        monkeypatch.setenv("DATABASE_URL", url)
        yield url


def _store() -> object:
    from rasa.shared.core.domain import Domain

    from bot.storage.tracker_store import TechTrackTrackerStore

    return TechTrackTrackerStore(domain=Domain.empty())


def _say(store: object, sender: str, text: str, when: datetime) -> None:
    from rasa.shared.core.events import ActionExecuted, BotUttered, UserUttered
    from rasa.shared.core.trackers import DialogueStateTracker

    async def say() -> None:
        tracker = await store.retrieve(sender)  # type: ignore[attr-defined]
        tracker = tracker or DialogueStateTracker(sender, slots=[])
        tracker.update(UserUttered(text, timestamp=_epoch(when)))
        tracker.update(BotUttered(f"You said {text}", timestamp=_epoch(when)))
        tracker.update(ActionExecuted("action_listen", timestamp=_epoch(when)))
        await store.save(tracker)  # type: ignore[attr-defined]

    asyncio.run(say())


def _texts(store: object, sender: str) -> list[str]:
    from rasa.shared.core.events import UserUttered

    tracker = asyncio.run(store.retrieve(sender))  # type: ignore[attr-defined]
    return [e.text for e in tracker.events if isinstance(e, UserUttered)] if tracker else []


def test_old_events_of_a_conversation_still_going_on_are_deleted_and_the_newer_kept(
    database: str, capsys: pytest.CaptureFixture[str]
) -> None:
    store = _store()
    _say(store, "returning", OLD_SECRET, OLD)
    _say(store, "ended", ENDED_SECRET, OLD)
    _say(store, "returning", RECENT_TEXT, RECENT)
    assert _texts(store, "returning") == [OLD_SECRET, RECENT_TEXT]

    assert main(["purge", "--older-than", "90d"]) == 0
    printed = capsys.readouterr().out
    assert "1 conversations, 6 events (and the older events of 1 conversations still going on)" in printed
    assert "space: VACUUM" in printed

    left = rows(database, "SELECT sender_id, timestamp, data FROM events ORDER BY id")
    assert {sender for sender, _, _ in left} == {"returning"}
    assert all(timestamp >= _epoch(RECENT) - 1 for _, timestamp, _ in left)
    assert any(RECENT_TEXT in str(data) for _, _, data in left)
    assert not any(OLD_SECRET in str(data) or ENDED_SECRET in str(data) for _, _, data in left)

    # the conversation carries on from what is left, and new events are stored after it
    assert _texts(store, "returning") == [RECENT_TEXT]
    _say(store, "returning", "and today", NOW)
    assert _texts(store, "returning") == [RECENT_TEXT, "and today"]
    assert rows(database, "SELECT count(*) FROM events WHERE sender_id = 'returning'") == [(6,)]
    store.engine.dispose()  # type: ignore[attr-defined]


@pytest.mark.parametrize("secure_delete", ["as SQLite was built", "off"])
def test_on_sqlite_what_was_deleted_is_gone_from_the_files(
    secure_delete: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Debian builds SQLite with secure_delete on by default; where it is off (other builds, or
    with the pragma turned off here for the purge's connection) the VACUUM alone must do."""
    if secure_delete == "off":
        monkeypatch.setattr(db, "sqlite_secure_delete",
                            lambda connection, record=None: connection.execute("PRAGMA secure_delete=OFF"))
    path = tmp_path / "var" / "techtrack.db"
    url = f"sqlite:///{path}"
    monkeypatch.setenv("DATABASE_URL", url)
    migrate.upgrade(url)
    store = _store()
    for number in range(20):  # enough rows that they fill several pages
        _say(store, f"person-{number}", f"{OLD_SECRET} {number}", OLD)
    _say(store, "person-0", RECENT_TEXT, RECENT)

    def files() -> bytes:
        return b"".join(p.read_bytes() for p in path.parent.iterdir() if p.name.startswith(path.name))

    assert OLD_SECRET.encode() in files()
    assert main(["purge", "--older-than", "90d"]) == 0
    assert OLD_SECRET.encode() not in files()
    assert RECENT_TEXT.encode() in files()
    store.engine.dispose()  # type: ignore[attr-defined]
    with sa.create_engine(url).connect() as connection:
        assert connection.exec_driver_sql("PRAGMA freelist_count").scalar() == 0


def test_the_sqlite_file_and_its_folder_are_private(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "var" / "techtrack.db"
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{path}")
    monkeypatch.setattr("os.umask", lambda mask: 0)  # harmless: only shows the modes are explicit
    migrate.upgrade(f"sqlite:///{path}")
    store = _store()
    _say(store, "someone", "hello", NOW)
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    for file in path.parent.iterdir():
        assert stat.S_IMODE(file.stat().st_mode) == 0o600, file.name
    store.engine.dispose()  # type: ignore[attr-defined]


def test_an_existing_sqlite_file_is_made_private(tmp_path: Path) -> None:
    from bot.storage.db import prepare_sqlite_file

    path = tmp_path / "old.db"
    path.write_bytes(b"")
    path.chmod(0o644)
    prepare_sqlite_file(f"sqlite:///{path}")
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_sqlite_connections_delete_securely(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    url = f"sqlite:///{tmp_path / 'x.db'}"
    monkeypatch.setenv("DATABASE_URL", url)
    store = _store()
    assert sa.event.contains(store.engine, "connect", db.sqlite_secure_delete)  # type: ignore[attr-defined]
    with store.engine.connect() as connection:  # type: ignore[attr-defined]
        assert connection.exec_driver_sql("PRAGMA secure_delete").scalar() == 1
    engine = db.make_engine(url)
    assert sa.event.contains(engine, "connect", db._sqlite_pragmas)
    with engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA secure_delete").scalar() == 1
    engine.dispose()
    store.engine.dispose()  # type: ignore[attr-defined]
