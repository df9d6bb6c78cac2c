"""The FAQ decision: answer, "Did you mean...?", several questions, or "I don't know"; and the
safety patterns that override the classifier."""

from __future__ import annotations

import json

import pytest

from bot.nlu.faq_decision import (
    Candidate,
    FaqRoute,
    Thresholds,
    decide_faq,
    faq_candidates,
    faq_parts,
    question_parts,
)
from bot.nlu.safety import DISTRESS, NON_ENGLISH, override_intent, unsure_distress
from bot.paths import ROOT
from tests.helpers.trackers import make_tracker

T = Thresholds(answer=0.5, margin=0.2, clarify=0.1, max_options=3)


def ranked(*pairs: tuple[str, float]) -> list[Candidate]:
    return [Candidate(faq_id, confidence) for faq_id, confidence in pairs]


def test_a_confident_clear_winner_is_answered() -> None:
    decision = decide_faq("how much will I be paid", ranked(("salary", 0.92), ("contract_type", 0.03)), T)
    assert decision.action is FaqRoute.ANSWER
    assert decision.faq_id == "salary"


def test_two_close_candidates_get_did_you_mean() -> None:
    candidates = ranked(("duration", 0.48), ("structure", 0.41), ("salary", 0.02))
    decision = decide_faq("how long is it", candidates, T)
    assert decision.action is FaqRoute.CLARIFY
    assert [c.faq_id for c in decision.candidates] == ["duration", "structure"]


def test_a_weak_best_candidate_gets_did_you_mean_even_alone() -> None:
    decision = decide_faq("the thing with the stuff", ranked(("structure", 0.35), ("duration", 0.05)), T)
    assert decision.action is FaqRoute.CLARIFY
    assert [c.faq_id for c in decision.candidates] == ["structure"]


def test_one_word_is_a_topic_answered_only_when_the_bot_is_sure() -> None:
    # "work" could be remote working, locations or the employment requirement: not a question yet
    unsure = decide_faq("work?", ranked(("open_to_external", 0.6), ("locations", 0.15)), T)
    assert unsure.action is FaqRoute.CLARIFY
    assert [c.faq_id for c in unsure.candidates] == ["open_to_external", "locations"]
    sure = decide_faq("salary", ranked(("salary", 0.95), ("seo_salary", 0.03)), T)
    assert sure.action is FaqRoute.ANSWER
    # the same confidence with more words is a question, answered
    assert decide_faq("can I work from home", ranked(("remote_working", 0.6), ("locations", 0.15)),
                      T).action is FaqRoute.ANSWER


def test_at_most_three_options_are_offered() -> None:
    decision = decide_faq("x y z", ranked(("a", 0.3), ("b", 0.25), ("c", 0.2), ("d", 0.15)), T)
    assert [c.faq_id for c in decision.candidates] == ["a", "b", "c"]


def test_below_the_clarify_floor_the_bot_does_not_know() -> None:
    assert decide_faq("qwerty", ranked(("salary", 0.08), ("locations", 0.07)), T).action is FaqRoute.DONT_KNOW
    assert decide_faq("anything", [], T).action is FaqRoute.DONT_KNOW


def test_two_questions_in_one_message_are_taken_one_at_a_time() -> None:
    decision = decide_faq(
        "how long is the apprenticeship and what's the salary?",
        ranked(("duration", 0.55), ("salary", 0.4)), T,
    )
    assert decision.action is FaqRoute.SEVERAL
    assert [c.faq_id for c in decision.candidates] == ["duration", "salary"]


def test_each_question_classified_on_its_own_names_the_topics_offered() -> None:
    # The whole message's ranking is sure of one entry; its questions, taken one by one, are not.
    whole = ranked(("contract_type", 0.99), ("networking", 0.004), ("salary", 0.001))
    parts = [ranked(("remote_working", 0.81), ("contract_type", 0.1)),
             ranked(("contract_type", 0.97), ("remote_working", 0.01))]
    decision = decide_faq("Can I work from home, and is the contract permanent?", whole, T, parts)
    assert decision.action is FaqRoute.SEVERAL
    assert [c.faq_id for c in decision.candidates] == ["remote_working", "contract_type"]


def test_two_questions_about_the_same_entry_get_one_answer() -> None:
    whole = ranked(("salary", 0.95), ("seo_salary", 0.02))
    parts = [ranked(("salary", 0.9), ("seo_salary", 0.05)),
             ranked(("salary", 0.7), ("civil_servant_pay_and_terms", 0.2))]
    decision = decide_faq("how much is the pay? and when do you get paid?", whole, T, parts)
    assert decision.action is FaqRoute.ANSWER and decision.faq_id == "salary"


def test_a_question_the_bot_would_not_answer_on_its_own_is_read_with_the_rest() -> None:
    # "how is the programme split up" alone is torn between two entries; with the bootcamp
    # question before it, the whole message is about the programme's structure.
    whole = ranked(("structure", 0.98), ("duration", 0.01))
    parts = [ranked(("structure", 0.99), ("assessment", 0.003)),
             ranked(("duration", 0.49), ("structure", 0.38))]
    text = "what's the bootcamp like and how is the programme split up"
    decision = decide_faq(text, whole, T, parts)
    assert decision.action is FaqRoute.ANSWER and decision.faq_id == "structure"


def test_faq_parts_reads_each_questions_entry_and_skips_questions_that_are_not_faqs() -> None:
    parsed = {"response_selector": {"faq": {"ranking": [], "parts": [
        {"text": "how long is it", "intent": "faq", "ranking": [
            {"intent_response_key": "faq/structure", "confidence": 0.05},
            {"intent_response_key": "faq/duration", "confidence": 0.9},
        ]},
        {"text": "what's the weather", "intent": "out_of_scope", "ranking": [
            {"intent_response_key": "faq/locations", "confidence": 0.01},
        ]},
    ]}}}
    assert faq_parts(parsed) == [ranked(("duration", 0.9), ("structure", 0.05))]
    assert faq_parts({"response_selector": {"faq": {"ranking": []}}}) is None
    assert faq_parts({"intent": {"name": "faq/duration", "confidence": 1.0}}) is None


def test_one_question_with_two_question_marks_about_one_thing_is_answered() -> None:
    candidates = ranked(("duration", 0.97), ("salary", 0.01))
    decision = decide_faq("how long is it?? is it 18 months?", candidates, T)
    assert decision.action is FaqRoute.ANSWER


@pytest.mark.parametrize(("text", "parts"), [
    ("how long is it and what's the salary?", 2),
    ("where is it based? also do I need a degree", 2),
    ("Can I work from home, and is the contract permanent?", 2),
    ("how long is the software developer apprenticeship", 1),
    ("what do I need to apply and where do I send it", 2),
    ("do I need a degree and GCSEs", 1),
])
def test_question_parts(text: str, parts: int) -> None:
    assert len(question_parts(text)) == parts


def test_candidates_come_from_the_response_selector_ranking_best_first() -> None:
    tracker = make_tracker(faq_id="duration", ranking=[("duration", 0.6), ("structure", 0.3)])
    assert faq_candidates(tracker.latest_message) == ranked(("duration", 0.6), ("structure", 0.3))


def test_a_button_payload_naming_the_entry_is_certain() -> None:
    tracker = make_tracker(text="/faq/locations", intent="faq/locations")
    candidates = faq_candidates(tracker.latest_message)
    assert candidates == ranked(("locations", 1.0))
    assert decide_faq("/faq/locations", candidates, T).faq_id == "locations"


@pytest.mark.parametrize("text", [
    "I want to kill myself",
    "rejected again, honestly I feel like ending it all",
    "i cant cope anymore",
    "nobody would care if I was gone",
    "I've been self-harming",
    "I don’t want to be here anymore",
    "I'm having a panic attack",
    "lost my job and I don't know how much longer I can keep going",
    "honestly I'm done with life",
    "it's not worth living like this",
])
def test_distress_is_recognised_whatever_the_classifier_says(text: str) -> None:
    assert override_intent(text) == DISTRESS


@pytest.mark.parametrize("text", [
    "how long is the apprenticeship",
    "can I apply if I'm 16?",
    "this bot is killing me, just tell me the salary",
    "what happens if I can't finish the course",
    "Can I apply from Wales?",
    "once I'm done with my current contract can I apply?",
])
def test_ordinary_questions_are_left_to_the_classifier(text: str) -> None:
    assert override_intent(text) is None


def test_the_classifiers_unsure_distress_gives_way_unless_the_words_show_it() -> None:
    # A tester's "I've been thinking about applying for a while" (0.54) got the crisis lines.
    assert unsure_distress("I've been thinking about applying for a while", DISTRESS, 0.54)
    assert not unsure_distress("I feel so low lately", DISTRESS, 0.99)  # confident: kept
    assert not unsure_distress("I can't cope any more", DISTRESS, 0.3)  # the words show it
    assert not unsure_distress("how long is it", "faq", 0.5)


def test_the_classifiers_confident_distress_needs_a_word_of_feeling() -> None:
    # A tester's answer to "is that right?" (0.79) got the crisis lines and lost the check.
    assert unsure_distress("his PhD finishes in 2027 so no i dont think so", DISTRESS, 0.79)
    assert not unsure_distress("nobody cares about me", DISTRESS, 0.95)
    assert not unsure_distress("nothing is ever going to get better", DISTRESS, 0.9)
    assert not unsure_distress("I have pills saved up", DISTRESS, 0.9)


@pytest.mark.parametrize("text", ["كم مدة البرنامج؟", "这个学徒计划多长时间？", "क्या मैं आवेदन कर सकता हूँ?"])
def test_another_script_is_not_english(text: str) -> None:
    assert override_intent(text) == NON_ENGLISH


@pytest.mark.parametrize("text", [
    "currently executive officer grade. would I start the apprenticeship at HEO?",
    "I've been working in retail for eight years. I don't have savings. Would I get paid while training?",
    "Hi! How long is it?",
])
def test_statements_around_one_question_are_not_extra_questions(text: str) -> None:
    assert len(question_parts(text)) == 1


def test_real_rasa_parses_are_answered_clarified_or_split() -> None:
    """Parses captured from a Rasa 3.6.21 model (tests/data/rasa_parses.json): the decision reads
    the real output shape, ranking and all."""
    parses = json.loads((ROOT / "tests" / "data" / "rasa_parses.json").read_text())["parses"]
    clear, ambiguous, several = (
        decide_faq(p["text"], faq_candidates(p), Thresholds()) for p in parses
    )
    assert clear.action is FaqRoute.ANSWER and clear.faq_id == "salary"
    assert ambiguous.action is FaqRoute.CLARIFY
    assert {c.faq_id for c in ambiguous.candidates} >= {"prior_qualification", "entry_requirements"}
    assert several.action is FaqRoute.SEVERAL
    assert {c.faq_id for c in several.candidates} >= {"salary", "contract_type"}


# --- Long situation questions: statements around one question are not extra questions -------

@pytest.mark.parametrize("text", [
    "My son was born in Ireland and has an Irish passport but has lived in England since he was 4. "
    "Does that apply to him?",
    "Several of my clients have humanitarian protection and have been in the UK for less than two "
    "years. Are they blocked by the three-year rule?",
    "Most of them are 15 now and will be 16 by the summer. Can they apply?",
    "I have a btec level 3 in IT and work on a service desk, can i still apply for cyber?",
])
def test_a_statement_joined_by_and_an_auxiliary_is_not_a_question(text: str) -> None:
    assert len(question_parts(text)) == 1


@pytest.mark.parametrize("text", [
    "what's the pay and is it full time",
    "is it paid and do I get holidays",
    "is it remote and are there exams",
])
def test_an_auxiliary_followed_by_its_subject_is_still_a_question(text: str) -> None:
    assert len(question_parts(text)) == 2
