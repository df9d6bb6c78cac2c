"""Reading what the NLU pipeline predicted from a Rasa SDK tracker."""

from __future__ import annotations

from rasa_sdk import Tracker

from bot.eligibility import parsing
from bot.roles import normalise_role, role_in_parse


def role_in_message(tracker: Tracker) -> str | None:
    """The role the latest message names: a role key, `ALL_ROLES`, or None."""
    return role_in_parse(tracker.latest_message or {})


def latest_intent(tracker: Tracker) -> tuple[str, float]:
    """The latest message's intent name and confidence ("" and 0 when there is none)."""
    intent = (tracker.latest_message or {}).get("intent") or {}
    return str(intent.get("name") or ""), float(intent.get("confidence") or 0.0)


def spacy_entities(tracker: Tracker) -> list[tuple[str, str]]:
    """spaCy's (label, text) entities in the latest message, such as ("NORP", "Indian")."""
    return parsing.spacy_entities(tracker.latest_message or {})


def remembered_role(tracker: Tracker) -> str | None:
    return normalise_role(tracker.get_slot("role"))
