"""Set-up pieces a newcomer relies on: finding Python 3.10 (scripts/python310.sh), and what
`make run` prints before it says it is running. What makes `make train` train again is
tests/unit/test_training_inputs.py; the set-up lines themselves, tests/unit/test_steps.py."""

from __future__ import annotations

import os
import queue
import re
import signal
import subprocess
import threading
import time
from pathlib import Path

import pytest

from bot.dev.serve import RUNNING
from bot.known_warnings import KNOWN
from bot.paths import ROOT
from tests.helpers.support import free_port

MAX_LINES_BEFORE_RUNNING = 25
START_TIMEOUT_SECONDS = 300
# What `make run` may print before RUNNING: a step line, or a line of the closing block.
MEANINGFUL = re.compile(
    r"(?:)|✓ .+ — (\d+\.\d s|\d+ s|\d+ min \d+ s|up to date)"
    r"|Chat in a browser: .*|Or over REST: .*|\s+-[Hd] .*|Logs: .*|Press Ctrl-C to stop both servers\."
)


def test_missing_python_310_gives_a_one_line_error(tmp_path: Path) -> None:
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path)}  # no pyenv, no python3.10
    if any(Path(d, "python3.10").exists() for d in env["PATH"].split(":")):
        pytest.skip("this machine has a system python3.10")
    result = subprocess.run(["bash", "scripts/python310.sh"], cwd=ROOT, env=env,
                            capture_output=True, text=True, check=False)
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr.startswith("error: Python 3.10 not found. Install it")
    assert result.stderr.count("\n") == 1


def test_python_310_is_found_through_pyenv_or_path() -> None:
    env = {k: v for k, v in os.environ.items() if k not in {"PYENV_VERSION", "PYTHON310"}}
    result = subprocess.run(["bash", str(ROOT / "scripts" / "python310.sh")], cwd="/", env=env,
                            capture_output=True, text=True, check=True)
    found = result.stdout.strip()
    version = subprocess.run([found, "-c", "import sys; print(sys.version_info[:2])"],
                             capture_output=True, text=True, check=True).stdout
    assert version.strip() == "(3, 10)"


def test_make_run_says_where_to_chat_and_where_the_logs_are_in_a_few_lines() -> None:
    """The set-up is done (`make integration` trains first), so this is `make run` as a developer
    starts it each day; a fresh clone adds nothing but longer times (docs/operations/running.md)."""
    rasa_port, action_port = free_port(), free_port()
    env = {**os.environ, "RASA_HOST": "127.0.0.1", "RASA_PORT": str(rasa_port),
           "ACTION_SERVER_HOST": "127.0.0.1", "ACTION_SERVER_PORT": str(action_port)}
    for name in ("MAKEFLAGS", "MAKELEVEL", "MFLAGS"):  # as from a terminal, not from `make integration`
        env.pop(name, None)
    process = subprocess.Popen(["make", "--no-print-directory", "run"], cwd=ROOT, env=env, text=True,
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, start_new_session=True)
    lines: list[str] = []
    printed: queue.Queue[str | None] = queue.Queue()
    assert process.stdout is not None
    stdout = process.stdout

    def read() -> None:
        for line in stdout:
            printed.put(line)
        printed.put(None)

    threading.Thread(target=read, daemon=True).start()
    try:
        deadline = time.monotonic() + START_TIMEOUT_SECONDS
        while True:
            try:
                line = printed.get(timeout=max(0.1, deadline - time.monotonic()))
            except queue.Empty:
                pytest.fail("make run did not say it was running in time:\n" + "\n".join(lines))
            if line is None:
                pytest.fail("make run stopped before saying it was running:\n" + "\n".join(lines))
            if line.rstrip("\n") == RUNNING:
                break
            lines.append(line.rstrip("\n"))
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGINT)
            try:
                process.wait(timeout=60)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()
    text = "\n".join(lines)
    assert len(lines) <= MAX_LINES_BEFORE_RUNNING, text
    assert [line for line in lines if not MEANINGFUL.fullmatch(line)] == [], text
    assert f"Chat in a browser:  http://127.0.0.1:{rasa_port}/chat" in text
    assert "logs/rasa.log" in text and "logs/actions.log" in text
    for step in ("Python packages", "web chat widget", "FAQ training data", "model", "settings and database",
                 f"action server on http://127.0.0.1:{action_port}", f"Rasa server on http://127.0.0.1:{rasa_port}"):
        assert f"✓ {step}" in text, text
    # The servers' logs are where the set-up said, without the warnings known to be irrelevant.
    server_logs = "".join((ROOT / "logs" / name).read_text() for name in ("rasa.log", "actions.log"))
    assert "Starting Rasa server" in server_logs and "Action server on" in server_logs
    assert [k.message for k in KNOWN if k.message in server_logs] == []
