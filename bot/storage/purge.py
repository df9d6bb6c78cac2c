"""Retention: delete what is older than the cutoff, from our tables and from Rasa's tracker table.

A conversation's tracker is deleted whole, once its latest event is older than the cutoff, so a
conversation still going on never loses its start.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta

import sqlalchemy as sa

from bot.storage.db import make_engine
from bot.storage.models import EligibilityOutcome, FaqAnswer, Feedback, Unanswered, utcnow

RASA_EVENTS = sa.table(
    "events", sa.column("sender_id", sa.String), sa.column("timestamp", sa.Float)
)
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
    conversations: int  # Rasa trackers deleted

    def summary(self) -> str:
        lines = [f"Deleted everything older than {self.cutoff:%Y-%m-%d %H:%M} UTC:"]
        lines.append(
            f"  conversation trackers (Rasa's events table): {self.conversations} conversations, "
            f"{self.rows.get('events', 0)} events"
        )
        for table in ("tt_faq_answers", "tt_feedback", "tt_unanswered", "tt_eligibility_outcomes"):
            lines.append(f"  {table}: {self.rows.get(table, 0)} rows")
        return "\n".join(lines)


def purge(database_url: str, older_than: timedelta, now: datetime | None = None) -> Purged:
    cutoff = (now or utcnow()) - older_than
    engine = make_engine(database_url)
    rows: dict[str, int] = {}
    conversations = 0
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
                conversations, rows["events"] = _purge_trackers(connection, cutoff)
    finally:
        engine.dispose()
    return Purged(cutoff, rows, conversations)


def _purge_trackers(connection: sa.engine.Connection, cutoff: datetime) -> tuple[int, int]:
    epoch = (cutoff - datetime(1970, 1, 1)).total_seconds()
    events = RASA_EVENTS
    old = (
        sa.select(events.c.sender_id)
        .group_by(events.c.sender_id)
        .having(sa.func.max(events.c.timestamp) < epoch)
    )
    senders = [row[0] for row in connection.execute(old)]
    deleted = 0
    for start in range(0, len(senders), 500):
        chunk = senders[start : start + 500]
        deleted += connection.execute(sa.delete(events).where(events.c.sender_id.in_(chunk))).rowcount
    return len(senders), deleted
