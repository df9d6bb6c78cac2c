"""The bot's actions, except that the eligibility verdict raises, with what the person last said in
the exception's message: an action server loaded with `--actions tests.helpers.raising_actions`
(tests/integration/test_log_safety.py) shows what the logs hold when an action fails. Test-only:
nothing outside tests/ names this module."""

from __future__ import annotations

import importlib
import pkgutil
from typing import Any

import actions
from actions.eligibility import ActionEligibilityVerdict

for module in pkgutil.walk_packages(actions.__path__, "actions."):
    importlib.import_module(module.name)


async def _raise(self: Any, dispatcher: Any, tracker: Any, domain: dict[str, Any]) -> list[Any]:
    said = (tracker.latest_message or {}).get("text")
    raise RuntimeError(f"test failure: cannot give a verdict after {said!r} with {tracker.slots!r}")


ActionEligibilityVerdict.run = _raise  # type: ignore[method-assign]
