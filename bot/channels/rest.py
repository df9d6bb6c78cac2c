"""The REST channel (/webhooks/rest/webhook): Rasa's REST input, checked at the door, never leaving a
message unanswered.

Request: `POST {"sender": "<id>", "message": "<text>"}`; the answer is Rasa's list of bot messages.
What differs from Rasa's RestInput:

- a malformed request gets 400 saying what is wrong (empty body, invalid JSON, `message` missing or
  not a string, `sender` not a string, too long or unprintable); a body over the size cap gets 413;
- a request without a sender gets a random one (not Rasa's shared "default"); the reply's
  `recipient_id` says which, so a client can continue that conversation; a sender that starts with
  another channel's namespace is kept apart from that channel (bot/channels/identity.py);
- with TECHTRACK_REST_TOKEN set, a request must carry `Authorization: Bearer <token>` (401 without,
  with a body that does not say what was wrong; the log line is rate-limited); in production the
  channel is off (503) unless the token is set;
- the message goes through the shared input limits (bot/channels/limits.py): too long, or too many
  too fast (429 with Retry-After), and it never reaches Rasa; client `metadata`, `input_channel`
  and `?stream=` are ignored;
- when a turn produces no reply (the action server is down, an action failed), the person is told
  so, with the route to a person; `/restart` restarts quietly.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Awaitable, Callable, Mapping
from http import HTTPStatus
from typing import Any

from rasa.core.channels.channel import CollectingOutputChannel, InputChannel, UserMessage
from rasa.core.channels.rest import RestInput
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from bot.channels.common import NO_REPLY, UNAUTHORIZED_BODY, NotConfigured, handle_or_apologise
from bot.channels.identity import (
    MAX_SENDER_CHARS,
    bearer_matches,
    is_development,
    random_rest_sender,
    rest_conversation_id,
    rest_token,
)
from bot.channels.limits import (
    RATE_LIMITED,
    InputLimits,
    LimitedBlueprint,
    body_too_large,
    client_address,
    guard_for,
)
from bot.logs import RateLimitedLog

logger = logging.getLogger(__name__)
rejections = RateLimitedLog(logger)

__all__ = ["NO_REPLY", "BadRequest", "ReliableRestInput", "parse_message_request"]
EXAMPLE_BODY = '{"sender": "<your conversation id>", "message": "<what the person said>"}'


class BadRequest(Exception):
    """The request cannot be read as a message: answered 400 with this explanation."""


def _kind(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "an object"
    return type(value).__name__


def parse_message_request(body: bytes) -> tuple[str | None, str]:
    """(sender or None, message) from a REST request body, or BadRequest saying what is wrong."""
    if not body or not body.strip():
        raise BadRequest(f"The request body is empty: send JSON like {EXAMPLE_BODY}.")
    try:
        payload = json.loads(body)
    except (ValueError, RecursionError):
        raise BadRequest(f"The request body is not valid JSON: send JSON like {EXAMPLE_BODY}.") from None
    if not isinstance(payload, dict):
        raise BadRequest(f"The request body must be a JSON object like {EXAMPLE_BODY}, not {_kind(payload)}.")
    if "message" not in payload:
        raise BadRequest(f'"message" is missing: send JSON like {EXAMPLE_BODY}.')
    message = payload["message"]
    if not isinstance(message, str):
        raise BadRequest(f'"message" must be a string, not {_kind(message)}.')
    sender = payload.get("sender")
    if sender is None or sender == "":
        return None, message
    if not isinstance(sender, str):
        raise BadRequest(f'"sender" must be a string, not {_kind(sender)}.')
    if len(sender) > MAX_SENDER_CHARS:
        raise BadRequest(f'"sender" must be at most {MAX_SENDER_CHARS} characters long.')
    if not sender.isprintable() or not sender.strip():
        raise BadRequest('"sender" must be printable text (no control characters or invalid Unicode).')
    return sender, message


def _messages(recipient_id: str, text: str) -> list[dict[str, Any]]:
    return [{"recipient_id": recipient_id, "text": text}]


class ReliableRestInput(RestInput):
    """Rasa's REST channel, at the same address, checked at the door and never leaving a message
    without a reply."""

    @classmethod
    def name(cls) -> str:
        return "rest"

    @classmethod
    def from_credentials(cls, credentials: Mapping[str, Any] | None) -> InputChannel:
        token = rest_token()
        if token is None and not is_development():
            logger.warning("The REST channel is off: outside development it needs TECHTRACK_REST_TOKEN.")
            return NotConfigured("rest", ["TECHTRACK_REST_TOKEN (required outside development)"])
        return cls(token=token)

    def __init__(self, token: str | None = None, limits: InputLimits | None = None) -> None:
        self.token = token
        self.guard = guard_for(limits)

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        limits = self.guard.limits
        blueprint = LimitedBlueprint(f"custom_webhook_{type(self).__name__}", __name__, limits=limits)

        async def health(request: Request) -> HTTPResponse:
            return response.json({"status": "ok"})

        async def receive(request: Request) -> HTTPResponse:
            return await self._receive(request, on_new_message)

        blueprint.add_route(health, "/", methods=["GET"], name="health")
        blueprint.add_route(receive, "/webhook", methods=["POST"], name="receive")
        return blueprint

    async def _receive(
        self, request: Request, on_new_message: Callable[[UserMessage], Awaitable[Any]]
    ) -> HTTPResponse:
        limits = self.guard.limits
        if body_too_large(request, limits):
            return response.text(
                f"The request body is larger than {limits.max_request_bytes} bytes.",
                status=HTTPStatus.REQUEST_ENTITY_TOO_LARGE,
            )
        if self.token is not None and not bearer_matches(request.headers.get("authorization"), self.token):
            given = "wrong" if request.headers.get("authorization") else "missing"
            rejections.log("Rejected a REST request: %s.", f"bearer token {given}")
            return response.json(
                UNAUTHORIZED_BODY, status=HTTPStatus.UNAUTHORIZED, headers={"WWW-Authenticate": "Bearer"}
            )
        address = client_address(request.headers, request.ip, limits)
        allowed, _ = self.guard.address_allowed(address)
        if not allowed:
            return self._rate_limited("")
        try:
            sender, text = parse_message_request(request.body)
        except BadRequest as exc:
            return response.text(str(exc), status=HTTPStatus.BAD_REQUEST)
        conversation = rest_conversation_id(sender) if sender is not None else random_rest_sender()
        admission = self.guard.admit(text, conversation)
        if admission.reason == "rate_limited":
            return self._rate_limited(conversation)
        if not admission.admitted:
            return response.json(_messages(conversation, admission.reply or ""))
        collector = CollectingOutputChannel()
        message = UserMessage(admission.text, collector, conversation, input_channel=self.name())
        await handle_or_apologise(on_new_message, message, lambda: bool(collector.messages))
        return response.json(collector.messages)

    def _rate_limited(self, conversation: str) -> HTTPResponse:
        rate = self.guard.limits.conversation_rate or self.guard.limits.address_rate
        retry_after = max(1, round(rate.seconds / rate.count)) if rate else 1
        return response.json(
            _messages(conversation, RATE_LIMITED), status=HTTPStatus.TOO_MANY_REQUESTS,
            headers={"Retry-After": str(retry_after)},
        )

