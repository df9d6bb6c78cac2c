"""The user messages of the conversation tests (tests/conversations/) whose story names an FAQ
entry (`faq/<id>`), or the `out_of_scope` intent."""

from __future__ import annotations

import re

import yaml

from bot.paths import ROOT

CONVERSATIONS = ROOT / "tests" / "conversations"
ENTITY_MARKUP = re.compile(r"\[([^\]]+)\]\{[^}]*\}")


def faq_steps() -> list[tuple[str, str]]:
    steps = []
    for path in sorted(CONVERSATIONS.glob("*.yml")):
        for story in yaml.safe_load(path.read_text())["stories"]:
            for step in story["steps"]:
                if str(step.get("intent", "")).startswith("faq/"):
                    steps.append((ENTITY_MARKUP.sub(r"\1", step["user"].strip()), step["intent"]))
    return steps


def out_of_scope_steps() -> list[str]:
    return [
        ENTITY_MARKUP.sub(r"\1", step["user"].strip())
        for path in sorted(CONVERSATIONS.glob("*.yml"))
        for story in yaml.safe_load(path.read_text())["stories"]
        for step in story["steps"]
        if step.get("intent") == "out_of_scope" and step.get("user")
    ]
