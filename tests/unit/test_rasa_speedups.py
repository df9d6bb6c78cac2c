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


# --- start-up --------------------------------------------------------------------------------------

# The Rasa server's start-up as bot/dev/rasa_server.py does it, then what it imports while serving.
SERVER_START = """
import json, sys
from pathlib import Path
from bot.dev import rasa_speedups
early = rasa_speedups.import_early(Path(sys.argv[1]))
rasa_speedups.lazy_imports()
import rasa.__main__, rasa.server, rasa.core.run, rasa.core.test, rasa.nlu.test  # noqa: E401
plotting_before = "matplotlib" in sys.modules
from skops.io import _trusted_types as trusted
lists = {k: getattr(trusted, k) for k in dir(trusted) if k.endswith("_NAMES")}
from rasa.utils.plotting import plot_confusion_matrix
print(json.dumps({"early": early, "lists": lists, "plotting_before": plotting_before,
                  "plotting_after": "matplotlib.ticker" in sys.modules,
                  "plot_file": plot_confusion_matrix.__code__.co_filename}))
"""


def test_skops_is_imported_early_only_for_a_model_that_loads_it(tmp_path: Path) -> None:
    import subprocess
    import sys

    rules_only = model_with(tmp_path, ["rasa.core.policies.rule_policy.RulePolicy"])
    assert rasa_speedups.import_early(rules_only) == []
    assert rasa_speedups.import_early(tmp_path / "missing.tar.gz") == []
    model = model_with(tmp_path, ["bot.nlu.classifier.LinearIntentClassifier"])
    result = json.loads(subprocess.run([sys.executable, "-c", SERVER_START, str(model)], cwd=ROOT,
                                       capture_output=True, text=True, check=True).stdout.splitlines()[-1])
    assert result["early"] == ["skops.io"]
    # skops' default trusted types (what a model file may hold without being named as trusted) are
    # the very lists, in the same order, that it computes when imported late, in a process that has
    # imported Rasa and everything else, as this one has.
    from skops.io import _trusted_types as trusted

    assert result["lists"] == {k: getattr(trusted, k) for k in dir(trusted) if k.endswith("_NAMES")}
    # matplotlib is not imported until Rasa's plotting module is used, then it is the real one.
    assert result["plotting_before"] is False
    assert result["plotting_after"] is True
    assert result["plot_file"].endswith("rasa/utils/plotting.py")


def test_a_lazy_module_is_the_real_one_run_at_its_first_use(tmp_path: Path,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    (tmp_path / "lazy_demo_module.py").write_text("import sys\nsys.lazy_demo_runs += 1\nVALUE = 42\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.setattr(sys, "meta_path", list(sys.meta_path))
    monkeypatch.setattr(sys, "lazy_demo_runs", 0, raising=False)
    assert rasa_speedups.lazy_imports(frozenset({"lazy_demo_module"}))
    assert not rasa_speedups.lazy_imports(frozenset({"lazy_demo_module"}))  # once
    try:
        import lazy_demo_module

        assert sys.lazy_demo_runs == 0  # type: ignore[attr-defined]
        assert lazy_demo_module.VALUE == 42
        assert sys.lazy_demo_runs == 1  # type: ignore[attr-defined]
        assert lazy_demo_module.__file__ == str(tmp_path / "lazy_demo_module.py")
    finally:
        sys.modules.pop("lazy_demo_module", None)


def test_which_module_finds_what_skops_finds(monkeypatch: pytest.MonkeyPatch) -> None:
    import sys
    import types

    import numpy as np
    import scipy.special
    from skops.io import _utils

    original = _utils.__dict__.get("whichmodule")
    if original is rasa_speedups.whichmodule:  # patched in this process: skops' own, re-read
        namespace: dict[str, Any] = {}
        exec(compile(Path(_utils.__file__).read_text().replace("from ._protocol import PROTOCOL", ""),
                     _utils.__file__, "exec"), namespace)
        original = namespace["whichmodule"]

    ufunc = np.frompyfunc(lambda x: x, 1, 1)  # no __module__, so looked for in sys.modules
    hooked = types.ModuleType("hooked_by_getattr")
    def module_getattr(name: str) -> Any:
        if name == "hidden":
            return ufunc
        raise AttributeError(name)

    hooked.__getattr__ = module_getattr  # type: ignore[method-assign]

    class Special(types.ModuleType):
        pass

    special = Special("special_module_type")
    special.other = ufunc
    nested = types.ModuleType("with_a_namespace")
    nested.space = types.SimpleNamespace(deep=ufunc)
    for module in (hooked, special, nested):
        monkeypatch.setitem(sys.modules, module.__name__, module)
    cases = [(u, u.__name__) for m in (np, scipy.special) for u in vars(m).values()
             if isinstance(u, np.ufunc)]
    cases += [(ufunc, "hidden"), (ufunc, "other"), (ufunc, "space.deep"), (ufunc, "nowhere"),
              (ufunc, "a.<locals>.b"), (np.add, "__dict__"), (len, "len")]
    assert len(cases) > 300
    for obj, name in cases:
        assert rasa_speedups.whichmodule(obj, name) == original(obj, name), name


def test_thincs_cpu_ops_are_set_once_for_every_request_task(monkeypatch: pytest.MonkeyPatch) -> None:
    import contextvars

    import thinc.backends
    import thinc.util
    from thinc.api import get_current_ops
    from thinc.backends import context_ops

    expected = type(contextvars.Context().run(lambda: (thinc.util.require_cpu(), get_current_ops())[1]))

    def in_a_new_task() -> Any:  # as a request task: a copy of the context it was created in
        calls: list[int] = []
        monkeypatch.setattr(thinc.backends, "require_cpu", lambda: calls.append(1) or True)
        try:
            return contextvars.copy_context().run(get_current_ops), calls
        finally:
            monkeypatch.undo()

    def server() -> tuple[Any, Any]:
        context_ops.set(None)  # as a fresh process
        assert rasa_speedups.use_cpu_ops()
        return in_a_new_task()

    ops, calls = contextvars.Context().run(server)
    assert type(ops) is expected and calls == []
    _, calls = contextvars.Context().run(in_a_new_task)  # without it: once per task
    assert calls == [1]


def test_the_ner_check_is_made_once_per_pipeline(monkeypatch: pytest.MonkeyPatch) -> None:
    checks: list[object] = []
    monkeypatch.setattr(rasa_speedups, "ner_alone", lambda nlp: checks.append(nlp))
    pipeline = object()
    for _ in range(3):
        assert rasa_speedups._cached_ner_alone(pipeline) is None
    assert checks == [pipeline]
    rasa_speedups._NER_ALONE.pop(id(pipeline))
