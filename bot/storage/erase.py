"""Deleting one conversation's analytics rows when the person asks for it (actions/privacy.py).

Rasa's events for the conversation are deleted by the tracker store (tracker_store.py,
`erase_requested`), in the save that follows the person's confirmation.
"""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from bot.storage.models import EligibilityOutcome, FaqAnswer, Feedback, Unanswered

# Set by action_delete_conversation once the person has confirmed: the tracker store's save that
# follows deletes the conversation's events instead of writing them.
ERASE_SLOT = "erase_conversation"


def erase_analytics(engine: Engine, conversation: str) -> dict[str, int]:
    """Delete every row of our tables that belongs to the conversation with this hashed id (feedback
    through the answers it was about); return the rows deleted per table."""
    rows: dict[str, int] = {}
    with engine.begin() as connection:
        tables = set(sa.inspect(connection).get_table_names())
        answers = FaqAnswer.__table__
        theirs = sa.select(answers.c.id).where(answers.c.conversation == conversation)
        feedback = Feedback.__table__
        if feedback.name in tables:
            rows[feedback.name] = connection.execute(
                sa.delete(feedback).where(feedback.c.answer_id.in_(theirs))
            ).rowcount
        for model in (FaqAnswer, Unanswered, EligibilityOutcome):
            table = model.__table__
            if table.name in tables:
                rows[table.name] = connection.execute(
                    sa.delete(table).where(table.c.conversation == conversation)
                ).rowcount
    return rows
