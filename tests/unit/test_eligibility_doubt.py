"""Which typed answers the check asks back ("Just to check, I've understood ...: is that right?")
before they count: a hedge, a question whether it counts, or a part that reads as another answer."""

from __future__ import annotations

import pytest

from bot.eligibility.doubt import doubted
from bot.eligibility.parsing import parse_answer


def reading_doubted(question: str, text: str) -> tuple[object, bool]:
    value = parse_answer(question, text)
    return value, doubted(question, text, value)


@pytest.mark.parametrize(("question", "text"), [
    ("student_loan", "I think so"),
    ("euss_status", "I think it's pre-settled"),
    ("age", "22 I think"),
    ("it_qualification", "Level 3 IT diploma, does that count?"),
    ("role", "not sure yet, maybe devops or software"),
    # each part, read alone, is another answer: 4, 3 and 1 years
    ("residence_years", "4 in total, 3 on the student visa and 1 on the graduate one"),
    # said of someone else: often a parent answering for their child, but maybe not (held-out v22)
    ("student_loan", "my daughter has a student loan"),
    ("age", "my son is 17"),
])
def test_an_answer_said_with_doubt_is_asked_back(question: str, text: str) -> None:
    value, asked_back = reading_doubted(question, text)
    assert value is not None and asked_back


@pytest.mark.parametrize(("question", "text"), [
    ("age", "34"),
    ("student_loan", "no I don't"),
    ("nationality", "British"),
    ("residence_years", "all my life"),
    ("age", "25, sorry 26"),  # the parts differ because the person corrected themselves
    ("role", "I'd say BA, no wait, DevOps"),
    ("euss_status", "Pre-settled status"),  # a button pressed
])
def test_a_plain_answer_or_a_correction_is_taken_as_it_is(question: str, text: str) -> None:
    value, asked_back = reading_doubted(question, text)
    assert value is not None and not asked_back


@pytest.mark.parametrize(("question", "text"), [
    ("works_in_england", "probably"),
    ("role", "not sure yet"),
])
def test_not_sure_and_undecided_are_never_asked_back(question: str, text: str) -> None:
    value, asked_back = reading_doubted(question, text)
    assert value in ("not_sure", "undecided") and not asked_back


@pytest.mark.parametrize(("text", "nationality", "asked_back"), [
    # the parser adds the years abroad: right for an EU citizen (the UK and the EEA count), not for
    # others (an exploratory tester's wrong verdicts came from years abroad counted as here)
    ("worked in Germany 4 years then came to the UK 1 year ago", "other", True),
    ("worked in Germany 4 years then came to the UK 1 year ago", "eu_eea", False),
    ("5 years in Dublin and 2 in Leeds", "irish", False),
    ("5 years in Dublin and 2 in Leeds", "uk", True),
    ("5 years in Northern Ireland and 2 in Leeds", "uk", False),
])
def test_years_abroad_that_do_not_count_for_the_group_are_asked_back(text: str, nationality: str,
                                                                     asked_back: bool) -> None:
    value = parse_answer("residence_years", text)
    assert doubted("residence_years", text, value, answers={"nationality": nationality}) is asked_back


def test_no_reading_is_not_asked_back() -> None:
    assert not doubted("age", "purple", None)


def test_years_asked_back_are_those_that_count_for_the_group() -> None:
    from bot.eligibility.conversation import read_answer

    # An exploratory tester, Irish, was asked back "Years living here: 3 years" (Madrid's 2 added).
    text = ("Madrid for 2 years teaching english, then moved to Manchester 1 year ago. "
            "Before Madrid I was in Cork")
    answers = {"role": "undecided", "age": 36, "nationality": "irish"}
    assert read_answer(text, "inform", 0.5, answers, "residence_years").to_confirm == {"residence_years": 1.0}
    # For an EU citizen the EEA's years count: all of them, as the parser read them.
    eu = read_answer("2 years in Madrid, then moved to Manchester 1 year ago", "inform", 0.5,
                     {**answers, "nationality": "eu_eea"}, "residence_years")
    assert eu.updates.get("residence_years", eu.to_confirm.get("residence_years")) == 3.0


def test_a_yes_then_an_answer_to_another_question_is_asked_back() -> None:
    # Exploratory testers' "yes I live in Birmingham" (other programme) and "yes i have permission to
    # work" (student loan) were kept as yes, giving "not eligible".
    assert doubted("other_programme", "yeah i live in Coventry", "yes")
    assert doubted("student_loan", "yes I've got the right to work", "yes")
    assert doubted("student_loan", "yes I'm on a spouse visa", "yes")
    # near misses: the rest answers this question, or the question is about the status itself
    assert not doubted("other_programme", "yes I'm doing a level 3 NVQ", "yes")
    assert not doubted("gcses", "yes incl english and maths", "yes")
    assert not doubted("permission_lasts", "yes my spouse visa has 3 years left", "yes")
    # ("yes I live in Leeds" at the England question is asked back too, as a home, not where they'd work)


def test_where_they_live_said_for_where_they_would_work_is_asked_back() -> None:
    # A tester's "i live where the home office put me, in Glasgow" was kept as no: "not eligible".
    assert doubted("works_in_england", "i live in Dundee at the moment", "no")
    assert not doubted("works_in_england", "I'd be working in Dundee", "no")


def test_a_student_loan_said_only_as_held_is_asked_back() -> None:
    # One being repaid doesn't count, and "I've got a student loan" doesn't say which.
    assert doubted("student_loan", "I've got a student loan", "yes")
    assert not doubted("student_loan", "I've got a student loan for my masters", "yes")
    assert not doubted("student_loan", "yes", "yes")


def test_a_few_weeks_into_the_start_is_asked_back() -> None:
    # "a few weeks" may be within the rule's four weeks or beyond them
    text = "my course ends a few weeks after the start"
    assert parse_answer("other_programme", text) == "ending_soon"
    assert doubted("other_programme", text, "ending_soon")
    assert not doubted("other_programme", "it ends 2 weeks after the start", "ending_soon")
    assert doubted("other_programme", "it overlaps by a few weeks", "ending_soon")
    assert not doubted("other_programme", "it ends in a few weeks, before this starts", "ending_soon")


@pytest.mark.parametrize("text", ["yeah i live in england, chester", "well i live in england",
                                  "I live in Leeds", "yes I live in Leeds"])
def test_a_home_in_england_said_alone_is_asked_back_as_working_there(text: str) -> None:
    # Exploratory testers working in Wrexham and Newport, living in Chester and Hereford, answered with their
    # home and were told "eligible".
    assert parse_answer("works_in_england", text) == "yes"
    assert doubted("works_in_england", text, "yes")


@pytest.mark.parametrize("text", ["I live in Leeds and work in Leeds", "mostly from home in Cornwall"])
def test_a_home_with_where_the_work_is_is_taken(text: str) -> None:
    assert not doubted("works_in_england", text, parse_answer("works_in_england", text))


def test_a_yes_then_where_they_would_work_is_asked_back_at_another_question() -> None:
    # An exploratory tester's "yes hybrid, london office" at the loan question was kept as a loan ("not
    # eligible").
    assert doubted("student_loan", "yes hybrid, manchester office", "yes")
    # near miss: the loan said too
    assert not doubted("student_loan", "yes i work in london and get student finance", "yes")


def test_a_job_read_as_not_relevant_with_relevant_sounding_work_is_asked_back() -> None:
    # An exploratory tester's "i work as admin assistant at the council, i help with processes and reports"
    # was kept as not relevant ("not eligible" for Business Analyst).
    text = "i work as an admin assistant at the council, i help with processes and reports"
    assert parse_answer("employed_relevant", text) == "no" and doubted("employed_relevant", text, "no")
    # near miss: the work said not to be there
    assert not doubted("employed_relevant", "i'm a cleaner, nothing to do with data", "no")
