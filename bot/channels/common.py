"""What the channels share: settings read from the environment, the apology for a turn that produced
no reply (none for a restart, which replies nothing on purpose), the generic bodies of refused
requests, and the stand-in for a channel nobody configured. The input limits every channel applies
are in limits.py, conversation ids and secrets in identity.py."""

from __future__ import annotations

import logging
import os
from collections.abc import Awaitable, Callable, Mapping, Sequence
from http import HTTPStatus
from typing import Any, Protocol

from rasa.core.channels.channel import InputChannel, UserMessage
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from bot.channels.limits import LimitedBlueprint, is_restart
from bot.settings import load_settings

logger = logging.getLogger(__name__)

# What a refused request is told: nothing of what failed (a missing header, a bad signature, an
# expired token...), which would help someone probing; the log says it (rate-limited, bot/logs.py).
UNAUTHORIZED_BODY = {"error": "unauthorized"}
FORBIDDEN_BODY = {"error": "forbidden"}

NO_REPLY = (
    "Sorry, I couldn't answer that just now: something went wrong on my side. Please try again in "
    "a moment."
)


class ChannelConfigError(ValueError):
    """A channel is half configured: some of its variables are set, a required one is not."""


def required_or_none(env: Mapping[str, str], channel: str, names: Sequence[str]) -> dict[str, str] | None:
    """The required variables' values; None when none is set (the channel is off); an error naming
    the missing ones when only some are set."""
    values = {name: env.get(name, "").strip() for name in names}
    missing = [name for name, value in values.items() if not value]
    if len(missing) == len(names):
        return None
    if missing:
        raise ChannelConfigError(
            f"{channel} is half configured: set {', '.join(missing)} too "
            f"(or unset {', '.join(n for n in names if n not in missing)} to turn {channel} off)"
        )
    return values


def apology() -> str:
    return f"{NO_REPLY}\n\n{load_settings().human_route}"


async def handle_or_apologise(
    on_new_message: Callable[[UserMessage], Awaitable[Any]], message: UserMessage,
    replied: Callable[[], bool],
) -> None:
    """Process the message; if the turn sent nothing (action server down, an action failed), say so
    rather than leave the person waiting. A restart (`/restart`) sends nothing on purpose: no apology.

    The message's metadata is set here, by the server (clients' metadata never gets this far): the
    channel's name, which the session start reads to decide whether to show the privacy notice."""
    message.metadata = {"channel": message.input_channel}
    try:
        await on_new_message(message)
    except Exception:
        logger.exception("A %s message could not be processed.", message.input_channel)
    if not replied() and not is_restart(message.text):
        logger.error("A %s message got no reply; sent the apology instead.", message.input_channel)
        try:
            await message.output_channel.send_text_message(message.sender_id, apology())
        except Exception:
            logger.exception("Could not send the apology on %s.", message.input_channel)


class SettingsFromEnv(Protocol):
    @classmethod
    def from_env(cls, env: Mapping[str, str]) -> Any: ...


def from_environment(
    channel_class: Callable[[Any], InputChannel], settings: type[SettingsFromEnv], channel: str,
    required: Sequence[str],
) -> InputChannel:
    """The channel built from its environment variables, or the 503 stand-in when none is set."""
    values = settings.from_env(os.environ)
    return NotConfigured(channel, required) if values is None else channel_class(values)


class NotConfigured(InputChannel):
    """Stands in for a channel whose variables are not set: its webhook answers 503 and says which
    variables to set, so `make run` works without any Teams or Slack credentials."""

    def __init__(self, channel: str, variables: Sequence[str]) -> None:
        self.channel = channel
        self.variables = tuple(variables)

    @classmethod
    def name(cls) -> str:
        return "not_configured"

    def url_prefix(self) -> str:
        return self.channel

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        blueprint = LimitedBlueprint(f"{self.channel}_not_configured", __name__)
        message = (
            f"The {self.channel} channel is not configured on this server: set "
            f"{', '.join(self.variables)} (see README.md)."
        )

        async def not_configured(request: Request) -> HTTPResponse:
            return response.text(message, status=HTTPStatus.SERVICE_UNAVAILABLE)

        blueprint.add_route(not_configured, "/", methods=["GET"], name="health")
        blueprint.add_route(not_configured, "/webhook", methods=["GET", "POST"], name="webhook")
        return blueprint
