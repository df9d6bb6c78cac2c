"""Free-text answers to the eligibility questions: "I'm 23", "twenty three", "yep", "I'm Polish",
"I have settled status", "about 2 years". Each parser returns the answer's value, or None when the
text does not answer the question."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from bot.eligibility.nationalities import NAMES
from bot.eligibility.questions import NO, NOT_SURE, QUESTIONS, ROLE_UNDECIDED, YES, Kind
from bot.roles import find_role

NOT_SURE_PATTERN = re.compile(
    r"\b(not sure|unsure|don'?t know|do not know|dunno|no idea|no clue|not certain|can'?t remember|"
    r"idk|maybe|possibly|perhaps|i think so|not too sure)\b",
    re.IGNORECASE,
)
YES_PATTERN = re.compile(
    r"^\s*(y|ya|yes|yep|yeah|yea|yup|sure|correct|right|i do|i am|i have|i will|i'?m|affirmative|"
    r"of course|definitely|absolutely|certainly|indeed|that'?s right|ok|okay)\b",
    re.IGNORECASE,
)
NO_PATTERN = re.compile(
    r"^\s*(n|no|nope|nah|not|never|none|negative|i don'?t|i do not|i'?m not|i am not|i haven'?t|"
    r"i have not|i won'?t|i will not|not really|no way)\b",
    re.IGNORECASE,
)

NUMBER_WORDS = {
    "zero": 0, "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "half": 0.5,
}
WORD_NUMBER = re.compile(
    r"\b(twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)[\s-]+"
    r"(one|two|three|four|five|six|seven|eight|nine)\b|\b(" + "|".join(NUMBER_WORDS) + r")\b",
    re.IGNORECASE,
)
DIGITS = re.compile(r"(\d+(?:\.\d+)?)")


def is_not_sure(text: str) -> bool:
    return bool(NOT_SURE_PATTERN.search(text))


def parse_yes_no(text: str) -> str | None:
    if is_not_sure(text):
        return NOT_SURE
    if NO_PATTERN.search(text):
        return NO
    if YES_PATTERN.search(text):
        return YES
    return None


def parse_number(text: str) -> float | None:
    """The first number in the text, in digits or words ("23", "twenty three", "two")."""
    match = DIGITS.search(text)
    if match:
        return float(match.group(1))
    match = WORD_NUMBER.search(text)
    if not match:
        return None
    if match.group(1):
        return float(NUMBER_WORDS[match.group(1).lower()] + NUMBER_WORDS[match.group(2).lower()])
    word = match.group(3).lower()
    if word in ("a", "an", "half"):
        return None  # "a" alone is no answer; "a year" is handled by parse_years
    return float(NUMBER_WORDS[word])


def parse_age(text: str) -> int | str | None:
    if is_not_sure(text):
        return NOT_SURE
    number = parse_number(text)
    if number is None or not 0 < number < 120:
        return None
    return int(number)


def parse_years(text: str) -> float | str | None:
    """Years of residence: "3", "about 2 years", "18 months", "a year", "all my life"."""
    lowered = text.lower()
    if is_not_sure(lowered):
        return NOT_SURE
    if re.search(r"\b(all my life|whole life|since (i was )?born|born here|always)\b", lowered):
        return 99.0
    if re.search(r"\b(a|one) year\b", lowered):
        return 1.0
    if re.search(r"\b(a few|few) months\b|\bweeks?\b|\bjust (arrived|moved)\b", lowered):
        return 0.25
    number = parse_number(lowered)
    if number is None or number < 0:
        return None
    if re.search(r"\bmonths?\b", lowered):
        return round(number / 12, 2)
    if number > 1900:  # "since 2019" is a year, not a count of years
        return None
    return number


def parse_nationality(text: str, entities: Sequence[tuple[str, str]] = ()) -> str | None:
    """A nationality group from the table; any other nationality spaCy recognises (a NORP entity
    such as "Indian", or a country after "from") is "another nationality"."""
    lowered = text.lower()
    if is_not_sure(lowered):
        return NOT_SURE
    found = {
        group
        for name, group in NAMES.items()
        if re.search(r"(?<![\w-])" + re.escape(name) + r"(?![\w-])", lowered)
    }
    if "irish" in found and re.search(r"\bnorthern irish\b|\bnorthern ireland\b", lowered):
        found.discard("irish")
    if len(found) == 1:
        return found.pop()
    if len(found) > 1:
        # Dual nationals: the most favourable group applies.
        for group in ("uk", "irish", "eu_eea"):
            if group in found:
                return group
    if re.search(r"\b(another|other|non[- ]?eu|outside the eu|none of (those|these))\b", lowered):
        return "other"
    for label, value in entities:
        if label == "NORP" or (label == "GPE" and re.search(
                rf"\b(from|citizen of|national of|passport)\s+(the\s+)?{re.escape(value.lower())}", lowered)):
            return "other"
    return None


def parse_euss_status(text: str) -> str | None:
    lowered = text.lower()
    if is_not_sure(lowered):
        return NOT_SURE
    if re.search(r"\bpre[- ]?settled\b", lowered):
        return "pre_settled"
    if re.search(r"\bsettled\b|\bilr\b|indefinite leave", lowered):
        return "settled"
    if re.search(r"\b(neither|none|no status|no|nope|i don'?t|haven'?t|not applied)\b", lowered):
        return "none"
    return None


def parse_immigration_status(text: str) -> str | None:
    lowered = text.lower()
    if is_not_sure(lowered):
        return NOT_SURE
    if re.search(r"\b(refugee|asylum|humanitarian|protection|stateless|ukrain\w*|afghan\w*|"
                 r"resettle\w*|discretionary leave|leave outside the rules)\b", lowered):
        return "protection"
    if re.search(r"\b(student|study|studying|tier 4)\b", lowered):
        return "study"
    if re.search(r"\b(no permission|none|no visa|nothing|i don'?t have)\b", lowered):
        return "none"
    if re.search(r"\b(visa|work permit|skilled worker|spouse|family|partner|graduate|ilr|"
                 r"indefinite leave|settled|leave to remain|permanent residen\w*|brp)\b", lowered):
        return "other_permission"
    return None


def parse_other_programme(text: str) -> str | None:
    lowered = text.lower()
    if re.search(r"\b(ends?|ending|finish\w*) (in|within) \w+ weeks?\b|\bself[- ]funded\b|"
                 r"\bpay(ing)? (for it )?myself\b", lowered):
        return "ending_or_self_funded"
    return parse_yes_no(lowered)


def parse_role(text: str) -> str | None:
    lowered = text.lower()
    if is_not_sure(lowered) or re.search(r"\b(undecided|haven'?t decided|any|not decided|either)\b",
                                         lowered):
        return ROLE_UNDECIDED
    return find_role(text)


def parse_choice_by_label(question_id: str, text: str) -> str | None:
    """A typed option label or value ("Pre-settled status", "pre_settled")."""
    lowered = " ".join(text.lower().split())
    for option in QUESTIONS[question_id].options:
        if lowered in (option.value, option.label.lower()):
            return option.value
    return None


PARSERS: dict[str, Callable[[str], object]] = {
    "role": parse_role,
    "age": parse_age,
    "nationality": parse_nationality,
    "euss_status": parse_euss_status,
    "immigration_status": parse_immigration_status,
    "residence_years": parse_years,
    "other_programme": parse_other_programme,
}


def spacy_entities(message: Mapping[str, Any]) -> list[tuple[str, str]]:
    """spaCy's (label, text) entities in a parsed message, such as ("NORP", "Indian")."""
    return [
        (str(e.get("entity")), str(e.get("value")))
        for e in message.get("entities") or []
        if e.get("extractor") == "SpacyEntityExtractor"
    ]


def parse_answer(
    question_id: str, text: str, entities: Sequence[tuple[str, str]] = ()
) -> object | None:
    """The answer `text` gives to the question, or None when it doesn't answer it. `entities` are
    spaCy's (label, text) pairs for the message, used where a table cannot know every name."""
    by_label = parse_choice_by_label(question_id, text)
    if by_label is not None:
        return by_label
    if question_id == "nationality":
        return parse_nationality(text, entities)
    parser = PARSERS.get(question_id)
    if parser is not None:
        return parser(text)
    if QUESTIONS[question_id].kind is Kind.CHOICE:
        return parse_yes_no(text)
    return None
