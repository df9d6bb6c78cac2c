"""The console's set-up lines: one per step, "✓ LABEL — TIME", or "✓ LABEL — up to date" when the
step had nothing to do. scripts/step.sh prints them for the steps `make` runs (their output goes to
logs/NAME.log); bot/dev/serve.py prints them for starting the servers.

A step run by scripts/step.sh says that it had nothing to do with `note("up to date")`: the text
goes to the file named by $STEP_NOTE and is printed instead of the time.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TextIO

NOTE_ENV = "STEP_NOTE"
DONE = "✓"
FAILED = "✗"
PENDING = "…"


def duration(seconds: float) -> str:
    """"0.4 s", "9.9 s", "41 s", "1 min 43 s" (as scripts/step.sh writes them)."""
    ms = max(0, int(seconds * 1000))
    if ms < 10_000:
        return f"{ms // 1000}.{ms % 1000 // 100} s"
    whole = (ms + 500) // 1000
    return f"{whole} s" if whole < 60 else f"{whole // 60} min {whole % 60} s"


def note(text: str) -> None:
    """Tell scripts/step.sh what to print instead of the time (when it runs this step)."""
    path = os.environ.get(NOTE_ENV)
    if path:
        Path(path).write_text(text + "\n", encoding="utf-8")


class Console:
    """Step lines on `stream`. On a terminal a pending step shows as "… LABEL" until its line
    replaces it; elsewhere (a pipe, a file) only the finished lines are written."""

    def __init__(self, stream: TextIO | None = None) -> None:
        self.stream = stream or sys.stdout
        self.tty = self.stream.isatty()
        self._pending = False

    def pending(self, label: str) -> None:
        if self.tty:
            self.clear()
            self.stream.write(f"{PENDING} {label}")
            self.stream.flush()
            self._pending = True

    def done(self, label: str, seconds: float | None = None, detail: str | None = None) -> None:
        self.line(f"{DONE} {label} — {detail if detail is not None else duration(seconds or 0.0)}")

    def line(self, text: str = "") -> None:
        self.clear()
        self.stream.write(text + "\n")
        self.stream.flush()

    def clear(self) -> None:
        """Take a pending line off the terminal (before an error is printed)."""
        if self._pending:
            self.stream.write("\r\033[K")
            self._pending = False
