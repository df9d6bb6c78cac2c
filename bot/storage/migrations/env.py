"""Alembic environment for our tables. Run through bot/storage/migrate.py, which passes the
connection; Alembic's own bookkeeping table is tt_alembic_version, next to our tables."""

from __future__ import annotations

from alembic import context

from bot.storage.migrate import VERSION_TABLE
from bot.storage.models import Base


def run_migrations_online() -> None:
    connection = context.config.attributes["connection"]
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        version_table=VERSION_TABLE,
        # Only our tables: Rasa's `events` table in the same database is not ours to migrate.
        include_name=lambda name, type_, parent: type_ != "table" or name.startswith("tt_"),
    )
    with context.begin_transaction():
        context.run_migrations()


if context.is_offline_mode():
    raise SystemExit("offline (SQL script) migrations are not supported: use `python -m bot db upgrade`")
run_migrations_online()
