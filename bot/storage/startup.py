"""Before the servers start: check the storage settings and bring our tables up to date, failing
within 30 s with a clear message when the database cannot be reached."""

from __future__ import annotations

from collections.abc import Mapping

import sqlalchemy as sa

from bot.storage import migrate
from bot.storage.db import STARTUP_TIMEOUT_SECONDS, DatabaseUnavailable
from bot.storage.settings import StorageConfigError, StorageSettings, id_hash_key


class StorageNotReady(RuntimeError):
    pass


def prepare(env: Mapping[str, str], timeout: float = STARTUP_TIMEOUT_SECONDS) -> StorageSettings:
    try:
        settings = StorageSettings.from_env(env)
        id_hash_key(env)
        migrate.upgrade(settings.database_url, timeout=timeout)
    except (StorageConfigError, DatabaseUnavailable) as error:
        raise StorageNotReady(str(error)) from None
    except (sa.exc.ArgumentError, sa.exc.NoSuchModuleError) as error:
        raise StorageNotReady(
            f"DATABASE_URL is not a database URL this bot can use ({error}); for example "
            "postgresql://user:password@host/techtrack or sqlite:////absolute/path/techtrack.db"
        ) from None
    return settings
