"""The layout of tests/: every test module is in tests/unit/ (the fast lane, `make unit`: no trained
model, no running servers, no browser) or tests/integration/ (`make integration`), and nothing in
the fast lane needs what only the integration lane has."""

from __future__ import annotations

import ast
import re
from pathlib import Path

from bot.paths import ROOT

TESTS = ROOT / "tests"
UNIT = TESTS / "unit"
LANES = (UNIT, TESTS / "integration")
# Helpers that start the servers (and so need the trained model), at their new and their old homes.
SLOW_HELPERS = {
    "tests.helpers.support", "tests.helpers.channel_fakes", "tests.support", "tests.channel_fakes",
}
# The trained model: models/<name>.tar.gz, or bot.dev.train's name for that path.
MODEL = re.compile(r"\bmodels/|\bMODEL_PATH\b")
THIS_FILE = Path(__file__).resolve()  # names both to look for them


def all_test_modules() -> list[Path]:
    return sorted(p for p in TESTS.rglob("*.py") if p.name.startswith("test_") or p.name.endswith("_test.py"))


def imported_modules(path: Path) -> set[str]:
    """Every module `path` imports, `from a.b import c` counted as both a.b and a.b.c."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
    return found


def test_every_test_module_is_in_a_lane() -> None:
    misplaced = [str(p.relative_to(ROOT)) for p in all_test_modules() if p.parent not in LANES]
    assert not misplaced, "move to tests/unit/ or tests/integration/: " + ", ".join(misplaced)


def test_the_fast_lane_needs_no_model_and_no_servers() -> None:
    problems = []
    for path in sorted(UNIT.rglob("*.py")):
        name = str(path.relative_to(ROOT))
        problems += [f"{name} imports {module}" for module in sorted(imported_modules(path) & SLOW_HELPERS)]
        if path.resolve() != THIS_FILE and MODEL.search(path.read_text()):
            problems.append(f"{name} refers to the trained model")
    assert not problems, "these belong in tests/integration/:\n" + "\n".join(problems)


def test_no_test_module_imports_a_conftest() -> None:
    importers = [
        str(p.relative_to(ROOT)) for p in all_test_modules()
        if any("conftest" in module.split(".") for module in imported_modules(p))
    ]
    assert not importers, "helpers are in tests/helpers/, fixtures in its plugin.py: " + ", ".join(importers)
