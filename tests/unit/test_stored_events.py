"""bot/storage/stored_events.py: a conversation read back from its stored form is the same to Rasa's
policies and to the actions, and takes less room."""

from __future__ import annotations

import json
from typing import Any

from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, BotUttered, SessionStarted, SlotSet, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from bot.paths import ROOT
from bot.storage.stored_events import STORED_RANKING_LENGTH, stored_form

STAMPS = {"model_id": "0123456789abcdef0123456789abcdef", "assistant_id": "techtrack-assistant"}


def parse_data(text: str) -> dict[str, Any]:
    ranking = [{"confidence": 0.9 / (n + 1), "intent_response_key": f"faq/entry{n}"} for n in range(10)]
    return {
        "text": text, "intent": {"name": "faq", "confidence": 0.97},
        "entities": [{"entity": "role", "value": "devops_engineer", "start": 0, "end": 6}],
        "intent_ranking": [{"name": f"intent{n}", "confidence": 0.1} for n in range(10)],
        "response_selector": {
            "all_retrieval_intents": ["faq"],
            "faq": {"response": {"responses": [{"text": "How long is it?"}], "confidence": 0.9,
                                 "intent_response_key": "faq/entry0", "utter_action": "utter_faq/entry0"},
                    "ranking": ranking},
        },
    }


def conversation(domain: Domain) -> DialogueStateTracker:
    tracker = DialogueStateTracker("someone", domain.slots)
    events = [
        ActionExecuted("action_session_start"), SessionStarted(), ActionExecuted("action_listen"),
        UserUttered("devops: how long is it?", parse_data("devops: how long is it?")["intent"],
                    parse_data("devops: how long is it?")["entities"], parse_data("devops: how long is it?"),
                    input_channel="rest"),
        ActionExecuted("action_answer_faq"), BotUttered("Two years."), SlotSet("role", "devops_engineer"),
        ActionExecuted("action_listen"),
    ]
    for event in events:
        event.metadata = {**event.metadata, **STAMPS}
        tracker.update(event, domain)
    return tracker


def test_a_conversation_read_back_from_its_stored_form_is_the_same_to_policies_and_actions() -> None:
    domain = Domain.load(ROOT / "domain.yml")
    tracker = conversation(domain)
    stored = [json.loads(json.dumps(stored_form(e.as_dict()))) for e in tracker.events]
    back = DialogueStateTracker.from_dict("someone", stored, domain.slots)
    assert back.past_states(domain) == tracker.past_states(domain)
    assert back.current_slot_values() == tracker.current_slot_values()
    assert back.latest_message.intent == tracker.latest_message.intent
    assert back.latest_message.entities == tracker.latest_message.entities
    assert back.get_latest_input_channel() == "rest"
    assert [e.type_name for e in back.events] == [e.type_name for e in tracker.events]
    assert [e.timestamp for e in back.events] == [e.timestamp for e in tracker.events]


def test_rankings_are_cut_and_rasas_stamps_and_the_canonical_question_left_out() -> None:
    event = UserUttered("hi", parse_data("hi")["intent"], [], parse_data("hi"),
                        metadata={**STAMPS, "channel": "rest"})
    full = event.as_dict()
    stored = stored_form(full)
    assert stored["metadata"] == {"channel": "rest"}
    assert len(stored["parse_data"]["intent_ranking"]) == STORED_RANKING_LENGTH
    faq = stored["parse_data"]["response_selector"]["faq"]
    assert len(faq["ranking"]) == STORED_RANKING_LENGTH
    assert "responses" not in faq["response"] and faq["response"]["intent_response_key"] == "faq/entry0"
    assert len(json.dumps(stored)) < len(json.dumps(full)) * 0.75
    assert full == event.as_dict()  # the event itself is left as it was
