"""The outcome of an eligibility check: verdict, reasons and next steps (texts in texts.yml)."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum

from bot.eligibility.criteria import GENERAL, Answers, Finding, Status, findings
from bot.eligibility.questions import QUESTIONS, ROLE_UNDECIDED
from bot.eligibility.routing import relevant_questions
from bot.eligibility.wording import fill, texts
from bot.roles import ROLES


class Verdict(Enum):
    ELIGIBLE = "eligible"
    NOT_ELIGIBLE = "not_eligible"
    CHECK = "check_with_admissions"


HEADLINE_KEYS = {
    Verdict.ELIGIBLE: "eligible",
    Verdict.NOT_ELIGIBLE: "not_eligible",
    Verdict.CHECK: "check_with_admissions",
}


@dataclass(frozen=True)
class Outcome:
    verdict: Verdict
    headline: str
    reasons: tuple[str, ...]
    next_steps: tuple[str, ...]
    failed_criteria: tuple[str, ...]
    check_criteria: tuple[str, ...]
    answered: tuple[tuple[str, str], ...]  # (what was asked, what they said), in order asked
    possible_roles: tuple[str, ...] = field(default_factory=tuple)
    # Roles worth checking instead (those without entry requirements, after failing only those).
    other_roles: tuple[str, ...] = field(default_factory=tuple)
    # Not eligible: what the admissions team would also have to check (a pending EU Settlement Scheme
    # application beside a student loan).
    also_check: tuple[str, ...] = field(default_factory=tuple)


def _verdict(found: list[Finding]) -> Verdict:
    if any(f.status is Status.FAIL for f in found):
        return Verdict.NOT_ELIGIBLE
    if any(f.status is Status.CHECK for f in found):
        return Verdict.CHECK
    return Verdict.ELIGIBLE


def _answered(answers: Answers) -> tuple[tuple[str, str], ...]:
    order = [q for q in relevant_questions(answers) if q in answers]
    return tuple((QUESTIONS[q].summary_for(dict(answers)), QUESTIONS[q].label_for(answers[q])) for q in order)


def decide(answers: Answers) -> Outcome:
    """The outcome for the answers given (a definite fail decides it before every question is asked)."""
    wording = texts()
    reasons, steps_text = wording["reasons"], wording["next_steps"]
    found = findings(answers)
    verdict = _verdict(found)
    shown = [f for f in found if f.status is not Status.PASS or f.reason in reasons]
    # (not eligible: the fails are the reasons; what the admissions team would also have to check is
    # said after them, so that fixing a fail, ending a loan, is not taken for the whole story)
    role = ROLES.get(str(answers.get("role")))
    general = {c.__name__ for c in GENERAL}
    failed = tuple(f.criterion for f in found if f.status is Status.FAIL)
    other_roles: tuple[str, ...] = ()
    if role is not None and role.needs_qualifications and failed and not set(failed) & general:
        other_roles = tuple(r.key for r in ROLES.values() if not r.needs_qualifications)
    # (with other roles suggested, a pass still to be confirmed, a scheme's exemption from the
    # residence rule, is said too: it holds for them)
    also = [f for f in shown if f.status is Status.CHECK or (other_roles and f.status is Status.PASS)] \
        if verdict is Verdict.NOT_ELIGIBLE else []
    if verdict is Verdict.NOT_ELIGIBLE:
        shown = [f for f in shown if f.status is Status.FAIL]
    steps: list[str] = []
    possible: tuple[str, ...] = ()
    if answers.get("role") == ROLE_UNDECIDED:
        # Not having chosen, they were asked only the criteria every role shares.
        possible = () if verdict is Verdict.NOT_ELIGIBLE else tuple(ROLES)
        if possible:
            steps.append(steps_text["undecided"])
    elif role is not None and verdict is not Verdict.NOT_ELIGIBLE:
        steps += [steps_text[key] for key in role.next_steps]
    elif role is not None and not other_roles:
        # (every verdict ends with the role's next steps: after a "not eligible", how applying goes
        # once what stood in the way changes)
        steps += [steps_text[key] for key in role.next_steps_if_it_changes]
    if other_roles:
        steps.append(steps_text["other_roles"])
    steps += [steps_text["nationality_rules"], steps_text["guidance"]]
    return Outcome(
        verdict=verdict,
        # (failing only the role's entry requirements, the other roles are worth checking)
        headline=fill(wording["role_headline"], {"role": role.name}) if other_roles and role is not None
        else wording["headlines"][HEADLINE_KEYS[verdict]],
        reasons=tuple(dict.fromkeys(reasons[f.reason] for f in shown)),
        also_check=tuple(dict.fromkeys(reasons[f.reason] for f in also)),
        next_steps=tuple(steps),
        failed_criteria=failed,
        check_criteria=tuple(f.criterion for f in found if f.status is Status.CHECK),
        answered=_answered(answers),
        possible_roles=possible,
        other_roles=other_roles,
    )
