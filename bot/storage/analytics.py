"""What the bot records for staff, each in one call: an FAQ answer, an unanswered or clarified
question, feedback on an answer, and how an eligibility check ended.

Everything goes through `recorder()`, a process-wide background writer (recorder.py); nothing here
waits for the database or raises because of it. This module only records what it is given: it
never reads a tracker and never decides what the bot says.
"""

from __future__ import annotations

import atexit
import threading
import uuid
from collections.abc import Iterable

from bot.storage.models import EligibilityOutcome, FaqAnswer, Feedback, Unanswered, utcnow
from bot.storage.recorder import Recorder, Row
from bot.storage.settings import StorageSettings, id_hash_key

MAX_TEXT = 2000

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


def faq_answered(
    sender_id: str, channel: str | None, entry_id: str, role: str | None, confidence: float
) -> str:
    """Record an FAQ answer; return the id that feedback on it will carry."""
    answer_id = str(uuid.uuid4())
    recorder().record(Row(FaqAnswer.__table__, {
        "id": answer_id, "entry_id": entry_id, "role": role, "confidence": float(confidence),
        "channel": channel, "created_at": utcnow(),
    }, sender_id=sender_id))
    return answer_id


def question_not_answered(
    sender_id: str, channel: str | None, text: str, kind: str, candidates: Iterable[str] = ()
) -> None:
    """Record a question the bot could not answer ("unanswered") or asked to clarify
    ("clarified", with the FAQs offered). The text is scrubbed of personal data when written."""
    text = text[:MAX_TEXT].strip()
    if not text or text.startswith("/"):  # a button payload is not a question
        return
    recorder().record(Row(Unanswered.__table__, {
        "text": text, "kind": kind, "candidates": ",".join(candidates) or None,
        "channel": channel, "created_at": utcnow(),
    }, sender_id=sender_id, scrub_field="text"))


def eligibility_outcome(
    sender_id: str, verdict: str, role: str | None, failed_criteria: Iterable[str]
) -> None:
    """Record how a check ended: verdict, role, the failed criteria's keys; never the answers."""
    recorder().record(Row(EligibilityOutcome.__table__, {
        "verdict": verdict, "role": role, "failed_criteria": ",".join(failed_criteria),
        "created_at": utcnow(),
    }, sender_id=sender_id))


def feedback(answer_id: str, helpful: bool) -> None:
    """Record whether an answer helped."""
    recorder().record(Row(Feedback.__table__, {
        "answer_id": answer_id, "helpful": helpful, "created_at": utcnow(),
    }))
