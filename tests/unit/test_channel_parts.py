"""The Teams and Slack channels' parts that need no server: settings from the environment, the
signing-key cache, the event de-duplication cache and how Teams activities are read."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest
from rasa.core.channels.channel import CollectingOutputChannel, UserMessage

from bot.channels.common import ChannelConfigError, NotConfigured, handle_or_apologise
from bot.channels.rest import NO_REPLY
from bot.channels.slack import SeenEvents, SlackEventsInput, SlackSettings
from bot.channels.teams import (
    KEYS_REFRESH_SECONDS,
    UNKNOWN_KEY_REFETCH_SECONDS,
    AuthError,
    KeysUnavailable,
    SigningKeys,
    TeamsInput,
    TeamsSettings,
    incoming_text,
)

ALL_ROLES = '/inform_role{"role": "all"}'
TEAMS_ENV = {"TEAMS_APP_ID": "app", "TEAMS_APP_PASSWORD": "secret", "TEAMS_TENANT_ID": "tenant-1"}


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


class FakeKeyService:
    def __init__(self) -> None:
        self.kids = ["k1"]
        self.fetches = 0
        self.down = False

    async def fetch(self, url: str) -> Any:
        if self.down:
            raise ValueError("unreachable")
        if url == "https://meta":
            return {"jwks_uri": "https://keys"}
        self.fetches += 1
        return {"keys": [{"kid": kid, "kty": "RSA"} for kid in self.kids]}


def test_teams_settings_build_the_single_tenant_token_url_and_default_the_rest() -> None:
    settings = TeamsSettings.from_env(TEAMS_ENV)
    assert settings is not None
    assert settings.token_url == "https://login.microsoftonline.com/tenant-1/oauth2/v2.0/token"
    assert settings.openid_metadata_url == "https://login.botframework.com/v1/.well-known/openidconfiguration"
    assert settings.issuer == "https://api.botframework.com"
    assert TeamsSettings.from_env({}) is None


def test_every_teams_url_can_be_overridden() -> None:
    settings = TeamsSettings.from_env({
        **TEAMS_ENV, "TEAMS_TOKEN_URL": "http://fake/token", "TEAMS_OPENID_METADATA_URL": "http://fake/openid",
        "TEAMS_ISSUER": "http://fake/issuer",
    })
    assert settings is not None
    assert (settings.token_url, settings.openid_metadata_url, settings.issuer) == (
        "http://fake/token", "http://fake/openid", "http://fake/issuer"
    )


def test_half_configured_channels_refuse_to_start_and_name_what_is_missing() -> None:
    with pytest.raises(ChannelConfigError, match="TEAMS_TENANT_ID"):
        TeamsSettings.from_env({"TEAMS_APP_ID": "app", "TEAMS_APP_PASSWORD": "secret"})
    with pytest.raises(ChannelConfigError, match="SLACK_SIGNING_SECRET"):
        SlackSettings.from_env({"SLACK_BOT_TOKEN": "xoxb-1"})


def test_unconfigured_channels_stand_aside_at_their_own_address(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in [*TEAMS_ENV, "SLACK_BOT_TOKEN", "SLACK_SIGNING_SECRET"]:
        monkeypatch.delenv(name, raising=False)
    teams, slack = TeamsInput.from_credentials(None), SlackEventsInput.from_credentials(None)
    assert isinstance(teams, NotConfigured) and teams.url_prefix() == "teams"
    assert isinstance(slack, NotConfigured) and slack.url_prefix() == "slack"


def test_configured_channels_read_their_settings_from_the_environment_only(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    for name, value in {**TEAMS_ENV, "SLACK_BOT_TOKEN": "xoxb-1", "SLACK_SIGNING_SECRET": "s"}.items():
        monkeypatch.setenv(name, value)
    teams = TeamsInput.from_credentials({"app_password": "ignored-from-the-file"})
    assert isinstance(teams, TeamsInput) and teams.settings.app_password == "secret"
    slack = SlackEventsInput.from_credentials(None)
    assert isinstance(slack, SlackEventsInput) and slack.slack_signing_secret == "s"


def test_signing_keys_are_fetched_on_first_use_and_then_cached() -> None:
    service, clock = FakeKeyService(), Clock()
    keys = SigningKeys("https://meta", service.fetch, clock)
    assert service.fetches == 0  # nothing fetched until a request needs it
    assert asyncio.run(keys.key("k1"))["kid"] == "k1"
    clock.now += 3600
    asyncio.run(keys.key("k1"))
    assert service.fetches == 1


def test_signing_keys_are_refreshed_daily_and_on_an_unknown_key_at_most_once_a_minute() -> None:
    service, clock = FakeKeyService(), Clock()
    keys = SigningKeys("https://meta", service.fetch, clock)
    asyncio.run(keys.key("k1"))
    service.kids = ["k2"]  # Microsoft rotated its keys
    with pytest.raises(AuthError):
        asyncio.run(keys.key("k2"))  # fetched a moment ago: not re-fetched yet
    clock.now += UNKNOWN_KEY_REFETCH_SECONDS + 1
    assert asyncio.run(keys.key("k2"))["kid"] == "k2"
    assert service.fetches == 2
    clock.now += KEYS_REFRESH_SECONDS + 1
    asyncio.run(keys.key("k2"))
    assert service.fetches == 3


def test_cached_keys_survive_a_failed_refresh_and_no_keys_at_all_is_unavailable() -> None:
    service, clock = FakeKeyService(), Clock()
    keys = SigningKeys("https://meta", service.fetch, clock)
    asyncio.run(keys.key("k1"))
    service.down = True
    clock.now += KEYS_REFRESH_SECONDS + 1
    assert asyncio.run(keys.key("k1"))["kid"] == "k1"
    with pytest.raises(KeysUnavailable):
        asyncio.run(SigningKeys("https://meta", service.fetch, clock).key("k1"))


def test_seen_events_remember_every_key_for_a_while() -> None:
    clock = Clock()
    seen = SeenEvents(ttl=60, max_entries=100, clock=clock)
    assert seen.first_time("event:1", "message:D1:1.0")
    assert not seen.first_time("event:1")  # a retry
    assert not seen.first_time("event:2", "message:D1:1.0")  # the same message, another event
    clock.now += 61
    assert seen.first_time("event:1")


def test_seen_events_stay_bounded() -> None:
    seen = SeenEvents(ttl=3600, max_entries=3, clock=Clock())
    for i in range(5):
        assert seen.first_time(f"event:{i}")
    assert seen.first_time("event:0")  # the oldest were forgotten
    assert not seen.first_time("event:4")


@pytest.mark.parametrize(("activity", "text"), [
    ({"text": "<at>TechTrack</at> how long is it?"}, "how long is it?"),
    ({"text": "hi <at id=\"0\">Tech Track</at>, am I eligible?"}, "hi, am I eligible?"),
    ({"text": "", "value": {"payload": ALL_ROLES}}, ALL_ROLES),
    ({"value": {"payload": "Not sure"}}, "Not sure"),
    ({"text": "<at>TechTrack</at>"}, ""),
    ({"text": "", "value": {"something": "else"}}, ""),
])
def test_teams_activities_are_read_as_what_the_person_meant(activity: dict[str, Any], text: str) -> None:
    assert incoming_text(activity) == text


def test_a_turn_that_sends_nothing_gets_the_apology_and_the_route(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TECHTRACK_HUMAN_ROUTE", "Write to the desk.")
    output = CollectingOutputChannel()

    async def fails(message: UserMessage) -> None:
        raise RuntimeError("the action server is down")

    message = UserMessage("hi", output, "someone")
    asyncio.run(handle_or_apologise(fails, message, lambda: bool(output.messages)))
    assert [m["text"] for m in output.messages] == [NO_REPLY, "Write to the desk."]


def test_a_turn_that_replied_gets_no_apology() -> None:
    output = CollectingOutputChannel()

    async def answers(message: UserMessage) -> None:
        await output.send_text_message(message.sender_id, "An answer.")

    message = UserMessage("hi", output, "someone")
    asyncio.run(handle_or_apologise(answers, message, lambda: bool(output.messages)))
    assert [m["text"] for m in output.messages] == ["An answer."]
