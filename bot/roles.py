"""The four TechTrack roles, their providers, and how people name them in free text."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Role:
    key: str
    name: str
    provider: str


# The "All roles" choice: a button payload and entity value that names no one role.
ALL_ROLES = "all"

ROLES: dict[str, Role] = {
    role.key: role
    for role in (
        Role("software_developer", "Software Developer", "Makers"),
        Role("devops_engineer", "DevOps Engineer", "Makers"),
        Role("business_analyst", "Business Analyst", "BPP"),
        Role("cyber_security_technologist", "Cyber Security Technologist", "Estio"),
    )
}

# Words people use for each role, lower case. Longer phrases are matched first, so "software
# developer" wins over "developer". Deliberately absent: "coding" (the Makers coding challenge is
# not a role choice) and a bare "security" (job security, security clearance).
SYNONYMS: dict[str, tuple[str, ...]] = {
    "software_developer": (
        "software developer", "software developers", "software development", "software dev",
        "software engineer", "software engineering", "sofware developer", "developer",
        "developers", "dev",
    ),
    "devops_engineer": (
        "devops engineer", "dev ops engineer", "devops engineering", "devops", "dev ops",
        "dev-ops", "devop",
    ),
    "business_analyst": (
        "business analyst", "business analysts", "business analysis", "buisness analyst",
        "ba", "analyst",
    ),
    "cyber_security_technologist": (
        "cyber security technologist", "cybersecurity technologist", "security technologist",
        "cyber security", "cybersecurity", "cyber-security", "cyber",
    ),
}

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


def find_roles(text: str) -> list[tuple[int, int, str]]:
    """Every role mention in `text` as (start, end, role key), left to right, non-overlapping."""
    return [(m.start(), m.end(), _BY_PHRASE[m.group(1).lower()]) for m in _PATTERN.finditer(text)]


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
    for entity in parsed.get("entities") or []:
        if entity.get("entity") != "role":
            continue
        value = entity.get("value")
        if value == ALL_ROLES:
            return ALL_ROLES
        role = normalise_role(value)
        if role:
            return role
    return find_role(str(parsed.get("text") or ""))
