"""The input limits every channel applies (bot/channels/limits.py) and the REST channel's door
(bot/channels/rest.py), without a server: the REST handler is called with a stand-in request."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import pytest
from multidict import CIMultiDict
from rasa.core.channels.channel import InputChannel

from bot.channels.common import NO_REPLY, NotConfigured
from bot.channels.limits import (
    DEFAULT_MAX_REQUEST_BYTES,
    RATE_LIMITED,
    InputGuard,
    InputLimits,
    LimitsConfigError,
    Rate,
    RateLimiter,
    apply_request_limits,
    clean_text,
    client_address,
    guard_for,
    is_loopback,
)
from bot.channels.rest import BadRequest, ReliableRestInput, parse_message_request
from tests.helpers.channel_doubles import RecordingRasa

TOKEN = "rest-token-0123456789abcdef"


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


# --- message text ----------------------------------------------------------------------------------

@pytest.mark.parametrize(("raw", "clean"), [
    ("  how   long\t\tis\n\nit?  ", "how long is it?"),
    ("pay\x00ment\x07 and\x1b[31m colour", "payment and[31m colour"),
    ("lone \ud800surrogate \udfff", "lone surrogate"),
    ("bidi \u202eevil\u202c and zero\u200bwidth \ufeffbom", "bidi evil and zerowidth bom"),
    ("line\u2028separator\u2029paragraph", "line separator paragraph"),
    # fullwidth letters are English, not "another language"
    ("\uff48\uff4f\uff57\u3000\uff4c\uff4f\uff4e\uff47\uff1f", "how long?"),
    *[(kept, kept) for kept in (
        "family \U0001f468\u200d\U0001f469\u200d\U0001f467 kept",
        "caf\u00e9 \u00fcber \u0645\u0631\u062d\u0628\u0627 \u0928\u092e\u0938\u094d\u0924\u0947",
    )],
    ("\x00\x01 \u200b \t", ""),
])
def test_text_is_cleaned(raw: str, clean: str) -> None:
    assert clean_text(raw) == clean
    assert clean_text(clean) == clean
    clean.encode("utf-8")  # no lone surrogates left


def test_a_message_over_the_cap_is_refused_before_anything_else() -> None:
    guard = InputGuard(InputLimits(max_message_chars=2000))
    assert guard.admit("x" * 2000, "c1").text == "x" * 2000
    for text in ("x" * 2001, " " * 100_000, "a" + " \t" * 50_000 + "a", "\ud800" * 3000):
        admission = guard.admit(text, "c1")
        assert admission.text is None and admission.reason == "too_long"
        assert admission.reply == guard.limits.too_long_reply
        assert "2000 characters" in (admission.reply or "")


def test_something_that_is_not_text_is_admitted_as_empty() -> None:
    assert InputGuard(InputLimits()).admit(None, "c1").text == ""


# --- settings --------------------------------------------------------------------------------------

def test_limits_default_to_a_2000_character_message_and_a_64_kib_body() -> None:
    limits = InputLimits.from_env({})
    assert limits.max_message_chars == 2000
    assert limits.max_request_bytes == DEFAULT_MAX_REQUEST_BYTES == 64 * 1024
    assert limits.conversation_rate == Rate(20, 60)
    assert limits.address_rate == Rate(60, 60)
    assert limits.trusted_proxy_header is None and not limits.limit_loopback


def test_limits_are_read_from_the_environment() -> None:
    limits = InputLimits.from_env({
        "TECHTRACK_MAX_MESSAGE_CHARS": "500", "TECHTRACK_MAX_REQUEST_BYTES": "4096",
        "TECHTRACK_RATE_LIMIT": "5/10", "TECHTRACK_ADDRESS_RATE_LIMIT": "off",
        "TECHTRACK_TRUSTED_PROXY_HEADER": "X-Forwarded-For", "TECHTRACK_RATE_LIMIT_LOOPBACK": "1",
    })
    assert (limits.max_message_chars, limits.max_request_bytes) == (500, 4096)
    assert limits.conversation_rate == Rate(5, 10) and limits.address_rate is None
    assert limits.trusted_proxy_header == "X-Forwarded-For" and limits.limit_loopback


@pytest.mark.parametrize(("name", "value"), [
    ("TECHTRACK_MAX_MESSAGE_CHARS", "lots"), ("TECHTRACK_MAX_MESSAGE_CHARS", "0"),
    ("TECHTRACK_MAX_REQUEST_BYTES", "-1"), ("TECHTRACK_RATE_LIMIT", "20 per minute"),
    ("TECHTRACK_RATE_LIMIT", "0/60"), ("TECHTRACK_ADDRESS_RATE_LIMIT", "5/0"),
])
def test_a_bad_limit_is_an_error_naming_the_variable(name: str, value: str) -> None:
    with pytest.raises(LimitsConfigError, match=name):
        InputLimits.from_env({name: value})


# --- rate limits -----------------------------------------------------------------------------------

def test_the_rate_limit_refuses_the_message_over_the_rate_and_refills() -> None:
    clock = Clock()
    limiter = RateLimiter(Rate(3, 60), clock=clock)
    assert [limiter.check("c1") for _ in range(3)] == [(True, False)] * 3
    assert limiter.check("c1") == (False, True)  # the first refusal: worth a reply
    assert limiter.check("c1") == (False, False)  # later ones in the burst: silence
    assert limiter.check("c2") == (True, False)  # another conversation is unaffected
    clock.now += 20  # one message's worth refilled
    assert limiter.check("c1") == (True, False)
    assert limiter.check("c1") == (False, True)


def test_the_rate_limiter_remembers_a_bounded_number_of_keys() -> None:
    clock = Clock()
    limiter = RateLimiter(Rate(1, 60), max_keys=100, clock=clock)
    for n in range(1000):
        limiter.check(f"c{n}")
    assert len(limiter) <= 101
    clock.now += 61  # buckets that have refilled are forgotten
    limiter.check("fresh")
    assert len(limiter) == 1


def test_no_rate_means_no_limit() -> None:
    limiter = RateLimiter(None)
    assert all(limiter.check("c1") == (True, False) for _ in range(1000))
    assert len(limiter) == 0


def test_the_guard_replies_once_per_burst_and_counts_per_address() -> None:
    clock = Clock()
    guard = InputGuard(InputLimits(conversation_rate=Rate(2, 60), address_rate=Rate(3, 60)), clock)
    assert guard.admit("hi", "c1").admitted and guard.admit("hi", "c1").admitted
    refused = guard.admit("hi", "c1")
    assert (refused.text, refused.reply, refused.reason) == (None, RATE_LIMITED, "rate_limited")
    assert guard.admit("hi", "c1").reply is None
    # one address, many conversations: the address limit
    results = [guard.admit("hi", f"c-{n}", "203.0.113.7").admitted for n in range(4)]
    assert results == [True, True, True, False]
    # loopback is exempt unless asked for
    assert all(guard.admit("hi", f"l-{n}", "127.0.0.1").admitted for n in range(10))
    strict = InputGuard(InputLimits(address_rate=Rate(1, 60), limit_loopback=True), clock)
    assert [strict.admit("hi", f"s-{n}", "::1").admitted for n in range(2)] == [True, False]


def test_the_client_address_comes_from_the_trusted_proxy_header_when_configured() -> None:
    headers = CIMultiDict({"x-forwarded-for": "198.51.100.1, 203.0.113.9"})
    behind_proxy = InputLimits(trusted_proxy_header="X-Forwarded-For")
    assert client_address(headers, "127.0.0.1", behind_proxy) == "203.0.113.9"  # the proxy's entry
    assert client_address(CIMultiDict(), "10.0.0.5", behind_proxy) == "10.0.0.5"
    assert client_address(headers, "10.0.0.5", InputLimits()) == "10.0.0.5"  # header not trusted
    assert is_loopback("127.0.0.1") and is_loopback("::1") and is_loopback("[::1]")
    assert not is_loopback("203.0.113.9") and not is_loopback("not an address") and not is_loopback(None)


# --- request bodies --------------------------------------------------------------------------------

@dataclass
class FakeConfig:
    REQUEST_MAX_SIZE: int = 100_000_000
    WEBSOCKET_MAX_SIZE: int = 2**20


@dataclass
class FakeApp:
    config: FakeConfig = field(default_factory=FakeConfig)


def test_channels_configured_from_the_environment_share_one_gate(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TECHTRACK_RATE_LIMIT", "7/60")
    assert guard_for() is guard_for() and guard_for().limits.conversation_rate == Rate(7, 60)
    assert guard_for(InputLimits()) is not guard_for(InputLimits())


def test_sanics_request_and_frame_limits_are_lowered_to_the_cap() -> None:
    app = FakeApp()
    apply_request_limits(app, InputLimits(max_request_bytes=65536), env={})  # type: ignore[arg-type]
    assert (app.config.REQUEST_MAX_SIZE, app.config.WEBSOCKET_MAX_SIZE) == (65536, 65536)
    kept = FakeApp()
    apply_request_limits(kept, InputLimits(), env={"SANIC_REQUEST_MAX_SIZE": "1"})  # type: ignore[arg-type]
    assert kept.config.REQUEST_MAX_SIZE == 100_000_000  # the operator's choice stands


# --- the REST channel's door ------------------------------------------------------------------------

@pytest.mark.parametrize(("body", "says"), [
    (b"", "empty"),
    (b"   ", "empty"),
    (b"{not json", "not valid JSON"),
    (b"\xff\xfe\xfa", "not valid JSON"),
    (b"[" * 50_000, "not valid JSON"),
    (b'["message"]', "JSON object"),
    (b'"hello"', "JSON object"),
    (b'{"sender": "a"}', '"message" is missing'),
    (b'{"message": null}', '"message" must be a string, not null'),
    (b'{"message": 42}', '"message" must be a string, not a number'),
    (b'{"message": ["a"]}', '"message" must be a string, not a list'),
    (b'{"message": {"text": "a"}}', '"message" must be a string, not an object'),
    (b'{"message": true}', '"message" must be a string, not a boolean'),
    (b'{"message": "hi", "sender": 7}', '"sender" must be a string, not a number'),
    (b'{"message": "hi", "sender": ["a"]}', '"sender" must be a string, not a list'),
    (json.dumps({"message": "hi", "sender": "s" * 129}).encode(), "at most 128 characters"),
    (b'{"message": "hi", "sender": "a\\u0000b"}', "printable"),
    (b'{"message": "hi", "sender": "\\ud800"}', "printable"),
])
def test_a_malformed_request_says_what_is_wrong(body: bytes, says: str) -> None:
    with pytest.raises(BadRequest, match=says.replace("(", r"\(")):
        parse_message_request(body)


def test_a_well_formed_request_is_read() -> None:
    assert parse_message_request(b'{"sender": "me", "message": "hi"}') == ("me", "hi")
    assert parse_message_request(b'{"message": "hi"}') == (None, "hi")
    assert parse_message_request(b'{"message": "", "sender": null}') == (None, "")


@dataclass
class FakeRequest:
    body: bytes
    headers: CIMultiDict[str] = field(default_factory=CIMultiDict)
    ip: str = "127.0.0.1"


def rest(**limits: Any) -> ReliableRestInput:
    """A REST channel with a gate of its own (without limits, channels share the process's gate)."""
    return ReliableRestInput(limits=InputLimits(**limits))


def post(channel: ReliableRestInput, rasa: RecordingRasa, payload: Any = None, body: bytes | None = None,
         headers: Mapping[str, str] | None = None, ip: str = "127.0.0.1") -> tuple[int, Any]:
    data = body if body is not None else json.dumps(payload).encode()
    request = FakeRequest(data, CIMultiDict({"content-length": str(len(data)), **(headers or {})}), ip)
    reply = asyncio.run(channel._receive(request, rasa))  # type: ignore[arg-type]
    text = reply.body.decode()
    try:
        return reply.status, json.loads(text)
    except ValueError:
        return reply.status, text


def test_rest_passes_clean_text_and_no_client_metadata_and_answers_with_what_rasa_said() -> None:
    channel, rasa = rest(), RecordingRasa()
    status, replies = post(channel, rasa, {
        "sender": "me", "message": "  will\tI be\n paid?\u202e ", "metadata": {"admin": True},
        "input_channel": "slack",
    })
    assert status == 200 and replies == [{"recipient_id": "me", "text": "An answer."}]
    [message] = rasa.messages
    assert (message.text, message.sender_id, message.input_channel) == ("will I be paid?", "me", "rest")
    assert message.metadata == {"channel": "rest"}  # set by the server, not the client


def test_rest_without_a_sender_gets_a_random_conversation_not_the_shared_default() -> None:
    channel, rasa = rest(), RecordingRasa()
    post(channel, rasa, {"message": "hi"})
    post(channel, rasa, {"message": "hi", "sender": None})
    first, second = (m.sender_id for m in rasa.messages)
    assert first != second and "default" not in (first, second)
    assert first.startswith("rest-")


def test_a_rest_sender_naming_another_channels_conversation_stays_on_rest() -> None:
    channel, rasa = rest(), RecordingRasa()
    for sender in ("slack:T1:D1:U1", "Teams:t:c:u", "web:0123", "rest:x"):
        status, replies = post(channel, rasa, {"sender": sender, "message": "hi"})
        assert status == 200 and replies[0]["recipient_id"] == f"rest:{sender}"
    assert [m.sender_id for m in rasa.messages] == [
        "rest:slack:T1:D1:U1", "rest:Teams:t:c:u", "rest:web:0123", "rest:rest:x"
    ]


def test_rest_refuses_a_long_message_without_passing_it_on() -> None:
    channel, rasa = ReliableRestInput(limits=InputLimits(max_request_bytes=2**21)), RecordingRasa()
    for text in ("x" * 1_000_000, " " * 100_000, "x" * 2001):
        status, replies = post(channel, rasa, {"sender": "me", "message": text})
        assert status == 200 and len(replies) == 1
        assert "too long" in replies[0]["text"] and "2000 characters" in replies[0]["text"]
    assert rasa.messages == []


def test_rest_answers_413_to_a_body_over_the_cap() -> None:
    rasa = RecordingRasa()
    status, _ = post(rest(), rasa, {"message": "x" * 1_000_000})
    assert status == 413  # the default cap: 64 KiB
    channel = ReliableRestInput(limits=InputLimits(max_request_bytes=1024))
    status, _ = post(channel, rasa, {"sender": "me", "message": "x" * 2000})
    assert status == 413
    # a lying content-length is caught too
    request = FakeRequest(b'{"message": "' + b"x" * 2000 + b'"}', CIMultiDict({"content-length": "10"}))
    assert asyncio.run(channel._receive(request, rasa)).status == 413  # type: ignore[arg-type]
    assert rasa.messages == []


def test_rest_answers_400_to_a_malformed_body() -> None:
    channel, rasa = rest(), RecordingRasa()
    status, text = post(channel, rasa, body=b'{"message": null}')
    assert status == 400 and '"message" must be a string, not null' in text
    assert rasa.messages == []


def test_rest_restart_is_quiet_and_a_silent_turn_gets_the_apology() -> None:
    channel, silent = rest(), RecordingRasa(reply=None)
    status, replies = post(channel, silent, {"sender": "me", "message": "/restart"})
    assert (status, replies) == (200, [])
    status, replies = post(channel, silent, {"sender": "me", "message": "hello?"})
    assert replies[0]["text"] == NO_REPLY


def test_rest_rate_limits_per_conversation_and_per_address() -> None:
    limits = InputLimits(conversation_rate=Rate(2, 60), address_rate=Rate(4, 60),
                         trusted_proxy_header="X-Forwarded-For")
    channel, rasa = ReliableRestInput(limits=limits), RecordingRasa()
    statuses = [post(channel, rasa, {"sender": "me", "message": "hi"})[0] for _ in range(3)]
    assert statuses == [200, 200, 429]
    status, replies = post(channel, rasa, {"sender": "me", "message": "hi"})
    assert status == 429 and replies[0]["text"] == RATE_LIMITED
    assert post(channel, rasa, {"sender": "someone else", "message": "hi"})[0] == 200
    proxied = {"X-Forwarded-For": "203.0.113.50"}
    statuses = [post(channel, rasa, {"sender": f"p{n}", "message": "hi"}, headers=proxied)[0]
                for n in range(5)]
    assert statuses == [200, 200, 200, 200, 429]
    assert len(rasa.messages) == 2 + 1 + 4


def test_rest_with_a_token_needs_it() -> None:
    channel, rasa = ReliableRestInput(token=TOKEN, limits=InputLimits()), RecordingRasa()
    assert post(channel, rasa, {"message": "hi"})[0] == 401
    assert post(channel, rasa, {"message": "hi"}, headers={"Authorization": "Bearer wrong-token"})[0] == 401
    assert post(channel, rasa, {"message": "hi"}, headers={"Authorization": f"Bearer {TOKEN}"})[0] == 200
    assert len(rasa.messages) == 1


def rest_from_env(monkeypatch: pytest.MonkeyPatch, **env: str) -> InputChannel:
    for name in ("TECHTRACK_ENV", "TECHTRACK_REST_TOKEN"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    return ReliableRestInput.from_credentials(None)


def test_rest_is_open_in_development_and_off_in_production_without_a_token(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    development = rest_from_env(monkeypatch)
    assert isinstance(development, ReliableRestInput) and development.token is None
    assert isinstance(rest_from_env(monkeypatch, TECHTRACK_ENV="development"), ReliableRestInput)
    off = rest_from_env(monkeypatch, TECHTRACK_ENV="production")
    assert isinstance(off, NotConfigured) and off.url_prefix() == "rest"
    assert isinstance(rest_from_env(monkeypatch, TECHTRACK_ENV="staging"), NotConfigured)
    production = rest_from_env(monkeypatch, TECHTRACK_ENV="production", TECHTRACK_REST_TOKEN=TOKEN)
    assert isinstance(production, ReliableRestInput) and production.token == TOKEN
    with_token = rest_from_env(monkeypatch, TECHTRACK_REST_TOKEN=TOKEN)
    assert isinstance(with_token, ReliableRestInput) and with_token.token == TOKEN
