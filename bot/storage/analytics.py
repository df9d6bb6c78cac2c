"""What the bot records for staff, each in one call: an FAQ answer, an unanswered or clarified
question, feedback on an answer (and, after a "No", what the person was looking for), and how
an eligibility check ended.

Everything goes through `recorder()`, a process-wide background writer (recorder.py); nothing here
waits for the database or raises because of it. This module only records what it is given: it
never reads a tracker and never decides what the bot says.
"""

from __future__ import annotations

import atexit
import logging
import threading
import uuid
from collections.abc import Iterable

import sqlalchemy as sa

from bot.storage.db import describe_error, make_engine
from bot.storage.erase import erase_analytics
from bot.storage.ids import conversation_hash
from bot.storage.models import EligibilityOutcome, FaqAnswer, Feedback, Unanswered, utcnow
from bot.storage.recorder import Recorder, Row
from bot.storage.settings import StorageSettings, id_hash_key

MAX_TEXT = 2000
# What someone was looking for when an answer did not help: a few words are enough.
LOOKING_FOR_MAX = 500

logger = logging.getLogger(__name__)

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


def looking_for(answer_id: str, text: str) -> bool:
    """Record what the person was looking for when the answer did not help: it replaces the "No"
    row for that answer with one that carries the text, scrubbed of personal data when written and
    then cut to LOOKING_FOR_MAX characters. False (nothing recorded) for an empty text or a button
    payload."""
    text = text[:MAX_TEXT].strip()
    if not text or text.startswith("/"):
        return False
    recorder().record(Row(Feedback.__table__, {
        "answer_id": answer_id, "helpful": False, "looking_for": text, "created_at": utcnow(),
    }, scrub_field="looking_for", max_length=LOOKING_FOR_MAX))
    return True


def erase_conversation(sender_id: str, timeout: float = 10.0) -> bool:
    """Delete every analytics row of this conversation, once the rows still queued have been
    written. Blocks (run it in a thread). False when that could not be done (the database is down or
    slow): then nothing is promised."""
    if not recorder().wait_idle(timeout):
        return False
    engine = make_engine(StorageSettings.from_env().database_url, statement_timeout=True)
    try:
        erase_analytics(engine, conversation_hash(sender_id, id_hash_key()))
    except sa.exc.SQLAlchemyError as error:
        logger.error("analytics: could not delete a conversation's rows (%s)", describe_error(error))
        return False
    finally:
        engine.dispose()
    return True
