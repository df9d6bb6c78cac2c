"""Follow-ups recognised from their words alone (bot/followups.py)."""

from __future__ import annotations

import pytest

from bot.followups import asks_for_the_other, bare_acknowledgement, names_only_a_role, only_emoji


@pytest.mark.parametrize("text", ["what about cyber?", "and devops", "Business analyst instead",
                                  "how about the software developer one?", "and for BA?",
                                  "what about the other one, cyber"])  # a tester's, not followed
def test_a_role_and_nothing_else_is_a_follow_up(text: str) -> None:
    assert names_only_a_role(text)


@pytest.mark.parametrize("text", ["what about cyber security? is it paid", "how long is devops",
                                  "what about the salary", "devops", "I want to apply for devops "
                                  "because I like computers a lot"])
def test_a_role_with_a_question_of_its_own_is_not(text: str) -> None:
    assert not names_only_a_role(text) or text == "devops"


@pytest.mark.parametrize("text", ["and the other one?", "the second question please", "next one",
                                  "what about the other question"])
def test_asking_for_the_other_question(text: str) -> None:
    assert asks_for_the_other(text)


@pytest.mark.parametrize("text", ["the other roles", "is there another apprenticeship I can do",
                                  "other", ""])
def test_other_words_in_a_real_question_are_not_that(text: str) -> None:
    assert asks_for_the_other(text) == (text == "other")


@pytest.mark.parametrize(("text", "expected"), [
    ("ok", True), ("okay then", True), ("cool, got it", True), ("ok how long is it", False),
    ("fine", True), ("right, what's the pay", False), ("", False),
])
def test_a_bare_acknowledgement(text: str, expected: bool) -> None:
    assert bare_acknowledgement(text) is expected


@pytest.mark.parametrize(("text", "expected"), [
    ("👍", True), ("😀😀", True), ("❤️", True), ("👍🏽", True), ("👨‍💻 !", True),
    ("thanks 🙏", False), (":)", False), ("?", False), ("", False), ("😀 ok", False), ("١٢٣", False),
])
def test_emoji_only(text: str, expected: bool) -> None:
    assert only_emoji(text) is expected


@pytest.mark.parametrize(("text", "expected"), [
    ("?", True), ("??", True), ("...", True), ("42", True), ("2025", True), ("", False), ("👍", False),
    ("/check_eligibility", False), ("is it 42?", False),
])
def test_no_words(text: str, expected: bool) -> None:
    from bot.followups import no_words

    assert no_words(text) is expected



@pytest.mark.parametrize("text", ["who do I ask about that?", "so who should I contact", "who do i talk to",
                                  # a tester's: for someone else, and who decides
                                  "who should she talk to", "and who decides?"])
def test_who_to_ask_is_recognised(text: str) -> None:
    from bot.followups import asks_who_to_ask

    assert asks_who_to_ask(text)


def test_who_to_ask_needs_nothing_else_asked() -> None:
    from bot.followups import asks_who_to_ask, contacts_named

    assert not asks_who_to_ask("who do I ask about my visa application at the home office?")
    assert contacts_named("Ask your line manager, or the admissions team.") == [
        "your line manager", "the admissions team"]
    assert contacts_named("It depends on the hosting department.") == ["the hosting department"]
    assert not asks_who_to_ask("who are you")
