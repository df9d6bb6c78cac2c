"""Feedback: what the person was looking for when an answer did not help (nullable, scrubbed text).

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-03
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("tt_feedback", sa.Column("looking_for", sa.Text, nullable=True))


def downgrade() -> None:
    # Batch mode: SQLite rebuilds the table without the column; PostgreSQL drops it in place.
    with op.batch_alter_table("tt_feedback") as batch:
        batch.drop_column("looking_for")
