"""Reading what the NLU pipeline predicted from a Rasa SDK tracker."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from rasa_sdk import Tracker

from bot.replies import ALL_ROLES
from bot.roles import find_role, normalise_role

RETRIEVAL_INTENT = "faq"


@dataclass(frozen=True)
class FaqPrediction:
    faq_id: str
    confidence: float


def faq_prediction(tracker: Tracker) -> FaqPrediction | None:
    """The FAQ the ResponseSelector chose for the latest message, with its confidence.

    A button payload such as `/faq/duration` carries the full retrieval intent instead; it is taken
    as certain.
    """
    message: dict[str, Any] = tracker.latest_message or {}
    intent_name = (message.get("intent") or {}).get("name") or ""
    if intent_name.startswith(f"{RETRIEVAL_INTENT}/"):
        return FaqPrediction(intent_name.split("/", 1)[1], 1.0)
    selector = (message.get("response_selector") or {}).get(RETRIEVAL_INTENT) or {}
    response = selector.get("response") or {}
    key = response.get("intent_response_key") or ""
    if not key.startswith(f"{RETRIEVAL_INTENT}/"):
        return None
    return FaqPrediction(key.split("/", 1)[1], float(response.get("confidence") or 0.0))


def role_in_message(tracker: Tracker) -> str | None:
    """The role the latest message names: its `role` entity, else the role words in its text.

    Returns a role key, `ALL_ROLES`, or None.
    """
    message: dict[str, Any] = tracker.latest_message or {}
    for entity in message.get("entities") or []:
        if entity.get("entity") != "role":
            continue
        value = entity.get("value")
        if value == ALL_ROLES:
            return ALL_ROLES
        role = normalise_role(value)
        if role:
            return role
    return find_role(message.get("text") or "")


def remembered_role(tracker: Tracker) -> str | None:
    return normalise_role(tracker.get_slot("role"))
