"""`bot.nlu.scope_guard.ScopeGuard` (config.yml): the second out-of-scope signal (bot/nlu/scope.py)
inside the NLU pipeline, after the classifier.

At training time it learns which lemmas are TechTrack words from the training examples' tokens. At
parse time, when the classifier chose an intent that would give an FAQ answer, a role question
("Which role are you asking about?") or a change of an eligibility answer, and the message lacks
TechTrack content, the intent becomes `out_of_scope`, so every channel, rule and `make eval` see
the same decline. The parse carries the measure as `scope` (`words`, `coverage`, `strongest`,
and the classifier's own `intent`).
"""

from __future__ import annotations

import hashlib
import logging
from pathlib import Path
from typing import Any

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.classifiers.classifier import IntentClassifier
from rasa.nlu.constants import TOKENS_NAMES
from rasa.nlu.tokenizers.tokenizer import Tokenizer
from rasa.shared.nlu.constants import (
    INTENT,
    INTENT_NAME_KEY,
    INTENT_RANKING_KEY,
    PREDICTED_CONFIDENCE_KEY,
    TEXT,
)
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData
from rasa.shared.utils.io import dump_obj_as_json_to_file, read_json_file

from bot.nlu.classifier import label_of
from bot.nlu.scope import ScopeThresholds, Vocabulary, content_lemmas, coverage, lacks_content

logger = logging.getLogger(__name__)

VOCABULARY_FILE = "scope_vocabulary.json"
OUT_OF_SCOPE = "out_of_scope"
# Intents that, on an off-topic message, would answer, ask for a role or change an answer.
GUARDED_INTENTS = ("faq", "inform_role", "change_answer", "check_eligibility")


def guarded(intent: str, guarded_intents: tuple[str, ...] = GUARDED_INTENTS) -> bool:
    return intent in guarded_intents or intent.split("/", 1)[0] in guarded_intents


def message_lemmas(message: Message) -> list[str]:
    tokens = message.get(TOKENS_NAMES[TEXT]) or []
    return content_lemmas((token.text, token.lemma) for token in tokens)


def declined(parse: dict[str, Any], measured_coverage: float) -> None:
    """Make a parse's intent `out_of_scope`, confident in proportion to the missing coverage."""
    forced = {INTENT_NAME_KEY: OUT_OF_SCOPE, PREDICTED_CONFIDENCE_KEY: round(1.0 - measured_coverage, 4)}
    ranking = [r for r in parse.get(INTENT_RANKING_KEY) or [] if r.get(INTENT_NAME_KEY) != OUT_OF_SCOPE]
    parse[INTENT] = forced
    parse[INTENT_RANKING_KEY] = [forced, *ranking]


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=True)
class ScopeGuard(GraphComponent, IntentClassifier):
    @classmethod
    def required_components(cls) -> list[type]:
        return [Tokenizer]

    @staticmethod
    def get_default_config() -> dict[str, Any]:
        return {
            # bot/nlu/scope.py; chosen on the development sets with `python -m bot.dev.tune_scope`.
            "coverage_threshold": ScopeThresholds.coverage,
            "strong_threshold": ScopeThresholds.strong,
            "single_word_threshold": ScopeThresholds.single,
            "foreign_threshold": ScopeThresholds.foreign,
        }

    def __init__(self, config: dict[str, Any], model_storage: ModelStorage, resource: Resource,
                 vocabulary: Vocabulary | None = None) -> None:
        self.config = {**self.get_default_config(), **config}
        self._model_storage = model_storage
        self._resource = resource
        self.vocabulary = vocabulary

    @property
    def thresholds(self) -> ScopeThresholds:
        return ScopeThresholds(float(self.config["coverage_threshold"]),
                               float(self.config["strong_threshold"]),
                               float(self.config["single_word_threshold"]),
                               float(self.config["foreign_threshold"]))

    @classmethod
    def fingerprint_addon(cls, config: dict[str, Any]) -> str | None:
        """This module's and the signal's source: a change to either retrains the vocabulary."""
        here = Path(__file__).parent
        digest = hashlib.sha256()
        for name in ("scope_guard.py", "scope.py"):
            digest.update((here / name).read_bytes())
        return digest.hexdigest()

    @classmethod
    def create(cls, config: dict[str, Any], model_storage: ModelStorage, resource: Resource,
               execution_context: ExecutionContext) -> ScopeGuard:
        return cls(config, model_storage, resource)

    def train(self, training_data: TrainingData) -> Resource:
        examples = [e for e in training_data.intent_examples if e.get(TEXT) and label_of(e)]
        self.vocabulary = Vocabulary.learn((message_lemmas(e), str(label_of(e))) for e in examples)
        with self._model_storage.write_to(self._resource) as directory:
            dump_obj_as_json_to_file(directory / VOCABULARY_FILE, self.vocabulary.as_json())
        return self._resource

    def process(self, messages: list[Message]) -> list[Message]:
        if self.vocabulary is None:
            return messages
        for message in messages:
            text = str(message.get(TEXT) or "")
            intent = str((message.get(INTENT) or {}).get(INTENT_NAME_KEY) or "")
            if not guarded(intent) or text.strip().startswith("/"):
                continue  # a button payload names its own intent
            measured = coverage(message_lemmas(message), self.vocabulary)
            # With the classifier's own intent, so that thresholds can be tried on parses
            # (`python -m bot.dev.tune_scope`).
            message.set("scope", {
                "words": measured.words, "coverage": round(measured.coverage, 4),
                "strongest": round(measured.strongest, 4), "weakest": round(measured.weakest, 4),
                "intent": dict(message.get(INTENT) or {}),
            }, add_to_output=True)
            if lacks_content(measured, self.thresholds):
                message.data["scope"]["declined"] = True
                declined(message.data, measured.coverage)
        return messages

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        return training_data

    @classmethod
    def load(cls, config: dict[str, Any], model_storage: ModelStorage, resource: Resource,
             execution_context: ExecutionContext, **kwargs: Any) -> ScopeGuard:
        try:
            with model_storage.read_from(resource) as directory:
                vocabulary = Vocabulary.from_json(read_json_file(directory / VOCABULARY_FILE))
        except (ValueError, FileNotFoundError, KeyError) as error:
            logger.warning(f"ScopeGuard: no vocabulary loaded ({error}); the signal is off.")
            return cls.create(config, model_storage, resource, execution_context)
        return cls(config, model_storage, resource, vocabulary)
