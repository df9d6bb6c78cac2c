"""The eligibility check as a Rasa form, driven by the rules in bot/eligibility.

The validation action decides the form's next question from the routing function, so a changed
answer simply re-routes; the ask actions word each question for its context (a hint after an
answer that didn't fit).
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.common import latest_intent, latest_text, role_in_message, send, spacy_entities, verdict_given
from actions.faq import ActionAnswerFaq, not_in_the_faq
from actions.form_validation import REQUESTED_SLOT, RoutedFormValidation
from bot.eligibility import conversation as check
from bot.eligibility.answers.residence import told_of_study_here
from bot.eligibility.questions import QUESTIONS
from bot.eligibility.routing import FLOW
from bot.nlu.unknown_topics import unknown_topic
from bot.replies import CHECK_BUTTON, Reply
from bot.roles import ROLES, normalise_role
from bot.settings import load_settings
from bot.storage import analytics

FORM = "eligibility_form"


def pending_question(tracker: Tracker) -> str | None:
    slot = tracker.get_slot(REQUESTED_SLOT) or ""
    question = slot.removeprefix(check.SLOT_PREFIX)
    return question if question in QUESTIONS else None


def answers(tracker: Tracker) -> dict[str, Any]:
    return check.answers_from_slots(tracker.slots)


class ValidateEligibilityForm(RoutedFormValidation):
    """Understands each message during the check: an answer, a correction, or an interruption."""

    form = FORM
    failures_slot = check.FAILURES_SLOT
    unconfirmed_slot = check.UNCONFIRMED_SLOT
    confirm_actions = ("utter_ask_confirm_stop", "action_confirm_delete")

    def answers(self, tracker: Tracker) -> dict[str, Any]:
        return answers(tracker)

    def read_answer(self, tracker: Tracker, answers: dict[str, Any]) -> check.AnswerReading:
        intent, confidence = latest_intent(tracker)
        pending = pending_question(tracker)
        return check.read_answer(
            (tracker.latest_message or {}).get("text") or "", intent, confidence, answers,
            pending, spacy_entities(tracker), tracker.get_slot(check.UNCONFIRMED_SLOT),
            # (the conversation's messages are read only while the years are asked)
            studied_here=pending == "residence_years" and studied_here_not_yet_reminded(tracker),
            study_told_before=told_of_study_here(earlier_messages(tracker)),
        )

    def apply(self, answers: dict[str, Any], updates: dict[str, Any]) -> dict[str, Any]:
        return check.apply_updates(answers, updates)

    def slot_values(self, before: dict[str, Any], after: dict[str, Any]) -> dict[str, Any]:
        return check.slot_events(before, after)

    def next_slot(self, answers: dict[str, Any], cleared: tuple[str, ...] = ()) -> str | None:
        return check.next_slot(answers, cleared)

    async def answer_beside(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                            domain: dict[str, Any]) -> list[EventType]:
        answered = await ActionAnswerFaq().run(dispatcher, tracker, domain)
        # (only what the answer records: the check, not the FAQ, says what comes next)
        return [event for event in answered if event.get("event") == "slot"]

    def requested_questions(self, tracker: Tracker) -> tuple[str, ...]:
        pending = pending_question(tracker)
        return (pending,) if pending else ()


def earlier_messages(tracker: Tracker) -> list[str]:
    """The person's messages before the latest one."""
    return [str(e.get("text") or "") for e in tracker.events or [] if e.get("event") == "user"][:-1]


def studied_here_not_yet_reminded(tracker: Tracker) -> bool:
    """Whether an earlier message told of time here on a student visa ("first i was student, now
    skilled worker") and the bot hasn't yet reminded them those years don't count."""
    events = tracker.events or []
    reminders = (check.say("study_years_reminder"), check.say("study_years_told_later"))
    if any(e.get("event") == "bot" and any(r in str(e.get("text") or "") for r in reminders) for e in events):
        return False  # (reminded once is enough)
    return told_of_study_here(earlier_messages(tracker))


def started_this_turn(tracker: Tracker) -> bool:
    """Whether the check started since the person last spoke (the first question gets the intro)."""
    for event in reversed(tracker.events or []):
        if event.get("event") == "user":
            return False
        if event.get("event") == "action" and event.get("name") == "action_start_eligibility":
            return True
    return False


class AskEligibilityQuestion(Action, ABC):
    """`action_ask_elig_<question>`: one per question, so Rasa's form finds it by name. Abstract,
    so the SDK registers only the subclasses below."""

    @property
    @abstractmethod
    def question(self) -> str: ...

    def name(self) -> str:
        return f"action_ask_{check.slot_for(self.question)}"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        failures = int(tracker.get_slot(check.FAILURES_SLOT) or 0)
        first = failures == 0 and started_this_turn(tracker)
        send(dispatcher, check.ask(self.question, answers(tracker), failures, first=first,
                                   unconfirmed=tracker.get_slot(check.UNCONFIRMED_SLOT)))
        return []


ASK_ACTIONS = [
    type(f"Ask_{question}", (AskEligibilityQuestion,), {"question": question}) for question, _ in FLOW
]


class ActionStartEligibility(Action):
    """Start (or start again). "Check for DevOps Engineer" after a verdict re-runs the check for
    that role, keeping every answer that still applies; otherwise every answer is cleared and the
    facts the person volunteered ("I'm 24, British...") are filled in and said back."""

    def name(self) -> str:
        return "action_start_eligibility"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        before = answers(tracker)
        role = check.role_among_several(latest_text(tracker)) or role_in_message(tracker)
        restart = latest_intent(tracker)[0] == "restart_check"
        if verdict_given(tracker) and not restart and role not in ROLES and \
                check.asks_about_waiting(latest_text(tracker)):
            # "so if I wait another year I can apply?": what time can change, not a new check
            send(dispatcher, check.if_waiting(before))
            return [FollowupAction("action_listen")]
        if before and not restart and role not in ROLES and check.asks_for_another_role(latest_text(tracker)):
            # "Can I apply for another role instead?" after a verdict: which one, nothing cleared.
            send(dispatcher, check.which_other_role(before))
            return [FollowupAction("action_listen")]  # not the form the start rule runs next
        if restart:
            dispatcher.utter_message(text="OK, let's start again.")
        remembered = normalise_role(tracker.get_slot("role"))
        if role not in ROLES and before and not restart and remembered in ROLES:
            # "could she do cyber security instead?" answered, then "check if I'm eligible": that role,
            # the answers kept
            role = remembered
        if role in ROLES and before.get("role") not in (None, role) and not restart:
            after = check.apply_updates(before, {"role": role})
            dispatcher.utter_message(text=check.acknowledge("role", role))
        else:
            facts = {} if restart else {
                **(tracker.get_slot("pending_facts") or {}),
                **check.prefilled(latest_text(tracker), spacy_entities(tracker)),
            }
            if role in QUESTIONS["role"].option_values:
                facts["role"] = role
            if not restart and "role" not in facts and remembered in ROLES:
                facts["role"] = remembered  # "I'm interested in DevOps", then "am I eligible?"
            after = check.apply_updates({}, facts)
            if after and not restart:
                send(dispatcher, Reply(check.noted(after)))
        events: list[EventType] = [
            SlotSet(slot, value) for slot, value in check.slot_events(before, after).items()
        ]
        started = [*events, SlotSet(check.FAILURES_SLOT, 0), SlotSet(check.UNCONFIRMED_SLOT, None),
                   SlotSet(REQUESTED_SLOT, None), SlotSet("pending_facts", None)]
        if latest_intent(tracker)[0] not in ("check_eligibility", "restart_check"):
            # Started from another intent ("Am I eligible? I'm 24..." read as a question): the
            # start rules don't apply, so the form is run from here.
            started.append(FollowupAction(FORM))
        return started


class ActionExplainQuestion(Action):
    """ "Why?": why the pending question is asked; after the verdict, the verdict's reasons."""

    def name(self) -> str:
        return "action_explain_question"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        if verdict_given(tracker):
            send(dispatcher, check.verdict_reasons(answers(tracker)))
        elif not (tracker.active_loop or {}).get("name"):
            # "where's that?" after an FAQ answer, no check under way: no question to explain
            return [FollowupAction("action_answer_faq")]
        else:
            pending = pending_question(tracker)
            asked_back = (tracker.get_slot(check.UNCONFIRMED_SLOT) or {}).get("question")
            send(dispatcher, check.explain(pending, latest_text(tracker),
                                           asked_back=pending is not None and asked_back == pending))
        return []


class ActionEligibilityNextSteps(Action):
    """ "What now?": after a verdict, its next steps again; before one, the offer to check."""

    def name(self) -> str:
        return "action_eligibility_next_steps"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        topic = unknown_topic(latest_text(tracker))
        if topic is not None:
            return not_in_the_faq(dispatcher, tracker, topic)  # "should I do the Fast Stream instead?"
        if verdict_given(tracker):
            send(dispatcher, check.verdict_next_steps(answers(tracker), load_settings().offers_person))
        else:
            send(dispatcher, Reply(
                "The first step is to check whether you can apply: I can go through the criteria "
                "with you, one question at a time.", (CHECK_BUTTON,)))
        return []


class ActionChangeAnswer(Action):
    """After the verdict: "change my nationality answer", "actually I'm 17" or "go back"."""

    def name(self) -> str:
        return "action_change_answer"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        before = answers(tracker)
        text = (tracker.latest_message or {}).get("text") or ""
        if not before and not (tracker.active_loop or {}).get("name"):
            # No answer to change ("would I get my old job back?" read as a change): a question,
            # which the FAQ action answers or says it doesn't know
            return [FollowupAction("action_answer_faq")]
        understood = check.read_correction(text, before, None)
        if understood is None or not understood.updates:
            understood = check.read_dispute(text, before) or understood  # "why? I said it ends in march"
        if latest_intent(tracker)[0] == "go_back" or check.asks_to_go_back(text):
            understood = check.went_back_after_verdict(before)  # the last question asked, again
        if understood is None or not understood.updates:
            send(dispatcher, check.which_answer())
            return []
        if understood.acknowledgement:
            dispatcher.utter_message(text=understood.acknowledgement)
        after = check.apply_updates(before, understood.updates)
        # The form picks up from the changed answer: it asks what is now missing (a question
        # cleared to be asked again even when another answer already decides), or gives the new
        # verdict straight away.
        return [*(SlotSet(s, v) for s, v in check.slot_events(before, after).items()),
                SlotSet(REQUESTED_SLOT, check.next_slot(after, understood.cleared)), FollowupAction(FORM)]


class ActionEligibilityVerdict(Action):
    def name(self) -> str:
        return "action_eligibility_verdict"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        given = answers(tracker)
        outcome, reply = check.verdict(given, load_settings().offers_person)
        send(dispatcher, reply)
        analytics.eligibility_outcome(
            tracker.sender_id, outcome.verdict.value, given.get("role"), outcome.failed_criteria
        )
        # Later FAQ answers are tailored to the role they checked for.
        role = given.get("role")
        return [SlotSet("role", role)] if role in ROLES and tracker.get_slot("role") != role else []
