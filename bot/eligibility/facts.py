"""Facts people volunteer in one message ("Am I eligible? I'm 24, British, lived here all my life,
interested in software development"), so the check asks only what is left.

Only statements that can mean one thing are taken; anything doubtful is left for its question.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from bot.eligibility import parsing
from bot.eligibility.nationalities import NAMES
from bot.eligibility.numbers import parse_duration_years
from bot.roles import find_role

AGE = re.compile(r"\b(?:i'?m|i am|im|aged?|age is)\s+(\d{2})\b(?!\s*(?:years?|yrs?)\s+(?:in|here|living))|"
                 r"\b(\d{2})\s*(?:years? old|yrs? old|yo|y/o)\b")
RESIDENCE = re.compile(
    r"\b(lived|living|been|resident|here)\b[^.;?!]{0,40}?\b(all my life|my whole life|since (i was )?born|"
    r"since (19|20)\d\d|for (\d+|a|one|two|three|four|five|six|seven|eight|nine|ten|a couple of)"
    r"(\.\d+)? (years?|months?)|(\d+) (years?|months?))"
)
NATIONALITY_CUES = re.compile(r"\b(i'?m|i am|im|as an?|citizen|national|nationality|passport)\b")
STATUS_CUES = re.compile(r"\b(visa|refugee|asylum|settled|pre-?settled|leave to remain|ilr|"
                         r"humanitarian|stateless|ukraine|afghan|permit)\b")


def volunteered_facts(text: str, entities: Sequence[tuple[str, str]] = ()) -> dict[str, Any]:
    lowered = parsing.normalise(text)
    facts: dict[str, Any] = {}
    role = find_role(lowered)
    if role is not None:
        facts["role"] = role
    age = AGE.search(lowered)
    if age:
        value = int(age.group(1) or age.group(2))
        if 10 <= value <= 100:
            facts["age"] = value
    named = parsing.mentions(lowered, list(NAMES)) or any(label == "NORP" for label, _ in entities)
    if named and (NATIONALITY_CUES.search(lowered) or entities):
        # Only a nationality by name: "I'm on another apprenticeship" is no nationality.
        nationality = parsing.parse_nationality(lowered, entities)
        if nationality not in (None, parsing.NOT_SURE):
            facts["nationality"] = nationality
    residence = RESIDENCE.search(lowered)
    if residence:
        years = parse_duration_years(residence.group(2))
        if years is not None:
            facts["residence_years"] = years
    if STATUS_CUES.search(lowered):
        if facts.get("nationality") == "eu_eea" or re.search(r"\bpre-?settled|\bsettled status\b", lowered):
            status = parsing.parse_euss_status(lowered)
            if status not in (None, parsing.NOT_SURE) and status != "none":
                facts["euss_status"] = status
        else:
            status = parsing.parse_immigration_status(lowered)
            if status not in (None, parsing.NOT_SURE):
                facts["immigration_status"] = status
                if "nationality" not in facts and status not in ("none",):
                    facts["nationality"] = "other"
    return facts


ASKS_TO_CHECK = re.compile(
    r"\b(am i|would i be|will i be|could i be|i'?m i|is it possible for me to be)\b[^.?!]{0,25}"
    r"\b(eligible|elligible|eligable|able to apply|allowed to apply|qualif\w*)|"
    # "can I apply if I have a student loan?" asks about one rule: that is the FAQ's to answer
    r"\b(can|could|may) i (apply|do (this|it|techtrack|the apprenticeship))\b"
    r"(?!\s+(if|with|while|when|as|after|before|even|though|whilst|because))|"
    r"\bdo i (qualify|meet the (criteria|requirements))\b|\bcheck (if|whether) i\b|"
    r"\b(check|see) my eligibility\b"
)


# "...if I already hold a qualification?", "what are the rules?": a question about one rule.
ABOUT_A_RULE = re.compile(r"\b(if|unless|rules?|criteria|requirements?)\b")


def asks_to_check(text: str, facts: dict[str, Any]) -> bool:
    """Whether a message asks about the person's own eligibility and is not an FAQ about one rule:
    "Am I eligible? I'm 24, British...", "I've lived here 3 years on a Skilled Worker visa, can I
    apply?" (facts given), or a short "can I apply?". "Can I apply if I have a student loan?" is an
    FAQ question."""
    lowered = parsing.normalise(text)
    if not ASKS_TO_CHECK.search(lowered) or ABOUT_A_RULE.search(lowered):
        return False
    return bool(facts) or len(lowered.split()) <= 6

