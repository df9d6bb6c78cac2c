"""`python -m bot.dev.tune_classifier` (`make tune-classifier`): choose the linear classifier's C by
cross-validation on the training data, never on the held-out sets.

The trained model's own tokenizers and featurizers (config.yml's pipeline up to the classifier)
featurize every training example once; then, for each C, a stratified k-fold cross-validation
trains the classifier's TF-IDF and logistic regression on k-1 folds and scores the last: whether
the top label is right (`faq/<id>` for FAQ entries, else the intent), and what the bot would do
with the message (answer, ask "Did you mean...?", decline), through the same decision as the
actions and `make eval`. The featurizers' vocabularies
were fitted on all the training data, the same for every C, so the comparison between values of C
is fair even though the absolute figures are slightly optimistic.
"""

from __future__ import annotations

import argparse
import logging
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from rasa.shared.nlu.constants import TEXT
from rasa.shared.nlu.training_data.message import Message

from bot.corpus.model import RETRIEVAL_INTENT
from bot.dev.compare_pipelines import load_config
from bot.dev.evaluate import SPECIAL_INTENTS, bot_label
from bot.dev.train import MODEL_PATH
from bot.nlu.classifier import (
    LinearIntentClassifier,
    faq_ranking,
    intent_ranking,
    label_of,
    new_model,
    one_blas_thread,
    sentence_features,
)
from bot.nlu.faq_decision import Thresholds
from bot.paths import ROOT
from bot.settings import load_settings

OFF_TOPIC = frozenset(SPECIAL_INTENTS)

DEFAULT_VALUES = (30.0, 100.0, 300.0, 1000.0, 3000.0)


def featurized_training_examples(model: Path) -> tuple[list[Message], list[str]]:
    from rasa.core.agent import Agent
    from rasa.core.channels.channel import UserMessage
    from rasa.engine.constants import PLACEHOLDER_MESSAGE
    from rasa.shared.nlu.training_data.loading import load_data
    from rasa.utils.log_utils import configure_structlog

    configure_structlog(logging.WARNING)
    agent = Agent.load(str(model))
    processor = agent.processor
    schema = processor.model_metadata.predict_schema
    node = next(n for n in schema.nodes.values() if n.uses is LinearIntentClassifier)
    features_node = node.needs["messages"]
    data = load_data(str(ROOT / "data" / "nlu"))
    examples = [e for e in data.intent_examples if e.get("text") and label_of(e)]
    results = processor.graph_runner.run(
        inputs={PLACEHOLDER_MESSAGE: [UserMessage(e.get("text")) for e in examples]},
        targets=[features_node],
    )
    return results[features_node], [str(label_of(e)) for e in examples]


@dataclass(frozen=True)
class Score:
    """Cross-validated figures for one value of C. accuracy: the top label is right. For FAQ
    examples, what the bot would do with them (bot/nlu/faq_decision.py, the configured thresholds):
    answered with the right entry, or answered with a wrong one. For off-topic and special-case
    examples: the share that got an FAQ answer or "Did you mean...?" buttons."""

    accuracy: float
    answered_right: float
    answered_wrong: float
    off_topic_taken: float


def fallback_threshold() -> float:
    step = next((s for s in load_config()["pipeline"] if s["name"] == "FallbackClassifier"), {})
    return float(step.get("threshold", 0.0))


def bot_decision(text: str, probabilities: dict[str, float], thresholds: Thresholds,
                 fallback: float) -> str:
    """What the bot would do with a message the classifier gave these probabilities, the
    FallbackClassifier's threshold included."""
    intent = intent_ranking(probabilities)[0]
    if intent["confidence"] < fallback:
        intent = {"name": "nlu_fallback", "confidence": intent["confidence"]}
    ranking = faq_ranking(probabilities, RETRIEVAL_INTENT)
    parsed = {"text": text, "intent": intent,
              "response_selector": {RETRIEVAL_INTENT: {"ranking": ranking}}}
    return bot_label(parsed, thresholds)[0]


def cross_validate(messages: list[Message], labels: list[str], values: tuple[float, ...],
                   folds: int, thresholds: Thresholds | None = None,
                   fallback: float = 0.4) -> dict[float, Score]:
    thresholds = thresholds or Thresholds()
    from scipy.sparse import vstack
    from sklearn.model_selection import StratifiedKFold

    X = vstack([sentence_features(m) for m in messages]).tocsr()
    y = np.array(labels)
    texts = [str(m.get(TEXT)) for m in messages]
    split = list(StratifiedKFold(folds, shuffle=True, random_state=0).split(X, y))
    scores = {}
    for c in values:
        config = {**LinearIntentClassifier.get_default_config(), "C": c}
        predicted: dict[int, str] = {}
        decided: dict[int, str] = {}
        for train, test in split:
            with one_blas_thread():
                model = new_model(config).fit(X[train], y[train])
            classes = [str(label) for label in model.classes_]
            for i, row in zip(test, model.predict_proba(X[test]), strict=True):
                probabilities = dict(zip(classes, row.tolist(), strict=True))
                predicted[i] = max(probabilities, key=lambda label: probabilities[label])
                decided[i] = bot_decision(texts[i], probabilities, thresholds, fallback)
        scores[c] = score(labels, predicted, decided)
    return scores


def score(labels: Sequence[str], predicted: dict[int, str], decided: dict[int, str]) -> Score:
    def share(hits: list[bool]) -> float:
        return sum(hits) / len(hits) if hits else 0.0

    faq = [i for i, label in enumerate(labels) if label.startswith("faq/")]
    off_topic = [i for i, label in enumerate(labels) if label in OFF_TOPIC]
    return Score(
        accuracy=share([predicted[i] == label for i, label in enumerate(labels)]),
        answered_right=share([decided[i] == labels[i] for i in faq]),
        answered_wrong=share([decided[i].startswith("faq/") and decided[i] != labels[i] for i in faq]),
        off_topic_taken=share(
            [decided[i].startswith("faq/") or decided[i] in ("clarify", "several") for i in off_topic]
        ),
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bot.dev.tune_classifier", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--model", type=Path, default=MODEL_PATH)
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--values", type=float, nargs="+", default=list(DEFAULT_VALUES))
    args = parser.parse_args(argv)
    if not args.model.exists():
        print(f"error: no model at {args.model}: run `make train`", file=sys.stderr)
        return 1
    started = time.monotonic()
    messages, labels = featurized_training_examples(args.model)
    print(f"{len(labels)} training examples, {len(set(labels))} labels, {args.folds}-fold "
          "cross-validation:")
    scores = cross_validate(messages, labels, tuple(args.values), args.folds,
                            load_settings().faq_thresholds, fallback_threshold())
    print("  C          top label right   FAQ answered right   FAQ answered wrong   off-topic taken as FAQ")
    for c, score in scores.items():
        print(f"  {c:<10g} {score.accuracy:>15.1%} {score.answered_right:>20.1%} "
              f"{score.answered_wrong:>20.1%} {score.off_topic_taken:>24.1%}")
    print(f"({time.monotonic() - started:.0f} s.) config.yml sets the classifier's C.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
