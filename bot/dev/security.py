"""`python -m bot.dev.security` (`make security`): replay known attacks against the running bot and
audit the pinned packages, printing one PASS or FAIL line per attack, then "N passed, M failed".

Both servers are started as `make run` starts them (bot/dev/serve.py), once, on free 127.0.0.1
ports, with a throwaway SQLite DATABASE_URL and log folder, the product's default input limits, and
a low per-conversation rate limit that applies to loopback too (REPLAY_ENV). Every request goes to
127.0.0.1 only, and every loop is bounded. The attacks:

- huge bodies and messages on the REST webhook (a 1 MB message, 100,000 spaces, a 10 MB body, and
  "a" + 20,000 spaces and tabs + "a", the input that was quadratic in an old clean-up regex), each
  sent while an unrelated conversation asks a normal question: that conversation's median reply
  time beside its normal median (pairs alternated, ROUNDS of each), within SLOWDOWN_MS of normal;
- malformed REST requests (400 saying what is wrong), and `/restart` (200, quiet);
- forged conversation ids: a REST sender naming a Slack, Teams or web conversation, and web chat
  session ids the server did not sign;
- the action server without its shared secret, with a compressed body, and with an oversized one;
- Rasa's HTTP API (off without RASA_API_TOKEN), and no secret on either server's command line;
- the per-conversation rate limit; and no eligibility answer in the logs afterwards.

Then pip-audit (installed into .venv-tools from requirements/tools.txt) over
requirements/requirements.txt, its findings compared with the accepted advisories listed in
docs/operations/security.md: an advisory not accepted there, or a package that could not be
audited, is a FAIL. PIP_AUDIT_VULNERABILITY_SERVICE=osv uses the OSV database instead of PyPI's.

tests/integration/test_security_replay.py runs the quick attacks (malformed requests, forged ids,
the action server, the rate limit) through the functions here; `make security` runs everything.
"""

from __future__ import annotations

import argparse
import asyncio
import dataclasses
import http.client
import json
import os
import re
import secrets
import select
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
import uuid
import zlib
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bot.channels.common import NO_REPLY
from bot.channels.identity import (
    rest_conversation_id,
    slack_conversation_id,
    teams_conversation_id,
)
from bot.channels.limits import RATE_LIMITED
from bot.dev.action_server import TOKEN_HEADER
from bot.dev.serve import ServeConfig, Servers, free_port
from bot.dev.socketio_polling import hang_up
from bot.dev.train import MODEL_PATH
from bot.paths import ROOT

HOST = "127.0.0.1"  # the only address the replay sends anything to
CONVERSATION_RATE = 5
RATE_SECONDS = 60
REPLAY_ENV = {
    "TECHTRACK_ENV": "development",
    "TECHTRACK_RATE_LIMIT": f"{CONVERSATION_RATE}/{RATE_SECONDS}",
    "TECHTRACK_RATE_LIMIT_LOOPBACK": "1",
    # Every request of the replay comes from 127.0.0.1: with the per-address limit on as well, the
    # replay would refuse itself (tests/integration/test_public_safety.py covers that limit).
    "TECHTRACK_ADDRESS_RATE_LIMIT": "off",
}
NORMAL_QUESTION = "will I be paid?"
ROUNDS = 5
SLOWDOWN_MS = 100.0  # the target: an unrelated conversation within 100 ms of its normal reply time
FAST_SECONDS = 3.0  # an attack must be answered within this
ACTION_BODY_BYTES = 5 * 1024 * 1024  # announced to the action server (its cap is 4 MiB)
ELIGIBILITY_ANSWERS = ["am I eligible?", "software developer", "34", "Polish"]
LONG_PROBES = ["software developer", "software_developer", "Polish"]
SHORT_PROBES = ["34"]
REQUIREMENTS = ROOT / "requirements" / "requirements.txt"
ACCEPTED_ADVISORIES = ROOT / "docs" / "operations" / "security.md"
PIP_AUDIT = ROOT / ".venv-tools" / "bin" / "pip-audit"
PIP_AUDIT_TIMEOUT_SECONDS = 900


@dataclass(frozen=True)
class Outcome:
    """One attack: what was tried, what happened, and whether that is what should happen."""

    attack: str
    happened: str
    passed: bool

    def line(self) -> str:
        return f"{'PASS' if self.passed else 'FAIL'}  {self.attack}: {self.happened}"


@dataclass(frozen=True)
class Reply:
    status: int  # 0: the connection closed without an answer
    body: bytes
    seconds: float

    @property
    def text(self) -> str:
        return self.body.decode("utf-8", errors="replace")

    def json(self) -> Any:
        try:
            return json.loads(self.body)
        except ValueError:
            return None

    def texts(self) -> str:
        value = self.json()
        if not isinstance(value, list):
            return ""
        return "\n\n".join(str(m.get("text", "")) for m in value if isinstance(m, dict))

    def summary(self) -> str:
        shown = self.texts() or self.text
        shown = shown if len(shown) <= 70 else shown[:67] + "..."
        return f"{self.status or 'no answer'} in {self.seconds * 1000:.0f} ms ({shown!r})"


@dataclass
class Target:
    """The running bot under attack."""

    servers: Servers

    @property
    def config(self) -> ServeConfig:
        return self.servers.config


# --- starting the bot -----------------------------------------------------------------------------

def replay_config(directory: Path, extra_env: Mapping[str, str] | None = None) -> ServeConfig:
    """Both servers on free 127.0.0.1 ports, with a throwaway database and log folder in `directory`
    and fresh secrets (nothing is read from or written to var/)."""
    env = {
        "DATABASE_URL": f"sqlite:///{directory / 'techtrack.db'}",
        "TECHTRACK_ID_HASH_KEY": secrets.token_hex(24),
        "TECHTRACK_SESSION_KEY": secrets.token_hex(24),
        "ACTION_SERVER_TOKEN": secrets.token_urlsafe(32),
        **REPLAY_ENV,
        **(extra_env or {}),
    }
    return ServeConfig(rasa_host=HOST, rasa_port=free_port(), action_host=HOST, action_port=free_port(),
                       api_token=None, log_dir=directory / "logs", extra_env=env)


@contextmanager
def running(config: ServeConfig) -> Iterator[Target]:
    """Both servers started, answering, and stopped afterwards."""
    if not MODEL_PATH.exists():
        raise SystemExit("no trained model: run `make train` first")
    servers = Servers(config)
    servers.start()
    try:
        servers.wait_ready()
        yield Target(servers)
    finally:
        servers.stop()


# --- HTTP to 127.0.0.1 ----------------------------------------------------------------------------

def request(port: int, method: str, path: str, body: bytes = b"", headers: Mapping[str, str] | None = None,
            timeout: float = 60) -> Reply:
    """A request of an ordinary size, on a connection of its own."""
    connection = http.client.HTTPConnection(HOST, port, timeout=timeout)
    started = time.perf_counter()
    try:
        connection.request(method, path, body=body or None, headers=dict(headers or {}))
        response = connection.getresponse()
        return Reply(response.status, response.read(), time.perf_counter() - started)
    except (OSError, http.client.HTTPException):
        return Reply(0, b"", time.perf_counter() - started)
    finally:
        connection.close()


def post_json(config: ServeConfig, body: bytes, headers: Mapping[str, str] | None = None) -> Reply:
    return request(config.rasa_port, "POST", "/webhooks/rest/webhook", body,
                   {"Content-Type": "application/json", **(headers or {})})


def say(config: ServeConfig, sender: str, text: str) -> Reply:
    return post_json(config, json.dumps({"sender": sender, "message": text}).encode())


def flood(port: int, path: str, body: bytes, headers: Mapping[str, str] | None = None,
          declared: int | None = None, sending: threading.Event | None = None,
          timeout: float = 30) -> Reply:
    """POST `body` (announcing `declared` bytes) over a raw socket, a chunk at a time, stopping as
    soon as the server answers or hangs up (a server that refuses a large body answers before
    reading it); then read the answer. Sets `sending` once the headers are out."""
    started = time.perf_counter()
    head = "".join([
        f"POST {path} HTTP/1.1\r\nHost: {HOST}:{port}\r\nConnection: close\r\n",
        *(f"{name}: {value}\r\n" for name, value in (headers or {}).items()),
        f"Content-Length: {len(body) if declared is None else declared}\r\n\r\n",
    ]).encode()
    try:
        with socket.create_connection((HOST, port), timeout=timeout) as sock:
            sock.sendall(head)
            if sending is not None:
                sending.set()
            view, sent = memoryview(body), 0
            while sent < len(view) and time.perf_counter() - started < timeout:
                if select.select([sock], [], [], 0)[0]:
                    break  # an answer (or a close) already
                try:
                    sent += sock.send(view[sent:sent + 65536])
                except OSError:
                    break
            return _read_reply(sock, started, timeout)
    except OSError:
        return Reply(0, b"", time.perf_counter() - started)
    finally:
        if sending is not None:
            sending.set()


def _read_reply(sock: socket.socket, started: float, timeout: float) -> Reply:
    data = b""
    expected: int | None = None
    while time.perf_counter() - started < timeout:
        try:
            chunk = sock.recv(65536)
        except OSError:
            break
        if not chunk:
            break
        data += chunk
        head, found, rest = data.partition(b"\r\n\r\n")
        if found and expected is None:
            length = re.search(rb"(?im)^content-length:\s*(\d+)", head)
            expected = int(length.group(1)) if length else -1
        if found and expected is not None and 0 <= expected <= len(rest):
            break
    head, _, rest = data.partition(b"\r\n\r\n")
    status = re.match(rb"HTTP/1\.[01] (\d{3})", head)
    return Reply(int(status.group(1)) if status else 0, rest, time.perf_counter() - started)


def _sender(kind: str) -> str:
    return f"{kind}-{uuid.uuid4().hex[:10]}"


# --- huge messages and bodies, timed against an unrelated conversation ----------------------------

def _bystander(config: ServeConfig) -> float:
    """An unrelated conversation's reply time (a new conversation each time, so that the rate limit
    never touches it), in seconds; raises when the answer is not a normal one."""
    reply = say(config, _sender("bystander"), NORMAL_QUESTION)
    if reply.status != 200 or not reply.texts() or NO_REPLY in reply.texts():
        raise RuntimeError(f"the unrelated conversation got {reply.summary()}")
    return reply.seconds


def timed_attack(
    target: Target, attack: str, send: Callable[[threading.Event], Reply],
    expected: Callable[[Reply], bool], expectation: str, rounds: int = ROUNDS,
) -> Outcome:
    """`send` the attack `rounds` times, each time with the unrelated conversation asking a question
    as soon as the attack is on its way (in a thread), alternating with the same question alone."""
    config = target.config
    normal: list[float] = []
    during: list[float] = []
    attacks: list[Reply] = []
    try:
        for _ in range(rounds):
            normal.append(_bystander(config))
            sending = threading.Event()
            result: list[Reply] = []
            thread = threading.Thread(target=_send_into, args=(send, sending, result), daemon=True)
            thread.start()
            sending.wait(10)
            during.append(_bystander(config))
            thread.join(60)
            attacks.append(result[0] if result else Reply(0, b"", 60.0))
    except RuntimeError as error:
        return Outcome(attack, str(error), False)
    worst = max(attacks, key=lambda r: r.seconds)
    answered = all(expected(r) and r.seconds < FAST_SECONDS for r in attacks)
    normal_ms, during_ms = statistics.median(normal) * 1000, statistics.median(during) * 1000
    difference = during_ms - normal_ms
    happened = (
        f"{worst.summary()} (slowest of {len(attacks)}); unrelated conversation {during_ms:.0f} ms vs "
        f"{normal_ms:.0f} ms normal (median of {rounds}): {difference:+.0f} ms "
        f"[want {expectation} < {FAST_SECONDS:.0f} s, and within {SLOWDOWN_MS:.0f} ms]"
    )
    return Outcome(attack, happened, answered and difference <= SLOWDOWN_MS)


def _send_into(
    send: Callable[[threading.Event], Reply], sending: threading.Event, result: list[Reply]
) -> None:
    result.append(send(sending))


def _refused(reply: Reply) -> bool:
    """413 (over the body cap), or the polite too-long reply (under the cap, over the length limit)."""
    return reply.status == 413 or (reply.status == 200 and "too long" in reply.texts())


def big_message_attacks(target: Target, rounds: int = ROUNDS) -> list[Outcome]:
    port, path = target.config.rasa_port, "/webhooks/rest/webhook"
    json_type = {"Content-Type": "application/json"}

    def message(text: str) -> Callable[[threading.Event], Reply]:
        def send(sending: threading.Event) -> Reply:
            body = json.dumps({"sender": _sender("attacker"), "message": text}).encode()
            return flood(port, path, body, json_type, sending=sending)
        return send

    def ten_megabytes(sending: threading.Event) -> Reply:
        size = 10 * 1024 * 1024
        body = b'{"sender": "attacker", "message": "' + b"x" * (size - 40) + b'"}'
        return flood(port, path, body, json_type, declared=size, sending=sending)

    attacks = [
        ("REST: a 1 MB message", message("x" * 1_000_000), _refused, "413 or the too-long reply"),
        ("REST: a 100,000-space message", message(" " * 100_000), _refused, "413 or the too-long reply"),
        ("REST: a 10 MB body", ten_megabytes, lambda r: r.status == 413, "413"),
        ("REST: 'a' + 20,000 spaces and tabs + 'a'", message("a" + " \t" * 10_000 + "a"), _refused,
         "413 or the too-long reply"),
    ]
    return [timed_attack(target, name, send, expected, expectation, rounds)
            for name, send, expected, expectation in attacks]


# --- malformed requests ---------------------------------------------------------------------------

MALFORMED: list[tuple[str, bytes, int, str]] = [
    # (attack, body, expected status, what the answer must say)
    ("an empty body", b"", 400, "empty"),
    ("invalid JSON", b"{oops", 400, "not valid JSON"),
    ("message null", b'{"sender": "m1", "message": null}', 400, "not null"),
    ("message a number", b'{"sender": "m2", "message": 12}', 400, "not a number"),
    ("message a list", b'{"sender": "m3", "message": ["hi"]}', 400, "not a list"),
    ("sender a number", b'{"sender": 5, "message": "hi"}', 400, '"sender" must be a string'),
    ("a lone surrogate \\ud800 as the sender", b'{"sender": "\\ud800", "message": "hi"}', 400,
     "printable"),
]


def malformed_requests(target: Target) -> list[Outcome]:
    outcomes = []
    for attack, body, status, says in MALFORMED:
        reply = post_json(target.config, body)
        outcomes.append(Outcome(
            f"REST: {attack}", f"{reply.summary()} [want {status} saying {says!r}]",
            reply.status == status and says in reply.text,
        ))
    # A lone surrogate in the text itself is not malformed JSON: the channel removes it (invalid
    # Unicode never reaches Rasa or the database), so the answer is an ordinary one.
    sender = _sender("surrogate")
    reply = post_json(target.config, json.dumps({"sender": sender, "message": "hi\ud800"}).encode())
    outcomes.append(Outcome(
        "REST: a lone surrogate \\ud800 in the message", f"{reply.summary()} [want 200, removed, answered]",
        reply.status == 200 and bool(reply.texts()) and NO_REPLY not in reply.texts()
        and "\ud800" not in reply.texts(),
    ))
    sender = _sender("restart")
    say(target.config, sender, "am I eligible?")
    reply = say(target.config, sender, "/restart")
    outcomes.append(Outcome(
        "REST: /restart", f"{reply.summary()} [want 200 without an apology]",
        reply.status == 200 and NO_REPLY not in reply.texts() and "went wrong" not in reply.texts(),
    ))
    return outcomes


# --- forged conversation ids ----------------------------------------------------------------------

def forged_rest_senders(target: Target) -> list[Outcome]:
    """A REST sender naming another channel's conversation lands in `rest:<sender>` instead
    (bot/channels/identity.py), as the reply's recipient_id shows."""
    forged = [
        ("a Slack conversation", slack_conversation_id("T1", "D1", "U1")),
        ("a Teams conversation", teams_conversation_id("tenant", "19:abc", "29:user")),
        ("a web chat conversation", f"web:{secrets.token_hex(16)}"),
        ("a Slack conversation, in capitals", "SLACK:T1:D1:U1"),
    ]
    outcomes = []
    for what, sender in forged:
        reply = say(target.config, sender, "am I eligible?")
        value = reply.json()
        recipient = value[0].get("recipient_id") if isinstance(value, list) and value else None
        want = rest_conversation_id(sender)
        outcomes.append(Outcome(
            f"forged id: REST sender {sender!r} ({what})",
            f"{reply.status}, conversation {recipient!r} [want {want!r}]",
            reply.status == 200 and recipient == want and recipient != sender,
        ))
    return outcomes


async def _sessions(url: str, offered: list[Any]) -> list[str]:
    """What the server confirms for each session id offered in a `session_request`, in order, over
    one socket.io connection (long-polling, as tests/integration/test_public_safety.py does)."""
    import socketio

    client = socketio.AsyncClient(reconnection=False, handle_sigint=False)
    confirmed: asyncio.Queue[Any] = asyncio.Queue()
    client.on("session_confirm", confirmed.put_nowait)
    await client.connect(url, socketio_path="/socket.io", transports=["polling"], wait_timeout=20)
    try:
        answers = []
        for token in offered:
            await client.emit("session_request", {"session_id": token})
            answers.append(str(await asyncio.wait_for(confirmed.get(), 20)))
        return answers
    finally:
        await hang_up(client)


TOKEN_SHAPE = re.compile(r"[0-9a-f]{32}\.[0-9a-f]{32}")


def forged_web_sessions(target: Target) -> list[Outcome]:
    """Session ids the server did not sign get a new id; its own is kept (else the test proves nothing)."""
    url = target.config.rasa_url
    try:
        [issued] = asyncio.run(_sessions(url, [None]))
        session = issued.split(".")[0]
        offered = [
            ("garbage", "garbage"),
            ("the right shape, unsigned", f"{'0' * 32}.{'0' * 32}"),
            ("a real session with a forged signature", f"{session}.{'f' * 32}"),
            ("a real session without its signature (what the tracker store holds)", session),
            ("not a string", {"id": session}),
            ("the server's own session id", issued),
        ]
        answers = asyncio.run(_sessions(url, [token for _, token in offered]))
    except Exception as error:  # any failure to talk socket.io is a FAIL, shown as it is
        return [Outcome("forged id: web chat session_request", f"could not talk socket.io: {error!r}", False)]
    outcomes = []
    for (what, token), answer in zip(offered, answers, strict=True):
        own = token == issued
        passed = answer == issued if own else bool(TOKEN_SHAPE.fullmatch(answer)) and answer != token \
            and answer != issued
        shown = "the same id" if answer == token else ("a new signed id" if TOKEN_SHAPE.fullmatch(answer)
                                                        else repr(answer))
        outcomes.append(Outcome(f"forged id: web chat session_request with {what}", f"got {shown} "
                                f"[want {'the same id' if own else 'a new signed id'}]", passed))
    return outcomes


# --- the action server ----------------------------------------------------------------------------

def action_server_attacks(target: Target) -> list[Outcome]:
    config, token = target.config, target.servers.action_token()
    port = config.action_port
    body = json.dumps({"next_action": "action_dont_know", "version": "3.6.2"}).encode()
    json_type = {"Content-Type": "application/json"}
    with_token = {**json_type, TOKEN_HEADER: token}
    tries = [
        ("without X-Action-Token", lambda: request(port, "POST", "/webhook", body, json_type), 401),
        ("with a wrong X-Action-Token", lambda: request(
            port, "POST", "/webhook", body, {**json_type, TOKEN_HEADER: "x" * len(token)}), 401),
        ("listing the actions without the token", lambda: request(port, "GET", "/actions"), 401),
        ("a deflated body (Content-Encoding: deflate)", lambda: request(
            port, "POST", "/webhook", zlib.compress(body), {**with_token, "Content-Encoding": "deflate"}),
         415),
        ("a 5 MiB body (over its 4 MiB cap)", lambda: flood(
            port, "/webhook", b"{" + b" " * (ACTION_BODY_BYTES - 1), with_token), 413),
    ]
    outcomes = []
    for what, send, status in tries:
        reply = send()
        outcomes.append(Outcome(f"action server: {what}", f"{reply.summary()} [want {status}]",
                                reply.status == status))
    return outcomes


# --- Rasa's HTTP API and the command lines --------------------------------------------------------

def rasa_api_attacks(target: Target) -> list[Outcome]:
    """With RASA_API_TOKEN unset the API is not there at all: its routes answer 404 (401 or 403
    would do too), whatever token is guessed."""
    config = target.config
    forged = rest_conversation_id("slack:T1:D1:U1")
    tries = [
        ("GET", f"/conversations/{forged}/tracker", b""),
        ("GET", "/conversations/x/tracker?token=guess", b""),
        ("GET", "/status", b""),
        ("PUT", "/model", b'{"model_file": "/tmp/evil.tar.gz"}'),
        ("POST", "/model/parse", b'{"text": "hi"}'),
    ]
    outcomes = []
    for method, path, body in tries:
        reply = request(config.rasa_port, method, path, body, {"Content-Type": "application/json"})
        outcomes.append(Outcome(f"Rasa API (RASA_API_TOKEN unset): {method} {path.split('?')[0]}",
                                f"{reply.summary()} [want 401, 403 or 404]", reply.status in (401, 403, 404)))
    return outcomes


def command_lines(target: Target) -> Outcome:
    """No secret on either server's command line (/proc/<pid>/cmdline is readable by every user):
    the running servers' lines lack the action server's secret, and the Rasa command built with an
    API token (as `make run` builds it when RASA_API_TOKEN is set) lacks that token, which goes in
    the environment instead (bot/dev/rasa_server.py adds it inside the process)."""
    servers = target.servers
    found = []
    for name, process in servers.processes.items():
        cmdline = Path(f"/proc/{process.pid}/cmdline").read_bytes()
        if servers.action_token().encode() in cmdline:
            found.append(f"{name}: the action server's secret")
    probe = f"api-token-{secrets.token_hex(12)}"
    with_api = Servers(dataclasses.replace(servers.config, api_token=probe))
    command = with_api.rasa_command("run")
    if any(probe in part for part in command):
        found.append("rasa run with RASA_API_TOKEN: the API token")
    passed = not found and "--enable-api" in command and with_api.env().get("RASA_API_TOKEN") == probe
    happened = ("no secret on the running servers' command lines; with RASA_API_TOKEN set, `rasa run` "
                "gets --enable-api and the token in its environment only" if passed else "; ".join(found)
                or "the API token is not passed in the environment")
    return Outcome("command lines: /proc/<pid>/cmdline of both servers", happened, passed)


# --- the rate limit -------------------------------------------------------------------------------

def rate_limit(target: Target, rate: int = CONVERSATION_RATE) -> Outcome:
    """`rate` messages in one conversation are answered; the next gets 429 and the polite reply,
    and another conversation carries on."""
    sender = _sender("eager")
    statuses = [say(target.config, sender, NORMAL_QUESTION).status for _ in range(rate)]
    refused = say(target.config, sender, NORMAL_QUESTION)
    other = say(target.config, _sender("calm"), NORMAL_QUESTION)
    polite = refused.json() == [{"recipient_id": sender, "text": RATE_LIMITED}]
    happened = (f"messages 1-{rate}: {sorted(set(statuses))}; message {rate + 1}: {refused.status} "
                f"{'with' if polite else 'WITHOUT'} the polite reply; another conversation: {other.status} "
                f"[want 200s, then 429 with the polite reply, another conversation 200]")
    passed = statuses == [200] * rate and refused.status == 429 and polite and other.status == 200
    return Outcome(f"rate limit: {rate + 1} messages in a minute in one conversation", happened, passed)


# --- the logs -------------------------------------------------------------------------------------

def eligibility_conversation(target: Target) -> tuple[str, list[str]]:
    """A short eligibility check (the answers to look for in the logs); the sender and the replies."""
    sender = _sender("eligible")
    return sender, [say(target.config, sender, said).texts() for said in ELIGIBILITY_ANSWERS]


def _short_probe(answer: str) -> re.Pattern[str]:
    """A short answer as a value: quoted, after ':' or '=', or a number standing on its own."""
    escaped = re.escape(answer)
    pattern = rf"""["'`]{escaped}["'`]|(?<!\d)[:=]\s?{escaped}(?![\w.:-])"""
    if answer.isdigit():
        pattern += rf"|(?<![\w.:/-]){escaped}(?![\w.:/-])"
    return re.compile(pattern, re.IGNORECASE)


def logs_hold_no_answers(log_dir: Path, sender: str, replies: list[str]) -> Outcome:
    """Run once the servers have stopped (everything written): no answer, and not the conversation
    id, in any file under the log folder."""
    attack = "logs: the answers of an eligibility check, searched for in the log folder"
    went_as_expected = len(replies) == 4 and "How old are you?" in replies[1] and "nationality" in replies[2]
    files = sorted(p for p in log_dir.rglob("*") if p.is_file())
    found = []
    for path in files:
        text = path.read_bytes().decode("utf-8", errors="replace")
        found += [f"{path.name}: {probe!r}" for probe in LONG_PROBES if probe.lower() in text.lower()]
        found += [f"{path.name}: {m.group(0)!r}" for probe in SHORT_PROBES
                  for m in _short_probe(probe).finditer(text)]
        found += [f"{path.name}: the conversation id"] if sender in text else []
    if not went_as_expected:
        return Outcome(attack, f"the conversation did not go as planned: {replies!r}", False)
    if not files:
        return Outcome(attack, f"no log files in {log_dir}", False)
    happened = (f"none found in {len(files)} files ({', '.join(p.name for p in files)})" if not found
                else "found " + "; ".join(found[:8]))
    return Outcome(attack, happened, not found)


# --- pip-audit ---------------------------------------------------------------------------------

@dataclass(frozen=True)
class Advisory:
    id: str
    aliases: tuple[str, ...]
    package: str
    version: str
    fixed_in: tuple[str, ...]

    @property
    def ids(self) -> set[str]:
        return {self.id, *self.aliases}


def accepted_advisories(doc: Path = ACCEPTED_ADVISORIES) -> dict[str, tuple[str, str]]:
    """{advisory id: (package, decision)} from the table under "## Accepted advisories" in the doc:
    rows `| id | package | decision | why |`, where the decision is `accepted` (unreachable in this
    product: not a failure) or `must fix` (listed, but still a failure until fixed)."""
    table: dict[str, tuple[str, str]] = {}
    in_section = False
    for line in doc.read_text(encoding="utf-8").splitlines():
        if line.startswith("## "):
            in_section = line.strip().lower() == "## accepted advisories"
            continue
        if not in_section or not line.startswith("|"):
            continue
        cells = [cell.strip().strip("`").strip() for cell in line.strip().strip("|").split("|")]
        if len(cells) < 3 or set(cells[0]) <= set("-: ") or cells[0].lower() == "id":
            continue
        table[cells[0]] = (cells[1].lower(), cells[2].lower())
    return table


def run_pip_audit(requirements: Path = REQUIREMENTS) -> tuple[dict[str, Any] | None, str]:
    """pip-audit's JSON report over the lock file (pins and hashes as they are: no resolver, no pip),
    or None and why."""
    if not PIP_AUDIT.exists():
        return None, f"{PIP_AUDIT.relative_to(ROOT)} is missing: run `scripts/setup-venv.sh --tools`"
    with tempfile.TemporaryDirectory(prefix="techtrack-audit-") as directory:
        report = Path(directory) / "audit.json"
        command = [str(PIP_AUDIT), "-r", str(requirements), "--require-hashes", "--disable-pip",
                   "--progress-spinner", "off", "--format", "json", "--output", str(report)]
        try:
            finished = subprocess.run(command, cwd=ROOT, capture_output=True, text=True,
                                      timeout=PIP_AUDIT_TIMEOUT_SECONDS)
        except subprocess.TimeoutExpired:
            return None, f"pip-audit did not finish within {PIP_AUDIT_TIMEOUT_SECONDS} s"
        if not report.exists():
            tail = (finished.stderr or finished.stdout).strip().splitlines()[-3:]
            return None, f"pip-audit exited {finished.returncode}: {' / '.join(tail)}"
        return json.loads(report.read_text()), ""


def audit_outcomes(
    report: dict[str, Any], accepted: Mapping[str, tuple[str, str]]
) -> tuple[list[Outcome], list[str]]:
    """(PASS/FAIL lines, detail lines): whether every package could be audited, and whether every
    advisory found is accepted in the doc."""
    dependencies = report.get("dependencies", [])
    skipped = [d for d in dependencies if d.get("skip_reason")]
    advisories = [
        Advisory(v["id"], tuple(v.get("aliases") or ()), d["name"], d.get("version", "?"),
                 tuple(v.get("fix_versions") or ()))
        for d in dependencies for v in d.get("vulns", [])
    ]
    service = os.environ.get("PIP_AUDIT_VULNERABILITY_SERVICE", "pypi")
    details = []
    unaccepted = []
    for advisory in advisories:
        entry = next((accepted[i] for i in sorted(advisory.ids) if i in accepted), None)
        status = "accepted" if entry and entry[1] == "accepted" else ("must fix" if entry else "NOT LISTED")
        if status != "accepted":
            unaccepted.append(advisory.id)
        fix = ", ".join(advisory.fixed_in) or "no fix released"
        also = f" ({', '.join(advisory.aliases)})" if advisory.aliases else ""
        details.append(f"      {advisory.package}=={advisory.version}: {advisory.id}{also}; fixed in {fix}; "
                       f"{status}")
    found_ids = {i for a in advisories for i in a.ids}
    stale = sorted(i for i in accepted if i not in found_ids)
    if stale and not skipped:
        details.append(f"      listed in {ACCEPTED_ADVISORIES.name} but no longer found: {', '.join(stale)}")
    reasons = sorted({re.sub(r": [^:]*$", "", d["skip_reason"]) for d in skipped})
    audited = len(dependencies) - len(skipped)
    coverage = Outcome(
        f"pip-audit ({service}): every pinned package audited",
        f"{audited} of {len(dependencies)} audited"
        + (f"; {len(skipped)} could not be: {'; '.join(reasons)[:200]}" if skipped else ""),
        not skipped and bool(dependencies),
    )
    verdict = Outcome(
        f"pip-audit ({service}): advisories not accepted in docs/operations/security.md",
        (f"{len(advisories)} found in the {audited} packages audited, "
         f"{len(advisories) - len(unaccepted)} of them accepted"
         + (f"; not accepted: {', '.join(unaccepted)}" if unaccepted else "")),
        not unaccepted,
    )
    return [coverage, verdict], details


def pypi_release_json_status(name: str, version: str) -> str:
    """What PyPI's per-release JSON (where pip-audit's default service reads advisories) answers for
    one pinned package: the first thing to look at when pip-audit says none was found on PyPI."""
    url = f"https://pypi.org/pypi/{name}/{version}/json"
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return f"{url} answers {response.status}"
    except urllib.error.HTTPError as error:
        return f"{url} answers {error.code}"
    except (urllib.error.URLError, OSError) as error:
        return f"{url} cannot be reached ({error})"


def pip_audit() -> tuple[list[Outcome], list[str]]:
    report, why = run_pip_audit()
    if report is None:
        return [Outcome("pip-audit over requirements/requirements.txt", why, False)], []
    outcomes, details = audit_outcomes(report, accepted_advisories())
    not_found = [d for d in report.get("dependencies", []) if "not found on PyPI" in d.get("skip_reason", "")]
    if not_found and os.environ.get("PIP_AUDIT_VULNERABILITY_SERVICE", "pypi") == "pypi":
        pinned = re.search(r"\(([^()]+)\)\s*$", not_found[0]["skip_reason"])
        version = pinned.group(1) if pinned else "?"
        details.append(f"      {pypi_release_json_status(not_found[0]['name'], version)}; "
                       "PIP_AUDIT_VULNERABILITY_SERVICE=osv asks api.osv.dev instead")
    return outcomes, details


# --- all of it ------------------------------------------------------------------------------------

def _emit(outcomes: list[Outcome], results: list[Outcome]) -> None:
    for outcome in outcomes:
        print(outcome.line(), flush=True)
    results += outcomes


def replay(directory: Path, rounds: int = ROUNDS) -> list[Outcome]:
    results: list[Outcome] = []
    config = replay_config(directory)
    print(f"Starting both servers on {HOST} (Rasa :{config.rasa_port}, actions :{config.action_port}); "
          f"logs and database in {directory}", flush=True)
    started = time.monotonic()
    with running(config) as target:
        print(f"Both servers answered after {time.monotonic() - started:.0f} s; attacking.", flush=True)
        _emit(big_message_attacks(target, rounds), results)
        _emit(malformed_requests(target), results)
        _emit(forged_rest_senders(target), results)
        _emit(forged_web_sessions(target), results)
        _emit(action_server_attacks(target), results)
        _emit(rasa_api_attacks(target), results)
        _emit([command_lines(target)], results)
        _emit([rate_limit(target)], results)
        sender, replies = eligibility_conversation(target)
    _emit([logs_hold_no_answers(config.log_dir, sender, replies)], results)  # after the servers stopped
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bot.dev.security", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rounds", type=int, default=ROUNDS, help="timed rounds per large-body attack")
    parser.add_argument("--no-audit", action="store_true", help="skip pip-audit")
    parser.add_argument("--keep", action="store_true", help="keep the logs and database afterwards")
    args = parser.parse_args(argv)
    rounds = max(1, min(args.rounds, 20))

    directory = Path(tempfile.mkdtemp(prefix="techtrack-security-"))
    try:
        results = replay(directory, rounds)
    finally:
        if args.keep:
            print(f"Logs and database kept in {directory}", flush=True)
        else:
            shutil.rmtree(directory, ignore_errors=True)
    if not args.no_audit:
        print("Auditing requirements/requirements.txt with pip-audit...", flush=True)
        outcomes, details = pip_audit()
        for line in details:
            print(line, flush=True)
        _emit(outcomes, results)
    failed = sum(not r.passed for r in results)
    print(f"{len(results) - failed} passed, {failed} failed", flush=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
