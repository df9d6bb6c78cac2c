"""Every regular expression in bot/ and actions/ runs in linear time on hostile input.

A message reaches many patterns (the NLU helpers, the eligibility parser, the scrubber) and Python's
regex engine backtracks: a pattern such as `\\s+(?:and|also)` tried at every position of a long run
of spaces is quadratic, and one message of 20,000 spaces held the server for seconds. Each pattern
is run here against 100,000-character adversarial inputs; a linear one takes milliseconds, a
quadratic one seconds (a hard timer stops it, so this test never hangs).

Patterns are found two ways: compiled `re.Pattern` objects at module and class level (also inside
tuples, lists and dicts there), and string literals passed straight to `re.search`, `re.sub`, ...
inside functions (read from the source, when the pattern is a literal or a sum of literals).
"""

from __future__ import annotations

import ast
import importlib
import pkgutil
import re
import signal
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

import pytest

from bot.paths import ROOT

PACKAGES = ("bot", "actions")
SIZE = 100_000
BUDGET_SECONDS = 0.5  # per pattern, per input: search plus a full finditer pass
HARD_STOP_SECONDS = 2.0

ADVERSARIAL = {
    "spaces": " " * SIZE,
    "tabs": "\t" * SIZE,
    "a + spaces + a": "a" + " " * SIZE + "a",
    "spaces and tabs": " \t" * (SIZE // 2),
    "no no no": "no " * (SIZE // 3),
    "and and and": "and " * (SIZE // 4),
    "digits": "1" * SIZE,
    "digits and spaces": "1 " * (SIZE // 2),
    "newlines": "\n" * SIZE,
    "a + newlines + a": "a" + "\n" * SIZE + "a",
    "letters": "a" * SIZE,
}

class TookTooLong(Exception):
    pass


@contextmanager
def hard_stop(seconds: float) -> Iterator[None]:
    """Interrupt a runaway match (CPython's regex engine checks for signals while it backtracks)."""
    if threading.current_thread() is not threading.main_thread() or not hasattr(signal, "setitimer"):
        yield
        return

    def stop(signum: int, frame: Any) -> None:
        raise TookTooLong

    previous = signal.signal(signal.SIGALRM, stop)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


@dataclass(frozen=True)
class Found:
    where: str
    pattern: re.Pattern[Any]


# --- finding the patterns ----------------------------------------------------------------------------

def module_names() -> list[str]:
    names = []
    for package in PACKAGES:
        module = importlib.import_module(package)
        names.append(package)
        for info in pkgutil.walk_packages(module.__path__, f"{package}."):
            if info.name.rsplit(".", 1)[-1] != "__main__":
                names.append(info.name)
    return names


def _collect(value: Any, where: str, found: dict[tuple[Any, int], Found], depth: int = 0) -> None:
    if isinstance(value, re.Pattern):
        found.setdefault((value.pattern, value.flags), Found(where, value))
    elif depth < 3 and isinstance(value, (list, tuple, set, frozenset)):
        for item in value:
            _collect(item, where, found, depth + 1)
    elif depth < 3 and isinstance(value, dict):
        for item in value.values():
            _collect(item, where, found, depth + 1)


def compiled_patterns() -> list[Found]:
    found: dict[tuple[Any, int], Found] = {}
    for name in module_names():
        module = importlib.import_module(name)
        for attribute, value in vars(module).items():
            if isinstance(value, type) and value.__module__ == name:
                for class_attribute, class_value in vars(value).items():
                    _collect(class_value, f"{name}.{attribute}.{class_attribute}", found)
            else:
                _collect(value, f"{name}.{attribute}", found)
    return list(found.values())


# re function -> the position of its `flags` argument
_RE_FUNCTIONS = {"compile": 1, "search": 2, "match": 2, "fullmatch": 2, "findall": 2, "finditer": 2,
                 "split": 3, "sub": 4, "subn": 4}


def _literal(node: ast.AST) -> str | bytes | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, (str, bytes)):
        return node.value
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        left, right = _literal(node.left), _literal(node.right)
        if isinstance(left, str) and isinstance(right, str):
            return left + right
        if isinstance(left, bytes) and isinstance(right, bytes):
            return left + right
    return None


def _flags(node: ast.AST | None) -> int | None:
    if node is None:
        return 0
    if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id == "re":
        value = getattr(re, node.attr, None)
        return int(value) if isinstance(value, (int, re.RegexFlag)) else None
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.BitOr):
        left, right = _flags(node.left), _flags(node.right)
        return None if left is None or right is None else left | right
    return None


def inline_patterns() -> list[Found]:
    """Literal patterns passed to re.* calls anywhere in the source (inside functions too)."""
    found: dict[tuple[Any, int], Found] = {}
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            tree = ast.parse(path.read_text(), str(path))
            for node in ast.walk(tree):
                if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                        and isinstance(node.func.value, ast.Name) and node.func.value.id == "re"
                        and node.func.attr in _RE_FUNCTIONS and node.args):
                    continue
                pattern = _literal(node.args[0])
                position = _RE_FUNCTIONS[node.func.attr]
                flags_node = next((k.value for k in node.keywords if k.arg == "flags"), None)
                if flags_node is None and len(node.args) > position:
                    flags_node = node.args[position]
                flags = _flags(flags_node)
                if pattern is None or flags is None:
                    continue
                where = f"{path.relative_to(ROOT)}:{node.lineno}"
                found.setdefault((pattern, flags), Found(where, re.compile(pattern, flags)))
    return list(found.values())


# --- running them ---------------------------------------------------------------------------------

def slow_inputs(pattern: re.Pattern[Any], inputs: dict[str, str] = ADVERSARIAL) -> list[str]:
    """The adversarial inputs on which `pattern` exceeds the budget, with the time it took."""
    slow = []
    for name, text in inputs.items():
        subject: Any = text.encode() if isinstance(pattern.pattern, bytes) else text
        started = time.perf_counter()
        try:
            with hard_stop(HARD_STOP_SECONDS):
                if pattern.search(subject):  # without a match, search has already scanned it all
                    for _ in pattern.finditer(subject):
                        pass
        except TookTooLong:
            slow.append(f"{name}: stopped after {HARD_STOP_SECONDS:.0f} s")
            continue
        elapsed = time.perf_counter() - started
        if elapsed > BUDGET_SECONDS:
            slow.append(f"{name}: {elapsed:.2f} s")
    return slow


def report(patterns: list[Found]) -> list[str]:
    problems = []
    for found in patterns:
        slow = slow_inputs(found.pattern)
        if slow:
            problems.append(f"{found.where} {found.pattern.pattern!r}: {'; '.join(slow)}")
    return problems


@pytest.fixture(scope="module")
def compiled() -> list[Found]:
    return compiled_patterns()


def test_the_scan_finds_the_patterns_it_should(compiled: list[Found]) -> None:
    where = {found.where for found in compiled}
    assert "bot.nlu.faq_decision._PIECES" in where
    assert "bot.channels.web._CDN_IMPORT" in where  # a bytes pattern
    assert len(compiled) >= 30
    inline = {found.pattern.pattern for found in inline_patterns()}
    assert r"\n\s*\n" in inline  # bot/channels/rendering.py, inside a function


def test_every_compiled_pattern_runs_in_linear_time(compiled: list[Found]) -> None:
    problems = report(compiled)
    assert not problems, "quadratic (or worse) patterns:\n" + "\n".join(problems)


def test_every_literal_pattern_in_a_call_runs_in_linear_time() -> None:
    problems = report(inline_patterns())
    assert not problems, "quadratic (or worse) patterns:\n" + "\n".join(problems)
