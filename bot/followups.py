"""Short messages that only make sense after what came before, recognised from their words alone:
"what about cyber?" after a role-specific answer, "and the other one?" after "Which first?", a bare
"ok", a message of emoji only, and "what if I moved to Carlisle?". The actions decide what to do with
them (actions/faq.py).

Token logic, no regular expressions over the whole message: every check is linear in its length.
"""

from __future__ import annotations

import re
import unicodedata

from bot.roles import find_roles

MAX_FOLLOWUP_WORDS = 8
# Words that add nothing to "what about <role>?" / "and for <role>?" / "<role> instead".
_ROLE_FILLER = frozenset({
    "what", "whats", "what's", "about", "how", "and", "for", "the", "a", "an", "role", "roles", "one",
    "instead", "then", "too", "also", "as", "well", "please", "pls", "ok", "okay", "so", "is", "it",
    "that", "same", "question", "apprenticeship", "one's", "ones", "if", "i", "did", "do", "thing",
    "with", "re", "regarding", "hmm", "now", "of", "on", "in", "case", "mean",
    "other", "last", "final",  # "what about the other one, cyber", "and the last one, BA"
})
# "and the other one?", "what about the second question", "the next one please".
_OTHER_WORDS = frozenset({"other", "second", "next", "remaining", "rest", "2nd", "another"})
_OTHER_FILLER = _ROLE_FILLER | frozenset({"answer", "part", "bit", "please", "can", "you", "now",
                                          "go", "on", "to"})
# A bare acknowledgement outside any question: "ok", "okay then", "cool", "got it".
_ACK_WORDS = frozenset({
    "ok", "okay", "okey", "okie", "k", "kk", "cool", "great", "fine", "alright", "right", "sure",
    "nice", "got", "it", "noted", "understood", "brilliant", "perfect", "lovely", "ah", "oh", "i",
    "see", "then", "thanks", "thank", "you", "ta", "good", "that's", "thats",
})


def words(text: str) -> list[str]:
    """Lower-case words with the punctuation around them removed."""
    cleaned = (w.strip(".,!?;:'\"()[]{}-–—…").lower() for w in text.replace("’", "'").split())
    return [w for w in cleaned if w]


def _without_roles(text: str) -> tuple[str, int]:
    """The text with every role mention removed, and how many there were."""
    found = find_roles(text)
    kept, start = [], 0
    for begin, end, _ in found:
        kept.append(text[start:begin])
        start = end
    kept.append(text[start:])
    return " ".join(kept), len(found)


def names_only_a_role(text: str) -> bool:
    """True for "what about cyber?", "and for devops", "business analyst instead": a role and
    nothing that asks anything else."""
    if len(text.split()) > MAX_FOLLOWUP_WORDS:
        return False
    rest, roles = _without_roles(text)
    return roles > 0 and all(w in _ROLE_FILLER for w in words(rest))


_FOLLOW_UP_MARKERS = frozenset({"and", "about", "for", "same", "what", "how"})


def follows_up_for_a_role(text: str) -> bool:
    """True for "and for devops?", "what about cyber": a role asked about in place of the one (or
    none) the last answer was for; a role said alone ("devops") may only be the one they want."""
    return names_only_a_role(text) and any(w in _FOLLOW_UP_MARKERS for w in words(text))


# "who do I ask about that?", "so who should I contact about this": whom the last answer names
_WHO_WORDS = frozenset({"so", "and", "ok", "okay", "right", "but", "cool", "thanks", "cheers", "then",
                        "who", "whom", "do", "should", "can", "would", "could", "i", "we", "ask", "contact",
                        "speak", "talk", "to", "email", "get", "in", "touch", "with", "go", "about", "for",
                        "re", "regarding", "that", "this", "it", "them", "one", "he", "she", "they",
                        "you", "need", "decides", "decide"})
_WHO_VERBS = frozenset({"ask", "contact", "speak", "talk", "email", "touch", "go", "decides", "decide"})
# Who an answer sends people to, in the words of the corpus
CONTACTS = (("departmental hr team", "your departmental HR team"), ("hr team", "your HR team"),
            ("line manager", "your line manager"), ("provider", "your training provider"),
            ("admissions team", "the admissions team"), ("hosting department", "the hosting department"))


def asks_who_to_ask(text: str) -> bool:
    """True for "who do I ask about that?", "so who should I contact": nothing but the asking."""
    said = words(text)
    return 0 < len(said) <= MAX_FOLLOWUP_WORDS and "who" in said and \
        any(w in _WHO_VERBS for w in said) and all(w in _WHO_WORDS for w in said)


def contacts_named(answer: str) -> list[str]:
    """Whom an answer tells people to ask, in the order it names them ("your departmental HR team")."""
    lowered = answer.lower()
    found: list[tuple[int, int, str]] = []
    for said, contact in CONTACTS:
        position = lowered.find(said)
        # ("departmental hr team" holds "hr team": one contact, named once)
        if position >= 0 and not any(start <= position < end for start, end, _ in found):
            found.append((position, position + len(said), contact))
    return [contact for _, _, contact in sorted(found)]


def asks_for_the_other(text: str) -> bool:
    """True for "and the other one?", "what about the second question", "next one please"."""
    said = words(text)
    if not said or len(said) > MAX_FOLLOWUP_WORDS:
        return False
    return any(w in _OTHER_WORDS for w in said) and all(
        (w in _OTHER_WORDS or w in _OTHER_FILLER) and w not in ("role", "roles") for w in said
    )


# "yes", "yes please", "both please", "go on then", "all of them": taking up an offer to answer
_TAKEN_UP_WORDS = frozenset({
    "yes", "yeah", "yep", "yup", "y", "ya", "yh", "please", "pls", "plz", "ok", "okay", "sure", "go", "on",
    "ahead", "both", "all", "of", "them", "the", "it", "that", "one", "ones", "answer", "do", "and",
    "too", "then", "thanks", "questions", "question",
})
_TAKEN_UP_MARKERS = frozenset({"yes", "yeah", "yep", "yup", "y", "ya", "yh", "ok", "okay", "sure", "go",
                               "both", "all", "please", "pls", "plz"})


def takes_up_the_offer(text: str) -> bool:
    """True for "yes", "yes please", "both please", "go on": a yes to the bot's offer to answer."""
    said = words(text)
    return 0 < len(said) <= 5 and any(w in _TAKEN_UP_MARKERS for w in said) and \
        all(w in _TAKEN_UP_WORDS for w in said)


# "all of them", "all roles", "every role", "all 4": the answer for every role
_EVERY_ROLE_MARKERS = frozenset({"all", "every", "each", "any", "both"})
_EVERY_ROLE_WORDS = _EVERY_ROLE_MARKERS | frozenset({
    "of", "them", "em", "roles", "role", "the", "four", "4", "one", "ones", "please", "pls",
    "apprenticeships", "just", "tell", "me", "for", "about",
})


def means_every_role(text: str) -> bool:
    """True for "all of them", "all roles", "every role": to "Which role are you asking about?"."""
    said = words(text)
    return 0 < len(said) <= 6 and any(w in _EVERY_ROLE_MARKERS for w in said) and \
        all(w in _EVERY_ROLE_WORDS for w in said)


# Whether the answer just given holds for every role, asked: "is that the same for all roles?", "same for
# all of them?", "does that apply to every role?"
SAME_FOR_EVERY_ROLE = re.compile(r"^\s*(?:and\s|so\s)?(?:is|was|does|would)?\s?(?:that|it|this)?\s?(?:the\s)?"
                                 r"(?:same|apply|true)\s(?:for|to|across)\s(?:all|every|each)\s?(?:the\s)?"
                                 r"(?:roles?|of them|ones?|apprenticeships?)?\s?\??\s*$")


def asks_if_same_for_every_role(text: str) -> bool:
    """True for "is that the same for all roles?" (said after a role's answer)."""
    return bool(SAME_FOR_EVERY_ROLE.match(" ".join(text.lower().split())))


def bare_acknowledgement(text: str) -> bool:
    """True for "ok", "okay then", "cool, got it": nothing asked, nothing answered."""
    said = words(text)
    return 0 < len(said) <= 4 and all(w in _ACK_WORDS for w in said)


def no_words(text: str) -> bool:
    """True when the message has digits or punctuation but no letters and no emoji: "?", "...", "42"."""
    return not any(ch.isalpha() for ch in text) and not only_emoji(text) and bool(text.strip()) and \
        not text.strip().startswith("/")


def only_emoji(text: str) -> bool:
    """True when the message is emoji or other pictographs only (no letters or digits)."""
    seen = False
    for ch in text:
        if ch.isspace() or ch in "\u200d\ufe0f\ufe0e":
            continue
        category = unicodedata.category(ch)
        if category in ("So", "Sk", "Mn"):  # symbols, skin-tone modifiers, combining marks
            seen = seen or category == "So"
            continue
        if category.startswith("P"):
            continue
        return False
    return seen


_MOVE_WORDS = frozenset({"move", "moved", "moving", "relocate", "relocated", "relocating"})


def moving_to(text: str) -> str | None:
    """The place in "what if I moved to Carlisle?", "could I relocate to Leeds": a move asked about
    (not "moving on to another question"); None otherwise."""
    said = words(text)
    if len(said) > MAX_FOLLOWUP_WORDS + 4 or not ({"if", "could", "can", "would"} & set(said)):
        return None
    for index, word in enumerate(said[:-2]):
        if word in _MOVE_WORDS and said[index + 1] == "to" and said[index + 2] not in ("a", "another", "the"):
            return " ".join(said[index + 2:index + 4])
    return None
