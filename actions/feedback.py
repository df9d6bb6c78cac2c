""""Was this helpful?": the buttons under an FAQ answer (or the same said in words)."""

from __future__ import annotations

import json
import re
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher

from actions.common import latest_entity, latest_text, send
from bot import replies
from bot.storage import analytics

UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
NOT_HELPFUL = re.compile(r"\b(no|not|wrong|useless|unhelpful)\b|n't\b", re.IGNORECASE)


def latest_answer_id(tracker: Tracker) -> str | None:
    """The answer the latest "Was this helpful?" buttons were about (for feedback typed in words)."""
    for event in reversed(tracker.events or []):
        if event.get("event") != "bot":
            continue
        for button in (event.get("data") or {}).get("buttons") or []:
            payload = str(button.get("payload") or "")
            if not payload.startswith("/" + replies.FEEDBACK_INTENT + "{"):
                continue
            try:
                answer_id = json.loads(payload[len(replies.FEEDBACK_INTENT) + 1:])[replies.ANSWER_ENTITY]
            except (ValueError, KeyError, TypeError):
                continue
            return str(answer_id)
    return None


class ActionRecordFeedback(Action):
    def name(self) -> str:
        return "action_record_feedback"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        answer_id = latest_entity(tracker, replies.ANSWER_ENTITY) or latest_answer_id(tracker)
        said = latest_entity(tracker, replies.HELPFUL_ENTITY)
        helpful = said.lower() == "yes" if said else not NOT_HELPFUL.search(latest_text(tracker))
        if not answer_id or not UUID.match(answer_id):
            send(dispatcher, replies.feedback_nothing_to_rate())
            return []
        analytics.feedback(answer_id, helpful)
        send(dispatcher, replies.feedback_thanks())
        return []
