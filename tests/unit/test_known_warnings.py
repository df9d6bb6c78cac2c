"""The filters for warnings we know to be irrelevant (bot/known_warnings.py): each drops its own
warning, by exact message, from its module, and nothing else; they stay in front of the catch-alls
that Sanic and Rasa put at the head of the filter list."""

from __future__ import annotations

import re
import subprocess
import sys
import warnings

import pytest

from bot import known_warnings
from bot.known_warnings import KNOWN, KnownWarning
from bot.paths import ROOT

DUPLICATED_FAQ = next(k for k in KNOWN if k.message.endswith("multiple domain files: faq"))
DISTUTILS = next(k for k in KNOWN if k.module == "sanic_cors.extension")


def shown(message: str, category: type[Warning], module: str) -> list[str]:
    """The warnings shown when `message` is raised from `module`, with every warning shown (as
    behind Sanic's and Rasa's catch-alls) but for our filters."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.resetwarnings()
        warnings.simplefilter("always")
        known_warnings.install()
        warnings.warn_explicit(message, category, f"{module.replace('.', '/')}.py", 1, module=module)
    return [str(w.message) for w in caught]


@pytest.mark.parametrize("known", KNOWN, ids=lambda k: f"{k.module}:{k.message[:40]}")
def test_a_known_warning_from_its_module_is_dropped(known: KnownWarning) -> None:
    assert shown(known.message, known.category, known.module) == []


@pytest.mark.parametrize("message, category, module", [
    # another duplicated intent than faq: something to look at
    (DUPLICATED_FAQ.message + ", greet", UserWarning, DUPLICATED_FAQ.module),
    ("The following duplicated intents have been found across multiple domain files: greet",
     UserWarning, DUPLICATED_FAQ.module),
    # the same text, but from our own code
    (DISTUTILS.message, DeprecationWarning, "bot.nlu.classifier"),
    # the same text as another category
    (DISTUTILS.message, RuntimeWarning, DISTUTILS.module),
    # part of a known message, or more than it
    (DISTUTILS.message[:-1], DeprecationWarning, DISTUTILS.module),
    ("Note: " + DISTUTILS.message, DeprecationWarning, DISTUTILS.module),
    # anything else
    ("Slots should not be set this way", UserWarning, "rasa.shared.utils.io"),
])
def test_any_other_warning_still_shows(message: str, category: type[Warning], module: str) -> None:
    assert shown(message, category, module) == [message]


def test_each_filter_names_a_whole_message_and_a_module() -> None:
    for known in KNOWN:
        arguments = known.filter_args()
        assert arguments["action"] == "ignore"
        assert known.message.strip() and known.module.strip() and known.why.strip()
        pattern = re.compile(str(arguments["message"]), re.IGNORECASE)
        assert pattern.match(known.message)
        assert not pattern.match(known.message + " (and more)")
        assert re.compile(str(arguments["module"])).match(known.module)
        assert not re.compile(str(arguments["module"])).match(known.module + ".other")
    assert len({(k.module, k.message) for k in KNOWN}) == len(KNOWN)


def test_install_puts_them_back_in_front_of_a_catch_all() -> None:
    with warnings.catch_warnings(record=True) as caught:
        warnings.resetwarnings()
        known_warnings.install()
        warnings.filterwarnings("once", category=DeprecationWarning)  # as Sanic's import does
        warnings.warn_explicit(DISTUTILS.message, DeprecationWarning, "x.py", 1, module=DISTUTILS.module)
        assert len(caught) == 1, "a catch-all in front wins: the reason for installing again"
        known_warnings.install()
        warnings.warn_explicit(DISTUTILS.message, DeprecationWarning, "x.py", 2, module=DISTUTILS.module)
    assert len(caught) == 1


AFTER_SANIC_AND_RASA = f"""
import logging, warnings
from bot import known_warnings
known_warnings.install_for_rasa()
import rasa.utils.common
rasa.utils.common.configure_logging_and_warnings(logging.INFO)  # puts "once" for UserWarning in front
for message, category, module in [
    ({DUPLICATED_FAQ.message!r}, UserWarning, {DUPLICATED_FAQ.module!r}),
    ({DUPLICATED_FAQ.message + ", greet"!r}, UserWarning, {DUPLICATED_FAQ.module!r}),
    ({DISTUTILS.message!r}, DeprecationWarning, {DISTUTILS.module!r}),
    ("Some other deprecation", DeprecationWarning, {DISTUTILS.module!r}),
]:
    warnings.warn_explicit(message, category, module.replace(".", "/") + ".py", 1, module=module)
"""


def test_the_filters_hold_behind_sanics_and_rasas_own() -> None:
    result = subprocess.run([sys.executable, "-c", AFTER_SANIC_AND_RASA], cwd=ROOT, capture_output=True,
                            text=True, timeout=120, env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"})
    assert result.returncode == 0, result.stderr
    printed = [line for line in result.stderr.splitlines() if "Warning: " in line]
    assert [line.split("Warning: ", 1)[1] for line in printed] == [
        DUPLICATED_FAQ.message + ", greet", "Some other deprecation",
    ], result.stderr
