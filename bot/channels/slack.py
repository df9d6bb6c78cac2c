"""Slack, through the Events API and interactivity, at /webhooks/slack/webhook.

Built on Rasa's slack connector (rasa/core/channels/slack.py: its signature check, user-message
tests, mention clean-up and button parsing), with these differences:

- the signing secret is required: with SLACK_BOT_TOKEN set and SLACK_SIGNING_SECRET not, the server
  refuses to start; a bad or stale (> 5 minutes) signature gets 401, with a body that does not say
  which (the log does, at most once a minute per reason: bot/logs.py, RateLimitedLog);
- an event is handled once, however often Slack delivers it: de-duplicated by `event_id` whatever
  the `X-Slack-Retry-Reason` (Rasa's connector only drops some reasons), and by channel + message
  timestamp, so an `app_mention` and the `message` event for the same message give one reply;
- the url_verification challenge is answered as Slack documents it ({"challenge": ...});
- replies are rendered in mrkdwn, buttons as Block Kit, long answers split (rendering.py), and go
  through the Web API at SLACK_API_URL (default https://slack.com/api/), which tests point at a fake;
- a reply that fails for a passing reason (`ratelimited` or HTTP 429, after its Retry-After; 5xx; a
  broken connection) is sent again a few times; one Slack refuses (`invalid_auth`,
  `channel_not_found`, ...) is logged and not retried; either way the turn is kept (delivery.py);
- a conversation is one person in one Slack channel: `slack:<team>:<channel>:<user>`
  (bot/channels/identity.py), so a DM (whose channel is the DM's own id) and a public channel are
  separate conversations, and no other channel can name one;
- messages go through the shared input limits (bot/channels/limits.py): too long or too many too
  fast, and the person is told so instead; bodies over the size cap get 413.

With neither SLACK_BOT_TOKEN nor SLACK_SIGNING_SECRET set, the webhook answers 503.
"""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import json
import logging
import time
from collections import OrderedDict
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass
from http import HTTPStatus
from typing import Any

import aiohttp
from rasa.core.channels.channel import InputChannel, OutputChannel, UserMessage
from rasa.core.channels.slack import SlackBot, SlackInput
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse
from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from bot.channels.common import UNAUTHORIZED_BODY, from_environment, handle_or_apologise, required_or_none
from bot.channels.delivery import Delivery, SendFailed, http_failure, retry_after_seconds
from bot.channels.identity import slack_conversation_id
from bot.channels.limits import InputLimits, LimitedBlueprint, body_too_large, guard_for
from bot.channels.rendering import message_parts, slack_blocks, slack_mrkdwn
from bot.logs import RateLimitedLog

logger = logging.getLogger(__name__)
rejections = RateLimitedLog(logger)

REQUIRED = ("SLACK_BOT_TOKEN", "SLACK_SIGNING_SECRET")
DEFAULT_API_URL = "https://slack.com/api/"
# Slack retries an event three times within about five minutes; an hour covers that comfortably.
SEEN_TTL_SECONDS = 3600
SEEN_MAX_ENTRIES = 10_000
SIGNATURE_MAX_AGE_SECONDS = 5 * 60
WEB_API_TIMEOUT_SECONDS = 10
# Slack's `ok: false` errors worth another try; every other error is Slack refusing the call.
TRANSIENT_ERRORS = frozenset({"ratelimited", "rate_limited", "internal_error", "fatal_error",
                              "service_unavailable", "request_timeout"})


@dataclass(frozen=True)
class SlackSettings:
    bot_token: str
    signing_secret: str
    api_url: str = DEFAULT_API_URL

    @classmethod
    def from_env(cls, env: Mapping[str, str]) -> SlackSettings | None:
        values = required_or_none(env, "Slack", REQUIRED)
        if values is None:
            return None
        return cls(
            bot_token=values["SLACK_BOT_TOKEN"],
            signing_secret=values["SLACK_SIGNING_SECRET"],
            api_url=env.get("SLACK_API_URL") or DEFAULT_API_URL,
        )


class SeenEvents:
    """Keys of events already handled, forgotten after `ttl` seconds, at most `max_entries`."""

    def __init__(
        self, ttl: float = SEEN_TTL_SECONDS, max_entries: int = SEEN_MAX_ENTRIES,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.ttl = ttl
        self.max_entries = max_entries
        self._clock = clock
        self._seen: OrderedDict[str, float] = OrderedDict()

    def first_time(self, *keys: str) -> bool:
        """True when none of `keys` was seen recently; all of them are remembered either way."""
        now = self._clock()
        while self._seen and next(iter(self._seen.values())) <= now - self.ttl:
            self._seen.popitem(last=False)
        new = not any(key in self._seen for key in keys)
        for key in keys:
            self._seen[key] = now
            self._seen.move_to_end(key)
        while len(self._seen) > self.max_entries:
            self._seen.popitem(last=False)
        return new


class ChannelTeams:
    """The workspace (team) each channel's events came from, at most `max_entries`, least recently
    seen forgotten first. An interaction payload names its team, but not always (org-wide apps on
    Enterprise Grid); a channel id names one channel across the organisation."""

    def __init__(self, max_entries: int = SEEN_MAX_ENTRIES) -> None:
        self.max_entries = max_entries
        self._teams: OrderedDict[str, str] = OrderedDict()

    def remember(self, channel: str | None, team: str | None) -> None:
        if channel and team:
            self._teams[channel] = team
            self._teams.move_to_end(channel)
            while len(self._teams) > self.max_entries:
                self._teams.popitem(last=False)

    def team_of(self, channel: str | None) -> str | None:
        return self._teams.get(channel) if channel else None


def slack_failure(error: SlackApiError) -> SendFailed:
    """What a failed Web API call means: HTTP 429 or `ratelimited` (with Retry-After) and 5xx are
    worth another try, Slack's refusals (`invalid_auth`, `channel_not_found`...) are not."""
    reply = error.response
    status = int(getattr(reply, "status_code", 0) or 0)
    data = getattr(reply, "data", None)
    code = str(data.get("error") or "") if isinstance(data, dict) else ""
    headers = getattr(reply, "headers", None) or {}
    retry_after = retry_after_seconds(headers.get("Retry-After") or headers.get("retry-after"))
    if code:
        transient = code in TRANSIENT_ERRORS or status == 429 or status >= 500
        return SendFailed(f"Slack answered {code} ({status})", transient, retry_after if transient else None)
    return http_failure("Slack", status, headers.get("Retry-After") or headers.get("retry-after"))


class SlackOutput(SlackBot):
    """Posts replies with chat.postMessage at the configured Web API address; failed posts are tried
    again or given up on as delivery.py says, and never raise."""

    @classmethod
    def name(cls) -> str:
        return "slack"

    def __init__(
        self, token: str, channel: str | None, thread_id: str | None, api_url: str,
        delivery: Delivery | None = None,
    ) -> None:
        super().__init__(token, channel, thread_id)
        # No retry handlers of the SDK's own: Delivery decides what is tried again, and how often.
        self.client = AsyncWebClient(
            token, base_url=api_url, timeout=WEB_API_TIMEOUT_SECONDS, retry_handlers=[]
        )
        self.delivery = delivery or Delivery("Slack")
        self.sent = 0

    async def _post_message(self, channel: str, **kwargs: Any) -> None:
        async def attempt() -> None:
            try:
                await SlackBot._post_message(self, channel, **kwargs)
            except SlackApiError as error:
                raise slack_failure(error) from None
            except (aiohttp.ClientError, asyncio.TimeoutError) as error:
                raise SendFailed(f"cannot reach Slack ({type(error).__name__})", True) from None

        if await self.delivery.send(attempt):
            self.sent += 1

    async def send_text_message(self, recipient_id: str, text: str, **kwargs: Any) -> None:
        for part in message_parts(text):
            await self._post_message(self.slack_channel or recipient_id, text=slack_mrkdwn(part))

    async def send_text_with_buttons(
        self, recipient_id: str, text: str, buttons: list[dict[str, Any]], **kwargs: Any
    ) -> None:
        parts = message_parts(text) or [""]
        for part in parts[:-1]:
            await self._post_message(self.slack_channel or recipient_id, text=slack_mrkdwn(part))
        await self._post_message(
            self.slack_channel or recipient_id, text=slack_mrkdwn(parts[-1]),
            blocks=slack_blocks(parts[-1], buttons),
        )

    async def send_quick_replies(
        self, recipient_id: str, text: str, quick_replies: list[dict[str, Any]], **kwargs: Any
    ) -> None:
        await self.send_text_with_buttons(recipient_id, text, quick_replies, **kwargs)


def signature_problem(
    headers: Mapping[str, str], body: bytes, secret: str, now: float | None = None
) -> str | None:
    """Why a request is not from Slack (for the log), or None when it is signed with `secret`, at
    most 5 minutes ago (https://api.slack.com/authentication/verifying-requests-from-slack)."""
    signature = headers.get("X-Slack-Signature") or ""
    timestamp = headers.get("X-Slack-Request-Timestamp") or ""
    if not signature:
        return "X-Slack-Signature missing"
    try:
        sent_at = int(timestamp)
    except ValueError:
        return "X-Slack-Request-Timestamp missing or not a number"
    if abs((time.time() if now is None else now) - sent_at) > SIGNATURE_MAX_AGE_SECONDS:
        return "X-Slack-Request-Timestamp more than 5 minutes away"
    expected = "v0=" + hmac.new(
        secret.encode(), f"v0:{timestamp}:".encode() + (body or b""), hashlib.sha256
    ).hexdigest()
    if not hmac.compare_digest(expected.encode(), signature.encode()):
        return "a signature that does not match"
    return None


class SlackEventsInput(SlackInput):
    """The Slack webhook: the app's Events API request URL and its interactivity request URL."""

    @classmethod
    def name(cls) -> str:
        return "slack"

    @classmethod
    def from_credentials(cls, credentials: Mapping[str, Any] | None) -> InputChannel:
        return from_environment(cls, SlackSettings, "slack", REQUIRED)

    def __init__(self, settings: SlackSettings, limits: InputLimits | None = None) -> None:
        super().__init__(slack_token=settings.bot_token, slack_signing_secret=settings.signing_secret)
        self.api_url = settings.api_url
        self.seen = SeenEvents()
        self.teams = ChannelTeams()
        self.guard = guard_for(limits)

    def get_output_channel(self, channel: str | None = None, thread_id: str | None = None) -> OutputChannel:
        return SlackOutput(self.slack_token, channel or self.slack_channel, thread_id, self.api_url)

    def _dispatch(
        self, on_new_message: Callable[[UserMessage], Awaitable[Any]], text: str, conversation: str,
        channel: str, thread_id: str | None, clean_up: Callable[[str], str] = lambda text: text,
    ) -> None:
        """Handle the message in the background (Slack wants its answer within 3 seconds), after the
        input limits: a message refused by them is answered here and never reaches Rasa."""
        output = self.get_output_channel(channel, thread_id if self.use_threads else None)
        assert isinstance(output, SlackOutput)
        admission = self.guard.admit(text, conversation)
        if admission.admitted:
            text = clean_up(admission.text or "")
            if not text:
                return
            message = UserMessage(text, output, conversation, input_channel=self.name())
            work = handle_or_apologise(on_new_message, message, lambda: output.sent > 0)
        elif admission.reply:
            work = _tell(output, conversation, admission.reply)
        else:
            return
        task = asyncio.create_task(work)
        self._background_tasks.add(task)
        task.add_done_callback(self._background_tasks.discard)

    def _event(
        self, request: Request, body: Mapping[str, Any],
        on_new_message: Callable[[UserMessage], Awaitable[Any]],
    ) -> HTTPResponse:
        if body.get("type") == "url_verification":
            return response.json({"challenge": body.get("challenge")})
        event = body.get("event") or {}
        if body.get("type") != "event_callback" or not self._is_user_message(dict(body)):
            return response.text("")
        channel = event.get("channel")
        if not (self._is_direct_message(dict(body)) or self._is_app_mention(dict(body))
                or (self.slack_channel and channel == self.slack_channel)):
            return response.text("")
        keys = [f"message:{channel}:{event.get('ts')}"]
        if body.get("event_id"):
            keys.append(f"event:{body['event_id']}")
        if not self.seen.first_time(*keys):
            logger.info(
                "Skipped a Slack event already handled (retry %s, reason %s).",
                request.headers.get("X-Slack-Retry-Num"), request.headers.get("X-Slack-Retry-Reason"),
            )
            return response.text("", headers={"X-Slack-No-Retry": "1"})
        bot_users = [str(u) for u in body.get("authed_users") or []] + [
            str(a["user_id"]) for a in body.get("authorizations") or [] if a.get("user_id")
        ]
        team = body.get("team_id") or event.get("team")
        self.teams.remember(channel, team)
        user = event.get("user")
        thread_id = event.get("thread_ts", event.get("ts"))
        if channel and user:
            self._dispatch(
                on_new_message, str(event.get("text", "")), slack_conversation_id(team, channel, user),
                channel, thread_id, lambda text: self._sanitize_user_message(text, bot_users).strip(),
            )
        return response.text("")

    def _interaction(
        self, payload: Mapping[str, Any], on_new_message: Callable[[UserMessage], Awaitable[Any]]
    ) -> HTTPResponse:
        if not self._is_interactive_message(dict(payload)):
            return response.text("")
        action = payload["actions"][0]
        text = self._get_interactive_response(action)
        sender = (payload.get("user") or {}).get("id")
        channel = (payload.get("channel") or {}).get("id")
        if text is None or not sender:
            return response.text("")  # a link button: nothing to tell the bot
        key = f"action:{payload.get('trigger_id') or action.get('action_ts')}"
        if not self.seen.first_time(key):
            return response.text("")
        if not channel:
            return response.text("")
        message = payload.get("message") or {}
        thread_id = message.get("thread_ts", message.get("ts"))
        team = ((payload.get("team") or {}).get("id") or (payload.get("user") or {}).get("team_id")
                or self.teams.team_of(channel))
        self._dispatch(on_new_message, text, slack_conversation_id(team, channel, sender), channel, thread_id)
        return response.text("")

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        blueprint = LimitedBlueprint("slack_events_webhook", __name__, limits=self.guard.limits)

        @blueprint.route("/", methods=["GET"])
        async def health(request: Request) -> HTTPResponse:
            return response.json({"status": "ok"})

        @blueprint.route("/webhook", methods=["POST"])
        async def webhook(request: Request) -> HTTPResponse:
            return self.receive(request, on_new_message)

        return blueprint

    def is_request_from_slack_authentic(self, request: Request) -> bool:
        return signature_problem(request.headers, request.body, self.slack_signing_secret) is None

    def receive(
        self, request: Request, on_new_message: Callable[[UserMessage], Awaitable[Any]]
    ) -> HTTPResponse:
        if body_too_large(request, self.guard.limits):
            return response.text("The request body is too large.", status=HTTPStatus.REQUEST_ENTITY_TOO_LARGE)
        problem = signature_problem(request.headers, request.body, self.slack_signing_secret)
        if problem is not None:
            rejections.log("Rejected a Slack request: %s.", problem)
            return response.json(UNAUTHORIZED_BODY, status=HTTPStatus.UNAUTHORIZED)
        content_type = (request.headers.get("content-type") or "").split(";")[0].strip().lower()
        try:
            if content_type == "application/json":
                body = json.loads(request.body)
                if isinstance(body, dict):
                    return self._event(request, body, on_new_message)
            elif content_type == "application/x-www-form-urlencoded":
                payload = json.loads(request.form.get("payload") or "")
                if isinstance(payload, dict):
                    return self._interaction(payload, on_new_message)
        except ValueError:
            pass
        return response.text(
            "Expected a Slack event (JSON) or an interaction (form with a payload).", status=400
        )


async def _tell(output: SlackOutput, conversation: str, text: str) -> None:
    await output.send_text_message(conversation, text)  # never raises: failures are logged
