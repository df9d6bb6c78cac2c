"""Persistence with the running bot (on PostgreSQL and Redis when TEST_DATABASE_URL and REDIS_URL are
set): what a conversation leaves in the database (and what it does not), simultaneous messages in
one conversation, a conversation that survives a restart of both servers, a database that goes down
mid-conversation, and start-up against a database that cannot be reached."""

from __future__ import annotations

import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.corpus import FaqEntry
from bot.dev.load import burst, new_senders, stored_events
from bot.dev.serve import ServeConfig, Servers
from bot.paths import ROOT
from bot.storage.ids import conversation_hash
from tests.helpers.db_support import TEST_DATABASE_URL, TcpProxy, fresh_database, rows, through
from tests.helpers.support import Conversation, free_port, local_config

KEY = "persistence-test-key-0123456789"


def hashed(chat: Conversation) -> str:
    return conversation_hash(chat.sender, KEY.encode())


def wait_for_rows(url: str, query: str, expected: int, timeout: float = 20) -> list[tuple[object, ...]]:
    """The rows once there are `expected` of them (the recorder writes in the background)."""
    deadline = time.monotonic() + timeout
    while True:
        found = rows(url, query)
        if len(found) >= expected or time.monotonic() > deadline:
            return found
        time.sleep(0.3)


@pytest.fixture(scope="module")
def bot(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[ServeConfig, Servers, str]]:
    """Both servers on a database of their own: PostgreSQL when TEST_DATABASE_URL is set (CI), else
    SQLite; conversation locks in Redis when REDIS_URL is set (CI), else in-process."""
    directory = tmp_path_factory.mktemp("persistence")
    with fresh_database("postgresql" if TEST_DATABASE_URL else "sqlite", directory) as url:
        config = local_config(directory / "logs", {"DATABASE_URL": url, "TECHTRACK_ID_HASH_KEY": KEY})
        servers = Servers(config)
        servers.start()
        try:
            servers.wait_ready()
            yield config, servers, url
        finally:
            servers.stop()


def test_simultaneous_messages_in_one_conversation_take_turns_and_lose_no_slot_update(
    bot: tuple[ServeConfig, Servers, str]
) -> None:
    """Eight messages to one conversation at the same moment: processed one at a time under the
    conversation lock (Redis in CI), so each turn sees the one before. "something else" makes the
    bot note, in a slot, how many user turns it has seen (actions/faq.py, failed_turn): a turn run on
    a stale tracker would repeat a number, and a lost update would leave one out."""
    config, _, url = bot
    sender = new_senders("simultaneous", 1)[0]
    turns = burst(config.rest_webhook, sender, "something else", 8)
    assert all(t.status == 200 for t in turns)
    replies = [t.reply for t in turns]
    assert sum("put your question another way" in r for r in replies) == 1  # the first only
    assert sum("still can't find an answer" in r for r in replies) == 7
    stored = stored_events(url, [sender])
    assert stored.duplicates == 0
    assert stored.user_texts(sender) == ["something else"] * 8
    assert stored.out_of_order(sender) == []
    assert stored.slot_values(sender, "failed_turn") == [float(n) for n in range(1, 9)]


def test_an_answer_and_its_feedback_are_stored_under_a_hashed_id(
    bot: tuple[ServeConfig, Servers, str], corpus: dict[str, FaqEntry]
) -> None:
    config, _, url = bot
    chat = Conversation(config)
    replies = chat.say("will I be paid?")
    assert "\n\n".join(m["text"] for m in replies) == corpus["salary"].answer
    buttons = replies[-1]["buttons"]
    assert [b["title"] for b in buttons] == ["Yes, this helped", "No, this didn't help"]
    assert chat.reply(buttons[0]["payload"]) == "Thanks for letting me know. It helps us improve the answers."
    answers = wait_for_rows(url, f"SELECT id, entry_id, channel FROM tt_faq_answers "
                                 f"WHERE conversation = '{hashed(chat)}'", 1)
    assert [(entry, channel) for _, entry, channel in answers] == [("salary", "rest")]
    feedback = wait_for_rows(url, "SELECT answer_id, helpful FROM tt_feedback", 1)
    assert (answers[0][0], True) in [(a, bool(h)) for a, h in feedback]
    assert rows(url, f"SELECT count(*) FROM tt_faq_answers WHERE conversation = '{chat.sender}'") == [(0,)]


def test_after_no_what_they_were_looking_for_is_stored_scrubbed_beside_the_answer(
    bot: tuple[ServeConfig, Servers, str]
) -> None:
    config, _, url = bot
    chat = Conversation(config)
    no = chat.say("will I be paid?")[-1]["buttons"][-1]
    assert no["title"] == "No, this didn't help"
    asked = chat.say(no["payload"])
    assert [m["text"] for m in asked] == [
        "Thanks for letting me know. What were you looking for? A few words help us improve the "
        "answers (please leave out personal details). This is optional: press Skip to carry on."]
    assert [b["title"] for b in asked[0]["buttons"]] == ["Skip"]
    said = "I wanted the London weekend rates, text me on 07700 900123 or jo.bloggs@example.com"
    assert chat.reply(said) == "Thanks, I've noted that. It helps us improve the answers."
    # the question is over: a greeting now gets the greeting
    assert chat.reply("hello").startswith("Hello! I'm TechTrack Assistant.")
    query = ("SELECT a.entry_id, f.helpful, f.looking_for FROM tt_feedback f JOIN tt_faq_answers a "
             f"ON a.id = f.answer_id WHERE a.conversation = '{hashed(chat)}' AND f.looking_for IS NOT NULL")
    stored = wait_for_rows(url, query, 1)
    assert [(entry, bool(helpful), text) for entry, helpful, text in stored] == [
        ("salary", False, "I wanted the London weekend rates, text me on [phone] or [email]")]


def test_a_question_the_bot_cannot_answer_is_stored_without_personal_data(
    bot: tuple[ServeConfig, Servers, str]
) -> None:
    config, _, url = bot
    chat = Conversation(config)
    text = ("Hello, Sarah Connor here (sarah.connor@example.com, NI number QQ 12 34 56 C). How do I "
            "renew my passport before my holiday?")
    assert chat.reply(text).startswith("Sorry, that's not something I can help with.")
    query = f"SELECT text, kind FROM tt_unanswered WHERE conversation = '{hashed(chat)}'"
    stored = wait_for_rows(url, query, 1)
    assert len(stored) == 1 and stored[0][1] == "unanswered"
    saved = str(stored[0][0])
    for personal in ("Sarah", "Connor", "sarah.connor@example.com", "QQ 12 34 56 C"):
        assert personal not in saved
    assert "[email]" in saved and "[NI number]" in saved and "renew my passport" in saved


def test_an_eligibility_outcome_is_stored_without_the_answers(
    bot: tuple[ServeConfig, Servers, str]
) -> None:
    config, _, url = bot
    chat = Conversation(config)
    for said in ("am I eligible?", "devops", "twenty five", "I'm Polish", "neither"):
        chat.reply(said)
    assert chat.reply("no").startswith("From what you've told me, you don't meet")
    stored = wait_for_rows(url, "SELECT * FROM tt_eligibility_outcomes "
                                f"WHERE conversation = '{hashed(chat)}'", 1)
    assert len(stored) == 1
    values = [str(v) for v in stored[0]]
    assert "not_eligible" in values and "devops_engineer" in values and "residency" in values
    for answer in ("25", "Polish", "eu_eea", "none", "neither"):
        assert answer not in values


def test_a_conversation_continues_after_both_servers_restart(
    bot: tuple[ServeConfig, Servers, str]
) -> None:
    config, servers, _ = bot
    chat = Conversation(config)
    assert "Which role" in chat.reply("am I eligible?")
    assert "How old are you?" in chat.reply("software developer")
    assert "What is your nationality?" in chat.reply("I'm 23")
    servers.stop()
    servers.start()
    servers.wait_ready()
    assert "How many years have you lived in the UK" in chat.reply("British")
    for said in ("all my life", "no", "nope", "no I don't"):
        chat.reply(said)
    verdict = chat.reply("yes")
    assert verdict.startswith("From what you've told me, you meet the TechTrack eligibility criteria.")
    assert "- Age: 23" in verdict  # answered before the restart
    assert "Makers sends you a course" in verdict  # the software developer's next steps


# --- a database that goes down mid-conversation (PostgreSQL behind a proxy we can close) ---------

@pytest.mark.skipif(not TEST_DATABASE_URL, reason="TEST_DATABASE_URL is not set (.ci/run sets it)")
def test_answers_keep_coming_while_the_database_is_down_and_rows_follow_when_it_is_back(
    tmp_path: Path, corpus: dict[str, FaqEntry]
) -> None:
    with fresh_database("postgresql", tmp_path) as url:
        from sqlalchemy.engine import make_url

        target = make_url(url)
        proxy = TcpProxy(target.host or "127.0.0.1", target.port or 5432)
        proxy.up()
        config = local_config(tmp_path / "logs", {"DATABASE_URL": through(url, proxy.port),
                                                  "TECHTRACK_ID_HASH_KEY": KEY})
        servers = Servers(config)
        servers.start()
        try:
            servers.wait_ready()
            chat, check = Conversation(config), Conversation(config)
            entries = [corpus[e] for e in ("remote_working", "what_is_techtrack", "contract_type")]
            questions = {e.question: e.id for e in entries if not e.role_specific}
            assert len(questions) == 3
            assert chat.reply("will I be paid?") == corpus["salary"].answer
            query = f"SELECT entry_id FROM tt_faq_answers WHERE conversation = '{hashed(chat)}'"
            assert len(wait_for_rows(url, query, 1)) == 1
            assert "Which role" in check.reply("am I eligible?")

            proxy.down()
            for question, entry in questions.items():
                started = time.monotonic()
                assert chat.reply(question) == corpus[entry].answer
                assert time.monotonic() - started < 15
            # an eligibility check carries on from memory
            assert "How old are you?" in check.reply("software developer")
            assert "What is your nationality?" in check.reply("I'm 23")
            assert len(rows(url, query)) == 1  # nothing could be written

            proxy.up()
            stored = wait_for_rows(url, query, 1 + len(questions), timeout=60)
            assert sorted(e for (e,) in stored) == sorted(["salary", *questions.values()])
            for said in ("British", "all my life", "no", "nope", "no I don't"):
                check.reply(said)
            verdict = check.reply("yes")
            assert verdict.startswith("From what you've told me, you meet")
            assert "- Age: 23" in verdict  # said while the database was down
            # what was said during the outage is in the tracker table now
            events = rows(url, "SELECT data FROM events WHERE sender_id = "
                               f"'{check.sender}' AND type_name = 'user'")
            assert any("I'm 23" in str(data) for (data,) in events)
            actions_log = (tmp_path / "logs" / "actions.log").read_text()
            rasa_log = (tmp_path / "logs" / "rasa.log").read_text()
            assert actions_log.count("analytics: cannot write to the database") == 1
            assert rasa_log.count("Tracker store: cannot use the database") == 1
            for question in questions:  # the reason is logged, never what people said
                assert question not in actions_log and question not in rasa_log
        finally:
            servers.stop()
            proxy.down()


# --- start-up against a database that cannot be reached ----------------------------------------

def test_start_up_with_an_unreachable_database_fails_within_30_seconds(tmp_path: Path) -> None:
    dead = f"postgresql://postgres@127.0.0.1:{free_port()}/techtrack"
    env = {"DATABASE_URL": dead, "TECHTRACK_ID_HASH_KEY": KEY, "RASA_PORT": str(free_port()),
           "ACTION_SERVER_PORT": str(free_port()), "PATH": "/usr/bin:/bin",
           "PYTHONPATH": str(ROOT), "RASA_TELEMETRY_ENABLED": "false"}
    started = time.monotonic()
    result = subprocess.run([sys.executable, "-m", "bot.dev.serve"], cwd=ROOT, env=env,
                            capture_output=True, text=True, timeout=60)
    took = time.monotonic() - started
    assert result.returncode == 1
    assert took < 30
    assert "cannot reach the database at postgresql://postgres@127.0.0.1" in result.stderr
    assert "Check DATABASE_URL" in result.stderr


def test_a_bare_rasa_run_with_an_unreachable_database_exits_within_30_seconds(tmp_path: Path) -> None:
    """Rasa's own SQL tracker store would retry for ever; ours gives up (bot/storage/tracker_store.py)."""
    dead = f"postgresql://postgres@127.0.0.1:{free_port()}/techtrack"
    env = {"DATABASE_URL": dead, "ACTION_SERVER_TOKEN": "test-action-token-0123",
           "PATH": "/usr/bin:/bin", "PYTHONPATH": str(ROOT),
           "RASA_TELEMETRY_ENABLED": "false", "ACTION_SERVER_URL": "http://127.0.0.1:9/webhook"}
    command = [sys.executable, "-m", "rasa", "run", "--model", "models/techtrack.tar.gz",
               "--endpoints", "endpoints.yml", "--port", str(free_port())]
    started = time.monotonic()
    result = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=90)
    assert result.returncode != 0
    assert time.monotonic() - started < 30
    assert "TechTrack tracker store: cannot reach the database" in result.stdout + result.stderr
