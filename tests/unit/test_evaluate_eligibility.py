"""How bot/dev/evaluate_eligibility judges a typed answer's reading against a set's expected value.
The sets' writers sometimes quote numbers ("23"): a quoted number is that number. Pure: no model."""

from __future__ import annotations

import pytest

from bot.dev.evaluate_eligibility import ANSWER_SETS, LAST_UNSEEN, LOOKED_AT, judge_answer


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


def test_no_unseen_set_is_left() -> None:
    """Every set has had its misses looked at (v10 too): none is an honest measure any more, so a
    new set (added to ANSWER_SETS, not to LOOKED_AT) must be written before the next round of fixes."""
    assert {path.stem for path in ANSWER_SETS} == LOOKED_AT
    assert LAST_UNSEEN["set"] == ANSWER_SETS[-1].stem  # make eval's honest figure is the newest set's
    assert LAST_UNSEEN["right"] + LAST_UNSEEN["asked_again"] + LAST_UNSEEN["wrong"] == LAST_UNSEEN["answers"]
    assert "eligibility_answers_heldout_v10" in LOOKED_AT
