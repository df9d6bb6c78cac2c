"""The nationality question: the nationality groups named (dual nationals get the most favourable
one), leaving out a nationality said with "not", one only applied for ("applying for British
citizenship"), one of a relative ("my dad is Irish") and a country named as a place.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from bot.eligibility.answers.text import (
    BNO,
    CHILDREN,
    NEGATION,
    RELATIVES,
    bare_word,
    is_negated,
    is_not_sure,
    mentions,
    normalise,
)
from bot.eligibility.nationalities import NAMES, flag_groups, unaccented
from bot.eligibility.places import EEA, ENGLAND, FAR_AWAY, IRELAND, UK_OUTSIDE_ENGLAND
from bot.eligibility.questions import NOT_SURE

# A country named as where someone is, not what they are: "I'm French and live in the UK", "moved to
# the UK from India", "a degree from a university in Nigeria".
AS_A_PLACE = re.compile(r"\b(?:in|into|to|at|across|around|throughout|within|inside|outside|near|visit\w*)\s+"
                        r"(?:the\s+)?$|"
                        # "can I do TechTrack from Wales?", "work remotely from Spain": where, not origin
                        r"\b(?:do|doing|did|work|working|apply|applying|study|studying|join|joining|"
                        r"it|this|techtrack|apprenticeship|remotely|home|based|commute|commuting)\s+from\s+"
                        r"(?:the\s+)?$|"
                        # "moved back from Spain", "returned from Dubai": where they lived, not origin
                        r"\b(?:back|returned|returning)\s+from\s+(?:the\s+)?$")


def nationalities_named(text: str) -> list[tuple[int, str]]:
    """The nationality names in a message with their positions, less countries named as places."""
    text = hyphens_between_names_spaced(text)
    return [(pos, name) for pos, name in mentions(text, list(NAMES))
            if not AS_A_PLACE.search(text[max(pos - 20, 0):pos])]


# A country's permission to live or work there, no nationality: "on an Irish work permit", "a Spanish
# residence permit" (a passport is the nationality's)
A_COUNTRYS_PERMIT = re.compile(r"\s(?:work |residence |residency )?(?:permit|visa|stamp)\b")


# A language named as spoken, not a nationality: "I speak Spanish", "fluent in português", "my first
# language is Polish"
LANGUAGE_SPOKEN = re.compile(r"\b(?:speak|speaks|speaking|spoke|fluent in|(?:first|native|home) language "
                             r"(?:is )?|mother tongue (?:is )?)\s?"
                             r"(?:a bit of |some |fluent |good |a little )?$")


# The United States as a nationality: "US citizen", "U.S. passport", "from the USA" ("us" alone is a word)
US_NATIONAL = re.compile(r"\bu\.?s\.?(?:a\.?)?\s(?:citizen\w*|national|passport)\b|"
                         r"\bfrom (?:the )?u\.s\.(?:a\.?)?(?!\w)|\bfrom the us\b")


# Two words joined by a hyphen: "british-nigerian"
HYPHENATED = re.compile(r"\b([a-z]{3,20})-([a-z]{3,20})\b")


def hyphens_between_names_spaced(text: str) -> str:
    """ "british-nigerian" as "british nigerian" (the same length): two nationalities held."""
    return HYPHENATED.sub(_spaced_if_both_names, text)


def _spaced_if_both_names(match: re.Match[str]) -> str:
    return " ".join(match.groups()) if all(name in NAMES for name in match.groups()) else match.group(0)


# A "t" said as a glottal stop and written with an apostrophe: "bri'ish", "sco'ish"
GLOTTAL_STOP = re.compile(r"\b([a-z]{2,8})'([a-z]{2,8})\b")


def _glottal_stops_restored(text: str) -> str:
    """ "bri'ish innit" -> "british innit": a word with a "t" (or "tt") dropped for an apostrophe,
    when that gives a nationality's name ("i'm" and "don't" are left alone)."""
    def restore(match: re.Match[str]) -> str:
        for letters in ("t", "tt"):
            word = match.group(1) + letters + match.group(2)
            if word in NAMES:
                return word
        return match.group(0)

    return GLOTTAL_STOP.sub(restore, text)


# A passport or citizenship held: "I've had a British passport since 2015", "I hold Irish citizenship"
HELD_PASSPORT = re.compile(r"\b(?:i have|i'?ve had|i'?ve got|i got|i hold|i'?ve held)\s(?:a |an |my )?"
                           r"[a-z]+ (?:passport|citizenship)\b")


def parse_nationality(text: str, entities: Sequence[tuple[str, str]] = ()) -> str | None:
    """A nationality group; dual nationals get the most favourable group they hold. A nationality
    said with "not" ("not British, I'm American") is left out."""
    flags = flag_groups(text)
    text = _glottal_stops_restored(unaccented(normalise(text)))
    text = hyphens_between_names_spaced(text)  # "British-American": both held
    if is_not_sure(text) and not HELD_PASSPORT.search(text):
        return NOT_SURE  # ("not sure what counts, I've had a British passport since 2015" is British)
    if re.search(r"\bnon[- ]?(eu|eea|european)\b|\boutside (the )?(eu|eea|europe)\b", text):
        return "other"
    # "came over on the BN(O) visa": British National (Overseas) status is no British citizenship (its
    # "British" is not read as one), so other unless a nationality is named besides
    bno = BNO.search(text)
    if bno:
        text = " ".join(BNO.sub(" ", text).split())
    if re.search(r"\bstateless\b|\b(?:no|without a|without any|don'?t have a|haven'?t got a) "
                 r"(?:nationality|citizenship)\b", text) and not mentions(text, list(NAMES)):
        return "other"  # no nationality at all: not British, Irish or EU
    named = [(pos, name) for pos, name in nationalities_named(text)
             if not is_negated(text, pos, verbs=True) and not _not_held_yet(text, pos, pos + len(name)) and
             not LANGUAGE_SPOKEN.search(text[max(pos - 40, 0):pos]) and
             not A_COUNTRYS_PERMIT.match(text, pos + len(name))]
    groups = [NAMES[name] for pos, name in named if not _of_someone_else(text, pos, pos + len(name))]
    if not groups:
        # "my son is British", said of no one else: a parent answering for their child, who applies
        # ("I have British kids" is not that: the child is not the one the nationality is said of)
        groups = [NAMES[name] for pos, name in named
                  if not _of_someone_else(text, pos, pos + len(name), RELATIVES - CHILDREN) and
                  bare_word((text[pos + len(name):pos + len(name) + 25].split() or [""])[0]) not in CHILDREN]
    if not groups:
        groups = _misspelt_names(text)
    if not groups and not NEGATION.search(text):
        groups = flags  # "🇵🇱", "naija 🇳🇬": a flag for a nationality
    if not groups and any(not is_negated(text, match.start(), verbs=True)
                          for match in US_NATIONAL.finditer(text)):
        groups = ["other"]  # "US citizen", "a U.S. passport": "us" is too common a word to be a name
    # "Northern Irish" is British; "Irish" inside it is not Irish.
    for group in ("uk", "irish", "eu_eea"):
        if group in groups:
            return group
    if "other" in groups or bno:
        return "other"
    if re.search(r"\b(another|other|none of (those|these)|something else|different)\b", text):
        return "other"
    if re.search(r"\b(european|europe)\b", text):
        return None  # "European": in the EU, or British? Not said
    return nationality_from_a_place(text, entities)


def _place_pattern(places: Sequence[str]) -> re.Pattern[str]:
    names = sorted({re.escape(place) for place in places if place not in NAMES}, key=len, reverse=True)
    return re.compile(r"(?:the\s)?(?:" + "|".join(names) + r")\b")


# Where they are from, said in place of a nationality: "I'm from Dublin", "born in Lagos"
FROM_PLACE = re.compile(r"\b(?:from|born in|grew up in|raised in)\s")
PLACES_BY_GROUP = (("irish", _place_pattern(IRELAND)), ("eu_eea", _place_pattern(EEA)),
                   ("uk", _place_pattern((*ENGLAND, *UK_OUTSIDE_ENGLAND))),
                   ("other", _place_pattern(FAR_AWAY)))


def nationality_from_a_place(text: str, entities: Sequence[tuple[str, str]] = ()) -> str | None:
    """The group of the place they say they are from, when they name no nationality: "I'm from
    Dublin" (Irish). Where someone is from is not always their nationality: the check asks back."""
    text = normalise(text)
    for said in FROM_PLACE.finditer(text):
        before = text[max(0, said.start() - 25):said.start()].split()[-3:]
        if is_negated(text, said.start()) or any(bare_word(word) in RELATIVES for word in before):
            continue  # ("my dad's from Bristol": where someone else is from)
        for group, places in PLACES_BY_GROUP:
            if places.match(text, said.end()):
                return group
    for label, value in entities:
        value = value.lower()
        if value in NAMES or is_negated(text, max(text.find(value), 0)):
            continue
        if label == "NORP" or (label == "GPE" and re.search(
                rf"\b(from|citizen of|national of|passport)\s+(the\s+)?{re.escape(value)}", text)):
            return "other"
    return None


def said_only_as_a_place(text: str, entities: Sequence[tuple[str, str]] = ()) -> bool:
    """Whether the nationality read is only that of where they say they are from ("I'm from Dublin"),
    no nationality named."""
    lowered = unaccented(normalise(text))
    return not nationalities_named(lowered) and not US_NATIONAL.search(lowered) and \
        not _misspelt_names(lowered) and \
        not any(label == "NORP" for label, _ in entities) and \
        nationality_from_a_place(lowered, entities) is not None


# A citizenship applied for or expected is not held yet: "applying for British citizenship",
# "getting my British passport next year", "waiting on my naturalisation".
SOUGHT = re.compile(r"\b(apply\w*|applied|waiting|wait|awaiting|pending|getting|get|going to|gonna|will|'ll|"
                    r"hope|hoping|plan\w*|soon|next|eligible|process|processing|due|expect\w*|about to|"
                    r"in the middle of|should)\b")


# A nationality still to come, said before it: "...my citizenship ceremony to become British"
BECOMING = re.compile(r"\b(?:to become|to be made|before i become|until i become|become)\s(?:an?\s)?$")
# "..., so British soon!", "British in a few months": a nationality still to come
SOON_AFTER = re.compile(r"\s(?:soon|very soon|hopefully soon|next year|in a few (?:weeks|months)|"
                        r"by (?:next year|then|the start))\b")


def _not_held_yet(text: str, start: int, end: int) -> bool:
    """ "applying for British citizenship": a nationality named with a citizenship or passport that
    is sought or expected, in its own clause; "waiting on my citizenship ceremony to become British"."""
    if BECOMING.search(text[max(0, start - 60):start]) or SOON_AFTER.match(text[end:end + 30]):
        return True
    if not re.match(r"\s{1,3}(?:citizenship|passport|nationality|naturali[sz]ation)\b", text[end:end + 20]):
        return False
    clause_start = max(text.rfind(sep, 0, start) for sep in (",", ".", ";", " but ", " and "))
    clause_end = min([i for i in (text.find(sep, end) for sep in (",", ".", ";", " but ", " and "))
                      if i >= 0] or [len(text)])
    clause = text[clause_start + 1:clause_end]
    return bool(SOUGHT.search(clause)) and not re.search(r"\b(got|have|has|hold|received|granted)\b\s+"
                                                         r"(?:my |a |the )?\w+\s+(?:citizenship|passport)",
                                                         clause)


LINKING = frozenset({"is", "was", "are", "were", "both", "also", "originally", "a", "an", "who", "who's",
                     "whos", "that's"})
# Married to someone of that nationality: "married to a Brit", "engaged to an Irishman"
SPOUSE_BEFORE = re.compile(r"\b(?:married|engaged|wed)\s(?:to\s)?(?:a\s|an\s)?$")


def _of_someone_else(text: str, start: int, end: int, relatives: frozenset[str] = RELATIVES) -> bool:
    """ "a British mum", "my dad is Irish": a nationality said of a relative, not of them."""
    following = text[end:end + 25].split()
    if following and bare_word(following[0]) in relatives:
        return True
    if SPOUSE_BEFORE.search(text[max(0, start - 20):start]):
        return True  # "Bulgarian, married to a Brit": their spouse's nationality
    before = text[max(0, start - 30):start].split()[-4:]
    # "my dad is", "my mum's", "my parents are both", "my husband is a": a relative, then a verb, just
    # before the name
    for index, word in enumerate(before):
        if bare_word(word) in relatives and all(w in LINKING for w in before[index + 1:]):
            return word.endswith("'s") or index < len(before) - 1
    return False


# Everyday words a letter away from a nationality's name: "I finish the course in June" is not Finnish
NEAR_NAMES = frozenset({"finish", "finishd", "finised", "algebra", "hungry", "portal", "brutish"})


def _misspelt_names(text: str) -> list[str]:
    """ "britsh", "polsh": a word close to one nationality name (and to no other group's). A name
    spelt right was read (or left out, as "non-British" is) by `mentions` already."""
    import difflib

    found = set()
    for word in re.findall(r"[a-z]{5,}", text):
        if word in NAMES or (word in NEAR_NAMES and len(text.split()) > 3):
            continue  # ("finish" alone, or "I'm finish", to the nationality question is Finnish)
        close = difflib.get_close_matches(word, [n for n in NAMES if len(n) >= 5], n=3, cutoff=0.85)
        groups = {NAMES[name] for name in close}
        if len(groups) == 1:
            found |= groups
    return list(found)
