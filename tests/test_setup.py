"""Set-up pieces a newcomer relies on: finding Python 3.10, training only when inputs change."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from bot.dev import train
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


def copy_inputs(root: Path) -> None:
    for name in ("config.yml", "domain.yml", "bot/nlu/classifier.py"):
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_bytes((ROOT / name).read_bytes())
    for path in (ROOT / "data").rglob("*.yml"):
        target = root / path.relative_to(ROOT)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(path.read_bytes())


def test_the_training_fingerprint_follows_data_domain_config_and_the_classifier_code(tmp_path: Path) -> None:
    copy_inputs(tmp_path)
    before = train.inputs_fingerprint(tmp_path)
    assert train.inputs_fingerprint(tmp_path) == before
    for name in ("config.yml", "domain.yml", "bot/nlu/classifier.py", "data/nlu/basics.yml"):
        path = tmp_path / name
        original = path.read_text()
        path.write_text(original + "\n# changed\n")
        assert train.inputs_fingerprint(tmp_path) != before, name
        path.write_text(original)
    assert train.inputs_fingerprint(tmp_path) == before
    (tmp_path / "README.md").write_text("not a training input")
    assert train.inputs_fingerprint(tmp_path) == before
