"""Data rights with the running bot, on SQLite and on PostgreSQL: "what have you stored about me?"
shows the answers kept, and "delete my conversation", once confirmed, leaves no row with the
conversation's id or its hashed id in any table, while other conversations keep theirs."""

from __future__ import annotations

import time
from collections.abc import Iterator
from dataclasses import dataclass

import pytest

from bot.dev.serve import ServeConfig, Servers
from bot.storage.ids import conversation_hash
from tests.helpers.db_support import DATABASES, fresh_database, rows
from tests.helpers.support import Conversation, local_config

KEY = "data-rights-test-key-0123456789"
ANALYTICS = ("tt_faq_answers", "tt_unanswered", "tt_eligibility_outcomes")


def counts(url: str, chat: Conversation) -> dict[str, int]:
    hashed = conversation_hash(chat.sender, KEY.encode())
    found = {table: int(rows(url, f"SELECT count(*) FROM {table} WHERE conversation = '{hashed}'")[0][0])
             for table in ANALYTICS}
    answers = f"SELECT id FROM tt_faq_answers WHERE conversation = '{hashed}'"
    feedback = f"SELECT count(*) FROM tt_feedback WHERE answer_id IN ({answers})"
    found["tt_feedback"] = int(rows(url, feedback)[0][0])
    found["events"] = int(rows(url, f"SELECT count(*) FROM events WHERE sender_id = '{chat.sender}'")[0][0])
    return found


def wait_until_recorded(url: str, chat: Conversation, timeout: float = 30) -> dict[str, int]:
    """The counts once every kind of row has arrived (the recorder writes in the background)."""
    deadline = time.monotonic() + timeout
    while True:
        found = counts(url, chat)
        if all(found.values()) or time.monotonic() > deadline:
            return found
        time.sleep(0.3)


def leave_a_trace_everywhere(chat: Conversation) -> None:
    paid = chat.say("will I be paid?")
    chat.say(paid[-1]["buttons"][0]["payload"])  # "Yes, this helped"
    assert chat.reply("how do I renew my passport?").startswith("Sorry, that's not something")
    for said in ("am I eligible?", "devops", "twenty five", "I'm Polish", "neither"):
        chat.reply(said)
    assert chat.reply("no").startswith("From what you've told me, you don't meet")


@dataclass(frozen=True)
class Bot:
    config: ServeConfig
    url: str  # the database both servers use


@pytest.fixture(scope="module", params=DATABASES)
def bot(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Bot]:
    """Both servers on a fresh database of each kind, shared by this module's tests (each test
    has conversations of its own)."""
    directory = tmp_path_factory.mktemp(request.param)
    with fresh_database(request.param, directory) as url:
        config = local_config(directory / "logs", {"DATABASE_URL": url, "TECHTRACK_ID_HASH_KEY": KEY})
        with Servers(config) as servers:
            servers.wait_ready()
            yield Bot(config, url)


def test_a_deleted_conversation_leaves_no_row_in_any_table(bot: Bot) -> None:
    url = bot.url
    mine, theirs = Conversation(bot.config), Conversation(bot.config)
    leave_a_trace_everywhere(mine)
    leave_a_trace_everywhere(theirs)
    assert all(wait_until_recorded(url, mine).values())
    assert all(wait_until_recorded(url, theirs).values())

    stored = mine.reply("what have you stored about me?")
    assert "- Role: DevOps Engineer" in stored and "interested in" not in stored
    assert "- Age: 25" in stored

    confirm = mine.say("delete my conversation")
    assert confirm[-1]["text"].startswith("Do you want me to delete this conversation?")
    assert mine.reply(confirm[-1]["buttons"][0]["payload"]).startswith(
        "Done: I've deleted this conversation")

    assert counts(url, mine) == {table: 0 for table in (*ANALYTICS, "tt_feedback", "events")}
    assert all(counts(url, theirs).values())

    # Carrying on starts afresh: nothing of the old conversation comes back.
    assert "You haven't told me any answers yet." in mine.reply("what have you stored about me?")


def test_saying_no_keeps_everything(bot: Bot) -> None:
    chat = Conversation(bot.config)
    assert "How old are you?" in chat.reply("am I eligible? I'd like to be a software developer")
    assert chat.reply("forget me").startswith("Do you want me to delete this conversation?")
    kept = chat.reply("no")
    assert kept.startswith("OK, I haven't deleted anything.")
    assert "How old are you?" in kept  # the check carries on where it was
    assert counts(bot.url, chat)["events"] > 0
