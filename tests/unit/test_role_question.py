"""bot/nlu/role_question.py: a question naming a role is answered, a role alone is noted."""

from __future__ import annotations

import pytest

from bot.nlu.classifier import intent_ranking
from bot.nlu.role_question import MIN_FAQ_SHARE, as_role_question


def asked(text: str, probabilities: dict[str, float]) -> dict[str, float]:
    return as_role_question(text, probabilities, intent_ranking(probabilities)[0]["name"])


def scored(role: float, duration: float, salary: float) -> dict[str, float]:
    rest = 1.0 - role - duration - salary
    return {"inform_role": role, "faq/duration": duration, "faq/salary": salary, "out_of_scope": rest}


def test_a_question_naming_a_role_becomes_the_faq_question_it_asks() -> None:
    result = asked("how long is cyber security technologist", scored(0.87, 0.12, 0.01))
    assert intent_ranking(result)[0]["name"] == "faq"
    assert result["inform_role"] == 0.0
    # The role's share goes to the entries in proportion: duration stays 12 times salary.
    assert result["faq/duration"] == pytest.approx(0.12 + 0.87 * 0.12 / 0.13)
    assert result["faq/duration"] / result["faq/salary"] == pytest.approx(12)
    assert sum(result.values()) == pytest.approx(1.0)


@pytest.mark.parametrize("text", ["cyber please", "what about devops?", "Business Analyst"])
def test_a_message_that_only_names_a_role_stays_a_choice_of_role(text: str) -> None:
    probabilities = scored(0.6, 0.3, 0.05)
    assert asked(text, probabilities) == probabilities


def test_a_role_with_almost_no_faq_share_stays_a_choice_of_role() -> None:
    probabilities = scored(0.95, MIN_FAQ_SHARE / 2, 0.0)
    assert asked("I'd love to be a software engineer one day", probabilities) == probabilities


def test_nothing_changes_when_another_intent_wins() -> None:
    probabilities = scored(0.2, 0.7, 0.05)
    assert asked("how long is the devops one", probabilities) == probabilities
