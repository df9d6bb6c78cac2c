"""Microsoft Teams against local fakes: activities signed with a test key that a fake OpenID/JWKS
endpoint publishes, a fake token endpoint, and a fake Bot Connector that records the replies."""

from __future__ import annotations

import json
import time
import urllib.error
import urllib.request
import uuid
from typing import Any

import pytest

from bot.channels.rendering import HERO_CARD, message_parts, teams_markdown
from bot.corpus import FaqEntry
from tests.helpers.channel_fakes import (
    CONNECTOR_TOKEN,
    TEAMS_APP_ID,
    TEAMS_PASSWORD,
    ChannelBot,
    new_private_key,
    sign_teams_token,
    wait_for,
)


class TeamsChat:
    """One person in one Teams conversation."""

    def __init__(self, bot: ChannelBot) -> None:
        self.bot = bot
        self.user = f"29:user-{uuid.uuid4().hex[:8]}"
        self.conversation = f"a:conversation-{uuid.uuid4().hex[:8]};messageid=1"

    def activity(self, text: str = "", value: Any = None, **fields: Any) -> dict[str, Any]:
        activity = {
            "type": "message", "id": uuid.uuid4().hex, "channelId": "msteams",
            "serviceUrl": self.bot.service_url, "from": {"id": self.user, "name": "Test Person"},
            "recipient": {"id": f"28:{TEAMS_APP_ID}", "name": "TechTrack"},
            "conversation": {"id": self.conversation}, "text": text, **fields,
        }
        if value is not None:
            activity["value"] = value
        return activity

    def post(self, activity: dict[str, Any], token: str | None = None) -> int:
        token = token if token is not None else sign_teams_token(self.bot.signing_key, self.bot.service_url)
        headers = {"Content-Type": "application/json"}
        if token:
            headers["Authorization"] = f"Bearer {token}"
        request = urllib.request.Request(
            self.bot.teams_webhook, data=json.dumps(activity).encode(), headers=headers
        )
        try:
            with urllib.request.urlopen(request, timeout=60) as response:
                return int(response.status)
        except urllib.error.HTTPError as error:
            return int(error.code)

    def replies(self) -> list[dict[str, Any]]:
        path = f"/teams/v3/conversations/{self.conversation}/activities"
        return [r.json() for r in self.bot.fakes.received(path)]

    def say(self, text: str = "", value: Any = None) -> list[dict[str, Any]]:
        before = len(self.replies())
        assert self.post(self.activity(text, value)) == 200
        assert wait_for(lambda: len(self.replies()) > before), "no reply recorded"
        return self.replies()[before:]


def texts(replies: list[dict[str, Any]]) -> list[str]:
    return [r["text"] for r in replies]


def teams_rendering(answer: str) -> list[str]:
    return [teams_markdown(part) for part in message_parts(answer)]


@pytest.fixture
def chat(channel_bot: ChannelBot) -> TeamsChat:
    return TeamsChat(channel_bot)


def test_the_server_started_without_fetching_anything_from_microsoft(chat: TeamsChat) -> None:
    assert chat.bot.requests_at_start == 0
    chat.say("hello")
    assert len(chat.bot.fakes.received("/openid")) == len(chat.bot.fakes.received("/keys")) == 1


def test_a_signed_question_gets_the_corpus_answer_in_teams_markdown(
    chat: TeamsChat, corpus: dict[str, FaqEntry]
) -> None:
    replies = chat.say(corpus["salary"].question)
    assert texts(replies) == teams_rendering(corpus["salary"].answer)
    for reply in replies:
        assert reply["type"] == "message"
        assert reply["textFormat"] == "markdown"
        assert reply["recipient"]["id"] == chat.user
        assert reply["conversation"]["id"] == chat.conversation


def test_replies_carry_a_client_credentials_token_from_the_tenant_endpoint(chat: TeamsChat) -> None:
    chat.say("hello")
    connector_calls = chat.bot.fakes.received("/teams/v3/conversations/")
    assert connector_calls
    assert {call.headers["authorization"] for call in connector_calls} == {f"Bearer {CONNECTOR_TOKEN}"}
    token_form = chat.bot.fakes.received("/token")[0].form()
    assert token_form == {
        "grant_type": "client_credentials", "client_id": TEAMS_APP_ID, "client_secret": TEAMS_PASSWORD,
        "scope": "https://api.botframework.com/.default",
    }


def test_buttons_are_a_hero_card_and_a_click_gets_the_right_answer(
    chat: TeamsChat, corpus: dict[str, FaqEntry]
) -> None:
    [question] = chat.say("how long is it?")
    assert "Which role are you asking about?" in question["text"]
    [card] = question["attachments"]
    assert card["contentType"] == HERO_CARD
    titles = [b["title"] for b in card["content"]["buttons"]]
    assert titles == ["Software Developer", "DevOps Engineer", "Business Analyst",
                      "Cyber Security Technologist", "All roles"]
    devops = next(b for b in card["content"]["buttons"] if b["title"] == "DevOps Engineer")
    # Teams sends a messageBack click as an activity with empty text and the button's value.
    replies = chat.say("", value=devops["value"])
    assert texts(replies) == teams_rendering(corpus["duration"].answers["devops_engineer"])


def test_an_at_mention_of_the_bot_is_stripped(chat: TeamsChat, corpus: dict[str, FaqEntry]) -> None:
    replies = chat.say(f"<at>TechTrack</at> {corpus['salary'].question}")
    assert texts(replies) == teams_rendering(corpus["salary"].answer)


def _bad_tokens(chat: TeamsChat) -> dict[str, str | None]:
    key = chat.bot.signing_key
    url = chat.bot.service_url
    return {
        "no token": "",
        "not a JWT": "not-a-token",
        "bad signature": sign_teams_token(new_private_key(), url),
        "wrong audience": sign_teams_token(key, url, aud="some-other-bot"),
        "wrong issuer": sign_teams_token(key, url, iss="https://attacker.example"),
        "expired": sign_teams_token(key, url, exp=int(time.time()) - 3600),
        "serviceUrl mismatch": sign_teams_token(key, "https://smba.trafficmanager.net/elsewhere/"),
        "unknown key": sign_teams_token(key, url, kid="not-published"),
    }


@pytest.mark.parametrize("problem", [
    "no token", "not a JWT", "bad signature", "wrong audience", "wrong issuer", "expired",
    "serviceUrl mismatch", "unknown key",
])
def test_a_request_without_a_valid_token_gets_401_and_nothing_is_processed(
    chat: TeamsChat, problem: str
) -> None:
    status = chat.post(chat.activity("how long is the devops apprenticeship?"), _bad_tokens(chat)[problem])
    assert status == 401
    time.sleep(1.0)
    assert chat.replies() == []


def test_the_conversation_did_not_see_a_rejected_message(chat: TeamsChat) -> None:
    """A rejected request must not reach the tracker: the next real turn is a fresh greeting."""
    forged = sign_teams_token(new_private_key(), chat.bot.service_url)
    assert chat.post(chat.activity("how long is it?"), forged) == 401
    [greeting] = chat.say("hello")
    assert "TechTrack" in greeting["text"]
    assert [b["title"] for b in greeting["attachments"][0]["content"]["buttons"]] == [
        "Check if I'm eligible", "Ask a question"
    ]
