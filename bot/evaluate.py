"""`python -m bot.evaluate`: how often held-out questions get the right FAQ answer.

Reads tests/data/faq_heldout.yml (written separately from the corpus examples, never trained on),
runs each question through the trained model, and counts it right only when the bot would answer
it with the expected entry: the intent is `faq` (not a fallback or another intent), the
ResponseSelector picks the expected entry, and its confidence clears the answer threshold. Where
the question names a role, it also checks that the answer would be tailored to that role.
Prints per-entry and overall figures and the misses; writes reports/faq-eval.json.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
import time
from collections import defaultdict
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import yaml

from bot.paths import ROOT
from bot.roles import find_role, normalise_role
from bot.settings import load_settings
from bot.train import MODEL_PATH

HELDOUT_PATH = ROOT / "tests" / "data" / "faq_heldout.yml"
# Intents other than `faq` that answer an FAQ entry's question: "am I eligible?" is answered by
# the step-by-step eligibility check.
INTENT_ANSWERS = {"check_eligibility": "eligibility_criteria"}
REPORT_PATH = ROOT / "reports" / "faq-eval.json"


@dataclass(frozen=True)
class Outcome:
    text: str
    expected: str
    expected_role: str | None
    intent: str
    predicted: str | None
    confidence: float
    role: str | None
    correct: bool
    role_correct: bool


def load_heldout(path: Path = HELDOUT_PATH) -> list[dict[str, Any]]:
    return list(yaml.safe_load(path.read_text(encoding="utf-8"))["questions"])


def judge(item: dict[str, Any], parsed: dict[str, Any], min_confidence: float) -> Outcome:
    intent = (parsed.get("intent") or {}).get("name") or ""
    response = ((parsed.get("response_selector") or {}).get("faq") or {}).get("response") or {}
    key = response.get("intent_response_key") or ""
    predicted = key.split("/", 1)[1] if key.startswith("faq/") else None
    confidence = float(response.get("confidence") or 0.0)
    entities = parsed.get("entities") or []
    roles = [normalise_role(e.get("value")) for e in entities if e.get("entity") == "role"]
    role = next((r for r in roles if r), None) or find_role(item["text"])
    if intent in INTENT_ANSWERS:
        predicted, confidence = INTENT_ANSWERS[intent], float(parsed["intent"].get("confidence") or 0)
        correct = predicted == item["expect"]
    else:
        correct = intent == "faq" and predicted == item["expect"] and confidence >= min_confidence
    return Outcome(
        text=item["text"], expected=item["expect"], expected_role=item.get("role"), intent=intent,
        predicted=predicted, confidence=round(confidence, 3), role=role, correct=correct,
        role_correct=role == item.get("role"),
    )


async def parse_all(model: Path, texts: list[str]) -> list[dict[str, Any]]:
    from rasa.core.agent import Agent

    agent = Agent.load(str(model))
    return [await agent.parse_message(text) for text in texts]


def summarise(outcomes: list[Outcome]) -> dict[str, Any]:
    by_entry: dict[str, list[Outcome]] = defaultdict(list)
    for outcome in outcomes:
        by_entry[outcome.expected].append(outcome)
    with_role = [o for o in outcomes if o.expected_role]
    return {
        "questions": len(outcomes),
        "correct": sum(o.correct for o in outcomes),
        "accuracy": sum(o.correct for o in outcomes) / len(outcomes),
        "role_questions": len(with_role),
        "role_accuracy": (sum(o.role_correct for o in with_role) / len(with_role)) if with_role else None,
        "per_entry": {
            entry: {"questions": len(items), "correct": sum(o.correct for o in items)}
            for entry, items in sorted(by_entry.items())
        },
        "misses": [asdict(o) for o in outcomes if not o.correct],
        "role_misses": [asdict(o) for o in with_role if not o.role_correct],
    }


def print_report(summary: dict[str, Any], seconds: float) -> None:
    print(f"Held-out FAQ evaluation ({summary['questions']} questions, {seconds:.1f} s)")
    print(f"{'entry':32} {'right':>5} / {'all':>3}")
    for entry, counts in summary["per_entry"].items():
        print(f"{entry:32} {counts['correct']:>5} / {counts['questions']:>3}")
    print(f"\nRight answer: {summary['correct']}/{summary['questions']} = {summary['accuracy']:.1%}")
    if summary["role_accuracy"] is not None:
        right = summary["role_questions"] - len(summary["role_misses"])
        print(f"Tailored to the named role: {right}/{summary['role_questions']} = "
              f"{summary['role_accuracy']:.1%}")
    if summary["misses"]:
        print("\nMisses (expected -> what the bot would do):")
        for miss in summary["misses"]:
            got = miss["predicted"] if miss["intent"] == "faq" else f"intent {miss['intent']}"
            if miss["intent"] == "faq" and miss["predicted"] == miss["expected"]:
                got += ", below the answer threshold"
            print(f"  {miss['expected']} -> {got} ({miss['confidence']:.2f}): {miss['text']}")
    for miss in summary["role_misses"]:
        print(f"  role {miss['expected_role']} -> {miss['role']}: {miss['text']}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bot.evaluate", description=__doc__)
    parser.add_argument("--model", type=Path, default=MODEL_PATH)
    parser.add_argument("--data", type=Path, default=HELDOUT_PATH)
    parser.add_argument("--report", type=Path, default=REPORT_PATH)
    args = parser.parse_args(argv)
    if not args.model.exists():
        print(f"error: no model at {args.model}: run `make train`", file=sys.stderr)
        return 1
    items = load_heldout(args.data)
    started = time.monotonic()
    parsed = asyncio.run(parse_all(args.model, [item["text"] for item in items]))
    threshold = load_settings().faq_min_confidence
    outcomes = [judge(item, result, threshold) for item, result in zip(items, parsed, strict=False)]
    summary = summarise(outcomes)
    print_report(summary, time.monotonic() - started)
    args.report.parent.mkdir(parents=True, exist_ok=True)
    args.report.write_text(json.dumps({"threshold": threshold, **summary}, indent=2))
    print(f"\nWrote {args.report}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
