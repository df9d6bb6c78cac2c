"""python -m bot.dev.tune_scope: trying thresholds on parses needs the classifier's own intent back."""

from __future__ import annotations

from bot.dev.tune_scope import without_guard


def parse(intent: str, confidence: float, scope: dict | None) -> dict:
    return {"text": "is there an age limit", "intent": {"name": intent, "confidence": confidence},
            "scope": scope}


def test_a_declined_parse_gets_the_classifiers_intent_back_even_after_the_fallback() -> None:
    classifier = {"name": "faq", "confidence": 0.99}
    scope = {"words": 2, "coverage": 0.33, "strongest": 0.41, "weakest": 0.25, "intent": classifier,
             "declined": True}
    # The FallbackClassifier saw out_of_scope next to faq at 0.99 and called it ambiguous.
    assert without_guard(parse("nlu_fallback", 0.4, scope))["intent"] == classifier
    assert without_guard(parse("out_of_scope", 0.67, scope))["intent"] == classifier


def test_a_parse_the_signal_let_through_is_left_as_it_is() -> None:
    scope = {"words": 2, "coverage": 0.8, "strongest": 0.9, "weakest": 0.7,
             "intent": {"name": "faq", "confidence": 0.3}}
    assert without_guard(parse("nlu_fallback", 0.4, scope))["intent"]["name"] == "nlu_fallback"
    assert without_guard(parse("greet", 0.9, None))["intent"]["name"] == "greet"


def test_a_declined_intent_the_fallback_would_have_caught_anyway_stays_a_fallback() -> None:
    scope = {"words": 3, "coverage": 0.2, "strongest": 0.3, "weakest": 0.0,
             "intent": {"name": "faq", "confidence": 0.3}, "declined": True}
    assert without_guard(parse("out_of_scope", 0.8, scope))["intent"]["name"] == "nlu_fallback"
