"""Which question comes next, given the answers so far: only what matters for this person."""

from __future__ import annotations

from collections.abc import Callable

from bot.eligibility.criteria import EXEMPT_STATUSES, Answers, Status, findings
from bot.eligibility.wording import RULES
from bot.roles import ROLES

Applies = Callable[[Answers], bool]


def always(_: Answers) -> bool:
    return True


def nationality_is(*groups: str) -> Applies:
    return lambda answers: answers.get("nationality") in groups


def role_requires(question: str) -> Applies:
    def applies(answers: Answers) -> bool:
        role = ROLES.get(str(answers.get("role")))
        return role is not None and question in role.entry_requirements

    return applies


def a_year_short(answers: Answers) -> bool:
    age = answers.get("age")
    if age == f"<{RULES.min_age}":
        return True  # "nearly 16", "I'll be 16 in August": whether they are by the start decides
    return isinstance(age, (int, float)) and RULES.min_age - 1 <= age < RULES.min_age


def eu_without_status(answers: Answers) -> bool:
    return answers.get("nationality") == "eu_eea" and answers.get("euss_status") == "none"


def residence_counts(answers: Answers) -> bool:
    """Whether years of residence decide anything for this person's group and status."""
    nationality = answers.get("nationality")
    if nationality in ("uk", "irish"):
        return True
    if nationality == "eu_eea":
        # (with an application pending or another permission, the years are needed all the same)
        return answers.get("euss_status") in ("settled", "pre_settled", "pending") or (
            answers.get("euss_status") == "none" and answers.get("other_permission") not in (None, "no"))
    if nationality == "other":
        # (a student's dependant under three years here is short whether or not the visa counts)
        return answers.get("immigration_status") in ("other_permission", "student_dependant")
    return False


def status_can_end(answers: Answers) -> bool:
    return (
        answers.get("nationality") == "eu_eea" and answers.get("euss_status") == "pre_settled"
    ) or (
        answers.get("nationality") == "other"
        and answers.get("immigration_status") in ("other_permission", *EXEMPT_STATUSES)
    )


# The order questions are asked in, each with when it applies.
FLOW: tuple[tuple[str, Applies], ...] = (
    ("role", always),
    ("age", always),
    ("age_at_start", a_year_short),
    ("nationality", always),
    ("euss_status", nationality_is("eu_eea")),
    ("other_permission", eu_without_status),
    ("immigration_status", nationality_is("other")),
    ("residence_years", residence_counts),
    ("permission_lasts", status_can_end),
    ("student_loan", always),
    ("other_programme", always),
    ("prior_qualification", always),
    ("works_in_england", always),
    *((question, role_requires(question)) for question in
      dict.fromkeys(q for role in ROLES.values() for q in role.entry_requirements)),
)
QUESTION_ORDER = tuple(question for question, _ in FLOW)


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


def previous_question(answers: Answers, pending: str | None) -> str | None:
    """The question asked before `pending` (for "go back"), among those answered."""
    order = relevant_questions(answers)
    if pending in order:
        order = order[: order.index(pending)]
    asked = [q for q in order if q in answers]
    return asked[-1] if asked else None


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

