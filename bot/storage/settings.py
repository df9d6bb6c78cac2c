"""Storage settings from the environment. Secrets (the id hash key) come only from the environment,
except on a developer machine, where a random key is generated once into var/id-hash.key."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from bot.paths import ROOT
from bot.secret_files import generated_secret

VAR_DIR = ROOT / "var"
DEFAULT_DATABASE_FILE = VAR_DIR / "techtrack.db"
KEY_FILE = VAR_DIR / "id-hash.key"
DEFAULT_RETENTION_DAYS = 90


class StorageConfigError(RuntimeError):
    """A storage setting is missing or wrong; the message says which and what to do."""


@dataclass(frozen=True)
class StorageSettings:
    database_url: str
    database_url_from_env: bool
    retention_days: int
    redis_url: str | None

    @classmethod
    def from_env(cls, env: Mapping[str, str] = os.environ) -> StorageSettings:
        url = env.get("DATABASE_URL", "").strip()
        return cls(
            database_url=url or f"sqlite:///{DEFAULT_DATABASE_FILE}",
            database_url_from_env=bool(url),
            retention_days=_retention_days(env.get("TECHTRACK_RETENTION_DAYS", "")),
            redis_url=env.get("REDIS_URL", "").strip() or None,
        )


def _retention_days(raw: str) -> int:
    raw = raw.strip()
    if not raw:
        return DEFAULT_RETENTION_DAYS
    try:
        days = int(raw)
    except ValueError as exc:
        raise StorageConfigError(
            f"TECHTRACK_RETENTION_DAYS must be a whole number of days, not {raw!r}"
        ) from exc
    if days < 1:
        raise StorageConfigError(f"TECHTRACK_RETENTION_DAYS must be at least 1, not {days}")
    return days


def id_hash_key(env: Mapping[str, str] = os.environ, key_file: Path = KEY_FILE) -> bytes:
    """The HMAC key for conversation ids.

    TECHTRACK_ID_HASH_KEY when set. Without it, on a developer machine (DATABASE_URL unset) a random
    key is generated once into var/id-hash.key (mode 0600); with DATABASE_URL set (production) a
    missing key is an error, because a key that changed would split every conversation's rows.
    """
    key = env.get("TECHTRACK_ID_HASH_KEY", "").strip()
    if key:
        if len(key) < 16:
            raise StorageConfigError("TECHTRACK_ID_HASH_KEY must be at least 16 characters long")
        return key.encode()
    if env.get("DATABASE_URL", "").strip():
        raise StorageConfigError(
            "TECHTRACK_ID_HASH_KEY is not set. With DATABASE_URL set, the key that hashes "
            "conversation ids must come from the environment: set TECHTRACK_ID_HASH_KEY to a long "
            "random secret (for example the output of `python -c \"import secrets; "
            "print(secrets.token_hex(32))\"`) and keep it the same across restarts."
        )
    return _developer_key(key_file)


def _developer_key(key_file: Path) -> bytes:
    try:
        return generated_secret(key_file).encode()
    except ValueError as empty:
        raise StorageConfigError(str(empty)) from None
