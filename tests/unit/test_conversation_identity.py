"""Conversation identity a client cannot forge (bot/channels/identity.py), and how each channel uses it:
Slack and Teams ids namespaced per channel, web chat sessions issued and signed by the server, REST
senders kept out of the other channels' namespaces. No server: the channels' handlers are called
directly, with stand-ins for Slack's API and python-socketio's server."""

from __future__ import annotations

import asyncio
import random
import re
import stat
import time
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from socketio import AsyncServer

from bot.channels.common import NO_REPLY
from bot.channels.identity import (
    IdentityConfigError,
    SessionSigner,
    bearer_matches,
    rest_conversation_id,
    session_key,
    slack_conversation_id,
    teams_conversation_id,
)
from bot.channels.limits import RATE_LIMITED, InputLimits, Rate
from bot.channels.slack import SlackEventsInput, SlackOutput, SlackSettings
from bot.channels.teams import activity_conversation_id, incoming_text, without_mentions
from bot.channels.web import BoundedSocketServer, WebChatInput
from tests.helpers.channel_doubles import RecordingRasa

KEY = "session-key-for-tests-0123456789"
TOKEN_SHAPE = re.compile(r"[0-9a-f]{32}\.[0-9a-f]{32}")


# --- ids -----------------------------------------------------------------------------------------

def test_slack_ids_name_team_channel_and_user_so_a_dm_and_a_channel_differ() -> None:
    dm, channel = slack_conversation_id("T1", "D1", "U1"), slack_conversation_id("T1", "C1", "U1")
    assert dm == "slack:T1:D1:U1" and channel == "slack:T1:C1:U1" and dm != channel
    assert slack_conversation_id("T2", "C1", "U1") != channel
    assert slack_conversation_id(None, "C1", "U1") == "slack:-:C1:U1"


def test_teams_ids_escape_the_colons_in_teams_own_ids() -> None:
    assert teams_conversation_id("t1", "19:abc@thread.tacv2", "29:user") == (
        "teams:t1:19%3Aabc@thread.tacv2:29%3Auser"
    )
    # parts cannot pose as other parts
    assert teams_conversation_id("a:b", "c", "d") != teams_conversation_id("a", "b:c", "d")


def test_a_rest_sender_can_never_land_in_another_channels_namespace() -> None:
    senders = ["me", "slack:T1:D1:U1", "SLACK:T1:D1:U1", "teams:x", "web:abc", "rest:me", "rest:rest:me",
               "restful", "webber", ""]
    mapped = [rest_conversation_id(s) for s in senders]
    assert len(set(mapped)) == len(senders)  # one to one
    for conversation in mapped:
        assert not conversation.lower().startswith(("slack:", "teams:", "web:"))
    assert rest_conversation_id("me") == "me"  # ordinary senders unchanged


def test_bearer_tokens_are_compared_exactly() -> None:
    assert bearer_matches("Bearer secret-token", "secret-token")
    assert bearer_matches("bearer  secret-token ", "secret-token")
    for header in (None, "", "secret-token", "Basic secret-token", "Bearer secret-token2", "Bearer secret"):
        assert not bearer_matches(header, "secret-token")


# --- web chat sessions -------------------------------------------------------------------------------

def test_session_tokens_are_signed_and_checked() -> None:
    signer = SessionSigner(KEY.encode())
    token = signer.issue()
    assert TOKEN_SHAPE.fullmatch(token) and token != signer.issue()
    session, mac = token.split(".")
    assert signer.conversation_id(token) == f"web:{session}"
    tampered = f"{session}.{mac[:-1]}{'0' if mac[-1] != '0' else '1'}"
    other_session = f"{'0' * 32}.{mac}"
    for forged in (tampered, other_session, session, token.upper(), f"{token} ", None, 42, ["x"], "",
                   SessionSigner(b"another-key-0123456789").issue()):
        assert signer.conversation_id(forged) is None


def test_the_session_key_comes_from_the_environment_or_a_0600_file_in_development(tmp_path: Path) -> None:
    assert session_key({"TECHTRACK_SESSION_KEY": KEY}, tmp_path / "unused.key") == KEY.encode()
    key_file = tmp_path / "var" / "session.key"
    first = session_key({}, key_file)
    assert len(first) == 64 and session_key({}, key_file) == first
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    with pytest.raises(IdentityConfigError, match="TECHTRACK_SESSION_KEY is not set"):
        session_key({"TECHTRACK_ENV": "production"}, tmp_path / "prod.key")
    assert not (tmp_path / "prod.key").exists()
    with pytest.raises(IdentityConfigError, match="at least 16"):
        session_key({"TECHTRACK_SESSION_KEY": "short"}, key_file)


class FakeSocketServer:
    """Stands in for python-socketio's AsyncServer: rooms and emits, recorded. `coroutines`: the
    5.10+ shape, where enter_room and leave_room are coroutines (5.9: plain methods)."""

    def __init__(self, coroutines: bool) -> None:
        self.rooms: dict[str, set[str]] = {}
        self.emitted: list[tuple[str, Any, str]] = []
        if coroutines:
            async def enter(sid: str, room: str, namespace: str | None = None) -> None:
                self._enter(sid, room)

            async def leave(sid: str, room: str, namespace: str | None = None) -> None:
                self._leave(sid, room)
        else:
            def enter(sid: str, room: str, namespace: str | None = None) -> None:  # type: ignore[misc]
                self._enter(sid, room)

            def leave(sid: str, room: str, namespace: str | None = None) -> None:  # type: ignore[misc]
                self._leave(sid, room)
        self.enter_room, self.leave_room = enter, leave

    def _enter(self, sid: str, room: str) -> None:
        self.rooms.setdefault(sid, set()).add(room)

    def _leave(self, sid: str, room: str) -> None:
        self.rooms.get(sid, set()).discard(room)

    async def emit(self, event: str, data: Any = None, room: str = "", namespace: str | None = None,
                   **kwargs: Any) -> None:
        self.emitted.append((event, data, room))

    def confirmed(self, sid: str) -> list[str]:
        return [data for event, data, room in self.emitted if event == "session_confirm" and room == sid]

    def said(self, room: str) -> list[str]:
        return [data["text"] for event, data, r in self.emitted if event == "bot_uttered" and r == room]


class WebChat:
    """The web chat channel with its socket.io handlers, talking to a fake server."""

    def __init__(self, coroutines: bool = True, limits: InputLimits | None = None,
                 reply: str | None = "An answer.") -> None:
        self.channel = WebChatInput(session_persistence=True, limits=limits or InputLimits())
        self.rasa = RecordingRasa(reply)
        blueprint = self.channel.blueprint(self.rasa)
        self.handlers = blueprint.ctx.sio.handlers["/"]
        self.sio = FakeSocketServer(coroutines)
        self.channel.sio = self.sio  # type: ignore[assignment]

    def run(self, event: str, *args: Any) -> Any:
        return asyncio.run(self.handlers[event](*args))

    def connect(self, sid: str, address: str = "127.0.0.1") -> None:
        request = SimpleNamespace(headers={}, ip=address)
        assert self.run("connect", sid, {"sanic.request": request}, None) is True

    def session(self, sid: str, data: Any) -> str:
        self.run("session_request", sid, data)
        return self.sio.confirmed(sid)[-1]


@pytest.fixture(autouse=True)
def session_key_from_env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TECHTRACK_SESSION_KEY", KEY)  # nothing written to var/
    monkeypatch.setenv("TECHTRACK_HUMAN_ROUTE", "Write to the test desk.")


@pytest.mark.parametrize("coroutines", [False, True], ids=["socketio-5.9", "socketio-5.10+"])
@pytest.mark.parametrize("data", [None, {}, "text", ["x"], {"session_id": None}, {"session_id": "forged-id"},
                                  {"session_id": f"{'0' * 32}.{'0' * 32}"}, {"session_id": 7}])
def test_an_unknown_or_unsigned_session_gets_a_new_signed_one(coroutines: bool, data: Any) -> None:
    chat = WebChat(coroutines)
    chat.connect("s1")
    token = chat.session("s1", data)
    assert TOKEN_SHAPE.fullmatch(token)
    conversation = chat.channel.signer.conversation_id(token)
    assert conversation is not None and chat.sio.rooms["s1"] == {conversation}


@pytest.mark.parametrize("coroutines", [False, True], ids=["socketio-5.9", "socketio-5.10+"])
def test_a_signed_session_is_resumed_after_a_reload(coroutines: bool) -> None:
    chat = WebChat(coroutines)
    chat.connect("s1")
    token = chat.session("s1", {})
    chat.run("disconnect", "s1")
    chat.connect("s2")  # the page was reloaded: a new socket, the kept id
    assert chat.session("s2", {"session_id": token}) == token
    chat.run("user_uttered", "s2", {"message": "will I be paid?", "session_id": token})
    [message] = chat.rasa.messages
    assert message.sender_id == chat.channel.signer.conversation_id(token) == f"web:{token.split('.')[0]}"
    assert chat.sio.said(message.sender_id) == ["An answer."]


def test_a_message_is_handled_in_the_sockets_own_session_whatever_session_id_it_carries() -> None:
    chat = WebChat()
    chat.connect("victim")
    victims = chat.session("victim", {})
    chat.connect("attacker")
    attackers = chat.session("attacker", {})
    chat.run("user_uttered", "attacker", {"message": "hi", "session_id": victims})
    [message] = chat.rasa.messages
    assert message.sender_id == chat.channel.signer.conversation_id(attackers)
    assert chat.sio.said(chat.channel.signer.conversation_id(victims) or "") == []


def test_a_socket_that_skipped_the_session_request_gets_a_new_session_not_the_one_it_names() -> None:
    chat = WebChat()
    chat.connect("s1")
    chat.run("user_uttered", "s1", {"message": "hi", "session_id": "someone-elses-session"})
    [token] = chat.sio.confirmed("s1")
    [message] = chat.rasa.messages
    assert message.sender_id == chat.channel.signer.conversation_id(token)
    assert message.sender_id != "someone-elses-session"


def test_web_messages_are_limited_cleaned_and_carry_no_client_metadata() -> None:
    chat = WebChat(limits=InputLimits(conversation_rate=Rate(3, 60)))
    chat.connect("s1")
    conversation = chat.channel.signer.conversation_id(chat.session("s1", {}))
    assert conversation is not None
    chat.run("user_uttered", "s1", {"message": "x" * 5000})
    chat.run("user_uttered", "s1", {"message": " is\u202e  it\x00 paid?\ud800 ",
                                    "metadata": {"admin": True}, "customData": {"x": 1}})
    chat.run("user_uttered", "s1", {"message": None})  # ignored
    chat.run("user_uttered", "s1", "not an object")  # ignored
    chat.run("user_uttered", "s1", {"message": "three"})
    chat.run("user_uttered", "s1", {"message": "four: over the rate"})
    chat.run("user_uttered", "s1", {"message": "five: over the rate, told once already"})
    assert [m.text for m in chat.rasa.messages] == ["is it paid?", "three"]
    assert chat.rasa.messages[0].metadata == {"channel": "socketio"}  # set by the server only
    said = chat.sio.said(conversation)
    assert "too long" in said[0] and "2000 characters" in said[0]
    assert said[1:] == ["An answer.", "An answer.", RATE_LIMITED]


def test_a_silent_web_turn_gets_the_apology_but_a_restart_does_not() -> None:
    chat = WebChat(reply=None)
    chat.connect("s1")
    conversation = chat.channel.signer.conversation_id(chat.session("s1", {}))
    chat.run("user_uttered", "s1", {"message": "/restart"})
    assert chat.sio.said(conversation or "") == []
    chat.run("user_uttered", "s1", {"message": "will I be paid?"})
    assert chat.sio.said(conversation or "") == [NO_REPLY, "Write to the test desk."]


def test_a_disconnected_socket_is_forgotten() -> None:
    chat = WebChat()
    chat.connect("s1")
    chat.session("s1", {})
    chat.run("disconnect", "s1")
    chat.run("disconnect", "never-connected", "client disconnect")  # 5.12+ passes a reason
    assert chat.channel._conversations == {} and chat.channel._addresses == {}


def test_in_production_the_web_chat_needs_a_session_key_to_start(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TECHTRACK_ENV", "production")
    credentials = {"session_persistence": True}
    assert isinstance(WebChatInput.from_credentials(credentials), WebChatInput)  # the key is set
    monkeypatch.delenv("TECHTRACK_SESSION_KEY")
    with pytest.raises(IdentityConfigError, match="TECHTRACK_SESSION_KEY"):
        WebChatInput.from_credentials(credentials)


def test_the_socket_server_bounds_frames_and_refuses_binary_packets(monkeypatch: pytest.MonkeyPatch) -> None:
    chat = WebChat(limits=InputLimits(max_request_bytes=4096))
    server = chat.channel.socket_server()
    assert isinstance(server, BoundedSocketServer)
    assert server.eio.max_http_buffer_size == 4096
    passed: list[Any] = []
    disconnected: list[str] = []

    async def handled(self: Any, eio_sid: str, data: Any) -> None:
        passed.append(data)

    async def disconnect(eio_sid: str) -> None:
        disconnected.append(eio_sid)

    monkeypatch.setattr(AsyncServer, "_handle_eio_message", handled)
    monkeypatch.setattr(server.eio, "disconnect", disconnect)
    for data in ('51-["user_uttered",{"_placeholder":true,"num":0}]', '61-[{"x":1}]', b"\x00" * 10):
        asyncio.run(server._handle_eio_message("e1", data))
    asyncio.run(server._handle_eio_message("e2", '2["user_uttered",{"message":"hi"}]'))
    assert disconnected == ["e1"] * 3 and passed == ['2["user_uttered",{"message":"hi"}]']


# --- Slack ---------------------------------------------------------------------------------------------

def slack_event(channel: str, kind: str = "message", text: str = "hello", ts: str = "1.0") -> dict[str, Any]:
    event = {"type": kind, "channel": channel, "user": "U1", "text": text, "ts": ts}
    if channel.startswith("D"):
        event["channel_type"] = "im"
    return {"type": "event_callback", "team_id": "T1", "event_id": f"Ev{ts}",
            "authorizations": [{"user_id": "UBOT"}], "event": event}


def slack_click(channel: str, team: str | None = None) -> dict[str, Any]:
    payload: dict[str, Any] = {
        "type": "block_actions", "trigger_id": f"trigger-{channel}", "user": {"id": "U1"},
        "channel": {"id": channel}, "message": {"ts": "9.0"},
        "actions": [{"type": "button", "value": "/greet", "action_ts": "9.1"}],
    }
    if team:
        payload["team"] = {"id": team}
    return payload


def test_slack_conversations_are_per_team_channel_and_user(monkeypatch: pytest.MonkeyPatch) -> None:
    told: list[tuple[str | None, str]] = []

    async def tell(self: SlackOutput, recipient_id: str, text: str, **kwargs: Any) -> None:
        told.append((self.slack_channel, text))
        self.sent += 1

    monkeypatch.setattr(SlackOutput, "send_text_message", tell)
    limits = InputLimits(conversation_rate=Rate(4, 60))
    slack = SlackEventsInput(SlackSettings("xoxb-test", "secret", "http://127.0.0.1:9/"), limits)
    rasa = RecordingRasa()
    request = SimpleNamespace(headers={})

    async def conversation() -> None:
        slack._event(request, slack_event("D1", text="hello  \u202e from the DM"), rasa)  # type: ignore[arg-type]
        slack._event(request, slack_event("C1", "app_mention", "<@UBOT> hello", "2.0"), rasa)  # type: ignore[arg-type]
        slack._interaction(slack_click("C1"), rasa)  # no team in the payload: the channel's
        slack._interaction(slack_click("C2", team="T9"), rasa)
        slack._event(request, slack_event("D1", text="x" * 2001, ts="3.0"), rasa)  # type: ignore[arg-type]
        await asyncio.gather(*list(slack._background_tasks))

    asyncio.run(conversation())
    assert [(m.sender_id, m.text) for m in rasa.messages] == [
        ("slack:T1:D1:U1", "hello from the DM"), ("slack:T1:C1:U1", "hello"), ("slack:T1:C1:U1", "/greet"),
        ("slack:T9:C2:U1", "/greet"),
    ]
    assert all(m.metadata == {"channel": "slack"} for m in rasa.messages)  # set by the server only
    too_long = [text for channel, text in told if "too long" in text]
    assert len(too_long) == 1 and ("D1", too_long[0]) in told


# --- Teams ---------------------------------------------------------------------------------------------

def test_teams_conversations_are_per_tenant_conversation_and_user() -> None:
    personal = {"from": {"id": "29:u1"}, "conversation": {"id": "a:personal-1"},
                "channelData": {"tenant": {"id": "tenant-9"}}}
    channel = {"from": {"id": "29:u1"}, "conversation": {"id": "19:team@thread.tacv2;messageid=1",
                                                         "tenantId": "tenant-9"}}
    assert activity_conversation_id(personal, "default") == "teams:tenant-9:a%3Apersonal-1:29%3Au1"
    assert activity_conversation_id(channel, "default") == (
        "teams:tenant-9:19%3Ateam@thread.tacv2;messageid=1:29%3Au1"
    )
    bare = {"from": {"id": "29:u1"}, "conversation": {"id": "a:personal-1"}}
    assert activity_conversation_id(bare, "tenant-1").startswith("teams:tenant-1:")


OLD_MENTION = re.compile(r"<at\b[^>]*>.*?</at>", re.IGNORECASE | re.DOTALL)


def test_mentions_are_removed_as_the_old_pattern_did_in_linear_time() -> None:
    pieces = ["<at>", "</at>", "<AT id='1'>", "</At>", "<atx>", "<at", ">", "Tech", " ", "\n", "é", "<", "/"]
    rng = random.Random(7)
    for _ in range(20_000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 10)))
        assert without_mentions(text) == OLD_MENTION.sub(" ", text), repr(text)
    for hostile in ("<at>" * 50_000, "<at " * 50_000, "<at>x" + " " * 200_000):
        started = time.perf_counter()
        without_mentions(hostile)
        incoming_text({"text": hostile})
        assert time.perf_counter() - started < 0.5
