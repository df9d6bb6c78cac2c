"""Free-text answers to the eligibility questions: one reader per question. Cases from the
issue's table of misread answers come first in each group; a doubtful answer is None (asked
again), never a guess."""

from __future__ import annotations

from datetime import date

import pytest

from bot.eligibility.parsing import parse_answer

CASES = [
    # role
    ("role", "devops", "devops_engineer"),
    ("role", "I'd like to be a software developer", "software_developer"),
    ("role", "the BA one", "business_analyst"),
    ("role", "cyber security", "cyber_security_technologist"),
    ("role", "I don't know yet", "undecided"),
    ("role", "haven't decided", "undecided"),
    ("role", "Software Developer", "software_developer"),
    ("role", "banana", None),
    # age
    ("age", "I'm 23", 23),
    ("age", "23", 23),
    ("age", "twenty three", 23),
    ("age", "I am seventeen", 17),
    ("age", "not sure", "not_sure"),
    ("age", "old enough", None),
    ("age", "500", None),
    # nationality, by group
    ("nationality", "I'm Polish", "eu_eea"),
    ("nationality", "British", "uk"),
    ("nationality", "I'm from Jersey", "uk"),
    ("nationality", "Northern Irish", "uk"),
    ("nationality", "Irish", "irish"),
    ("nationality", "I'm Swiss", "eu_eea"),
    ("nationality", "Norwegian", "eu_eea"),
    ("nationality", "I'm from the Netherlands", "eu_eea"),
    ("nationality", "British and French", "uk"),
    ("nationality", "Another nationality", "other"),
    ("nationality", "EU, EEA or Swiss", "eu_eea"),
    ("nationality", "dunno", "not_sure"),
    # EU Settlement Scheme
    ("euss_status", "I have settled status", "settled"),
    ("euss_status", "pre-settled", "pre_settled"),
    ("euss_status", "presettled status", "pre_settled"),
    ("euss_status", "neither", "none"),
    ("euss_status", "no I haven't applied", "none"),
    ("euss_status", "not sure", "not_sure"),
    # immigration status
    ("immigration_status", "I'm on a student visa", "study"),
    ("immigration_status", "I have refugee status", "protection"),
    ("immigration_status", "Ukraine scheme", "exempt_leave"),
    ("immigration_status", "I'm an asylum seeker", "asylum_seeker"),
    ("immigration_status", "humanitarian protection", "protection"),
    ("immigration_status", "not a student visa, a work visa", "other_permission"),
    ("immigration_status", "graduate visa", "other_permission"),
    ("immigration_status", "skilled worker visa", "other_permission"),
    ("immigration_status", "spouse visa", "other_permission"),
    ("immigration_status", "indefinite leave to remain", "other_permission"),
    ("immigration_status", "no idea", "not_sure"),
    # years of residence
    ("residence_years", "about 2 years", 2.0),
    ("residence_years", "3", 3.0),
    ("residence_years", "five years", 5.0),
    ("residence_years", "18 months", 1.5),
    ("residence_years", "a year", 1.0),
    ("residence_years", "all my life", "all_my_life"),
    ("residence_years", "3 years and 2 months", 3.17),
    ("residence_years", "less than 3 years", "<3"),
    ("residence_years", "more than 5 years", ">5"),
    ("residence_years", "a couple of years", 2.0),
    ("residence_years", "sorry, 2 years", 2.0),
    ("residence_years", "a few years", None),
    ("residence_years", "not sure", "not_sure"),
    ("residence_years", "since 2019", float(date.today().year - 2019)),
    ("residence_years", "a while", None),
    # yes / no questions
    ("student_loan", "yep", "yes"),
    ("student_loan", "no I don't", "no"),
    ("student_loan", "nope", "no"),
    ("student_loan", "not sure", "not_sure"),
    ("works_in_england", "yes I will", "yes"),
    ("works_in_england", "no, I'll be in Scotland", "no"),
    ("gcses", "maybe", "not_sure"),
    ("gcses", "only 3 GCSEs", "no"),
    ("gcses", "7 GCSEs including maths and English", "yes"),
    ("level3", "BTEC level 3", "yes"),
    ("level3", "A levels", "yes"),
    ("level3", "an HND", "yes"),
    ("level3", "only GCSEs", "no"),
    ("level3", "an NVQ", None),
    ("employed_relevant", "I'm unemployed", "no"),
    ("employed_relevant", "I'm a student", "no"),
    ("employed_relevant", "I work as a junior analyst", "yes"),
    ("student_loan", "I'm repaying my student loan", "no"),
    ("student_loan", "I'm a student", None),
    ("works_in_england", "I'm based in Wales", "no"),
    ("works_in_england", "yeah I work in london", "yes"),
    ("works_in_england", "3 days in Bristol, 2 in Cardiff", "yes"),
    ("works_in_england", "1 day in Bristol, 4 in Cardiff", "no"),
    ("works_in_england", "I live in Cardiff but work in Bristol", "yes"),
    ("prior_qualification", "I have a degree in history", "no"),
    ("prior_qualification", "a BSc in Computer Science", "yes"),
    ("prior_qualification", "yes, a degree", None),
    ("age", "nearly 16", None),
    ("age", "I turn 16 in July", None),
    ("nationality", "I'm not British, I'm American", "other"),
    ("nationality", "non-EU", "other"),
    ("euss_status", "I don't have settled status", "none"),
    ("euss_status", "applied, still waiting", "pending"),
    ("permission_lasts", "my visa runs out in 8 months", "no"),
    ("permission_lasts", "it's indefinite", "yes"),
    ("level3", "purple", None),
    # another funded programme
    ("other_programme", "yes", "yes"),
    ("other_programme", "it ends in 3 weeks", "ending_soon"),
    ("other_programme", "I'm doing a level 3 apprenticeship, it finishes next month", None),
    ("other_programme", "I pay for it myself", "self_funded"),
    ("other_programme", "no", "no"),
]


@pytest.mark.parametrize(("question", "text", "expected"), CASES)
def test_parse_answer(question: str, text: str, expected: object) -> None:
    assert parse_answer(question, text) == expected


@pytest.mark.parametrize(
    ("text", "entities", "expected"),
    [
        ("I'm Indian", [("NORP", "Indian")], "other"),
        ("I'm from Nigeria", [("GPE", "Nigeria")], "other"),
        ("I'm Polish", [("NORP", "Polish")], "eu_eea"),  # the table wins
        ("I live in Leeds", [("GPE", "Leeds")], None),  # a place lived in is not a nationality
        ("I'm Indian", [], "other"),  # common nationalities are in the table too
        ("I'm Wakandan", [], None),
    ],
)
def test_spacy_entities_name_other_nationalities(
    text: str, entities: list[tuple[str, str]], expected: str | None
) -> None:
    assert parse_answer("nationality", text, entities) == expected


def test_years_in_the_eea_and_the_uk_add_up() -> None:
    assert parse_answer("residence_years", "2 years in Spain and 1 in the UK") == 3.0


def test_gcse_and_level_3_questions_say_or_equivalent() -> None:
    from bot.eligibility.questions import QUESTIONS

    assert "or equivalent" in QUESTIONS["gcses"].prompt
    assert "equivalent" in QUESTIONS["level3"].prompt
