"""The TechTrack roles (registry: bot/roles.yml), their providers, and how people name them in free text."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

ROLES_FILE = Path(__file__).with_name("roles.yml")


@dataclass(frozen=True)
class Role:
    key: str
    name: str
    provider: str
    synonyms: tuple[str, ...] = ()
    # The eligibility questions only this role asks (its provider's entry requirements).
    entry_requirements: tuple[str, ...] = ()
    # Keys of the next steps shown after an eligibility verdict for this role, and after a "not eligible"
    next_steps: tuple[str, ...] = ()
    next_steps_if_it_changes: tuple[str, ...] = ()

    @property
    def needs_qualifications(self) -> bool:
        return bool(self.entry_requirements)


def load_roles(path: Path = ROLES_FILE) -> dict[str, Role]:
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))["roles"]
    return {
        key: Role(
            key=key, name=str(spec["name"]), provider=str(spec["provider"]),
            synonyms=tuple(str(s).lower() for s in spec.get("synonyms") or ()),
            entry_requirements=tuple(spec.get("entry_requirements") or ()),
            next_steps=tuple(spec.get("next_steps") or ()),
            next_steps_if_it_changes=tuple(spec.get("next_steps_if_it_changes") or ()),
        )
        for key, spec in raw.items()
    }


# The "All roles" choice: a button payload and entity value that names no one role.
ALL_ROLES = "all"

ROLES: dict[str, Role] = load_roles()
SYNONYMS: dict[str, tuple[str, ...]] = {key: role.synonyms for key, role in ROLES.items()}


def names_joined(roles: list[Role] | tuple[Role, ...]) -> str:
    """ "Software Developer and DevOps Engineer"; "A, B and C"."""
    names = [role.name for role in roles]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]

_PHRASES = sorted(
    ((phrase, key) for key, phrases in SYNONYMS.items() for phrase in phrases),
    key=lambda item: (-len(item[0]), item[0]),
)
_PATTERN = re.compile(
    r"(?<![\w-])(" + "|".join(re.escape(p) for p, _ in _PHRASES) + r")(?![\w-])",
    re.IGNORECASE,
)
_BY_PHRASE = dict(_PHRASES)


def normalise_role(value: object) -> str | None:
    """Map an entity value, slot value or role name to a role key; None when it is not a role."""
    if not isinstance(value, str):
        return None
    text = " ".join(value.lower().replace("_", " ").split())
    if text.replace(" ", "_") in ROLES:
        return text.replace(" ", "_")
    return _BY_PHRASE.get(text)


# A job held, not the role: "an IT support analyst", "data analyst" (a bare "analyst" is the Business
# Analyst role: "the analyst one")
ANALYST_JOB = re.compile(r"\b(?:data|it|support|security|soc|systems?|financial|finance|policy|research|"
                         r"network|insight|insights|reporting|mi|credit|risk|digital|technical|test|qa|"
                         r"operations|ops|product|marketing|hr|crime|intelligence|fraud|pricing|planning|"
                         r"performance|bi|process|service|desk|junior|senior|trainee|graduate)\s$")


def find_roles(text: str) -> list[tuple[int, int, str]]:
    """Every role mention in `text` as (start, end, role key), left to right, non-overlapping (an
    analyst's job named, "an IT support analyst", is no mention of the Business Analyst role)."""
    return [(m.start(), m.end(), _BY_PHRASE[m.group(1).lower()]) for m in _PATTERN.finditer(text)
            if not an_analysts_job(text, m.start(), m.end())]


def an_analysts_job(text: str, start: int, end: int) -> bool:
    """Whether text[start:end], "analyst", names a job held ("data analyst"), not the role."""
    return text[start:end].lower() in ("analyst", "analysts") and \
        bool(ANALYST_JOB.search(text[max(0, start - 20):start].lower()))


def find_role(text: str) -> str | None:
    """The one role a message names, or None when it names none or several different ones."""
    keys = {key for _, _, key in find_roles(text)}
    return keys.pop() if len(keys) == 1 else None


def phrases_longest_first() -> list[str]:
    """Every role phrase, longest first (the order a regex alternation needs)."""
    return [phrase for phrase, _ in _PHRASES]


def role_in_parse(parsed: Mapping[str, Any]) -> str | None:
    """The role a parsed message names: its first `role` entity that is a role (or `ALL_ROLES`),
    else the role words in its text. Returns a role key, `ALL_ROLES`, or None."""
    text = str(parsed.get("text") or "")
    for entity in parsed.get("entities") or []:
        if entity.get("entity") != "role":
            continue
        start, end = entity.get("start"), entity.get("end")
        if isinstance(start, int) and isinstance(end, int) and an_analysts_job(text, start, end):
            continue  # "an IT support analyst, thinking about cyber"
        value = entity.get("value")
        if value == ALL_ROLES:
            return ALL_ROLES
        role = normalise_role(value)
        if role:
            return role
    return find_role(text)


# Each role's provider names as words in free text ("BPP and Estio" is two)
_PROVIDER_WORDS = {key: re.compile(r"\b(?:" + "|".join(re.escape(name.lower())
                                                         for name in spec.provider.split(" and ")) + r")\b")
                   for key, spec in ROLES.items()}


def provider_named_for_another_role(text: str, role: str | None) -> str | None:
    """ "who are BPP?" with Software Developer remembered: the first role whose provider the text
    names, when that is not the remembered role's provider (None otherwise)."""
    lowered = text.lower()
    named = [key for key, words in _PROVIDER_WORDS.items() if words.search(lowered)]
    if not named or role is None or role not in ROLES or role in named:
        return None
    return named[0]
