"""Engines for our database (SQLAlchemy 1.4 in 2.0 style), with timeouts so that a database that
is down or slow fails fast instead of hanging, and a start-up check that gives up within 30 s."""

from __future__ import annotations

import contextlib
import os
import time
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import URL, Engine, make_url

STARTUP_TIMEOUT_SECONDS = 30.0
CONNECT_TIMEOUT_SECONDS = 5
SQLITE_BUSY_TIMEOUT_SECONDS = 5
# For the writes on (or beside) the request path: the tracker store and the recorder. Not for
# migrations or purge, which may legitimately take longer.
STATEMENT_TIMEOUT_SECONDS = 5


class DatabaseUnavailable(RuntimeError):
    """The database did not answer in time; the message names it (without a password) and why."""


def safe_url(url: str | URL) -> str:
    return make_url(url).render_as_string(hide_password=True)


def connect_args(url: str | URL, statement_timeout: bool = False) -> dict[str, Any]:
    """Driver options that bound how long connecting (and, with `statement_timeout`, a statement
    on PostgreSQL; SQLite's lock wait is bounded anyway) may take."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "postgresql":
        args: dict[str, Any] = {
            "connect_timeout": CONNECT_TIMEOUT_SECONDS,
            "keepalives": 1, "keepalives_idle": 10, "keepalives_interval": 5, "keepalives_count": 2,
        }
        if statement_timeout:
            # Added to any `options` the URL has (such as a search_path), which this would replace.
            given = parsed.query.get("options")
            given = given if isinstance(given, str) else " ".join(given or ())
            limit = f"-c statement_timeout={STATEMENT_TIMEOUT_SECONDS * 1000}"
            args["options"] = f"{given} {limit}".strip()
        return args
    if parsed.get_backend_name() == "sqlite":
        return {"timeout": SQLITE_BUSY_TIMEOUT_SECONDS}
    return {}


# Connections kept open for a SQLite file by the tracker store (SQLAlchemy 1.4 otherwise opens and
# closes one per query for a file, running the connect listeners each time). More at once are opened
# as needed and closed after use, so nothing ever waits for a pooled connection.
SQLITE_POOL_SIZE = 5


def sqlite_file_pool(url: str | URL) -> dict[str, Any]:
    """`create_engine` arguments that keep connections to a SQLite file open (none for another
    database or an in-memory one). A connection is used by one thread at a time (it is checked out
    of the pool), so it may be handed from one worker thread to another: `check_same_thread` off.
    An idle pooled connection holds no lock (it is rolled back when returned), so another connection
    holding the lock still makes our statements wait and fail as before, and the connect listeners
    (secure_delete) still run on every connection, once."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or parsed.database in (None, "", ":memory:"):
        return {}
    return {
        "poolclass": sa.pool.QueuePool, "pool_size": SQLITE_POOL_SIZE, "max_overflow": -1,
        "connect_args": {"check_same_thread": False},
    }


def prepare_sqlite_file(url: str | URL) -> None:
    """Create the SQLite file, readable by its owner only (0600), in a folder only its owner can
    enter when we create that folder (var/ on a fresh clone: SQLite cannot create folders). An
    existing file is made 0600 too. SQLite gives its -wal and -shm files the database's mode."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or parsed.database in (None, "", ":memory:"):
        return
    path = Path(parsed.database)
    if not path.parent.exists():
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    with contextlib.suppress(FileExistsError):
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    for file in (path, Path(f"{path}-wal"), Path(f"{path}-shm"), Path(f"{path}-journal")):
        with contextlib.suppress(FileNotFoundError, PermissionError):
            if file.stat().st_mode & 0o077:
                file.chmod(0o600)


def sqlite_secure_delete(dbapi_connection: Any, _record: Any = None) -> None:
    """Deleted rows are overwritten with zeros rather than left in free pages (for purge)."""
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA secure_delete=ON")
    cursor.close()


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    # WAL lets the Rasa server and the action server write to the same file without readers
    # blocking writers; foreign keys are off by default in SQLite.
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()
    sqlite_secure_delete(dbapi_connection)


def make_engine(url: str | URL, *, statement_timeout: bool = False, **kwargs: Any) -> Engine:
    """An engine with our timeouts; `connect_args` in kwargs are added to them (sqlite_file_pool's)."""
    prepare_sqlite_file(url)
    extra = kwargs.pop("connect_args", None) or {}
    engine = sa.create_engine(
        url, future=True, pool_pre_ping=True,
        connect_args={**connect_args(url, statement_timeout), **extra}, **kwargs,
    )
    if engine.dialect.name == "sqlite":
        sa.event.listen(engine, "connect", _sqlite_pragmas)
    return engine


def describe_error(error: BaseException) -> str:
    """The reason for a database error in one line, without SQL or parameters (they may hold a
    person's message)."""
    original = getattr(error, "orig", None) or error
    first_line = (str(original).strip().splitlines() or [""])[0]
    return f"{type(original).__name__}: {first_line}" if first_line else type(original).__name__


def wait_for_database(engine: Engine, timeout: float = STARTUP_TIMEOUT_SECONDS) -> None:
    """Return once `SELECT 1` works; raise DatabaseUnavailable after `timeout` seconds."""
    started = time.monotonic()
    deadline = started + timeout
    while True:
        try:
            with engine.connect() as connection:
                connection.execute(sa.text("SELECT 1"))
            return
        except sa.exc.DBAPIError as error:
            reason = describe_error(error)
        # Give up when another attempt (which may take the whole connect timeout) would overrun.
        if time.monotonic() + 1 + CONNECT_TIMEOUT_SECONDS > deadline:
            raise DatabaseUnavailable(
                f"cannot reach the database at {safe_url(engine.url)} "
                f"(gave up after {time.monotonic() - started:.0f} s: {reason}). "
                "Check DATABASE_URL and that the database server is running."
            )
        time.sleep(1)
