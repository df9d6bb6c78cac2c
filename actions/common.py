"""What every conversation's actions share: reading the NLU's prediction from the tracker, and
sending a reply from bot/ through the dispatcher."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from bot.eligibility import parsing
from bot.eligibility.conversation import answers_from_slots, next_slot, slot_for
from bot.replies import Reply
from bot.roles import normalise_role, role_in_parse


def send(dispatcher: CollectingDispatcher, reply: Reply) -> None:
    buttons = [{"title": b.title, "payload": b.payload} for b in reply.buttons]
    dispatcher.utter_message(text=reply.text, buttons=buttons or None)


def role_in_message(tracker: Tracker) -> str | None:
    """The role the latest message names: a role key, `ALL_ROLES`, or None."""
    return role_in_parse(tracker.latest_message or {})


def role_named_before_the_button(tracker: Tracker) -> str | None:
    """For a button pressed ("/faq/duration" after "how long is the devops one and is it
    permanent?" got "Which first?"), the role the message before it named; else None."""
    if not latest_text(tracker).startswith("/"):
        return None
    users = [event for event in tracker.events if event.get("event") == "user"]
    if len(users) < 2:
        return None
    return role_in_parse({**(users[-2].get("parse_data") or {}), "text": users[-2].get("text") or ""})


def latest_intent(tracker: Tracker) -> tuple[str, float]:
    """The latest message's intent name and confidence ("" and 0 when there is none)."""
    intent = (tracker.latest_message or {}).get("intent") or {}
    return str(intent.get("name") or ""), float(intent.get("confidence") or 0.0)


def latest_text(tracker: Tracker) -> str:
    return str((tracker.latest_message or {}).get("text") or "")


def last_bot_turn(tracker: Tracker) -> list[dict[str, Any]]:
    """The bot's events of its latest turn before this one, in order (one turn may send several)."""
    turn: list[dict[str, Any]] = []
    for event in reversed(tracker.events):
        if event.get("event") == "bot":
            turn.append(event)
        elif event.get("event") == "user" and turn:
            break
    return turn[::-1]


def last_bot_text(tracker: Tracker) -> str:
    """The text of the bot's latest message before this turn (all its parts, joined)."""
    return "\n\n".join(str(event.get("text") or "") for event in last_bot_turn(tracker))


def last_bot_buttons(tracker: Tracker) -> list[str]:
    """The payloads of the buttons on the bot's latest message before this turn."""
    return [str(button.get("payload") or "") for event in last_bot_turn(tracker)
            for button in (event.get("data") or {}).get("buttons") or []]


def latest_entity(tracker: Tracker, name: str) -> str | None:
    for entity in (tracker.latest_message or {}).get("entities") or []:
        if entity.get("entity") == name and entity.get("value") is not None:
            return str(entity["value"])
    return None


def spacy_entities(tracker: Tracker) -> list[tuple[str, str]]:
    """spaCy's (label, text) entities in the latest message, such as ("NORP", "Indian")."""
    return parsing.spacy_entities(tracker.latest_message or {})


def remembered_role(tracker: Tracker) -> str | None:
    """The role to tailor answers to: during the check, the role being checked (a job named in an
    answer, "I'm an IT support analyst", fills the role slot too)."""
    if (tracker.active_loop or {}).get("name"):
        checked = normalise_role(tracker.get_slot(slot_for("role")))
        if checked is not None:
            return checked
    return normalise_role(tracker.get_slot("role"))


def role_events(tracker: Tracker, role: str | None) -> list[EventType]:
    """Store the normalised role when it differs from what the slot holds."""
    return [SlotSet("role", role)] if tracker.get_slot("role") != role else []


def verdict_given(tracker: Tracker) -> bool:
    """Whether the check ended with a verdict that its answers still give."""
    answers = answers_from_slots(tracker.slots)
    return not (tracker.active_loop or {}).get("name") and bool(answers) and next_slot(answers) is None


def role_kept_from_before(tracker: Tracker) -> list[EventType]:
    """For a message declined as off-topic: the role slot as it was before the message, if the
    message's entities changed it ("the average salary for a devops engineer in london" is no role
    chosen for the answers that follow)."""
    events = list(tracker.events)
    last_user = max((i for i, e in enumerate(events) if e.get("event") == "user"), default=None)
    if last_user is None or not any(e.get("event") == "slot" and e.get("name") == "role"
                                    for e in events[last_user:]):
        return []
    before = [e.get("value") for e in events[:last_user]
              if e.get("event") == "slot" and e.get("name") == "role"]
    return [SlotSet("role", before[-1] if before else None)]
