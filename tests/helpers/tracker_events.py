"""What the running bot's tracker store holds for a conversation, read straight from its database
(DATABASE_URL, which the servers the tests start share with the test process).

Rasa saves a conversation's tracker once per turn, after the turn's last action and every reply it
sent, ending with `action_listen`. So "the turn is processed" is observable: the user's message is
stored and an `action_listen` follows it. Tests that check that something did *not* happen (no
reply, no duplicate) wait for that instead of sleeping for a while.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa

from tests.helpers.channel_fakes import wait_for


@dataclass(frozen=True)
class StoredEvent:
    type_name: str
    action_name: str | None
    data: dict[str, Any]

    @property
    def text(self) -> str | None:
        return self.data.get("text")


def stored_events(sender_id: str, database_url: str | None = None) -> list[StoredEvent]:
    engine = sa.create_engine(database_url or os.environ["DATABASE_URL"], future=True)
    try:
        with engine.connect() as connection:
            try:
                result = connection.execute(
                    sa.text("SELECT type_name, action_name, data FROM events WHERE sender_id = :sender "
                            "ORDER BY id"),
                    {"sender": sender_id},
                )
            except sa.exc.OperationalError:  # no tracker table yet: nothing was stored
                return []
            return [StoredEvent(t, a, json.loads(d)) for t, a, d in result]
    finally:
        engine.dispose()


def user_texts(sender_id: str) -> list[str]:
    return [str(e.text) for e in stored_events(sender_id) if e.type_name == "user"]


def processed_turns(sender_id: str) -> int:
    """How many of the conversation's user messages are followed by an `action_listen`."""
    turns, waiting = 0, False
    for event in stored_events(sender_id):
        if event.type_name == "user":
            waiting = True
        elif waiting and event.type_name == "action" and event.action_name == "action_listen":
            turns, waiting = turns + 1, False
    return turns


def wait_for_turns(sender_id: str, count: int, timeout: float = 60.0) -> None:
    """Return once `count` turns of the conversation are processed and saved."""
    assert wait_for(lambda: processed_turns(sender_id) >= count, timeout), (
        f"{processed_turns(sender_id)} of {count} turns processed: {user_texts(sender_id)}"
    )
