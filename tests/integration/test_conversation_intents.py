"""The FAQ entries named in the conversation tests are the ones the model picks, and the messages
they call out of scope are declined.

`rasa test core` compares only the base intent (`faq`) of a retrieval intent, so this test parses
each user message of tests/conversations/ with the trained model and checks that the bot would
answer it outright (not "Did you mean...?") with the `faq/<id>` the story names; and that each
message a story gives the `out_of_scope` intent is handled safely: declined or clarified, never an
answer, a role question, a change-answer prompt or the start of the check.
"""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import pytest

from bot.dev.evaluate import OFFTOPIC_SAFE, bot_label
from bot.dev.train import MODEL_PATH
from bot.settings import load_settings
from tests.helpers.stories import faq_steps, out_of_scope_steps


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


@pytest.mark.parametrize("text", out_of_scope_steps())
def test_the_model_declines_what_the_stories_call_out_of_scope(agent: Any, text: str) -> None:
    parsed = asyncio.run(agent.parse_message(text))
    assert bot_label(parsed, load_settings().faq_thresholds)[0] in OFFTOPIC_SAFE
