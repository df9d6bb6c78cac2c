"""Work Rasa 3.6 does for nothing, taken out (applied by bot/dev/rasa_server.py before Rasa loads;
docs/design/performance.md has the profile that found it).

TensorFlow. Rasa imports it at start-up whatever the model (its core modules import its neural
components), which cost the Rasa server about 400 MiB and a third of its start-up; no component of
our model uses it. When every component of the model to serve is one of TF_FREE_COMPONENTS (read
from the model's metadata.json), `skip_tensorflow` makes `import tensorflow` (and its companion
packages) give empty stand-ins, enough for Rasa's modules to import; spaCy's thinc is imported first
with TensorFlow absent, so that it goes without it as it does in the action server
(bot/storage/scrub.py). Any other component, or a model that cannot be read, and Rasa gets the real
TensorFlow.

spaCy. The model's graph has two SpacyNLP nodes (one provides the model, one processes the
message), and each loaded spaCy's pipeline: twice the memory and load time. Here a pipeline is
loaded once per name and shared. And spaCy ran twice a message: SpacyNLP on the lower-cased text
for the tokens and features, and SpacyEntityExtractor on the text as typed, through the whole
pipeline, for the entities. It needs only `ner`, which in the small English pipeline has a
tok2vec of its own and reads nothing the components before it set (`ner_alone` checks this); run
alone it finds the same entities (checked on the 8,348 texts of tests/data and data/nlu) in about
half the time. SpacyNLP's own run, whose doc serves only the tokenizer and the dense featurizer,
then leaves `ner` out.

The session start. Every new conversation begins with `action_session_start`, ours in the action
server (the privacy notice, actions/privacy.py): a second round trip to it per one-question
conversation. When there is no notice to show (bot/privacy.py, `notice_due`: every REST
conversation, every later session) the Rasa server makes the same events itself.

The action server's answers. Rasa checks each against its JSON schema with `jsonschema.validate`,
which first checks the *schema itself* against the JSON Schema meta-schema and builds a new
validator, every time; then each event is tried against all 23 event kinds of a `oneOf`. That was
about 60% of the Rasa server's CPU time per turn (two custom actions for a one-question
conversation). Here the schema is checked once and its validators kept, and each event is checked
against the kind its `event` names (in the schema every kind fixes `event` to a constant of its
own, which `_split` verifies, so no other kind can match it: the `oneOf` holds exactly when that
one does). An answer that does not fit goes through the full validation, so it fails with the very
error `validate` raises (`jsonschema.exceptions.best_match`).

Start-up. Two imports cost the Rasa server's start-up for nothing. skops.io (which our classifier,
bot/nlu/classifier.py, loads its model with) computes its default trusted types when imported:
for each of about 300 numpy and scipy ufuncs, `whichmodule` walks every module in sys.modules,
building an error message (a module's repr) for each miss; imported while the model loads, after
Rasa, spaCy and their thousands of modules, that took 2 s of a 6 s start-up. `import_early`
imports it first, with only numpy, scipy and scikit-learn loaded, and with a `whichmodule` that
looks a name up in a plain module's namespace (and through getattr wherever that could differ:
another module type, a module `__getattr__`, a dotted name) instead of raising and formatting an
AttributeError per module: the same lists in the same order (the first module in sys.modules that
holds the ufunc is the same one), in a fraction of the time. And `rasa.server` imports Rasa's
evaluation code, whose plotting module imports matplotlib: used only by the HTTP API's
model-testing endpoints. `lazy_imports` makes such a module
load when it is first used (importlib's LazyLoader: the real module, run at its first attribute
access, so whatever uses it gets what it would have got).
"""

from __future__ import annotations

import abc
import importlib
import importlib.abc
import importlib.machinery
import importlib.util
import json
import sys
import tarfile
import types
from functools import cache
from pathlib import Path
from typing import Any

# Components that never touch TensorFlow: ours, and those of Rasa's our config.yml uses (with the
# graph's own plumbing). DIET, the ResponseSelector, TED and the language-model featurizers are not.
TF_FREE_COMPONENTS = frozenset({
    "rasa.core.policies.ensemble.DefaultPolicyPredictionEnsemble",
    "rasa.core.policies.memoization.AugmentedMemoizationPolicy",
    "rasa.core.policies.memoization.MemoizationPolicy",
    "rasa.core.policies.rule_policy.RulePolicy",
    "rasa.graph_components.converters.nlu_message_converter.NLUMessageConverter",
    "rasa.graph_components.providers.domain_provider.DomainProvider",
    "rasa.graph_components.providers.rule_only_provider.RuleOnlyDataProvider",
    "rasa.nlu.classifiers.fallback_classifier.FallbackClassifier",
    "rasa.nlu.classifiers.regex_message_handler.RegexMessageHandler",
    "rasa.nlu.extractors.entity_synonyms.EntitySynonymMapper",
    "rasa.nlu.extractors.regex_entity_extractor.RegexEntityExtractor",
    "rasa.nlu.extractors.spacy_entity_extractor.SpacyEntityExtractor",
    "rasa.nlu.featurizers.dense_featurizer.spacy_featurizer.SpacyFeaturizer",
    "rasa.nlu.featurizers.sparse_featurizer.count_vectors_featurizer.CountVectorsFeaturizer",
    "rasa.nlu.featurizers.sparse_featurizer.lexical_syntactic_featurizer.LexicalSyntacticFeaturizer",
    "rasa.nlu.featurizers.sparse_featurizer.regex_featurizer.RegexFeaturizer",
    "rasa.nlu.tokenizers.spacy_tokenizer.SpacyTokenizer",
    "rasa.nlu.tokenizers.whitespace_tokenizer.WhitespaceTokenizer",
    "rasa.nlu.utils.spacy_utils.SpacyNLP",
})
OUR_PACKAGES = ("bot.",)
TENSORFLOW_PACKAGES = frozenset({"tensorflow", "tensorflow_addons", "tensorflow_hub", "tensorflow_text",
                                 "tensorflow_probability", "keras"})


# --- TensorFlow -------------------------------------------------------------------------------------

def model_components(model: Path) -> set[str] | None:
    """The classes the model's prediction graph uses (its metadata.json); None when unreadable."""
    try:
        with tarfile.open(model) as archive:
            member = archive.extractfile("metadata.json")
            metadata = json.load(member) if member is not None else {}
        return {str(node["uses"]) for node in metadata["predict_schema"]["nodes"].values()}
    except (OSError, KeyError, TypeError, ValueError, tarfile.TarError):
        return None


def tensorflow_free(model: Path) -> bool:
    components = model_components(model)
    return bool(components) and all(
        c in TF_FREE_COMPONENTS or c.startswith(OUR_PACKAGES) for c in components or ()
    )


class _StandInMeta(abc.ABCMeta):
    """Whatever Rasa's modules do with TensorFlow at import time (subclass tf.keras.Model, decorate
    with tf.function, name tf.float32 in a signature) gives the stand-in again."""

    def __getattr__(cls, name: str) -> Any:
        if name.startswith("__"):
            raise AttributeError(name)
        return _StandIn

    def __call__(cls, *args: Any, **kwargs: Any) -> Any:
        return _StandIn if cls is _StandIn else super().__call__(*args, **kwargs)

    def __getitem__(cls, item: Any) -> Any:
        return _StandIn

    def __iter__(cls) -> Any:
        return iter(())

    def __len__(cls) -> int:
        return 0

    def __bool__(cls) -> bool:
        return False


class _StandIn(metaclass=_StandInMeta):
    pass


class _StandInModule(types.ModuleType):
    __version__ = "0.0.0+stand-in"

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__"):
            raise AttributeError(name)
        return _StandIn


class _StandInFinder(importlib.abc.MetaPathFinder, importlib.abc.Loader):
    def find_spec(self, name: str, path: Any, target: Any = None) -> importlib.machinery.ModuleSpec | None:
        if name.split(".")[0] in TENSORFLOW_PACKAGES:
            return importlib.machinery.ModuleSpec(name, self, is_package=True)
        return None

    def create_module(self, spec: importlib.machinery.ModuleSpec) -> types.ModuleType:
        module = _StandInModule(spec.name)
        module.__path__ = []
        return module

    def exec_module(self, module: types.ModuleType) -> None:
        return None


def skip_tensorflow(model: Path) -> bool:
    """Give Rasa stand-ins for TensorFlow when the model does not use it; True when it did."""
    if any(name.split(".")[0] in TENSORFLOW_PACKAGES for name in sys.modules) or not tensorflow_free(model):
        return False
    sys.modules["tensorflow"] = None  # type: ignore[assignment]  # thinc: "no TensorFlow here"
    try:
        import thinc.api  # noqa: F401
    finally:
        del sys.modules["tensorflow"]
    sys.meta_path.insert(0, _StandInFinder())
    return True


# --- start-up -------------------------------------------------------------------------------------

# What a component imports while the model loads, imported before Rasa instead: skops.io's trusted
# types walk sys.modules once per ufunc (see the module's docstring).
EARLY_IMPORTS = {"bot.nlu.classifier.LinearIntentClassifier": ("skops.io",)}
# Imported by Rasa at start-up, used only by what a running server never does (Rasa's evaluation
# plots, for `rasa test` and the API's model-testing endpoints): loaded when first used.
LAZY_MODULES = frozenset({"rasa.utils.plotting"})


_MISSING = object()


def _attribute(module: Any, name: str) -> Any:
    """What skops' `_getattribute(module, name)[0]` gives, or _MISSING where it raises AttributeError."""
    if "." not in name and type(module) is types.ModuleType and not hasattr(types.ModuleType, name):
        namespace = module.__dict__
        if name in namespace:
            return namespace[name]
        if "__getattr__" not in namespace:
            return _MISSING  # getattr would find nothing either
    found = module
    for part in name.split("."):
        if part == "<locals>":
            return _MISSING
        found = getattr(found, part, _MISSING)
        if found is _MISSING:
            return _MISSING
    return found


def whichmodule(obj: Any, name: str) -> str:
    """skops.io._utils.whichmodule (pickle's), without an exception and its message per module."""
    module_name = getattr(obj, "__module__", None)
    if module_name is not None:
        return str(module_name)
    for module_name, module in sys.modules.copy().items():
        if module_name in ("__main__", "__mp_main__") or module is None:
            continue
        if _attribute(module, name) is obj:
            return str(module_name)
    return "__main__"


def _patch_skops_utils(module: types.ModuleType) -> None:
    module.whichmodule = whichmodule  # type: ignore[attr-defined]


# Run right after the module is executed, before anything else uses it.
AFTER_IMPORT = {"skops.io._utils": _patch_skops_utils}


def import_early(model: Path) -> list[str]:
    """Import what the model's components will import while it loads, before Rasa and spaCy are
    loaded; the modules imported here."""
    names = sorted({name for c in model_components(model) or () for name in EARLY_IMPORTS.get(c, ())})
    if not names:
        return []
    finder = _WrappingFinder(frozenset(AFTER_IMPORT), _PatchingLoader)
    sys.meta_path.insert(0, finder)
    try:
        for name in names:
            importlib.import_module(name)
    finally:
        sys.meta_path.remove(finder)
    return names


class _PatchingLoader(importlib.abc.Loader):
    """The module's own loader, then its AFTER_IMPORT patch."""

    def __init__(self, loader: Any) -> None:
        self.loader = loader

    def __getattr__(self, name: str) -> Any:  # get_source, get_code...: the real loader's
        return getattr(self.loader, name)

    def create_module(self, spec: importlib.machinery.ModuleSpec) -> types.ModuleType | None:
        return self.loader.create_module(spec)

    def exec_module(self, module: types.ModuleType) -> None:
        self.loader.exec_module(module)
        AFTER_IMPORT[module.__name__](module)


class _WrappingFinder(importlib.abc.MetaPathFinder):
    """The real module's spec (from the finders after this one), with its loader wrapped."""

    def __init__(self, names: frozenset[str], wrap: Any) -> None:
        self.names, self.wrap = names, wrap

    def find_spec(self, name: str, path: Any, target: Any = None) -> importlib.machinery.ModuleSpec | None:
        if name not in self.names:
            return None
        for finder in sys.meta_path:
            find_spec = getattr(finder, "find_spec", None)
            if finder is self or find_spec is None:
                continue
            spec = find_spec(name, path, target)
            if spec is not None:
                break
        else:
            return None
        if spec.loader is not None and hasattr(spec.loader, "exec_module"):
            spec.loader = self.wrap(spec.loader)
        return spec


class _LazyFinder(_WrappingFinder):
    """The real module's spec, with its loader wrapped in importlib's LazyLoader."""

    def __init__(self, names: frozenset[str]) -> None:
        super().__init__(names, importlib.util.LazyLoader)


def lazy_imports(names: frozenset[str] = LAZY_MODULES) -> bool:
    """Load these modules when first used rather than when imported; True when newly set up."""
    if any(isinstance(f, _LazyFinder) and names <= f.names for f in sys.meta_path):
        return False
    names = frozenset(n for n in names if n not in sys.modules)  # imported already: left as it is
    if not names:
        return False
    sys.meta_path.insert(0, _LazyFinder(names))
    return True


# --- the action server's answers --------------------------------------------------------------------


@cache
def _validators() -> tuple[Any, Any, dict[str, Any] | None]:
    """The whole answer's validator, the answer's without its events' items, and one per event kind
    (None when the schema is not of the shape this relies on)."""
    from jsonschema import validators
    from rasa.core.actions.action import RemoteAction

    schema = RemoteAction.action_response_format_spec()
    cls = validators.validator_for(schema)
    cls.check_schema(schema)  # once, as `validate` does every time
    return cls(schema), *_split(cls, schema)


def _split(cls: Any, schema: dict[str, Any]) -> tuple[Any, dict[str, Any] | None]:
    events = dict(schema["properties"]["events"])
    item = dict(events.pop("items", {}))
    kinds = item.pop("oneOf", None) or []
    consts = [k.get("properties", {}).get("event", {}).get("const") for k in kinds]
    distinct = None not in consts and len(set(consts)) == len(consts)
    if not kinds or not distinct or set(item) - {"type", "properties", "required"}:
        return None, None
    outer = {**schema, "properties": {**schema["properties"], "events": events}}
    by_kind = {const: cls({**item, "allOf": [kind]}) for const, kind in zip(consts, kinds, strict=True)}
    return cls(outer), by_kind


def _fits(result: Any) -> bool:
    """True when the answer surely fits the schema; False: let the full validation decide."""
    _, outer, by_kind = _validators()
    if by_kind is None or not outer.is_valid(result):
        return False
    for event in result.get("events") or []:
        kind = by_kind.get(event.get("event")) if isinstance(event, dict) else None
        if kind is None or not kind.is_valid(event):
            return False
    return True


def validate_action_result(self: Any, result: dict[str, Any]) -> bool:
    """RemoteAction._validate_action_result, with the validators built once."""
    from jsonschema.exceptions import best_match
    from rasa.shared.constants import DOCS_BASE_URL

    if _fits(result):
        return True
    error = best_match(_validators()[0].iter_errors(result))
    if error is None:
        return True
    error.message += (
        ". Failed to validate Action server response from API, make sure your response from the "
        "Action endpoint is valid. For more information about the format visit "
        f"{DOCS_BASE_URL}/custom-actions"
    )
    raise error


# --- spaCy -----------------------------------------------------------------------------------------

# What the components before `ner` may do without changing what it finds: it reads the tokens'
# lexical attributes through a tok2vec of its own, and these set none of them (the attribute ruler
# is checked not to set NORM).
BEFORE_NER = frozenset({"tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "senter",
                        "morphologizer"})


def _cached_loader(load: Any) -> Any:
    cached = cache(load)

    def load_model(spacy_model_name: str) -> Any:
        return cached(spacy_model_name)

    return load_model


def ner_alone(nlp: Any) -> Any | None:
    """spaCy's `ner` component when running it alone finds what the whole pipeline finds; else None."""
    if "ner" not in nlp.pipe_names or not set(nlp.pipe_names[: nlp.pipe_names.index("ner")]) <= BEFORE_NER:
        return None
    if "tok2vec" in nlp.pipe_names and "ner" in nlp.get_pipe("tok2vec").listening_components:
        return None
    if "attribute_ruler" in nlp.pipe_names and any(
        "NORM" in (pattern.get("attrs") or {}) for pattern in nlp.get_pipe("attribute_ruler").patterns
    ):
        return None
    return nlp.get_pipe("ner")


def entities_doc(nlp: Any, text: str) -> Any:
    """The doc SpacyEntityExtractor reads entities from: tokens and `ner` alone when that finds the
    same (checked once per pipeline), else the whole pipeline as Rasa runs it."""
    ner = _cached_ner_alone(nlp)
    return nlp(text) if ner is None else ner(nlp.make_doc(text))


def _cached_ner_alone(nlp: Any) -> Any | None:
    """`ner_alone(nlp)`, checked once per pipeline (reading the attribute ruler's patterns each
    message cost a millisecond a turn)."""
    key = id(nlp)
    if key not in _NER_ALONE:
        _NER_ALONE[key] = (nlp, ner_alone(nlp))
    return _NER_ALONE[key][1]


_NER_ALONE: dict[int, tuple[Any, Any]] = {}  # the pipeline is kept, so that its id stays its own


def use_cpu_ops() -> bool:
    """thinc's CPU ops set once, in the context the server's request tasks copy. thinc keeps its
    current ops in a ContextVar; each request runs in a new task whose copy of the context has none,
    so every `ner` call (its parser model is built per call) ran `require_cpu` again: finding the
    CPU backend in thinc's registry and making new ops, 2 ms a turn. The same `require_cpu`, once:
    the same kind of ops. False without thinc."""
    try:
        from thinc.api import require_cpu
    except ImportError:
        return False
    return bool(require_cpu())


def doc_for_text(self: Any, model: Any, text: str | None) -> Any:
    """SpacyNLP._doc_for_text without `ner` when it runs last and alone: the doc serves the
    tokenizer and the featurizer (tokens, lemmas, tok2vec's tensor), which never read its entities;
    SpacyEntityExtractor finds those on the text as typed (`entities_doc`)."""
    text = self._preprocess_text(text)
    if model.pipe_names[-1:] == ["ner"] and _cached_ner_alone(model) is not None:
        return model(text, disable=["ner"])
    return model(text)


def extract_entities(self: Any, messages: list[Any], model: Any) -> list[Any]:
    """SpacyEntityExtractor.process, with the doc from `entities_doc`."""
    from rasa.shared.nlu.constants import ENTITIES, TEXT

    for message in messages:
        doc = entities_doc(model.model, message.get(TEXT))
        extracted = self.filter_irrelevant_entities(
            self.add_extractor_name(self._extract_entities(doc)), self._config["dimensions"]
        )
        message.set(ENTITIES, message.get(ENTITIES, []) + extracted, add_to_output=True)
    return messages


# --- the session start -----------------------------------------------------------------------------

def session_start_events(tracker: Any) -> list[Any] | None:
    """What the action server's `action_session_start` (actions/privacy.py) returns, made here when
    it has no notice to show (every REST conversation, and every later session); None when it does,
    and the action server is asked."""
    from rasa.shared.core.events import ActionExecuted, SessionStarted, SlotSet

    from bot import privacy

    slots = tracker.current_slot_values()
    if privacy.notice_due(slots):
        return None
    return [
        SessionStarted(),
        *(SlotSet(name, value) for name, value in slots.items() if value is not None),
        ActionExecuted("action_listen"),
    ]


def apply() -> None:
    from rasa.core.actions.action import RemoteAction
    from rasa.nlu.extractors.spacy_entity_extractor import SpacyEntityExtractor
    from rasa.nlu.utils.spacy_utils import SpacyNLP
    from rasa.shared.core.constants import ACTION_SESSION_START_NAME

    SpacyNLP.load_model = staticmethod(_cached_loader(SpacyNLP.load_model))  # type: ignore[method-assign]
    SpacyEntityExtractor.process = extract_entities  # type: ignore[method-assign]
    SpacyNLP._doc_for_text = doc_for_text  # type: ignore[method-assign]
    RemoteAction._validate_action_result = validate_action_result  # type: ignore[method-assign]
    remote_run = RemoteAction.run

    async def run(self: Any, output_channel: Any, nlg: Any, tracker: Any, domain: Any) -> Any:
        if self.name() == ACTION_SESSION_START_NAME:
            events = session_start_events(tracker)
            if events is not None:
                return events
        return await remote_run(self, output_channel, nlg, tracker, domain)

    RemoteAction.run = run  # type: ignore[method-assign]
    use_cpu_ops()
