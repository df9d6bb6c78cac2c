"""The checked corpus as FaqEntry objects, read once."""

from __future__ import annotations

from pathlib import Path

from bot.corpus.check import check_entries
from bot.corpus.files import read_raw
from bot.corpus.model import CorpusError, CorpusInvalid, FaqEntry
from bot.paths import CORPUS_DIR


def load_corpus(corpus_dir: Path = CORPUS_DIR) -> dict[str, FaqEntry]:
    """The checked corpus by id; raises CorpusInvalid listing every problem found."""
    try:
        raw_entries = read_raw(corpus_dir)
    except CorpusError as exc:
        raise CorpusInvalid([exc]) from exc
    problems = check_entries(raw_entries, corpus_dir)
    if problems:
        raise CorpusInvalid(problems)
    entries: dict[str, FaqEntry] = {}
    for path, raw in raw_entries:
        assert isinstance(raw, dict)
        entries[raw["id"]] = FaqEntry(
            id=raw["id"],
            title=raw["title"],
            question=raw["question"],
            seed_question=raw.get("seed_question"),
            answer=raw["answer"].strip(),
            examples=tuple(str(e).strip() for e in raw["examples"]),
            answers={k: v.strip() for k, v in (raw.get("answers") or {}).items()},
            offers_check=bool(raw.get("offers_check", False)),
            asks_role=bool(raw.get("asks_role", True)),
            path=path,
        )
    return entries
