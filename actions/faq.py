"""The FAQ conversation's actions: answer, ask which role, "I don't know", and the special cases."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.common import (
    latest_intent,
    latest_text,
    remembered_role,
    role_events,
    role_in_message,
    send,
    spacy_entities,
)
from bot import replies
from bot.corpus import FaqEntry, load_corpus
from bot.eligibility import conversation as check
from bot.eligibility.facts import asks_to_check
from bot.nlu.faq_decision import FaqRoute, decide_faq, faq_candidates, faq_parts
from bot.settings import Settings, load_settings
from bot.storage import analytics


@lru_cache(maxsize=1)
def corpus() -> dict[str, FaqEntry]:
    return load_corpus()


def record_not_answered(tracker: Tracker, kind: str, candidates: list[str] | None = None) -> None:
    analytics.question_not_answered(
        tracker.sender_id, tracker.get_latest_input_channel(), latest_text(tracker), kind,
        candidates or (),
    )


def answered(tracker: Tracker, reply: replies.Reply, entry_id: str, role: str | None,
             confidence: float) -> replies.Reply:
    """Record the answer; add "Was this helpful?" buttons carrying its id (not during the
    eligibility check, where a button press would be taken for an answer)."""
    answer_id = analytics.faq_answered(
        tracker.sender_id, tracker.get_latest_input_channel(), entry_id, role, confidence
    )
    if (tracker.active_loop or {}).get("name"):
        return reply
    return replies.with_feedback_buttons(reply, answer_id)


class ActionAnswerFaq(Action):
    """Answer the FAQ entry the classifier ranked first, tailored to the person's role where it differs;
    or ask "Did you mean...?" when it is unsure, or which question first when there are several."""

    def name(self) -> str:
        return "action_answer_faq"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        settings = load_settings()
        message = tracker.latest_message or {}
        text = str(message.get("text") or "")
        in_check = bool((tracker.active_loop or {}).get("name"))
        facts = {} if in_check else check.prefilled(text, spacy_entities(tracker))
        if not in_check and asks_to_check(text, facts):
            # "Am I eligible? I'm 24, British...": they asked for the check, not the criteria.
            return [FollowupAction("action_start_eligibility")]
        known = [c for c in faq_candidates(message) if c.faq_id in corpus()]
        parts = faq_parts(message)
        known_parts = None if parts is None else [
            [c for c in ranking if c.faq_id in corpus()] for ranking in parts
        ]
        decision = decide_faq(
            str(message.get("text") or ""), known, settings.faq_thresholds, known_parts
        )
        entries = [corpus()[c.faq_id] for c in decision.candidates]
        if decision.action is FaqRoute.DONT_KNOW:
            record_not_answered(tracker, "unanswered")
            send(dispatcher, failure_reply(tracker, settings))
            return [SlotSet("pending_faq", None), *failure_events(tracker)]
        if decision.action in (FaqRoute.CLARIFY, FaqRoute.SEVERAL):
            record_not_answered(tracker, "clarified", [entry.id for entry in entries])
            ask = replies.did_you_mean if decision.action is FaqRoute.CLARIFY else replies.several_questions
            send(dispatcher, ask(entries))
            return [SlotSet("pending_faq", None)]

        entry = entries[0]
        named = role_in_message(tracker)
        role = named if named and named != replies.ALL_ROLES else remembered_role(tracker)
        events = role_events(tracker, role)
        if entry.role_specific and role is None and named != replies.ALL_ROLES:
            send(dispatcher, replies.ask_which_role(entry))
            return [*events, SlotSet("pending_faq", entry.id)]
        offer_check = entry.offers_check and not tracker.active_loop.get("name")
        answer = replies.faq_answer(entry, role, offer_check=offer_check)
        confidence = decision.candidates[0].confidence
        send(dispatcher, answered(tracker, answer, entry.id, role, confidence))
        facts = facts if offer_check else {}
        if facts:
            # The question described the person: the check can start from what they said.
            send(dispatcher, replies.Reply(check.noted(facts), (replies.CHECK_BUTTON,)))
        return [*events, SlotSet("pending_faq", None), SlotSet("pending_facts", facts or None)]


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
            send(dispatcher, answered(tracker, replies.faq_answer(pending, role), pending.id, role, 1.0))
        elif role is not None:
            send(dispatcher, replies.role_noted(role))
        else:
            send(dispatcher, replies.all_roles_noted())
        return events


class ActionHumanHandoff(Action):
    """ "Can I speak to a person?", "how do I contact admissions?": the configured contact, or, with
    none, where to find it (never an invented address)."""

    def name(self) -> str:
        return "action_human_handoff"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        send(dispatcher, replies.human_handoff(load_settings().human_route))
        return []


class ActionDontKnow(Action):
    """The honest answer when the bot did not understand or the corpus has no answer; after
    "Something else", a request to rephrase. A second failure in a row offers a person."""

    def name(self) -> str:
        return "action_dont_know"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        if latest_intent(tracker)[0] != "something_else":
            record_not_answered(tracker, "unanswered")
        send(dispatcher, failure_reply(tracker, load_settings()))
        return [SlotSet("pending_faq", None), *failure_events(tracker)]


def user_turns(tracker: Tracker) -> int:
    return sum(1 for event in tracker.events if event.get("event") == "user")


def failure_reply(tracker: Tracker, settings: Settings) -> replies.Reply:
    if tracker.get_slot("failed_turn") == user_turns(tracker) - 1:
        return replies.still_stuck(settings.human_route, settings.offers_person)
    if latest_intent(tracker)[0] == "something_else":
        return replies.rephrase()
    return replies.dont_know(settings.human_route)


def failure_events(tracker: Tracker) -> list[EventType]:
    """Note the turn that failed, so the next failure knows it is the second in a row."""
    return [SlotSet("failed_turn", float(user_turns(tracker)))]


# What staff see as unanswered questions (scrubbed of personal data). Distress, abuse and messages
# about someone's own application are never stored.
RECORDED_AS_UNANSWERED = frozenset({"out_of_scope", "non_english"})
SPECIAL_CASES = {
    "out_of_scope": lambda route: replies.out_of_scope(),
    "non_english": lambda route: replies.non_english(),
    "own_application": replies.own_application,
    "abuse": lambda route: replies.abuse(),
    "distress": lambda route: replies.distress(),
}


class ActionSpecialCase(Action):
    """A short, honest reply, never an FAQ answer, to what the bot must not try to answer:
    off-topic, another language, someone's own application, abuse, and distress."""

    def name(self) -> str:
        return "action_special_case"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        intent = latest_intent(tracker)[0]
        if intent in RECORDED_AS_UNANSWERED:
            record_not_answered(tracker, "unanswered")
        reply = SPECIAL_CASES.get(intent, SPECIAL_CASES["out_of_scope"])
        send(dispatcher, reply(load_settings().human_route))
        return [SlotSet("pending_faq", None)]
