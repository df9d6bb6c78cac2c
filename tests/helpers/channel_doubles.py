"""Stand-ins for what a channel talks to, for channel tests that start no server."""

from __future__ import annotations

from rasa.core.channels.channel import UserMessage


class RecordingRasa:
    """Stands in for Rasa: records the messages it is given and answers each with one text."""

    def __init__(self, reply: str | None = "An answer.") -> None:
        self.messages: list[UserMessage] = []
        self.reply = reply

    async def __call__(self, message: UserMessage) -> None:
        self.messages.append(message)
        if self.reply is not None:
            await message.output_channel.send_text_message(message.sender_id, self.reply)
