"""A reusable validation action for forms whose questions come from a routing function."""

from __future__ import annotations

from abc import ABC, abstractmethod
from typing import Any, ClassVar

from rasa_sdk import FormValidationAction, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from bot.eligibility.conversation import AnswerReading

REQUESTED_SLOT = "requested_slot"


class RoutedFormValidation(FormValidationAction, ABC):
    """Validation for a form driven by plain-Python rules.

    A subclass says which form it serves, how its slots map to answers, how a message is
    understood and which slot comes next. This class handles the rest the same way for every such
    form: a message is interpreted only when the person has just spoken to the form (not when it
    resumes after an interruption, nor when it starts); an interruption is rejected so that rules
    can answer it and the form then asks again; an answer read with doubt waits in
    `unconfirmed_slot` to be asked back; an answer that doesn't fit is counted in
    `failures_slot`, which the ask actions read to add a hint; and `requested_slot` is set from
    the routing, None ending the form.
    """

    form: ClassVar[str]
    failures_slot: ClassVar[str]
    # Yes/no questions the bot asks about the form itself ("do you want to stop?"): the reply to
    # one is not an answer to the form's pending question.
    confirm_actions: ClassVar[tuple[str, ...]] = ()
    # Where an answer read with doubt waits for the person's "yes, that's right" (the ask action
    # asks it back instead of the question).
    unconfirmed_slot: ClassVar[str]

    def name(self) -> str:
        return f"validate_{self.form}"

    @abstractmethod
    def answers(self, tracker: Tracker) -> dict[str, Any]: ...

    @abstractmethod
    def read_answer(self, tracker: Tracker, answers: dict[str, Any]) -> AnswerReading: ...

    @abstractmethod
    def apply(self, answers: dict[str, Any], updates: dict[str, Any]) -> dict[str, Any]: ...

    @abstractmethod
    def slot_values(self, before: dict[str, Any], after: dict[str, Any]) -> dict[str, Any]: ...

    @abstractmethod
    def next_slot(self, answers: dict[str, Any], cleared: tuple[str, ...] = ()) -> str | None:
        """cleared: the questions this message cleared to be asked again."""

    async def answer_beside(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                            domain: dict[str, Any]) -> list[EventType]:
        """Answer a question the message asked beside its answer ("no. btw how long is it?"), before
        the form's next question; the events are the answer's own (no form slot)."""
        return []

    def requested_questions(self, tracker: Tracker) -> tuple[str, ...]:
        """The question `requested_slot` already names, kept when the form starts or resumes even
        if the routing would end it (one cleared after the verdict to be asked again)."""
        return ()

    def is_new_user_message(self, tracker: Tracker) -> bool:
        actions = [e.get("name") for e in tracker.events if e.get("event") == "action"]
        if len(actions) < 2 or actions[-1] != self.form or actions[-2] != "action_listen":
            return False
        return len(actions) < 3 or actions[-3] not in self.confirm_actions

    def events(self, before: dict[str, Any], after: dict[str, Any],
               cleared: tuple[str, ...] = ()) -> list[EventType]:
        slots = [SlotSet(slot, value) for slot, value in self.slot_values(before, after).items()]
        return [*slots, SlotSet(REQUESTED_SLOT, self.next_slot(after, cleared))]

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        before = self.answers(tracker)
        if not self.is_new_user_message(tracker):
            # Starting, or resuming after an interruption the rules answered: the question is asked
            # afresh, without the "Sorry, I didn't understand" of an earlier failed answer.
            return [SlotSet(self.failures_slot, 0),
                    *self.events(before, before, self.requested_questions(tracker))]
        understood = self.read_answer(tracker, before)
        beside = await self.answer_beside(dispatcher, tracker, domain) if understood.asked_beside else []
        if understood.acknowledgement:
            dispatcher.utter_message(text=understood.acknowledgement)
        if understood.interrupt:
            return []  # the form rejects the message; rules handle it, then the form asks again
        if understood.to_confirm:
            # (the other answers the same message gave are kept while this one is asked back)
            (question, value), = understood.to_confirm.items()
            after = self.apply(before, understood.updates)
            return [*beside, SlotSet(self.failures_slot, 0),
                    *(SlotSet(slot, kept) for slot, kept in self.slot_values(before, after).items()),
                    SlotSet(self.unconfirmed_slot, {"question": question, "value": value}),
                    SlotSet(REQUESTED_SLOT, tracker.get_slot(REQUESTED_SLOT))]
        if not understood.understood:
            failures = int(tracker.get_slot(self.failures_slot) or 0) + 1
            # (an answer asked back stays asked back: "what?" to "is that right?" doesn't drop it)
            return [SlotSet(self.failures_slot, failures),
                    SlotSet(REQUESTED_SLOT, tracker.get_slot(REQUESTED_SLOT))]
        # A reply to "is that right?" that is understood settles it, whatever it was.
        settled = [SlotSet(self.unconfirmed_slot, None)] if tracker.get_slot(self.unconfirmed_slot) else []
        after = self.apply(before, understood.updates)
        return [*beside, SlotSet(self.failures_slot, 0), *settled,
                *self.events(before, after, understood.cleared)]
