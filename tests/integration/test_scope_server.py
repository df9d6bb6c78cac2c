"""What the running bot says when it is unsure, when a message is outside its remit, and when it
fails twice in a row: both servers started as `make run` starts them, spoken to over REST."""

from __future__ import annotations

import pytest

from bot.corpus import FaqEntry
from tests.helpers.channel_fakes import ROUTE, ChannelBot
from tests.helpers.support import Conversation

# One word that fits several entries (residency, entry and eligibility requirements); which
# message the trained model is unsure of depends on the model, so this may need changing with it.
AMBIGUOUS = "work"
# Messages the bot does not understand. The payload stands for what the NLU pipeline's fallback
# gives a message it cannot place (which message that is depends on the trained model).
UNANSWERABLE = ("/nlu_fallback", "/nlu_fallback")


@pytest.fixture
def chat(channel_bot: ChannelBot) -> Conversation:
    """A REST conversation with the session's shared running bot (tests/helpers/plugin.py)."""
    return Conversation(channel_bot.config)


def all_text(replies: list[dict]) -> str:
    return "\n\n".join(r.get("text", "") for r in replies)


def buttons(replies: list[dict]) -> list[tuple[str, str]]:
    return [(b["title"], b["payload"]) for r in replies for b in r.get("buttons") or []]


def answers(corpus: dict[str, FaqEntry]) -> list[str]:
    return [entry.answer for entry in corpus.values()]


def test_an_ambiguous_question_gets_did_you_mean_and_a_click_answers_it(
    chat: Conversation, corpus: dict[str, FaqEntry]
) -> None:
    replies = chat.say(AMBIGUOUS)
    assert replies[0]["text"] == "Did you mean one of these?"
    offered = buttons(replies)
    assert 2 <= len(offered) <= 4
    assert offered[-1] == ("Something else", "/something_else")
    titles = {entry.title: entry for entry in corpus.values()}
    title, payload = offered[0]
    entry = titles[title]
    assert payload == f"/faq/{entry.id}"
    reply = chat.reply(payload)
    if entry.role_specific:
        assert "Which role are you asking about?" in reply
        reply = chat.reply('/inform_role{"role": "devops_engineer"}')
        assert reply == entry.answer_for("devops_engineer")
    else:
        assert reply == entry.answer


def test_something_else_then_a_failure_gives_the_route_to_a_person(chat: Conversation) -> None:
    chat.say(AMBIGUOUS)
    assert chat.reply("/something_else").startswith("OK. Could you put your question another way?")
    replies = chat.say(UNANSWERABLE[0])
    assert replies[0]["text"].startswith("Sorry, I still can't find an answer")
    assert ROUTE in all_text(replies)
    assert buttons(replies) == []  # no contact configured: no button promises a person


def test_two_failures_in_a_row_offer_a_person(chat: Conversation) -> None:
    first = chat.reply(UNANSWERABLE[0])
    assert first.startswith("Sorry, I don't know")
    second = chat.say(UNANSWERABLE[1])
    assert second[0]["text"].startswith("Sorry, I still can't find an answer")
    assert ROUTE in all_text(second)


def test_a_failure_after_an_answer_is_a_first_failure_again(chat: Conversation) -> None:
    chat.reply(UNANSWERABLE[0])
    chat.reply("what's the salary?")
    assert chat.reply(UNANSWERABLE[1]).startswith("Sorry, I don't know")


def test_several_questions_at_once_are_taken_one_at_a_time(
    chat: Conversation, corpus: dict[str, FaqEntry]
) -> None:
    replies = chat.say("Is the job permanent? And how much do you get paid?")
    assert replies[0]["text"].startswith("That's more than one question")
    payloads = [payload for _, payload in buttons(replies)]
    assert {"/faq/contract_type", "/faq/salary"} <= set(payloads)
    answer = chat.say("/faq/salary")
    assert "\n\n".join(m["text"] for m in answer[:-1]) == corpus["salary"].answer
    assert answer[-1]["text"] == "You also asked about this. Shall I answer it next?"
    assert buttons(answer[-1:]) == [(corpus["contract_type"].title, "/faq/contract_type")]


@pytest.mark.parametrize(("text", "start"), [
    ("how do I get a fishing licence", "Sorry, that's not something I can help with."),
    ("Bonjour, combien de temps dure l'apprentissage ?", "Sorry, I can only answer in English"),
    ("ਮੈਂ ਅਰਜ਼ੀ ਕਿਵੇਂ ਦੇਵਾਂ", "Sorry, I can only answer in English"),
    ("can you tell me whether my application went through ok", "I can't see applications"),
    ("you are a pathetic excuse for a chatbot", "I'm a bot, so I may not always get it right."),
    ("honestly I just want to end it all", "I'm sorry you're feeling like this."),
])
def test_special_cases_get_a_short_honest_reply_and_no_faq_answer(
    chat: Conversation, corpus: dict[str, FaqEntry], text: str, start: str
) -> None:
    replies = chat.say(text)
    reply = all_text(replies)
    assert reply.startswith(start)
    assert not any(answer[:60] in reply for answer in answers(corpus))


def test_own_application_routes_to_a_person(chat: Conversation) -> None:
    assert ROUTE in chat.reply("can you tell me whether my application went through ok")


def test_distress_signposts_help_and_stops_the_check(
    chat: Conversation, corpus: dict[str, FaqEntry]
) -> None:
    assert "Which role" in chat.reply("am I eligible?")
    replies = chat.say("I can't cope with any of this any more")
    reply = all_text(replies)
    assert "Samaritans" in reply and "116 123" in reply and "NHS 111" in reply
    assert not buttons(replies)
    # The check has stopped: a question is answered and no question of the check follows.
    assert chat.reply("what's the salary?") == corpus["salary"].answer


@pytest.mark.parametrize(("question", "says"), [
    ("can I do the apprenticeship from Scotland?", "based in England"),
    ("what's the salary?", "Higher Executive Officer (HEO) equivalent salary"),
])
def test_an_answer_does_not_open_with_a_yes_that_the_question_did_not_ask_for(
    chat: Conversation, question: str, says: str
) -> None:
    # Issue 14: "can I do it from Scotland?" -> "Yes. All apprentices are expected to be based in
    # England..."; "what's the salary?" -> "Yes. Apprentices receive...".
    reply = chat.reply(question)
    assert says in reply
    assert not reply.lower().startswith(("yes", "no", "not if"))
