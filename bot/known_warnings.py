"""Warnings we know and have judged irrelevant, dropped by their exact messages.

Each entry names a warning's category, the module it is reported from and its whole message, and
says why it does not matter. Its filter matches that message and nothing else (escaped, anchored
at both ends), from that module only: the same deprecation raised from our own code, another
duplicated intent than `faq`, another unused response than `utter_faq`, or any warning not listed
here is still shown. Nothing is silenced wholesale.

`install()` puts the filters in front of Python's list of warning filters, where the first match
wins. Two libraries put catch-alls in front of that list: Sanic's import adds `once` for every
DeprecationWarning, and Rasa's CLI (rasa.utils.common._filter_warnings) adds `once` for every
UserWarning when it sets up logging. Behind those, our filters would never be reached, so
`install_for_sanic()` (the action server) and `install_for_rasa()` (the Rasa server, `rasa shell`
and `rasa train`, bot/dev/rasa_cli.py) put them back in front after each.
"""

from __future__ import annotations

import re
import warnings
from dataclasses import dataclass

# Why the library deprecations below do not matter: each is one pinned package calling another in a
# way that the other will stop supporting in a later version. None comes from our code, none
# changes what runs, and they go only when Rasa 3.6's pins move.
LIBRARY = "a pinned library's use of another's deprecated API; not our code, changes nothing at run time"
NAMESPACE = (
    "Deprecated call to `pkg_resources.declare_namespace({!r})`.\n"
    "Implementing implicit namespace packages (as specified in PEP 420) is preferred to "
    "`pkg_resources.declare_namespace`. See "
    "https://setuptools.pypa.io/en/latest/references/keywords.html#keyword-namespace-packages"
)


@dataclass(frozen=True)
class KnownWarning:
    category: type[Warning]
    module: str  # the module the warning is reported from (its `__name__`)
    message: str  # the whole message, exactly
    why: str

    def filter_args(self) -> dict[str, object]:
        """The arguments of warnings.filterwarnings() that match this warning and no other."""
        return {"action": "ignore", "message": re.escape(self.message) + r"\Z",
                "category": self.category, "module": re.escape(self.module) + r"\Z"}


def _pyparsing(module: str, old: str, new: str) -> KnownWarning:
    return KnownWarning(DeprecationWarning, module, f"'{old}' deprecated - use '{new}'", LIBRARY)


KNOWN: tuple[KnownWarning, ...] = (
    # setuptools' pkg_resources, imported by Rasa's validation and called for two namespace packages
    KnownWarning(DeprecationWarning, "rasa.shared.utils.validation",
                 "pkg_resources is deprecated as an API. "
                 "See https://setuptools.pypa.io/en/latest/pkg_resources.html", LIBRARY),
    KnownWarning(DeprecationWarning, "pkg_resources", NAMESPACE.format("mpl_toolkits"), LIBRARY),
    KnownWarning(DeprecationWarning, "pkg_resources", NAMESPACE.format("ruamel"), LIBRARY),
    # TensorFlow's import of jax
    KnownWarning(DeprecationWarning, "tensorflow.lite.python.util",
                 "jax.xla_computation is deprecated. Please use the AOT APIs.", LIBRARY),
    # matplotlib's and packaging's use of pyparsing 2's names (PyparsingDeprecationWarning)
    _pyparsing("matplotlib.fontconfig_pattern", "setParseAction", "set_parse_action"),
    _pyparsing("matplotlib.fontconfig_pattern", "parseString", "parse_string"),
    _pyparsing("matplotlib.fontconfig_pattern", "resetCache", "reset_cache"),
    _pyparsing("packaging.markers", "setParseAction", "set_parse_action"),
    _pyparsing("packaging.requirements", "setParseAction", "set_parse_action"),
    _pyparsing("packaging.requirements", "originalTextFor", "original_text_for"),
    _pyparsing("packaging.requirements", "parseString", "parse_string"),
    # typer's and spaCy's use of Click 8's deprecated names
    KnownWarning(DeprecationWarning, "typer",
                 "'click.utils.get_binary_stream' is deprecated and will be removed in Click 9.0.",
                 LIBRARY),
    KnownWarning(DeprecationWarning, "typer",
                 "'click.utils.get_text_stream' is deprecated and will be removed in Click 9.0.",
                 LIBRARY),
    KnownWarning(DeprecationWarning, "typer.completion",
                 "'BaseCommand' is deprecated and will be removed in Click 9.0. Use 'Command' instead.",
                 LIBRARY),
    KnownWarning(DeprecationWarning, "spacy.cli._util",
                 "Importing 'parser.split_arg_string' is deprecated, it will only be available in "
                 "'shell_completion' in Click 9.0.", LIBRARY),
    # Sanic-CORS's use of distutils
    KnownWarning(DeprecationWarning, "sanic_cors.extension",
                 "distutils Version classes are deprecated. Use packaging.version instead.", LIBRARY),
    # Rasa's checks of the training data (rasa train, rasa data validate) that flag what this bot
    # does by design (scripts/validate-data.sh keeps the first two out of `make validate` too)
    KnownWarning(UserWarning, "rasa.shared.utils.io",
                 "The following duplicated intents have been found across multiple domain files: faq",
                 "by design: the generated data/responses/faq.yml declares the retrieval intent faq, "
                 "and Rasa's validator also needs it in domain.yml"),
    KnownWarning(UserWarning, "rasa.shared.utils.io",
                 "The utterance 'utter_faq' is not used in any story or rule.",
                 "by design: action_answer_faq answers from the corpus; utter_faq/<id> only carries "
                 "each entry's question into the parse (docs/design/how-answers-are-chosen.md)"),
    KnownWarning(UserWarning, "rasa.shared.utils.io",
                 "You have defined training data with examples for training a response selector, but "
                 "your NLU configuration does not include a response selector component. To train a "
                 "model on your response selector data, add a 'ResponseSelector' to your configuration.",
                 "by design: bot.nlu.classifier.LinearIntentClassifier ranks the FAQ entries in the "
                 "ResponseSelector's place (docs/nlu-evaluation.md)"),
    KnownWarning(UserWarning, "rasa.shared.utils.io",
                 "You have defined training data consisting of entity examples, but your NLU "
                 "configuration does not include an entity extractor trained on your training data. "
                 "To extract non-pretrained entities, add one of MitieEntityExtractor, "
                 "CRFEntityExtractor, DIETClassifier to your configuration.",
                 "by design: roles come from RegexEntityExtractor's lookup table and nationalities "
                 "from spaCy (config.yml); the annotated examples feed the synonyms"),
    KnownWarning(UserWarning, "rasa.shared.utils.io",
                 "You have defined training data consisting of lookup tables, but your NLU "
                 "configuration does not include any components that uses the features created from "
                 "the lookup table. To make use of the features that are created with the help of the "
                 "lookup tables, add a 'DIETClassifier' or a 'CRFEntityExtractor' with the 'pattern' "
                 "feature to your configuration.",
                 "wrong for this pipeline: RegexEntityExtractor uses the lookup table "
                 "(use_lookup_tables: true in config.yml); Rasa's check only looks for DIET and CRF"),
)


def install() -> None:
    """Put a filter for each known warning in front of the warning filters (moved there if it
    was already in the list)."""
    for known in reversed(KNOWN):
        warnings.filterwarnings(**known.filter_args())  # type: ignore[arg-type]


def install_for_sanic() -> None:
    """install(), then again after importing Sanic, whose import puts `once` for every
    DeprecationWarning in front of ours."""
    install()
    import sanic  # noqa: F401

    install()


def install_for_rasa() -> None:
    """install_for_sanic(), and again each time Rasa's CLI has set up its own warning filters
    (`once` for every UserWarning, in front)."""
    install_for_sanic()
    import rasa.utils.common

    original = rasa.utils.common._filter_warnings
    if getattr(original, "keeps_known_warnings_in_front", False):
        return

    def rasa_filters_then_ours(*args: object, **kwargs: object) -> None:
        original(*args, **kwargs)  # type: ignore[arg-type]
        install()

    rasa_filters_then_ours.keeps_known_warnings_in_front = True  # type: ignore[attr-defined]
    rasa.utils.common._filter_warnings = rasa_filters_then_ours
