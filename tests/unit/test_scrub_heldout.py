"""The scrubber against tests/data/pii_heldout.yml, examples written by someone who never saw it:
recall (the share of personal-data values removed) and false positives (the share of texts with no
personal data that come back changed).

A value counts as removed when none of its words or numbers is left in the scrubbed text beyond
the times it also appears in the rest of the text ("Ahmed Khan" -> "[name] Khan" leaks "Khan").

`python -m tests.unit.test_scrub_heldout` prints the figures, per kind, and every miss.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

import yaml

from bot.paths import ROOT
from bot.storage.scrub import scrub

HELD_OUT = ROOT / "tests" / "data" / "pii_heldout.yml"
MIN_RECALL = 0.9
MAX_FALSE_POSITIVE_RATE = 0.05


@dataclass
class Figures:
    values: Counter[str] = field(default_factory=Counter)
    removed: Counter[str] = field(default_factory=Counter)
    clean_texts: int = 0
    changed_clean_texts: list[tuple[str, str]] = field(default_factory=list)
    misses: list[tuple[str, str, str]] = field(default_factory=list)  # kind, value, scrubbed

    @property
    def recall(self) -> float:
        return sum(self.removed.values()) / max(1, sum(self.values.values()))

    @property
    def false_positive_rate(self) -> float:
        return len(self.changed_clean_texts) / max(1, self.clean_texts)

    def report(self) -> str:
        lines = [f"recall {self.recall:.3f} ({sum(self.removed.values())}/{sum(self.values.values())} "
                 f"values); false positives {self.false_positive_rate:.3f} "
                 f"({len(self.changed_clean_texts)}/{self.clean_texts} texts without personal data)"]
        for kind in sorted(self.values):
            lines.append(f"  {kind:16} {self.removed[kind]:3}/{self.values[kind]:3}")
        lines += [f"  missed {kind}: {value!r} in {scrubbed!r}" for kind, value, scrubbed in self.misses]
        lines += [f"  changed: {text!r} -> {scrubbed!r}" for text, scrubbed in self.changed_clean_texts]
        return "\n".join(lines)


def _tokens(text: str) -> list[str]:
    return re.findall(r"[^\W\d_]{2,}|\d{2,}", text)


def _count(token: str, text: str) -> int:
    return len(re.findall(rf"(?<![^\W_]){re.escape(token)}(?![^\W_])", text))


def leaked(value: str, text: str, scrubbed: str) -> list[str]:
    """The words and numbers of `value` still in `scrubbed`, beyond their count in the rest of `text`."""
    rest = text.replace(value, " ")
    return [t for t in dict.fromkeys(_tokens(value)) if _count(t, scrubbed) > _count(t, rest)]


def measure(items: list[dict[str, Any]]) -> Figures:
    figures = Figures()
    for item in items:
        text, values = item["text"], item.get("pii") or []
        scrubbed = scrub(text)
        if not values:
            figures.clean_texts += 1
            if scrubbed != text:
                figures.changed_clean_texts.append((text, scrubbed))
        for pii in values:
            figures.values[pii["kind"]] += 1
            if leaked(pii["value"], text, scrubbed):
                figures.misses.append((pii["kind"], pii["value"], scrubbed))
            else:
                figures.removed[pii["kind"]] += 1
    return figures


@lru_cache(maxsize=1)
def held_out_figures() -> Figures:
    return measure(yaml.safe_load(HELD_OUT.read_text())["items"])


def test_the_held_out_set_is_what_it_claims() -> None:
    items = yaml.safe_load(HELD_OUT.read_text())["items"]
    assert len(items) > 200
    for item in items:
        for pii in item.get("pii") or []:
            assert pii["value"] in item["text"], item["text"]


def test_recall_on_the_held_out_set() -> None:
    figures = held_out_figures()
    print(figures.report())
    assert figures.recall >= MIN_RECALL, figures.report()


def test_false_positives_on_the_held_out_set() -> None:
    figures = held_out_figures()
    assert figures.false_positive_rate <= MAX_FALSE_POSITIVE_RATE, figures.report()


if __name__ == "__main__":
    print(held_out_figures().report())
