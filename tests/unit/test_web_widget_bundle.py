"""The web chat widget `make setup` installs (`npm ci` into web/node_modules, once per lock file)."""

from __future__ import annotations

import json

from bot.channels.web import WIDGET_BUNDLE
from bot.paths import ROOT


def test_the_widget_is_rasa_webchat_1_0_1_from_the_lock_file() -> None:
    lock = json.loads((ROOT / "web" / "package-lock.json").read_text())
    assert lock["packages"][""]["dependencies"] == {"govuk-frontend": "6.6.0", "rasa-webchat": "1.0.1"}
    assert lock["packages"]["node_modules/rasa-webchat"]["version"] == "1.0.1"
    installed = json.loads((WIDGET_BUNDLE.parents[1] / "package.json").read_text())
    assert installed["version"] == "1.0.1"
