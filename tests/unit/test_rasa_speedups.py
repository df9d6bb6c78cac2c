"""bot/dev/rasa_speedups.py: each speed-up gives what Rasa (or our action server) gives without it."""

from __future__ import annotations

import asyncio
import io
import json
import tarfile
from pathlib import Path
from typing import Any

import pytest
from jsonschema import ValidationError, validate
from rasa.core.actions.action import RemoteAction
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import SlotSet, deserialise_events
from rasa.shared.core.trackers import DialogueStateTracker
from rasa_sdk.executor import CollectingDispatcher

from actions.privacy import ActionSessionStart
from bot.dev import rasa_speedups
from bot.paths import ROOT
from tests.helpers.trackers import make_tracker

SCHEMA = RemoteAction.action_response_format_spec()
ANSWERS: list[Any] = [
    {"events": [{"event": "slot", "name": "role", "value": None, "timestamp": None},
                {"event": "followup", "name": "action_x"}, {"event": "session_started"},
                {"event": "action", "name": "action_listen"}, {"event": "active_loop", "name": None},
                {"event": "bot", "text": "hi", "data": {"buttons": []}}],
     "responses": [{"text": "hi", "buttons": [{"title": "Yes", "payload": "/affirm"}]}]},
    {}, {"events": []},
    # Each wrong in its own way: Rasa's error must be the same, word for word.
    {"events": [{"event": "user", "text": 5}]}, {"events": [{"event": "nope"}]},
    {"events": [{"name": "x"}]}, {"events": 5}, {"responses": [1]}, [], "answer",
    {"events": [{"event": "slot", "name": 3}]},
    {"events": [{"event": "bot", "text": "x", "timestamp": "yesterday"}]},
    {"events": [{"event": "slot", "name": "x"}, "not an event"]},
]


def rasa_verdict(answer: Any) -> str | bool:
    try:
        validate(answer, SCHEMA)
    except ValidationError as error:
        return error.message
    return True


def our_verdict(answer: Any) -> str | bool:
    try:
        return rasa_speedups.validate_action_result(None, answer)
    except ValidationError as error:
        return error.message.split(". Failed to validate Action server response")[0]


@pytest.mark.parametrize("answer", ANSWERS)
def test_an_action_servers_answer_is_accepted_or_refused_as_jsonschema_would(answer: Any) -> None:
    assert our_verdict(answer) == rasa_verdict(answer)


def test_a_refused_answer_says_what_rasa_says() -> None:
    with pytest.raises(ValidationError, match="Failed to validate Action server response from API"):
        rasa_speedups.validate_action_result(None, {"events": 5})


def rasa_tracker(slots: dict[str, Any]) -> DialogueStateTracker:
    domain = Domain.load(ROOT / "domain.yml")
    tracker = DialogueStateTracker("someone", domain.slots)
    for name, value in slots.items():
        tracker.update(SlotSet(name, value), domain)
    return tracker


@pytest.mark.parametrize("slots", [
    {"session_started_metadata": {"channel": "rest"}},
    {"session_started_metadata": {"channel": "rest"}, "role": "devops_engineer", "elig_failures": 2.0},
    {"session_started_metadata": {"channel": "socketio"}, "privacy_notice_shown": True, "role": "ba"},
    {},
])
def test_the_rasa_server_starts_a_session_as_the_action_server_would(slots: dict[str, Any]) -> None:
    ours = rasa_speedups.session_start_events(rasa_tracker(slots))
    tracker = rasa_tracker(slots)
    sdk_tracker = make_tracker(slots=tracker.current_slot_values())
    dispatcher = CollectingDispatcher()
    theirs = deserialise_events(asyncio.run(ActionSessionStart().run(dispatcher, sdk_tracker, {})))
    assert dispatcher.messages == []
    assert ours is not None
    assert [(e.type_name, getattr(e, "key", None), getattr(e, "value", None), getattr(e, "action_name", None))
            for e in ours] == [
        (e.type_name, getattr(e, "key", None), getattr(e, "value", None), getattr(e, "action_name", None))
        for e in theirs]


@pytest.mark.parametrize("channel", ["socketio", "teams", "slack"])
def test_a_session_with_the_privacy_notice_is_left_to_the_action_server(channel: str) -> None:
    assert rasa_speedups.session_start_events(
        rasa_tracker({"session_started_metadata": {"channel": channel}})) is None


def model_with(tmp_path: Path, components: list[str]) -> Path:
    metadata = json.dumps({"predict_schema": {"nodes": {
        f"node{n}": {"uses": name} for n, name in enumerate(components)}}}).encode()
    path = tmp_path / "model.tar.gz"
    with tarfile.open(path, "w:gz") as archive:
        info = tarfile.TarInfo("metadata.json")
        info.size = len(metadata)
        archive.addfile(info, io.BytesIO(metadata))
    return path


def test_tensorflow_is_skipped_only_for_a_model_made_of_components_that_never_use_it(tmp_path: Path) -> None:
    ours = ["bot.nlu.classifier.LinearIntentClassifier", "rasa.nlu.utils.spacy_utils.SpacyNLP",
            "rasa.core.policies.rule_policy.RulePolicy"]
    assert rasa_speedups.tensorflow_free(model_with(tmp_path, ours))
    assert not rasa_speedups.tensorflow_free(
        model_with(tmp_path, [*ours, "rasa.nlu.classifiers.diet_classifier.DIETClassifier"]))
    assert not rasa_speedups.tensorflow_free(tmp_path / "missing.tar.gz")
    assert not rasa_speedups.tensorflow_free(model_with(tmp_path, []))


def test_tensorflow_is_not_replaced_once_it_is_loaded(tmp_path: Path) -> None:
    # This test process has imported Rasa, and with it the real TensorFlow.
    model = model_with(tmp_path, ["bot.nlu.classifier.LinearIntentClassifier"])
    assert rasa_speedups.skip_tensorflow(model) is False


def test_spacy_is_loaded_once_per_model_and_shared() -> None:
    calls: list[str] = []
    load = rasa_speedups._cached_loader(lambda name: calls.append(name) or object())
    assert load("model") is load("model")
    assert calls == ["model"]


def test_the_entity_extractor_finds_with_ner_alone_what_the_whole_pipeline_finds() -> None:
    from rasa.nlu.utils.spacy_utils import SpacyNLP

    from bot.storage.scrub import spacy_model_path

    nlp = SpacyNLP.load_model(str(spacy_model_path())).model  # as Rasa loads it
    assert rasa_speedups.ner_alone(nlp) is not None
    texts = ["I'm Indian and have lived in Leeds for two years", "Priya Shah from Manchester, British",
             "i am a nigerian citizen living in london", "How long is the DevOps apprenticeship?",
             "I moved from Poland to England in 2021 and work for HMRC in Newcastle"]
    for text in texts:
        ours = [(e.label_, e.start_char, e.end_char) for e in rasa_speedups.entities_doc(nlp, text).ents]
        assert ours == [(e.label_, e.start_char, e.end_char) for e in nlp(text).ents]
