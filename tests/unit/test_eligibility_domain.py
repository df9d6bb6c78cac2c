"""domain.yml's eligibility blocks are generated from the flow, and a stale domain is caught."""

from __future__ import annotations

import yaml

from actions.eligibility import ASK_ACTIONS
from bot.eligibility.conversation import slot_for
from bot.eligibility.domain import DOMAIN, render
from bot.eligibility.routing import QUESTION_ORDER


def test_domain_yml_is_fresh() -> None:
    current = DOMAIN.read_text()
    assert render(current) == current, "run `python -m bot.eligibility.domain` and commit"


def test_a_question_missing_from_domain_yml_is_put_back() -> None:
    current = DOMAIN.read_text()
    stale = current.replace("  - action_ask_elig_gcses\n", "", 1)
    assert stale != current
    assert render(stale) == current


def test_every_question_has_a_slot_a_required_slot_and_an_ask_action() -> None:
    domain = yaml.safe_load(DOMAIN.read_text())
    slots = [slot_for(q) for q in QUESTION_ORDER]
    assert set(slots) <= set(domain["slots"])
    assert domain["forms"]["eligibility_form"]["required_slots"] == slots
    assert {f"action_ask_{s}" for s in slots} <= set(domain["actions"])
    assert sorted(a().name() for a in ASK_ACTIONS) == sorted(f"action_ask_{s}" for s in slots)
