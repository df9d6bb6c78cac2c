""""Was this helpful?": the buttons under an FAQ answer (or the same said in words), and after a
"No" one optional question: what were you looking for?

How the question works (feedback_detail_form, whose only slot is filled from the whole next message;
the rules are in data/rules/feedback.yml):

- action_record_feedback records Yes or No. After a No (outside the eligibility check) it puts the
  answer's id in `feedback_answer`, and a rule starts the form, which asks the question with a Skip
  button (action_ask_feedback_detail).
- validate_feedback_detail_form reads the next message, whatever its intent:
  - "Skip" (the button sends /deny), "skip", "no thanks", "nothing", ... : nothing is stored; the
    bot says it doesn't matter and the question ends;
  - something that is clearly a new request (a button other than Skip, a greeting, "check my
    eligibility", "can I talk to a person", thanks or goodbye, ...) or that is never stored
    (distress, abuse, someone's own application, another language): nothing is stored, and the form
    ends and rejects the message, so that the bot's usual rules answer it as if no question had
    been asked (a "No" on another answer asks again, about that answer);
  - anything else is what they were looking for: it is stored with the answer's id
    (analytics.looking_for: scrubbed of personal data, at most 500 characters) and the bot thanks
    them. When it is an FAQ question ("how much is the salary in London?") it is stored *and*
    answered: the form ends and rejects it after storing it, so the FAQ rule answers it.
"""

from __future__ import annotations

import json
import re
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import ActionExecutionRejected, ActiveLoop, EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.common import latest_entity, latest_intent, latest_text, send
from bot import replies
from bot.storage import analytics

UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
NOT_HELPFUL = re.compile(r"\b(no|not|wrong|useless|unhelpful)\b|n't\b", re.IGNORECASE)

FORM = "feedback_detail_form"
ANSWER_SLOT = "feedback_answer"  # the answer the question is about (a text slot: set or not)
DETAIL_SLOT = "feedback_detail"  # the next message's text, filled by the form (from_text)
REQUESTED_SLOT = "requested_slot"
SKIP_INTENT = "deny"  # what the Skip button sends

# A whole message that means "I'd rather not say" (compared in lower case, without end punctuation).
SKIP = re.compile(
    r"(?:ok(?:ay)?,? )?(?:skip(?: it| this| that)?|no(?:pe)?|nah|no,? thanks?(?: you)?|no thx"
    r"|nothing|none|not really|not now|never ?mind|n/?a|pass|stop|cancel|(?:i'?d )?rather not"
    r"(?: say)?|no comment)"
)
# Typed messages that are clearly a new request, or that are never stored: the form rejects them
# and the usual rules answer them (each has a rule that applies outside the eligibility check).
NEW_REQUEST_INTENTS = frozenset({
    "greet", "goodbye", "thank", "bot_challenge", "help", "human_handoff", "check_eligibility",
    "restart_check", "ask_question", "delete_my_data", "what_stored",
})
NEVER_STORED_INTENTS = frozenset({"distress", "abuse", "own_application", "non_english"})
# A question the FAQ answers: stored as what they were looking for, then answered by its rule.
STORED_AND_ANSWERED_INTENTS = frozenset({"faq"})
# Buttons the usual rules answer (any other button ends the question as Skip does).
BUTTON_INTENTS = frozenset({
    *NEW_REQUEST_INTENTS, "faq", "feedback", "inform_role", "something_else", "next_steps",
})


def latest_answer_id(tracker: Tracker) -> str | None:
    """The answer the latest "Was this helpful?" buttons were about (for feedback typed in words)."""
    for event in reversed(tracker.events or []):
        if event.get("event") != "bot":
            continue
        for button in (event.get("data") or {}).get("buttons") or []:
            payload = str(button.get("payload") or "")
            if not payload.startswith("/" + replies.FEEDBACK_INTENT + "{"):
                continue
            try:
                answer_id = json.loads(payload[len(replies.FEEDBACK_INTENT) + 1:])[replies.ANSWER_ENTITY]
            except (ValueError, KeyError, TypeError):
                continue
            return str(answer_id)
    return None


def in_another_loop(tracker: Tracker) -> bool:
    return (tracker.active_loop or {}).get("name") not in (None, FORM)


class ActionRecordFeedback(Action):
    """Record Yes or No; after a No, hand over to feedback_detail_form by setting `feedback_answer`
    (not during the eligibility check, whose question comes back next)."""

    def name(self) -> str:
        return "action_record_feedback"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        answer_id = latest_entity(tracker, replies.ANSWER_ENTITY) or latest_answer_id(tracker)
        said = latest_entity(tracker, replies.HELPFUL_ENTITY)
        helpful = said.lower() == "yes" if said else not NOT_HELPFUL.search(latest_text(tracker))
        if not answer_id or not UUID.match(answer_id):
            send(dispatcher, replies.feedback_nothing_to_rate())
            return [SlotSet(ANSWER_SLOT, None)]
        analytics.feedback(answer_id, helpful)
        if helpful or in_another_loop(tracker):
            send(dispatcher, replies.feedback_thanks())
            return [SlotSet(ANSWER_SLOT, None)]
        # The form's question thanks them too (action_ask_feedback_detail).
        return [SlotSet(DETAIL_SLOT, None), SlotSet(ANSWER_SLOT, answer_id)]


class ActionAskFeedbackDetail(Action):
    """The form's question: thanks, what were you looking for? (optional, with a Skip button)."""

    def name(self) -> str:
        return "action_ask_feedback_detail"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        send(dispatcher, replies.ask_looking_for())
        return []


def is_skip(text: str) -> bool:
    said = " ".join(text.lower().replace("\u2019", "'").split()).rstrip(" .!")
    return not said or SKIP.fullmatch(said) is not None


def just_answered(tracker: Tracker) -> bool:
    """Whether the person has just sent a message to the form: the action before the form is
    action_listen (not the form starting, nor the form coming back after a rule answered)."""
    actions = [e.get("name") for e in tracker.events if e.get("event") == "action"]
    return len(actions) >= 2 and actions[-1] == FORM and actions[-2] == "action_listen"


class ValidateFeedbackDetailForm(Action):
    """Reads the message after the question (see the module's docstring). Never leaves the question
    open: the form ends, and either has dealt with the message (stored, or skipped) or rejects it
    for the usual rules to answer."""

    def name(self) -> str:
        return f"validate_{FORM}"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        answer_id = tracker.get_slot(ANSWER_SLOT)
        if not just_answered(tracker):
            # Starting (or asked again after a new "No"): the form asks. Without an answer to ask
            # about there is no question: end.
            return [] if answer_id else self.end()
        text = latest_text(tracker).strip()
        intent = latest_intent(tracker)[0]
        if text.startswith("/"):  # a button
            if intent in BUTTON_INTENTS:
                return self.pass_on()
            send(dispatcher, replies.looking_for_skipped())
            return self.end()
        if is_skip(text):
            send(dispatcher, replies.looking_for_skipped())
            return self.end()
        if intent in NEW_REQUEST_INTENTS or intent in NEVER_STORED_INTENTS:
            return self.pass_on()
        if answer_id and UUID.match(str(answer_id)):
            analytics.looking_for(str(answer_id), text)
        send(dispatcher, replies.looking_for_thanks())
        return self.pass_on() if intent in STORED_AND_ANSWERED_INTENTS else self.end()

    @staticmethod
    def end() -> list[EventType]:
        """The question is over: the form ends."""
        return [SlotSet(DETAIL_SLOT, None), SlotSet(ANSWER_SLOT, None), SlotSet(REQUESTED_SLOT, None)]

    @staticmethod
    def pass_on() -> list[EventType]:
        """The question is over, and the message is for the usual rules: the form ends and rejects
        it, so the rules answer it as they would any message outside a form."""
        return [SlotSet(DETAIL_SLOT, None), SlotSet(ANSWER_SLOT, None), SlotSet(REQUESTED_SLOT, None),
                ActiveLoop(None), ActionExecutionRejected(FORM)]
