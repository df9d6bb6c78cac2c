"""Failure paths without a server: replies that fail (sent again or given up on, never raising), the
Teams signing keys fetched once for many requests and not hammered after a failure, the tenant
allow-list, refused requests answered with a body that says nothing and logged at most once a
minute per reason, and the action timeout kept below the conversation lock's lifetime.

The end-to-end versions, against the protocol-faithful fakes of Microsoft's and Slack's services,
are in tests/integration/test_teams.py and test_slack.py."""

from __future__ import annotations

import asyncio
import json
import logging
import socket
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from multidict import CIMultiDict
from slack_sdk.errors import SlackApiError

from bot import logs
from bot.channels import rest, slack, teams
from bot.channels.delivery import DEFAULT_POLICY, Delivery, RetryPolicy, SendFailed, http_failure
from bot.channels.limits import InputLimits
from bot.channels.rest import ReliableRestInput
from bot.channels.slack import SlackEventsInput, SlackOutput, SlackSettings, signature_problem, slack_failure
from bot.channels.teams import (
    KEYS_RETRY_FIRST_SECONDS,
    AuthError,
    KeysUnavailable,
    SigningKeys,
    TeamsInput,
    TeamsOutput,
    TeamsSettings,
)
from bot.dev import action_server, rasa_server
from bot.dev.serve import LOCK_LIFETIME_ENV, ServeConfig, ServerError, Servers
from bot.paths import ROOT
from tests.helpers.channel_doubles import RecordingRasa

TEAMS_ENV = {"TEAMS_APP_ID": "app", "TEAMS_APP_PASSWORD": "secret", "TEAMS_TENANT_ID": "Tenant-1"}
SAID = "my name is Zed Quokkaman and I live at 4 Privet Drive"


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


class Sleeps:
    """Stands in for asyncio.sleep: records each wait instead of waiting."""

    def __init__(self) -> None:
        self.waits: list[float] = []

    async def __call__(self, seconds: float) -> None:
        self.waits.append(seconds)


class Attempts:
    """A send that fails with the given failures, in turn, then succeeds."""

    def __init__(self, *failures: BaseException) -> None:
        self.failures = list(failures)
        self.calls = 0

    async def __call__(self) -> None:
        self.calls += 1
        if self.failures:
            raise self.failures.pop(0)


# --- sending again, or not ------------------------------------------------------------------------

def test_transient_failures_are_tried_again_with_growing_waits_and_retry_after() -> None:
    sleeps = Sleeps()
    delivery = Delivery("Test", sleep=sleeps)
    attempt = Attempts(
        SendFailed("429", True, retry_after=3), SendFailed("503", True), SendFailed("drop", True)
    )
    assert asyncio.run(delivery.send(attempt)) is True
    assert attempt.calls == 4 and delivery.delivered == 1 and delivery.failed == 0
    assert sleeps.waits == [3, 1.0, 2.0]  # Retry-After, then the back-off (0.5 s doubled each try)


def test_a_permanent_failure_is_not_tried_again_nor_are_the_turns_other_replies(
    caplog: pytest.LogCaptureFixture,
) -> None:
    sleeps = Sleeps()
    delivery = Delivery("Test", sleep=sleeps)
    attempt = Attempts(SendFailed("the service answered 403", False))
    with caplog.at_level(logging.WARNING, logger="bot.channels.delivery"):
        assert asyncio.run(delivery.send(attempt)) is False
        later = Attempts()
        assert asyncio.run(delivery.send(later)) is False
    assert attempt.calls == 1 and later.calls == 0 and sleeps.waits == []
    assert delivery.failed == 2 and delivery.gave_up == "the service answered 403"
    assert "Could not send a Test reply: the service answered 403 after 1 try" in caplog.text


def test_tries_and_the_turns_waiting_budget_are_bounded() -> None:
    sleeps = Sleeps()
    delivery = Delivery("Test", RetryPolicy(attempts=3), sleep=sleeps)
    attempt = Attempts(*[SendFailed("500", True)] * 5)
    assert asyncio.run(delivery.send(attempt)) is False
    assert attempt.calls == 3 and sleeps.waits == [0.5, 1.0]
    budget = Delivery("Test", RetryPolicy(budget=5), sleep=sleeps)
    sleeps.waits.clear()
    for _ in range(3):  # one turn's replies share the budget
        asyncio.run(budget.send(Attempts(SendFailed("429", True, retry_after=2), SendFailed("429", True, 2))))
    assert sum(sleeps.waits) <= 5 and budget.waited <= 5


def test_a_retry_after_over_the_cap_is_given_up_on_without_waiting() -> None:
    sleeps = Sleeps()
    delivery = Delivery("Test", sleep=sleeps)
    attempt = Attempts(SendFailed("429", True, retry_after=DEFAULT_POLICY.retry_after_cap + 1))
    assert asyncio.run(delivery.send(attempt)) is False
    assert attempt.calls == 1 and sleeps.waits == []


def test_an_unexpected_error_never_reaches_rasa_and_its_message_is_not_logged(
    caplog: pytest.LogCaptureFixture,
) -> None:
    delivery = Delivery("Test", sleep=Sleeps())
    with caplog.at_level(logging.INFO, logger="bot.channels.delivery"):
        assert asyncio.run(delivery.send(Attempts(ValueError(SAID)))) is False
    assert "unexpected ValueError" in caplog.text and "Quokkaman" not in caplog.text


@pytest.mark.parametrize(("status", "transient"), [
    (429, True), (500, True), (502, True), (503, True),
    (400, False), (401, False), (403, False), (404, False),
])
def test_http_statuses_are_transient_or_permanent(status: int, transient: bool) -> None:
    failure = http_failure("the Bot Connector", status, "7")
    assert failure.transient is transient
    assert failure.retry_after == (7 if status == 429 else None)


def slack_api_error(
    status: int, body: dict[str, Any], headers: dict[str, str] | None = None
) -> SlackApiError:
    return SlackApiError("failed", SimpleNamespace(status_code=status, data=body, headers=headers or {}))


@pytest.mark.parametrize(("error", "transient", "retry_after"), [
    (slack_api_error(429, {"ok": False, "error": "ratelimited"}, {"Retry-After": "2"}), True, 2),
    (slack_api_error(200, {"ok": False, "error": "invalid_auth"}), False, None),
    (slack_api_error(200, {"ok": False, "error": "channel_not_found"}), False, None),
    (slack_api_error(200, {"ok": False, "error": "not_authed"}), False, None),
    (slack_api_error(500, {}), True, None),
    (slack_api_error(503, {"ok": False, "error": "service_unavailable"}), True, None),
])
def test_slack_errors_are_transient_or_permanent(
    error: SlackApiError, transient: bool, retry_after: float | None
) -> None:
    failure = slack_failure(error)
    assert (failure.transient, failure.retry_after) == (transient, retry_after)


class FakeConnector:
    """Stands in for the Bot Connector client: fails as told, then records what it is sent."""

    def __init__(self, *failures: BaseException) -> None:
        self.failures = list(failures)
        self.sent: list[dict[str, Any]] = []

    async def send(self, service_url: str, conversation_id: str, activity: dict[str, Any]) -> None:
        if self.failures:
            raise self.failures.pop(0)
        self.sent.append(activity)


ACTIVITY = {
    "type": "message", "id": "a1", "serviceUrl": "https://smba.example/teams", "channelId": "msteams",
    "from": {"id": "29:user"}, "recipient": {"id": "28:bot"}, "conversation": {"id": "a:conv"},
    "channelData": {"tenant": {"id": "tenant-1"}},
}


def test_a_teams_reply_is_sent_again_after_a_429_and_counted_once() -> None:
    connector = FakeConnector(http_failure("the Bot Connector", 429, "1"))
    output = TeamsOutput(connector, ACTIVITY, Delivery("Teams", sleep=Sleeps()))  # type: ignore[arg-type]
    asyncio.run(output.send_text_message("teams:x", "An answer."))
    assert [a["text"] for a in connector.sent] == ["An answer."] and output.sent == 1


def test_a_teams_reply_refused_for_good_does_not_raise() -> None:
    connector = FakeConnector(http_failure("the Bot Connector", 403))
    output = TeamsOutput(connector, ACTIVITY, Delivery("Teams", sleep=Sleeps()))  # type: ignore[arg-type]
    asyncio.run(output.send_text_message("teams:x", "An answer.\n\nA second part."))
    assert connector.sent == [] and output.sent == 0


def test_a_slack_reply_that_fails_does_not_raise(monkeypatch: pytest.MonkeyPatch) -> None:
    delivery = Delivery("Slack", sleep=Sleeps())
    output = SlackOutput("xoxb-test", "D1", None, "http://127.0.0.1:9/api/", delivery)
    calls: list[dict[str, Any]] = []

    async def post(**kwargs: Any) -> None:
        calls.append(kwargs)
        raise slack_api_error(200, {"ok": False, "error": "channel_not_found"})

    monkeypatch.setattr(output.client, "chat_postMessage", post)
    asyncio.run(output.send_text_message("slack:x", "An answer.\n\nA second part."))
    assert len(calls) == 1 and output.sent == 0
    assert output.client.retry_handlers == []  # only Delivery decides what is sent again


# --- Teams signing keys: one fetch for many requests, and a back-off after a failure ----------------

class SlowKeyService:
    """The OpenID metadata and JWKS, answering only once the test lets them."""

    def __init__(self, kids: list[str] | None = None) -> None:
        self.kids = kids if kids is not None else ["k1"]
        self.attempts = 0
        self.down = False
        self.gate = asyncio.Event()

    async def fetch(self, url: str) -> Any:
        if url == "https://meta":
            self.attempts += 1
            await self.gate.wait()
            if self.down:
                raise ValueError("unreachable")
            return {"jwks_uri": "https://keys"}
        return {"keys": [{"kid": kid, "kty": "RSA"} for kid in self.kids]}


async def many_at_once(keys: SigningKeys, service: SlowKeyService, kid: str, count: int = 20) -> list[Any]:
    calls = [asyncio.create_task(keys.key(kid)) for _ in range(count)]
    while service.attempts == 0:  # the first request has started its fetch
        await asyncio.sleep(0)
    for _ in range(5):
        await asyncio.sleep(0)  # the others queue behind it
    service.gate.set()
    return await asyncio.gather(*calls, return_exceptions=True)


def test_concurrent_requests_with_an_unknown_key_share_one_fetch() -> None:
    service = SlowKeyService()
    keys = SigningKeys("https://meta", service.fetch, Clock())
    results = asyncio.run(many_at_once(keys, service, "not-published"))
    assert service.attempts == 1
    assert all(isinstance(r, AuthError) for r in results)


def test_concurrent_first_requests_share_one_fetch() -> None:
    service = SlowKeyService()
    keys = SigningKeys("https://meta", service.fetch, Clock())
    results = asyncio.run(many_at_once(keys, service, "k1"))
    assert service.attempts == 1 and all(r["kid"] == "k1" for r in results)


def test_after_a_failed_fetch_requests_get_503_at_once_until_the_back_off_has_passed() -> None:
    service, clock = SlowKeyService(), Clock()
    service.down = True
    keys = SigningKeys("https://meta", service.fetch, clock)
    results = asyncio.run(many_at_once(keys, service, "k1"))
    assert service.attempts == 1 and all(isinstance(r, KeysUnavailable) for r in results)
    for _ in range(10):  # a flood of requests during the back-off: no fetch
        with pytest.raises(KeysUnavailable):
            asyncio.run(keys.key("k1"))
    assert service.attempts == 1
    clock.now += KEYS_RETRY_FIRST_SECONDS + 0.1
    with pytest.raises(KeysUnavailable):
        asyncio.run(keys.key("k1"))
    assert service.attempts == 2
    clock.now += KEYS_RETRY_FIRST_SECONDS + 0.1  # the back-off doubled: not yet
    with pytest.raises(KeysUnavailable):
        asyncio.run(keys.key("k1"))
    assert service.attempts == 2
    service.down = False
    clock.now += KEYS_RETRY_FIRST_SECONDS
    assert asyncio.run(keys.key("k1"))["kid"] == "k1"
    assert service.attempts == 3


# --- the tenant allow-list ----------------------------------------------------------------------------

def test_only_the_bots_own_tenant_is_allowed_by_default() -> None:
    settings = TeamsSettings.from_env(TEAMS_ENV)
    assert settings is not None
    assert settings.tenant_allowed("tenant-1") and settings.tenant_allowed("TENANT-1")
    assert not settings.tenant_allowed("tenant-2")


def test_the_allow_list_names_the_tenants_or_any() -> None:
    listed = TeamsSettings.from_env({**TEAMS_ENV, "TEAMS_ALLOWED_TENANTS": "Tenant-1, partner  other"})
    assert listed is not None and listed.allowed_tenants == frozenset({"tenant-1", "partner", "other"})
    assert listed.tenant_allowed("PARTNER") and not listed.tenant_allowed("stranger")
    without_own = TeamsSettings.from_env({**TEAMS_ENV, "TEAMS_ALLOWED_TENANTS": "partner"})
    assert without_own is not None and not without_own.tenant_allowed("tenant-1")
    anyone = TeamsSettings.from_env({**TEAMS_ENV, "TEAMS_ALLOWED_TENANTS": "*"})
    assert anyone is not None and anyone.tenant_allowed("stranger")


# --- refused requests: a generic body, and a log line at most once a minute per reason -------------

@dataclass
class FakeRequest:
    body: bytes
    headers: CIMultiDict[str] = field(default_factory=CIMultiDict)
    ip: str = "127.0.0.1"


class AcceptingValidator:
    async def check(self, authorization: str | None, activity: Any) -> dict[str, Any]:
        return {}


class RefusingValidator:
    def __init__(self, reason: str) -> None:
        self.reason = reason

    async def check(self, authorization: str | None, activity: Any) -> dict[str, Any]:
        raise AuthError(self.reason)


def teams_channel(monkeypatch: pytest.MonkeyPatch, validator: Any, **env: str) -> TeamsInput:
    settings = TeamsSettings.from_env({**TEAMS_ENV, **env})
    assert settings is not None
    channel = TeamsInput(settings, InputLimits())
    channel.validator = validator
    channel.connector = FakeConnector()  # type: ignore[assignment]
    monkeypatch.setattr(teams, "rejections", logs.RateLimitedLog(teams.logger))
    return channel


def teams_post(channel: TeamsInput, rasa: RecordingRasa, activity: dict[str, Any]) -> tuple[int, Any]:
    body = json.dumps(activity).encode()
    request = FakeRequest(body, CIMultiDict({"content-length": str(len(body)), "Authorization": "Bearer x"}))
    reply = asyncio.run(channel.receive(request, rasa))  # type: ignore[arg-type]
    text = reply.body.decode()
    return reply.status, json.loads(text) if text.startswith("{") else text


def test_a_refused_teams_request_gets_a_generic_401_and_one_log_line_a_minute(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    channel, rasa = teams_channel(monkeypatch, RefusingValidator("the token has expired")), RecordingRasa()
    with caplog.at_level(logging.WARNING, logger="bot.channels.teams"):
        answers = [teams_post(channel, rasa, {**ACTIVITY, "text": SAID}) for _ in range(5)]
    assert answers == [(401, {"error": "unauthorized"})] * 5
    lines = [r.getMessage() for r in caplog.records]
    assert lines == ["Rejected a Teams request: the token has expired."]
    assert rasa.messages == []


def test_an_activity_from_another_tenant_gets_403(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    rasa = RecordingRasa()
    channel = teams_channel(monkeypatch, AcceptingValidator(), TEAMS_ALLOWED_TENANTS="tenant-1 partner")
    stranger = {**ACTIVITY, "text": "hello", "channelData": {"tenant": {"id": "stranger"}}}
    with caplog.at_level(logging.WARNING, logger="bot.channels.teams"):
        assert teams_post(channel, rasa, stranger) == (403, {"error": "forbidden"})
        also_stranger = {**stranger, "channelData": {}, "conversation": {"id": "a:c", "tenantId": "stranger"}}
        assert teams_post(channel, rasa, also_stranger)[0] == 403
    assert rasa.messages == []
    assert "not in TEAMS_ALLOWED_TENANTS" in caplog.text and "stranger" not in caplog.text
    partner = {**ACTIVITY, "text": "hello", "channelData": {"tenant": {"id": "Partner"}}}
    assert teams_post(channel, rasa, partner) == (200, "")
    assert [m.sender_id for m in rasa.messages] == ["teams:Partner:a%3Aconv:29%3Auser"]
    assert [a["text"] for a in channel.connector.sent] == ["An answer."]  # type: ignore[attr-defined]


def signed(body: bytes, secret: str, timestamp: int) -> CIMultiDict[str]:
    import hashlib
    import hmac

    base = f"v0:{timestamp}:".encode() + body
    signature = "v0=" + hmac.new(secret.encode(), base, hashlib.sha256).hexdigest()
    return CIMultiDict({"X-Slack-Signature": signature, "X-Slack-Request-Timestamp": str(timestamp),
                        "content-type": "application/json", "content-length": str(len(body))})


def test_slack_signature_problems_are_named_for_the_log() -> None:
    body, now = b'{"type": "event_callback"}', 1_700_000_000
    assert signature_problem(signed(body, "s3cret", now), body, "s3cret", now) is None
    mismatch = signature_problem(signed(body, "wrong", now), body, "s3cret", now)
    assert mismatch == "a signature that does not match"
    assert "5 minutes" in str(signature_problem(signed(body, "s3cret", now - 301), body, "s3cret", now))
    assert signature_problem(CIMultiDict(), body, "s3cret", now) == "X-Slack-Signature missing"
    headers = signed(body, "s3cret", now)
    headers["X-Slack-Request-Timestamp"] = "soon"
    problem = signature_problem(headers, body, "s3cret", now)
    assert problem == "X-Slack-Request-Timestamp missing or not a number"


def test_a_refused_slack_request_gets_a_generic_401_and_one_log_line_a_minute(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    clock = Clock()
    monkeypatch.setattr(slack, "rejections", logs.RateLimitedLog(slack.logger, clock=clock))
    channel, rasa = SlackEventsInput(SlackSettings("xoxb-t", "s3cret"), InputLimits()), RecordingRasa()
    body = json.dumps({"type": "event_callback", "event": {"type": "message", "text": SAID}}).encode()
    with caplog.at_level(logging.WARNING, logger="bot.channels.slack"):
        for _ in range(3):
            reply = channel.receive(FakeRequest(body, signed(body, "not-the-secret", int(1e9))), rasa)  # type: ignore[arg-type]
            assert (reply.status, json.loads(reply.body)) == (401, {"error": "unauthorized"})
        clock.now += 61
        channel.receive(FakeRequest(body, signed(body, "not-the-secret", int(1e9))), rasa)  # type: ignore[arg-type]
    assert [r.getMessage() for r in caplog.records] == [
        "Rejected a Slack request: X-Slack-Request-Timestamp more than 5 minutes away.",
        "Rejected a Slack request: X-Slack-Request-Timestamp more than 5 minutes away. (and 2 more like it "
        "in the last 61 s)",
    ]


def test_a_refused_rest_request_gets_a_generic_401(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setattr(rest, "rejections", logs.RateLimitedLog(rest.logger))
    channel, rasa = ReliableRestInput(token="rest-token-0123456789", limits=InputLimits()), RecordingRasa()
    body = json.dumps({"message": SAID}).encode()
    with caplog.at_level(logging.WARNING, logger="bot.channels.rest"):
        for headers in ({}, {"Authorization": "Bearer wrong"}, {"Authorization": "Bearer wrong"}):
            request = FakeRequest(body, CIMultiDict({"content-length": str(len(body)), **headers}))
            reply = asyncio.run(channel._receive(request, rasa))  # type: ignore[arg-type]
            assert (reply.status, json.loads(reply.body)) == (401, {"error": "unauthorized"})
            assert reply.headers["WWW-Authenticate"] == "Bearer"
    assert [r.getMessage() for r in caplog.records] == [
        "Rejected a REST request: bearer token missing.", "Rejected a REST request: bearer token wrong.",
    ]
    assert rasa.messages == []


def test_the_action_servers_refusals_are_logged_once_a_minute(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    from sanic import Sanic

    monkeypatch.setattr(Sanic, "test_mode", True)
    monkeypatch.setattr(action_server, "rejections", logs.RateLimitedLog(action_server.logger))
    # A bare app: the SDK's create_app would register actions in its process-wide registry.
    app = Sanic("action_server_guard_test")
    action_server.secure(app, "the-shared-secret-0123", max_body=64 * 1024)
    guard = app.request_middleware[-1]  # type: ignore[attr-defined]
    request = SimpleNamespace(method="POST", path="/webhook", headers={action_server.TOKEN_HEADER: "wrong"})
    with caplog.at_level(logging.WARNING, logger="bot.dev.action_server"):
        replies = [asyncio.run(guard(request)) for _ in range(4)]
    assert {(r.status, r.body) for r in replies} == {(401, b'{"error":"unauthorized"}')}
    assert [r.getMessage() for r in caplog.records] == [
        "Refused a request to the action server: X-Action-Token wrong."
    ]


def test_rate_limited_lines_count_what_they_left_out_per_reason(caplog: pytest.LogCaptureFixture) -> None:
    clock = Clock()
    log = logs.RateLimitedLog(logging.getLogger("test.rejections"), interval=60, clock=clock, max_reasons=2)
    with caplog.at_level(logging.WARNING, logger="test.rejections"):
        assert [log.log("Refused: %s.", "bad token") for _ in range(100)] == [True] + [False] * 99
        assert log.log("Refused: %s.", "bad signature")  # another reason: its own line
        clock.now += 59
        assert not log.log("Refused: %s.", "bad token")
        clock.now += 1
        assert log.log("Refused: %s.", "bad token")
    assert [r.getMessage() for r in caplog.records] == [
        "Refused: bad token.", "Refused: bad signature.",
        "Refused: bad token. (and 100 more like it in the last 60 s)",
    ]
    for n in range(10):  # a bounded memory of reasons
        log.log("Refused: %s.", f"reason {n}")
    assert len(log._reasons) == 2


# --- the action timeout, below the conversation lock's lifetime ------------------------------------

def written_config(tmp_path: Path, **env: str) -> tuple[float, float]:
    """(the action timeout, the lock lifetime) as a server started by `make run` gets them: from
    endpoints.yml, which bot/dev/rasa_server.py applies, and from the environment bot/dev/serve.py
    gives Rasa."""
    servers = Servers(ServeConfig(log_dir=tmp_path, extra_env=env))
    argv = servers.rasa_command("run")[3:]  # after `python -m bot.dev.rasa_server`
    timeout = rasa_server.action_timeout(ROOT / rasa_server.endpoints_file(argv))
    assert timeout is not None, "endpoints.yml sets no action_endpoint.timeout"
    return timeout, float(servers.env()[LOCK_LIFETIME_ENV])


def test_the_action_timeout_and_the_send_retries_end_before_the_conversation_lock(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(LOCK_LIFETIME_ENV, raising=False)
    timeout, lifetime = written_config(tmp_path)
    assert timeout + DEFAULT_POLICY.budget < lifetime
    Servers(ServeConfig(log_dir=tmp_path)).check_lock_lifetime()


def test_a_lock_lifetime_a_turn_could_outlive_stops_start_up(tmp_path: Path) -> None:
    with pytest.raises(ServerError, match=f"{LOCK_LIFETIME_ENV}=30 is too short"):
        Servers(ServeConfig(log_dir=tmp_path, extra_env={LOCK_LIFETIME_ENV: "30"})).check_lock_lifetime()
    timeout, lifetime = written_config(tmp_path, **{LOCK_LIFETIME_ENV: "120"})
    assert lifetime == 120 and timeout < lifetime


def test_rasa_gives_up_on_an_action_after_the_endpoints_timeout(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With the timeout from the endpoints file applied, Rasa's RemoteAction gives up on an action
    server that never answers (without it, Rasa 3.6 would wait 5 minutes)."""
    import rasa.core.actions.action
    from rasa.core.actions.action import RemoteAction
    from rasa.core.channels.channel import CollectingOutputChannel
    from rasa.core.nlg import TemplatedNaturalLanguageGenerator
    from rasa.shared.core.domain import Domain
    from rasa.shared.core.trackers import DialogueStateTracker
    from rasa.utils.endpoints import EndpointConfig

    monkeypatch.setattr(rasa.core.actions.action, "DEFAULT_REQUEST_TIMEOUT",
                        rasa.core.actions.action.DEFAULT_REQUEST_TIMEOUT)  # restored afterwards
    endpoints = tmp_path / "endpoints.yml"
    endpoints.write_text("action_endpoint:\n  url: http://127.0.0.1/webhook\n  timeout: 0.5\n")
    assert rasa_server.apply_action_timeout(["run", "--endpoints", str(endpoints)]) == 0.5
    assert rasa.core.actions.action.DEFAULT_REQUEST_TIMEOUT == 0.5

    silent = socket.socket()  # accepts connections and never answers
    silent.bind(("127.0.0.1", 0))
    silent.listen(5)
    accepted: list[socket.socket] = []
    threading.Thread(target=lambda: accepted.append(silent.accept()[0]), daemon=True).start()
    try:
        endpoint = EndpointConfig(f"http://127.0.0.1:{silent.getsockname()[1]}/webhook")
        action = RemoteAction("action_slow", endpoint)
        tracker = DialogueStateTracker("someone", [])
        nlg = TemplatedNaturalLanguageGenerator({})
        run = action.run(CollectingOutputChannel(), nlg, tracker, Domain.empty())
        started = time.monotonic()
        with pytest.raises(asyncio.TimeoutError):
            asyncio.run(asyncio.wait_for(run, timeout=60))
        assert time.monotonic() - started < 30  # Rasa gave up itself, not the test's 60 s guard
        assert accepted, "Rasa never reached the action server"
    finally:
        silent.close()
        for connection in accepted:
            connection.close()
