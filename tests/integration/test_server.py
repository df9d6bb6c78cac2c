"""The running bot: both servers started as `make run` starts them, spoken to over the REST channel."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.channels.rest import NO_REPLY
from bot.corpus import FaqEntry
from bot.dev.serve import ServeConfig, Servers
from bot.eligibility.questions import QUESTIONS
from bot.paths import ROOT
from tests.helpers.support import Conversation, free_port, local_config, running_servers

ROUTE = "Test route: write to the test admissions desk."


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServeConfig]:
    config = local_config(tmp_path_factory.mktemp("logs"), {"TECHTRACK_HUMAN_ROUTE": ROUTE})
    with running_servers(config):
        yield config


@pytest.fixture
def chat(server: ServeConfig) -> Conversation:
    return Conversation(server)


def test_greeting_says_what_the_bot_does_with_two_buttons(chat: Conversation) -> None:
    replies = chat.say("hello")
    assert len(replies) == 1
    assert "TechTrack" in replies[0]["text"]
    assert [b["title"] for b in replies[0]["buttons"]] == ["Check if I'm eligible", "Ask a question"]


def test_every_canonical_question_gets_its_answer(
    server: ServeConfig, corpus: dict[str, FaqEntry]
) -> None:
    wrong = {}
    for entry in corpus.values():
        reply = Conversation(server).reply(entry.question)
        expected = "Which role are you asking about?" if entry.needs_role else entry.answer
        if expected not in reply:
            wrong[entry.id] = reply
    assert wrong == {}


def test_role_tailoring_asks_then_remembers_the_role(
    chat: Conversation, corpus: dict[str, FaqEntry]
) -> None:
    replies = chat.say("how long is it?")
    assert "Which role are you asking about?" in replies[0]["text"]
    devops = next(b for b in replies[0]["buttons"] if b["title"] == "DevOps Engineer")
    assert chat.reply(devops["payload"]) == corpus["duration"].answers["devops_engineer"]
    assert chat.reply("and how is it assessed?") == corpus["assessment"].answers["devops_engineer"]


def test_a_role_in_the_question_is_used_and_kept(chat: Conversation, corpus: dict[str, FaqEntry]) -> None:
    assert chat.reply("how long is the devops one?") == corpus["duration"].answers["devops_engineer"]
    assert chat.reply("how is it assessed?") == corpus["assessment"].answers["devops_engineer"]
    assert chat.reply("how is the business analyst one assessed?") == (
        corpus["assessment"].answers["business_analyst"]
    )


def test_all_roles_button_answers_for_every_role(chat: Conversation, corpus: dict[str, FaqEntry]) -> None:
    replies = chat.say("how is the training structured?")
    every = next(b for b in replies[0]["buttons"] if b["title"] == "All roles")
    assert chat.reply(every["payload"]) == corpus["structure"].answer


def test_talk_to_a_person_gives_the_configured_route(chat: Conversation) -> None:
    assert chat.reply("can I speak to a real person please") == ROUTE


@pytest.mark.parametrize("text", ["what's the capital of France?", "can you renew my passport"])
def test_out_of_scope_gets_no_faq_answer(chat: Conversation, corpus: dict[str, FaqEntry],
                                         text: str) -> None:
    reply = chat.reply(text)
    answers = {e.answer for e in corpus.values()} | {
        a for e in corpus.values() for a in e.answers.values()
    }
    assert reply not in answers
    assert reply.startswith(("Sorry, that's not something I can help with.", "Sorry, I don't know"))


def test_basics(chat: Conversation) -> None:
    assert chat.reply("are you a bot?").startswith("I'm a bot")
    assert chat.reply("thanks!").startswith("You're welcome")
    assert chat.reply("bye").startswith("Goodbye")


@pytest.mark.parametrize("text", ["", "   ", "x" * 20_000, "how long " * 2_000])
def test_empty_or_huge_messages_get_a_reply_and_the_bot_carries_on(
    chat: Conversation, corpus: dict[str, FaqEntry], text: str
) -> None:
    assert chat.say(text)  # some reply, no error
    assert chat.reply("will I be paid?") == corpus["salary"].answer


def test_the_http_api_is_off_without_a_token(server: ServeConfig) -> None:
    request = urllib.request.Request(
        f"{server.rasa_url}/model/parse", data=b'{"text": "hi"}',
        headers={"Content-Type": "application/json"},
    )
    with pytest.raises(urllib.error.HTTPError) as error:
        urllib.request.urlopen(request, timeout=10)
    assert error.value.code in (403, 404, 405)


def test_logs_are_written(server: ServeConfig) -> None:
    assert Path(server.log_dir, "rasa.log").stat().st_size > 0


def test_teams_and_slack_answer_503_until_configured(server: ServeConfig) -> None:
    for channel, variable in [("teams", "TEAMS_APP_ID"), ("slack", "SLACK_SIGNING_SECRET")]:
        request = urllib.request.Request(f"{server.rasa_url}/webhooks/{channel}/webhook", data=b"{}")
        with pytest.raises(urllib.error.HTTPError) as error:
            urllib.request.urlopen(request, timeout=10)
        assert error.value.code == 503
        assert variable in error.value.read().decode()


# --- the eligibility check, typed in free text --------------------------------------------------

def run_check(chat: Conversation, answers: list[str]) -> list[str]:
    """Start the check, type each answer, and return the bot's reply to each."""
    replies = [chat.reply("am I eligible?")]
    replies += [chat.reply(answer) for answer in answers]
    return replies


def test_a_software_developer_is_eligible(chat: Conversation, corpus: dict[str, FaqEntry]) -> None:
    replies = run_check(chat, ["software developer", "I'm 23", "British", "all my life", "no",
                               "nope", "no I don't", "yes"])
    assert "Which role would you like to apply for?" in replies[0]
    assert "How old are you?" in replies[1]
    assert "What is your nationality?" in replies[2]
    assert "How many years have you lived in the UK" in replies[3]
    assert "settled" not in replies[3]  # a UK citizen is not asked about settled status
    verdict = replies[-1]
    assert verdict.startswith("From what you've told me, you meet the TechTrack eligibility criteria.")
    assert "- Age: 23" in verdict
    assert "Makers sends you a course to complete along with a coding challenge" in verdict
    assert "the admissions team makes the decision" in verdict
    # the role they checked for tailors later answers
    assert chat.reply("how long is it?") == corpus["duration"].answers["software_developer"]


def test_a_polish_devops_applicant_without_settled_status_is_not_eligible(chat: Conversation) -> None:
    replies = run_check(chat, ["devops", "twenty five", "I'm Polish", "neither", "no"])
    assert "settled or pre-settled status" in replies[3]
    assert "another permission to live in the UK" in replies[4]
    verdict = replies[-1]
    assert verdict.startswith("From what you've told me, you don't meet")
    assert "need settled or pre-settled status under the EU Settlement Scheme" in verdict
    assert "- Nationality: EU, EEA or Swiss" in verdict


def test_a_business_analyst_without_gcses_is_offered_another_role(chat: Conversation) -> None:
    replies = run_check(chat, ["business analyst", "30", "Irish", "10 years", "no", "no", "no",
                               "yes", "yes I am", "no"])
    verdict = replies[-1]
    assert "five GCSEs at grade A–C (9–4)" in verdict
    assert "Software Developer and DevOps Engineer need no prior qualifications" in verdict
    # the button re-runs the check for Software Developer, keeping every answer that still applies
    # but whether a qualification is in a similar subject, which depends on the role
    restart = chat.reply('/check_eligibility{"role": "software_developer"}')
    assert "Updated your answer: Role: Software Developer." in restart
    assert restart.endswith(QUESTIONS["prior_qualification"].prompt)
    assert "you meet the TechTrack eligibility criteria" in chat.reply("no")


def test_a_question_mid_check_is_answered_then_the_question_asked_again(
    chat: Conversation, corpus: dict[str, FaqEntry]
) -> None:
    run_check(chat, ["cyber security", "I'm 40"])
    reply = chat.reply("will I be paid during the apprenticeship?")
    assert reply.startswith(corpus["salary"].answer)
    assert reply.endswith("What is your nationality?")
    why = chat.reply("why do you ask?")
    assert why.startswith("I ask because:") and why.endswith("What is your nationality?")


def test_an_answer_then_a_question_keeps_the_answer_and_answers_the_question(
    chat: Conversation, corpus: dict[str, FaqEntry]
) -> None:
    # An exploratory tester's "no. btw how long…" lost the answer, or the question, depending on
    # how the message was classified.
    run_check(chat, ["software developer", "I'm 30", "British", "all my life"])
    reply = chat.reply("nope. also do apprentices get paid?")
    assert reply.startswith(corpus["salary"].answer)
    assert reply.endswith(QUESTIONS["other_programme"].prompt)


def test_an_answer_that_does_not_fit_is_asked_again_with_a_hint(chat: Conversation) -> None:
    run_check(chat, ["devops"])
    first = chat.reply("banana")
    assert first.startswith("Sorry, I didn't understand that.") and "How old are you?" in first
    second = chat.reply("purple")
    assert "Sorry, I still didn't understand" in second and "stop" in second
    assert "What is your nationality?" in chat.reply("22")


def test_a_correction_re_routes(chat: Conversation) -> None:
    run_check(chat, ["software developer", "23", "British"])
    reply = chat.reply("actually I'm 14")
    assert "Updated your answer: Age: 14." in reply
    assert "From what you've told me, you don't meet" in reply
    assert "You need to be 16 or over" in reply


def test_stop_asks_first_and_start_again_restarts(chat: Conversation) -> None:
    run_check(chat, ["software developer", "23"])
    assert "Do you want to stop the eligibility check?" in chat.reply("stop")
    assert "What is your nationality?" in chat.reply("no, carry on")
    assert "Do you want to stop" in chat.reply("cancel")
    assert "I've stopped the eligibility check" in chat.reply("yes")
    assert "Which role would you like to apply for?" in chat.reply("start again")


def test_an_indian_student_visa_holder_is_not_eligible(chat: Conversation) -> None:
    replies = run_check(chat, ["DevOps", "I am 27", "I'm Indian", "I'm on a student visa"])
    assert "What permission do you have to live in the UK?" in replies[3]  # spaCy: NORP
    assert replies[-1].startswith("From what you've told me, you don't meet")
    assert "Permission to live in the UK for study (a student visa) doesn't qualify." in replies[-1]


GENERAL_YES = ["30", "British", "10 years", "no", "no", "no", "yes"]


@pytest.mark.parametrize(
    ("answers", "reason"),
    [
        (["devops", "14"], "You need to be 16 or over"),
        (["devops", "30", "French", "neither", "no"], "need settled or pre-settled status"),
        (["devops", "30", "French", "settled", "2 years"], "continuously for the last 3 years"),
        (["devops", "30", "American", "student visa"], "doesn't qualify"),
        (["devops", "30", "I'm from Brazil", "no permission"], "need permission to live and work"),
        (["devops", "30", "Canadian", "skilled worker visa", "1 year"], "Only some statuses are exempt"),
        (["software developer", "30", "British", "10", "yes"], "can't use a student loan"),
        (["software developer", "30", "British", "10", "no", "yes"], "another Department for Education"),
        (["software developer", "30", "British", "10", "no", "no", "yes"], "assess your prior learning"),
        (["software developer", *GENERAL_YES[:-1], "no"], "must be based in England"),
        (["business analyst", *GENERAL_YES, "no"], "employed in a relevant role"),
        (["business analyst", *GENERAL_YES, "yes", "no"], "five GCSEs"),
        (["cyber", *GENERAL_YES, "yes", "yes", "no"], "a Level 3 qualification"),
        (["cyber", *GENERAL_YES, "yes", "yes", "yes", "no"], "an IT qualification at level 2 or 3"),
    ],
)
def test_each_not_eligible_reason_typed_in_free_text(
    chat: Conversation, answers: list[str], reason: str
) -> None:
    verdict = run_check(chat, answers)[-1]
    assert verdict.startswith("From what you've told me, you don't meet"), verdict
    assert reason in verdict


def test_with_the_action_server_down_the_bot_says_so(tmp_path: Path) -> None:
    config = ServeConfig(
        rasa_host="127.0.0.1", rasa_port=free_port(), action_host="127.0.0.1",
        action_port=free_port(), log_dir=tmp_path, extra_env={"TECHTRACK_HUMAN_ROUTE": ROUTE},
    )
    with Servers(config) as servers:
        servers.wait_ready()
        chat = Conversation(config)
        assert chat.reply("hello").startswith("Hello!")
        servers.processes["actions"].terminate()
        servers.processes["actions"].wait(timeout=30)
        assert chat.reply("will I be paid?") == f"{NO_REPLY}\n\n{ROUTE}"
        assert chat.reply("are you a bot?").startswith("I'm a bot")  # the rest still works


def test_make_run_serves_until_ctrl_c_then_stops_both_servers(tmp_path: Path) -> None:
    rasa_port, action_port = free_port(), free_port()
    env = {**os.environ, "RASA_HOST": "127.0.0.1", "RASA_PORT": str(rasa_port),
           "ACTION_SERVER_HOST": "127.0.0.1", "ACTION_SERVER_PORT": str(action_port)}
    process = subprocess.Popen([sys.executable, "-m", "bot.dev.serve"], cwd=ROOT, env=env,
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        printed = ""
        assert process.stdout is not None
        for line in process.stdout:
            printed += line
            if "Press Ctrl-C" in line:
                break
        assert f"http://127.0.0.1:{rasa_port}/webhooks/rest/webhook" in printed
        assert Conversation(ServeConfig(rasa_host="127.0.0.1", rasa_port=rasa_port)).reply("hi")
        process.send_signal(signal.SIGINT)
        assert process.wait(timeout=60) == 0
    finally:
        if process.poll() is None:
            process.kill()
    for port in (rasa_port, action_port):
        with socket.socket() as sock:
            assert sock.connect_ex(("127.0.0.1", port)) != 0, f"port {port} still open"


def test_changing_an_answer_after_the_verdict(chat: Conversation) -> None:
    replies = run_check(chat, ["software developer", "23", "British", "all my life", "no", "no",
                               "no", "yes"])
    assert replies[-1].startswith("From what you've told me, you meet")
    vague = chat.reply("I made a mistake")
    assert vague.startswith("Which answer would you like to change?")
    assert "From what you've told me" not in vague
    changed = chat.reply("change my age")
    assert "I'll ask about that again: Age." in changed and changed.endswith("How old are you?")
    assert chat.reply("14").startswith("From what you've told me, you don't meet")



def test_an_answer_changed_after_a_no_is_asked_again_though_another_answer_decides(
    chat: Conversation,
) -> None:
    # An exploratory tester: after "don't meet" (a similar Level 4 qualification), "change years
    # living here" said "I'll ask about that again", then gave the verdict without the question
    # and dropped the years from its summary.
    replies = run_check(chat, ["software developer", "30", "British", "20", "no", "no", "yes"])
    assert replies[-1].startswith("From what you've told me, you don't meet")
    changed = chat.reply("change years living here")
    assert "I'll ask about that again: Years living here." in changed
    assert "How many years have you lived in the UK" in changed
    assert "From what you've told me" not in changed
    verdict = chat.reply("15")
    assert verdict.startswith("From what you've told me, you don't meet")
    assert "Years living in the UK: 15 years" in verdict


def test_a_question_the_bot_cannot_answer_mid_check_is_declined_and_the_question_asked_afresh(
    chat: Conversation,
) -> None:
    # An exploratory tester's "do I get a laptop?" at the role question got "Sorry, I didn't
    # understand that. Pick a role...", and every later aside was followed by that "Sorry" too.
    run_check(chat, [])
    declined = chat.reply("do I get a laptop?")
    assert "Sorry, I didn't understand that" not in declined
    assert declined.endswith("Which role would you like to apply for?")
    after_faq = chat.reply("how long is the apprenticeship for devops?")
    assert "Sorry, I didn't understand that" not in after_faq
    assert after_faq.endswith("Which role would you like to apply for?")


def test_another_role_instead_after_the_verdict_asks_which_and_keeps_the_answers(chat: Conversation) -> None:
    # A tester's "can I apply for another role instead?" (the verdict suggests typing it) restarted
    # the check from the first question, every answer lost.
    replies = run_check(chat, ["business analyst", "30", "British", "all my life", "no", "no", "no", "yes",
                               "no"])
    assert replies[-1].startswith("From what you've told me, you don't meet")
    asked = chat.say("can I apply for another role instead?")
    assert asked[0]["text"].startswith("Which role would you like me to check instead?")
    assert "From what you've told me" not in asked[0]["text"]
    payloads = [b["payload"] for b in asked[0]["buttons"]]
    assert '/check_eligibility{"role": "software_developer"}' in payloads
    rerun = chat.reply('/check_eligibility{"role": "software_developer"}')
    assert "How old are you?" not in rerun
    assert rerun.endswith(QUESTIONS["prior_qualification"].prompt)  # similar to the new role?
    assert "you meet the TechTrack eligibility criteria" in chat.reply("no")


def test_a_correction_said_as_a_statement_after_the_verdict_is_a_correction(chat: Conversation) -> None:
    # A tester's "actually I've only lived here 1 year..." after the verdict got an FAQ answer.
    replies = run_check(chat, ["software developer", "23", "British", "all my life", "no", "no",
                               "no", "yes"])
    assert replies[-1].startswith("From what you've told me, you meet")
    changed = chat.reply("actually I've only lived here 2 years")
    assert "Updated your answer: Years living here: 2 years." in changed
    assert "please check your eligibility with the admissions team" in changed
