"""How bot/dev/evaluate_eligibility judges a typed answer's reading against a set's expected value.
The sets' writers sometimes quote numbers ("23"): a quoted number is that number. Pure: no model."""

from __future__ import annotations

import pytest

from bot.dev.evaluate_eligibility import ANSWER_SETS, LOOKED_AT, judge_answer


@pytest.mark.parametrize(("expected", "got", "verdict"), [
    ("23", 23, "right"),
    (23, "23", "right"),
    ("3.5", 3.5, "right"),
    ("17", 18, "wrong"),
    ("<16", 15, "right"),
    ("<16", 16, "wrong"),
    (">39", 41, "right"),
    ("<17", "<16", "right"),
    ("<16", "<17", "wrong"),
    ("23", None, "asked_again"),
    ("ask_again", None, "right"),
    ("ask_again", "23", "wrong"),
    ("yes", "no", "wrong"),
])
def test_numbers_written_as_strings_are_judged_as_numbers(expected: object, got: object,
                                                          verdict: str) -> None:
    assert judge_answer(expected, got) == verdict


def test_the_sets_looked_at_are_not_the_one_that_measures() -> None:
    """The newest set is the honest measure: its misses are never looked at."""
    newest = ANSWER_SETS[-1].stem
    assert newest not in LOOKED_AT
    assert "eligibility_answers_heldout_v8" in LOOKED_AT
    assert "eligibility_answers_heldout_v9" in LOOKED_AT
