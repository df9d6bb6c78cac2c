"""One small pure predicate per criterion.

Each takes the answers so far and returns a Finding (pass, fail or check with the admissions team,
with the id of the reason to give), or None while the answers that decide it are missing.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from enum import Enum
from typing import Any

from bot.eligibility.questions import NO, NOT_SURE, YES

Answers = Mapping[str, Any]
ROLES_WITH_ENTRY_REQUIREMENTS = ("business_analyst", "cyber_security_technologist")
RESIDENCE_YEARS = 3


class Status(Enum):
    PASS = "pass"
    FAIL = "fail"
    CHECK = "check"


@dataclass(frozen=True)
class Finding:
    criterion: str
    status: Status
    reason: str  # a key of outcome.REASONS


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


def age(answers: Answers) -> Finding | None:
    value = answers.get("age")
    if value is None:
        return None
    if value == NOT_SURE:
        return Finding("age", Status.CHECK, "age_not_sure")
    return Finding("age", Status.FAIL if value < 16 else Status.PASS,
                   "age_fail" if value < 16 else "age_pass")


def _years(answers: Answers) -> float | str | None:
    return answers.get("residence_years")


def residency(answers: Answers) -> Finding | None:
    nationality = answers.get("nationality")
    if nationality is None:
        return None
    if nationality == NOT_SURE:
        return Finding("residency", Status.CHECK, "nationality_not_sure")
    if nationality in ("uk", "irish"):
        return _uk_residency(answers)
    if nationality == "eu_eea":
        return _eu_residency(answers)
    return _other_residency(answers)


def _uk_residency(answers: Answers) -> Finding | None:
    years = _years(answers)
    if years is None:
        return None
    if years == NOT_SURE or years < RESIDENCE_YEARS:
        # UK nationals who lived abroad have their own routes: never a flat no.
        return Finding("residency", Status.CHECK, "uk_residence_short")
    return Finding("residency", Status.PASS, "residency_pass")


def _eu_residency(answers: Answers) -> Finding | None:
    status, years = answers.get("euss_status"), _years(answers)
    if status == "none":
        return Finding("residency", Status.FAIL, "euss_none")
    if status is None or years is None:
        return None
    if status == NOT_SURE:
        return Finding("residency", Status.CHECK, "euss_not_sure")
    may_end = "pre_settled_may_end" if status == "pre_settled" else None
    return _three_years_then_permission(answers, years, "eu_residence_short", may_end)


def _other_residency(answers: Answers) -> Finding | None:
    status, years = answers.get("immigration_status"), _years(answers)
    if status == "study":
        return Finding("residency", Status.FAIL, "study_visa")
    if status == "none":
        return Finding("residency", Status.FAIL, "no_permission")
    if status is None or years is None:
        return None
    if status == NOT_SURE:
        return Finding("residency", Status.CHECK, "immigration_not_sure")
    if status == "protection":
        # Exempt from the three-year rule: eligible on residency, to be confirmed.
        short = years == NOT_SURE or years < RESIDENCE_YEARS
        return Finding("residency", Status.PASS, "protection_exempt" if short else "residency_pass")
    return _three_years_then_permission(answers, years, "visa_residence_short", "permission_may_end")


def _three_years_then_permission(
    answers: Answers, years: float | str, too_short: str, may_end: str | None
) -> Finding | None:
    """Three years' residence is required; then, where the status can run out, it must last."""
    if years == NOT_SURE:
        return Finding("residency", Status.CHECK, "residence_years_not_sure")
    if years < RESIDENCE_YEARS:
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
    if answers.get("other_programme") == "ending_or_self_funded":
        return Finding("other_programme", Status.CHECK, "other_programme_edge")
    return _yes_no(answers, "other_programme", "other_programme")


def prior_qualification(answers: Answers) -> Finding | None:
    return _yes_no(answers, "prior_qualification", "prior_qualification")


def based_in_england(answers: Answers) -> Finding | None:
    return _yes_no(answers, "works_in_england", "based_in_england", fail_on=NO)


def _entry_requirement(question: str, roles: tuple[str, ...]) -> Callable[[Answers], Finding | None]:
    def predicate(answers: Answers) -> Finding | None:
        if answers.get("role") not in roles:
            return None
        return _yes_no(answers, question, question, fail_on=NO)

    predicate.__name__ = question
    return predicate


employed_relevant = _entry_requirement("employed_relevant", ROLES_WITH_ENTRY_REQUIREMENTS)
gcses = _entry_requirement("gcses", ROLES_WITH_ENTRY_REQUIREMENTS)
level3 = _entry_requirement("level3", ROLES_WITH_ENTRY_REQUIREMENTS)
it_qualification = _entry_requirement("it_qualification", ("cyber_security_technologist",))

GENERAL = (age, residency, student_loan, other_programme, prior_qualification, based_in_england)
ROLE_SPECIFIC = (employed_relevant, gcses, level3, it_qualification)
ALL = GENERAL + ROLE_SPECIFIC


def findings(answers: Answers) -> list[Finding]:
    return [f for f in (criterion(answers) for criterion in ALL) if f is not None]

