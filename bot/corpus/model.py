"""A FAQ entry as read from one faq_corpus/<id>.yml file."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

from bot.paths import CORPUS_DIR


@dataclass(frozen=True)
class FaqEntry:
    id: str
    title: str
    question: str
    seed_question: str | None
    answer: str
    examples: tuple[str, ...]
    answers: dict[str, str] = field(default_factory=dict)
    path: Path | None = None

    @property
    def role_specific(self) -> bool:
        return bool(self.answers)

    def answer_for(self, role: str | None) -> str:
        """The answer for `role`, or the answer covering every role when none is known or needed."""
        if role is not None and role in self.answers:
            return self.answers[role]
        return self.answer


class CorpusError(Exception):
    """One problem in one corpus file, named by file and field."""

    def __init__(self, path: Path, field_name: str, message: str) -> None:
        self.path = path
        self.field_name = field_name
        self.message = message
        super().__init__(str(self))

    def __str__(self) -> str:
        try:
            shown = self.path.relative_to(Path.cwd())
        except ValueError:
            shown = self.path
        return f"{shown}: {self.field_name}: {self.message}"


def read_raw(corpus_dir: Path = CORPUS_DIR) -> list[tuple[Path, object]]:
    """Each corpus file with its parsed YAML, in file-name order (no validation)."""
    out: list[tuple[Path, object]] = []
    for path in sorted(corpus_dir.glob("*.yml")):
        try:
            out.append((path, yaml.safe_load(path.read_text(encoding="utf-8"))))
        except yaml.YAMLError as exc:
            raise CorpusError(path, "file", f"not valid YAML ({exc})") from exc
    return out


def load_corpus(corpus_dir: Path = CORPUS_DIR) -> dict[str, FaqEntry]:
    """The checked corpus by id; raises CorpusError listing the first problem found."""
    from bot.corpus.check import check_corpus

    problems = check_corpus(corpus_dir)
    if problems:
        raise problems[0]
    entries: dict[str, FaqEntry] = {}
    for path, raw in read_raw(corpus_dir):
        assert isinstance(raw, dict)
        entries[raw["id"]] = FaqEntry(
            id=raw["id"],
            title=raw["title"],
            question=raw["question"],
            seed_question=raw.get("seed_question"),
            answer=raw["answer"].strip(),
            examples=tuple(str(e).strip() for e in raw["examples"]),
            answers={k: v.strip() for k, v in (raw.get("answers") or {}).items()},
            path=path,
        )
    return entries
