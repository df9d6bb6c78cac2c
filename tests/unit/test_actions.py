"""The custom actions, run against Rasa SDK trackers shaped like Rasa 3.6's."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest
from rasa_sdk import Action
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.faq import (
    ActionAnswerFaq,
    ActionDontKnow,
    ActionHumanHandoff,
    ActionRoleChosen,
    ActionSpecialCase,
)
from bot.corpus import FaqEntry
from bot.settings import DEFAULT_HUMAN_ROUTE
from tests.helpers.trackers import make_tracker, role_entity


def run(action: Action, **tracker_args: Any) -> tuple[list[dict[str, Any]], list[Any]]:
    dispatcher = CollectingDispatcher()
    events = asyncio.run(action.run(dispatcher, make_tracker(**tracker_args), domain={}))
    return dispatcher.messages, events


def test_a_general_question_gets_its_answer(corpus: dict[str, FaqEntry]) -> None:
    messages, events = run(ActionAnswerFaq(), text="will I get paid?", faq_id="salary")
    assert [m["text"] for m in messages] == [corpus["salary"].answer]
    assert SlotSet("pending_faq", None) in events


def test_a_role_specific_question_without_a_role_asks_which_role(corpus: dict[str, FaqEntry]) -> None:
    messages, events = run(ActionAnswerFaq(), text="how long is it?", faq_id="duration")
    assert len(messages) == 1
    assert "Which role" in messages[0]["text"]
    assert [b["title"] for b in messages[0]["buttons"]] == [
        "Software Developer", "DevOps Engineer", "Business Analyst",
        "Cyber Security Technologist", "All roles",
    ]
    assert messages[0]["buttons"][1]["payload"] == '/inform_role{"role": "devops_engineer"}'
    assert SlotSet("pending_faq", "duration") in events


def test_a_role_named_in_the_message_tailors_the_answer_and_is_remembered(
    corpus: dict[str, FaqEntry],
) -> None:
    text = "how long is the devops one?"
    messages, events = run(
        ActionAnswerFaq(), text=text, faq_id="duration",
        entities=[role_entity("devops", "devops_engineer")],
    )
    assert [m["text"] for m in messages] == [corpus["duration"].answers["devops_engineer"]]
    assert "DevOps Engineer" in messages[0]["text"]
    assert SlotSet("role", "devops_engineer") in events


def test_role_words_are_found_even_without_an_entity(corpus: dict[str, FaqEntry]) -> None:
    messages, events = run(ActionAnswerFaq(), text="how is the BA one assessed", faq_id="assessment")
    assert messages[0]["text"] == corpus["assessment"].answers["business_analyst"]
    assert SlotSet("role", "business_analyst") in events


def test_a_remembered_role_tailors_a_later_answer(corpus: dict[str, FaqEntry]) -> None:
    messages, events = run(
        ActionAnswerFaq(), text="and how is it assessed?", faq_id="assessment",
        slots={"role": "devops_engineer"},
    )
    assert messages[0]["text"] == corpus["assessment"].answers["devops_engineer"]
    assert not [e for e in events if e.get("name") == "role"]


def test_a_new_role_replaces_the_remembered_one(corpus: dict[str, FaqEntry]) -> None:
    messages, events = run(
        ActionAnswerFaq(), text="how long is the cyber one", faq_id="duration",
        slots={"role": "devops_engineer"},
        entities=[role_entity("cyber", "cyber_security_technologist")],
    )
    assert messages[0]["text"] == corpus["duration"].answers["cyber_security_technologist"]
    assert SlotSet("role", "cyber_security_technologist") in events


def test_a_weak_prediction_gets_an_honest_dont_know() -> None:
    messages, _ = run(ActionAnswerFaq(), text="what's the capital of peru", faq_id="locations",
                      confidence=0.05)
    assert messages[0]["text"].startswith("Sorry, I don't know the answer to that.")
    assert DEFAULT_HUMAN_ROUTE in messages[0]["text"]


def test_the_confidence_thresholds_are_configurable(monkeypatch: pytest.MonkeyPatch,
                                                   corpus: dict[str, FaqEntry]) -> None:
    messages, _ = run(ActionAnswerFaq(), text="pay?", faq_id="salary", confidence=0.25)
    assert messages[0]["text"] == "Did you mean one of these?"
    monkeypatch.setenv("TECHTRACK_FAQ_ANSWER_CONFIDENCE", "0.2")
    messages, _ = run(ActionAnswerFaq(), text="pay?", faq_id="salary", confidence=0.25)
    assert messages[0]["text"] == corpus["salary"].answer
    monkeypatch.setenv("TECHTRACK_FAQ_MIN_CONFIDENCE", "0.5")
    monkeypatch.setenv("TECHTRACK_FAQ_ANSWER_CONFIDENCE", "0.6")
    messages, _ = run(ActionAnswerFaq(), text="pay?", faq_id="salary", confidence=0.25)
    assert messages[0]["text"].startswith("Sorry, I don't know")


def test_close_candidates_get_did_you_mean_with_their_titles(corpus: dict[str, FaqEntry]) -> None:
    messages, events = run(
        ActionAnswerFaq(), text="how long does it take", faq_id="duration",
        ranking=[("duration", 0.46), ("structure", 0.38), ("salary", 0.05)],
    )
    assert len(messages) == 1
    assert messages[0]["text"] == "Did you mean one of these?"
    assert [(b["title"], b["payload"]) for b in messages[0]["buttons"]] == [
        (corpus["duration"].title, "/faq/duration"),
        (corpus["structure"].title, "/faq/structure"),
        ("Something else", "/something_else"),
    ]
    assert SlotSet("pending_faq", None) in events


def test_two_questions_at_once_are_offered_one_at_a_time(corpus: dict[str, FaqEntry]) -> None:
    messages, _ = run(
        ActionAnswerFaq(), text="how long is it and how much does it pay?", faq_id="duration",
        ranking=[("duration", 0.52), ("salary", 0.44)],
    )
    assert messages[0]["text"].startswith("That's more than one question")
    assert [b["payload"] for b in messages[0]["buttons"]] == [
        "/faq/duration", "/faq/salary", "/something_else",
    ]


def user_turn(n: int) -> list[dict[str, Any]]:
    return [{"event": "user", "text": f"message {i}"} for i in range(n)]


def test_a_second_failure_in_a_row_offers_a_person() -> None:
    messages, events = run(ActionDontKnow(), text="zzz", intent="nlu_fallback", events=user_turn(1))
    assert messages[0]["text"].startswith("Sorry, I don't know")
    assert SlotSet("failed_turn", 1.0) in events
    messages, events = run(ActionDontKnow(), text="zzz again", intent="nlu_fallback",
                           events=user_turn(2), slots={"failed_turn": 1.0})
    assert messages[0]["text"].startswith("Sorry, I still can't find an answer")
    assert DEFAULT_HUMAN_ROUTE in messages[0]["text"]
    assert not messages[0].get("buttons")  # no contact configured: no one to offer


def test_a_second_failure_in_a_row_offers_the_configured_contact(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("TECHTRACK_CONTACT_EMAIL", "admissions@example.gov.uk")
    messages, _ = run(ActionDontKnow(), text="zzz again", intent="nlu_fallback",
                      events=user_turn(2), slots={"failed_turn": 1.0})
    assert "email admissions@example.gov.uk" in messages[0]["text"]
    assert [b["payload"] for b in messages[0]["buttons"]] == ["/human_handoff"]


def test_a_failure_after_a_success_starts_counting_again() -> None:
    messages, _ = run(ActionDontKnow(), text="zzz", intent="nlu_fallback",
                      events=user_turn(5), slots={"failed_turn": 3.0})
    assert messages[0]["text"].startswith("Sorry, I don't know")


def test_something_else_asks_to_rephrase_then_a_failure_offers_a_person() -> None:
    messages, _ = run(ActionDontKnow(), text="/something_else", intent="something_else",
                      events=user_turn(2))
    assert messages[0]["text"].startswith("OK. Could you put your question another way?")
    messages, _ = run(ActionAnswerFaq(), text="blah", faq_id="salary", confidence=0.02,
                      events=user_turn(3), slots={"failed_turn": 2.0})
    assert messages[0]["text"].startswith("Sorry, I still can't find an answer")


@pytest.mark.parametrize(("intent", "start"), [
    ("out_of_scope", "Sorry, that's not something I can help with."),
    ("non_english", "Sorry, I can only answer in English for now."),
    ("own_application", "I can't see applications"),
    ("abuse", "I'm a bot, so I may not always get it right."),
    ("distress", "I'm sorry you're feeling like this."),
])
def test_special_cases_get_their_own_reply_and_never_an_faq(intent: str, start: str) -> None:
    messages, _ = run(ActionSpecialCase(), text="...", intent=intent, faq_id="salary")
    assert len(messages) == 1
    assert messages[0]["text"].startswith(start)


def test_distress_signposts_samaritans_and_nhs_and_pushes_nothing() -> None:
    messages, _ = run(ActionSpecialCase(), text="I can't cope", intent="distress")
    assert "116 123" in messages[0]["text"] and "111" in messages[0]["text"]
    assert not messages[0].get("buttons")


def test_own_application_gives_the_route_to_a_person() -> None:
    messages, _ = run(ActionSpecialCase(), text="did I pass?", intent="own_application")
    assert DEFAULT_HUMAN_ROUTE in messages[0]["text"]


def test_no_response_selector_output_gets_dont_know() -> None:
    messages, _ = run(ActionAnswerFaq(), text="/faq", faq_id=None)
    assert messages[0]["text"].startswith("Sorry, I don't know")


def test_an_unknown_faq_id_gets_dont_know() -> None:
    messages, _ = run(ActionAnswerFaq(), text="x", faq_id="no_such_entry")
    assert messages[0]["text"].startswith("Sorry, I don't know")


def test_a_full_retrieval_intent_payload_answers_that_faq(corpus: dict[str, FaqEntry]) -> None:
    messages, _ = run(ActionAnswerFaq(), text="/faq/locations", intent="faq/locations")
    assert messages[0]["text"] == corpus["locations"].answer


def test_choosing_a_role_answers_the_pending_question(corpus: dict[str, FaqEntry]) -> None:
    messages, events = run(
        ActionRoleChosen(), text='/inform_role{"role": "business_analyst"}', intent="inform_role",
        entities=[{"entity": "role", "value": "business_analyst"}],
        slots={"pending_faq": "duration"},
    )
    assert [m["text"] for m in messages] == [corpus["duration"].answers["business_analyst"]]
    assert SlotSet("role", "business_analyst") in events
    assert SlotSet("pending_faq", None) in events


def test_all_roles_answers_the_pending_question_for_every_role(corpus: dict[str, FaqEntry]) -> None:
    messages, events = run(
        ActionRoleChosen(), text='/inform_role{"role": "all"}', intent="inform_role",
        entities=[{"entity": "role", "value": "all"}],
        slots={"pending_faq": "duration", "role": "all"},
    )
    assert [m["text"] for m in messages] == [corpus["duration"].answer]
    assert SlotSet("role", None) in events


def test_naming_a_role_with_nothing_pending_notes_it() -> None:
    messages, events = run(ActionRoleChosen(), text="I'm interested in devops", intent="inform_role")
    assert messages[0]["text"].startswith("Thanks: I'll tailor my answers to the DevOps Engineer role")
    assert "Makers" in messages[0]["text"]
    assert SlotSet("role", "devops_engineer") in events


def test_an_unclear_role_gets_the_role_buttons() -> None:
    messages, _ = run(ActionRoleChosen(), text="the other one", intent="inform_role")
    assert "didn't catch which role" in messages[0]["text"]
    assert len(messages[0]["buttons"]) == 5


def test_eligibility_answers_offer_the_check(corpus: dict[str, FaqEntry]) -> None:
    messages, _ = run(ActionAnswerFaq(), text="how old do I need to be", faq_id="age_requirement")
    assert messages[0]["text"] == corpus["age_requirement"].answer
    assert messages[0]["buttons"][0] == {"title": "Check if I'm eligible", "payload": "/check_eligibility"}
    messages, _ = run(ActionAnswerFaq(), text="can I work from home", faq_id="remote_working")
    assert [b["title"] for b in messages[0]["buttons"]] == ["Yes, this helped", "No, this didn't help"]


def test_the_route_to_a_person_is_configurable(monkeypatch: pytest.MonkeyPatch) -> None:
    messages, _ = run(ActionHumanHandoff(), text="talk to a person", intent="human_handoff")
    assert messages[0]["text"] == DEFAULT_HUMAN_ROUTE
    monkeypatch.setenv("TECHTRACK_HUMAN_ROUTE", "Call the test desk.")
    messages, _ = run(ActionHumanHandoff(), text="talk to a person", intent="human_handoff")
    assert messages[0]["text"] == "Call the test desk."
    messages, _ = run(ActionDontKnow(), text="blah", intent="nlu_fallback")
    assert messages[0]["text"].endswith("Call the test desk.")
    # With a contact configured, the wording comes first and the contact after it.
    monkeypatch.setenv("TECHTRACK_CONTACT_PHONE", "+44 20 7946 0000")
    messages, _ = run(ActionHumanHandoff(), text="talk to a person", intent="human_handoff")
    assert messages[0]["text"].startswith("Call the test desk.\n\n")
    assert messages[0]["text"].endswith("phone +44 20 7946 0000.")


def test_an_answer_gets_feedback_buttons_and_feedback_is_recorded(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from actions import faq, feedback

    recorded: list[tuple[str, Any]] = []
    monkeypatch.setattr(faq.analytics, "faq_answered", lambda *args: recorded.append(("answer", args))
                        or "0b7c1d2e-3f40-4a5b-8c6d-7e8f90a1b2c3")
    monkeypatch.setattr(feedback.analytics, "feedback",
                        lambda *args: recorded.append(("feedback", args)))
    messages, _ = run(ActionAnswerFaq(), text="will I be paid?", faq_id="salary")
    titles = [b["title"] for b in messages[0]["buttons"]]
    assert titles[-2:] == ["Yes, this helped", "No, this didn't help"]
    shown = [{"event": "bot", "data": {"buttons": messages[0]["buttons"]}}]
    messages, _ = run(feedback.ActionRecordFeedback(), text="that answer didn't help", events=shown)
    assert messages[0]["text"] == "Thanks for letting me know. It helps us improve the answers."
    assert recorded[-1] == ("feedback", ("0b7c1d2e-3f40-4a5b-8c6d-7e8f90a1b2c3", False))


def test_no_feedback_buttons_during_the_eligibility_check(monkeypatch: pytest.MonkeyPatch) -> None:
    from actions import faq

    monkeypatch.setattr(faq.analytics, "faq_answered", lambda *args: "id")
    messages, _ = run(ActionAnswerFaq(), text="will I be paid?", faq_id="salary",
                      active_loop={"name": "eligibility_form"})
    assert not messages[0].get("buttons")


def test_feedback_with_nothing_to_rate_says_so() -> None:
    from actions import feedback

    messages, _ = run(feedback.ActionRecordFeedback(), text="that was useless")
    assert messages[0]["text"].startswith("Thanks. I couldn't tell which answer you meant")
