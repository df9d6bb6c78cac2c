"""`python -m bot.dev.compare_pipelines` (`make compare-pipelines`): train the NLU pipelines we
compares on the same data, evaluate each on the same held-out messages, and write
docs/nlu-evaluation.md.

The pipelines are derived from config.yml, so they share every setting (random seeds, the entity
extractors, the safety net, the fallback) and differ only in tokens, features and classifiers:
- rasa-default: whitespace tokens, word and character n-gram counts, DIET, ResponseSelector;
- spacy-tokens: the same with spaCy's tokens and lemmas;
- spacy-full: spaCy's tokens, lemmas, features and entities, DIET, ResponseSelector;
- whitespace-linear: rasa-default's tokens and features with the linear classifier
  (bot/nlu/classifier.py) in place of DIET and the ResponseSelector;
- spacy-linear: spacy-full's tokens, features and entities with the linear classifier (what
  config.yml runs).
DIET and the ResponseSelector keep the settings config.yml had while it ran them (DIET_STEP,
RESPONSE_SELECTOR_STEP).
"""

from __future__ import annotations

import argparse
import copy
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import yaml

from bot.dev.evaluate import evaluate_model
from bot.paths import ROOT
from bot.settings import load_settings

DOC_PATH = ROOT / "docs" / "nlu-evaluation.md"
CHOSEN = "spacy-linear"
SPACY_ONLY = {"SpacyNLP", "SpacyTokenizer", "SpacyFeaturizer", "SpacyEntityExtractor"}
LINEAR = "bot.nlu.classifier.LinearIntentClassifier"
DIET_STEP: dict[str, Any] = {
    "name": "DIETClassifier", "epochs": 60, "batch_size": [128, 256], "learning_rate": 0.002,
    "constrain_similarities": True, "entity_recognition": False,
    "number_of_transformer_layers": 0, "random_seed": 42,
}
RESPONSE_SELECTOR_STEP: dict[str, Any] = {
    "name": "ResponseSelector", "retrieval_intent": "faq", "epochs": 50, "batch_size": [128, 256],
    "learning_rate": 0.002, "constrain_similarities": True, "random_seed": 42,
}


def load_config(path: Path = ROOT / "config.yml") -> dict[str, Any]:
    return dict(yaml.safe_load(path.read_text(encoding="utf-8")))


def _without(pipeline: list[dict[str, Any]], names: set[str]) -> list[dict[str, Any]]:
    return [copy.deepcopy(step) for step in pipeline if step["name"] not in names]


def _with_diet(pipeline: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The pipeline with DIET where the linear classifier was, and the ResponseSelector after the
    entity extractors (where config.yml had them)."""
    steps = []
    for step in pipeline:
        steps.append(copy.deepcopy(DIET_STEP) if step["name"] == LINEAR else copy.deepcopy(step))
        if step["name"] == "EntitySynonymMapper":
            steps.append(copy.deepcopy(RESPONSE_SELECTOR_STEP))
    return steps


def _whitespace(pipeline: list[dict[str, Any]]) -> list[dict[str, Any]]:
    steps = _without(pipeline, SPACY_ONLY)
    steps.insert(0, {"name": "WhitespaceTokenizer"})
    for step in steps:
        step.pop("use_lemma", None)
    return steps


def variants(config: dict[str, Any]) -> dict[str, dict[str, Any]]:
    pipeline = config["pipeline"]
    if not any(step["name"] == LINEAR for step in pipeline):
        raise ValueError(f"config.yml has no {LINEAR} step to derive the pipelines from")
    diet = _with_diet(pipeline)
    return {
        "rasa-default": {**config, "pipeline": _whitespace(diet)},
        "spacy-tokens": {**config, "pipeline": _without(diet, {"SpacyFeaturizer", "SpacyEntityExtractor"})},
        "spacy-full": {**config, "pipeline": diet},
        "whitespace-linear": {**config, "pipeline": _whitespace(pipeline)},
        "spacy-linear": {**config, "pipeline": copy.deepcopy(pipeline)},
    }


@dataclass(frozen=True)
class Result:
    name: str
    train_seconds: float
    model_mib: float
    summary: dict[str, Any]


def train_and_evaluate(name: str, config: dict[str, Any], workdir: Path) -> Result:
    config_path = workdir / f"{name}.yml"
    config_path.write_text(yaml.safe_dump(config, sort_keys=False))
    out = workdir / "models"
    started = time.monotonic()
    subprocess.run(
        [sys.executable, "-m", "rasa", "train", "--config", str(config_path), "--domain", "domain.yml",
         "--data", "data", "--out", str(out), "--fixed-model-name", name, "--force"],
        cwd=ROOT, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    seconds = time.monotonic() - started
    model = out / f"{name}.tar.gz"
    summary = evaluate_model(model, load_settings().faq_thresholds).summary
    return Result(name, seconds, model.stat().st_size / 2**20, summary)


def spacy_vectors_length() -> int:
    """How many word vectors the spaCy model that config.yml loads has."""
    import spacy

    model = next(s["model"] for s in load_config()["pipeline"] if s["name"] == "SpacyNLP")
    return int(spacy.load(ROOT / model).vocab.vectors_length)


def vectors_sentence() -> str:
    if spacy_vectors_length():
        return "spaCy's dense features are the model's word vectors."
    return (
        "spacy-tokens and spacy-full classify alike because the English model (`en_core_web_sm`) "
        "has no word vectors, and Rasa 3.6's `SpacyFeaturizer` adds no features for a model "
        "without them; the two differ only in spaCy's entities, which the classifiers do not see."
    )


def meets_targets(summary: dict[str, Any]) -> bool:
    """The NLU targets: 95% FAQ answer accuracy, 95% out-of-scope recall, 3% false rejection."""
    return (summary["faq_answer_accuracy"] >= 0.95 and summary["out_of_scope_recall"] >= 0.95
            and summary["false_rejection"] <= 0.03)


def targets_sentence(results: list[Result]) -> str:
    meeting = [r.name for r in results if meets_targets(r.summary)]
    if not meeting:
        return ("None of them meets all of the NLU targets (95% FAQ answer accuracy, 95% "
                "out-of-scope recall, at most 3% false rejection).")
    return f"Meeting all of the NLU targets: {', '.join(meeting)}."


def data_version() -> str:
    """The commit the training data and config came from (and whether they had changed since)."""
    def git(*args: str) -> str:
        return subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True).stdout.strip()

    commit = git("rev-parse", "--short", "HEAD") or "unknown"
    dirty = git("status", "--porcelain", "--", "config.yml", "domain.yml", "data")
    return f"{commit}{' with uncommitted changes' if dirty else ''}"


def render(results: list[Result], version: str) -> str:
    rows = [
        f"| {r.name}{' (chosen)' if r.name == CHOSEN else ''} | {r.summary['faq_answer_accuracy']:.1%} "
        f"| {r.summary['intent_macro_f1']:.3f} | {r.summary['out_of_scope_recall']:.1%} "
        f"| {r.summary['false_rejection']:.1%} | {r.summary['faq_answered_or_offered']:.1%} "
        f"| {r.train_seconds:.0f} s | {r.model_mib:.0f} MiB |"
        for r in results
    ]
    s = results[0].summary
    by_name = {r.name: r for r in results}
    return "\n".join([
        "<!-- GENERATED by `make compare-pipelines` (python -m bot.dev.compare_pipelines). "
        "Do not edit by hand. -->",
        "# NLU pipeline comparison",
        "",
        f"Measured on {datetime.now(timezone.utc):%Y-%m-%d} on this project's 2-core machine, with "
        f"the training data and `config.yml` of commit {version}, on the "
        f"held-out sets in `tests/data/` ({s['faq_questions']} in-scope questions, "
        f"{s['out_of_scope_messages']} out-of-scope and special-case messages, plus "
        f"{s['by_category'].get('several', {}).get('messages', 0)} messages with several questions), "
        "never trained on. Each pipeline is derived from `config.yml`, with the same random seeds, "
        "and trained with `rasa train --force` (NLU and dialogue policies), so training times "
        "include the policies and spaCy's featurisation. Every message goes through the same "
        "decision the bot's actions make (`bot/nlu/faq_decision.py`), with the same thresholds.",
        "",
        "| Pipeline | FAQ answer accuracy | Intent macro-F1 | Out-of-scope recall "
        "| In-scope false rejection | Answered or offered | Training time | Model size |",
        "|---|---|---|---|---|---|---|---|",
        *rows,
        "",
        "- **rasa-default**: whitespace tokens, word and character (2-4) n-gram counts, lexical "
        "features, DIET (intents), ResponseSelector (FAQ entries).",
        "- **spacy-tokens**: the same with spaCy's tokens, and word counts over lemmas.",
        "- **spacy-full**: spaCy's tokens and lemmas, plus spaCy's dense features and its named "
        "entities (nationalities and places, which the eligibility check reads).",
        "- **whitespace-linear**: rasa-default's tokens and features, with one logistic regression "
        "over TF-IDF-weighted n-grams (`bot/nlu/classifier.py`) in place of DIET and the "
        "ResponseSelector: every intent and every FAQ entry is a label of its own.",
        "- **spacy-linear**: spacy-full's tokens, lemmas, features and entities with that linear "
        "classifier.",
        "",
        "FAQ answer accuracy counts a question right only when the bot answers it outright with the "
        "expected entry; \"answered or offered\" also counts a \"Did you mean...?\" that offers it. "
        "Out-of-scope recall is the share of off-topic and special-case messages that get no FAQ "
        "answer and no FAQ buttons. False rejection is the share of in-scope questions the bot "
        "declines (\"I don't know\" or a special case).",
        "",
        "## Choice",
        "",
        *choice_paragraphs(by_name),
        "",
    ])


def _points(a: Result, b: Result, key: str) -> str:
    return f"{(a.summary[key] - b.summary[key]) * 100:+.1f} points"


def choice_paragraphs(by_name: dict[str, Result]) -> list[str]:
    paragraphs = []
    chosen = by_name.get(CHOSEN)
    diets = [by_name[n] for n in ("rasa-default", "spacy-tokens", "spacy-full") if n in by_name]
    if chosen and diets:
        best = max(diets, key=lambda r: r.summary["faq_answer_accuracy"])
        paragraphs += [
            f"`config.yml` runs **{CHOSEN}**. Against the best DIET pipeline ({best.name}) it "
            f"changes FAQ answer accuracy by {_points(chosen, best, 'faq_answer_accuracy')}, "
            f"out-of-scope recall by {_points(chosen, best, 'out_of_scope_recall')} and false "
            f"rejection by {_points(chosen, best, 'false_rejection')}, and trains in "
            f"{chosen.train_seconds:.0f} s instead of {best.train_seconds:.0f} s. DIET has to learn "
            "`faq` as one intent spread over every entry, against near-domain off-topic questions "
            "(other apprenticeships, visas, benefits); it called in-scope questions off-topic and "
            "off-topic ones `faq`. The linear model sees each entry as its own class, so the "
            "question \"is this in scope?\" becomes \"is this close to any one entry?\". A linear "
            "model over sparse n-grams also has nothing to gain from more epochs, which is where "
            "DIET's minutes went.",
            "",
        ]
    if chosen and "whitespace-linear" in by_name:
        plain = by_name["whitespace-linear"]
        paragraphs += [
            f"With the linear classifier, spaCy's tokens and lemmas against whitespace tokens change "
            f"FAQ answer accuracy by {_points(chosen, plain, 'faq_answer_accuracy')} and out-of-scope "
            f"recall by {_points(chosen, plain, 'out_of_scope_recall')}. spaCy stays either way: the "
            "eligibility check needs its named entities for the nationalities and places its own "
            "table does not list.",
            "",
        ]
    paragraphs += [
        vectors_sentence() + " The `SpacyFeaturizer` stays in the pipeline so that an English "
        "model with word vectors would be used without a config change.",
        "",
        targets_sentence(list(by_name.values())) + " `make eval` shows where the misses are. "
        "Training times are wall-clock times on the 2-core machine, one pipeline after another, and "
        "vary with what else the machine is doing.",
    ]
    return paragraphs


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bot.dev.compare_pipelines", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--only", nargs="*", help="pipelines to run (default: all)")
    args = parser.parse_args(argv)
    configs = variants(load_config())
    names = args.only or list(configs)
    version = data_version()
    results = []
    with tempfile.TemporaryDirectory(prefix="pipelines-") as tmp:
        for name in names:
            print(f"Training and evaluating {name}...", flush=True)
            result = train_and_evaluate(name, configs[name], Path(tmp))
            s = result.summary
            print(f"  {name}: FAQ {s['faq_answer_accuracy']:.1%}, macro-F1 {s['intent_macro_f1']:.3f}, "
                  f"OOS recall {s['out_of_scope_recall']:.1%}, false rejection {s['false_rejection']:.1%}, "
                  f"trained in {result.train_seconds:.0f} s, {result.model_mib:.0f} MiB", flush=True)
            results.append(result)
    DOC_PATH.write_text(render(results, version))
    print(f"Wrote {DOC_PATH.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
