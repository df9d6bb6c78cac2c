"""Reading what the NLU pipeline predicted from a Rasa SDK tracker."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Tracker

from bot.eligibility import parsing
from bot.replies import ALL_ROLES
from bot.roles import find_role, normalise_role


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


def latest_intent(tracker: Tracker) -> tuple[str, float]:
    """The latest message's intent name and confidence ("" and 0 when there is none)."""
    intent = (tracker.latest_message or {}).get("intent") or {}
    return str(intent.get("name") or ""), float(intent.get("confidence") or 0.0)


def spacy_entities(tracker: Tracker) -> list[tuple[str, str]]:
    """spaCy's (label, text) entities in the latest message, such as ("NORP", "Indian")."""
    return parsing.spacy_entities(tracker.latest_message or {})


def remembered_role(tracker: Tracker) -> str | None:
    return normalise_role(tracker.get_slot("role"))
