"""The published TechTrack FAQ page (docs/source/techtrack-faq.txt) and its questions."""

from __future__ import annotations

from pathlib import Path

from bot.paths import SEED_PAGE


def seed_questions(path: Path = SEED_PAGE) -> list[str]:
    """The page's questions: its lines that end with a question mark, trimmed."""
    lines = (line.strip() for line in path.read_text(encoding="utf-8").splitlines())
    return [line for line in lines if line.endswith("?")]
