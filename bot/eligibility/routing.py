"""Which question comes next, given the answers so far: only what matters for this person."""

from __future__ import annotations

from collections.abc import Callable

from bot.eligibility.criteria import ROLES_WITH_ENTRY_REQUIREMENTS, Answers, Status, findings

Applies = Callable[[Answers], bool]


def always(_: Answers) -> bool:
    return True


def nationality_is(*groups: str) -> Applies:
    return lambda answers: answers.get("nationality") in groups


def role_in(*roles: str) -> Applies:
    return lambda answers: answers.get("role") in roles


def needs_permission_check(answers: Answers) -> bool:
    return (
        answers.get("nationality") == "eu_eea" and answers.get("euss_status") == "pre_settled"
    ) or (
        answers.get("nationality") == "other" and answers.get("immigration_status") == "other_permission"
    )


def knows_nationality(answers: Answers) -> bool:
    return answers.get("nationality") not in (None, "not_sure")


# The order questions are asked in, each with when it applies.
FLOW: tuple[tuple[str, Applies], ...] = (
    ("role", always),
    ("age", always),
    ("nationality", always),
    ("euss_status", nationality_is("eu_eea")),
    ("immigration_status", nationality_is("other")),
    ("residence_years", knows_nationality),
    ("permission_lasts", needs_permission_check),
    ("student_loan", always),
    ("other_programme", always),
    ("prior_qualification", always),
    ("works_in_england", always),
    ("employed_relevant", role_in(*ROLES_WITH_ENTRY_REQUIREMENTS)),
    ("gcses", role_in(*ROLES_WITH_ENTRY_REQUIREMENTS)),
    ("level3", role_in(*ROLES_WITH_ENTRY_REQUIREMENTS)),
    ("it_qualification", role_in("cyber_security_technologist")),
)


def relevant_questions(answers: Answers) -> list[str]:
    """Every question that applies to this person, given what they have said so far."""
    return [question for question, applies in FLOW if applies(answers)]


def has_definitive_fail(answers: Answers) -> bool:
    return any(f.status is Status.FAIL for f in findings(answers))


def next_question(answers: Answers) -> str | None:
    """The next question to ask, or None when the outcome is decided (all asked, or a definite no)."""
    if has_definitive_fail(answers):
        return None
    return next((q for q in relevant_questions(answers) if q not in answers), None)


def relevant_answers(answers: Answers) -> dict[str, object]:
    """The answers that still matter: a changed answer can make earlier ones irrelevant
    (a settled-status answer after the nationality changed to British)."""
    current = dict(answers)
    while True:
        relevant = set(relevant_questions(current))
        kept = {q: a for q, a in current.items() if q in relevant}
        if kept == current:
            return kept
        current = kept
