"""The eligibility questions: what each asks and the answers it takes. The structure (ids, kinds,
option values) is here; every word shown is in texts.yml."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from typing import Any

from bot.eligibility.wording import texts
from bot.roles import ROLES

YES, NO, NOT_SURE = "yes", "no", "not_sure"
ROLE_UNDECIDED = "undecided"
ALL_MY_LIFE = "all_my_life"


class Kind(Enum):
    CHOICE = "choice"  # one of the options
    NUMBER = "number"  # a number (age), or "not sure"
    YEARS = "years"  # a length of time: years, a bound ("<3"), all my life, or "not sure"


@dataclass(frozen=True)
class Option:
    value: str
    label: str


@dataclass(frozen=True)
class Question:
    id: str
    kind: Kind
    option_values: tuple[str, ...] = ()
    offers_not_sure: bool = True  # a "Not sure" button (the role question has "I don't know yet")

    @property
    def _texts(self) -> dict[str, Any]:
        return texts()["questions"][self.id]

    @property
    def prompt(self) -> str:
        return self._texts["prompt"]

    def prompt_for(self, answers: dict[str, Any]) -> str:
        """The prompt, worded for the person's group where the question differs by group."""
        by_group = self._texts.get("prompts") or {}
        return by_group.get(str(answers.get("nationality")), self.prompt)

    @property
    def why(self) -> str:
        return self._texts["why"]

    @property
    def hint(self) -> str:
        return self._texts["hint"]

    @property
    def summary(self) -> str:
        return self._texts["summary"]

    def summary_for(self, answers: dict[str, Any]) -> str:
        """The summary, worded for the person's group where the question differs by group ("Years
        living in the UK and the EEA or Switzerland")."""
        by_group = self._texts.get("summaries") or {}
        return by_group.get(str(answers.get("nationality")), self.summary)

    @property
    def options(self) -> tuple[Option, ...]:
        labels = self._texts.get("options") or {}
        common = texts()["answer_labels"]
        return tuple(
            Option(v, labels.get(v) or (ROLES[v].name if v in ROLES else common.get(v, v)))
            for v in self.option_values
        )

    def choices(self) -> tuple[Option, ...]:
        """The answers offered as buttons."""
        if self.offers_not_sure and NOT_SURE not in self.option_values:
            return (*self.options, Option(NOT_SURE, texts()["not_sure_label"]))
        return self.options

    def label_for(self, value: object) -> str:
        """How an answer is shown back ("all my life", "3 years and 2 months", "Pre-settled status")."""
        common = texts()["answer_labels"]
        for option in self.options:
            if option.value == value:
                return option.label
        if isinstance(value, str) and value in common:
            return common[value]
        if self.kind is Kind.YEARS:
            return years_label(value)
        if isinstance(value, str) and value[:1] in "<>":  # an age said as a bound: "under 16"
            return f"{'under' if value[0] == '<' else 'over'} {value[1:]}"
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        return str(value)


def years_label(value: object) -> str:
    """ "3 years and 2 months", "less than 3 years", "more than 5 years"."""
    if isinstance(value, str) and value[:1] in "<>":
        bound = float(value[1:])
        shown = _years_words(bound)
        return f"less than {shown}" if value[0] == "<" else f"more than {shown}"
    if isinstance(value, (int, float)):
        return _years_words(float(value))
    return str(value)


def _years_words(years: float) -> str:
    months_total = round(years * 12)
    whole, months = divmod(months_total, 12)
    parts = []
    if whole:
        parts.append(f"{whole} year" + ("s" if whole != 1 else ""))
    if months:
        parts.append(f"{months} month" + ("s" if months != 1 else ""))
    return " and ".join(parts) or "less than a month"


YES_NO = (YES, NO)
QUESTIONS: dict[str, Question] = {
    q.id: q
    for q in (
        Question("role", Kind.CHOICE, (*ROLES, ROLE_UNDECIDED), offers_not_sure=False),
        Question("age", Kind.NUMBER),
        Question("age_at_start", Kind.CHOICE, YES_NO),
        Question("nationality", Kind.CHOICE, ("uk", "irish", "eu_eea", "other")),
        Question("euss_status", Kind.CHOICE, ("settled", "pre_settled", "pending", "none")),
        Question("other_permission", Kind.CHOICE, YES_NO),
        Question("immigration_status", Kind.CHOICE, (
            "protection", "exempt_leave", "asylum_seeker", "asylum_no_work", "study", "student_dependant",
            "other_permission", "none")),
        Question("residence_years", Kind.YEARS),
        Question("permission_lasts", Kind.CHOICE, YES_NO),
        Question("student_loan", Kind.CHOICE, YES_NO),
        Question("other_programme", Kind.CHOICE, (YES, NO, "ending_soon", "self_funded")),
        Question("prior_qualification", Kind.CHOICE, YES_NO),
        Question("works_in_england", Kind.CHOICE, YES_NO),
        Question("employed_relevant", Kind.CHOICE, YES_NO),
        Question("gcses", Kind.CHOICE, YES_NO),
        Question("level3", Kind.CHOICE, YES_NO),
        Question("it_qualification", Kind.CHOICE, YES_NO),
    )
}
