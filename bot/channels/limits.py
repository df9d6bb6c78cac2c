"""Input limits every channel applies before a message reaches Rasa (REST, socket.io, Teams, Slack).

- A message longer than TECHTRACK_MAX_MESSAGE_CHARS (default 2000) is not passed to Rasa, so nothing
  of it is stored; the person is asked for a shorter message instead (`TOO_LONG`).
- Text that is passed on is cleaned: control characters, invisible format characters (bidi
  overrides, zero-width spaces) and invalid Unicode (lone surrogates such as "\\ud800") are removed,
  and every run of whitespace becomes one space.
- Request bodies are capped at TECHTRACK_MAX_REQUEST_BYTES (default 64 KiB, answered 413): Sanic's
  own limit (100 MB by default) is lowered to it when the channels are registered, unless
  SANIC_REQUEST_MAX_SIZE is set, and each webhook checks again.
- A rate limit per conversation (TECHTRACK_RATE_LIMIT, "messages/seconds", default "20/60") on
  every channel, and one per client address (TECHTRACK_ADDRESS_RATE_LIMIT, default "60/60") on the
  channels people reach directly (REST and the web chat). The address is the connection's, or the
  last entry of TECHTRACK_TRUSTED_PROXY_HEADER (e.g. X-Forwarded-For) when the server sits behind a
  proxy that sets it. Loopback addresses are exempt from the address limit unless
  TECHTRACK_RATE_LIMIT_LOOPBACK=1, so local tests and benchmarks are unaffected. "off" turns a
  limit off. Both are in-process token buckets with bounded memory.
- `/restart` (what a restart button sends) restarts the conversation without an apology.

Nothing here keeps what people said: only counters keyed by conversation id or address.
"""

from __future__ import annotations

import ipaddress
import logging
import math
import os
import time
import unicodedata
from collections import OrderedDict
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from sanic import Blueprint, Sanic
from sanic.request import Request

logger = logging.getLogger(__name__)

DEFAULT_MAX_MESSAGE_CHARS = 2000
DEFAULT_MAX_REQUEST_BYTES = 64 * 1024
DEFAULT_RATE_LIMIT = "20/60"
DEFAULT_ADDRESS_RATE_LIMIT = "60/60"
# How many conversations or addresses the rate limiters remember at most (least recently seen go first).
RATE_LIMIT_MAX_KEYS = 50_000

TOO_LONG = (
    "Sorry, that message is too long for me to read. Please send a shorter message, under "
    "{limit} characters: one question at a time works best."
)
RATE_LIMITED = (
    "You're sending messages faster than I can answer them. Please wait a moment, then try again."
)
RESTART_COMMANDS = frozenset({"/restart"})

# Format characters (Unicode category Cf) kept: the zero-width (non-)joiners that some scripts and
# emoji sequences need. The others (bidi overrides, zero-width spaces, BOMs, ...) are removed.
_KEPT_FORMAT_CHARACTERS = frozenset({"\u200c", "\u200d"})


class LimitsConfigError(ValueError):
    """A limit variable has a value that cannot be read; the message says which and why."""


@dataclass(frozen=True)
class Rate:
    """At most `count` events per `seconds`, refilled continuously (a token bucket)."""

    count: int
    seconds: float

    @classmethod
    def parse(cls, name: str, raw: str) -> Rate | None:
        raw = raw.strip().lower()
        if raw in ("off", "none", "0", "false", "no"):
            return None
        count, _, seconds = raw.partition("/")
        try:
            rate = cls(int(count), float(seconds or 60))
        except ValueError:
            rate = cls(0, 0)
        if rate.count < 1 or not 0 < rate.seconds < math.inf:
            raise LimitsConfigError(
                f"{name} must be 'messages/seconds' (for example '20/60') or 'off', not {raw!r}"
            )
        return rate


@dataclass(frozen=True)
class InputLimits:
    max_message_chars: int = DEFAULT_MAX_MESSAGE_CHARS
    max_request_bytes: int = DEFAULT_MAX_REQUEST_BYTES
    conversation_rate: Rate | None = Rate(20, 60)  # DEFAULT_RATE_LIMIT
    address_rate: Rate | None = Rate(60, 60)  # DEFAULT_ADDRESS_RATE_LIMIT
    trusted_proxy_header: str | None = None
    limit_loopback: bool = False

    @classmethod
    def from_env(cls, env: Mapping[str, str] = os.environ) -> InputLimits:
        return cls(
            max_message_chars=_positive_int(env, "TECHTRACK_MAX_MESSAGE_CHARS", DEFAULT_MAX_MESSAGE_CHARS),
            max_request_bytes=_positive_int(env, "TECHTRACK_MAX_REQUEST_BYTES", DEFAULT_MAX_REQUEST_BYTES),
            conversation_rate=Rate.parse(
                "TECHTRACK_RATE_LIMIT", env.get("TECHTRACK_RATE_LIMIT", "") or DEFAULT_RATE_LIMIT
            ),
            address_rate=Rate.parse(
                "TECHTRACK_ADDRESS_RATE_LIMIT",
                env.get("TECHTRACK_ADDRESS_RATE_LIMIT", "") or DEFAULT_ADDRESS_RATE_LIMIT,
            ),
            trusted_proxy_header=env.get("TECHTRACK_TRUSTED_PROXY_HEADER", "").strip() or None,
            limit_loopback=env.get("TECHTRACK_RATE_LIMIT_LOOPBACK", "").strip().lower()
            in ("1", "true", "yes"),
        )

    @property
    def too_long_reply(self) -> str:
        return TOO_LONG.format(limit=self.max_message_chars)


def _positive_int(env: Mapping[str, str], name: str, default: int) -> int:
    raw = env.get(name, "").strip()
    if not raw:
        return default
    try:
        value = int(raw)
    except ValueError:
        value = 0
    if value < 1:
        raise LimitsConfigError(f"{name} must be a whole number above 0, not {raw!r}")
    return value


# --- the text of a message -----------------------------------------------------------------------

# Fullwidth forms of ASCII (U+FF01-U+FF5E, typed on East Asian keyboards): "how long" in them is English.
_FULLWIDTH = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)}


def clean_text(text: str) -> str:
    """The text with control and invisible format characters and lone surrogates removed, fullwidth
    letters made plain, and every run of whitespace (including newlines and tabs) made one space.
    Linear in the length."""
    words = text.translate(_FULLWIDTH).split()  # any Unicode whitespace; drops leading and trailing runs
    kept = []
    for word in words:
        if not word.isprintable():
            word = "".join(filter(_keep, word))
        if word:
            kept.append(word)
    return " ".join(kept)


def _keep(ch: str) -> bool:
    if ch.isprintable():
        return True
    category = unicodedata.category(ch)
    # Cc control, Cs surrogate, Cf format (but the joiners), Zl/Zp separators: removed. Private use
    # and unassigned characters are printable=False too but harmless: kept.
    if category in ("Cc", "Cs", "Zl", "Zp"):
        return False
    if category == "Cf":
        return ch in _KEPT_FORMAT_CHARACTERS
    return True


def is_restart(text: str | None) -> bool:
    return (text or "").strip().lower() in RESTART_COMMANDS


@dataclass(frozen=True)
class Admission:
    """What to do with an incoming message: pass `text` (cleaned) to Rasa, or, when `text` is None,
    tell the person `reply` (None: say nothing, e.g. a repeated rate-limit refusal)."""

    text: str | None
    reply: str | None = None
    reason: str = ""

    @property
    def admitted(self) -> bool:
        return self.text is not None


# --- rate limits -----------------------------------------------------------------------------------

class RateLimiter:
    """A token bucket per key (a conversation id or an address) with bounded memory: at most
    `max_keys` buckets, the least recently used dropped first; a bucket idle long enough to be full
    again is the same as none."""

    def __init__(
        self, rate: Rate | None, max_keys: int = RATE_LIMIT_MAX_KEYS,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.rate = rate
        self.max_keys = max_keys
        self._clock = clock
        # key -> (tokens left, when last updated, whether the person was told already)
        self._buckets: OrderedDict[str, tuple[float, float, bool]] = OrderedDict()

    def __len__(self) -> int:
        return len(self._buckets)

    def check(self, key: str) -> tuple[bool, bool]:
        """(allowed, first refusal): whether one more event is allowed now, and, when it is not,
        whether this is the first refusal since the last allowed event (the one worth answering)."""
        if self.rate is None:
            return True, False
        now = self._clock()
        refill = self.rate.count / self.rate.seconds
        tokens, updated, told = self._buckets.pop(key, (float(self.rate.count), now, False))
        tokens = min(float(self.rate.count), tokens + (now - updated) * refill)
        if tokens >= 1.0:
            self._buckets[key] = (tokens - 1.0, now, False)
            allowed, first = True, False
        else:
            self._buckets[key] = (tokens, now, True)
            allowed, first = False, not told
        self._forget_old(now)
        return allowed, first

    def _forget_old(self, now: float) -> None:
        assert self.rate is not None
        while self._buckets:
            _, (_, updated, _) = next(iter(self._buckets.items()))
            if now - updated >= self.rate.seconds or len(self._buckets) > self.max_keys:
                self._buckets.popitem(last=False)
            else:
                break


def is_loopback(address: str | None) -> bool:
    if not address:
        return False
    try:
        return ipaddress.ip_address(address.strip("[]")).is_loopback
    except ValueError:
        return address == "localhost"


def client_address(headers: Mapping[str, str] | Any, peer: str | None, limits: InputLimits) -> str | None:
    """The client's address: the last entry of the trusted proxy's header when one is configured
    and present (the entry the proxy itself added; earlier ones come from the client), else the
    address of the connection."""
    if limits.trusted_proxy_header:
        forwarded = headers.get(limits.trusted_proxy_header) if headers is not None else None
        if forwarded:
            last = str(forwarded).split(",")[-1].strip()
            if last:
                return last[:64]
    return peer or None


class InputGuard:
    """One channel's gate: rate limits, then the length cap, then the clean-up."""

    def __init__(
        self, limits: InputLimits | None = None, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.limits = limits or InputLimits.from_env()
        self.conversations = RateLimiter(self.limits.conversation_rate, clock=clock)
        self.addresses = RateLimiter(self.limits.address_rate, clock=clock)

    def address_allowed(self, address: str | None) -> tuple[bool, bool]:
        """Whether one more request from `address` is allowed (see RateLimiter.check)."""
        if not address or (is_loopback(address) and not self.limits.limit_loopback):
            return True, False
        return self.addresses.check(address)

    def admit(self, text: Any, conversation_id: str, address: str | None = None) -> Admission:
        allowed, first = self.address_allowed(address)
        if allowed:
            allowed, first = self.conversations.check(conversation_id)
        if not allowed:
            # Once per burst at warning level, so that a flood does not flood the log too.
            logger.log(logging.WARNING if first else logging.DEBUG, "Rate limit: refused a message.")
            return Admission(None, RATE_LIMITED if first else None, "rate_limited")
        raw = text if isinstance(text, str) else ""
        if len(raw) > self.limits.max_message_chars:
            logger.info("Refused a message of %d characters (limit %d).", len(raw),
                        self.limits.max_message_chars)
            return Admission(None, self.limits.too_long_reply, "too_long")
        return Admission(clean_text(raw))


_SHARED_GUARDS: dict[InputLimits, InputGuard] = {}


def guard_for(limits: InputLimits | None = None) -> InputGuard:
    """The gate for a channel. With the limits from the environment (None), every channel of the
    process shares one gate, so an address's messages over REST and the web chat count together;
    explicit limits (tests) get a gate of their own."""
    if limits is not None:
        return InputGuard(limits)
    from_env = InputLimits.from_env()
    if from_env not in _SHARED_GUARDS:
        _SHARED_GUARDS[from_env] = InputGuard(from_env)
    return _SHARED_GUARDS[from_env]


# --- request bodies ---------------------------------------------------------------------------------

def body_too_large(request: Request, limits: InputLimits) -> bool:
    """Whether the request says, or turns out, to be larger than the cap."""
    declared = request.headers.get("content-length")
    try:
        if declared is not None and int(declared) > limits.max_request_bytes:
            return True
    except ValueError:
        return True
    return len(request.body or b"") > limits.max_request_bytes


def apply_request_limits(app: Sanic, limits: InputLimits, env: Mapping[str, str] = os.environ) -> None:
    """Lower Sanic's request and websocket frame size limits to the cap, for every route (Sanic reads
    a body before any handler runs, up to REQUEST_MAX_SIZE: 100 MB by default). An operator who set
    SANIC_REQUEST_MAX_SIZE (e.g. for Rasa's HTTP API) keeps that value."""
    if "SANIC_REQUEST_MAX_SIZE" not in env:
        app.config.REQUEST_MAX_SIZE = min(int(app.config.REQUEST_MAX_SIZE), limits.max_request_bytes)
    if "SANIC_WEBSOCKET_MAX_SIZE" not in env:
        app.config.WEBSOCKET_MAX_SIZE = min(int(app.config.WEBSOCKET_MAX_SIZE), limits.max_request_bytes)


class LimitedBlueprint(Blueprint):
    """A blueprint that applies the request size limits to the app it is registered with."""

    def __init__(self, *args: Any, limits: InputLimits | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.ctx.limits = limits or InputLimits.from_env()

    def register(self, app: Sanic, options: dict[str, Any]) -> None:
        apply_request_limits(app, self.ctx.limits)
        super().register(app, options)
