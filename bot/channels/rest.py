"""The REST channel (/webhooks/rest/webhook): Rasa's REST input, never leaving a message unanswered."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable

from rasa.core.channels.channel import CollectingOutputChannel, UserMessage
from rasa.core.channels.rest import RestInput
from sanic import Blueprint

from bot.settings import load_settings

logger = logging.getLogger(__name__)

NO_REPLY = (
    "Sorry, I couldn't answer that just now: something went wrong on my side. Please try again in "
    "a moment."
)


class ReliableRestInput(RestInput):
    """Rasa's REST channel, at the same address, that never leaves a message without a reply.

    When a turn produces nothing (the action server is down, or an action failed), Rasa only logs
    the error; the person would see nothing. This says so instead, with the route to a person.
    """

    @classmethod
    def name(cls) -> str:
        return "rest"

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[None]]) -> Blueprint:
        async def answer_something(message: UserMessage) -> None:
            try:
                await on_new_message(message)
            finally:
                channel = message.output_channel
                if isinstance(channel, CollectingOutputChannel) and not channel.messages:
                    logger.error("A REST message got no reply; sent the apology instead.")
                    await channel.send_text_message(
                        message.sender_id, f"{NO_REPLY}\n\n{load_settings().human_route}"
                    )

        return super().blueprint(answer_something)
