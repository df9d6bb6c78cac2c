"""Slack against a local fake Web API: signed Events API and interactivity requests to the running
server, replies captured from chat.postMessage (which checks the bot token and the payload, and can
be told to fail: tests/helpers/channel_fakes.py).

Slack events are handled in the background (Slack wants its answer within 3 seconds), so a test
waits until the tracker store shows the turn processed (tests/helpers/tracker_events.py): by then
every reply of the turn has been posted. To show that something did *not* happen (a duplicate, a
reply to a rejected request), a test then sends another message in the same conversation and waits
for that turn: messages of one conversation are processed in order, one at a time."""

from __future__ import annotations

import hashlib
import hmac
import json
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from collections.abc import Iterator
from typing import Any

import pytest

from bot.channels.identity import slack_conversation_id
from bot.channels.rendering import message_parts, slack_mrkdwn
from bot.corpus import FaqEntry
from tests.helpers.channel_fakes import (
    SLACK_BOT_USER,
    SLACK_SECRET,
    SLACK_TOKEN,
    ChannelBot,
    Recorded,
    http_error,
    slack_error,
)
from tests.helpers.tracker_events import processed_turns, stored_events, user_texts, wait_for_turns

TEAM = "T0TEST"
BARRIER = "hello"  # a message whose turn shows that the ones before it are done


def signature(body: bytes, timestamp: int, secret: str = SLACK_SECRET) -> str:
    base = f"v0:{timestamp}:".encode() + body
    return "v0=" + hmac.new(secret.encode(), base, hashlib.sha256).hexdigest()


class SlackChat:
    """One person writing to the bot in their own direct-message channel."""

    def __init__(self, bot: ChannelBot) -> None:
        self.bot = bot
        self.user = f"U{uuid.uuid4().hex[:8].upper()}"
        self.channel = f"D{uuid.uuid4().hex[:8].upper()}"

    @property
    def conversation_id(self) -> str:
        return slack_conversation_id(TEAM, self.channel, self.user)

    def post(
        self, body: bytes, content_type: str = "application/json", timestamp: int | None = None,
        secret: str = SLACK_SECRET, headers: dict[str, str] | None = None,
    ) -> tuple[int, bytes]:
        timestamp = int(time.time()) if timestamp is None else timestamp
        request = urllib.request.Request(self.bot.slack_webhook, data=body, headers={
            "Content-Type": content_type, "X-Slack-Request-Timestamp": str(timestamp),
            "X-Slack-Signature": signature(body, timestamp, secret), **(headers or {}),
        })
        try:
            with urllib.request.urlopen(request, timeout=30) as response:
                return int(response.status), response.read()
        except urllib.error.HTTPError as error:
            return int(error.code), error.read()

    def event(self, text: str, kind: str = "message", ts: str | None = None,
              event_id: str | None = None) -> bytes:
        event: dict[str, Any] = {
            "type": kind, "user": self.user, "text": text, "ts": ts or f"{time.time():.6f}",
            "channel": self.channel, "event_ts": ts,
        }
        if kind == "message":
            event["channel_type"] = "im"
        return json.dumps({
            "type": "event_callback", "team_id": TEAM, "api_app_id": "A0TEST",
            "event_id": event_id or f"Ev{uuid.uuid4().hex[:10].upper()}", "event_time": int(time.time()),
            "authorizations": [{"user_id": SLACK_BOT_USER, "is_bot": True}], "event": event,
        }).encode()

    def click(self, value: str, title: str) -> bytes:
        payload = {
            "type": "block_actions", "trigger_id": uuid.uuid4().hex, "user": {"id": self.user},
            "channel": {"id": self.channel}, "message": {"ts": f"{time.time():.6f}"},
            "actions": [{"type": "button", "value": value, "text": {"type": "plain_text", "text": title},
                         "action_ts": f"{time.time():.6f}"}],
        }
        return urllib.parse.urlencode({"payload": json.dumps(payload)}).encode()

    def calls(self) -> list[Recorded]:
        """Every chat.postMessage to this channel, refused ones included."""
        posted = self.bot.fakes.received("/slack/api/chat.postMessage")
        return [r for r in posted if r.json().get("channel") == self.channel]

    def messages(self) -> list[dict[str, Any]]:
        """The messages Slack accepted: what the person sees."""
        return [r.json() for r in self.calls() if r.delivered]

    def replies_to(self, body: bytes, **post: Any) -> list[dict[str, Any]]:
        """Post `body` and return the new messages once its turn is processed."""
        before, turns = len(self.messages()), processed_turns(self.conversation_id)
        status, _ = self.post(body, **post)
        assert status == 200
        wait_for_turns(self.conversation_id, turns + 1)
        return self.messages()[before:]

    def say(self, text: str) -> list[dict[str, Any]]:
        return self.replies_to(self.event(text))

    def nothing_else_happened(self, messages_before: list[dict[str, Any]], texts_before: list[str]) -> None:
        """Say BARRIER and wait for its turn; then the conversation holds nothing but that turn
        beyond what it held: no other message was processed, and no other reply posted."""
        replies = self.say(BARRIER)
        assert replies, "no reply to the barrier message"
        assert self.messages() == messages_before + replies
        assert user_texts(self.conversation_id) == [*texts_before, BARRIER]


def slack_rendering(answer: str) -> list[str]:
    return [slack_mrkdwn(part) for part in message_parts(answer)]


@pytest.fixture
def chat(channel_bot: ChannelBot) -> Iterator[SlackChat]:
    yield SlackChat(channel_bot)
    channel_bot.fakes.reset()


def tail(messages: list[dict[str, Any]], expected: list[str]) -> list[str]:
    """The texts of the last len(expected) messages (a conversation's first turn may open with a
    notice); the messages before them must not repeat them."""
    texts = [m["text"] for m in messages]
    assert not set(texts[: -len(expected)]) & set(expected), texts
    return texts[-len(expected):]


def test_the_url_verification_challenge_is_answered(chat: SlackChat) -> None:
    status, body = chat.post(json.dumps({"type": "url_verification", "challenge": "c-123"}).encode())
    assert status == 200
    assert json.loads(body) == {"challenge": "c-123"}


def test_a_direct_message_gets_the_corpus_answer_in_mrkdwn(
    chat: SlackChat, corpus: dict[str, FaqEntry]
) -> None:
    expected = slack_rendering(corpus["salary"].answer)
    messages = chat.say(corpus["salary"].question)
    assert tail(messages, expected) == expected
    calls = chat.bot.fakes.received("/slack/api/chat.postMessage")
    assert {c.headers["authorization"] for c in calls} == {f"Bearer {SLACK_TOKEN}"}


def test_a_list_answer_shows_bullet_points(chat: SlackChat, corpus: dict[str, FaqEntry]) -> None:
    messages = chat.say("how is the software developer training structured?")
    text = "\n\n".join(m["text"] for m in messages)
    assert "\n• A 16-week intensive bootcamp" in text
    expected = slack_rendering(corpus["structure"].answers["software_developer"])
    assert tail(messages, expected) == expected


def test_buttons_are_block_kit_and_a_click_gets_the_right_answer(
    chat: SlackChat, corpus: dict[str, FaqEntry]
) -> None:
    question = chat.say("how long is it?")[-1]
    section, actions = question["blocks"]
    assert section["type"] == "section" and "Which role are you asking about?" in section["text"]["text"]
    assert section["text"]["type"] == "mrkdwn"
    titles = [e["text"]["text"] for e in actions["elements"]]
    assert titles == ["Software Developer", "DevOps Engineer", "Business Analyst",
                      "Cyber Security Technologist", "All roles"]
    devops = next(e for e in actions["elements"] if e["text"]["text"] == "DevOps Engineer")
    expected = slack_rendering(corpus["duration"].answers["devops_engineer"])
    messages = chat.replies_to(
        chat.click(devops["value"], "DevOps Engineer"), content_type="application/x-www-form-urlencoded",
    )
    assert [m["text"] for m in messages] == expected


@pytest.mark.parametrize("problem", ["bad signature", "stale timestamp", "no signature"])
def test_a_badly_signed_or_stale_request_gets_401_and_no_reply(chat: SlackChat, problem: str) -> None:
    body = chat.event("how long is the devops apprenticeship?")
    if problem == "bad signature":
        status, answer = chat.post(body, secret="not-the-secret")
    elif problem == "stale timestamp":
        status, answer = chat.post(body, timestamp=int(time.time()) - 6 * 60)
    else:
        status, answer = chat.post(body, headers={"X-Slack-Signature": ""})
    assert status == 401
    assert json.loads(answer) == {"error": "unauthorized"}  # nothing about what failed
    chat.nothing_else_happened([], [])


@pytest.mark.parametrize("retry_reason", ["http_timeout", "http_error", "connection_failed", None])
def test_the_same_event_delivered_twice_gets_one_reply(
    chat: SlackChat, corpus: dict[str, FaqEntry], retry_reason: str | None
) -> None:
    body = chat.event(corpus["salary"].question)
    expected = slack_rendering(corpus["salary"].answer)
    first = chat.replies_to(body)
    assert tail(first, expected) == expected
    retry = {"X-Slack-Retry-Num": "1", "X-Slack-Retry-Reason": retry_reason} if retry_reason else {}
    status, _ = chat.post(body, headers=retry)
    assert status == 200
    chat.nothing_else_happened(first, [corpus["salary"].question])


def test_a_retry_of_an_event_never_received_is_answered(chat: SlackChat, corpus: dict[str, FaqEntry]) -> None:
    """Rasa's connector drops every http_timeout retry, even when the first delivery never arrived."""
    expected = slack_rendering(corpus["salary"].answer)
    messages = chat.replies_to(
        chat.event(corpus["salary"].question),
        headers={"X-Slack-Retry-Num": "1", "X-Slack-Retry-Reason": "http_timeout"},
    )
    assert tail(messages, expected) == expected


def test_a_mention_and_its_message_event_get_one_reply(chat: SlackChat, corpus: dict[str, FaqEntry]) -> None:
    ts = f"{time.time():.6f}"
    text = f"<@{SLACK_BOT_USER}> {corpus['salary'].question}"
    expected = slack_rendering(corpus["salary"].answer)
    first = chat.replies_to(chat.event(text, kind="app_mention", ts=ts))
    assert tail(first, expected) == expected
    status, _ = chat.post(chat.event(text, kind="message", ts=ts))
    assert status == 200
    chat.nothing_else_happened(first, [corpus["salary"].question])


def test_the_bots_own_messages_are_ignored(chat: SlackChat) -> None:
    body = json.loads(chat.event("Thanks for your question."))
    body["event"]["bot_id"] = "B0TECHTRACK"
    status, _ = chat.post(json.dumps(body).encode())
    assert status == 200
    chat.nothing_else_happened([], [])


# --- replies that fail --------------------------------------------------------------------------------

@pytest.fixture
def opened(chat: SlackChat) -> SlackChat:
    """A conversation past its first turn (whose replies may open with a notice), so that a test's
    scripted failures meet the replies to its own question."""
    chat.say("hello")
    return chat


def test_a_rate_limited_or_failed_reply_is_sent_again_and_arrives_once(
    opened: SlackChat, corpus: dict[str, FaqEntry]
) -> None:
    chat, before = opened, len(opened.calls())
    chat.bot.fakes.script_slack(chat.channel, slack_error("ratelimited", retry_after=1), http_error(500))
    messages = chat.say(corpus["salary"].question)
    expected = slack_rendering(corpus["salary"].answer)
    assert [m["text"] for m in messages] == expected  # each part once, in order
    calls = chat.calls()[before:]
    statuses = [(c.status, c.delivered) for c in calls]
    assert statuses == [(429, False), (500, False)] + [(200, True)] * len(expected)
    assert calls[0].json() == calls[2].json()  # the same message, sent again


@pytest.mark.parametrize("error", ["invalid_auth", "channel_not_found"])
def test_a_refused_reply_is_not_sent_again_and_the_turn_is_kept(
    opened: SlackChat, corpus: dict[str, FaqEntry], error: str
) -> None:
    chat, before = opened, len(opened.calls())
    question = corpus["salary"].question
    chat.bot.fakes.script_slack(chat.channel, slack_error(error))
    assert chat.replies_to(chat.event(question)) == []
    # One try, and nothing more this turn (the rest of the answer, the apology): Slack said no.
    assert [c.answer for c in chat.calls()[before:]] == [{"ok": False, "error": error}]
    events = stored_events(chat.conversation_id)
    assert [e.text for e in events if e.type_name == "user"] == ["hello", question]
    assert sum(e.type_name == "bot" for e in events) > 1
    log = (chat.bot.config.log_dir / "rasa.log").read_text(errors="replace")
    assert f"Could not send a Slack reply: Slack answered {error}" in log
    assert question not in log
    # The next turn is answered as usual.
    assert [m["text"] for m in chat.say(question)] == slack_rendering(corpus["salary"].answer)
