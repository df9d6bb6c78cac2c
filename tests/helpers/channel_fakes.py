"""Local stand-ins for Microsoft's and Slack's services, and the running bot configured against them.

One HTTP server in a thread plays every remote party the Teams and Slack channels talk to:
- /openid and /keys: the Bot Framework's OpenID metadata and JWKS, serving a test RSA key;
- /token: the Azure AD token endpoint (client credentials);
- /teams/v3/conversations/<id>/activities: the Bot Connector, which records replies;
- /slack/api/chat.postMessage: Slack's Web API, which records messages.
"""

from __future__ import annotations

import json
import threading
import time
import urllib.parse
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
TEAMS_ISSUER = "https://api.botframework.com"
TEAMS_KID = "test-key-1"
CONNECTOR_TOKEN = "connector-token-from-the-fake"
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

    def json(self) -> Any:
        return json.loads(self.body)

    def form(self) -> dict[str, str]:
        return dict(urllib.parse.parse_qsl(self.body.decode()))


@dataclass
class FakeServices:
    """The HTTP server and what it has received."""

    jwks: dict[str, Any]
    requests: list[Recorded] = field(default_factory=list)
    url: str = ""
    lock: threading.Lock = field(default_factory=threading.Lock)

    def received(self, path_prefix: str) -> list[Recorded]:
        with self.lock:
            return [r for r in self.requests if r.path.startswith(path_prefix)]

    def answer(self, request: Recorded) -> tuple[int, Any]:
        if request.path == "/openid":
            return 200, {"issuer": TEAMS_ISSUER, "jwks_uri": f"{self.url}/keys"}
        if request.path == "/keys":
            return 200, self.jwks
        if request.path == "/token":
            return 200, {"token_type": "Bearer", "expires_in": 3600, "access_token": CONNECTOR_TOKEN}
        if request.path.startswith("/teams/v3/conversations/"):
            return 201, {"id": f"reply-{len(self.requests)}"}
        if request.path == "/slack/api/chat.postMessage":
            return 200, {"ok": True, "channel": request.json().get("channel"), "ts": f"{time.time():.6f}"}
        return 404, {"error": "not faked"}


def start_fakes(jwks: dict[str, Any]) -> tuple[FakeServices, ThreadingHTTPServer]:
    fakes = FakeServices(jwks)

    class Handler(BaseHTTPRequestHandler):
        def _handle(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            request = Recorded(
                self.command, urllib.parse.unquote(urllib.parse.urlsplit(self.path).path),
                {k.lower(): v for k, v in self.headers.items()}, self.rfile.read(length),
            )
            with fakes.lock:
                fakes.requests.append(request)
            status, body = fakes.answer(request)
            data = json.dumps(body).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
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
