"""Log redaction (bot/logs.py) without servers: structures, Rasa's messages, exceptions, access
logs, secrets, and a process with the redaction installed; the entries' arguments (the API token
never on a command line) and the action server's guard, in-process."""

from __future__ import annotations

import asyncio
import json
import logging
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from bot import logs
from bot.dev import action_server, rasa_server
from bot.dev.serve import ServeConfig, Servers
from bot.paths import ROOT

SAID = "my name is Zed Quokkaman and I am 34, Polish, settled"
TRACKER = {
    "sender_id": "person-1",
    "slots": {"elig_age": 34, "elig_nationality": "Polish", "requested_slot": None},
    "latest_message": {"text": SAID, "intent": {"name": "inform", "confidence": 0.9},
                       "entities": [{"entity": "nationality", "value": "Polish"}]},
    "events": [{"event": "user", "text": SAID, "parse_data": {"text": SAID}},
               {"event": "slot", "name": "elig_age", "value": 34},
               {"event": "bot", "text": "You said you are 34 and Polish", "data": {}}],
    "active_loop": {"name": "eligibility_form"},
}


def redactor() -> logs.Redactor:
    return logs.Redactor(["super-secret-token-123"])


def _clean(text: str) -> bool:
    return not any(word in text for word in ("Quokkaman", "Polish", "settled", "You said"))


def test_a_tracker_in_json_keeps_its_shape_but_not_what_was_said() -> None:
    text = redactor().text(f"request body: {json.dumps(TRACKER)} (end)")
    assert _clean(text)
    assert text.startswith("request body: {") and text.endswith("} (end)")
    shown = json.loads(text[len("request body: "):-len(" (end)")])
    assert shown["slots"] == "[redacted]" and shown["events"] == "[redacted]"
    assert shown["active_loop"] == {"name": "eligibility_form"}


def test_a_python_repr_and_an_unparseable_dump_are_redacted_too() -> None:
    assert _clean(redactor().text(f"tracker {TRACKER!r}"))
    broken = json.dumps(TRACKER)[:-40]  # cut short, as a truncated log line would be
    text = redactor().text(f"body='b'{broken}")
    assert _clean(text) and "[redacted" in text


def test_structlog_lines_lose_their_sensitive_values() -> None:
    line = json.dumps({"event": "processor.slots.log", "slot_values": ["elig_nationality: Polish"],
                       "level": "debug", "user_message": SAID, "action_name": "action_listen"})
    text = redactor().text(line)
    assert _clean(text)
    assert json.loads(text)["action_name"] == "action_listen"


@pytest.mark.parametrize("message", [
    f"Received user message '{SAID}' with intent '{{'name': 'inform'}}' and entities '[]'",
    "Current slot values: \n\telig_age: 34\n\telig_nationality: Polish\n\trequested_slot: None",
    "UserUttered(text: Zed Quokkaman is Polish, intent: inform, entities: )",
    "SlotSet(key: elig_nationality, value: Polish)",
    "500, Internal Server Error, body='{\"error\": \"x\", \"request_body\": {\"text\": \"Polish\"}}'",
])
def test_rasas_messages_that_quote_a_person_are_redacted(message: str) -> None:
    assert _clean(redactor().text(message))


def test_ordinary_messages_are_left_alone() -> None:
    for message in ("Registered function for 'action_ask_elig_age'.", "Loading the model...",
                    "Predicted next action 'action_listen' with confidence 1.00.", "[INFO] ready {}"):
        assert redactor().text(message) == message


def test_secrets_and_conversation_ids() -> None:
    text = redactor().text("token super-secret-token-123 for conversation 'user@example.com'")
    assert "super-secret-token-123" not in text and "user@example.com" not in text
    assert "[secret]" in text and "conversation '#" in text
    again = redactor().text("Acquired lock for conversation 'user@example.com'")
    assert again.split("'")[1] == text.split("'")[1]  # the same id, the same hash: a log can be followed


def _raised(exception: BaseException) -> tuple[type[BaseException], BaseException, object]:
    try:
        raise exception
    except BaseException as caught:
        return type(caught), caught, caught.__traceback__


def test_exceptions_keep_their_traceback_but_not_their_message() -> None:
    text = redactor().exception(_raised(ValueError(f"invalid literal for int(): {SAID!r}")))  # type: ignore[arg-type]
    assert _clean(text)
    assert "ValueError: [message redacted" in text
    assert "test_logs.py" in text and "raise exception" in text  # where it happened


def test_system_exceptions_keep_their_message() -> None:
    text = redactor().exception(_raised(ConnectionRefusedError(111, "Connection refused")))  # type: ignore[arg-type]
    assert "Connection refused" in text


def test_a_database_error_keeps_its_first_line_only() -> None:
    import sqlalchemy as sa

    error = sa.exc.OperationalError("INSERT INTO events (data) VALUES (?)", (SAID,),
                                    Exception("disk I/O error"))
    text = redactor().exception(_raised(error))  # type: ignore[arg-type]
    assert _clean(text) and "disk I/O error" in text


def test_an_action_servers_error_body_is_dropped_from_the_chain() -> None:
    from rasa.utils.endpoints import ClientResponseError

    body = json.dumps({"error": "boom", "request_body": {"tracker": TRACKER}})
    try:
        try:
            raise ClientResponseError(500, "Internal Server Error", body)
        except ClientResponseError as error:
            raise RuntimeError("Failed to execute custom action") from error
    except RuntimeError as caught:
        text = redactor().exception((RuntimeError, caught, caught.__traceback__))
    assert _clean(text)
    assert "ClientResponseError: 500, Internal Server Error, body=[redacted]" in text


def test_the_filter_redacts_a_record_in_place_and_access_log_query_strings() -> None:
    record = logging.LogRecord("sanic.access", logging.INFO, __file__, 1, "%s", (TRACKER,), None)
    record.request = "GET /conversations/x/tracker?token=super-secret-token-123&q=Polish"
    record.host = "127.0.0.1:5000"
    logs.RedactingFilter(redactor()).filter(record)
    assert _clean(record.getMessage())
    assert record.request == "GET /conversations/x/tracker?[query]"
    assert record.host == "127.0.0.1:5000"
    logs.RedactingFilter(redactor()).filter(record)  # a second pass changes nothing
    assert record.request == "GET /conversations/x/tracker?[query]"


INSTALLED = """
import json, logging, sys, threading, warnings
from bot import logs
logs.install({"RASA_API_TOKEN": "super-secret-token-123"})
logging.basicConfig(level=logging.DEBUG, stream=sys.stdout)
tracker = json.loads(sys.argv[1])
log = logging.getLogger("rasa.core.processor")
log.debug("Received user message '%s' with intent 'inform'", tracker["latest_message"]["text"])
log.info("tracker: %s", tracker)
try:
    int(tracker["latest_message"]["text"])
except ValueError:
    log.exception("could not read the age")
print("printed:", tracker)
print("token super-secret-token-123")
warnings.warn("a warning about " + json.dumps({"text": tracker["latest_message"]["text"]}))
threading.Thread(target=lambda: 1 / 0 if tracker else None).start()
raise RuntimeError("uncaught: " + tracker["latest_message"]["text"])
"""


def test_a_process_with_the_redaction_installed_writes_nothing_personal() -> None:
    result = subprocess.run([sys.executable, "-c", INSTALLED, json.dumps(TRACKER)], cwd=ROOT,
                            capture_output=True, text=True, timeout=60, env={"PYTHONPATH": str(ROOT)})
    output = result.stdout + result.stderr
    assert result.returncode == 1
    assert _clean(output), output
    assert "super-secret-token-123" not in output
    for shown in ("Received user message '[redacted]", "could not read the age", "ValueError",
                  "printed: {", "ZeroDivisionError", "RuntimeError: [message redacted"):
        assert shown in output, shown


def test_log_files_are_private(tmp_path: Path) -> None:
    folder = tmp_path / "logs"
    folder.mkdir(mode=0o755)
    (folder / "rasa.log").write_text("old")
    (folder / "rasa.log").chmod(0o644)
    fd = logs.private_log_file(folder / "rasa.log")
    logs.os.close(fd)
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert stat.S_IMODE((folder / "rasa.log").stat().st_mode) == 0o600
    assert (folder / "rasa.log").read_text() == ""


# --- the entries ---------------------------------------------------------------------------------

def test_the_api_token_goes_from_the_environment_into_rasas_arguments() -> None:
    run = ["run", "--enable-api", "--port", "5005"]
    assert rasa_server.arguments(run, {"RASA_API_TOKEN": "t0ken-from-env"}) == [*run, "--auth-token",
                                                                                 "t0ken-from-env"]
    assert rasa_server.arguments(["run"], {"RASA_API_TOKEN": "t0ken-from-env"}) == ["run"]
    with pytest.raises(SystemExit, match="needs RASA_API_TOKEN"):
        rasa_server.arguments(run, {})
    with pytest.raises(SystemExit, match="not on the command line"):
        rasa_server.arguments(["run", "--auth-token", "x"], {})


def test_serve_puts_no_token_on_a_command_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'x.db'}")
    servers = Servers(ServeConfig(api_token="api-t0ken-0123456789", log_dir=tmp_path))
    token = servers.action_token()
    commands = [servers.rasa_command("run"), servers.rasa_command("shell"), servers.action_command()]
    assert "--enable-api" in commands[0]
    assert not [c for c in commands if "api-t0ken-0123456789" in c or token in c]
    env = servers.env()
    assert env["RASA_API_TOKEN"] == "api-t0ken-0123456789" and env["ACTION_SERVER_TOKEN"] == token
    assert env["COMPRESS_ACTION_SERVER_REQUEST"] == "false"
    assert Servers(ServeConfig(log_dir=tmp_path)).env().get("RASA_API_TOKEN") is None


def test_the_action_server_token(tmp_path: Path) -> None:
    token_file = tmp_path / "var" / "action-server.token"
    assert action_server.action_server_token({"ACTION_SERVER_TOKEN": "given"}, token_file) == "given"
    production = action_server.action_server_token({"DATABASE_URL": "postgresql://db/x"}, token_file)
    assert len(production) >= 32 and not token_file.exists()  # for this run only, never on disk
    developer = action_server.action_server_token({}, token_file)
    assert stat.S_IMODE(token_file.stat().st_mode) == 0o600
    assert stat.S_IMODE(token_file.parent.stat().st_mode) == 0o700
    assert action_server.action_server_token({}, token_file) == developer


def _guarded_app(monkeypatch: pytest.MonkeyPatch, token: str = "the-shared-secret-0123") -> object:
    from rasa_sdk.endpoint import create_app
    from sanic import Sanic

    monkeypatch.setattr(Sanic, "test_mode", True)  # one app per test, all named "rasa_sdk"

    app = create_app("tests.helpers.raising_actions", cors_origins="")
    action_server.secure(app, token, max_body=64 * 1024)
    return app


class FakeRequest:
    def __init__(self, method: str, path: str, headers: dict[str, str] | None = None) -> None:
        self.method, self.path, self.headers = method, path, headers or {}


def _guard(app: object, request: FakeRequest) -> int | None:
    """What the guard middleware answers (a status), or None when it lets the request through."""
    guard = app.request_middleware[-1]  # type: ignore[attr-defined]
    response = asyncio.run(guard(request))
    return None if response is None else int(response.status)


def test_the_action_servers_guard_in_process(monkeypatch: pytest.MonkeyPatch) -> None:
    app = _guarded_app(monkeypatch)
    secret = {action_server.TOKEN_HEADER: "the-shared-secret-0123"}
    assert _guard(app, FakeRequest("GET", "/health")) is None
    assert _guard(app, FakeRequest("POST", "/webhook")) == 401
    assert _guard(app, FakeRequest("POST", "/webhook", {action_server.TOKEN_HEADER: "wrong"})) == 401
    assert _guard(app, FakeRequest("POST", "/health")) == 401
    assert _guard(app, FakeRequest("GET", "/actions", secret)) is None
    assert _guard(app, FakeRequest("POST", "/webhook", {**secret, "Content-Encoding": "deflate"})) == 415
    assert _guard(app, FakeRequest("POST", "/webhook", {**secret, "Content-Encoding": "identity"})) is None
    assert app.config.REQUEST_MAX_SIZE == 64 * 1024  # type: ignore[attr-defined]


def test_a_short_token_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(action_server.ActionServerConfigError, match="at least 16"):
        _guarded_app(monkeypatch, "short")


HOSTILE = ["Received user message '", "UserUttered(text: ", "body='", "lot values:", "text='", "value '",
           "Setting slot x to ", "SlotSet(key: x, value: ", "{", "[", "{'text': ", '"text": "', "'",
           "conversation '", "a", " ", "{}", "[1, ", "\\", '{"a": "\\"']


@pytest.mark.parametrize("unit", HOSTILE)
def test_redaction_takes_linear_time(unit: str) -> None:
    """A log message made of what a person typed (Rasa logs it at DEBUG) cannot make redaction
    slow: 100,000 characters of any of these take well under a second, and four times as many
    characters about four times as long."""
    import time

    def seconds(text: str) -> float:
        best = float("inf")
        for _ in range(3):
            started = time.perf_counter()
            redactor().text(text)
            best = min(best, time.perf_counter() - started)
        return best

    short, long = unit * (25_000 // len(unit)), unit * (100_000 // len(unit))
    took_short, took_long = seconds(short), seconds(long)
    assert took_long < 1.0
    assert took_long < 10 * took_short + 0.05


def test_rasas_exceptions_keep_only_known_messages() -> None:
    from rasa.shared.exceptions import RasaException

    kept = redactor().exception(_raised(RasaException("Failed to execute custom action 'action_x'")))  # type: ignore[arg-type]
    assert "Failed to execute custom action 'action_x'" in kept
    quoting = redactor().exception(_raised(RasaException(f"Could not parse '{SAID}'")))  # type: ignore[arg-type]
    assert _clean(quoting) and "RasaException: [message redacted" in quoting


def test_only_conversation_ids_are_hashed() -> None:
    modules = "loaded modules: ['rasa.shared.core.conversation', 'rasa.shared.core.trackers']"
    assert redactor().text(modules) == modules
    for message in ("Starting a new session for conversation ID 'abc-123'.", "sender_id='abc-123'",
                    "Tracker with sender_id 'abc-123' stored to database"):
        assert "abc-123" not in redactor().text(message)
