from __future__ import annotations

import os
from collections.abc import Iterator
from typing import Any

import pytest
from rasa_sdk import Tracker

from bot.corpus import FaqEntry, load_corpus
from bot.storage import migrate

# One running bot, with Teams and Slack pointed at local fakes, shared by their test modules.
from tests.channel_fakes import channel_bot  # noqa: F401

TEST_ID_HASH_KEY = "test-id-hash-key-0123456789"


@pytest.fixture(scope="session", autouse=True)
def analytics_database(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """What the actions record (and the servers the tests start) goes to a throwaway SQLite file,
    never to var/."""
    url = f"sqlite:///{tmp_path_factory.mktemp('database') / 'techtrack.db'}"
    saved = {name: os.environ.get(name) for name in ("DATABASE_URL", "TECHTRACK_ID_HASH_KEY")}
    os.environ.update(DATABASE_URL=url, TECHTRACK_ID_HASH_KEY=TEST_ID_HASH_KEY)
    migrate.upgrade(url)
    yield url
    for name, value in saved.items():
        if value is None:
            os.environ.pop(name, None)
        else:
            os.environ[name] = value


@pytest.fixture(scope="session")
def corpus() -> dict[str, FaqEntry]:
    return load_corpus()


def make_tracker(
    text: str = "",
    intent: str = "faq",
    faq_id: str | None = None,
    confidence: float = 0.9,
    entities: list[dict[str, Any]] | None = None,
    slots: dict[str, Any] | None = None,
    active_loop: dict[str, Any] | None = None,
    events: list[dict[str, Any]] | None = None,
    ranking: list[tuple[str, float]] | None = None,
) -> Tracker:
    """A Rasa SDK tracker whose latest message has the shape Rasa 3.6 sends to the action server,
    including the ResponseSelector's output for the `faq` retrieval intent. `ranking` lists the
    ResponseSelector's candidates, best first, as (faq id, confidence); by default only faq_id."""
    message: dict[str, Any] = {
        "text": text,
        "intent": {"name": intent, "confidence": 0.95},
        "entities": entities or [],
    }
    if faq_id is not None:
        # Exactly the keys Rasa 3.6.21's ResponseSelector produces (checked against a real parse).
        message["response_selector"] = {
            "all_retrieval_intents": ["faq"],
            "faq": {
                "response": {
                    "responses": [{"text": "(the canonical question, from data/responses)"}],
                    "confidence": confidence,
                    "intent_response_key": f"faq/{faq_id}",
                    "utter_action": f"utter_faq/{faq_id}",
                },
                "ranking": [
                    {"confidence": c, "intent_response_key": f"faq/{key}"}
                    for key, c in (ranking or [(faq_id, confidence)])
                ],
            },
        }
    return Tracker(
        sender_id="test-user",
        slots={"role": None, "pending_faq": None, **(slots or {})},
        latest_message=message,
        events=events or [],
        paused=False,
        followup_action=None,
        active_loop=active_loop or {},
        latest_action_name="action_listen",
    )


def role_entity(text: str, value: str) -> dict[str, Any]:
    return {"entity": "role", "value": value, "start": 0, "end": len(text),
            "extractor": "RegexEntityExtractor"}
