"""Safe on a public website, against the running bot (both servers started as `make run` starts them,
once for this module, with Slack pointed at the local fake): input limits, conversation identity a
client cannot forge, malformed requests, restarts and rate limits, over REST, socket.io and Slack.

The server runs with a 2 MiB body cap (TECHTRACK_MAX_REQUEST_BYTES), so that a 1 MB message reaches
the channel's own message-length check; the default cap, 64 KiB, would answer it 413 (see
tests/unit/test_input_limits.py).
"""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import json
import re
import socket
import time
import urllib.error
import urllib.request
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pytest

from bot.channels.common import NO_REPLY
from bot.channels.limits import RATE_LIMITED
from bot.corpus import FaqEntry
from bot.dev.serve import ServeConfig
from bot.dev.socketio_polling import hang_up
from tests.helpers.channel_fakes import (
    ROUTE,
    SLACK_BOT_USER,
    SLACK_SECRET,
    SLACK_TOKEN,
    FakeServices,
    start_fakes,
)
from tests.helpers.support import Conversation, local_config, running_servers
from tests.helpers.tracker_events import processed_turns, wait_for_turns

SESSION_KEY = "integration-session-key-0123456789"
TOKEN_SHAPE = re.compile(r"[0-9a-f]{32}\.[0-9a-f]{32}")
TEAM = "T0SAFETY"
CONVERSATION_RATE = 6
ADDRESS_RATE = 10
FAST_SECONDS = 3.0
TURN_SECONDS = 30.0


@dataclass
class Bot:
    config: ServeConfig
    fakes: FakeServices

    @property
    def slack_webhook(self) -> str:
        return f"{self.config.rasa_url}/webhooks/slack/webhook"


@pytest.fixture(scope="module")
def bot(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Bot]:
    fakes, server = start_fakes({"keys": []})
    env = {
        "TECHTRACK_ENV": "development",
        "TECHTRACK_HUMAN_ROUTE": ROUTE,
        "TECHTRACK_SESSION_KEY": SESSION_KEY,
        "TECHTRACK_MAX_REQUEST_BYTES": str(2 * 1024 * 1024),
        "TECHTRACK_RATE_LIMIT": f"{CONVERSATION_RATE}/60",
        "TECHTRACK_ADDRESS_RATE_LIMIT": f"{ADDRESS_RATE}/60",
        "TECHTRACK_TRUSTED_PROXY_HEADER": "X-Forwarded-For",
        "SLACK_BOT_TOKEN": SLACK_TOKEN,
        "SLACK_SIGNING_SECRET": SLACK_SECRET,
        "SLACK_API_URL": f"{fakes.url}/slack/api/",
    }
    config = local_config(tmp_path_factory.mktemp("logs"), env)
    try:
        with running_servers(config):
            yield Bot(config, fakes)
    finally:
        server.shutdown()


def post(config: ServeConfig, body: bytes, headers: dict[str, str] | None = None) -> tuple[int, str, float]:
    request = urllib.request.Request(
        config.rest_webhook, data=body, headers={"Content-Type": "application/json", **(headers or {})}
    )
    started = time.monotonic()
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            return int(response.status), response.read().decode(), time.monotonic() - started
    except urllib.error.HTTPError as error:
        return int(error.code), error.read().decode(), time.monotonic() - started


def say(
    config: ServeConfig, sender: str, text: str, headers: dict[str, str] | None = None
) -> tuple[int, Any]:
    status, body, _ = post(config, json.dumps({"sender": sender, "message": text}).encode(), headers)
    return status, json.loads(body)


def texts(replies: list[dict[str, Any]]) -> str:
    return "\n\n".join(r.get("text", "") for r in replies)


# --- REST: limits, malformed requests, restart, rate limits --------------------------------------

def test_huge_messages_get_the_short_message_reply_fast_and_others_carry_on(
    bot: Bot, corpus: dict[str, FaqEntry]
) -> None:
    for text in ("x" * 1_000_000, " " * 100_000, "a" + " \t" * 50_000 + "a"):
        sender = f"huge-{uuid.uuid4().hex[:8]}"
        status, body, seconds = post(bot.config, json.dumps({"sender": sender, "message": text}).encode())
        assert status == 200 and seconds < FAST_SECONDS
        [reply] = json.loads(body)
        assert reply["recipient_id"] == sender
        assert "too long" in reply["text"] and "2000 characters" in reply["text"]
    assert Conversation(bot.config).reply("will I be paid?") == corpus["salary"].answer


def test_a_10_mb_body_gets_413_at_once_and_the_server_carries_on(
    bot: Bot, corpus: dict[str, FaqEntry]
) -> None:
    started = time.monotonic()
    with socket.create_connection((bot.config.rasa_host, bot.config.rasa_port), timeout=10) as connection:
        connection.sendall(
            b"POST /webhooks/rest/webhook HTTP/1.1\r\nHost: test\r\nContent-Type: application/json\r\n"
            b"Content-Length: 10485760\r\n\r\n" + b'{"message": "' + b"x" * 60_000
        )
        head = connection.recv(4096).decode(errors="replace")
    assert head.startswith("HTTP/1.1 413"), head[:200]
    assert time.monotonic() - started < FAST_SECONDS
    assert Conversation(bot.config).reply("will I be paid?") == corpus["salary"].answer


@pytest.mark.parametrize(("body", "says"), [
    (b"", "empty"),
    (b"{oops", "not valid JSON"),
    (b'{"sender": "me"}', '"message" is missing'),
    (b'{"sender": "me", "message": null}', '"message" must be a string, not null'),
    (b'{"sender": "me", "message": 12}', '"message" must be a string, not a number'),
    (b'{"sender": "me", "message": ["hi"]}', '"message" must be a string, not a list'),
    (b'{"sender": 5, "message": "hi"}', '"sender" must be a string, not a number'),
    (json.dumps({"sender": "s" * 500, "message": "hi"}).encode(), '"sender" must be at most 128'),
    (b'["hi"]', "must be a JSON object"),
])
def test_each_malformed_body_gets_400_saying_what_is_wrong(bot: Bot, body: bytes, says: str) -> None:
    status, text, _ = post(bot.config, body)
    assert status == 400 and says in text


def test_a_restart_is_quiet_and_restarts(bot: Bot, corpus: dict[str, FaqEntry]) -> None:
    chat = Conversation(bot.config)
    assert "Which role would you like to apply for?" in chat.reply("am I eligible?")
    replies = chat.say("/restart")
    assert NO_REPLY not in texts(replies) and "went wrong" not in texts(replies)
    assert "How old are you?" not in chat.reply("devops")  # the check was not carried on
    assert chat.reply("will I be paid?") == corpus["salary"].answer


def test_without_a_sender_each_request_is_its_own_conversation(bot: Bot) -> None:
    status, body, _ = post(bot.config, b'{"message": "am I eligible?"}')
    assert status == 200 and "Which role" in texts(json.loads(body))
    status, body, _ = post(bot.config, b'{"message": "devops"}')
    replies = json.loads(body)
    assert "How old are you?" not in texts(replies)  # not the shared "default" conversation
    assert replies[0]["recipient_id"].startswith("rest-")


def test_too_many_messages_in_one_conversation_get_a_polite_refusal(bot: Bot) -> None:
    sender = f"eager-{uuid.uuid4().hex[:8]}"
    for _ in range(CONVERSATION_RATE):  # long messages: refused by length, but they count
        assert say(bot.config, sender, "x" * 3000)[0] == 200
    status, replies = say(bot.config, sender, "will I be paid?")
    assert status == 429 and replies == [{"recipient_id": sender, "text": RATE_LIMITED}]
    assert say(bot.config, f"calm-{uuid.uuid4().hex[:8]}", "x" * 3000)[0] == 200


def test_too_many_messages_from_one_address_behind_the_proxy_are_refused(bot: Bot) -> None:
    proxied = {"X-Forwarded-For": "198.51.100.4, 203.0.113.77"}
    statuses = [say(bot.config, f"addr-{n}-{uuid.uuid4().hex[:6]}", "x" * 3000, proxied)[0]
                for n in range(ADDRESS_RATE + 1)]
    assert statuses == [200] * ADDRESS_RATE + [429]
    # another address, and the local machine, are unaffected
    assert say(bot.config, "addr-other", "x" * 3000, {"X-Forwarded-For": "203.0.113.78"})[0] == 200
    assert say(bot.config, "addr-local", "x" * 3000)[0] == 200


# --- Slack: conversation ids ----------------------------------------------------------------------

class SlackPerson:
    """One Slack user, who can write in their DM with the bot and mention it in a channel."""

    def __init__(self, bot: Bot) -> None:
        self.bot = bot
        self.user = f"U{uuid.uuid4().hex[:8].upper()}"
        self.dm = f"D{uuid.uuid4().hex[:8].upper()}"
        self.channel = f"C{uuid.uuid4().hex[:8].upper()}"

    def conversation_id(self, channel: str) -> str:
        return f"slack:{TEAM}:{channel}:{self.user}"

    def messages(self, channel: str) -> list[str]:
        posted = [r.json() for r in self.bot.fakes.delivered("/slack/api/chat.postMessage")]
        return [m.get("text", "") for m in posted if m.get("channel") == channel]

    def say(self, text: str, channel: str | None = None) -> str:
        channel = channel or self.dm
        event: dict[str, Any] = {"type": "message", "user": self.user, "text": text,
                                 "ts": f"{time.time():.6f}", "channel": channel}
        if channel == self.dm:
            event["channel_type"] = "im"
        else:
            event.update(type="app_mention", text=f"<@{SLACK_BOT_USER}> {text}")
        body = json.dumps({
            "type": "event_callback", "team_id": TEAM, "event_id": f"Ev{uuid.uuid4().hex[:10].upper()}",
            "authorizations": [{"user_id": SLACK_BOT_USER, "is_bot": True}], "event": event,
        }).encode()
        timestamp = str(int(time.time()))
        signature = "v0=" + hmac.new(SLACK_SECRET.encode(), f"v0:{timestamp}:".encode() + body,
                                     hashlib.sha256).hexdigest()
        before = len(self.messages(channel))
        conversation = self.conversation_id(channel)
        turns = processed_turns(conversation)
        request = urllib.request.Request(self.bot.slack_webhook, data=body, headers={
            "Content-Type": "application/json", "X-Slack-Request-Timestamp": timestamp,
            "X-Slack-Signature": signature,
        })
        with urllib.request.urlopen(request, timeout=30) as response:
            assert response.status == 200
        # Handled in the background: once the turn is saved, every reply of it has been posted.
        wait_for_turns(conversation, turns + 1)
        assert len(self.messages(channel)) > before, f"no Slack reply to {text!r}"
        return "\n\n".join(self.messages(channel)[before:])


def test_a_dm_and_a_channel_are_separate_slack_conversations(bot: Bot) -> None:
    person = SlackPerson(bot)
    assert "Which role" in person.say("am I eligible?")
    in_channel = person.say("devops", person.channel)
    assert "How old are you?" not in in_channel  # the DM's check is not carried on in the channel
    assert "How old are you?" in person.say("devops")  # but it is in the DM


def test_a_forged_rest_sender_never_reaches_a_slack_conversation(bot: Bot) -> None:
    person = SlackPerson(bot)
    assert "Which role" in person.say("am I eligible?")
    forged = person.conversation_id(person.dm)
    status, replies = say(bot.config, forged, "devops")
    assert status == 200 and replies[0]["recipient_id"] == f"rest:{forged}"
    assert "How old are you?" not in texts(replies)
    assert "How old are you?" in person.say("devops")  # the Slack check was not touched
    assert not any("devops" in m for m in person.messages(person.dm))


# --- the web chat over socket.io --------------------------------------------------------------------

class WebChatClient:
    """A socket.io client speaking the widget's protocol."""

    def __init__(self, url: str) -> None:
        import socketio

        self.url = url
        self.client = socketio.AsyncClient(reconnection=False, handle_sigint=False)
        self.confirmed: asyncio.Queue[Any] = asyncio.Queue()
        self.tokens: list[str] = []  # every session id the server confirmed, the latest last
        self.said: list[dict[str, Any]] = []
        self.client.on("session_confirm", self._confirmed)
        self.client.on("bot_uttered", self.said.append)

    def _confirmed(self, token: Any) -> None:
        self.tokens.append(str(token))
        self.confirmed.put_nowait(token)

    def conversation(self) -> str | None:
        """The conversation the server has this socket in: `web:` and the session's first part."""
        return f"web:{self.tokens[-1].split('.')[0]}" if self.tokens else None

    async def __aenter__(self) -> WebChatClient:
        # Long-polling only: the installed engine.io client needs a newer aiohttp for websockets.
        await self.client.connect(self.url, socketio_path="/socket.io", transports=["polling"],
                                  wait_timeout=20)
        return self

    async def __aexit__(self, *exc: object) -> None:
        await hang_up(self.client)

    async def session(self, data: Any) -> str:
        await self.client.emit("session_request", data)
        return str(await asyncio.wait_for(self.confirmed.get(), 20))

    async def say(self, text: str, session_id: str | None, turn: bool = True) -> list[str]:
        """Send `text`; return what the bot said, once the turn is saved in the tracker store (all
        its replies sent). `turn=False` for a message the input limits refuse: it never reaches
        Rasa, and its one reply is sent by the handler itself."""
        before, known = len(self.said), self.conversation()
        turns = await asyncio.to_thread(processed_turns, known) if known else 0
        await self.client.emit("user_uttered", {"message": text, "session_id": session_id,
                                                "customData": {"language": "en"}})
        deadline = time.monotonic() + TURN_SECONDS
        while len(self.said) == before and time.monotonic() < deadline:
            await asyncio.sleep(0.1)
        conversation = self.conversation()
        if turn and conversation is not None:
            if conversation != known:  # the server put the socket in a new conversation
                turns = 0
            while await asyncio.to_thread(processed_turns, conversation) <= turns:
                assert time.monotonic() < deadline, f"the turn for {text!r} was not saved"
                await asyncio.sleep(0.1)
        return [m.get("text", "") for m in self.said[before:]]


def test_web_chat_sessions_are_issued_and_signed_by_the_server(bot: Bot, corpus: dict[str, FaqEntry]) -> None:
    pytest.importorskip("aiohttp")  # python-socketio's asyncio client

    async def conversation() -> None:
        async with WebChatClient(bot.config.rasa_url) as first:
            for unsigned in ("garbage", f"{'0' * 32}.{'0' * 32}", None):
                token = await first.session({"session_id": unsigned})
                assert TOKEN_SHAPE.fullmatch(token) and token != unsigned
            token = await first.session({})
            assert "Which role" in "\n".join(await first.say("am I eligible?", token))
            too_long = await first.say("y" * 2500, token, turn=False)
            assert len(too_long) == 1 and "too long" in too_long[0]
        async with WebChatClient(bot.config.rasa_url) as reloaded:
            assert await reloaded.session({"session_id": token}) == token  # the page was reloaded
            assert any("How old are you?" in t for t in await reloaded.say("devops", token))
        async with WebChatClient(bot.config.rasa_url) as intruder:
            # no session request, and someone's session id without the server's signature (what the
            # tracker store and the logs hold): a new conversation instead
            replies = await intruder.say("23", token.split(".")[0])
            assert not any("nationality" in t for t in replies)
            issued = await asyncio.wait_for(intruder.confirmed.get(), 5)
            assert TOKEN_SHAPE.fullmatch(issued) and issued != token

    asyncio.run(conversation())
