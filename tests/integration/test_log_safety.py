"""No message text, tracker or secret in any log, and an action server only Rasa can call, against
both servers started as `make run` starts them (once for this module), with debug logging on and
an eligibility verdict action that raises (tests/helpers/raising_actions.py): the worst case, where
the SDK sends the whole tracker back to Rasa and Rasa logs the error.

After a full eligibility conversation, no answer may appear in any file under the logs folder or
var/, except the tracker store's database (which keeps the conversation on purpose).
"""

from __future__ import annotations

import dataclasses
import http.client
import json
import os
import re
import stat
import urllib.error
import urllib.request
import zlib
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.dev.action_server import TOKEN_HEADER
from bot.dev.serve import ServeConfig, Servers
from bot.paths import ROOT
from tests.helpers.support import Conversation, local_config, running_servers

API_TOKEN = "api-token-for-the-log-safety-test-0123"
KEY = "log-safety-test-key-0123456789"
# Said in this order: a full eligibility check (the verdict action raises).
ANSWERS = ["am I eligible?", "software developer", "34", "Polish", "settled", "5 years", "no", "no", "no",
           "yes"]
# What may not appear anywhere: the answers, the slot values the bot makes of them, and the secrets.
LONG_PROBES = ["software developer", "software_developer", "Polish", "settled", "5 years"]
SHORT_PROBES = ["34", "no", "yes"]  # only as values: quoted, or after ':' or '=' (see `short_probe`)


@dataclasses.dataclass
class Bot:
    config: ServeConfig
    servers: Servers
    var: Path


@pytest.fixture(scope="module")
def bot(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Bot]:
    directory = tmp_path_factory.mktemp("log-safety")
    env = {"DATABASE_URL": f"sqlite:///{directory / 'var' / 'techtrack.db'}", "TECHTRACK_ID_HASH_KEY": KEY,
           "LOG_LEVEL": "DEBUG", "LOG_LEVEL_LIBRARIES": "DEBUG"}
    config = dataclasses.replace(
        local_config(directory / "logs", env), api_token=API_TOKEN,
        action_package="tests.helpers.raising_actions",
    )
    with running_servers(config) as servers:
        yield Bot(config, servers, directory / "var")


def _request(url: str, data: bytes | None = None, headers: dict[str, str] | None = None) -> int:
    request = urllib.request.Request(url, data=data, headers=headers or {}, method="POST" if data else "GET")
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return int(response.status)
    except urllib.error.HTTPError as error:
        return int(error.code)


def test_the_action_server_answers_only_with_the_shared_secret(bot: Bot) -> None:
    url = bot.config.action_url
    body = json.dumps({"next_action": "action_dont_know", "version": "3.6.2"}).encode()
    json_type = {"Content-Type": "application/json"}
    token = {TOKEN_HEADER: bot.servers.action_token()}
    assert _request(f"{url}/health") == 200  # readiness probes need no secret
    assert _request(f"{url}/actions") == 401
    assert _request(f"{url}/webhook", body, json_type) == 401
    assert _request(f"{url}/webhook", body, {**json_type, TOKEN_HEADER: "not-the-secret"}) == 401
    assert _request(f"{url}/actions", headers=token) == 200
    deflated = {**json_type, **token, "Content-Encoding": "deflate"}
    assert _request(f"{url}/webhook", zlib.compress(body), deflated) == 415
    assert _request(f"{url}/webhook", body, {**json_type, **token, "Content-Encoding": "gzip"}) == 415
    assert _status_of_an_oversized_body(bot.config, token) == 413


def _status_of_an_oversized_body(config: ServeConfig, headers: dict[str, str]) -> int:
    """A POST announcing a 5 MiB body: the server answers 413 before reading it (sending it all
    would only meet a closed connection)."""
    connection = http.client.HTTPConnection(config.action_host, config.action_port, timeout=30)
    try:
        connection.putrequest("POST", "/webhook")
        for name, value in {**headers, "Content-Type": "application/json",
                            "Content-Length": str(5 * 1024 * 1024)}.items():
            connection.putheader(name, value)
        connection.endheaders()
        return connection.getresponse().status
    finally:
        connection.close()


def test_no_token_is_on_a_command_line(bot: Bot) -> None:
    secrets = [API_TOKEN.encode(), bot.servers.action_token().encode()]
    for name, process in bot.servers.processes.items():
        cmdline = Path(f"/proc/{process.pid}/cmdline").read_bytes()
        assert b"bot.dev." in cmdline, name
        assert not any(secret in cmdline for secret in secrets), name
    assert _request(f"{bot.config.rasa_url}/status") == 401  # the API is on, and wants the token
    assert _request(f"{bot.config.rasa_url}/status?token={API_TOKEN}") == 200


def short_probe(answer: str) -> re.Pattern[str]:
    """A short answer as a value: quoted ('no', "no") or after ':' or '=' (text: no, value=34), or
    for a number, on its own (not part of a time, a version or a longer number, nor Rasa's count of a
    tracker's events: "tracker now has 34 events")."""
    escaped = re.escape(answer)
    quoted = rf"""["'`]{escaped}["'`]|(?<!\d)[:=]\s?{escaped}(?![\w.:-])"""
    if answer.isdigit():
        quoted += rf"|(?<![\w.:/-]){escaped}(?![\w.:/-])(?!\s+events\b)"
    return re.compile(quoted, re.IGNORECASE)


def _files_to_search(bot: Bot) -> list[Path]:
    tracker_databases = {"techtrack.db", "techtrack.db-wal", "techtrack.db-shm", "techtrack.db-journal"}
    folders = [bot.config.log_dir, bot.var, ROOT / "var"]
    return [p for folder in folders if folder.exists() for p in sorted(folder.rglob("*"))
            if p.is_file() and p.name not in tracker_databases]


def test_a_failing_eligibility_check_leaves_no_answer_in_the_logs(bot: Bot) -> None:
    chat = Conversation(bot.config)
    replies = [chat.reply(said) for said in ANSWERS]
    assert "How old are you?" in replies[1]
    assert "nationality" in replies[2]
    assert "something went wrong" in replies[-1]  # the verdict action raised
    bot.servers.stop()  # everything written and flushed

    rasa_log, actions_log = bot.config.log_dir / "rasa.log", bot.config.log_dir / "actions.log"
    failed = "Encountered an exception while running action 'action_eligibility_verdict'"
    assert failed in rasa_log.read_text()
    assert "DEBUG" in rasa_log.read_text()  # the worst case: debug logging was on
    assert "[message redacted" in actions_log.read_text()  # the action's exception, without its message

    files = _files_to_search(bot)
    assert rasa_log in files and actions_log in files
    secrets = (API_TOKEN, bot.servers.action_token())
    found = []
    for path in files:
        text = path.read_bytes().decode("utf-8", errors="replace")
        found += [f"{path.name}: {probe!r}" for probe in LONG_PROBES if probe.lower() in text.lower()]
        found += [f"{path.name}: {m.group(0)!r}"
                  for probe in SHORT_PROBES for m in short_probe(probe).finditer(text)]
        found += [f"{path.name}: a secret" for secret in secrets if secret in text]
        found += [f"{path.name}: the action's exception message"] if "a verdict after '" in text else []
        found += [f"{path.name}: the conversation id"] if chat.sender in text else []
    assert found == []


def test_logs_and_the_database_are_private(bot: Bot) -> None:
    assert stat.S_IMODE(bot.config.log_dir.stat().st_mode) == 0o700
    for path in bot.config.log_dir.iterdir():
        assert stat.S_IMODE(path.stat().st_mode) == 0o600, path.name
    database = bot.var / "techtrack.db"
    assert database.exists()
    assert stat.S_IMODE(database.stat().st_mode) == 0o600
    assert not stat.S_IMODE(os.stat(bot.var).st_mode) & 0o077
