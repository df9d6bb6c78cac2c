"""Slack against a local fake Web API: signed Events API and interactivity requests to the running
server, replies captured from chat.postMessage."""

from __future__ import annotations

import hashlib
import hmac
import json
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from typing import Any

import pytest

from bot.channels.rendering import message_parts, slack_mrkdwn
from bot.corpus import FaqEntry
from tests.helpers.channel_fakes import (
    SLACK_BOT_USER,
    SLACK_SECRET,
    SLACK_TOKEN,
    ChannelBot,
    wait_for,
)

# After the expected replies arrived, how long to watch for a duplicate.
QUIET_SECONDS = 3.0


def signature(body: bytes, timestamp: int, secret: str = SLACK_SECRET) -> str:
    base = f"v0:{timestamp}:".encode() + body
    return "v0=" + hmac.new(secret.encode(), base, hashlib.sha256).hexdigest()


class SlackChat:
    """One person writing to the bot in their own direct-message channel."""

    def __init__(self, bot: ChannelBot) -> None:
        self.bot = bot
        self.user = f"U{uuid.uuid4().hex[:8].upper()}"
        self.channel = f"D{uuid.uuid4().hex[:8].upper()}"

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
            "type": "event_callback", "team_id": "T0TEST", "api_app_id": "A0TEST",
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

    def messages(self) -> list[dict[str, Any]]:
        posted = [r.json() for r in self.bot.fakes.received("/slack/api/chat.postMessage")]
        return [m for m in posted if m.get("channel") == self.channel]

    def replies_to(self, body: bytes, expected: int, **post: Any) -> list[dict[str, Any]]:
        """Post `body` and return the new messages, after `expected` arrived and a quiet spell."""
        before = len(self.messages())
        status, _ = self.post(body, **post)
        assert status == 200
        assert wait_for(lambda: len(self.messages()) >= before + expected), self.messages()[before:]
        time.sleep(QUIET_SECONDS)
        return self.messages()[before:]

    def say(self, text: str, expected: int = 1) -> list[dict[str, Any]]:
        return self.replies_to(self.event(text), expected)


def slack_rendering(answer: str) -> list[str]:
    return [slack_mrkdwn(part) for part in message_parts(answer)]


@pytest.fixture
def chat(channel_bot: ChannelBot) -> SlackChat:
    return SlackChat(channel_bot)


def test_the_url_verification_challenge_is_answered(chat: SlackChat) -> None:
    status, body = chat.post(json.dumps({"type": "url_verification", "challenge": "c-123"}).encode())
    assert status == 200
    assert json.loads(body) == {"challenge": "c-123"}


def test_a_direct_message_gets_the_corpus_answer_in_mrkdwn(
    chat: SlackChat, corpus: dict[str, FaqEntry]
) -> None:
    expected = slack_rendering(corpus["salary"].answer)
    messages = chat.say(corpus["salary"].question, expected=len(expected))
    assert [m["text"] for m in messages] == expected
    calls = chat.bot.fakes.received("/slack/api/chat.postMessage")
    assert {c.headers["authorization"] for c in calls} == {f"Bearer {SLACK_TOKEN}"}


def test_a_list_answer_shows_bullet_points(chat: SlackChat, corpus: dict[str, FaqEntry]) -> None:
    messages = chat.say("how is the software developer training structured?", expected=2)
    text = "\n\n".join(m["text"] for m in messages)
    assert "\n• A 16-week intensive bootcamp" in text
    assert [m["text"] for m in messages] == slack_rendering(corpus["structure"].answers["software_developer"])


def test_buttons_are_block_kit_and_a_click_gets_the_right_answer(
    chat: SlackChat, corpus: dict[str, FaqEntry]
) -> None:
    [question] = chat.say("how long is it?")
    section, actions = question["blocks"]
    assert section["type"] == "section" and "Which role are you asking about?" in section["text"]["text"]
    assert section["text"]["type"] == "mrkdwn"
    titles = [e["text"]["text"] for e in actions["elements"]]
    assert titles == ["Software Developer", "DevOps Engineer", "Business Analyst",
                      "Cyber Security Technologist", "All roles"]
    devops = next(e for e in actions["elements"] if e["text"]["text"] == "DevOps Engineer")
    expected = slack_rendering(corpus["duration"].answers["devops_engineer"])
    messages = chat.replies_to(
        chat.click(devops["value"], "DevOps Engineer"), len(expected),
        content_type="application/x-www-form-urlencoded",
    )
    assert [m["text"] for m in messages] == expected


@pytest.mark.parametrize("problem", ["bad signature", "stale timestamp", "no signature"])
def test_a_badly_signed_or_stale_request_gets_401_and_no_reply(chat: SlackChat, problem: str) -> None:
    body = chat.event("how long is the devops apprenticeship?")
    if problem == "bad signature":
        status, _ = chat.post(body, secret="not-the-secret")
    elif problem == "stale timestamp":
        status, _ = chat.post(body, timestamp=int(time.time()) - 6 * 60)
    else:
        status, _ = chat.post(body, headers={"X-Slack-Signature": ""})
    assert status == 401
    time.sleep(QUIET_SECONDS)
    assert chat.messages() == []


@pytest.mark.parametrize("retry_reason", ["http_timeout", "http_error", "connection_failed", None])
def test_the_same_event_delivered_twice_gets_one_reply(
    chat: SlackChat, corpus: dict[str, FaqEntry], retry_reason: str | None
) -> None:
    body = chat.event(corpus["salary"].question)
    expected = slack_rendering(corpus["salary"].answer)
    first = chat.replies_to(body, len(expected))
    retry = {"X-Slack-Retry-Num": "1", "X-Slack-Retry-Reason": retry_reason} if retry_reason else {}
    status, _ = chat.post(body, headers=retry)
    assert status == 200
    time.sleep(QUIET_SECONDS)
    assert [m["text"] for m in first] == expected
    assert [m["text"] for m in chat.messages()] == expected


def test_a_retry_of_an_event_never_received_is_answered(chat: SlackChat, corpus: dict[str, FaqEntry]) -> None:
    """Rasa's connector drops every http_timeout retry, even when the first delivery never arrived."""
    expected = slack_rendering(corpus["salary"].answer)
    messages = chat.replies_to(
        chat.event(corpus["salary"].question), len(expected),
        headers={"X-Slack-Retry-Num": "1", "X-Slack-Retry-Reason": "http_timeout"},
    )
    assert [m["text"] for m in messages] == expected


def test_a_mention_and_its_message_event_get_one_reply(chat: SlackChat, corpus: dict[str, FaqEntry]) -> None:
    ts = f"{time.time():.6f}"
    text = f"<@{SLACK_BOT_USER}> {corpus['salary'].question}"
    expected = slack_rendering(corpus["salary"].answer)
    first = chat.replies_to(chat.event(text, kind="app_mention", ts=ts), len(expected))
    status, _ = chat.post(chat.event(text, kind="message", ts=ts))
    assert status == 200
    time.sleep(QUIET_SECONDS)
    assert [m["text"] for m in first] == expected
    assert [m["text"] for m in chat.messages()] == expected


def test_the_bots_own_messages_are_ignored(chat: SlackChat) -> None:
    body = json.loads(chat.event("Thanks for your question."))
    body["event"]["bot_id"] = "B0TECHTRACK"
    status, _ = chat.post(json.dumps(body).encode())
    assert status == 200
    time.sleep(QUIET_SECONDS)
    assert chat.messages() == []
