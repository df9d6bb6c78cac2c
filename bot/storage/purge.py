"""Retention: delete what is older than the cutoff, from our tables and from Rasa's tracker table,
then give the space back so that what was deleted is gone from the database's files too.

Rasa's `events` table is trimmed event by event: every event older than the cutoff goes, even in a
conversation that is still going on (a person who comes back keeps only what they said recently).
A conversation all of whose events are older is thereby deleted whole.

Freeing the space: SQLite runs with `PRAGMA secure_delete=ON` (deleted rows are overwritten with
zeros; bot/storage/db.py and tracker_store.py), and the purge ends with VACUUM (the file is
rebuilt without the free pages) and a WAL checkpoint that truncates the write-ahead log, which
still holds the pages as they were. PostgreSQL gets a VACUUM of the tables purged (outside a
transaction): the dead rows' space is marked free for reuse; it is overwritten as the tables grow.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime, timedelta

import sqlalchemy as sa

from bot.storage.db import describe_error, make_engine
from bot.storage.models import EligibilityOutcome, FaqAnswer, Feedback, Unanswered, utcnow

RASA_EVENTS = sa.table(
    "events", sa.column("sender_id", sa.String), sa.column("timestamp", sa.Float)
)
OUR_TABLES = ("tt_faq_answers", "tt_feedback", "tt_unanswered", "tt_eligibility_outcomes")
AGE = re.compile(r"^\s*(\d+)\s*([dw]?)\s*$", re.IGNORECASE)


def parse_age(text: str) -> timedelta:
    """'90d', '90' (days) or '12w' (weeks)."""
    match = AGE.match(text)
    if not match or int(match.group(1)) < 1:
        raise ValueError(f"--older-than takes a number of days such as 90d (or weeks: 12w), not {text!r}")
    number, unit = int(match.group(1)), match.group(2).lower()
    return timedelta(weeks=number) if unit == "w" else timedelta(days=number)


@dataclass(frozen=True)
class Purged:
    cutoff: datetime
    rows: dict[str, int]  # table name -> rows deleted
    conversations: int  # Rasa conversations deleted whole (every event was older than the cutoff)
    trimmed: int = 0  # conversations still going on that lost their older events
    space: list[str] = field(default_factory=list)  # what was done to free the space, or why not
    space_freed: bool = True  # False when the VACUUM failed (the rows are deleted all the same)

    def summary(self) -> str:
        lines = [f"Deleted everything older than {self.cutoff:%Y-%m-%d %H:%M} UTC:"]
        lines.append(
            f"  conversation trackers (Rasa's events table): {self.conversations} conversations, "
            f"{self.rows.get('events', 0)} events"
            + (f" (and the older events of {self.trimmed} conversations still going on)"
               if self.trimmed else "")
        )
        for table in OUR_TABLES:
            lines.append(f"  {table}: {self.rows.get(table, 0)} rows")
        lines += [f"  {line}" for line in self.space]
        return "\n".join(lines)


def purge(database_url: str, older_than: timedelta, now: datetime | None = None) -> Purged:
    cutoff = (now or utcnow()) - older_than
    engine = make_engine(database_url)
    rows: dict[str, int] = {}
    conversations = trimmed = 0
    try:
        with engine.begin() as connection:
            tables = set(sa.inspect(connection).get_table_names())
            answers = FaqAnswer.__table__
            old_answers = sa.select(answers.c.id).where(answers.c.created_at < cutoff)
            feedback = Feedback.__table__
            if feedback.name in tables:
                rows[feedback.name] = connection.execute(sa.delete(feedback).where(
                    (feedback.c.created_at < cutoff) | feedback.c.answer_id.in_(old_answers)
                )).rowcount
            for model in (FaqAnswer, Unanswered, EligibilityOutcome):
                table = model.__table__
                if table.name in tables:
                    rows[table.name] = connection.execute(
                        sa.delete(table).where(table.c.created_at < cutoff)
                    ).rowcount
            if "events" in tables:
                conversations, trimmed, rows["events"] = _purge_events(connection, cutoff)
        space, freed = _free_space(engine, [t for t in (*OUR_TABLES, "events") if t in tables])
    finally:
        engine.dispose()
    return Purged(cutoff, rows, conversations, trimmed, space, freed)


def _purge_events(connection: sa.engine.Connection, cutoff: datetime) -> tuple[int, int, int]:
    """Delete every event older than the cutoff; return how many conversations went whole, how
    many lost only their older events, and how many events went."""
    epoch = (cutoff - datetime(1970, 1, 1)).total_seconds()
    events = RASA_EVENTS
    touched = (
        sa.select(
            events.c.sender_id,
            sa.func.max(events.c.timestamp).label("latest"),
        )
        .group_by(events.c.sender_id)
        .having(sa.func.min(events.c.timestamp) < epoch)
        .subquery()
    )
    whole, trimmed = connection.execute(sa.select(
        sa.func.sum(sa.case((touched.c.latest < epoch, 1), else_=0)),
        sa.func.sum(sa.case((touched.c.latest >= epoch, 1), else_=0)),
    )).one()
    deleted = connection.execute(sa.delete(events).where(events.c.timestamp < epoch)).rowcount
    return int(whole or 0), int(trimmed or 0), deleted


def _free_space(engine: sa.engine.Engine, tables: list[str]) -> tuple[list[str], bool]:
    """VACUUM (outside a transaction, as both databases require); on SQLite, then truncate the
    write-ahead log. A failure is reported, not raised: the rows are deleted either way."""
    try:
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
            if engine.dialect.name == "sqlite":
                connection.exec_driver_sql("VACUUM")
                busy, _, _ = connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)").one()
                if busy:
                    return ["space: VACUUM done; the write-ahead log is in use by another connection "
                            "and is truncated at its next checkpoint"], True
                return ["space: VACUUM done, write-ahead log truncated"], True
            if engine.dialect.name == "postgresql" and tables:
                for table in tables:
                    connection.exec_driver_sql(f'VACUUM (ANALYZE) "{table}"')
                return [f"space: VACUUM of {', '.join(tables)}"], True
    except sa.exc.DBAPIError as error:
        return [f"space: VACUUM failed ({describe_error(error)}); the rows are deleted, run the "
                "purge again to free their space"], False
    return [], True
