"""The eligibility check's rule values (rules.yml) and wording (texts.yml), with every
{placeholder} in the wording filled from the rule values and the role registry."""

from __future__ import annotations

import string
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from bot.roles import ROLES, names_joined

HERE = Path(__file__).parent
RULES_FILE = HERE / "rules.yml"
TEXTS_FILE = HERE / "texts.yml"


@dataclass(frozen=True)
class Rules:
    min_age: int
    residence_years: float
    england_share_percent: int
    programme_end_weeks: int
    apprenticeship_length: str


def load_rules(path: Path = RULES_FILE) -> Rules:
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    return Rules(**raw)


RULES = load_rules()


COUNTS = dict(enumerate(
    ("no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")))


def placeholders(rules: Rules = RULES) -> dict[str, Any]:
    no_qualifications = [r for r in ROLES.values() if not r.needs_qualifications]
    with_requirements = [r for r in ROLES.values() if r.needs_qualifications]
    years = rules.residence_years
    return {
        "min_age": rules.min_age,
        "residence_years": int(years) if float(years).is_integer() else years,
        "england_share_percent": rules.england_share_percent,
        "programme_end_weeks": rules.programme_end_weeks,
        "apprenticeship_length": rules.apprenticeship_length,
        "role_count": COUNTS.get(len(ROLES), str(len(ROLES))),
        "no_qualification_roles": names_joined(no_qualifications),
        "entry_requirement_roles": names_joined(with_requirements),
    }


def fill(template: str, values: Mapping[str, Any]) -> str:
    """The template with its {names} filled; an unknown name is an error, not left in the text."""
    names = {name for _, name, _, _ in string.Formatter().parse(template) if name}
    missing = names - set(values)
    if missing:
        raise KeyError(f"unknown placeholder(s) {sorted(missing)} in {template!r}")
    return template.format_map(values)


def _filled(node: Any, values: Mapping[str, Any]) -> Any:
    if isinstance(node, str):
        return " ".join(fill(node, values).split()) if "{" in node else " ".join(node.split())
    if isinstance(node, dict):
        return {key: _filled(value, values) for key, value in node.items()}
    if isinstance(node, list):
        return [_filled(value, values) for value in node]
    return node


# Templates filled only when they are used (their placeholders are per message).
DEFERRED = {
    "not_understood", "still_not_understood", "prefilled", "noted", "noted_fail", "confirm", "updated",
    "kept_as_before",
    "cleared", "why_prefix",
    "check_for_role", "role_headline", "untimed_years", "time_there_counts", "time_there_not_counted",
}


@lru_cache(maxsize=1)
def texts() -> dict[str, Any]:
    raw = yaml.safe_load(TEXTS_FILE.read_text(encoding="utf-8"))
    values = placeholders()
    return {key: value if key in DEFERRED else _filled(value, values) for key, value in raw.items()}


def say(key: str, **values: Any) -> str:
    """A top-level message of texts.yml, filled with `values`."""
    return " ".join(fill(texts()[key], values).split())
