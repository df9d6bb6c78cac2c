"""`python -m bot.dev.tune_scope`: choose the scope signal's thresholds (bot/nlu/scope.py) on the
development sets and by cross-validation on the training data, never on the held-out sets.

For each setting of the thresholds (coverage, strong, single, foreign) it prints:
- per off-topic development set (tests/dev/offtopic_everyday_dev*.yml): how many messages the bot
  would still answer, ask a role for or take for a change of answer (dangerous), out of how many;
- on the situation and FAQ development sets (in-scope questions): how many right answers the
  signal would turn into a decline;
- k-fold cross-validation on the training data: the vocabulary learned from k-1 folds, the share
  of the held-back FAQ examples that would lack TechTrack content (a pessimistic false-rejection
  figure: an example's rarest words are missing from the other folds) and of the held-back
  out-of-scope examples that would.

Each development message is parsed by the trained model; the `scope` part of the parse keeps the
classifier's own intent and the message's coverage, so each setting is tried without retraining.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import numpy as np

from bot.dev.compare_pipelines import load_config
from bot.dev.evaluate import (
    FAQ_DEV_SET,
    OFFTOPIC_DANGEROUS,
    SITUATION_DEV_SETS,
    bot_label,
    dev_sets,
    judge_faq,
    judge_situations,
    parse_all,
    situation_right,
)
from bot.dev.train import MODEL_PATH
from bot.dev.tune_classifier import featurized_training_examples
from bot.nlu.faq_decision import Thresholds
from bot.nlu.scope import (
    OUT_OF_SCOPE_LABELS,
    Coverage,
    ScopeThresholds,
    Vocabulary,
    coverage,
    lacks_content,
)
from bot.nlu.scope_guard import guarded, message_lemmas
from bot.settings import load_settings

# 0: the signal never declines (the classifier alone).
COVERAGE_VALUES = (0.0, 0.3, 0.35, 0.4, 0.45, 0.5)
STRONG_VALUES = (0.9, 1.01)
SINGLE_VALUES = (0.0, 0.2, 0.4)
# config.yml's FallbackClassifier threshold: below it the classifier's own intent is nlu_fallback.
FALLBACK_THRESHOLD = float(next(step["threshold"] for step in load_config()["pipeline"]
                                if step["name"] == "FallbackClassifier"))
# 1.01: any word counts as one from elsewhere (the signal as it was before `foreign`).
FOREIGN_VALUES = (1.01, 0.2, 0.1, 0.05)


def without_guard(parsed: Mapping[str, Any]) -> dict[str, Any]:
    """The parse as the classifier left it, before the scope signal. (A declined parse can end as
    nlu_fallback rather than out_of_scope: the FallbackClassifier, after the signal, sees the
    classifier's intent still high in the ranking and calls the two ambiguous.)"""
    scope = parsed.get("scope") or {}
    if not (scope.get("declined") and scope.get("intent")):
        return dict(parsed)
    intent = dict(scope["intent"])
    if float(intent.get("confidence") or 0.0) < FALLBACK_THRESHOLD:
        intent = {"name": "nlu_fallback", "confidence": FALLBACK_THRESHOLD}
    return {**parsed, "intent": intent}


def measured(parsed: Mapping[str, Any]) -> Coverage | None:
    scope = parsed.get("scope")
    if not scope:
        return None
    return Coverage(int(scope["words"]), float(scope["coverage"]), float(scope["strongest"]),
                    float(scope.get("weakest", 0.0)))


def label_with(parsed: Mapping[str, Any], scope: ScopeThresholds, thresholds: Thresholds) -> str:
    """What the bot would do with a parse had the scope signal these thresholds."""
    original = without_guard(parsed)
    found = measured(parsed)
    name = str((original.get("intent") or {}).get("name") or "")
    if found is not None and guarded(name) and lacks_content(found, scope):
        return "out_of_scope"
    return bot_label(original, thresholds)[0]


def cross_validated(examples: Sequence[tuple[list[str], str]], folds: int) -> list[Coverage]:
    order = np.random.default_rng(0).permutation(len(examples))
    found: list[Coverage | None] = [None] * len(examples)
    for fold in range(folds):
        held = set(order[fold::folds].tolist())
        vocabulary = Vocabulary.learn(e for i, e in enumerate(examples) if i not in held)
        for i in held:
            found[i] = coverage(examples[i][0], vocabulary)
    return [c for c in found if c is not None]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bot.dev.tune_scope", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--model", type=Path, default=MODEL_PATH)
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--show", type=float, nargs=4, metavar=("COVERAGE", "STRONG", "SINGLE", "FOREIGN"),
                        help="also list the development sets' misses with these thresholds")
    args = parser.parse_args(argv)
    if not args.model.exists():
        print(f"error: no model at {args.model}: run `make train`", file=sys.stderr)
        return 1
    thresholds = load_settings().faq_thresholds
    sets = dev_sets()
    parsed = asyncio.run(parse_all(args.model, [item["text"] for _, items in sets for item in items]))
    messages, labels = featurized_training_examples(args.model)
    examples = [(message_lemmas(m), label) for m, label in zip(messages, labels, strict=True)]
    folds = cross_validated(examples, args.folds)
    faq = [c for c, (_, label) in zip(folds, examples, strict=True) if label.startswith("faq/")]
    off = [c for c, (_, label) in zip(folds, examples, strict=True) if label in OUT_OF_SCOPE_LABELS]

    names = [path.stem for path, _ in sets]
    print("coverage strong single foreign  " + "  ".join(f"{n:>28}" for n in names)
          + "   CV FAQ declined   CV off-topic declined")
    grid = [(c, s, one, f) for c in COVERAGE_VALUES for s in STRONG_VALUES for one in SINGLE_VALUES
            for f in FOREIGN_VALUES]
    for c, s, one, f in grid:
        scope = ScopeThresholds(c, s, one, f)
        cells, start = [], 0
        for path, items in sets:
            results, start = parsed[start:start + len(items)], start + len(items)
            if path in SITUATION_DEV_SETS or path == FAQ_DEV_SET:
                unguarded = [without_guard(r) for r in results]
                if path == FAQ_DEV_SET:
                    rights = [j.label == j.gold for j in judge_faq(items, unguarded, thresholds)]
                else:
                    rights = [situation_right(j) for j in judge_situations(items, unguarded, thresholds)]
                lost = sum(
                    ok and label_with(r, scope, thresholds) == "out_of_scope"
                    for ok, r in zip(rights, results, strict=True))
                right = sum(rights) - lost
                cells.append(f"{right}/{len(items)} right, {lost} lost")
            else:
                labels_now = [label_with(r, scope, thresholds) for r in results]
                dangerous = sum(offtopic_dangerous_label(label) for label in labels_now)
                cells.append(f"{dangerous}/{len(items)} dangerous")
        declined_faq = sum(lacks_content(x, scope) for x in faq) / max(len(faq), 1)
        declined_off = sum(lacks_content(x, scope) for x in off) / max(len(off), 1)
        print(f"{c:8.2f} {s:6.2f} {one:6.2f} {f:7.2f}  " + "  ".join(f"{cell:>28}" for cell in cells)
              + f"   {declined_faq:15.1%}   {declined_off:21.1%}")
    if args.show:
        show_misses(sets, parsed, ScopeThresholds(*args.show), thresholds)
    print("config.yml sets ScopeGuard's coverage_threshold, strong_threshold, single_word_threshold "
          "and foreign_threshold.")
    return 0


def show_misses(sets: Sequence[tuple[Path, list[dict[str, Any]]]], parsed: Sequence[Mapping[str, Any]],
                scope: ScopeThresholds, thresholds: Thresholds) -> None:
    """The development sets' off-topic messages still handled dangerously, and the situation and
    FAQ questions the signal would decline, with their coverage (development sets only)."""
    start = 0
    for path, items in sets:
        results, start = parsed[start:start + len(items)], start + len(items)
        print(f"\n{path.stem}:")
        for item, result in zip(items, results, strict=True):
            label = label_with(result, scope, thresholds)
            found = measured(result)
            numbers = f"{found.coverage:.2f}/{found.strongest:.2f}" if found else "-"
            in_scope = path in SITUATION_DEV_SETS or path == FAQ_DEV_SET
            if in_scope and label == "out_of_scope":
                print(f"  declined ({numbers}): {item['text']}")
            elif not in_scope and offtopic_dangerous_label(label):
                print(f"  {label} ({numbers}): {item['text']}")


def offtopic_dangerous_label(label: str) -> bool:
    """As evaluate.offtopic_dangerous: an FAQ answer, a role question, a change-answer prompt or
    a check start."""
    return label.startswith("faq/") or label in OFFTOPIC_DANGEROUS


if __name__ == "__main__":
    sys.exit(main())
