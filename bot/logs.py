"""Logs that never hold what people told the bot.

`install()` runs first in both server processes (bot/dev/rasa_server.py, bot/dev/action_server.py),
before Rasa, Sanic or the SDK set up their logging. From then on every log record, from any logger
to any handler, is redacted before it is written, and so are uncaught exceptions and warnings:

- structures: a dict or list in a message (a tracker, a request body, an event, structlog's JSON)
  keeps its shape, but the values under keys that hold what people said or what the bot knows
  about them (text, slots, events, entities, request_body, ...) become "[redacted]"; one that
  cannot be parsed and names such a key is replaced whole;
- Rasa's messages that quote a user message or list slot values ("Received user message '...'",
  "Current slot values: ...") lose the quote or the values;
- exceptions keep their type and traceback (files, lines, code) but not their message, which may
  quote what someone said ("invalid literal for int(): 'thirty four'"), except for exceptions whose
  messages come from the system (connection errors, timeouts, missing modules, database errors
  cut to their first line, an action server's HTTP status);
- Sanic's access log loses query strings (a token in `?token=` would be there);
- conversation ids in Rasa's messages become a short hash, stable within the process;
- the values of secrets in the environment (RASA_API_TOKEN, ACTION_SERVER_TOKEN, ...) become
  "[secret]".

`private_log_file()` opens a log file readable by its owner only, in a folder only they can enter.
`RateLimitedLog` writes a line per kind of event at most once per interval, counting the rest (for
rejected requests, which anyone can send as fast as they like).
"""

from __future__ import annotations

import ast
import asyncio
import contextlib
import hashlib
import io
import json
import logging
import os
import re
import secrets
import sys
import threading
import time
import traceback
import warnings
from collections import OrderedDict
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from types import TracebackType
from typing import Any, TextIO

REDACTED = "[redacted]"

# Keys whose values hold what a person said, what the bot said back (it repeats answers), or
# what the bot knows about them. Compared lower-case.
SENSITIVE_KEYS = frozenset({
    "text", "value", "values", "slots", "slot_values", "slot_candidates", "latest_message", "message",
    "messages", "user_message", "user_text", "response_text", "parse_data", "parse_data_text",
    "parse_data_entities", "entities", "entity", "tracker", "tracker_latest_message",
    "tracker_states", "current_states", "old_states", "states", "events", "event_info_text",
    "rasa_event", "rasa_events", "prediction_events", "prefilled_slots", "request_body", "body",
    "json_message", "token_text", "metadata", "data", "payload", "response", "responses",
    "buttons", "title", "exc_value", "exception", "successes", "current_entity", "next_entity",
    "sender_id", "sender", "conversation_id", "custom", "attachment", "image", "elements",
    "quick_replies", "input", "query", "answer", "answers",
})
_KEY_HINT = re.compile(
    r"""["']?\b(?P<key>[A-Za-z_]{1,40})\b["']?\s{0,3}[:=]""",
)
# Environment variables whose values are secrets, and variables holding URLs with a password.
SECRET_NAMES = re.compile(r"(TOKEN|SECRET|PASSWORD|PASSWD|KEY)(_|$)", re.IGNORECASE)
URL_PASSWORD = re.compile(r"://[^:/@\s]{0,200}:(?P<password>[^@\s]{1,200})@")
MIN_SECRET_LENGTH = 6

# Rasa's messages (at DEBUG mostly) that quote a user message or list slot values: what follows the
# first string, up to the second (or the end of the message), is redacted. Found with str.find,
# each part of the text looked at once, so a message full of these strings costs linear time.
QUOTED_BETWEEN = (
    ("Received user message '", "' with intent"),
    ("UserUttered(text: ", ", intent:"),
    ("BotUttered(text: ", ", data:"),
    ("lot values:", None),  # "Current slot values:" and its lines, to the end
    ("body='", "'"),
    ('body="', '"'),
)
QUOTED = (
    re.compile(r"(?P<keep>[Ss]etting slot ['\"]?[\w-]{1,60}['\"]? to )(?P<text>[^\n]{0,20000})"),
    re.compile(r"(?P<keep>\bvalue ['\"]?)(?P<text>[^'\"\n]{0,500})(?=['\"]? (?:for|of) slot)"),
    re.compile(r"(?P<keep>\b(?:text|message|utterance)[=:] ?)(?P<text>'[^'\n]{0,2000}'|\"[^\"\n]{0,2000}\")"),
    re.compile(r"(?P<keep>SlotSet\(key: [\w-]{1,60}, value: )(?P<text>[^)\n]{0,20000})"),
)
QUERY_STRING = re.compile(r"\?[^\s\"']{0,4000}")
# Conversation ids in Rasa's messages ("for conversation 'abc'", "sender_id 'abc'") become a short
# hash, the same for the same id while the process runs (to follow one conversation through a
# log) and unrelated to it in any other process or log.
CONVERSATION_ID = re.compile(
    r"(?P<keep>\b(?:conversation|sender)(?:[ _]?id)?(?: ?[:=] ?| ))(?P<quote>['\"])"
    r"(?P<id>[^'\"\n\s:=,\[#][^'\"\n]{0,299})(?P=quote)",
    re.IGNORECASE,
)
_ID_SALT = secrets.token_bytes(16)

# Exceptions whose messages come from the system, not from what someone typed. Matched by name
# along the class's ancestry, so that none of these modules needs importing.
SAFE_EXCEPTIONS = frozenset({
    "OSError", "TimeoutError", "ConnectionError", "ImportError", "ModuleNotFoundError",
    "KeyboardInterrupt", "SystemExit", "MemoryError", "RecursionError", "CancelledError",
    "ClientConnectionError", "ClientConnectorError", "ServerDisconnectedError", "ServerTimeoutError",
    "DatabaseUnavailable", "StorageConfigError",
})
# Messages kept whatever the exception (Rasa's own exceptions may quote a message, so only these).
SAFE_MESSAGES = re.compile(
    r"Failed to execute custom action '[\w-]{1,100}'"
    r"(?:\. Couldn't connect to the server at '[^'\s]{1,300}\.?)?"
)
FIRST_LINE_EXCEPTIONS = frozenset({"DBAPIError", "SQLAlchemyError"})  # SQL parameters follow
STATUS_ONLY_EXCEPTIONS = frozenset({"ClientResponseError"})  # "500, Internal Server Error"
SAFE_EXCEPTION_MESSAGE = re.compile(r"[\w .,:;/'\"()\[\]<>=+-]{0,300}")

_STANDARD_RECORD_ATTRIBUTES = frozenset(vars(logging.LogRecord("", 0, "", 0, "", (), None))) | {
    "message", "asctime", "_redacted",
}


# --- redacting text -------------------------------------------------------------------------------

class Redactor:
    def __init__(self, secrets: Iterable[str] = ()) -> None:
        self.secrets = sorted({s for s in secrets if len(s) >= MIN_SECRET_LENGTH}, key=len, reverse=True)

    def text(self, text: str) -> str:
        """`text` without secrets, sensitive values in structures, or quoted user messages."""
        if not text:
            return text
        for secret in self.secrets:
            if secret in text:
                text = text.replace(secret, "[secret]")
        text = _redact_structures(text)
        for opening, closing in QUOTED_BETWEEN:
            text = _redact_between(text, opening, closing)
        for pattern in QUOTED:
            text = pattern.sub(lambda m: m.group("keep") + REDACTED, text)
        return CONVERSATION_ID.sub(_hashed_id, text)

    def exception(self, exc_info: tuple[type[BaseException], BaseException, TracebackType | None]) -> str:
        """A traceback with each exception's message replaced unless it comes from the system."""
        exception = traceback.TracebackException(*exc_info, capture_locals=False)
        for part in _chain(exception):
            part._str = self._exception_message(part)  # type: ignore[attr-defined]
        return self.text("".join(exception.format()).rstrip("\n"))

    def _exception_message(self, part: traceback.TracebackException) -> str:
        message = str(getattr(part, "_str", "") or "")
        names = _ancestry(part.exc_type)
        if not message:
            return message
        if names & STATUS_ONLY_EXCEPTIONS:
            return ", ".join(message.split(", ")[:2]) + ", body=" + REDACTED
        if names & FIRST_LINE_EXCEPTIONS:
            message = message.strip().splitlines()[0] if message.strip() else ""
            return _PARAMETERS.sub(REDACTED, message)
        if SAFE_MESSAGES.fullmatch(message) or (
            names & SAFE_EXCEPTIONS and SAFE_EXCEPTION_MESSAGE.fullmatch(message)
        ):
            return self.text(message)
        return f"[message redacted, {len(message)} characters]"


_PARAMETERS = re.compile(r"\[parameters: .*", re.DOTALL)


def _redact_between(text: str, opening: str, closing: str | None) -> str:
    """What follows each `opening` up to the next `closing` (or the end) becomes [redacted]."""
    out: list[str] = []
    position = 0
    while (start := text.find(opening, position)) != -1:
        start += len(opening)
        end = text.find(closing, start) if closing else -1
        out += [text[position:start], REDACTED]
        if end == -1:
            return "".join(out)
        position = end
    out.append(text[position:])
    return "".join(out)


def _hashed_id(match: re.Match[str]) -> str:
    digest = hashlib.blake2b(match.group("id").encode(), key=_ID_SALT, digest_size=4).hexdigest()
    return f"{match.group('keep')}{match.group('quote')}#{digest}{match.group('quote')}"


def _ancestry(cls: type[BaseException] | None) -> set[str]:
    return {c.__name__ for c in getattr(cls, "__mro__", ())}


def _chain(exception: traceback.TracebackException) -> Iterable[traceback.TracebackException]:
    seen: set[int] = set()
    queue = [exception]
    while queue:
        part = queue.pop()
        if id(part) in seen:
            continue
        seen.add(id(part))
        yield part
        queue += [p for p in (part.__cause__, part.__context__) if p is not None]
        queue += list(getattr(part, "exceptions", None) or [])


def _redact_structures(text: str) -> str:
    """Every top-level {...} or [...] in `text` that names a sensitive key, redacted."""
    if "{" not in text and "[" not in text:
        return text
    out: list[str] = []
    kept = 0
    for start, end in _bracketed_spans(text):
        span = text[start:end]
        if not _names_a_sensitive_key(span):
            continue
        out += [text[kept:start], _redact_span(span)]
        kept = end
    out.append(text[kept:])
    return "".join(out)


def _bracketed_spans(text: str) -> Iterable[tuple[int, int]]:
    """Top-level bracketed spans, quotes inside them respected; an unclosed one runs to the end.
    One pass over the text."""
    closing = {"{": "}", "[": "]"}
    stack: list[str] = []
    start = 0
    quote: str | None = None
    escaped = False
    for index, char in enumerate(text):
        if not stack:
            if char in closing:
                stack, start = [closing[char]], index
            continue
        if quote:
            if escaped:
                escaped = False
            elif char == "\\":
                escaped = True
            elif char == quote:
                quote = None
            continue
        if char in "\"'" and _opens_string(text, index):
            quote = char
        elif char in closing:
            stack.append(closing[char])
        elif char == stack[-1]:
            stack.pop()
            if not stack:
                yield start, index + 1
    if stack:
        yield start, len(text)


def _opens_string(text: str, index: int) -> bool:
    """A quote opens a string where a value or key can start (not an apostrophe in a word)."""
    before = text[index - 1] if index else " "
    return not before.isalnum()


def _names_a_sensitive_key(span: str) -> bool:
    return any(m.group("key").lower() in SENSITIVE_KEYS for m in _KEY_HINT.finditer(span))


def _redact_span(span: str) -> str:
    with contextlib.suppress(ValueError, RecursionError):
        return json.dumps(_redact_value(json.loads(span)), ensure_ascii=False)
    if len(span) <= 200_000:
        with contextlib.suppress(ValueError, SyntaxError, TypeError, MemoryError, RecursionError):
            return repr(_redact_value(ast.literal_eval(span)))
    return f"[redacted, {len(span)} characters]"


def _redact_value(value: Any) -> Any:
    if isinstance(value, Mapping):
        return {
            key: (REDACTED if str(key).lower() in SENSITIVE_KEYS and value[key] not in (None, "", [], {})
                  else _redact_value(value[key]))
            for key in value
        }
    if isinstance(value, (list, tuple, set)):
        return [_redact_value(v) for v in value]
    if isinstance(value, str) and ("{" in value or "[" in value):
        return _redact_structures(value)
    return value


# --- log records ----------------------------------------------------------------------------------

class RedactingFilter(logging.Filter):
    """Redacts a record in place (message, exception, extra string attributes); never drops one.
    Usable in a logging config file too: `filters: {redact: {(): bot.logs.RedactingFilter}}`."""

    def __init__(self, redactor: Redactor | None = None) -> None:
        super().__init__()
        self.redactor = redactor or Redactor(secrets_in(os.environ))

    def filter(self, record: logging.LogRecord) -> bool:
        if getattr(record, "_redacted", False):
            return True
        try:
            message = record.getMessage()
        except Exception:  # a record whose arguments do not fit its message
            message = str(record.msg)
        record.msg, record.args = self.redactor.text(message), ()
        if record.exc_info and record.exc_info[1] is not None:
            record.exc_text = self.redactor.exception(record.exc_info)  # type: ignore[arg-type]
            record.exc_info = None
        elif record.exc_text:
            record.exc_text = self.redactor.text(record.exc_text)
        if record.stack_info:
            record.stack_info = self.redactor.text(record.stack_info)
        for name, value in list(vars(record).items()):
            if name not in _STANDARD_RECORD_ATTRIBUTES and isinstance(value, str):
                setattr(record, name, QUERY_STRING.sub("?[query]", self.redactor.text(value)))
        record._redacted = True
        return True


def secrets_in(env: Mapping[str, str]) -> list[str]:
    found = [value for name, value in env.items() if SECRET_NAMES.search(name) and value]
    found += [m.group("password") for value in env.values() for m in URL_PASSWORD.finditer(value)]
    return found


# --- installing ------------------------------------------------------------------------------------

_installed: RedactingFilter | None = None
_install_lock = threading.Lock()


def install(env: Mapping[str, str] = os.environ, wrap_streams: bool = True) -> RedactingFilter:
    """Redact every log record, uncaught exception and warning in this process from now on.

    Every record passes `Logger.handle` on its way to any handler, so the filter is applied there,
    for every logger, whatever handlers Rasa, Sanic or coloredlogs add later. With `wrap_streams`,
    what is written straight to stdout and stderr (prints, tracebacks printed by libraries) has
    its structures and secrets redacted too (not for an interactive shell, which needs the
    terminal as it is).
    """
    global _installed
    with _install_lock:
        if _installed is not None:
            return _installed
        redacting = RedactingFilter(Redactor(secrets_in(env)))
        original_handle = logging.Logger.handle

        def handle(self: logging.Logger, record: logging.LogRecord) -> None:
            redacting.filter(record)
            original_handle(self, record)

        logging.Logger.handle = handle  # type: ignore[method-assign]
        sys.excepthook = _excepthook(redacting.redactor)
        threading.excepthook = _thread_excepthook(redacting.redactor)
        _redact_warnings(redacting.redactor)
        _redact_asyncio_exceptions()
        if wrap_streams:
            sys.stdout = RedactingStream(sys.stdout, redacting.redactor)  # type: ignore[assignment]
            sys.stderr = RedactingStream(sys.stderr, redacting.redactor)  # type: ignore[assignment]
        _installed = redacting
        return redacting


def _excepthook(redactor: Redactor) -> Any:
    def hook(kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
        sys.stderr.write(redactor.exception((kind, value, tb)) + "\n")

    return hook


def _thread_excepthook(redactor: Redactor) -> Any:
    def hook(args: threading.ExceptHookArgs) -> None:
        if args.exc_value is None or args.exc_type is SystemExit:
            return
        name = args.thread.name if args.thread else "a thread"
        text = redactor.exception((args.exc_type, args.exc_value, args.exc_traceback))
        sys.stderr.write(f"Exception in {name}:\n{text}\n")

    return hook


def _redact_warnings(redactor: Redactor) -> None:
    formatwarning = warnings.formatwarning

    def showwarning(message: Warning | str, category: type[Warning], filename: str, lineno: int,
                    file: TextIO | None = None, line: str | None = None) -> None:
        text = redactor.text(formatwarning(message, category, filename, lineno, line))
        with contextlib.suppress(OSError, ValueError):
            (file or sys.stderr).write(text)

    warnings.showwarning = showwarning


def _redact_asyncio_exceptions() -> None:
    """asyncio logs an unhandled task exception with the task's repr, which shows its coroutine's
    arguments; the record's message is redacted like any other, and the context's objects are
    not put into it."""
    default = asyncio.BaseEventLoop.default_exception_handler

    def handler(self: asyncio.BaseEventLoop, context: dict[str, Any]) -> None:
        kept = {k: v for k, v in context.items() if k in ("message", "exception")}
        default(self, kept)

    asyncio.BaseEventLoop.default_exception_handler = handler  # type: ignore[method-assign]


class RedactingStream(io.TextIOBase):
    """A text stream that redacts each write (secrets, structures) before passing it on."""

    def __init__(self, stream: TextIO, redactor: Redactor) -> None:
        super().__init__()
        self._stream = stream
        self._redactor = redactor

    def write(self, text: str) -> int:
        self._stream.write(self._redactor.text(text))
        return len(text)

    def flush(self) -> None:
        self._stream.flush()

    def fileno(self) -> int:
        return self._stream.fileno()

    def isatty(self) -> bool:
        return self._stream.isatty()

    def writable(self) -> bool:
        return True

    @property
    def encoding(self) -> str:  # type: ignore[override]
        return getattr(self._stream, "encoding", "utf-8")

    @property
    def buffer(self) -> Any:
        return getattr(self._stream, "buffer", None)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


# --- private files ----------------------------------------------------------------------------------

def private_dir(path: Path) -> Path:
    """`path` created (or made) 0700."""
    path.mkdir(mode=0o700, parents=True, exist_ok=True)
    if path.stat().st_mode & 0o077:
        path.chmod(0o700)
    return path


def private_log_file(path: Path) -> int:
    """A file descriptor for writing `path` afresh, mode 0600, in a folder made 0700."""
    private_dir(path.parent)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    os.fchmod(fd, 0o600)  # an existing file keeps its mode through O_CREAT
    return fd


# --- rate-limited lines -------------------------------------------------------------------------------

REJECTION_LOG_INTERVAL_SECONDS = 60.0
REJECTION_LOG_MAX_REASONS = 256


class RateLimitedLog:
    """Writes one line per reason at most once per `interval` seconds; the lines in between are
    counted, and the next line written for that reason says how many were left out. For requests
    that are refused (a wrong token, a bad signature), which anyone can send in a flood: each
    would otherwise be a log line. Thread-safe; remembers at most `max_reasons` reasons."""

    def __init__(
        self, logger: logging.Logger, interval: float = REJECTION_LOG_INTERVAL_SECONDS,
        level: int = logging.WARNING, clock: Callable[[], float] = time.monotonic,
        max_reasons: int = REJECTION_LOG_MAX_REASONS,
    ) -> None:
        self.logger = logger
        self.interval = interval
        self.level = level
        self._clock = clock
        self._max_reasons = max_reasons
        # reason -> (when its last line was written, lines left out since)
        self._reasons: OrderedDict[str, tuple[float, int]] = OrderedDict()
        self._lock = threading.Lock()

    def log(self, message: str, reason: str) -> bool:
        """Write `message` ("... %s") with `reason`, unless a line for this reason was written less
        than `interval` seconds ago; True when written."""
        now = self._clock()
        with self._lock:
            written_at, left_out = self._reasons.pop(reason, (None, 0))
            if written_at is not None and now - written_at < self.interval:
                self._reasons[reason] = (written_at, left_out + 1)
                return False
            self._reasons[reason] = (now, 0)
            while len(self._reasons) > self._max_reasons:
                self._reasons.popitem(last=False)
        if left_out:
            self.logger.log(self.level, message + " (and %d more like it in the last %.0f s)", reason,
                            left_out, now - written_at if written_at is not None else 0.0)
        else:
            self.logger.log(self.level, message, reason)
        return True
