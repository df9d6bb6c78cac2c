"""The eligibility questions as data: what is asked, the answers it takes, and why it is asked."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

YES, NO, NOT_SURE = "yes", "no", "not_sure"


class Kind(Enum):
    CHOICE = "choice"  # one of the options
    NUMBER = "number"  # a number (age, years), or "not sure"


@dataclass(frozen=True)
class Option:
    value: str
    label: str


@dataclass(frozen=True)
class Question:
    id: str
    prompt: str
    kind: Kind
    why: str
    hint: str
    options: tuple[Option, ...] = ()
    summary: str = ""  # how the answer is listed back in the verdict ("Age")
    offers_not_sure: bool = True  # a "Not sure" button (the role question has "I don't know yet")

    def choices(self) -> tuple[Option, ...]:
        """The answers offered as buttons."""
        if self.offers_not_sure and NOT_SURE not in self.option_values():
            return (*self.options, Option(NOT_SURE, "Not sure"))
        return self.options

    def option_values(self) -> tuple[str, ...]:
        return tuple(option.value for option in self.options)

    def label_for(self, value: object) -> str:
        if value == NOT_SURE:
            return "not sure"
        for option in self.options:
            if option.value == value:
                return option.label
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        return str(value)


def yes_no(yes: str = "Yes", no: str = "No") -> tuple[Option, ...]:
    return (Option(YES, yes), Option(NO, no), Option(NOT_SURE, "Not sure"))


ROLE_UNDECIDED = "undecided"

QUESTIONS: dict[str, Question] = {
    q.id: q
    for q in (
        Question(
            "role", "Which role would you like to apply for?", Kind.CHOICE,
            why="Business Analyst and Cyber Security Technologist have entry requirements of their "
            "own; Software Developer and DevOps Engineer need no prior qualifications.",
            hint="Pick a role, or \"I don't know yet\" and I'll check the criteria every role shares.",
            options=(
                Option("software_developer", "Software Developer"),
                Option("devops_engineer", "DevOps Engineer"),
                Option("business_analyst", "Business Analyst"),
                Option("cyber_security_technologist", "Cyber Security Technologist"),
                Option(ROLE_UNDECIDED, "I don't know yet"),
            ),
            summary="Role",
            offers_not_sure=False,
        ),
        Question(
            "age", "How old are you?", Kind.NUMBER,
            why="Applicants must be 16 or over.",
            hint="Please give your age as a number, for example 23.",
            summary="Age",
        ),
        Question(
            "nationality", "What is your nationality?", Kind.CHOICE,
            why="The residency rules differ for UK and Irish citizens, EU/EEA and Swiss citizens, "
            "and everyone else.",
            hint="Tell me your nationality (for example \"British\", \"Polish\" or \"Indian\"), or "
            "pick a group.",
            options=(
                Option("uk", "British (or from a Crown Dependency)"),
                Option("irish", "Irish"),
                Option("eu_eea", "EU, EEA or Swiss"),
                Option("other", "Another nationality"),
            ),
            summary="Nationality",
        ),
        Question(
            "euss_status", "Do you have settled or pre-settled status under the EU Settlement Scheme?",
            Kind.CHOICE,
            why="EU, EEA and Swiss citizens need settled or pre-settled status to apply.",
            hint="Answer \"settled\", \"pre-settled\", \"neither\" or \"not sure\".",
            options=(
                Option("settled", "Settled status"),
                Option("pre_settled", "Pre-settled status"),
                Option("none", "Neither"),
            ),
            summary="EU Settlement Scheme status",
        ),
        Question(
            "immigration_status", "What permission do you have to live in the UK?", Kind.CHOICE,
            why="You need permission to live and work in the UK that is not for study. Refugees and "
            "people with some kinds of protection or leave can be exempt from the three-year rule.",
            hint="Pick the closest: refugee status or protection; a student visa; another visa or "
            "leave (work, family, indefinite leave); or no permission.",
            options=(
                Option("protection", "Refugee status, humanitarian protection or a resettlement scheme"),
                Option("study", "A student visa"),
                Option("other_permission", "Another visa or leave (work, family, indefinite leave)"),
                Option("none", "No permission to live in the UK"),
            ),
            summary="Permission to live in the UK",
        ),
        Question(
            "residence_years", "How many years have you lived in the UK without a break?", Kind.NUMBER,
            why="Applicants need three years' ordinary residence. For EU, EEA and Swiss citizens, "
            "time living in the EEA counts too; time on a student visa does not count.",
            hint="Please give a number of years, for example \"3\" or \"about 2 years\".",
            summary="Years living in the UK",
        ),
        Question(
            "permission_lasts", "Will your permission to stay last for the whole apprenticeship "
            "(up to two years)?", Kind.CHOICE,
            why="Your status or permission has to cover the whole apprenticeship.",
            hint="Answer yes, no or not sure.",
            options=yes_no(),
            summary="Permission lasts the whole apprenticeship",
        ),
        Question(
            "student_loan", "Are you getting student loan funding now, for a course you are studying? "
            "(Repaying a loan for a course you have finished doesn't count.)", Kind.CHOICE,
            why="You can't use a student loan to pay for the apprenticeship. Repaying an old loan is "
            "fine.",
            hint="Answer yes if you currently get student finance for a course, otherwise no.",
            options=yes_no(),
            summary="Student loan funding now",
        ),
        Question(
            "other_programme", "Are you on another apprenticeship or other Department for Education "
            "funded training right now?", Kind.CHOICE,
            why="You can't be on another DfE-funded programme, including another apprenticeship, at "
            "the same time.",
            hint="Answer yes, no, or whether your course ends within 4 weeks or you pay for it yourself.",
            options=(
                Option(YES, "Yes"),
                Option(NO, "No"),
                Option("ending_or_self_funded", "Yes, but it ends within 4 weeks or I pay for it myself"),
                Option(NOT_SURE, "Not sure"),
            ),
            summary="On another funded programme",
        ),
        Question(
            "prior_qualification", "Do you already have a qualification at Level 4 or above (such as "
            "an HND, a foundation degree or a degree) in a subject similar to the apprenticeship?",
            Kind.CHOICE,
            why="You can't hold a qualification at the same or a higher level in a similar subject. "
            "Degrees in unrelated subjects are fine.",
            hint="Answer no if you have none, or only in an unrelated subject.",
            options=yes_no(no="No, or only in an unrelated subject"),
            summary="Level 4+ qualification in a similar subject",
        ),
        Question(
            "works_in_england", "Will you be based in England, working there at least half of your "
            "working hours?", Kind.CHOICE,
            why="All apprentices are expected to be based in England for the whole apprenticeship.",
            hint="Answer yes or no. Where you live matters less than where you work.",
            options=yes_no(),
            summary="Based in England",
        ),
        Question(
            "employed_relevant", "Are you employed in a role relevant to the apprenticeship?",
            Kind.CHOICE,
            why="The Business Analyst and Cyber Security Technologist programmes require you to be "
            "employed in a relevant role.",
            hint="Answer yes, no or not sure.",
            options=yes_no(),
            summary="Employed in a relevant role",
        ),
        Question(
            "gcses", "Do you have at least five GCSEs at grade A to C (9 to 4)?", Kind.CHOICE,
            why="The Business Analyst and Cyber Security Technologist programmes require five GCSEs "
            "at grade A–C (9–4).",
            hint="Answer yes, no or not sure. Equivalent qualifications may be accepted.",
            options=yes_no(),
            summary="Five GCSEs A–C (9–4)",
        ),
        Question(
            "level3", "Do you have a Level 3 qualification, such as A levels, an NVQ, a BTEC or a "
            "Level 3 apprenticeship?", Kind.CHOICE,
            why="The Business Analyst and Cyber Security Technologist programmes require a Level 3 "
            "qualification.",
            hint="Answer yes, no or not sure.",
            options=yes_no(),
            summary="Level 3 qualification",
        ),
        Question(
            "it_qualification", "Do you have an IT qualification at level 2 or 3, such as a BTEC in IT?",
            Kind.CHOICE,
            why="The Cyber Security Technologist programme requires an IT qualification at level 2 or 3.",
            hint="Answer yes, no or not sure.",
            options=yes_no(),
            summary="IT qualification at level 2/3",
        ),
    )
}
