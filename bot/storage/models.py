"""Our own tables (prefixed tt_; Rasa's `events` table is Rasa's). Created and changed only by the
Alembic migrations in bot/storage/migrations; these classes are how the code reads and writes them.

Conversation ids are keyed hashes (bot/storage/ids.py). Nothing here holds a person's raw answers
to the eligibility questions, and question texts are stored only after scrubbing (scrub.py).
"""

from __future__ import annotations

from datetime import datetime, timezone

import sqlalchemy as sa
from sqlalchemy.orm import declarative_base

Base = declarative_base()

HASH_LENGTH = 64  # hex HMAC-SHA256


def utcnow() -> datetime:
    return datetime.now(timezone.utc).replace(tzinfo=None)


class FaqAnswer(Base):
    """One FAQ answer the bot gave. The id is made by the bot (a UUID) so the feedback buttons can
    carry it before the row is written."""

    __tablename__ = "tt_faq_answers"

    id = sa.Column(sa.String(36), primary_key=True)
    conversation = sa.Column(sa.String(HASH_LENGTH), nullable=False, index=True)
    entry_id = sa.Column(sa.String(100), nullable=False, index=True)
    role = sa.Column(sa.String(50))
    confidence = sa.Column(sa.Float, nullable=False)
    channel = sa.Column(sa.String(50))
    created_at = sa.Column(sa.DateTime, nullable=False, index=True, default=utcnow)


class Unanswered(Base):
    """A question the bot could not answer ('unanswered') or asked to clarify ('clarified', with
    the candidate FAQ ids it offered). The text is scrubbed of personal data before it is stored."""

    __tablename__ = "tt_unanswered"

    id = sa.Column(sa.Integer, primary_key=True, autoincrement=True)
    conversation = sa.Column(sa.String(HASH_LENGTH), nullable=False, index=True)
    text = sa.Column(sa.Text, nullable=False)
    kind = sa.Column(sa.String(20), nullable=False)
    candidates = sa.Column(sa.String(500))  # comma-separated FAQ ids, for 'clarified'
    channel = sa.Column(sa.String(50))
    created_at = sa.Column(sa.DateTime, nullable=False, index=True, default=utcnow)

    __table_args__ = (sa.CheckConstraint("kind in ('unanswered', 'clarified')", name="tt_unanswered_kind"),)


class Feedback(Base):
    """"Was this helpful?" for one answer; a second click on the same answer replaces the first.
    What the person was looking for comes after their "No" as a row that replaces it with the text,
    and is kept when the answer is rated again (bot/storage/recorder.py)."""

    __tablename__ = "tt_feedback"

    id = sa.Column(sa.Integer, primary_key=True, autoincrement=True)
    answer_id = sa.Column(
        sa.String(36), sa.ForeignKey("tt_faq_answers.id", ondelete="CASCADE"), nullable=False,
        unique=True,
    )
    helpful = sa.Column(sa.Boolean, nullable=False)
    # After "No": what the person said they were looking for, scrubbed of personal data and cut
    # to LOOKING_FOR_MAX characters (analytics.looking_for). Null when they skipped the question.
    looking_for = sa.Column(sa.Text)
    created_at = sa.Column(sa.DateTime, nullable=False, index=True, default=utcnow)


class EligibilityOutcome(Base):
    """How an eligibility check ended: the verdict, the role and the keys of the criteria that
    failed. Never the answers themselves."""

    __tablename__ = "tt_eligibility_outcomes"

    id = sa.Column(sa.Integer, primary_key=True, autoincrement=True)
    conversation = sa.Column(sa.String(HASH_LENGTH), nullable=False, index=True)
    verdict = sa.Column(sa.String(30), nullable=False)
    role = sa.Column(sa.String(50))
    failed_criteria = sa.Column(sa.String(500), nullable=False, default="")  # comma-separated keys
    created_at = sa.Column(sa.DateTime, nullable=False, index=True, default=utcnow)

