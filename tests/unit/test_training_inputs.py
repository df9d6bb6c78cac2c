"""`make train` trains only when its inputs change: what counts as an input."""

from __future__ import annotations

from pathlib import Path

from bot.dev import train
from bot.paths import ROOT


def copy_inputs(root: Path) -> None:
    for name in ("config.yml", "domain.yml", "bot/nlu/classifier.py", "bot/nlu/scope.py",
                 "bot/nlu/scope_guard.py"):
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
    for name in ("config.yml", "domain.yml", "bot/nlu/classifier.py", "bot/nlu/scope.py",
                 "bot/nlu/scope_guard.py", "data/nlu/basics.yml"):
        path = tmp_path / name
        original = path.read_text()
        path.write_text(original + "\n# changed\n")
        assert train.inputs_fingerprint(tmp_path) != before, name
        path.write_text(original)
    assert train.inputs_fingerprint(tmp_path) == before
    (tmp_path / "README.md").write_text("not a training input")
    assert train.inputs_fingerprint(tmp_path) == before
