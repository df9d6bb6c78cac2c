"""`bot.nlu.classifier.LinearIntentClassifier`: one logistic regression over every intent, with
each FAQ entry (`faq/<id>`) as a label of its own, in place of DIET and the ResponseSelector.

Why (docs/nlu-evaluation.md has the figures): on our held-out sets DIET's top-level intent was the
weak link. It had to learn `faq` as one class spread over 35 topics, against near-domain off-topic
questions, and called in-scope questions `out_of_scope` or off-topic ones `faq`. A linear model
over TF-IDF-weighted word and character n-grams, with every entry its own class, separates them
better and trains in seconds rather than minutes.

It reads the sparse (and any dense) sentence features the pipeline's featurizers made, so the
tokenizer and featurizers before it still decide what it sees. Its output has exactly the shape
Rasa 3.6's intent classifiers and ResponseSelector give, so the FallbackClassifier, the rules,
`bot.nlu.faq_decision` and the action server read it unchanged:
- `intent` and `intent_ranking` over top-level intents, `faq` scoring the sum of its entries;
- `response_selector.faq`: every entry's own probability, best first; for a message with several
  questions in it, also `parts`: each question classified on its own (our addition).
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.classifiers.classifier import IntentClassifier
from rasa.nlu.constants import TOKENS_NAMES
from rasa.nlu.featurizers.featurizer import Featurizer
from rasa.shared.nlu.constants import (
    FEATURE_TYPE_SENTENCE,
    FEATURE_TYPE_SEQUENCE,
    INTENT,
    INTENT_RESPONSE_KEY,
    TEXT,
)
from rasa.shared.nlu.training_data.features import Features
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData
from rasa.shared.utils.io import dump_obj_as_json_to_file, read_json_file
from scipy.sparse import csr_matrix, hstack, vstack
from sklearn.feature_extraction.text import TfidfTransformer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import Pipeline

from bot.nlu.faq_decision import question_parts
from bot.nlu.role_question import as_role_question

logger = logging.getLogger(__name__)

MODEL_FILE = "classifier.skops"
META_FILE = "meta.json"
# How many FAQ entries each question of a several-question message lists.
PART_RANKING_LENGTH = 3
# What a saved TF-IDF and logistic regression are made of; anything else in the file is refused.
TRUSTED_PREFIXES = ("numpy.", "scipy.sparse.", "sklearn.")


def label_of(example: Message) -> str | None:
    """The label a training example teaches: `faq/<id>` for an FAQ entry, else its intent."""
    return example.get(INTENT_RESPONSE_KEY) or example.get(INTENT)


def top_level(label: str) -> str:
    return label.split("/", 1)[0]


def intent_ranking(probabilities: Mapping[str, float]) -> list[dict[str, Any]]:
    """Top-level intents, best first, each scoring the sum of its labels (`faq`: of its entries)."""
    intents: dict[str, float] = {}
    for label, p in probabilities.items():
        intents[top_level(label)] = intents.get(top_level(label), 0.0) + p
    return sorted(
        ({"name": name, "confidence": p} for name, p in intents.items()),
        key=lambda item: -item["confidence"],
    )


def faq_ranking(probabilities: Mapping[str, float], retrieval_intent: str) -> list[dict[str, Any]]:
    """The retrieval intent's entries, best first, as Rasa's ResponseSelector ranks them."""
    prefix = f"{retrieval_intent}/"
    return sorted(
        ({"confidence": p, "intent_response_key": label}
         for label, p in probabilities.items() if label.startswith(prefix)),
        key=lambda item: -item["confidence"],
    )


def _sentence_level(message: Message) -> list[Features]:
    """The sentence features the featurizers gave a message: the sparse ones, then the dense, each
    in pipeline order (the order Rasa's own classifiers combine them in)."""
    features = [f for f in message.features if f.attribute == TEXT and f.type == FEATURE_TYPE_SENTENCE]
    return sorted(features, key=lambda f: not f.is_sparse())


def sentence_features(message: Message) -> csr_matrix | None:
    """The sparse (and any dense) sentence features the pipeline's featurizers gave a message."""
    parts = [csr_matrix(f.features) for f in _sentence_level(message)]
    return hstack(parts).tocsr() if parts else None


def span_features(message: Message, start: int, end: int) -> csr_matrix | None:
    """Sentence features for the characters start..end of a message, as if it were a message of
    its own: the sum of its tokens' sequence features (the mean, for dense ones). For the count
    featurizers that sum is exactly what they give a whole sentence; None where a featurizer gave
    no matching sequence features."""
    tokens = message.get(TOKENS_NAMES[TEXT]) or []
    rows = [i for i, token in enumerate(tokens) if token.start >= start and token.end <= end]
    if not rows:
        return None
    sequences = [f for f in message.features if f.attribute == TEXT and f.type == FEATURE_TYPE_SEQUENCE]
    parts, used = [], set()
    for sentence in _sentence_level(message):
        # A featurizer's sequence features: same origin, kind and width as its sentence features.
        sequence = next((
            f for f in sequences
            if id(f) not in used and f.origin == sentence.origin and f.is_sparse() == sentence.is_sparse()
            and f.features.shape == (len(tokens), sentence.features.shape[1])
        ), None)
        if sequence is None:
            return None
        used.add(id(sequence))
        selected = csr_matrix(sequence.features)[rows]
        pooled = selected.sum(axis=0) if sentence.is_sparse() else selected.mean(axis=0)
        parts.append(csr_matrix(pooled))
    return hstack(parts).tocsr() if parts else None


def one_blas_thread() -> Any:
    """lbfgs on sparse features gains nothing from BLAS threads: on two cores they spin, and a
    fit took 19 s with them against 14 s without."""
    from threadpoolctl import threadpool_limits

    return threadpool_limits(limits=1, user_api="blas")


def new_model(config: dict[str, Any]) -> Pipeline:
    """An untrained TF-IDF weighting and logistic regression with the component's settings."""
    return Pipeline([
        # Counts become sublinear TF-IDF: frequent n-grams ("the", " a") stop dominating.
        ("tfidf", TfidfTransformer(sublinear_tf=True)),
        ("logistic", LogisticRegression(
            C=float(config["C"]), max_iter=int(config["max_iter"]), class_weight="balanced",
            random_state=int(config["random_state"]),
        )),
    ])


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=True)
class LinearIntentClassifier(GraphComponent, IntentClassifier):
    @classmethod
    def required_components(cls) -> list[type]:
        return [Featurizer]

    @staticmethod
    def required_packages() -> list[str]:
        return ["sklearn", "skops"]

    @staticmethod
    def get_default_config() -> dict[str, Any]:
        return {
            # Inverse regularisation strength. `make tune-classifier` (5-fold cross-validation on
            # the training data): from C=30 to 1000 the bot answers more held-back FAQ questions
            # rightly (75.5% to 83.8%) and takes fewer off-topic ones for FAQs (14.7% to 12.4%),
            # for more wrong answers (2.8% to 5.0%); beyond 1000 it changes little.
            "C": 1000.0,
            "max_iter": 5000,
            "random_state": 42,
            "retrieval_intent": "faq",
            # How many top-level intents `intent_ranking` lists, and how many entries the FAQ
            # ranking lists (0: all).
            "ranking_length": 10,
            "faq_ranking_length": 10,
        }

    def __init__(self, config: dict[str, Any], model_storage: ModelStorage, resource: Resource,
                 model: Pipeline | None = None, responses: dict[str, Any] | None = None) -> None:
        self.config = {**self.get_default_config(), **config}
        self._model_storage = model_storage
        self._resource = resource
        self.model = model
        self.responses = responses or {}

    @classmethod
    def fingerprint_addon(cls, config: dict[str, Any]) -> str | None:
        """This module's source, so that Rasa's training cache retrains the classifier when its
        code changes, not only when its data or settings do."""
        return hashlib.sha256(Path(__file__).read_bytes()).hexdigest()

    @classmethod
    def create(cls, config: dict[str, Any], model_storage: ModelStorage, resource: Resource,
               execution_context: ExecutionContext) -> LinearIntentClassifier:
        return cls(config, model_storage, resource)

    @property
    def retrieval_intent(self) -> str:
        return str(self.config["retrieval_intent"])

    def train(self, training_data: TrainingData) -> Resource:
        examples = [e for e in training_data.intent_examples if e.get(TEXT) and label_of(e)]
        rows = [(sentence_features(e), label_of(e)) for e in examples]
        rows = [(x, y) for x, y in rows if x is not None]
        if len({y for _, y in rows}) < 2:
            logger.warning("LinearIntentClassifier: fewer than two labels to learn; not trained.")
            return self._resource
        self.model = new_model(self.config)
        with one_blas_thread():
            self.model.fit(vstack([x for x, _ in rows]).tocsr(), [y for _, y in rows])
        self.responses = {
            name: list(variants) for name, variants in training_data.responses.items()
            if name.startswith(f"utter_{self.retrieval_intent}/")
        }
        self.persist()
        return self._resource

    def process(self, messages: list[Message]) -> list[Message]:
        for message in messages:
            features = sentence_features(message)
            if self.model is None or features is None:
                # What Rasa's own classifiers give when they cannot predict: the FallbackClassifier
                # then turns it into `nlu_fallback` ("I don't know").
                message.set(INTENT, {"name": None, "confidence": 0.0}, add_to_output=True)
                message.set("intent_ranking", [], add_to_output=True)
                continue
            probabilities = self._probabilities(features)
            chosen = self._button_label(str(message.get(TEXT) or ""), probabilities)
            if chosen is not None:
                # A "Did you mean...?" button's payload names its entry: that entry, for certain,
                # not whatever the words of its id resemble.
                probabilities = {label: float(label == chosen) for label in probabilities}
            else:
                winner = intent_ranking(probabilities)[0]["name"]
                probabilities = as_role_question(str(message.get(TEXT) or ""), probabilities, winner,
                                                 self.retrieval_intent)
            self._set_output(message, probabilities)
            self._set_parts(message)
        return messages

    def _button_label(self, text: str, probabilities: Mapping[str, float]) -> str | None:
        """The label a `/faq/<id>` button payload names, when it is one this model knows."""
        label = text.strip()[1:] if text.strip().startswith(f"/{self.retrieval_intent}/") else ""
        return label if label in probabilities else None

    def _probabilities(self, features: csr_matrix) -> dict[str, float]:
        assert self.model is not None
        row = self.model.predict_proba(features)[0]
        return dict(zip((str(label) for label in self.model.classes_), row.tolist(), strict=True))

    def _set_parts(self, message: Message) -> None:
        """For a message with several questions in it, classify each question on its own, so that
        "Which first?" offers one entry per question, not the runners-up of the whole message."""
        text = str(message.get(TEXT) or "")
        parts = question_parts(text)
        selector = (message.get("response_selector") or {}).get(self.retrieval_intent)
        if len(parts) < 2 or selector is None:
            return
        found, cursor = [], 0
        for part in parts:
            start = text.find(part, cursor)
            features = span_features(message, start, start + len(part)) if start >= 0 else None
            if features is None:
                continue
            cursor = start + len(part)
            probabilities = self._probabilities(features)
            best = max(probabilities, key=lambda label: probabilities[label])
            found.append({
                "text": part, "intent": top_level(best),
                "ranking": faq_ranking(probabilities, self.retrieval_intent)[:PART_RANKING_LENGTH],
            })
        selector["parts"] = found

    def _set_output(self, message: Message, probabilities: dict[str, float]) -> None:
        ranking = intent_ranking(probabilities)
        message.set(INTENT, ranking[0], add_to_output=True)
        length = int(self.config["ranking_length"])
        message.set("intent_ranking", ranking[:length] if length else ranking, add_to_output=True)

        entries = faq_ranking(probabilities, self.retrieval_intent)
        if not entries:
            return
        best, confidence = entries[0]["intent_response_key"], entries[0]["confidence"]
        utter_action = f"utter_{best}"
        length = int(self.config["faq_ranking_length"])
        selector = dict(message.get("response_selector") or {})
        selector["all_retrieval_intents"] = [self.retrieval_intent]
        selector[self.retrieval_intent] = {
            "response": {
                "responses": self.responses.get(utter_action) or [{TEXT: best}],
                "confidence": confidence,
                "intent_response_key": best,
                "utter_action": utter_action,
            },
            "ranking": entries[:length] if length else entries,
        }
        message.set("response_selector", selector, add_to_output=True)

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        return training_data

    def persist(self) -> None:
        import skops.io as sio

        with self._model_storage.write_to(self._resource) as directory:
            sio.dump(self.model, directory / MODEL_FILE)
            dump_obj_as_json_to_file(directory / META_FILE, {"responses": self.responses})

    @classmethod
    def load(cls, config: dict[str, Any], model_storage: ModelStorage, resource: Resource,
             execution_context: ExecutionContext, **kwargs: Any) -> LinearIntentClassifier:
        import skops.io as sio

        try:
            with model_storage.read_from(resource) as directory:
                path = directory / MODEL_FILE
                untrusted = sio.get_untrusted_types(file=path)
                unexpected = [t for t in untrusted if not t.startswith(TRUSTED_PREFIXES)]
                if unexpected:
                    raise ValueError(f"unexpected types in {path}: {unexpected}")
                model = sio.load(path, trusted=untrusted)
                meta = read_json_file(directory / META_FILE)
        except ValueError as error:
            logger.warning(f"LinearIntentClassifier: no trained model loaded ({error}).")
            return cls.create(config, model_storage, resource, execution_context)
        return cls(config, model_storage, resource, model, meta.get("responses"))

    @classmethod
    def validate_config(cls, config: dict[str, Any]) -> None:
        if float(config.get("C", 1.0)) <= 0:
            raise ValueError("LinearIntentClassifier: C must be positive.")

