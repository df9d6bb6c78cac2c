"""A FAQ entry as read from one faq_corpus/<id>.yml file, and the error that names a problem in one."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

# The retrieval intent the FAQ entries are labels of: `faq/<id>`, answered by `utter_faq/<id>`.
RETRIEVAL_INTENT = "faq"


@dataclass(frozen=True)
class FaqEntry:
    id: str
    title: str
    question: str
    seed_question: str | None
    answer: str
    examples: tuple[str, ...]
    answers: dict[str, str] = field(default_factory=dict)
    # After this answer the bot offers the step-by-step eligibility check.
    offers_check: bool = False
    # With role variants: whether the role is asked for when none is known (false: the answer
    # covering every role is given, and a role named or remembered gets its variant).
    asks_role: bool = True
    path: Path | None = None

    @property
    def role_specific(self) -> bool:
        return bool(self.answers)

    @property
    def needs_role(self) -> bool:
        """Whether the role is asked for before answering, when none is known."""
        return self.role_specific and self.asks_role

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


class CorpusInvalid(Exception):
    """Every problem found in the corpus; the first is the message."""

    def __init__(self, problems: list[CorpusError]) -> None:
        self.problems = problems
        super().__init__(str(problems[0]) if problems else "invalid corpus")
