"""Microsoft Teams, through the Azure Bot Service (Bot Framework), at /webhooks/teams/webhook.

Built on the ideas of Rasa's botframework connector (rasa/core/channels/botframework.py), fixed for
today's Azure bots:

- replies are authorised with a token from the *single-tenant* endpoint of the bot's own tenant
  (client credentials), cached until shortly before it expires;
- Microsoft's signing keys are fetched on the first request, not in the constructor (so the server
  starts offline), cached, refreshed daily and re-fetched when a token names an unknown key (at most
  once a minute). One fetch serves every request waiting for it (single flight), and after a failed
  fetch the next waits 5 s, then twice as long each time up to 5 minutes, instead of one per request;
- every incoming token is checked for its RS256 signature, audience (the app id), issuer, expiry
  (with a small leeway), and that its `serviceurl` claim matches the activity's serviceUrl (replies
  go to that URL with our token, so it must be one Microsoft vouched for); otherwise 401 with a body
  that does not say what failed, and nothing is processed. What failed is logged, once a minute per
  reason at most (bot/logs.py, RateLimitedLog);
- only activities from the tenants in TEAMS_ALLOWED_TENANTS (default: the bot's own, TEAMS_TENANT_ID;
  `*` for any) are processed; others get 403;
- replies that fail for a passing reason (429, 5xx, a broken connection) are sent again a few times,
  and a reply that cannot be sent never loses the turn (bot/channels/delivery.py); a 401 from the
  Bot Connector gets one more try with a new token;
- button clicks (empty text and a `value`) are understood, `<at>…</at>` mentions stripped, and
  replies rendered as markdown with buttons on a Hero Card (bot/channels/rendering.py);
- a conversation is one person in one Teams conversation: `teams:<tenant>:<conversation id>:<user>`
  (bot/channels/identity.py), so a personal chat and a channel are separate, and no other channel
  can name one;
- messages go through the shared input limits (bot/channels/limits.py): too long or too many too
  fast, and the person is told so instead; bodies over the size cap get 413.

Configured from the environment only: TEAMS_APP_ID, TEAMS_APP_PASSWORD and TEAMS_TENANT_ID (and
TEAMS_ALLOWED_TENANTS); every URL can be overridden (TEAMS_OPENID_METADATA_URL, TEAMS_TOKEN_URL,
TEAMS_ISSUER), which is how the tests point them at local fakes. With none of the three set, the
webhook answers 503.
"""

from __future__ import annotations

import asyncio
import json
import logging
import re
import time
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass
from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import aiohttp
import jwt
from jwt.algorithms import RSAAlgorithm
from rasa.core.channels.channel import InputChannel, OutputChannel, UserMessage
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse
from yarl import URL

from bot.channels.common import (
    FORBIDDEN_BODY,
    UNAUTHORIZED_BODY,
    from_environment,
    handle_or_apologise,
    required_or_none,
)
from bot.channels.delivery import Delivery, SendFailed, http_failure
from bot.channels.identity import teams_conversation_id
from bot.channels.limits import InputLimits, LimitedBlueprint, body_too_large, clean_text, guard_for
from bot.channels.rendering import message_parts, teams_hero_card, teams_markdown
from bot.logs import RateLimitedLog

logger = logging.getLogger(__name__)
rejections = RateLimitedLog(logger)

REQUIRED = ("TEAMS_APP_ID", "TEAMS_APP_PASSWORD", "TEAMS_TENANT_ID")
DEFAULT_OPENID_METADATA_URL = "https://login.botframework.com/v1/.well-known/openidconfiguration"
DEFAULT_ISSUER = "https://api.botframework.com"
TOKEN_URL_TEMPLATE = "https://login.microsoftonline.com/{tenant}/oauth2/v2.0/token"
CONNECTOR_SCOPE = "https://api.botframework.com/.default"
KEYS_REFRESH_SECONDS = 24 * 3600
# A token naming an unknown key triggers a re-fetch at most this often, so forged tokens cannot make
# us hammer Microsoft's endpoint.
UNKNOWN_KEY_REFETCH_SECONDS = 60
# After a failed fetch of the keys, the next is tried this long after, doubling up to the maximum.
KEYS_RETRY_FIRST_SECONDS = 5.0
KEYS_RETRY_MAX_SECONDS = 300.0
# A token for replies is used until this long before it expires (or half its lifetime, if shorter).
TOKEN_EXPIRY_MARGIN_SECONDS = 60.0
LEEWAY_SECONDS = 300
HTTP_TIMEOUT = aiohttp.ClientTimeout(total=15)

_BEARER = re.compile(r"Bearer\s+(\S+)")
_SPACE_BEFORE_PUNCTUATION = re.compile(r" ([,.;:!?])")
# ASCII letters only, so that lowering keeps every index (str.lower can lengthen some letters).
_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


@dataclass(frozen=True)
class TeamsSettings:
    app_id: str
    app_password: str
    tenant_id: str
    openid_metadata_url: str = DEFAULT_OPENID_METADATA_URL
    token_url: str = ""
    issuer: str = DEFAULT_ISSUER
    # Lower-case tenant ids; empty: the bot's own tenant only; None: any (TEAMS_ALLOWED_TENANTS=*).
    allowed_tenants: frozenset[str] | None = frozenset()

    @classmethod
    def from_env(cls, env: Mapping[str, str]) -> TeamsSettings | None:
        values = required_or_none(env, "Teams", REQUIRED)
        if values is None:
            return None
        tenant = values["TEAMS_TENANT_ID"]
        return cls(
            app_id=values["TEAMS_APP_ID"],
            app_password=values["TEAMS_APP_PASSWORD"],
            tenant_id=tenant,
            openid_metadata_url=env.get("TEAMS_OPENID_METADATA_URL") or DEFAULT_OPENID_METADATA_URL,
            token_url=env.get("TEAMS_TOKEN_URL") or TOKEN_URL_TEMPLATE.format(tenant=quote(tenant)),
            issuer=env.get("TEAMS_ISSUER") or DEFAULT_ISSUER,
            allowed_tenants=allowed_tenants(env.get("TEAMS_ALLOWED_TENANTS", "")),
        )

    def tenant_allowed(self, tenant: str) -> bool:
        if self.allowed_tenants is None:
            return True
        return tenant.strip().lower() in (self.allowed_tenants or {self.tenant_id.strip().lower()})


def allowed_tenants(raw: str) -> frozenset[str] | None:
    """TEAMS_ALLOWED_TENANTS: tenant ids separated by commas or spaces (compared without case), `*` for
    any tenant; unset or empty (the default), the bot's own tenant only."""
    names = [name.strip().lower() for name in raw.replace(",", " ").split()]
    return None if "*" in names else frozenset(names)


class AuthError(Exception):
    """The request is not from the Bot Framework for this bot: answered with 401."""


class KeysUnavailable(Exception):
    """Microsoft's signing keys could not be fetched, so no token can be checked: answered with 503."""


async def _get_json(url: str) -> Any:
    async with aiohttp.ClientSession(timeout=HTTP_TIMEOUT) as session, session.get(url) as reply:
        reply.raise_for_status()
        return await reply.json(content_type=None)


class SigningKeys:
    """The Bot Framework's token-signing keys (JWKs by key id), fetched lazily and cached.

    Requests that need a fetch at the same time share one: the first fetches while the others wait
    for it, then find the keys fresh. A failed fetch is not tried again before its back-off has
    passed (KEYS_RETRY_FIRST_SECONDS, doubling up to KEYS_RETRY_MAX_SECONDS); meanwhile the cached
    keys are used, or, with none, every request gets 503 at once."""

    def __init__(
        self, metadata_url: str, fetch_json: Callable[[str], Awaitable[Any]] = _get_json,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.metadata_url = metadata_url
        self._fetch_json = fetch_json
        self._clock = clock
        self._keys: dict[str, dict[str, Any]] = {}
        self._fetched_at: float | None = None
        self._failures = 0
        self._retry_at: float | None = None
        self._lock = asyncio.Lock()

    async def key(self, kid: str) -> dict[str, Any]:
        if self._needs_fetch(kid):
            async with self._lock:
                if self._needs_fetch(kid):  # not if another request fetched while this one waited
                    await self._fetch()
        if kid in self._keys:
            return self._keys[kid]
        if not self._keys:
            raise KeysUnavailable(f"the signing keys could not be fetched from {self.metadata_url}")
        raise AuthError("the token is signed with a key the Bot Framework does not publish")

    def _needs_fetch(self, kid: str) -> bool:
        now = self._clock()
        if self._retry_at is not None and now < self._retry_at:
            return False
        if self._fetched_at is None:
            return True
        age = now - self._fetched_at
        return age > KEYS_REFRESH_SECONDS or (kid not in self._keys and age > UNKNOWN_KEY_REFETCH_SECONDS)

    async def _fetch(self) -> None:
        try:
            metadata = await self._fetch_json(self.metadata_url)
            jwks = await self._fetch_json(metadata["jwks_uri"])
            keys = {key["kid"]: key for key in jwks["keys"] if "kid" in key}
        except (aiohttp.ClientError, asyncio.TimeoutError, KeyError, TypeError, ValueError) as exc:
            self._failures += 1
            wait = min(KEYS_RETRY_FIRST_SECONDS * 2 ** (self._failures - 1), KEYS_RETRY_MAX_SECONDS)
            self._retry_at = self._clock() + wait
            logger.log(
                logging.WARNING if self._keys else logging.ERROR,
                "Could not fetch the Bot Framework signing keys (%s); %s; the next try in %.0f s.",
                type(exc).__name__, "using the cached ones" if self._keys else "Teams requests get 503",
                wait,
            )
            return
        self._keys = keys
        self._fetched_at = self._clock()
        self._failures = 0
        self._retry_at = None


class TokenValidator:
    def __init__(self, settings: TeamsSettings, keys: SigningKeys) -> None:
        self.settings = settings
        self.keys = keys

    async def check(self, authorization: str | None, activity: Mapping[str, Any]) -> dict[str, Any]:
        """The token's claims, or AuthError saying what is wrong with it."""
        match = _BEARER.fullmatch((authorization or "").strip())
        if not match:
            raise AuthError("the Authorization header holds no Bearer token")
        token = match[1]
        try:
            header = jwt.get_unverified_header(token)
        except jwt.PyJWTError as exc:
            raise AuthError("the token is malformed") from exc
        if header.get("alg") != "RS256" or not header.get("kid"):
            raise AuthError("the token is not an RS256 token with a key id")
        jwk = await self.keys.key(str(header["kid"]))
        try:
            claims: dict[str, Any] = jwt.decode(
                token, key=RSAAlgorithm.from_jwk(json.dumps(jwk)), algorithms=["RS256"],
                audience=self.settings.app_id, issuer=self.settings.issuer, leeway=LEEWAY_SECONDS,
                options={"require": ["exp", "iss", "aud"]},
            )
        except jwt.ExpiredSignatureError as exc:
            raise AuthError("the token has expired") from exc
        except jwt.InvalidAudienceError as exc:
            raise AuthError("the token is for another bot (audience)") from exc
        except jwt.InvalidIssuerError as exc:
            raise AuthError("the token is from another issuer") from exc
        except jwt.PyJWTError as exc:
            raise AuthError(f"the token is invalid ({type(exc).__name__})") from exc
        endorsements = jwk.get("endorsements")
        if isinstance(endorsements, list) and activity.get("channelId") not in endorsements:
            raise AuthError("the signing key is not endorsed for this channel")
        claimed = claims.get("serviceurl") or claims.get("serviceUrl")
        if not claimed or not _same_url(str(claimed), str(activity.get("serviceUrl", ""))):
            raise AuthError("the activity's serviceUrl does not match the token")
        return claims


def _same_url(first: str, second: str) -> bool:
    return first.rstrip("/").lower() == second.rstrip("/").lower()


class BotConnector:
    """Posts activities to the Bot Connector with a client-credentials token from the tenant's
    token endpoint, reused until a minute before it expires (half its lifetime, if that is shorter).
    Failures are raised as SendFailed, saying whether another try may help (delivery.py)."""

    def __init__(self, settings: TeamsSettings, clock: Callable[[], float] = time.monotonic) -> None:
        self.settings = settings
        self._clock = clock
        self._token: str | None = None
        self._expires_at = 0.0
        self._lock = asyncio.Lock()

    async def token(self, refused: str | None = None) -> str:
        """The current token; a new one when it has expired or is `refused` (the Bot Connector said
        401 to it). Concurrent callers share one fetch."""
        async with self._lock:
            if self._token is None or self._token == refused or self._clock() >= self._expires_at:
                self._token, self._expires_at = await self._new_token()
            return self._token

    async def _new_token(self) -> tuple[str, float]:
        form = {
            "grant_type": "client_credentials",
            "client_id": self.settings.app_id,
            "client_secret": self.settings.app_password,
            "scope": CONNECTOR_SCOPE,
        }
        try:
            async with aiohttp.ClientSession(timeout=HTTP_TIMEOUT) as session, session.post(
                self.settings.token_url, data=form
            ) as reply:
                if reply.status != HTTPStatus.OK:
                    # 400 or 401 (invalid_client): a wrong or expired TEAMS_APP_PASSWORD.
                    raise http_failure("the token endpoint", reply.status, reply.headers.get("Retry-After"))
                body = await reply.json(content_type=None)
        except (aiohttp.ClientError, asyncio.TimeoutError) as error:
            raise SendFailed(f"cannot reach the token endpoint ({type(error).__name__})", True) from None
        try:
            token, lifetime = str(body["access_token"]), float(body.get("expires_in", 3600))
        except (KeyError, TypeError, ValueError):
            raise SendFailed("the token endpoint answered without a token", False) from None
        margin = min(TOKEN_EXPIRY_MARGIN_SECONDS, lifetime / 2)
        return token, self._clock() + max(0.0, lifetime - margin)

    async def send(self, service_url: str, conversation_id: str, activity: dict[str, Any]) -> None:
        # Percent-encoded as the Bot Framework SDKs do (ids contain ':', ';', '@'); encoded=True stops
        # aiohttp from normalising it back.
        url = URL(
            f"{service_url.rstrip('/')}/v3/conversations/{quote(conversation_id, safe='')}/activities",
            encoded=True,
        )
        token = await self.token()
        status, retry_after = await self._post(url, activity, token)
        if status == HTTPStatus.UNAUTHORIZED:  # revoked or expired early: one more try, a new token
            status, retry_after = await self._post(url, activity, await self.token(refused=token))
        if status >= 300:
            raise http_failure("the Bot Connector", status, retry_after)

    async def _post(self, url: URL, activity: dict[str, Any], token: str) -> tuple[int, str | None]:
        try:
            async with aiohttp.ClientSession(timeout=HTTP_TIMEOUT) as session, session.post(
                url, json=activity, headers={"Authorization": f"Bearer {token}"}
            ) as reply:
                return reply.status, reply.headers.get("Retry-After")
        except (aiohttp.ClientError, asyncio.TimeoutError) as error:
            raise SendFailed(f"cannot reach the Bot Connector ({type(error).__name__})", True) from None


class TeamsOutput(OutputChannel):
    """Replies to one incoming activity, in its conversation."""

    @classmethod
    def name(cls) -> str:
        return "teams"

    def __init__(
        self, connector: BotConnector, activity: Mapping[str, Any], delivery: Delivery | None = None
    ) -> None:
        self.connector = connector
        self.activity = activity
        self.delivery = delivery or Delivery("Teams")
        self.sent = 0

    def _reply(self, **fields: Any) -> dict[str, Any]:
        reply = {
            "type": "message",
            "from": self.activity.get("recipient"),
            "recipient": self.activity.get("from"),
            "conversation": self.activity.get("conversation"),
            **fields,
        }
        if self.activity.get("id"):
            reply["replyToId"] = self.activity["id"]
        return reply

    async def _post(self, reply: dict[str, Any]) -> None:
        service_url, conversation = str(self.activity["serviceUrl"]), str(self.activity["conversation"]["id"])
        if await self.delivery.send(lambda: self.connector.send(service_url, conversation, reply)):
            self.sent += 1

    async def send_text_message(self, recipient_id: str, text: str, **kwargs: Any) -> None:
        for part in message_parts(text):
            await self._post(self._reply(textFormat="markdown", text=teams_markdown(part)))

    async def send_text_with_buttons(
        self, recipient_id: str, text: str, buttons: list[dict[str, Any]], **kwargs: Any
    ) -> None:
        parts = message_parts(text) or [""]
        for part in parts[:-1]:
            await self._post(self._reply(textFormat="markdown", text=teams_markdown(part)))
        await self._post(self._reply(
            textFormat="markdown", text=teams_markdown(parts[-1]), attachments=[teams_hero_card(buttons)]
        ))

    async def send_quick_replies(
        self, recipient_id: str, text: str, quick_replies: list[dict[str, Any]], **kwargs: Any
    ) -> None:
        await self.send_text_with_buttons(recipient_id, text, quick_replies, **kwargs)

    async def send_image_url(self, recipient_id: str, image: str, **kwargs: Any) -> None:
        card = {"contentType": "application/vnd.microsoft.card.hero", "content": {"images": [{"url": image}]}}
        await self._post(self._reply(attachments=[card]))

    async def send_custom_json(self, recipient_id: str, json_message: dict[str, Any], **kwargs: Any) -> None:
        await self._post({**self._reply(), **json_message})


def without_mentions(text: str) -> str:
    """The text with every `<at ...>...</at>` (any case) replaced by a space, in linear time (the
    regular expression `<at\\b[^>]*>.*?</at>` is quadratic on many unclosed `<at>`)."""
    lower = text.translate(_ASCII_LOWER)
    pieces: list[str] = []
    done = search = 0
    while True:
        start = lower.find("<at", search)
        if start < 0:
            break
        after = lower[start + 3: start + 4]
        if after and (after.isalnum() or after == "_"):  # `<atx`: not the tag (regex \b)
            search = start + 3
            continue
        opened = lower.find(">", start + 3)
        if opened < 0:
            break  # no later `<at` can be closed either
        closed = lower.find("</at>", opened + 1)
        if closed < 0:
            break
        pieces += [text[done:start], " "]
        done = search = closed + len("</at>")
    pieces.append(text[done:])
    return "".join(pieces)


def incoming_text(activity: Mapping[str, Any]) -> str:
    """What the person said: the text without `<at>` mentions of the bot, or, for a button click
    (empty text), the button's payload."""
    text = " ".join(without_mentions(str(activity.get("text") or "")).split())
    text = _SPACE_BEFORE_PUNCTUATION.sub(r"\1", text)
    if text:
        return text
    value = activity.get("value")
    if isinstance(value, Mapping) and isinstance(value.get("payload"), str):
        return str(value["payload"]).strip()
    return ""


def activity_tenant(activity: Mapping[str, Any], default_tenant: str) -> str:
    """The tenant an activity comes from (`channelData.tenant.id`, else `conversation.tenantId`); one
    that names none (Azure's Test in Web Chat) counts as the bot's own."""
    channel_data = activity.get("channelData")
    tenant = (channel_data.get("tenant") or {}).get("id") if isinstance(channel_data, Mapping) else None
    conversation = activity.get("conversation")
    if not tenant and isinstance(conversation, Mapping):
        tenant = conversation.get("tenantId")
    return str(tenant or default_tenant)


def activity_conversation_id(activity: Mapping[str, Any], default_tenant: str) -> str:
    """`teams:<tenant>:<conversation id>:<user>` for an activity (with a sender and a conversation)."""
    conversation = activity.get("conversation") or {}
    user = (activity.get("from") or {}).get("id")
    return teams_conversation_id(
        activity_tenant(activity, default_tenant), str(conversation.get("id")), str(user)
    )


def typed_text(activity: Mapping[str, Any]) -> str:
    """What arrived, before mentions are taken out: the text, or a button click's payload."""
    text = activity.get("text")
    if isinstance(text, str) and text:
        return text
    value = activity.get("value")
    payload = value.get("payload") if isinstance(value, Mapping) else None
    return payload if isinstance(payload, str) else ""


class TeamsInput(InputChannel):
    """The Teams webhook: /webhooks/teams/webhook (the Azure Bot's messaging endpoint)."""

    @classmethod
    def name(cls) -> str:
        return "teams"

    @classmethod
    def from_credentials(cls, credentials: Mapping[str, Any] | None) -> InputChannel:
        return from_environment(cls, TeamsSettings, "teams", REQUIRED)

    def __init__(self, settings: TeamsSettings, limits: InputLimits | None = None) -> None:
        self.settings = settings
        self.validator = TokenValidator(settings, SigningKeys(settings.openid_metadata_url))
        self.connector = BotConnector(settings)
        self.guard = guard_for(limits)

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        blueprint = LimitedBlueprint("teams_webhook", __name__, limits=self.guard.limits)

        @blueprint.route("/", methods=["GET"])
        async def health(request: Request) -> HTTPResponse:
            return response.json({"status": "ok"})

        @blueprint.route("/webhook", methods=["POST"])
        async def webhook(request: Request) -> HTTPResponse:
            return await self.receive(request, on_new_message)

        return blueprint

    async def receive(
        self, request: Request, on_new_message: Callable[[UserMessage], Awaitable[Any]]
    ) -> HTTPResponse:
        if body_too_large(request, self.guard.limits):
            return response.text("The request body is too large.", status=HTTPStatus.REQUEST_ENTITY_TOO_LARGE)
        try:
            activity = json.loads(request.body or b"")
        except (ValueError, RecursionError):
            activity = None
        if not isinstance(activity, dict):
            return response.text("The body must be a Bot Framework activity (JSON).", status=400)
        try:
            await self.validator.check(request.headers.get("Authorization"), activity)
        except AuthError as exc:
            # The body says nothing of what failed; the log does, at most once a minute per reason.
            rejections.log("Rejected a Teams request: %s.", str(exc))
            return response.json(UNAUTHORIZED_BODY, status=HTTPStatus.UNAUTHORIZED)
        except KeysUnavailable as exc:
            rejections.log("Cannot check Teams requests: %s.", str(exc))
            return response.text(
                "Cannot check the request's token just now.", status=HTTPStatus.SERVICE_UNAVAILABLE
            )
        if not self.settings.tenant_allowed(activity_tenant(activity, self.settings.tenant_id)):
            rejections.log("Rejected a Teams request: %s.", "its tenant is not in TEAMS_ALLOWED_TENANTS")
            return response.json(FORBIDDEN_BODY, status=HTTPStatus.FORBIDDEN)
        if activity.get("type") != "message":
            return response.text("")
        sender = (activity.get("from") or {}).get("id")
        conversation = (activity.get("conversation") or {}).get("id")
        if not sender or not conversation or not activity.get("serviceUrl"):
            return response.text("The activity has no sender or conversation.", status=400)
        conversation_id = activity_conversation_id(activity, self.settings.tenant_id)
        output = TeamsOutput(self.connector, activity)
        admission = self.guard.admit(typed_text(activity), conversation_id)
        if not admission.admitted:
            if admission.reply:
                await output.send_text_message(conversation_id, admission.reply)  # never raises
            return response.text("")
        text = clean_text(incoming_text(activity))
        if not text:
            return response.text("")
        message = UserMessage(text, output, sender_id=conversation_id, input_channel=self.name())
        await handle_or_apologise(on_new_message, message, lambda: output.sent > 0)
        return response.text("")
