"""Secrets on a developer machine: generated once into var/, readable by their owner only.
In production every secret comes from the environment instead."""

from __future__ import annotations

import os
import secrets
from pathlib import Path


def generated_secret(path: Path) -> str:
    """A developer machine's secret: made once, at random, into `path` (0600, in a 0700 folder),
    then read back; production secrets come from the environment instead. Raises ValueError when
    the file is empty."""
    if not path.exists():
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:
            pass  # another process created it first
        else:
            with os.fdopen(fd, "w") as out:
                out.write(secrets.token_hex(32))
    value = path.read_text().strip()
    if not value:
        raise ValueError(f"{path} is empty: delete it and a new secret is generated")
    return value

