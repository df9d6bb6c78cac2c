"""The console's set-up lines: scripts/step.sh (one line per `make` step, its output in
logs/NAME.log, the log's tail on failure) and bot/dev/steps.py (the same lines from Python)."""

from __future__ import annotations

import io
import os
import re
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from bot.dev import steps
from bot.paths import ROOT

STEP_LINE = re.compile(r"✓ (?P<label>.+) — (?P<detail>\d+\.\d s|\d+ s|\d+ min \d+ s|up to date)")
# A noisy step: many lines, a progress bar redrawn after \r, colour codes, a warning.
NOISY = r"""
for i in $(seq 60); do echo "INFO line $i"; done
printf 'Epochs:   0%%|     | 0/3\rEpochs:  33%%|#    | 1/3\rEpochs: 100%%|#####| 3/3\n'
printf '\033[93mUserWarning: something to read\033[0m\n' >&2
"""


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A copy of scripts/step.sh in a folder of its own, so that its logs/ is there."""
    (tmp_path / "scripts").mkdir()
    shutil.copy(ROOT / "scripts" / "step.sh", tmp_path / "scripts" / "step.sh")
    return tmp_path


def step(project: Path, name: str, label: str, script: str) -> subprocess.CompletedProcess[str]:
    env = {"PATH": os.environ["PATH"], "PYTHONPATH": str(ROOT)}
    return subprocess.run(["bash", str(project / "scripts" / "step.sh"), name, label, "bash", "-c", script],
                          cwd=project, env=env, capture_output=True, text=True, timeout=60, check=False)


def test_a_step_prints_one_line_and_logs_its_output(project: Path) -> None:
    result = step(project, "noisy", "noisy step", NOISY)
    assert result.returncode == 0
    assert result.stderr == ""
    assert result.stdout.count("\n") == 1
    assert (match := STEP_LINE.fullmatch(result.stdout.strip())) and match["label"] == "noisy step"
    log = (project / "logs" / "noisy.log").read_text()
    assert "INFO line 1\n" in log and "INFO line 60\n" in log
    assert "Epochs: 100%|#####| 3/3\n" in log and "33%" not in log  # a bar's last state only
    assert "UserWarning: something to read\n" in log and "\033" not in log
    assert stat.S_IMODE((project / "logs").stat().st_mode) == 0o700
    assert stat.S_IMODE((project / "logs" / "noisy.log").stat().st_mode) == 0o600


def test_a_step_with_nothing_to_do_says_up_to_date(project: Path) -> None:
    result = step(project, "quiet", "quiet step", 'echo "up to date" > "$STEP_NOTE"')
    assert result.stdout == "✓ quiet step — up to date\n"
    python_note = f'{sys.executable} -c "from bot.dev.steps import note; note(\'up to date\')"'
    assert step(project, "quiet", "quiet step", python_note).stdout == "✓ quiet step — up to date\n"


def test_a_failed_step_says_which_log_and_shows_its_tail(project: Path) -> None:
    result = step(project, "broken", "broken step", NOISY + 'echo "error: no such thing" >&2; exit 3')
    assert result.returncode == 3
    assert result.stdout == ""
    first, *tail = result.stderr.splitlines()
    assert first.startswith("✗ broken step — failed after ")
    assert "(exit 3)" in first and "logs/broken.log" in first
    assert tail[-1].strip() == "error: no such thing"
    assert "INFO line 60" in result.stderr and "INFO line 1\n" not in result.stderr  # the tail only


@pytest.mark.parametrize("seconds, text", [
    (0.0, "0.0 s"), (0.44, "0.4 s"), (9.99, "9.9 s"), (10.0, "10 s"), (41.4, "41 s"), (59.6, "1 min 0 s"),
    (103.2, "1 min 43 s"),
])
def test_durations(seconds: float, text: str) -> None:
    assert steps.duration(seconds) == text
    assert STEP_LINE.fullmatch(f"✓ x — {text}")


def test_the_console_writes_finished_lines_only_where_it_cannot_redraw() -> None:
    stream = io.StringIO()
    console = steps.Console(stream)
    console.pending("action server starting")
    console.done("action server on http://localhost:5055", 1.52)
    console.done("model", detail="up to date")
    assert stream.getvalue() == "✓ action server on http://localhost:5055 — 1.5 s\n✓ model — up to date\n"


def test_on_a_terminal_the_finished_line_replaces_the_pending_one() -> None:
    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    stream = Terminal()
    console = steps.Console(stream)
    console.pending("settings and database")
    console.done("settings and database", 0.3)
    assert stream.getvalue() == "… settings and database\r\033[K✓ settings and database — 0.3 s\n"
