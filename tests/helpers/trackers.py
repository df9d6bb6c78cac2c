"""Rasa SDK trackers and entities shaped as Rasa 3.6 sends them to the action server, for tests of
the actions and of the FAQ decision without a model."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Tracker


def make_tracker(
    text: str = "",
    intent: str = "faq",
    faq_id: str | None = None,
    confidence: float = 0.9,
    entities: list[dict[str, Any]] | None = None,
    slots: dict[str, Any] | None = None,
    active_loop: dict[str, Any] | None = None,
    events: list[dict[str, Any]] | None = None,
    ranking: list[tuple[str, float]] | None = None,
) -> Tracker:
    """A Rasa SDK tracker whose latest message has the shape Rasa 3.6 sends to the action server,
    including the ResponseSelector's output for the `faq` retrieval intent. `ranking` lists the
    ResponseSelector's candidates, best first, as (faq id, confidence); by default only faq_id."""
    message: dict[str, Any] = {
        "text": text,
        "intent": {"name": intent, "confidence": 0.95},
        "entities": entities or [],
    }
    if faq_id is not None:
        # Exactly the keys Rasa 3.6.21's ResponseSelector produces (checked against a real parse).
        message["response_selector"] = {
            "all_retrieval_intents": ["faq"],
            "faq": {
                "response": {
                    "responses": [{"text": "(the canonical question, from data/responses)"}],
                    "confidence": confidence,
                    "intent_response_key": f"faq/{faq_id}",
                    "utter_action": f"utter_faq/{faq_id}",
                },
                "ranking": [
                    {"confidence": c, "intent_response_key": f"faq/{key}"}
                    for key, c in (ranking or [(faq_id, confidence)])
                ],
            },
        }
    return Tracker(
        sender_id="test-user",
        slots={"role": None, "pending_faq": None, **(slots or {})},
        latest_message=message,
        events=events or [],
        paused=False,
        followup_action=None,
        active_loop=active_loop or {},
        latest_action_name="action_listen",
    )


def role_entity(text: str, value: str) -> dict[str, Any]:
    return {"entity": "role", "value": value, "start": 0, "end": len(text),
            "extractor": "RegexEntityExtractor"}
