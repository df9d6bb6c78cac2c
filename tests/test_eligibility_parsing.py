"""Free-text answers to the eligibility questions."""

from __future__ import annotations

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
    ("immigration_status", "Ukraine scheme", "protection"),
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
    ("residence_years", "all my life", 99.0),
    ("residence_years", "not sure", "not_sure"),
    ("residence_years", "since 2019", None),
    ("residence_years", "a while", None),
    # yes / no questions
    ("student_loan", "yep", "yes"),
    ("student_loan", "no I don't", "no"),
    ("student_loan", "nope", "no"),
    ("student_loan", "not sure", "not_sure"),
    ("works_in_england", "yes I will", "yes"),
    ("works_in_england", "no, I'll be in Scotland", "no"),
    ("gcses", "I think so", "not_sure"),
    ("level3", "purple", None),
    # another funded programme
    ("other_programme", "yes", "yes"),
    ("other_programme", "it ends in 3 weeks", "ending_or_self_funded"),
    ("other_programme", "I pay for it myself", "ending_or_self_funded"),
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
        ("I'm Indian", [], None),
    ],
)
def test_spacy_entities_name_other_nationalities(
    text: str, entities: list[tuple[str, str]], expected: str | None
) -> None:
    assert parse_answer("nationality", text, entities) == expected
