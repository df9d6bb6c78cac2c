"""`python -m bot.dev.train`: train the Rasa model only when its inputs changed.

The inputs are config.yml, domain.yml, the trained NLU components' code (bot/nlu/classifier.py,
bot/nlu/scope.py, bot/nlu/scope_guard.py)
and everything under data/. When their hash matches the one
stored beside the model, nothing runs. Otherwise `rasa train` runs, and Rasa's own fingerprinting
and training cache (.rasa/cache) retrain only the components whose inputs changed: an answer-text
change changes none of the inputs, so nothing is retrained.

`rasa train` runs through bot/dev/rasa_cli.py, which drops the warnings we know to be irrelevant
(bot/known_warnings.py). `make train` runs this through scripts/step.sh: the console gets one line,
Rasa's output (and its progress bars' final state) goes to logs/train.log.
"""

from __future__ import annotations

import argparse
import hashlib
import subprocess
import sys
import time
from importlib import metadata
from pathlib import Path

from bot.dev.steps import note
from bot.paths import ROOT

MODEL_NAME = "techtrack"
MODELS_DIR = ROOT / "models"
MODEL_PATH = MODELS_DIR / f"{MODEL_NAME}.tar.gz"
FINGERPRINT_PATH = MODELS_DIR / f"{MODEL_NAME}.inputs-sha256"


def training_inputs(root: Path = ROOT) -> list[Path]:
    data = sorted(p for p in (root / "data").rglob("*") if p.is_file())
    # The trained classifier's code: a change to how it learns needs a new model.
    nlu = root / "bot" / "nlu"
    return [root / "config.yml", root / "domain.yml", nlu / "classifier.py", nlu / "scope.py",
            nlu / "scope_guard.py", *data]


def inputs_fingerprint(root: Path = ROOT) -> str:
    digest = hashlib.sha256()
    digest.update(metadata.version("rasa").encode())
    for path in training_inputs(root):
        digest.update(str(path.relative_to(root)).encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def model_is_current(root: Path = ROOT) -> bool:
    return (
        MODEL_PATH.exists()
        and FINGERPRINT_PATH.exists()
        and FINGERPRINT_PATH.read_text().strip() == inputs_fingerprint(root)
    )


def train(force: bool = False) -> int:
    if not force and model_is_current():
        print(f"Model {MODEL_PATH.relative_to(ROOT)} is up to date with data, domain and config.")
        note("up to date")
        return 0
    fingerprint = inputs_fingerprint()
    started = time.monotonic()
    command = [
        sys.executable, "-m", "bot.dev.rasa_cli", "train",
        "--config", "config.yml", "--domain", "domain.yml", "--data", "data",
        "--out", str(MODELS_DIR), "--fixed-model-name", MODEL_NAME,
    ]
    if force:
        command.append("--force")
    result = subprocess.run(command, cwd=ROOT, check=False)
    if result.returncode != 0:
        print(f"rasa train failed (exit {result.returncode})", file=sys.stderr)
        return result.returncode
    FINGERPRINT_PATH.write_text(fingerprint + "\n")
    print(f"Trained {MODEL_PATH.relative_to(ROOT)} in {time.monotonic() - started:.0f} s.")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bot.dev.train", description=__doc__)
    parser.add_argument("--force", action="store_true", help="retrain every component")
    return train(force=parser.parse_args(argv).force)


if __name__ == "__main__":
    sys.exit(main())
