"""Conversation identity that a client cannot forge.

Every channel names its conversations in its own namespace, so no channel can reach another's:

- Slack: `slack:<team>:<channel>:<user>`, the channel being the DM's own id for a direct message, so
  what someone said in a DM stays in that DM and a public channel is a separate conversation;
- Teams: `teams:<tenant>:<conversation id>:<user>`;
- web chat: `web:<session>`, where the session is issued by the server and signed with an HMAC
  (TECHTRACK_SESSION_KEY); the widget keeps the signed token, and a token the server did not sign
  starts a new conversation;
- REST: the sender as given, except that one starting with a namespace (`slack:`, `teams:`, `web:`,
  `rest:`) is put under `rest:`, so a REST sender can never name another channel's conversation.

The REST channel is the one a program (not a person) talks to. TECHTRACK_REST_TOKEN, when set, must
be sent as `Authorization: Bearer <token>`. In production (TECHTRACK_ENV=production; anything other
than unset or "development" counts as production) the REST channel is off unless the token is set,
and TECHTRACK_SESSION_KEY must be set. In development a missing session key is generated once into
var/session.key (mode 0600), as bot/storage/settings.py does for the id-hash key.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import re
import secrets
import uuid
from collections.abc import Mapping
from pathlib import Path

from bot.paths import ROOT
from bot.secret_files import generated_secret

SESSION_KEY_FILE = ROOT / "var" / "session.key"
MIN_SECRET_CHARS = 16
MAX_SENDER_CHARS = 128
NAMESPACES = ("slack:", "teams:", "web:", "rest:")

_SESSION_TOKEN = re.compile(r"([0-9a-f]{32})\.([0-9a-f]{32})")


class IdentityConfigError(ValueError):
    """A secret is missing or too short; the message says which and what to do."""


def environment(env: Mapping[str, str] = os.environ) -> str:
    return env.get("TECHTRACK_ENV", "").strip().lower() or "development"


def is_development(env: Mapping[str, str] = os.environ) -> bool:
    return environment(env) == "development"


def _secret(env: Mapping[str, str], name: str) -> str | None:
    value = env.get(name, "").strip()
    if value and len(value) < MIN_SECRET_CHARS:
        raise IdentityConfigError(f"{name} must be at least {MIN_SECRET_CHARS} characters long")
    return value or None


# --- conversation ids ------------------------------------------------------------------------------

def _part(value: object) -> str:
    """One part of a namespaced id: ':' would let one part pose as two, so it is escaped."""
    return str(value or "-").replace("%", "%25").replace(":", "%3A")


def slack_conversation_id(team: str | None, channel: str, user: str) -> str:
    return f"slack:{_part(team)}:{_part(channel)}:{_part(user)}"


def teams_conversation_id(tenant: str | None, conversation: str, user: str) -> str:
    return f"teams:{_part(tenant)}:{_part(conversation)}:{_part(user)}"


def rest_conversation_id(sender: str) -> str:
    """The REST sender as given, unless it starts with a channel's namespace: then under `rest:`
    (one-to-one, and never in another channel's namespace)."""
    return f"rest:{sender}" if sender.lower().startswith(NAMESPACES) else sender


def random_rest_sender() -> str:
    return f"rest-{uuid.uuid4().hex}"


# --- the REST channel's bearer token -----------------------------------------------------------------

def rest_token(env: Mapping[str, str] = os.environ) -> str | None:
    return _secret(env, "TECHTRACK_REST_TOKEN")


def bearer_matches(authorization: str | None, token: str) -> bool:
    scheme, _, given = (authorization or "").strip().partition(" ")
    return scheme.lower() == "bearer" and hmac.compare_digest(given.strip().encode(), token.encode())


# --- web chat sessions -----------------------------------------------------------------------------

class SessionSigner:
    """Issues and checks web chat session tokens: `<32 hex random>.<32 hex HMAC-SHA256 of it>`.
    The conversation id is `web:<random>`: the MAC never reaches the tracker store or the logs, so
    reading either does not let anyone resume someone's conversation."""

    def __init__(self, key: bytes) -> None:
        self._key = key

    def _mac(self, session: str) -> str:
        return hmac.new(self._key, f"web-session:{session}".encode(), hashlib.sha256).hexdigest()[:32]

    def issue(self) -> str:
        session = secrets.token_hex(16)
        return f"{session}.{self._mac(session)}"

    def conversation_id(self, token: object) -> str | None:
        """`web:<session>` for a token this server signed; None for anything else."""
        if not isinstance(token, str):
            return None
        match = _SESSION_TOKEN.fullmatch(token)
        if not match or not hmac.compare_digest(match[2], self._mac(match[1])):
            return None
        return f"web:{match[1]}"


def session_key(env: Mapping[str, str] = os.environ, key_file: Path = SESSION_KEY_FILE) -> bytes:
    """TECHTRACK_SESSION_KEY; in development, when unset, a random key kept in var/session.key."""
    key = _secret(env, "TECHTRACK_SESSION_KEY")
    if key:
        return key.encode()
    if not is_development(env):
        raise IdentityConfigError(
            "TECHTRACK_SESSION_KEY is not set. Outside development the key that signs web chat "
            "sessions must come from the environment: set it to a long random secret (for example "
            "the output of `python -c \"import secrets; print(secrets.token_hex(32))\"`) and keep it "
            "the same across restarts, or every open web chat starts over."
        )
    return _developer_key(key_file)


def _developer_key(key_file: Path) -> bytes:
    try:
        return generated_secret(key_file).encode()
    except ValueError as empty:
        raise IdentityConfigError(str(empty)) from None
