"""`make shell` as staff use it: `python -m bot.dev.serve --shell` in a terminal (a pseudo-terminal
here), a line per start-up step and no log lines or warnings, a question typed, the corpus answer
printed, `/stop` or Ctrl-D, and both servers gone."""

from __future__ import annotations

import fcntl
import os
import pty
import re
import select
import signal
import socket
import struct
import subprocess
import sys
import termios
import time

import pytest

from bot.corpus import FaqEntry
from bot.dev.train import MODEL_PATH
from bot.paths import ROOT
from tests.helpers.support import free_port

START_TIMEOUT_SECONDS = 240
REPLY_TIMEOUT_SECONDS = 60
ANSI_ESCAPE = re.compile(r"\x1b\[[0-9;?]*[ -/]*[@-~]|\x1b[()][0-9A-Za-z]|\x1b[=>]|\r")


class Terminal:
    """A program on a pseudo-terminal of 40 rows by 400 columns (wide, so that answers are not
    wrapped): type into it, read its screen text."""

    def __init__(self, command: list[str], env: dict[str, str]) -> None:
        self.fd, child = pty.openpty()
        fcntl.ioctl(child, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 400, 0, 0))
        # Its own session with this terminal as its controlling terminal, as in a real one: Ctrl-C
        # typed here sends SIGINT to its foreground processes.
        self.process = subprocess.Popen(
            command, cwd=ROOT, env=env, stdin=child, stdout=child, stderr=child,
            start_new_session=True, preexec_fn=lambda: fcntl.ioctl(0, termios.TIOCSCTTY, 0),
        )
        os.close(child)
        self.output = ""

    def read_until(self, pattern: str, timeout: float) -> str:
        """Read until `pattern` (a regex) appears in the text printed since the last match."""
        deadline = time.monotonic() + timeout
        while not (found := re.search(pattern, self.output)):
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                pytest.fail(f"never saw {pattern!r}; the terminal shows:\n{self.output[-3000:]}")
            if select.select([self.fd], [], [], min(remaining, 1.0))[0]:
                try:
                    chunk = os.read(self.fd, 65536)
                except OSError:  # the program has exited and closed the terminal
                    chunk = b""
                if not chunk:
                    pytest.fail(f"the program exited before {pattern!r}:\n{self.output[-3000:]}")
                self.output += ANSI_ESCAPE.sub("", chunk.decode(errors="replace"))
        seen, self.output = self.output[: found.end()], self.output[found.end():]
        return seen

    def type(self, text: str) -> None:
        os.write(self.fd, text.encode() + b"\r")

    def close(self) -> None:
        """Stop the program if it is still running: Ctrl-C first, so that it stops the action server
        it started, then SIGKILL."""
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGINT)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()
        os.close(self.fd)


def port_is_closed(port: int) -> bool:
    with socket.socket() as sock:
        return sock.connect_ex(("127.0.0.1", port)) != 0


CTRL_D = "\x04"


@pytest.mark.parametrize("leave", ["/stop", CTRL_D], ids=["stop", "ctrl-d"])
def test_make_shell_answers_a_question_and_leaving_stops_both_servers(
    corpus: dict[str, FaqEntry], leave: str
) -> None:
    assert MODEL_PATH.exists(), "no trained model: `make test` trains one first"
    rasa_port, action_port = free_port(), free_port()
    env = {**os.environ, "RASA_TELEMETRY_ENABLED": "false", "PYTHONPATH": str(ROOT),
           "RASA_HOST": "127.0.0.1", "RASA_PORT": str(rasa_port),
           "ACTION_SERVER_HOST": "127.0.0.1", "ACTION_SERVER_PORT": str(action_port), "TERM": "xterm"}
    terminal = Terminal([sys.executable, "-m", "bot.dev.serve", "--shell"], env)
    try:
        started = terminal.read_until(r"Bot loaded\. Type a message", START_TIMEOUT_SECONDS)
        # A line per start-up step, where its log is, then the shell: no Rasa log lines, no warnings.
        shown = [line for line in started.splitlines() if line.strip()]
        assert len(shown) <= 5, started
        assert not [line for line in shown if "Warning" in line or " INFO " in line], started
        assert "✓ action server on" in started and "logs/rasa-shell.log" in started
        terminal.read_until(r"Your input ->", REPLY_TIMEOUT_SECONDS)
        terminal.type("how long is the devops apprenticeship?")
        answer = corpus["duration"].answers["devops_engineer"]
        # The answer ends with the "Was this helpful?" buttons, which rasa shell shows as a menu.
        printed = terminal.read_until(r"Type out your own message", REPLY_TIMEOUT_SECONDS)
        for paragraph in answer.split("\n\n"):
            assert " ".join(paragraph.split()) in " ".join(printed.split())
        assert "Yes, this helped" in printed
        # Staff carry on typing: down twice, past the two buttons, to "Type out your own message".
        os.write(terminal.fd, b"\x1b[B\x1b[B\r")
        terminal.read_until(r"Your input ->", REPLY_TIMEOUT_SECONDS)
        assert not port_is_closed(action_port), "the action server should run while the shell does"

        if leave == CTRL_D:
            os.write(terminal.fd, CTRL_D.encode())
        else:
            terminal.type(leave)
        assert terminal.process.wait(timeout=60) == 0
    finally:
        terminal.close()
    assert port_is_closed(action_port), "the action server is still running after leaving the shell"
    assert port_is_closed(rasa_port), "the shell's Rasa server is still running after leaving it"
