"""Analytics tables: FAQ answers, unanswered questions, feedback, eligibility outcomes.

Revision ID: 0001
Revises:
Create Date: 2026-11-29
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "tt_faq_answers",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("conversation", sa.String(64), nullable=False),
        sa.Column("entry_id", sa.String(100), nullable=False),
        sa.Column("role", sa.String(50)),
        sa.Column("confidence", sa.Float, nullable=False),
        sa.Column("channel", sa.String(50)),
        sa.Column("created_at", sa.DateTime, nullable=False),
    )
    op.create_index("ix_tt_faq_answers_conversation", "tt_faq_answers", ["conversation"])
    op.create_index("ix_tt_faq_answers_entry_id", "tt_faq_answers", ["entry_id"])
    op.create_index("ix_tt_faq_answers_created_at", "tt_faq_answers", ["created_at"])

    op.create_table(
        "tt_unanswered",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("conversation", sa.String(64), nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("candidates", sa.String(500)),
        sa.Column("channel", sa.String(50)),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.CheckConstraint("kind in ('unanswered', 'clarified')", name="tt_unanswered_kind"),
    )
    op.create_index("ix_tt_unanswered_conversation", "tt_unanswered", ["conversation"])
    op.create_index("ix_tt_unanswered_created_at", "tt_unanswered", ["created_at"])

    op.create_table(
        "tt_feedback",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column(
            "answer_id", sa.String(36),
            sa.ForeignKey("tt_faq_answers.id", ondelete="CASCADE", name="tt_feedback_answer_fk"),
            nullable=False, unique=True,
        ),
        sa.Column("helpful", sa.Boolean(name="tt_feedback_helpful_bool"), nullable=False),
        sa.Column("created_at", sa.DateTime, nullable=False),
    )
    op.create_index("ix_tt_feedback_created_at", "tt_feedback", ["created_at"])

    op.create_table(
        "tt_eligibility_outcomes",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("conversation", sa.String(64), nullable=False),
        sa.Column("verdict", sa.String(30), nullable=False),
        sa.Column("role", sa.String(50)),
        sa.Column("failed_criteria", sa.String(500), nullable=False),
        sa.Column("created_at", sa.DateTime, nullable=False),
    )
    op.create_index(
        "ix_tt_eligibility_outcomes_conversation", "tt_eligibility_outcomes", ["conversation"]
    )
    op.create_index("ix_tt_eligibility_outcomes_created_at", "tt_eligibility_outcomes", ["created_at"])


def downgrade() -> None:
    op.drop_table("tt_eligibility_outcomes")
    op.drop_table("tt_feedback")
    op.drop_table("tt_unanswered")
    op.drop_table("tt_faq_answers")
