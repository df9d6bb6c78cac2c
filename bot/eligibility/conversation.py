"""How a message during the eligibility check is understood, and what the bot says back.

Pure functions over plain data: the Rasa form in actions/eligibility.py only adapts them.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from bot.eligibility.outcome import Outcome, Verdict, decide
from bot.eligibility.parsing import parse_answer
from bot.eligibility.questions import NOT_SURE, QUESTIONS
from bot.eligibility.routing import FLOW, next_question, relevant_answers
from bot.nlu.safety import in_distress
from bot.replies import Button, Reply

SLOT_PREFIX = "elig_"
FAILURES_SLOT = "elig_failures"

# Intents that always interrupt the check (handled by rules, then the pending question is asked again).
COMMANDS = {"stop_check", "restart_check", "explain_question", "human_handoff"}
# Intents that interrupt only when the message is not an answer to the pending question
# ("Irish" can look like "actually I'm Irish", a correction).
QUESTIONS_ASIDE = {
    "faq", "help", "bot_challenge", "change_answer", "non_english", "own_application", "abuse",
    "distress",
}
ASIDE_CONFIDENCE = 0.6

# Words that name a question, for "change my nationality answer".
QUESTION_WORDS: dict[str, tuple[str, ...]] = {
    "role": ("role", "job"),
    "age": ("age", "old"),
    "nationality": ("nationality", "citizenship", "citizen"),
    "euss_status": ("settled", "pre-settled", "settlement"),
    "immigration_status": ("visa", "permission", "immigration", "refugee"),
    "residence_years": ("years", "residence", "lived", "living"),
    "permission_lasts": ("expire", "expires", "last"),
    "student_loan": ("loan", "student finance"),
    "other_programme": ("apprenticeship", "programme", "course"),
    "prior_qualification": ("degree", "qualification", "hnd"),
    "works_in_england": ("england", "based", "work"),
    "employed_relevant": ("employed", "employment"),
    "gcses": ("gcse", "gcses"),
    "level3": ("level 3", "a level", "a levels", "btec"),
    "it_qualification": ("it qualification",),
}
CORRECTION = re.compile(r"\b(actually|sorry|i meant|i mean|correction|wait|oops|change|wrong)\b",
                        re.IGNORECASE)
QUESTION_LIKE = re.compile(r"\?|^\s*(what|how|why|when|where|who|which|can|could|do|does|is|are|"
                           r"will|would|should)\b", re.IGNORECASE)


def slot_for(question: str) -> str:
    return SLOT_PREFIX + question


def answers_from_slots(slots: Mapping[str, Any]) -> dict[str, Any]:
    return {q: slots[slot_for(q)] for q, _ in FLOW if slots.get(slot_for(q)) is not None}


def next_slot(answers: Mapping[str, Any]) -> str | None:
    """The slot the form asks for next, from the routing; None when the check is decided."""
    following = next_question(answers)
    return slot_for(following) if following else None


@dataclass(frozen=True)
class AnswerReading:
    """What a message means for the check: new answers (None clears one), or an interruption."""

    updates: dict[str, Any] = field(default_factory=dict)
    interrupt: bool = False
    understood: bool = True


def _mentioned_question(text: str, answers: Mapping[str, Any]) -> str | None:
    lowered = text.lower()
    for question, words in QUESTION_WORDS.items():
        if question in answers and any(re.search(rf"\b{re.escape(w)}\b", lowered) for w in words):
            return question
    return None


def _correction(text: str, answers: Mapping[str, Any], pending: str | None) -> dict[str, Any]:
    """ "actually I'm 17" (a new answer to an earlier question) or "change my nationality answer"
    (clear it, so it is asked again)."""
    if not CORRECTION.search(text):
        return {}
    for question in ("age", "nationality", "role", "residence_years"):
        if question in answers and question != pending:
            value = parse_answer(question, CORRECTION.sub("", text))
            if value not in (None, NOT_SURE) and value != answers[question]:
                return {question: value}
    mentioned = _mentioned_question(text, answers)
    return {mentioned: None} if mentioned else {}


def read_answer(
    text: str, intent: str, confidence: float, answers: Mapping[str, Any], pending: str | None,
    entities: Sequence[tuple[str, str]] = (),
) -> AnswerReading:
    """Make sense of `text`, said while `pending` was asked (None after the check ended).
    `entities` are spaCy's (label, text) pairs for the message."""
    if intent == "change_answer" or (pending and CORRECTION.search(text)):
        correction = _correction(text, answers, pending)
        if correction:
            return AnswerReading(updates=correction)
    if intent in COMMANDS or (intent == "distress" and in_distress(text)):
        return AnswerReading(interrupt=True)
    value = parse_answer(pending, text, entities) if pending else None
    aside = intent in QUESTIONS_ASIDE and confidence >= ASIDE_CONFIDENCE
    if value is not None and not (aside and QUESTION_LIKE.search(text)):
        return AnswerReading(updates={pending: value})
    if aside or intent == "change_answer":
        return AnswerReading(interrupt=True)
    return AnswerReading(understood=False)


def apply_updates(answers: Mapping[str, Any], updates: Mapping[str, Any]) -> dict[str, Any]:
    """The answers after `updates`, without those that no longer apply."""
    merged = {**answers, **updates}
    return relevant_answers({q: a for q, a in merged.items() if a is not None})


def slot_events(before: Mapping[str, Any], after: Mapping[str, Any]) -> dict[str, Any]:
    """Slot values to set so the slots hold `after` (None clears a slot)."""
    changed = {slot_for(q): a for q, a in after.items() if before.get(q) != a}
    cleared = {slot_for(q): None for q in before if q not in after}
    return {**changed, **cleared}


# --- what the bot says ---------------------------------------------------------------------------

def _buttons(question: str) -> tuple[Button, ...]:
    return tuple(Button(o.label, o.label) for o in QUESTIONS[question].choices())


def ask(question: str, failures: int = 0, first: bool = False) -> Reply:
    """The question, with a hint after an answer that didn't fit, and more help after two."""
    spec = QUESTIONS[question]
    text = spec.prompt
    if first:
        text = ("Let's check whether you can apply. I'll ask a few questions, one at a time; you can "
                "type your answers or use the buttons. Say \"why?\" to know why I ask, \"change my "
                "age\" (or any answer) to correct one, or \"stop\" to leave.\n\n" + text)
    if failures == 1:
        text = f"Sorry, I didn't understand that. {spec.hint}\n\n{spec.prompt}"
    elif failures >= 2:
        text = (f"Sorry, I still didn't understand. {spec.why} {spec.hint} You can also pick an "
                f"answer below, choose \"Not sure\", or say \"stop\" to leave the check.\n\n{spec.prompt}")
    return Reply(text, _buttons(question))


def which_answer() -> Reply:
    return Reply("Which answer would you like to change? For example: \"change my age\" or "
                 "\"change my nationality answer\".")


def explain(question: str | None) -> Reply:
    if question is None:
        return Reply("I ask each question because it decides part of the TechTrack eligibility "
                     "criteria.")
    return Reply(f"I ask because: {QUESTIONS[question].why}")


VERDICT_BUTTONS = {
    "again_makers": Button(
        "Check for Software Developer", '/check_eligibility{"role": "software_developer"}'
    ),
    "question": Button("Ask a question", "/ask_question"),
    "person": Button("Talk to a person", "/human_handoff"),
}


def verdict(answers: Mapping[str, Any]) -> tuple[Outcome, Reply]:
    outcome = decide(answers)
    lines = [outcome.headline, ""]
    if outcome.reasons:
        lines.append("Why:" if outcome.verdict is not Verdict.ELIGIBLE else "Please note:")
        lines += [f"- {reason}" for reason in outcome.reasons]
        lines.append("")
    lines.append("What you told me:")
    lines += [f"- {asked}: {said}" for asked, said in outcome.answered]
    lines.append("If anything is wrong, say which answer to change (for example \"change my age\").")
    lines += ["", "Next steps:"]
    lines += [f"- {step}" for step in outcome.next_steps]
    buttons = [VERDICT_BUTTONS["question"], VERDICT_BUTTONS["person"]]
    if outcome.suggest_other_roles:
        buttons.insert(0, VERDICT_BUTTONS["again_makers"])
    return outcome, Reply("\n".join(lines), tuple(buttons))
