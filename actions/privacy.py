"""Privacy in the chat: the notice at the start of a conversation, "what have you stored about
me?", and "delete my conversation" once confirmed (bot/privacy.py has the words)."""

from __future__ import annotations

import asyncio
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import ActionExecuted, ActiveLoop, EventType, SessionStarted, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.eligibility import answers
from bot import privacy
from bot.eligibility.questions import QUESTIONS
from bot.roles import ROLES, normalise_role
from bot.storage import analytics
from bot.storage.erase import ERASE_SLOT

NOTICE_SHOWN_SLOT = privacy.NOTICE_SHOWN_SLOT
SESSION_START_METADATA_SLOT = privacy.SESSION_START_METADATA_SLOT


def session_channel(tracker: Tracker) -> str | None:
    """The channel that started this session (set by bot/channels/common.py, never by a client)."""
    return privacy.session_channel(tracker.slots)


class ActionSessionStart(Action):
    """Rasa's session start (slots carried over), and the privacy notice before the first reply
    of a conversation in the web chat, Teams or Slack. The Rasa server runs the same without
    asking this server when there is no notice to show (bot/dev/rasa_speedups.py)."""

    def name(self) -> str:
        return "action_session_start"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        events: list[EventType] = [SessionStarted()]
        events += [SlotSet(slot, value) for slot, value in tracker.slots.items() if value is not None]
        if privacy.notice_due(tracker.slots):
            dispatcher.utter_message(text=privacy.chat_notice(privacy.PrivacySettings.from_env()))
            events.append(SlotSet(NOTICE_SHOWN_SLOT, True))
        events.append(ActionExecuted("action_listen"))
        return events


def stored_answers(tracker: Tracker) -> list[tuple[str, str]]:
    given = answers(tracker)
    return [(QUESTIONS[q].summary, QUESTIONS[q].label_for(value)) for q, value in given.items()
            if q in QUESTIONS]


class ActionShowStored(Action):
    def name(self) -> str:
        return "action_show_stored"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        messages = sum(1 for e in tracker.events if e.get("event") == "user")
        kept = stored_answers(tracker)
        role = ROLES.get(normalise_role(tracker.get_slot("role")) or "")
        if "role" in answers(tracker):  # the check's own answer says it already
            role = None
        dispatcher.utter_message(text=privacy.stored_summary(
            messages, role.name if role else None, kept, privacy.PrivacySettings.from_env(),
        ))
        return []


class ActionDeleteConversation(Action):
    """After the person confirmed: delete the analytics rows now, and have the tracker store delete
    the conversation's events in the save that ends this turn (ERASE_SLOT)."""

    def name(self) -> str:
        return "action_delete_conversation"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        erased = await asyncio.to_thread(analytics.erase_conversation, tracker.sender_id)
        if not erased:
            dispatcher.utter_message(text=privacy.DELETE_FAILED)
            return []
        dispatcher.utter_message(text=privacy.DELETED)
        return [ActiveLoop(None), SlotSet(ERASE_SLOT, True)]


class ActionConfirmDelete(Action):
    def name(self) -> str:
        return "action_confirm_delete"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        dispatcher.utter_message(text=privacy.CONFIRM_DELETE, buttons=[
            {"title": title, "payload": payload} for title, payload in privacy.DELETE_BUTTONS
        ])
        return []


class ActionKeepConversation(Action):
    def name(self) -> str:
        return "action_keep_conversation"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        dispatcher.utter_message(text=privacy.DELETE_CANCELLED)
        return []
