"""Set-up pieces a newcomer relies on: finding Python 3.10 (scripts/python310.sh). What makes
`make train` train again is tests/unit/test_training_inputs.py."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from bot.paths import ROOT


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
