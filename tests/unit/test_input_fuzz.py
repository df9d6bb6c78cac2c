"""Hostile text through the pure path from a channel to a reply decision: the input limits
(bot/channels/limits.py), then the FAQ decision on a parse of it (bot/nlu/faq_decision.py).

Whatever arrives, nothing raises, what passes the door is clean and within the cap, and deciding takes
milliseconds. Run with hypothesis when it is installed; a seeded random fuzz always runs.
"""

from __future__ import annotations

import random
import re
import time
from collections.abc import Callable
from typing import Any

import pytest

from bot.channels.limits import InputGuard, InputLimits, clean_text
from bot.nlu.faq_decision import (
    _PIECES,
    _QUESTION_WORDS,
    Candidate,
    FaqRoute,
    content_words,
    decide_faq,
    faq_candidates,
    faq_parts,
    question_parts,
)

LIMITS = InputLimits(conversation_rate=None, address_rate=None)
# The stop words come with spaCy, imported on first use (seconds): loaded here, not inside a timing.
content_words("warm up")
# One decision is microseconds; this is for the whole path on one message, on a busy machine.
DECISION_BUDGET_SECONDS = 0.25

HOSTILE_PIECES = [
    " ", "\t", "\n", "\r\n", " " * 1000, "\t" * 700, "\n" * 500, "a", "no ", "and ", "also ", "plus ",
    "what", "how", "?", ".", "!", ";", ",", "-", "1" * 300, "\x00", "\x1b[2J", "\ud800", "\udfff",
    "\u202e", "\u200b", "\u200d", "\ufeff", "\u2028", "\U0001f600", "é", "<at>", "</at>", "/restart",
    '/faq{"x": 1}', "[x](javascript:alert(1))", "<script>", "%s%n", "{{7*7}}", "'; DROP TABLE events; --",
]


def fake_parse(rng: random.Random) -> dict[str, Any]:
    """A parse in the shape Rasa 3.6 gives, with junk where junk could be."""
    keys = ["faq/salary", "faq/duration", "faq/", "other/x", "", None, 7]
    confidences = [0, 0.1, 0.5, 0.99, 1, None]
    ranking = [{"intent_response_key": rng.choice(keys), "confidence": rng.choice(confidences)}
               for _ in range(rng.randint(0, 6))]
    selector: dict[str, Any] = {"ranking": ranking}
    if rng.random() < 0.3:
        selector["parts"] = [{"intent": rng.choice(["faq", "greet", None]), "ranking": ranking[:2]}
                             for _ in range(rng.randint(0, 3))]
    return {"intent": {"name": rng.choice(["faq", "faq/salary", "greet", "", None])},
            "response_selector": {"faq": selector} if rng.random() < 0.9 else {}}


def check_one(text: str, parse: dict[str, Any]) -> None:
    started = time.perf_counter()
    guard = InputGuard(LIMITS)
    admission = guard.admit(text, "fuzz")
    if len(text) > LIMITS.max_message_chars:
        assert admission.text is None and admission.reply == LIMITS.too_long_reply
        return
    cleaned = admission.text
    assert cleaned is not None
    cleaned.encode("utf-8")  # no lone surrogates
    assert cleaned == cleaned.strip() and "  " not in cleaned
    assert not any(ch in cleaned for ch in "\x00\x1b\t\n\r\u202e\u200b\ufeff\u2028")
    assert clean_text(cleaned) == cleaned
    candidates = faq_candidates(parse)
    decision = decide_faq(cleaned, candidates, parts=faq_parts(parse))
    assert decision.action in set(FaqRoute)
    assert all(isinstance(c, Candidate) for c in decision.candidates)
    assert set(decision.candidates) <= set(candidates) | {c for part in faq_parts(parse) or [] for c in part}
    for piece in question_parts(cleaned):
        assert piece in cleaned
    assert time.perf_counter() - started < DECISION_BUDGET_SECONDS, repr(text[:80])


def hostile_text(rng: random.Random) -> str:
    return "".join(rng.choice(HOSTILE_PIECES) for _ in range(rng.randint(0, 40)))


def test_seeded_fuzz_of_hostile_text() -> None:
    rng = random.Random(20240601)
    for _ in range(1500):
        check_one(hostile_text(rng), fake_parse(rng))


@pytest.mark.parametrize("text", [
    " " * 100_000, "a" + " \t" * 1999, "a" + " " * 1998 + "a", "no " * 666, "1" * 2000, "\n" * 2000,
    "how long is it? " * 125, "what and how " * 150, "\ud800" * 2000, "",
])
def test_worst_cases_at_and_over_the_cap(text: str) -> None:
    check_one(text, {"intent": {"name": "faq"}, "response_selector": {"faq": {"ranking": [
        {"intent_response_key": "faq/salary", "confidence": 0.5},
        {"intent_response_key": "faq/duration", "confidence": 0.45},
    ]}}})


# The pattern that split messages into questions before it was made linear (quadratic on long runs of
# whitespace: "a" + 20,000 spaces and tabs + "a" held the server for 8.8 s).
QUADRATIC_PIECES = re.compile(
    rf"(?<=[?.!;])\s+|\s+(?:and\s+also|also|and|plus)\s+(?=(?:{_QUESTION_WORDS})\b)", re.IGNORECASE
)


def test_messages_split_into_the_same_questions_as_before_the_linear_pattern() -> None:
    words = ["and", "also", "plus", "what", "how", "is", "pay", "And", "ALSO", "When", "x", "?", ".", ";"]
    gaps = [" ", "  ", "\t", "\n", " \t ", ""]
    rng = random.Random(11)
    for _ in range(30_000):
        text = "".join(rng.choice(words) + rng.choice(gaps) for _ in range(rng.randint(0, 12)))
        assert _PIECES.split(text) == QUADRATIC_PIECES.split(text), repr(text)
    started = time.perf_counter()
    question_parts("a" + " \t" * 10_000 + "a")
    assert time.perf_counter() - started < 0.1


def test_hypothesis_fuzz_of_hostile_text() -> None:
    hypothesis = pytest.importorskip("hypothesis")
    st = hypothesis.strategies
    any_character = st.characters(exclude_categories=())  # surrogates and controls included
    texts = st.one_of(
        st.text(any_character, max_size=3000),
        st.lists(st.sampled_from(HOSTILE_PIECES), max_size=60).map("".join),
    )
    seeds = st.integers(min_value=0, max_value=2**32)

    @hypothesis.settings(max_examples=400, deadline=None, database=None)
    @hypothesis.given(text=texts, seed=seeds)
    def property(text: str, seed: int) -> None:
        check_one(text, fake_parse(random.Random(seed)))

    run: Callable[[], None] = property
    run()
