"""The analytics writer: rows are queued on the request path and written by a background thread,
so a database that is down or slow never delays or breaks a reply.

- `record()` never blocks and never raises: it puts the row on a bounded queue.
- The thread scrubs question texts, hashes conversation ids and writes rows in small batches.
- While the database is unreachable the thread keeps the batch it holds and retries with backoff;
  new rows wait in the queue (up to `max_pending`). When the queue is full, new rows are dropped
  and counted: the oldest ones, already waiting, are kept.
- The first failure of an outage is logged once with its reason (never the message text);
  when writing works again, one line says how many rows were written late and how many dropped.
- A row the database refuses (for example feedback on an answer that was dropped) is dropped on
  its own, without holding up the others.
"""

from __future__ import annotations

import contextlib
import logging
import queue
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from bot.storage.db import describe_error, make_engine, sqlite_file_pool
from bot.storage.ids import conversation_hash
from bot.storage.models import Feedback

logger = logging.getLogger("bot.storage.recorder")

DEFAULT_MAX_PENDING = 5000
BATCH_SIZE = 100
FIRST_RETRY_SECONDS = 0.5
MAX_RETRY_SECONDS = 15.0
# Errors that mean "the database is not there (or too slow) right now": keep the rows and retry.
TRANSIENT = (sa.exc.OperationalError, sa.exc.InterfaceError, sa.exc.TimeoutError)


@dataclass
class Row:
    table: sa.Table
    values: dict[str, Any]
    sender_id: str | None = None  # hashed into values["conversation"] by the writer
    scrub_field: str | None = None  # scrubbed by the writer before it is stored
    max_length: int | None = None  # the scrubbed field is then cut to this many characters


@dataclass
class Stats:
    written: int = 0
    dropped_full: int = 0
    dropped_refused: int = 0
    outages: int = 0
    down_since: float | None = field(default=None, repr=False)


_STOP = object()


class Recorder:
    def __init__(
        self,
        database_url: str,
        key: Callable[[], bytes],
        scrubber: Callable[[str], str],
        max_pending: int = DEFAULT_MAX_PENDING,
        max_retry_seconds: float = MAX_RETRY_SECONDS,
    ) -> None:
        self.database_url = database_url
        self._key_source = key
        self._scrubber = scrubber
        self._queue: queue.Queue[Any] = queue.Queue(maxsize=max_pending)
        self._max_retry = max_retry_seconds
        self._engine: Engine | None = None
        self._key: bytes | None = None
        self._closing = threading.Event()
        self._lock = threading.Lock()
        self._logged_refusals: set[tuple[str, str]] = set()
        self.stats = Stats()
        self._thread = threading.Thread(target=self._run, name="analytics-recorder", daemon=True)
        self._thread.start()

    # The request path.

    def record(self, row: Row) -> None:
        try:
            self._queue.put_nowait(row)
        except queue.Full:
            with self._lock:
                self.stats.dropped_full += 1
                first = self.stats.dropped_full == 1
            if first:
                logger.error(
                    "analytics: %d rows are waiting for the database, the most kept: new rows are "
                    "dropped (and counted) until it is back", self._queue.maxsize,
                )

    # Control.

    def wait_idle(self, timeout: float) -> bool:
        """True once every queued row has been written or dropped (for tests and shutdown)."""
        deadline = time.monotonic() + timeout
        while self._queue.unfinished_tasks:
            if time.monotonic() > deadline:
                return False
            time.sleep(0.05)
        return True

    def close(self, timeout: float = 5.0) -> None:
        """Write what is queued if the database answers within `timeout`; then stop."""
        self._closing.set()
        with contextlib.suppress(queue.Full):
            self._queue.put(_STOP, timeout=timeout)
        self._thread.join(timeout)
        if self._engine is not None and not self._thread.is_alive():
            self._engine.dispose()

    # The writer thread.

    def _run(self) -> None:
        while True:
            item = self._queue.get()
            batch = [item]
            while len(batch) < BATCH_SIZE:
                try:
                    batch.append(self._queue.get_nowait())
                except queue.Empty:
                    break
            stop = any(r is _STOP for r in batch)
            rows = [r for r in batch if r is not _STOP]
            try:
                self._write_until_done(rows)
            except Exception:  # never let the thread die: the bot must carry on
                logger.exception("analytics: unexpected error; %d rows dropped", len(rows))
            finally:
                for _ in batch:
                    self._queue.task_done()
            if stop:
                return

    def _write_until_done(self, rows: list[Row]) -> None:
        prepared = [p for p in (self._prepare(r) for r in rows) if p is not None]
        delay = FIRST_RETRY_SECONDS
        while prepared:
            try:
                self._write(prepared)
            except TRANSIENT as error:
                self._went_down(error)
                if self._closing.is_set():
                    return  # shutting down: close() bounds how long we wait
                time.sleep(delay)
                delay = min(delay * 2, self._max_retry)
                continue
            except sa.exc.SQLAlchemyError:
                self._write_one_by_one(prepared)
                return
            self._came_back(len(prepared))
            return

    def _prepare(self, row: Row) -> tuple[sa.Table, dict[str, Any]] | None:
        """Hash the conversation id and scrub the text; a row that cannot be made safe is dropped."""
        values = dict(row.values)
        try:
            if row.sender_id is not None:
                if self._key is None:
                    self._key = self._key_source()
                values["conversation"] = conversation_hash(row.sender_id, self._key)
            if row.scrub_field:
                # Scrubbed whole, then cut: cutting first could leave half an email or a phone
                # number that the scrubber no longer recognises.
                scrubbed = self._scrubber(values[row.scrub_field])
                if row.max_length is not None:
                    scrubbed = cut(scrubbed, row.max_length)
                values[row.scrub_field] = scrubbed
        except Exception as error:
            self._refused(row.table, error)
            return None
        return row.table, values

    def _engine_or_create(self) -> Engine:
        if self._engine is None:
            # On a SQLite file, connections kept open (sqlite_file_pool), as the tracker store's:
            # SQLAlchemy 1.4 would open one, with its pragmas, for every batch.
            self._engine = make_engine(self.database_url, statement_timeout=True,
                                       **sqlite_file_pool(self.database_url))
        return self._engine

    def _write(self, rows: list[tuple[sa.Table, dict[str, Any]]]) -> None:
        with self._engine_or_create().begin() as connection:
            for table, values in rows:
                _insert(connection, table, values)

    def _write_one_by_one(self, rows: list[tuple[sa.Table, dict[str, Any]]]) -> None:
        written = 0
        for table, values in rows:
            try:
                with self._engine_or_create().begin() as connection:
                    _insert(connection, table, values)
                written += 1
            except sa.exc.SQLAlchemyError as error:
                self._refused(table, error)
        self._came_back(written)

    def _went_down(self, error: BaseException) -> None:
        with self._lock:
            if self.stats.down_since is not None:
                return
            self.stats.down_since = time.monotonic()
            self.stats.outages += 1
        logger.error(
            "analytics: cannot write to the database (%s). The bot carries on; rows are kept "
            "(up to %d) and written when it is back.", describe_error(error), self._queue.maxsize,
        )

    def _came_back(self, written: int) -> None:
        with self._lock:
            self.stats.written += written
            was_down = self.stats.down_since is not None
            if was_down:
                self.stats.down_since = None
                dropped = self.stats.dropped_full
        if was_down:
            logger.warning(
                "analytics: the database is back; writing the rows kept while it was down "
                "(%d rows dropped so far because the queue was full)", dropped,
            )

    def _refused(self, table: sa.Table, error: BaseException) -> None:
        reason = describe_error(error)
        with self._lock:
            self.stats.dropped_refused += 1
            kind = (table.name, reason.split(":", 1)[0])
            first = kind not in self._logged_refusals
            self._logged_refusals.add(kind)
        if first:  # once per table and kind of error, not once per row
            logger.error("analytics: a %s row was dropped (%s)", table.name, reason)


def cut(text: str, limit: int) -> str:
    """At most `limit` characters: a longer text ends at a word boundary (when there is one in its
    last 40 characters, so that a placeholder such as [phone] is not cut in half) with "…"."""
    if len(text) <= limit:
        return text
    kept = text[: limit - 1]
    boundary = kept.rfind(" ")
    if boundary >= limit - 41:
        kept = kept[:boundary]
    return kept.rstrip() + "…"


def _insert(connection: sa.engine.Connection, table: sa.Table, values: dict[str, Any]) -> None:
    if table is Feedback.__table__:
        # A second click on the same answer's buttons replaces the first; what the person said they
        # were looking for (after a "No") is kept, unless the new row brings a new one.
        if values.get("looking_for") is None:
            values = {**values, "looking_for": connection.execute(
                sa.select(table.c.looking_for).where(table.c.answer_id == values["answer_id"])
            ).scalar()}
        connection.execute(sa.delete(table).where(table.c.answer_id == values["answer_id"]))
    connection.execute(sa.insert(table).values(**values))
