"""One small pure predicate per criterion, with its rule values from rules.yml.

Each takes the answers so far and returns a Finding (pass, fail or check with the admissions team,
with the key of the reason to give, in texts.yml), or None while the answers that decide it are
missing.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from enum import Enum
from typing import Any

from bot.eligibility.questions import ALL_MY_LIFE, NO, NOT_SURE, ROLE_UNDECIDED, YES
from bot.eligibility.wording import RULES, Rules
from bot.roles import ROLES

Answers = Mapping[str, Any]
# Statuses exempt from the residence rule (they still have to last the whole apprenticeship).
EXEMPT_STATUSES = ("protection", "exempt_leave")


class Status(Enum):
    PASS = "pass"
    FAIL = "fail"
    CHECK = "check"


@dataclass(frozen=True)
class Finding:
    criterion: str
    status: Status
    reason: str  # a key of texts.yml's reasons


def at_least(value: object, needed: float) -> bool | None:
    """Whether a residence answer is at least `needed` years: True, False, or None when the
    answer can't tell ("less than 5" against 3, "not sure")."""
    if value == ALL_MY_LIFE:
        return True
    if isinstance(value, (int, float)):
        return value >= needed
    if isinstance(value, str) and value[:1] in "<>":
        bound = float(value[1:])
        if value[0] == "<":
            return False if bound <= needed else None
        return True if bound >= needed else None
    return None


def _yes_no(answers: Answers, question: str, criterion: str, fail_on: str = YES) -> Finding | None:
    """The common shape: one answer fails, "not sure" means check, anything else passes."""
    answer = answers.get(question)
    if answer is None:
        return None
    if answer == NOT_SURE:
        return Finding(criterion, Status.CHECK, f"{criterion}_not_sure")
    if answer == fail_on:
        return Finding(criterion, Status.FAIL, f"{criterion}_fail")
    return Finding(criterion, Status.PASS, f"{criterion}_pass")


def age(answers: Answers, rules: Rules = RULES) -> Finding | None:
    value = answers.get("age")
    if value is None:
        return None
    if value == NOT_SURE:
        return Finding("age", Status.CHECK, "age_not_sure")
    if isinstance(value, str) and value[:1] in "<>":
        # a bound said instead of an age: "over 25" passes; "nearly 16" is a year short at most
        bound = float(value[1:])
        if value[0] == ">" and bound >= rules.min_age:
            return Finding("age", Status.PASS, "age_pass")
        if value[0] == "<" and bound <= rules.min_age - 1:
            return Finding("age", Status.FAIL, "age_fail")
        if value[0] == ">" or bound > rules.min_age:
            return Finding("age", Status.CHECK, "age_not_sure")
        value = rules.min_age - 1  # under the age: as a year short, whether they reach it by the start
    if value >= rules.min_age:
        return Finding("age", Status.PASS, "age_pass")
    if value < rules.min_age - 1:
        return Finding("age", Status.FAIL, "age_fail")
    # A year short: they can start from the end of the school year in which they turn the age.
    at_start = answers.get("age_at_start")
    if at_start is None:
        return None
    if at_start == NO:
        return Finding("age", Status.FAIL, "age_fail")
    return Finding("age", Status.CHECK, "age_at_start_check")


def residency(answers: Answers, rules: Rules = RULES) -> Finding | None:
    nationality = answers.get("nationality")
    if nationality is None:
        return None
    if nationality == NOT_SURE:
        return Finding("residency", Status.CHECK, "nationality_not_sure")
    if nationality in ("uk", "irish"):
        return _citizen_residency(answers, nationality, rules)
    if nationality == "eu_eea":
        return _eu_residency(answers, rules)
    return _other_residency(answers, rules)


def _citizen_residency(answers: Answers, nationality: str, rules: Rules) -> Finding | None:
    years = answers.get("residence_years")
    if years is None:
        return None
    if at_least(years, rules.residence_years):
        return Finding("residency", Status.PASS, "residency_pass")
    # Citizens who lived abroad have their own routes: never a flat no.
    return Finding("residency", Status.CHECK, f"{nationality}_residence_short")


def _eu_residency(answers: Answers, rules: Rules) -> Finding | None:
    status = answers.get("euss_status")
    if status is None:
        return None
    if status == NOT_SURE:
        return Finding("residency", Status.CHECK, "euss_not_sure")
    if status == "none" and answers.get("other_permission") == NO:
        return Finding("residency", Status.FAIL, "euss_none")
    if status in ("pending", "none"):
        # An application still being decided, or another permission: the three years in the UK and
        # the EEA are needed all the same, and then the admissions team checks the status
        if status == "none" and answers.get("other_permission") is None:
            return None
        years = answers.get("residence_years")
        if years is None:
            return None
        if at_least(years, rules.residence_years) is False:
            return Finding("residency", Status.FAIL, "eu_residence_short")
        reason = "euss_pending" if status == "pending" else "eu_other_permission"
        return Finding("residency", Status.CHECK, reason)
    may_end = "pre_settled_may_end" if status == "pre_settled" else None
    return _years_then_permission(answers, rules, "eu_residence_short", may_end)


def _other_residency(answers: Answers, rules: Rules) -> Finding | None:
    status = answers.get("immigration_status")
    if status is None:
        return None
    if status == NOT_SURE:
        return Finding("residency", Status.CHECK, "immigration_not_sure")
    if status == "study":
        return Finding("residency", Status.FAIL, "study_visa")
    if status == "student_dependant":
        # Whether a student's dependant's visa counts is the admissions team's to say, but under
        # three years here is short either way
        years = answers.get("residence_years")
        if years is None:
            return None
        if at_least(years, rules.residence_years) is False:
            return Finding("residency", Status.FAIL, "visa_residence_short")
        return Finding("residency", Status.CHECK, "student_dependant")
    if status == "none":
        return Finding("residency", Status.FAIL, "no_permission")
    if status == "asylum_seeker":
        return Finding("residency", Status.CHECK, "asylum_seeker")
    if status == "asylum_no_work":
        return Finding("residency", Status.FAIL, "asylum_no_work")
    if status in EXEMPT_STATUSES:
        lasts = answers.get("permission_lasts")
        if lasts is None:
            return None
        if lasts != YES:
            return Finding("residency", Status.CHECK, "exempt_may_end")
        return Finding("residency", Status.PASS, "exempt_confirm")
    return _years_then_permission(answers, rules, "visa_residence_short", "permission_may_end")


def _years_then_permission(
    answers: Answers, rules: Rules, too_short: str, may_end: str | None
) -> Finding | None:
    """The residence rule; then, where the status can run out, it must last."""
    years = answers.get("residence_years")
    if years is None:
        return None
    enough = at_least(years, rules.residence_years)
    if enough is None:
        return Finding("residency", Status.CHECK, "residence_years_not_sure")
    if not enough:
        return Finding("residency", Status.FAIL, too_short)
    if may_end is not None:
        lasts = answers.get("permission_lasts")
        if lasts is None:
            return None
        if lasts != YES:
            return Finding("residency", Status.CHECK, may_end)
    return Finding("residency", Status.PASS, "residency_pass")


def student_loan(answers: Answers) -> Finding | None:
    return _yes_no(answers, "student_loan", "student_loan")


def other_programme(answers: Answers) -> Finding | None:
    value = answers.get("other_programme")
    if value in ("ending_soon", "self_funded"):
        return Finding("other_programme", Status.CHECK, f"other_programme_{value}")
    return _yes_no(answers, "other_programme", "other_programme")


def prior_qualification(answers: Answers) -> Finding | None:
    if answers.get("role") == ROLE_UNDECIDED and answers.get("prior_qualification") == YES:
        # Whether a subject is similar depends on the role: the admissions team assesses it.
        return Finding("prior_qualification", Status.CHECK, "prior_qualification_undecided")
    return _yes_no(answers, "prior_qualification", "prior_qualification")


def based_in_england(answers: Answers) -> Finding | None:
    return _yes_no(answers, "works_in_england", "based_in_england", fail_on=NO)


def _entry_requirement(question: str) -> Callable[[Answers], Finding | None]:
    def predicate(answers: Answers) -> Finding | None:
        role = ROLES.get(str(answers.get("role")))
        if role is None or question not in role.entry_requirements:
            return None
        return _yes_no(answers, question, question, fail_on=NO)

    predicate.__name__ = question
    return predicate


ENTRY_REQUIREMENTS = tuple(dict.fromkeys(q for r in ROLES.values() for q in r.entry_requirements))
GENERAL = (age, residency, student_loan, other_programme, prior_qualification, based_in_england)
ROLE_SPECIFIC = tuple(_entry_requirement(question) for question in ENTRY_REQUIREMENTS)
ALL = GENERAL + ROLE_SPECIFIC


def findings(answers: Answers) -> list[Finding]:
    return [f for f in (criterion(answers) for criterion in ALL) if f is not None]
