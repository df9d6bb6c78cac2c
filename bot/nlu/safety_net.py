"""A Rasa NLU component (config.yml: `bot.nlu.safety_net.SafetyNet`) that applies bot/nlu/safety.py:
when a message shows distress or is written in another script, that intent wins, with full
confidence, whatever the classifier predicted; the classifier's own "distress", unsure and with no
sign of it in the words, gives way to the next intent in its ranking."""

from __future__ import annotations

from typing import Any

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.classifiers.classifier import IntentClassifier
from rasa.shared.nlu.constants import (
    INTENT,
    INTENT_NAME_KEY,
    INTENT_RANKING_KEY,
    PREDICTED_CONFIDENCE_KEY,
    TEXT,
)
from rasa.shared.nlu.training_data.message import Message

from bot.nlu.safety import DISTRESS, override_intent, unsure_distress


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=False)
class SafetyNet(GraphComponent, IntentClassifier):
    @classmethod
    def required_components(cls) -> list[type]:
        return [IntentClassifier]

    @classmethod
    def create(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> SafetyNet:
        return cls()

    def process(self, messages: list[Message]) -> list[Message]:
        for message in messages:
            text = message.get(TEXT) or ""
            intent = override_intent(text)
            if intent is None:
                predicted = message.data.get(INTENT) or {}
                if unsure_distress(text, predicted.get(INTENT_NAME_KEY),
                                   float(predicted.get(PREDICTED_CONFIDENCE_KEY) or 0.0)):
                    ranking = [r for r in message.data.get(INTENT_RANKING_KEY, [])
                               if r.get(INTENT_NAME_KEY) != DISTRESS]
                    message.data[INTENT_RANKING_KEY] = ranking
                    message.data[INTENT] = ranking[0] if ranking else {INTENT_NAME_KEY: None,
                                                                        PREDICTED_CONFIDENCE_KEY: 0.0}
                continue
            forced = {INTENT_NAME_KEY: intent, PREDICTED_CONFIDENCE_KEY: 1.0}
            ranking = [
                r for r in message.data.get(INTENT_RANKING_KEY, []) if r.get(INTENT_NAME_KEY) != intent
            ]
            message.data[INTENT] = forced
            message.data[INTENT_RANKING_KEY] = [forced, *ranking]
        return messages
