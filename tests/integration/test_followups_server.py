"""Follow-ups with the running bot: "what about cyber?" after a role-specific answer, "and the other
one?" after "Which first?", a bare "ok" and emoji."""

from __future__ import annotations

import pytest

from bot.corpus import FaqEntry
from bot.dev.serve import ServeConfig
from tests.helpers.channel_fakes import ChannelBot
from tests.helpers.support import Conversation


@pytest.fixture(scope="module")
def server(channel_bot: ChannelBot) -> ServeConfig:
    """The session's running bot (tests/helpers/plugin.py), shared by the modules that only talk to it."""
    return channel_bot.config


def test_a_role_after_a_role_specific_answer_answers_it_for_that_role(
    server: ServeConfig, corpus: dict[str, FaqEntry]
) -> None:
    chat = Conversation(server)
    assert "Which role are you asking about?" in chat.reply("how long is the apprenticeship?")
    duration = corpus["duration"].answers
    assert chat.reply("Software Developer") == duration["software_developer"]
    assert chat.reply("what about cyber?") == duration["cyber_security_technologist"]
    assert chat.reply("and devops") == duration["devops_engineer"]


def test_the_other_of_two_questions_is_offered_and_answered(
    server: ServeConfig, corpus: dict[str, FaqEntry]
) -> None:
    chat = Conversation(server)
    several = chat.say("how long is it and is it paid?")
    assert several[0]["text"].startswith("That's more than one question")
    salary = next(b for b in several[-1]["buttons"] if b["title"] == corpus["salary"].title)
    answer = chat.say(salary["payload"])
    assert "\n\n".join(m["text"] for m in answer[:-1]) == corpus["salary"].answer
    assert answer[-1]["text"] == "You also asked about this. Shall I answer it next?"
    assert [b["title"] for b in answer[-1]["buttons"]] == [corpus["duration"].title]
    assert "Which role are you asking about?" in chat.reply("and the other one?")
    assert chat.reply("Business Analyst") == corpus["duration"].answers["business_analyst"]


@pytest.mark.parametrize("text", ["ok", "okay then", "yes", "no"])
def test_a_bare_ok_is_acknowledged_not_i_dont_know(server: ServeConfig, text: str) -> None:
    reply = Conversation(server).say(text)
    assert reply[0]["text"] == "OK. Is there anything else you'd like to know about TechTrack?"


def test_no_to_anything_else_ends_the_chat_and_yes_invites_a_question(server: ServeConfig) -> None:
    # An exploratory tester answered "no" three times and got "Is there anything else...?" each time.
    chat = Conversation(server)
    assert "anything else you'd like to know" in chat.reply("ok")
    goodbye = chat.reply("no")
    assert "anything else you'd like to know" not in goodbye and "Good luck" in goodbye
    chat = Conversation(server)
    chat.reply("ok")
    invited = chat.reply("yes")
    assert "anything else you'd like to know" not in invited and "ask me anything" in invited


@pytest.mark.parametrize("text", ["👍", "😀😀", "🙈"])
def test_emoji_get_a_friendly_reply_not_a_language_apology(server: ServeConfig, text: str) -> None:
    reply = Conversation(server).reply(text)
    assert reply.startswith("🙂 I'm here when you have a question about TechTrack.")
    assert "English" not in reply


def test_emoji_during_the_check_are_no_answer_and_the_question_is_asked_again(server: ServeConfig) -> None:
    chat = Conversation(server)
    assert "How old are you?" in chat.reply("am I eligible? I'd like to be a software developer")
    reply = chat.reply("🤔")
    assert "How old are you?" in reply and "English" not in reply


@pytest.mark.parametrize(("text", "entry", "role"), [
    ("how long is cyber security technologist", "duration", "cyber_security_technologist"),
    ("residency rules for the business analyst one", "residency_requirements", "business_analyst"),
])
def test_a_question_naming_a_role_is_answered_for_that_role(
    server: ServeConfig, corpus: dict[str, FaqEntry], text: str, entry: str, role: str
) -> None:
    # Not "I'll tailor my answers to ...": the answer itself, for that role where it differs.
    assert corpus[entry].answer_for(role) in Conversation(server).reply(text)


def test_a_role_named_in_an_off_topic_message_is_not_remembered(
    server: ServeConfig, corpus: dict[str, FaqEntry]
) -> None:
    # An exploratory tester's declined "average salary for a devops engineer in london" made later
    # answers the DevOps Engineer's ("who are BPP" → "...DevOps Engineer's training provider is Makers").
    chat = Conversation(server)
    assert "not something I can help with" in chat.reply("what do devops engineers earn at amazon")
    assert "Which role are you asking about?" in chat.reply("how long is the apprenticeship?")
