"""When a typed answer is read with doubt, so the bot asks "is that right?" before it counts.

A reading is doubted when the words around it pull another way:
- a hedge ("I think", "probably") or a question whether it counts ("does that count?");
- a part of the message that, read alone, gives a different answer ("4 in total, 3 on the student
  visa and 1 on the graduate one");
- a part said of someone else ("my daughter has a student loan": a parent answering for their
  child, or not);
- years in Europe that don't count for the person's group ("4 years in Germany then 1 here" from
  someone not from the EEA: the parser can't tell which group asks); what is asked back is then the
  years the other parts of the answer give (`years_counted`).
"Not sure" and "undecided" are never doubted (they decide nothing by themselves), nor is a pressed
button or an answer the person corrected themselves.

Chosen on the typed-answer sets already looked at, each read with the parser it was first measured
with (docs/design/eligibility-check.md has the figures): the signal caught about a third of the
readings that were wrong, at the cost of a confirmation for about one answer in twenty.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from bot.eligibility.answers.text import clauses, mentions, normalise, own_clauses
from bot.eligibility.parsing import RESTATED_AFTER_NO, SELF_CORRECTION, parse_answer, parse_choice_by_label
from bot.eligibility.places import EEA, IRELAND
from bot.eligibility.questions import NOT_SURE, ROLE_UNDECIDED

NEVER_DOUBTED = frozenset({NOT_SURE, ROLE_UNDECIDED})
HEDGE = re.compile(r"\b(?:think|probably|maybe|might|not sure|unsure|can'?t be sure|guess|reckon|believe|"
                   r"perhaps|possibly|i suppose|not certain|don'?t remember|can'?t remember|not 100)\b")
# Asking whether what they said qualifies: "CompTIA A+, does that count?", "might be similar?"
COUNTS_QUESTION = re.compile(r"\b(?:count|counts|relevant|similar|enough|qualify|valid|accepted|"
                             r"equivalent|same)\b[^?]{0,60}\?")


def doubted(question: str, text: str, value: object, entities: Sequence[tuple[str, str]] = (),
            answers: Mapping[str, object] | None = None) -> bool:
    """Whether `value`, read from `text` as the answer to `question`, should be confirmed first.
    `answers` are those given so far (the nationality decides which years abroad count)."""
    if value is None or value in NEVER_DOUBTED or parse_choice_by_label(question, text) is not None:
        return False
    lowered = normalise(text)
    if question == "residence_years" and abroad_not_counted(lowered, (answers or {}).get("nationality")):
        return True
    if HEDGE.search(lowered) or COUNTS_QUESTION.search(lowered):
        return True
    if SELF_CORRECTION.search(lowered) or RESTATED_AFTER_NO.search(lowered):
        return False  # "25, sorry 26": the parts disagree because the person corrected themselves
    parts = clauses(lowered)
    if len(own_clauses(lowered, children_too=True)) < len(parts):
        return True  # "my daughter is 16": often a parent answering for their child, but maybe not
    if len(parts) < 2:
        return False
    for part in parts:
        named = [entity for entity in entities if entity[1].lower() in part]
        reading = parse_answer(question, part, named)
        if reading is not None and reading != value:
            return True
    return False


def _places_not_counted(nationality: object) -> tuple[str, ...]:
    if nationality == "eu_eea":
        return ()  # the UK, Ireland and the EEA all count
    return EEA if nationality == "irish" else (*EEA, *IRELAND)


def _names_one_of(text: str, places: tuple[str, ...]) -> bool:
    """Whether the text names one of the places (Northern Ireland is the UK, not Ireland)."""
    return bool(places) and bool(mentions(re.sub(r"\bnorthern ireland\b", " ", text), places))


def years_counted(text: str, nationality: object, entities: Sequence[tuple[str, str]] = ()) -> object:
    """The years lived here read from the parts of the answer that name no place whose years don't
    count for their group ("Madrid for 2 years, then moved to Manchester 1 year ago" from an Irish
    citizen: 1), or None when no part is left or it says no length."""
    places = _places_not_counted(nationality)
    parts = clauses(normalise(text))
    kept = [part for part in parts if not _names_one_of(part, places)]
    if not places or not kept or len(kept) == len(parts):
        return None
    named = [entity for entity in entities if any(entity[1].lower() in part for part in kept)]
    return parse_answer("residence_years", ", ".join(kept), named)


def abroad_not_counted(text: str, nationality: object) -> bool:
    """Whether an answer about years lived here names a place in Europe whose years don't count for
    their group ("4 years in Germany then 1 here" from someone neither Irish nor from the EEA): Ireland
    counts for Irish and EU/EEA citizens, the EEA and Switzerland for EU/EEA citizens."""
    return _names_one_of(text, _places_not_counted(nationality))
