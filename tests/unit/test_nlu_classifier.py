"""The linear classifier (bot/nlu/classifier.py) trained inside a small real Rasa pipeline:
whitespace tokens and word/character counts, as `make compare-pipelines`' whitespace-linear."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from rasa.engine.graph import ExecutionContext, GraphSchema
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.engine.storage.resource import Resource
from rasa.nlu.classifiers.fallback_classifier import FallbackClassifier
from rasa.nlu.featurizers.sparse_featurizer.count_vectors_featurizer import CountVectorsFeaturizer
from rasa.nlu.tokenizers.whitespace_tokenizer import WhitespaceTokenizer
from rasa.shared.nlu.constants import INTENT, INTENT_RESPONSE_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from bot.dev.tune_classifier import cross_validate
from bot.nlu.classifier import LinearIntentClassifier, label_of, sentence_features, span_features
from bot.nlu.faq_decision import FaqRoute, decide_faq, faq_candidates, faq_parts
from bot.paths import ROOT

EXAMPLES = {
    "faq/salary": ["how much will I be paid", "what is the salary", "do I get paid while training",
                   "what's the pay", "is it paid", "salary?"],
    "faq/duration": ["how long is the apprenticeship", "how many months does it last",
                     "when does it finish", "duration of the course", "is it two years"],
    "faq/locations": ["where are the jobs based", "which cities", "can I work in Leeds",
                      "is it only in London", "what locations are there"],
    "greet": ["hi", "hello", "good morning", "hey there"],
    "out_of_scope": ["how do I renew my passport", "what's the weather like", "tell me a joke",
                     "how do I claim universal credit", "who won the football"],
}
TITLES = {"utter_faq/salary": [{"text": "Will I be paid during the apprenticeship?"}],
          "utter_faq/duration": [{"text": "How long does the apprenticeship last?"}],
          "utter_faq/locations": [{"text": "Where are the roles based?"}]}


def example(text: str, label: str) -> Message:
    if label.startswith("faq/"):
        return Message(data={TEXT: text, INTENT: "faq", INTENT_RESPONSE_KEY: label})
    return Message(data={TEXT: text, INTENT: label})


class Pipeline:
    """Tokenizer, two count featurizers and the classifier, trained on EXAMPLES."""

    def __init__(self, storage_dir: Path) -> None:
        self.storage = LocalModelStorage(storage_dir)
        context = ExecutionContext(GraphSchema({}), "test")
        self.tokenizer = WhitespaceTokenizer(WhitespaceTokenizer.get_default_config())
        self.featurizers = [
            CountVectorsFeaturizer.create({**CountVectorsFeaturizer.get_default_config(), **config},
                                          self.storage, Resource(f"counts{i}"), context)
            for i, config in enumerate(({}, {"analyzer": "char_wb", "min_ngram": 2, "max_ngram": 4}))
        ]
        self.resource = Resource("linear")
        self.context = context
        self.classifier = LinearIntentClassifier.create({}, self.storage, self.resource, context)
        data = TrainingData(
            [example(t, label) for label, texts in EXAMPLES.items() for t in texts], responses=TITLES
        )
        self.tokenizer.process_training_data(data)
        for featurizer in self.featurizers:
            featurizer.train(data)
            featurizer.process_training_data(data)
        self.classifier.train(data)
        self.data = data

    def parse(self, text: str, classifier: LinearIntentClassifier | None = None) -> dict[str, Any]:
        message = Message(data={TEXT: text})
        self.tokenizer.process([message])
        for featurizer in self.featurizers:
            featurizer.process([message])
        (classifier or self.classifier).process([message])
        return {"text": text, **message.as_dict(only_output_properties=True)}


@pytest.fixture(scope="module")
def pipeline(tmp_path_factory: pytest.TempPathFactory) -> Pipeline:
    return Pipeline(tmp_path_factory.mktemp("linear"))


def test_an_faq_question_gets_the_faq_intent_and_its_entry_first(pipeline: Pipeline) -> None:
    parsed = pipeline.parse("how much do I get paid")
    assert parsed["intent"]["name"] == "faq"
    selector = parsed["response_selector"]["faq"]
    assert selector["response"]["intent_response_key"] == "faq/salary"
    assert selector["response"]["responses"] == TITLES["utter_faq/salary"]
    assert selector["response"]["utter_action"] == "utter_faq/salary"
    assert faq_candidates(parsed)[0].faq_id == "salary"


def test_the_faq_intent_scores_the_sum_of_its_entries(pipeline: Pipeline) -> None:
    parsed = pipeline.parse("where is it based and how long does it last")
    ranking = parsed["response_selector"]["faq"]["ranking"]
    faq = next(i for i in parsed["intent_ranking"] if i["name"] == "faq")
    assert faq["confidence"] == pytest.approx(sum(item["confidence"] for item in ranking))
    assert sum(i["confidence"] for i in parsed["intent_ranking"]) == pytest.approx(1.0)
    assert [i["confidence"] for i in parsed["intent_ranking"]] == sorted(
        (i["confidence"] for i in parsed["intent_ranking"]), reverse=True
    )


def test_other_intents_are_classified_too(pipeline: Pipeline) -> None:
    assert pipeline.parse("hello there")["intent"]["name"] == "greet"
    assert pipeline.parse("how do I renew my passport please")["intent"]["name"] == "out_of_scope"


def test_its_output_matches_the_response_selectors_shape(pipeline: Pipeline) -> None:
    real = json.loads((ROOT / "tests" / "data" / "rasa_parses.json").read_text())["parses"][0]
    parsed = pipeline.parse("what's the salary?")
    for key in ("intent", "intent_ranking", "response_selector"):
        assert key in parsed
    ours, theirs = parsed["response_selector"], real["response_selector"]
    assert set(ours) == set(theirs)
    assert ours["all_retrieval_intents"] == ["faq"]
    assert set(ours["faq"]) == set(theirs["faq"])
    assert set(ours["faq"]["response"]) == set(theirs["faq"]["response"])
    assert set(ours["faq"]["ranking"][0]) == set(theirs["faq"]["ranking"][0])
    assert set(parsed["intent"]) >= {"name", "confidence"}


def test_a_clear_question_is_answered_and_a_vague_one_is_not(pipeline: Pipeline) -> None:
    clear = pipeline.parse("how much will I be paid")
    assert decide_faq(clear["text"], faq_candidates(clear)).action is FaqRoute.ANSWER


def test_a_loaded_model_predicts_what_the_trained_one_did(pipeline: Pipeline) -> None:
    loaded = LinearIntentClassifier.load({}, pipeline.storage, pipeline.resource, pipeline.context)
    for text in ("how long is it", "hi", "where are the roles"):
        assert pipeline.parse(text, loaded) == pipeline.parse(text)


def test_without_a_trained_model_the_message_falls_back(tmp_path: Path) -> None:
    storage = LocalModelStorage(tmp_path)
    context = ExecutionContext(GraphSchema({}), "test")
    untrained = LinearIntentClassifier.load({}, storage, Resource("missing"), context)
    message = Message(data={TEXT: "how long is it"})
    untrained.process([message])
    fallback = FallbackClassifier(FallbackClassifier.get_default_config())
    fallback.process([message])
    assert message.get(INTENT)["name"] == "nlu_fallback"
    assert faq_candidates(message.as_dict(only_output_properties=True)) == []


def test_cross_validation_scores_each_value_of_c_on_held_back_folds(pipeline: Pipeline) -> None:
    examples = pipeline.data.intent_examples
    labels = [str(label_of(e)) for e in examples]
    scores = cross_validate(examples, labels, (0.01, 1000.0), folds=4)
    assert set(scores) == {0.01, 1000.0}
    # Crushed by regularisation the model can hardly tell the topics apart; free, it learns them.
    assert 0.0 <= scores[0.01].accuracy < scores[1000.0].accuracy <= 1.0
    # Crushed, it is never sure enough to answer; free, it answers some held-back questions.
    assert scores[0.01].answered_right == 0.0 < scores[1000.0].answered_right


def featurized(pipeline: Pipeline, text: str) -> Message:
    message = Message(data={TEXT: text})
    pipeline.tokenizer.process([message])
    for featurizer in pipeline.featurizers:
        featurizer.process([message])
    return message


def test_a_span_covering_the_whole_message_has_the_messages_own_features(pipeline: Pipeline) -> None:
    message = featurized(pipeline, "how long is the apprenticeship, and is it paid")
    whole = sentence_features(message)
    span = span_features(message, 0, len(message.get(TEXT)))
    assert whole is not None and span is not None
    assert (whole != span).nnz == 0


def test_each_question_of_a_several_question_message_is_classified_on_its_own(
    pipeline: Pipeline,
) -> None:
    parsed = pipeline.parse("how long is the apprenticeship and what is the salary")
    parts = parsed["response_selector"]["faq"]["parts"]
    assert [p["text"] for p in parts] == ["how long is the apprenticeship", "what is the salary"]
    assert [ranking[0].faq_id for ranking in faq_parts(parsed) or []] == ["duration", "salary"]
    decision = decide_faq(parsed["text"], faq_candidates(parsed), parts=faq_parts(parsed))
    assert decision.action is FaqRoute.SEVERAL
    assert [c.faq_id for c in decision.candidates] == ["duration", "salary"]


def test_a_single_question_gets_no_parts(pipeline: Pipeline) -> None:
    assert "parts" not in pipeline.parse("how long is the apprenticeship")["response_selector"]["faq"]
