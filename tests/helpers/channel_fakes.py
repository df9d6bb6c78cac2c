"""Local stand-ins for Microsoft's and Slack's services, and the running bot configured against them.

One HTTP server in a thread plays every remote party the Teams and Slack channels talk to, keeping
to their protocols, so that the channels' failure paths can be tested:
- /openid and /keys: the Bot Framework's OpenID metadata and JWKS, serving a test RSA key;
- /token: the Azure AD token endpoint (client credentials): a wrong client id or secret gets 401
  `invalid_client`; each token it issues is new and expires after `token_lifetime` seconds;
- /teams/v3/conversations/<id>/activities: the Bot Connector: 401 without a bearer token the token
  endpoint issued and that has not expired; 400 for an activity that is not a message with text or
  attachments; else 201. Told to (`script_connector`), it answers a conversation's next posts with
  403, 429 (with Retry-After), 5xx, or drops the connection;
- /slack/api/chat.postMessage: Slack's Web API: `ok: false` with `not_authed` or `invalid_auth`
  without the bot token, `channel_not_found` without a channel, `no_text` without text or blocks.
  Told to (`script_slack`), it answers a channel's next posts with an error: `ratelimited` comes as
  HTTP 429 with Retry-After, as Slack sends it.
Every request is recorded with what it was answered; `delivered()` lists the ones that succeeded.
"""

from __future__ import annotations

import itertools
import json
import threading
import time
import urllib.parse
from collections import deque
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import jwt
from cryptography.hazmat.primitives.asymmetric import rsa
from jwt.algorithms import RSAAlgorithm

from bot.dev.serve import ServeConfig
from tests.helpers.support import local_config, running_servers

TEAMS_APP_ID = "00000000-test-app-id"
TEAMS_PASSWORD = "test-app-password"
TEAMS_TENANT = "test-tenant"
TEAMS_PARTNER_TENANT = "partner-tenant"  # also in TEAMS_ALLOWED_TENANTS
TEAMS_ISSUER = "https://api.botframework.com"
TEAMS_KID = "test-key-1"
CONNECTOR_TOKEN_PREFIX = "connector-token-"
CONNECTOR_SCOPE = "https://api.botframework.com/.default"
SLACK_TOKEN = "xoxb-test-token"
SLACK_SECRET = "test-signing-secret"
SLACK_BOT_USER = "U0TECHTRACK"
ROUTE = "Test route: write to the test admissions desk."


@dataclass
class Recorded:
    method: str
    path: str
    headers: dict[str, str]
    body: bytes
    status: int = 0  # what the fake answered (0: it dropped the connection)
    answer: Any = None

    def json(self) -> Any:
        return json.loads(self.body)

    def form(self) -> dict[str, str]:
        return dict(urllib.parse.parse_qsl(self.body.decode()))

    @property
    def delivered(self) -> bool:
        """Whether the service accepted it: a 2xx, and for Slack `ok: true`."""
        refused = isinstance(self.answer, dict) and self.answer.get("ok") is False
        return 200 <= self.status < 300 and not refused

    @property
    def bearer(self) -> str:
        scheme, _, token = self.headers.get("authorization", "").partition(" ")
        return token.strip() if scheme.lower() == "bearer" else ""


@dataclass(frozen=True)
class Scripted:
    """An answer the fake was told to give: a status (0: drop the connection), a body, headers."""

    status: int
    body: Any = None
    headers: tuple[tuple[str, str], ...] = ()


def slack_error(error: str, retry_after: int = 1) -> Scripted:
    """Slack's answer for an `ok: false` error; `ratelimited` is HTTP 429 with Retry-After."""
    if error == "ratelimited":
        return Scripted(429, {"ok": False, "error": error}, (("Retry-After", str(retry_after)),))
    return Scripted(200, {"ok": False, "error": error})


def http_error(status: int, retry_after: int | None = None) -> Scripted:
    headers = (("Retry-After", str(retry_after)),) if retry_after is not None else ()
    return Scripted(status, {"error": {"code": f"HTTP{status}", "message": "scripted by the test"}}, headers)


DROP = Scripted(0)


@dataclass
class FakeServices:
    """The HTTP server, what it has received, and what it was told to answer."""

    jwks: dict[str, Any]
    requests: list[Recorded] = field(default_factory=list)
    url: str = ""
    lock: threading.Lock = field(default_factory=threading.Lock)
    teams_secret: str = TEAMS_PASSWORD
    token_lifetime: float = 3600
    issued: dict[str, float] = field(default_factory=dict)  # token -> when it expires (time.time())
    scripts: dict[str, deque[Scripted]] = field(default_factory=dict)
    _numbers: Iterator[int] = field(default_factory=itertools.count)

    def received(self, path_prefix: str) -> list[Recorded]:
        with self.lock:
            return [r for r in self.requests if r.path.startswith(path_prefix)]

    def delivered(self, path_prefix: str) -> list[Recorded]:
        return [r for r in self.received(path_prefix) if r.delivered]

    # What the tests tell the fake.

    def script_connector(self, conversation: str, *answers: Scripted) -> None:
        """The Bot Connector answers the next posts to this Teams conversation with `answers`."""
        with self.lock:
            self.scripts.setdefault(f"teams:{conversation}", deque()).extend(answers)

    def script_slack(self, channel: str, *answers: Scripted) -> None:
        """chat.postMessage answers the next posts to this Slack channel with `answers`."""
        with self.lock:
            self.scripts.setdefault(f"slack:{channel}", deque()).extend(answers)

    def revoke_tokens(self) -> None:
        with self.lock:
            self.issued.clear()

    def token_expired(self, token: str) -> bool:
        with self.lock:
            return time.time() >= self.issued.get(token, 0.0)

    def reset(self) -> None:
        """Back to a healthy service (what a test told the fake is forgotten)."""
        with self.lock:
            self.teams_secret = TEAMS_PASSWORD
            self.token_lifetime = 3600
            self.scripts.clear()

    # The services.

    def _scripted(self, key: str) -> Scripted | None:
        with self.lock:
            queue = self.scripts.get(key)
            return queue.popleft() if queue else None

    def answer(self, request: Recorded) -> Scripted:
        if request.path == "/openid":
            return Scripted(200, {"issuer": TEAMS_ISSUER, "jwks_uri": f"{self.url}/keys"})
        if request.path == "/keys":
            return Scripted(200, self.jwks)
        if request.path == "/token":
            return self._token(request.form())
        if request.path.startswith("/teams/v3/conversations/"):
            return self._connector(request)
        if request.path == "/slack/api/chat.postMessage":
            return self._slack(request)
        return Scripted(404, {"error": "not faked"})

    def _token(self, form: dict[str, str]) -> Scripted:
        if form.get("grant_type") != "client_credentials":
            return Scripted(400, {"error": "unsupported_grant_type"})
        if form.get("client_id") != TEAMS_APP_ID or form.get("client_secret") != self.teams_secret:
            return Scripted(401, {"error": "invalid_client",
                                  "error_description": "AADSTS7000215: Invalid client secret provided."})
        if form.get("scope") != CONNECTOR_SCOPE:
            return Scripted(400, {"error": "invalid_scope"})
        with self.lock:
            token = f"{CONNECTOR_TOKEN_PREFIX}{next(self._numbers)}"
            self.issued[token] = time.time() + self.token_lifetime
            lifetime = self.token_lifetime
        return Scripted(200, {"token_type": "Bearer", "expires_in": lifetime, "access_token": token})

    def _connector(self, request: Recorded) -> Scripted:
        if self.token_expired(request.bearer):
            return Scripted(401, {"message": "Authorization has been denied for this request."})
        conversation = request.path.removeprefix("/teams/v3/conversations/").removesuffix("/activities")
        scripted = self._scripted(f"teams:{conversation}")
        if scripted is not None:
            return scripted
        try:
            activity = request.json()
        except ValueError:
            activity = None
        if not isinstance(activity, dict) or activity.get("type") != "message" or not (
            activity.get("text") or activity.get("attachments")
        ):
            return Scripted(400, {"error": {"code": "BadArgument", "message": "Invalid activity"}})
        return Scripted(201, {"id": f"reply-{next(self._numbers)}"})

    def _slack(self, request: Recorded) -> Scripted:
        if not request.bearer:
            return slack_error("not_authed")
        if request.bearer != SLACK_TOKEN:
            return slack_error("invalid_auth")
        try:
            payload = request.json()
        except ValueError:
            payload = None
        channel = payload.get("channel") if isinstance(payload, dict) else None
        if not isinstance(channel, str) or not channel:
            return slack_error("channel_not_found")
        scripted = self._scripted(f"slack:{channel}")
        if scripted is not None:
            return scripted
        if not (payload.get("text") or payload.get("blocks")):
            return slack_error("no_text")
        return Scripted(200, {"ok": True, "channel": channel, "ts": f"{time.time():.6f}"})


def start_fakes(jwks: dict[str, Any]) -> tuple[FakeServices, ThreadingHTTPServer]:
    fakes = FakeServices(jwks)

    class Handler(BaseHTTPRequestHandler):
        def _handle(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            request = Recorded(
                self.command, urllib.parse.unquote(urllib.parse.urlsplit(self.path).path),
                {k.lower(): v for k, v in self.headers.items()}, self.rfile.read(length),
            )
            answer = fakes.answer(request)
            request.status, request.answer = answer.status, answer.body
            with fakes.lock:
                fakes.requests.append(request)
            if answer.status == 0:  # a broken connection: no answer at all
                self.close_connection = True
                return
            data = json.dumps(answer.body).encode()
            self.send_response(answer.status)
            self.send_header("Content-Type", "application/json")
            for name, value in answer.headers:
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        do_GET = do_POST = _handle

        def log_message(self, format: str, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    fakes.url = f"http://127.0.0.1:{server.server_address[1]}"
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return fakes, server


def new_private_key() -> rsa.RSAPrivateKey:
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


def public_jwk(key: rsa.RSAPrivateKey, kid: str) -> dict[str, Any]:
    jwk = json.loads(RSAAlgorithm.to_jwk(key.public_key()))
    return {**jwk, "kid": kid, "use": "sig", "endorsements": ["msteams"]}


@dataclass
class ChannelBot:
    """The running bot with Teams and Slack pointed at the fakes."""

    config: ServeConfig
    fakes: FakeServices
    signing_key: rsa.RSAPrivateKey
    # Requests the fakes had received when both servers answered: none, if the server starts offline.
    requests_at_start: int

    @property
    def teams_webhook(self) -> str:
        return f"{self.config.rasa_url}/webhooks/teams/webhook"

    @property
    def slack_webhook(self) -> str:
        return f"{self.config.rasa_url}/webhooks/slack/webhook"

    @property
    def service_url(self) -> str:
        return f"{self.fakes.url}/teams"


@contextmanager
def running_channel_bot(log_dir: Path) -> Iterator[ChannelBot]:
    """Both servers, with Teams and Slack pointed at the fakes (the session's `channel_bot` fixture,
    tests/helpers/plugin.py)."""
    key = new_private_key()
    fakes, server = start_fakes({"keys": [public_jwk(key, TEAMS_KID)]})
    env = {
        "TECHTRACK_HUMAN_ROUTE": ROUTE,
        "TEAMS_APP_ID": TEAMS_APP_ID,
        "TEAMS_APP_PASSWORD": TEAMS_PASSWORD,
        "TEAMS_TENANT_ID": TEAMS_TENANT,
        "TEAMS_ALLOWED_TENANTS": f"{TEAMS_TENANT}, {TEAMS_PARTNER_TENANT}",
        "TEAMS_OPENID_METADATA_URL": f"{fakes.url}/openid",
        "TEAMS_TOKEN_URL": f"{fakes.url}/token",
        "SLACK_BOT_TOKEN": SLACK_TOKEN,
        "SLACK_SIGNING_SECRET": SLACK_SECRET,
        "SLACK_API_URL": f"{fakes.url}/slack/api/",
    }
    config = local_config(log_dir, env)
    try:
        with running_servers(config):
            yield ChannelBot(config, fakes, key, len(fakes.requests))
    finally:
        server.shutdown()


def wait_for(check: Callable[[], bool], timeout: float = 30.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if check():
            return True
        time.sleep(0.1)
    return check()


def sign_teams_token(key: rsa.RSAPrivateKey, service_url: str, **claims: Any) -> str:
    now = int(time.time())
    payload = {
        "iss": TEAMS_ISSUER, "aud": TEAMS_APP_ID, "nbf": now - 10, "iat": now - 10, "exp": now + 3600,
        "serviceurl": service_url, **claims,
    }
    kid = payload.pop("kid", TEAMS_KID)
    return jwt.encode(payload, key, algorithm="RS256", headers={"kid": kid})
