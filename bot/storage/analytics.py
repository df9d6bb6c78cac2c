"""What the actions record, each in one call: an FAQ answer (which also adds the "Was this
helpful?" buttons), an unanswered or clarified question, feedback, an eligibility outcome.

Everything goes through `recorder()`, a process-wide background writer (recorder.py); nothing here
waits for the database or raises because of it. Trackers are Rasa SDK trackers, read duck-typed so
that bot/ does not import Rasa.
"""

from __future__ import annotations

import atexit
import logging
import re
import threading
import uuid
from collections.abc import Iterable, Sequence
from typing import Any, Protocol

from bot.eligibility.outcome import Outcome
from bot.replies import Button, Reply
from bot.storage.models import EligibilityOutcome, FaqAnswer, Feedback, Unanswered, utcnow
from bot.storage.recorder import Recorder, Row
from bot.storage.settings import StorageSettings, id_hash_key

logger = logging.getLogger("bot.storage.analytics")

FEEDBACK_INTENT = "feedback"
HELPFUL_ENTITY = "helpful"
ANSWER_ENTITY = "answer_ref"
FEEDBACK_THANKS = "Thanks for letting me know. It helps us improve the answers."
FEEDBACK_NOTHING_TO_RATE = (
    "Thanks. I couldn't tell which answer you meant: use the buttons under an answer to say "
    "whether it helped."
)
UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
NOT_HELPFUL = re.compile(r"\b(no|not|wrong|useless|unhelpful)\b|n't\b", re.IGNORECASE)
MAX_TEXT = 2000


class TrackerLike(Protocol):
    sender_id: str
    latest_message: dict[str, Any]
    events: list[dict[str, Any]]
    active_loop: dict[str, Any]

    def get_latest_input_channel(self) -> str | None: ...


_recorder: Recorder | None = None
_recorder_lock = threading.Lock()


def recorder() -> Recorder:
    """The process's recorder, started on first use and flushed (for up to 15 s) at exit."""
    global _recorder
    with _recorder_lock:
        if _recorder is None:
            from bot.storage.scrub import scrub

            settings = StorageSettings.from_env()
            _recorder = Recorder(settings.database_url, key=id_hash_key, scrubber=scrub)
            # Close (and write what is queued) while the interpreter is still whole: plain atexit
            # runs too late for a thread that may be loading spaCy, and the process then crashes
            # on exit. threading._register_atexit is what concurrent.futures uses for the same.
            getattr(threading, "_register_atexit", atexit.register)(_close_at_exit)
        return _recorder


def _close_at_exit() -> None:
    if _recorder is not None:
        # Long enough for a spaCy load in progress; the database retry loop stops at once.
        _recorder.close(timeout=15)


def feedback_payload(answer_id: str, helpful: bool) -> str:
    return f'/{FEEDBACK_INTENT}{{"{HELPFUL_ENTITY}": "{"yes" if helpful else "no"}", ' \
           f'"{ANSWER_ENTITY}": "{answer_id}"}}'


def feedback_buttons(answer_id: str) -> tuple[Button, Button]:
    return (Button("Yes, this helped", feedback_payload(answer_id, True)),
            Button("No, this didn't help", feedback_payload(answer_id, False)))


def _channel(tracker: TrackerLike) -> str | None:
    return tracker.get_latest_input_channel()


def _text(tracker: TrackerLike) -> str:
    return str((tracker.latest_message or {}).get("text") or "")[:MAX_TEXT]


def faq_answered(
    tracker: TrackerLike, reply: Reply, entry_id: str, role: str | None, confidence: float
) -> Reply:
    """Record the answer; return the reply with "Was this helpful?" buttons carrying its id (not
    during the eligibility check, where a button press would be taken for an answer)."""
    answer_id = str(uuid.uuid4())
    recorder().record(Row(FaqAnswer.__table__, {
        "id": answer_id, "entry_id": entry_id, "role": role, "confidence": float(confidence),
        "channel": _channel(tracker), "created_at": utcnow(),
    }, sender_id=tracker.sender_id))
    if (tracker.active_loop or {}).get("name"):
        return reply
    return Reply(reply.text, (*reply.buttons, *feedback_buttons(answer_id)))


def unanswered(tracker: TrackerLike) -> None:
    """Record the latest message as a question the bot could not answer (scrubbed when written)."""
    _question(tracker, "unanswered", ())


def clarified(tracker: TrackerLike, candidate_ids: Sequence[str]) -> None:
    """Record the latest message as a question the bot asked to clarify, with the FAQs offered."""
    _question(tracker, "clarified", candidate_ids)


def _question(tracker: TrackerLike, kind: str, candidates: Iterable[str]) -> None:
    text = _text(tracker).strip()
    if not text or text.startswith("/"):  # a button payload is not a question
        return
    recorder().record(Row(Unanswered.__table__, {
        "text": text, "kind": kind, "candidates": ",".join(candidates) or None,
        "channel": _channel(tracker), "created_at": utcnow(),
    }, sender_id=tracker.sender_id, scrub_field="text"))


def eligibility_outcome(tracker: TrackerLike, outcome: Outcome, role: str | None) -> None:
    """Record how a check ended: verdict, role, the failed criteria's keys; never the answers."""
    recorder().record(Row(EligibilityOutcome.__table__, {
        "verdict": outcome.verdict.value, "role": role,
        "failed_criteria": ",".join(outcome.failed_criteria),
        "created_at": utcnow(),
    }, sender_id=tracker.sender_id))


def _entity(tracker: TrackerLike, name: str) -> str | None:
    for entity in (tracker.latest_message or {}).get("entities") or []:
        if entity.get("entity") == name and entity.get("value") is not None:
            return str(entity["value"])
    return None


def _latest_answer_id(tracker: TrackerLike) -> str | None:
    """The answer the latest "Was this helpful?" buttons were about (for feedback typed in words)."""
    for event in reversed(tracker.events or []):
        if event.get("event") != "bot":
            continue
        for button in (event.get("data") or {}).get("buttons") or []:
            match = re.search(rf'"{ANSWER_ENTITY}": "([0-9a-f-]{{36}})"', button.get("payload") or "")
            if match:
                return match.group(1)
    return None


def feedback(tracker: TrackerLike) -> Reply:
    """Record "Was this helpful?" from the buttons (or said in words) and say thanks."""
    answer_id = _entity(tracker, ANSWER_ENTITY) or _latest_answer_id(tracker)
    said = _entity(tracker, HELPFUL_ENTITY)
    helpful = said.lower() == "yes" if said else not NOT_HELPFUL.search(_text(tracker))
    if not answer_id or not UUID.match(answer_id):
        return Reply(FEEDBACK_NOTHING_TO_RATE)
    recorder().record(Row(Feedback.__table__, {
        "answer_id": answer_id, "helpful": helpful, "created_at": utcnow(),
    }))
    return Reply(FEEDBACK_THANKS)
