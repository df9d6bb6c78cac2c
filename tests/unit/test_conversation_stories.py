"""The conversation tests (tests/conversations/) name FAQ entries; whether the trained model picks
them is tests/integration/test_conversation_intents.py."""

from __future__ import annotations

from tests.helpers.stories import faq_steps


def test_the_conversation_tests_name_faq_entries() -> None:
    assert len(faq_steps()) >= 15
