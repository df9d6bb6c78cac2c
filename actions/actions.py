"""Custom actions. Each reads the tracker, asks bot/ what to say, and sends it."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.tracker_reading import faq_prediction, remembered_role, role_in_message
from bot import replies
from bot.corpus import FaqEntry, load_corpus
from bot.settings import load_settings
from bot.storage import analytics

# After these answers the bot offers the step-by-step eligibility check.
ELIGIBILITY_FAQS = frozenset({
    "eligibility_criteria", "age_requirement", "residency_requirements", "student_loan",
    "other_funded_programme", "prior_qualification", "entry_requirements", "based_in_england",
    "level_2_apprentices", "open_to_external",
})


@lru_cache(maxsize=1)
def corpus() -> dict[str, FaqEntry]:
    return load_corpus()


def send(dispatcher: CollectingDispatcher, reply: replies.Reply) -> None:
    buttons = [{"title": b.title, "payload": b.payload} for b in reply.buttons]
    dispatcher.utter_message(text=reply.text, buttons=buttons or None)


def role_events(tracker: Tracker, role: str | None) -> list[EventType]:
    """Store the normalised role when it differs from what the slot holds."""
    return [SlotSet("role", role)] if tracker.get_slot("role") != role else []


class ActionAnswerFaq(Action):
    """Answer the FAQ the ResponseSelector chose, tailored to the person's role where it differs."""

    def name(self) -> str:
        return "action_answer_faq"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        settings = load_settings()
        prediction = faq_prediction(tracker)
        entry = corpus().get(prediction.faq_id) if prediction else None
        if entry is None or prediction is None or prediction.confidence < settings.faq_min_confidence:
            analytics.unanswered(tracker)
            send(dispatcher, replies.dont_know(settings.human_route))
            return [SlotSet("pending_faq", None)]

        named = role_in_message(tracker)
        role = named if named and named != replies.ALL_ROLES else remembered_role(tracker)
        events = role_events(tracker, role)
        if entry.role_specific and role is None and named != replies.ALL_ROLES:
            send(dispatcher, replies.ask_which_role(entry))
            return [*events, SlotSet("pending_faq", entry.id)]
        offer_check = entry.id in ELIGIBILITY_FAQS and not tracker.active_loop.get("name")
        answer = replies.faq_answer(entry, role, offer_check=offer_check)
        send(dispatcher, analytics.faq_answered(tracker, answer, entry.id, role, prediction.confidence))
        return [*events, SlotSet("pending_faq", None)]


class ActionRoleChosen(Action):
    """The person named a role: answer the question waiting for it, or note it for later answers."""

    def name(self) -> str:
        return "action_role_chosen"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        chosen = role_in_message(tracker)
        pending = corpus().get(tracker.get_slot("pending_faq") or "")
        if chosen is None:
            send(dispatcher, replies.which_role_unclear())
            return role_events(tracker, remembered_role(tracker))
        role = None if chosen == replies.ALL_ROLES else chosen
        events = [*role_events(tracker, role), SlotSet("pending_faq", None)]
        if pending is not None:
            send(dispatcher, analytics.faq_answered(tracker, replies.faq_answer(pending, role),
                                                    pending.id, role, 1.0))
        elif role is not None:
            send(dispatcher, replies.role_noted(role))
        else:
            send(dispatcher, replies.all_roles_noted())
        return events


class ActionHumanHandoff(Action):
    def name(self) -> str:
        return "action_human_handoff"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        send(dispatcher, replies.Reply(load_settings().human_route))
        return []


class ActionDontKnow(Action):
    """The honest answer when the bot did not understand or the corpus has no answer."""

    def name(self) -> str:
        return "action_dont_know"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        analytics.unanswered(tracker)
        send(dispatcher, replies.dont_know(load_settings().human_route))
        return [SlotSet("pending_faq", None)]
