"""The FAQ entries named in the conversation tests are the ones the model picks.

`rasa test core` compares only the base intent (`faq`) of a retrieval intent, so this test parses
each user message of tests/conversations/ with the trained model and checks that the bot would
answer it outright (not "Did you mean...?") with the `faq/<id>` the story names.
"""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import pytest

from bot.dev.evaluate import bot_label
from bot.dev.train import MODEL_PATH
from bot.settings import load_settings
from tests.helpers.stories import faq_steps


@pytest.fixture(scope="module")
def agent() -> Any:
    from rasa.core.agent import Agent

    assert Path(MODEL_PATH).exists(), "no trained model: `make test` trains one first"
    return Agent.load(str(MODEL_PATH))


@pytest.mark.parametrize(("text", "intent"), faq_steps())
def test_the_model_picks_the_named_faq(agent: Any, text: str, intent: str) -> None:
    parsed = asyncio.run(agent.parse_message(text))
    assert parsed["intent"]["name"] == "faq"
    assert parsed["response_selector"]["faq"]["response"]["intent_response_key"] == intent
    assert bot_label(parsed, load_settings().faq_thresholds)[0] == intent
