"""The eligibility form's actions: free-text answers, invalid answers and re-asks, corrections,
interruptions, and the verdict."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest
from rasa_sdk import Action
from rasa_sdk.events import FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.eligibility import (
    ASK_ACTIONS,
    ActionChangeAnswer,
    ActionEligibilityVerdict,
    ActionExplainQuestion,
    ActionStartEligibility,
    ValidateEligibilityForm,
)
from bot.eligibility.conversation import slot_for
from bot.eligibility.questions import QUESTIONS
from tests.conftest import make_tracker

AFTER_USER = [{"event": "action", "name": "action_listen"}, {"event": "user"},
              {"event": "action", "name": "eligibility_form"}]
AFTER_FAQ = [{"event": "action", "name": "action_answer_faq"},
             {"event": "action", "name": "eligibility_form"}]


def slots(**answers: Any) -> dict[str, Any]:
    return {slot_for(q): v for q, v in answers.items()}


def run(action: Action, text: str = "", intent: str = "nlu_fallback", confidence: float = 0.9,
        pending: str | None = None, answers: dict[str, Any] | None = None, failures: int = 0,
        events: list[dict[str, Any]] | None = None, entities: list[dict[str, Any]] | None = None,
        ) -> tuple[list[dict[str, Any]], list[Any]]:
    tracker = make_tracker(
        text=text, intent=intent, entities=entities,
        slots={**slots(**(answers or {})), "elig_failures": failures,
               "requested_slot": slot_for(pending) if pending else None},
        active_loop={"name": "eligibility_form"}, events=AFTER_USER if events is None else events,
    )
    tracker.latest_message["intent"]["confidence"] = confidence
    dispatcher = CollectingDispatcher()
    result = asyncio.run(action.run(dispatcher, tracker, domain={}))
    return dispatcher.messages, result


def validate(text: str, pending: str, **kwargs: Any) -> list[Any]:
    return run(ValidateEligibilityForm(), text=text, pending=pending, **kwargs)[1]


SD = {"role": "software_developer", "age": 30}
BEFORE: dict[str, dict[str, Any]] = {
    "role": {},
    "age": {"role": "software_developer"},
    "nationality": SD,
    "euss_status": {**SD, "nationality": "eu_eea"},
    "immigration_status": {**SD, "nationality": "other"},
    "residence_years": {**SD, "nationality": "uk"},
    "student_loan": {**SD, "nationality": "uk", "residence_years": 10},
    "works_in_england": {**SD, "nationality": "uk", "residence_years": 10, "student_loan": "no",
                         "other_programme": "no", "prior_qualification": "no"},
}


@pytest.mark.parametrize(
    ("pending", "text", "value"),
    [
        ("role", "devops", "devops_engineer"),
        ("age", "I'm 23", 23),
        ("age", "twenty three", 23),
        ("nationality", "I'm Polish", "eu_eea"),
        ("nationality", "British", "uk"),
        ("euss_status", "I have settled status", "settled"),
        ("immigration_status", "I'm on a student visa", "study"),
        ("residence_years", "about 2 years", 2.0),
        ("student_loan", "yep", "yes"),
        ("student_loan", "no I don't", "no"),
        ("works_in_england", "Not sure", "not_sure"),
    ],
)
def test_a_free_text_answer_fills_the_question(pending: str, text: str, value: object) -> None:
    events = validate(text, pending, answers=BEFORE[pending])
    assert SlotSet(slot_for(pending), value) in events
    assert SlotSet("elig_failures", 0) in events


def test_the_next_question_follows_the_rules() -> None:
    events = validate("I'm Polish", "nationality", answers={"role": "software_developer", "age": 30})
    assert events[-1] == SlotSet("requested_slot", "elig_euss_status")
    events = validate("British", "nationality", answers={"role": "software_developer", "age": 30})
    assert events[-1] == SlotSet("requested_slot", "elig_residence_years")


def test_a_definite_fail_ends_the_form() -> None:
    events = validate("15", "age", answers={"role": "software_developer"})
    assert SlotSet("elig_age", 15) in events
    assert events[-1] == SlotSet("requested_slot", None)


def test_an_answer_that_does_not_fit_is_counted_and_asked_again() -> None:
    events = validate("purple", "age", answers={"role": "software_developer"}, failures=0)
    assert events == [SlotSet("elig_failures", 1), SlotSet("requested_slot", "elig_age")]


def test_the_re_ask_gives_a_hint_then_more_help() -> None:
    ask_age = next(a for a in ASK_ACTIONS if a().name() == "action_ask_elig_age")()
    first, _ = run(ask_age, failures=1, pending="age")
    assert first[0]["text"].startswith("Sorry, I didn't understand that. " + QUESTIONS["age"].hint)
    second, _ = run(ask_age, failures=2, pending="age")
    assert QUESTIONS["age"].why in second[0]["text"]
    assert "say \"stop\" to leave the check" in second[0]["text"]
    assert [b["title"] for b in second[0]["buttons"]] == ["Not sure"]


def test_a_question_lists_its_options_as_buttons() -> None:
    ask = next(a for a in ASK_ACTIONS if a().name() == "action_ask_elig_euss_status")()
    messages, _ = run(ask, pending="euss_status")
    assert messages[0]["text"] == QUESTIONS["euss_status"].prompt
    assert [b["title"] for b in messages[0]["buttons"]] == [
        "Settled status", "Pre-settled status", "Neither", "Not sure"]
    assert messages[0]["buttons"][1]["payload"] == "Pre-settled status"


def test_a_button_payload_is_understood() -> None:
    events = validate("Pre-settled status", "euss_status",
                      answers={"role": "software_developer", "age": 30, "nationality": "eu_eea"})
    assert SlotSet("elig_euss_status", "pre_settled") in events


@pytest.mark.parametrize(
    ("text", "intent"),
    [("how long is the devops apprenticeship?", "faq"), ("stop", "stop_check"),
     ("why do you ask?", "explain_question"), ("start again", "restart_check"),
     ("can I talk to a person", "human_handoff"),
     ("I can't cope with any of this any more", "distress"),
     ("you are a useless bot", "abuse"),
     ("has my application been received", "own_application")],
)
def test_questions_and_commands_are_not_swallowed_as_answers(text: str, intent: str) -> None:
    assert validate(text, "role", intent=intent, confidence=0.95) == []


def test_an_answer_that_looks_like_a_correction_is_still_an_answer() -> None:
    events = validate("Irish", "nationality", intent="change_answer", confidence=0.51,
                      answers={"role": "business_analyst", "age": 30})
    assert SlotSet("elig_nationality", "irish") in events


def test_a_vague_change_request_is_an_interruption() -> None:
    assert validate("I want to change an answer", "gcses", intent="change_answer",
                    answers=BEFORE["works_in_england"]) == []


def test_an_answer_that_looks_like_a_faq_is_still_an_answer() -> None:
    events = validate("I'm 17", "age", intent="faq", confidence=0.8, answers={"role": "devops_engineer"})
    assert SlotSet("elig_age", 17) in events


def test_actually_corrects_an_earlier_answer_and_re_routes() -> None:
    answers = {"role": "software_developer", "age": 23, "nationality": "uk"}
    events = validate("actually I'm 17", "residence_years", intent="change_answer", answers=answers)
    assert SlotSet("elig_age", 17) in events
    assert events[-1] == SlotSet("requested_slot", "elig_residence_years")
    events = validate("actually I'm 15", "residence_years", intent="change_answer", answers=answers)
    assert events[-1] == SlotSet("requested_slot", None)


def test_change_my_nationality_answer_asks_it_again_and_drops_what_depended_on_it() -> None:
    answers = {"role": "software_developer", "age": 23, "nationality": "eu_eea",
               "euss_status": "settled", "residence_years": 5}
    events = validate("change my nationality answer", "student_loan", intent="change_answer",
                      answers=answers)
    assert SlotSet("elig_nationality", None) in events
    assert SlotSet("elig_euss_status", None) in events
    assert SlotSet("elig_residence_years", None) in events
    assert events[-1] == SlotSet("requested_slot", "elig_nationality")


def test_resuming_after_an_interruption_asks_the_same_question() -> None:
    answers = {"role": "software_developer", "age": 23}
    events = validate("how long is it?", "nationality", intent="faq", answers=answers, events=AFTER_FAQ)
    assert events == [SlotSet("requested_slot", "elig_nationality")]


def test_carry_on_after_stop_is_not_taken_as_an_answer() -> None:
    after_stop = [{"event": "action", "name": "utter_ask_confirm_stop"}, *AFTER_USER]
    events = validate("no, carry on", "student_loan", intent="deny",
                      answers={"role": "software_developer", "age": 23, "nationality": "uk",
                               "residence_years": 5}, events=after_stop)
    assert events == [SlotSet("requested_slot", "elig_student_loan")]


def test_why_explains_the_pending_question() -> None:
    messages, _ = run(ActionExplainQuestion(), pending="student_loan")
    assert messages[0]["text"] == "I ask because: " + QUESTIONS["student_loan"].why


def test_start_clears_answers_and_takes_a_role_from_the_button() -> None:
    _, events = run(ActionStartEligibility(), text='/check_eligibility{"role": "software_developer"}',
                    intent="check_eligibility", answers={"age": 30, "role": "business_analyst"},
                    entities=[{"entity": "role", "value": "software_developer"}])
    assert SlotSet("elig_age", None) in events
    assert events[-1] == SlotSet("elig_role", "software_developer")


def test_change_after_the_verdict() -> None:
    answers = {"role": "software_developer", "age": 23, "nationality": "uk"}
    _, events = run(ActionChangeAnswer(), text="change my age", intent="change_answer", answers=answers)
    assert events == [SlotSet("elig_age", None), FollowupAction("eligibility_form")]
    messages, events = run(ActionChangeAnswer(), text="I want to change something",
                           intent="change_answer", answers=answers)
    assert events == [] and "Which answer would you like to change?" in messages[0]["text"]


def test_the_verdict_lists_answers_reasons_and_next_steps() -> None:
    answers = {"role": "business_analyst", "age": 30, "nationality": "uk", "residence_years": 10,
               "student_loan": "no", "other_programme": "no", "prior_qualification": "no",
               "works_in_england": "yes", "employed_relevant": "yes", "gcses": "no"}
    messages, events = run(ActionEligibilityVerdict(), answers=answers)
    assert events == [SlotSet("role", "business_analyst")]  # later FAQ answers are tailored
    text = messages[0]["text"]
    assert text.startswith("From what you've told me, you don't meet the TechTrack eligibility criteria.")
    assert "- This programme requires five GCSEs at grade A–C (9–4)." in text
    assert "- Five GCSEs A–C (9–4): No" in text
    assert "This is guidance only: the admissions team makes the decision." in text
    assert messages[0]["buttons"][0] == {
        "title": "Check for Software Developer",
        "payload": '/check_eligibility{"role": "software_developer"}'}
