"""The outcome of an eligibility check: verdict, reasons and next steps, with their texts as data."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum

from bot.eligibility.criteria import (
    GENERAL,
    ROLES_WITH_ENTRY_REQUIREMENTS,
    Answers,
    Finding,
    Status,
    findings,
)
from bot.eligibility.questions import QUESTIONS, ROLE_UNDECIDED
from bot.eligibility.routing import relevant_questions
from bot.roles import ROLES


class Verdict(Enum):
    ELIGIBLE = "eligible"
    NOT_ELIGIBLE = "not_eligible"
    CHECK = "check_with_admissions"


HEADLINES = {
    Verdict.ELIGIBLE: "From what you've told me, you meet the TechTrack eligibility criteria.",
    Verdict.NOT_ELIGIBLE: "From what you've told me, you don't meet the TechTrack eligibility criteria.",
    Verdict.CHECK: "From what you've told me, please check your eligibility with the admissions team.",
}

# What the person is told for each finding that is not a plain pass. Passes with something to add
# (an exemption to confirm) are here too.
REASONS: dict[str, str] = {
    "age_fail": "You need to be 16 or over to start an apprenticeship.",
    "age_not_sure": "You need to be 16 or over; the admissions team can confirm when you could start.",
    "nationality_not_sure": "The residency rules depend on your nationality and immigration status. "
    "Find out which applies to you and the admissions team can confirm.",
    "uk_residence_short": "UK citizens need to have been ordinarily resident for the last three years. "
    "Time in the UK, the British Overseas Territories and the Crown Dependencies counts, and people "
    "returning from abroad may still qualify: check with the admissions team.",
    "euss_none": "EU, EEA and Swiss citizens need settled or pre-settled status under the EU "
    "Settlement Scheme.",
    "euss_not_sure": "EU, EEA and Swiss citizens need settled or pre-settled status: find out your "
    "status (you can view it online) and check with the admissions team.",
    "eu_residence_short": "EU, EEA and Swiss citizens need to have lived in the UK or the EEA "
    "continuously for the last three years.",
    "pre_settled_may_end": "Pre-settled status has to last for the whole apprenticeship: check with "
    "the admissions team.",
    "study_visa": "Permission to live in the UK for study (a student visa) doesn't qualify.",
    "no_permission": "You need permission to live and work in the UK.",
    "immigration_not_sure": "You need permission to live in the UK that is not for study: find out "
    "which permission you have and check with the admissions team.",
    "protection_exempt": "With refugee status, humanitarian protection or a resettlement scheme you "
    "may be exempt from the three-year residence rule: the admissions team will confirm.",
    "visa_residence_short": "With a work, family or other visa you need three years' ordinary "
    "residence in the UK (time on a student visa doesn't count). Only refugee and protection "
    "statuses are exempt.",
    "residence_years_not_sure": "You need three years' ordinary residence: work out how long you "
    "have lived here and check with the admissions team.",
    "permission_may_end": "Your permission to stay has to last for the whole apprenticeship: check "
    "with the admissions team.",
    "student_loan_fail": "You can't use a student loan to pay for the apprenticeship. If you are "
    "leaving a loan-funded course, you would need to end that loan: the admissions team can advise.",
    "student_loan_not_sure": "You can't be getting student loan funding for a course during the "
    "apprenticeship (repaying an old loan is fine): check which applies to you.",
    "other_programme_fail": "You can't be on another Department for Education funded programme, "
    "including another apprenticeship, at the same time.",
    "other_programme_edge": "A course that ends within four weeks, or study you pay for yourself, "
    "may not stop you: check with the admissions team.",
    "other_programme_not_sure": "You can't be on another DfE-funded programme at the same time: find "
    "out how your current course is funded and check with the admissions team.",
    "prior_qualification_fail": "You can't already hold a qualification at the same or a higher level "
    "in a similar subject. The admissions team can still assess your prior learning.",
    "prior_qualification_not_sure": "A qualification at Level 4 or above in a similar subject would "
    "rule you out; one in an unrelated subject is fine. The admissions team can assess it.",
    "based_in_england_fail": "Apprentices must be based in England, working there for at least half "
    "their working hours, for the whole apprenticeship.",
    "based_in_england_not_sure": "Apprentices must be based in England for the whole apprenticeship: "
    "check where your role would be.",
    "employed_relevant_fail": "This programme requires you to be employed in a relevant role.",
    "employed_relevant_not_sure": "This programme requires you to be employed in a relevant role: "
    "check with the admissions team whether yours counts.",
    "gcses_fail": "This programme requires five GCSEs at grade A–C (9–4).",
    "gcses_not_sure": "This programme requires five GCSEs at grade A–C (9–4); equivalents may be "
    "accepted: check with the admissions team.",
    "level3_fail": "This programme requires a Level 3 qualification such as A levels, an NVQ, a BTEC "
    "or a Level 3 apprenticeship.",
    "level3_not_sure": "This programme requires a Level 3 qualification; equivalents may be accepted: "
    "check with the admissions team.",
    "it_qualification_fail": "The Cyber Security Technologist programme requires an IT qualification "
    "at level 2 or 3, such as a BTEC in IT.",
    "it_qualification_not_sure": "The Cyber Security Technologist programme requires an IT "
    "qualification at level 2 or 3: check with the admissions team whether yours counts.",
}

NEXT_STEPS: dict[str, tuple[str, ...]] = {
    "makers": (
        "Apply for the role. As part of the application you self-assess your current knowledge and "
        "skills, and Makers sends you a course to complete along with a coding challenge.",
        "No prior technical experience or qualifications are needed: what's looked for is passion, "
        "enthusiasm and a real interest in tech.",
    ),
    "bpp_estio": (
        "You need to be employed in a relevant role, and the training provider checks your entry "
        "requirements (five GCSEs A–C/9–4, a Level 3 qualification, and for Cyber an IT "
        "qualification at level 2/3).",
        "Apply for the role and complete the aptitude tests and the knowledge, skills and behaviours "
        "questionnaire.",
    ),
    "all": (
        "Civil Service jobs also have their own nationality rules, which the admissions team checks.",
        "This is guidance only: the admissions team makes the decision.",
    ),
}
STEPS_BY_ROLE = {
    "software_developer": "makers",
    "devops_engineer": "makers",
    "business_analyst": "bpp_estio",
    "cyber_security_technologist": "bpp_estio",
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
    suggest_other_roles: bool = False


def _verdict(found: list[Finding]) -> Verdict:
    if any(f.status is Status.FAIL for f in found):
        return Verdict.NOT_ELIGIBLE
    if any(f.status is Status.CHECK for f in found):
        return Verdict.CHECK
    return Verdict.ELIGIBLE


def _answered(answers: Answers) -> tuple[tuple[str, str], ...]:
    order = [q for q in relevant_questions(answers) if q in answers]
    return tuple((QUESTIONS[q].summary, QUESTIONS[q].label_for(answers[q])) for q in order)


def decide(answers: Answers) -> Outcome:
    """The outcome for the answers given (a definite fail decides it before every question is asked)."""
    found = findings(answers)
    verdict = _verdict(found)
    shown = [f for f in found if f.status is not Status.PASS or f.reason in REASONS]
    if verdict is Verdict.NOT_ELIGIBLE:
        shown = [f for f in shown if f.status is Status.FAIL]
    role = answers.get("role")
    general = {c.__name__ for c in GENERAL}
    failed = tuple(f.criterion for f in found if f.status is Status.FAIL)
    suggest = (
        role in ROLES_WITH_ENTRY_REQUIREMENTS and bool(failed) and not set(failed) & general
    )
    steps: list[str] = []
    if role == ROLE_UNDECIDED:
        # Not having chosen, they were asked only the criteria every role shares.
        possible = () if verdict is Verdict.NOT_ELIGIBLE else tuple(ROLES)
        if possible:
            steps.append(
                "On the criteria every role shares, you could apply for any of the four roles. "
                "Software Developer and DevOps Engineer (with Makers) need no prior qualifications; "
                "Business Analyst (BPP) and Cyber Security Technologist (Estio) also need you to be "
                "employed in a relevant role, five GCSEs A–C (9–4) and a Level 3 qualification "
                "(and for Cyber, an IT qualification at level 2/3)."
            )
    else:
        possible = ()
        if verdict is not Verdict.NOT_ELIGIBLE and role in STEPS_BY_ROLE:
            steps += NEXT_STEPS[STEPS_BY_ROLE[role]]
    if suggest:
        steps.append(
            "Software Developer and DevOps Engineer need no prior qualifications: you could check "
            "your eligibility for one of those instead."
        )
    steps += NEXT_STEPS["all"]
    return Outcome(
        verdict=verdict,
        headline=HEADLINES[verdict],
        reasons=tuple(REASONS[f.reason] for f in shown),
        next_steps=tuple(steps),
        failed_criteria=failed,
        check_criteria=tuple(f.criterion for f in found if f.status is Status.CHECK),
        answered=_answered(answers),
        possible_roles=possible,
        suggest_other_roles=suggest,
    )
