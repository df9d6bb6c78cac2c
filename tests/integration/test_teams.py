"""Microsoft Teams against local fakes: activities signed with a test key that a fake OpenID/JWKS
endpoint publishes, a fake token endpoint that issues expiring tokens, and a fake Bot Connector that
checks them, records the replies and can be told to fail (tests/helpers/channel_fakes.py).

The Teams webhook answers once the turn is over (replies sent, tracker saved), so a test reads what
happened as soon as its request is answered; nothing here waits on a clock but the token's expiry."""

from __future__ import annotations

import json
import time
import urllib.error
import urllib.request
import uuid
from collections.abc import Iterator
from typing import Any

import pytest

from bot.channels.identity import teams_conversation_id
from bot.channels.rendering import HERO_CARD, message_parts, teams_markdown
from bot.corpus import FaqEntry
from tests.helpers.channel_fakes import (
    CONNECTOR_SCOPE,
    DROP,
    TEAMS_APP_ID,
    TEAMS_PARTNER_TENANT,
    TEAMS_PASSWORD,
    TEAMS_TENANT,
    ChannelBot,
    Recorded,
    http_error,
    new_private_key,
    sign_teams_token,
    wait_for,
)
from tests.helpers.tracker_events import processed_turns, stored_events, user_texts

GREETING_BUTTONS = ["Check if I'm eligible", "Ask a question"]


class TeamsChat:
    """One person in one Teams conversation, in a tenant."""

    def __init__(self, bot: ChannelBot, tenant: str = TEAMS_TENANT) -> None:
        self.bot = bot
        self.tenant = tenant
        self.user = f"29:user-{uuid.uuid4().hex[:8]}"
        self.conversation = f"a:conversation-{uuid.uuid4().hex[:8]};messageid=1"

    @property
    def conversation_id(self) -> str:
        return teams_conversation_id(self.tenant, self.conversation, self.user)

    def activity(self, text: str = "", value: Any = None, **fields: Any) -> dict[str, Any]:
        activity = {
            "type": "message", "id": uuid.uuid4().hex, "channelId": "msteams",
            "serviceUrl": self.bot.service_url, "from": {"id": self.user, "name": "Test Person"},
            "recipient": {"id": f"28:{TEAMS_APP_ID}", "name": "TechTrack"},
            "conversation": {"id": self.conversation, "tenantId": self.tenant},
            "channelData": {"tenant": {"id": self.tenant}}, "text": text, **fields,
        }
        if value is not None:
            activity["value"] = value
        return activity

    def send(self, activity: dict[str, Any], token: str | None = None) -> tuple[int, bytes]:
        token = token if token is not None else sign_teams_token(self.bot.signing_key, self.bot.service_url)
        headers = {"Content-Type": "application/json"}
        if token:
            headers["Authorization"] = f"Bearer {token}"
        request = urllib.request.Request(
            self.bot.teams_webhook, data=json.dumps(activity).encode(), headers=headers
        )
        try:
            with urllib.request.urlopen(request, timeout=90) as response:
                return int(response.status), response.read()
        except urllib.error.HTTPError as error:
            return int(error.code), error.read()

    def post(self, activity: dict[str, Any], token: str | None = None) -> int:
        return self.send(activity, token)[0]

    @property
    def path(self) -> str:
        return f"/teams/v3/conversations/{self.conversation}/activities"

    def calls(self) -> list[Recorded]:
        """Every post to the Bot Connector for this conversation, refused ones included."""
        return self.bot.fakes.received(self.path)

    def replies(self) -> list[dict[str, Any]]:
        """The replies the Bot Connector accepted: what the person sees."""
        return [r.json() for r in self.bot.fakes.delivered(self.path)]

    def say(self, text: str = "", value: Any = None) -> list[dict[str, Any]]:
        before = len(self.replies())
        assert self.post(self.activity(text, value)) == 200
        replies = self.replies()[before:]
        assert replies, "no reply recorded"
        return replies


def texts(replies: list[dict[str, Any]]) -> list[str]:
    return [r["text"] for r in replies]


def tail(replies: list[dict[str, Any]], expected: list[str]) -> list[str]:
    """The texts of the last len(expected) replies (a conversation's first turn may open with a
    notice); the replies before them must not repeat them."""
    said = texts(replies)
    assert not set(said[: -len(expected)]) & set(expected), said
    return said[-len(expected):]


def teams_rendering(answer: str) -> list[str]:
    return [teams_markdown(part) for part in message_parts(answer)]


@pytest.fixture
def chat(channel_bot: ChannelBot) -> Iterator[TeamsChat]:
    yield TeamsChat(channel_bot)
    channel_bot.fakes.reset()  # whatever the test told the fakes, the next test starts healthy


def rasa_log(chat: TeamsChat) -> str:
    return (chat.bot.config.log_dir / "rasa.log").read_text(errors="replace")


def test_the_server_started_without_fetching_anything_from_microsoft(chat: TeamsChat) -> None:
    assert chat.bot.requests_at_start == 0
    chat.say("hello")
    assert len(chat.bot.fakes.received("/openid")) == len(chat.bot.fakes.received("/keys")) == 1


def test_a_signed_question_gets_the_corpus_answer_in_teams_markdown(
    chat: TeamsChat, corpus: dict[str, FaqEntry]
) -> None:
    replies = chat.say(corpus["salary"].question)
    expected = teams_rendering(corpus["salary"].answer)
    assert tail(replies, expected) == expected
    for reply in replies:
        assert reply["type"] == "message"
        assert reply["textFormat"] == "markdown"
        assert reply["recipient"]["id"] == chat.user
        assert reply["conversation"]["id"] == chat.conversation


def test_replies_carry_a_client_credentials_token_from_the_tenant_endpoint(chat: TeamsChat) -> None:
    chat.say("hello")
    connector_calls = chat.calls()
    assert connector_calls and all(call.delivered for call in connector_calls)
    issued = {r.answer["access_token"] for r in chat.bot.fakes.received("/token") if r.status == 200}
    assert {call.bearer for call in connector_calls} <= issued
    token_form = chat.bot.fakes.received("/token")[0].form()
    assert token_form == {
        "grant_type": "client_credentials", "client_id": TEAMS_APP_ID, "client_secret": TEAMS_PASSWORD,
        "scope": CONNECTOR_SCOPE,
    }


def test_buttons_are_a_hero_card_and_a_click_gets_the_right_answer(
    chat: TeamsChat, corpus: dict[str, FaqEntry]
) -> None:
    question = chat.say("how long is it?")[-1]
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
    expected = teams_rendering(corpus["salary"].answer)
    assert tail(replies, expected) == expected


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
    token = _bad_tokens(chat)[problem]
    status, body = chat.send(chat.activity("how long is the devops apprenticeship?"), token)
    assert status == 401
    assert json.loads(body) == {"error": "unauthorized"}  # nothing about what failed
    # The webhook answers after the turn, so a signed message now is processed after anything the
    # rejected one could have started: the conversation holds the signed message alone.
    replies = chat.say("hello")
    assert [b["title"] for b in replies[-1]["attachments"][0]["content"]["buttons"]] == GREETING_BUTTONS
    assert chat.replies() == replies
    assert user_texts(chat.conversation_id) == ["hello"]


def test_the_conversation_did_not_see_a_rejected_message(chat: TeamsChat) -> None:
    """A rejected request must not reach the tracker: the next real turn is a fresh greeting."""
    forged = sign_teams_token(new_private_key(), chat.bot.service_url)
    assert chat.post(chat.activity("how long is it?"), forged) == 401
    greeting = chat.say("hello")[-1]
    assert "TechTrack" in greeting["text"]
    assert [b["title"] for b in greeting["attachments"][0]["content"]["buttons"]] == GREETING_BUTTONS


# --- tenants ----------------------------------------------------------------------------------------

def test_an_activity_from_a_tenant_not_allowed_gets_403_and_is_not_processed(chat: TeamsChat) -> None:
    outsider = TeamsChat(chat.bot, tenant="some-other-organisation")
    status, body = outsider.send(outsider.activity("hello"))
    assert status == 403 and json.loads(body) == {"error": "forbidden"}
    assert outsider.calls() == []
    assert stored_events(outsider.conversation_id) == []
    partner = TeamsChat(chat.bot, tenant=TEAMS_PARTNER_TENANT)  # listed in TEAMS_ALLOWED_TENANTS
    assert "TechTrack" in partner.say("hello")[-1]["text"]
    assert user_texts(partner.conversation_id) == ["hello"]


# --- replies that fail --------------------------------------------------------------------------------

@pytest.fixture
def opened(chat: TeamsChat) -> TeamsChat:
    """A conversation past its first turn (whose replies may open with a notice), so that a test's
    scripted failures meet the replies to its own question."""
    chat.say("hello")
    return chat


def test_a_reply_that_meets_429_5xx_and_a_dropped_connection_is_sent_again_and_arrives_once(
    opened: TeamsChat, corpus: dict[str, FaqEntry]
) -> None:
    chat, before = opened, len(opened.calls())
    chat.bot.fakes.script_connector(chat.conversation, http_error(429, retry_after=1), http_error(503), DROP)
    replies = chat.say(corpus["salary"].question)
    expected = teams_rendering(corpus["salary"].answer)
    assert texts(replies) == expected  # each part once, in order
    assert [call.status for call in chat.calls()[before:]] == [429, 503, 0] + [201] * len(expected)
    assert processed_turns(chat.conversation_id) == 2


def test_a_revoked_token_is_replaced_and_the_reply_arrives_once(opened: TeamsChat) -> None:
    chat, before = opened, len(opened.calls())
    chat.bot.fakes.revoke_tokens()
    replies = chat.say("hello")
    calls = chat.calls()[before:]
    assert [call.status for call in calls] == [401] + [201] * len(replies)
    assert calls[0].bearer != calls[1].bearer and not chat.bot.fakes.token_expired(calls[1].bearer)


def test_a_token_is_replaced_before_it_expires(opened: TeamsChat) -> None:
    chat, fakes = opened, opened.bot.fakes
    fakes.token_lifetime = 2
    fakes.revoke_tokens()  # so that the channel's next token is a short-lived one
    chat.say("hello")
    short_lived = chat.calls()[-1].bearer
    assert wait_for(lambda: fakes.token_expired(short_lived), timeout=10)
    before = len(chat.calls())
    chat.say("hello")
    later = chat.calls()[before:]
    assert later and all(call.status == 201 for call in later)  # renewed before it was refused
    assert short_lived not in {call.bearer for call in later}


@pytest.mark.parametrize("status", [403, 401])
def test_a_reply_refused_for_good_is_not_sent_again_and_the_turn_is_kept(
    opened: TeamsChat, corpus: dict[str, FaqEntry], status: int
) -> None:
    chat, before = opened, len(opened.calls())
    question = corpus["salary"].question
    # A 401 gets one more try with a new token; refused again, the channel gives up.
    refusals = 2 if status == 401 else 1
    chat.bot.fakes.script_connector(chat.conversation, *[http_error(status)] * refusals)
    assert chat.post(chat.activity(question)) == 200
    # Neither tried again nor the rest of the answer or the apology: they would fail the same way.
    assert [call.status for call in chat.calls()[before:]] == [status] * refusals
    # The turn was saved all the same: the question, the bot's answer, and the end of the turn.
    events = stored_events(chat.conversation_id)
    assert [e.text for e in events if e.type_name == "user"] == ["hello", question]
    assert sum(e.type_name == "bot" for e in events) > 1
    assert processed_turns(chat.conversation_id) == 2
    log = rasa_log(chat)
    assert f"Could not send a Teams reply: the Bot Connector answered {status}" in log
    assert question not in log  # the failure is logged, never the message
    # The conversation carries on when the Bot Connector accepts replies again.
    assert texts(chat.say(question)) == teams_rendering(corpus["salary"].answer)


def test_a_rotated_secret_fails_the_replies_and_the_turn_is_kept(opened: TeamsChat) -> None:
    chat, fakes, before = opened, opened.bot.fakes, len(opened.calls())
    fakes.teams_secret = "a-secret-rotated-in-azure"  # TEAMS_APP_PASSWORD is now wrong
    fakes.revoke_tokens()
    tokens_before = len(fakes.received("/token"))
    assert chat.post(chat.activity("how long is it?")) == 200
    assert [call.status for call in chat.calls()[before:]] == [401]
    assert [r.status for r in fakes.received("/token")[tokens_before:]] == [401]
    assert user_texts(chat.conversation_id) == ["hello", "how long is it?"]
    assert processed_turns(chat.conversation_id) == 2
    assert "Could not send a Teams reply: the token endpoint answered 401" in rasa_log(chat)
