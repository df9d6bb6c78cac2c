"""Messages that must be recognised whatever the classifier thinks: someone in distress, and text
that is not in the Latin alphabet (so not English).

The classifier learns these intents from examples too; these patterns are the safety net, because
missing a person in crisis is the worst mistake the bot can make. `bot.nlu.safety_net` applies them
inside the NLU pipeline, so every channel, rule and `make eval` sees the same intent.
"""

from __future__ import annotations

import re
import unicodedata

DISTRESS = "distress"
NON_ENGLISH = "non_english"

_DISTRESS_PATTERNS = [
    r"\b(kill(ing)?|hurt(ing)?|harm(ing)?|cut(ting)?) my ?self\b",
    r"\bself[- ]?harm",
    r"\bsuicid",
    r"\bend(ing)? (it all|my life|things|everything)\b",
    r"\b(want|wanna|going) to die\b",
    r"\bdon'?t want to (live|be alive|be here|exist)( any ?more)?\b",
    r"\b(no|any) (reason|point) (to|in) (live|living|going on|being alive)\b",
    r"\bwhat'?s the point (of|in) (living|life|going on|anything)\b",
    r"\bbetter off (dead|without me)\b",
    r"\b(nobody|no one|no-one) would (care|notice|miss me)\b",
    r"\bcan'?t (cope|go on|keep going|take (it|this|any more|anymore))\b",
    r"\bhow (much )?longer (i|I) can (cope|go on|keep going)\b",
    r"\b(feel|feeling|i'?m|i am) (so |completely |totally )?(worthless|hopeless|suicidal)\b",
    r"\boverdos(e|ing)\b",
    r"\bgive up on (life|everything)\b",
    r"\b(done|finished) with (life|living)\b",
    r"\b(life|it)('?s| is)? not worth living\b",
    r"\bpanic attack\b",
]
_DISTRESS = re.compile("|".join(f"(?:{p})" for p in _DISTRESS_PATTERNS), re.IGNORECASE)


def in_distress(text: str) -> bool:
    return bool(_DISTRESS.search(text.replace("’", "'")))


def mostly_non_latin(text: str) -> bool:
    """True when most of the letters are from another script (Arabic, Devanagari, Chinese...)."""
    letters = [ch for ch in text if ch.isalpha()]
    if not letters:
        return False
    latin = sum("LATIN" in unicodedata.name(ch, "") for ch in letters)
    return latin < len(letters) / 2


# The classifier's own "distress", without any of the patterns above, is taken only this confident.
# Chosen on the development sets and two exploratory testers' conversations: every such message
# below it was ordinary ("I've been thinking about applying for a while" 0.54, "is it ever ok to
# lie" 0.66, a long question about eligibility 0.61), and got the crisis lines; the messages in
# distress that the patterns miss ("I feel so low lately", "nobody cares about me") scored 0.9 or more.
CLASSIFIER_DISTRESS_MIN = 0.7


# The classifier's own "distress" also needs a word of feeling, harm or crisis in the message: an
# ordinary answer ("his PhD finishes in 2027 so no i dont think so", 0.79) got the crisis lines, and
# the conversation lost its thread. Every distress example in the training data has one of these.
_FEELING = re.compile(
    r"\b(feel\w*|felt|sad|low|lonely|alone|nobody|no one|no-one|cares?|worth\w*|tired|exhaust\w*|"
    r"overwhelm\w*|hate|myself|miserable|empty|numb|tonight|tomorrow|pills?|help me|afraid|scared|"
    r"unsafe|safe|abus\w*|"
    r"cry\w*|tears|hurt\w*|pain|depress\w*|anxi\w*|stress\w*|mental|struggl\w*|cop(e|ing)|giv(e|ing) up|"
    r"point\w*|die|dying|dead|death|life|living|alive|end(ing)? it|disappear|gone|better|nothing|any ?more|"
    r"go(ing)? on|carry on|keep going|break\w*|falling apart|too much|stop|failure|useless|hopeless|"
    r"trapped|way out|drown\w*|going under|bad place|dark|jump\w*|bridge|suicid\w*|harm\w*|kill\w*|"
    r"cut\w*|panic\w*|breathe?|not ok(ay)?|miss me|stupid|wake up|function)\b",
    re.IGNORECASE)


def unsure_distress(text: str, intent: str | None, confidence: float) -> bool:
    """Whether the classifier's "distress" is too unsure to override the rest of its ranking."""
    return intent == DISTRESS and not in_distress(text) and (
        confidence < CLASSIFIER_DISTRESS_MIN or not _FEELING.search(text.replace("’", "'")))


def override_intent(text: str) -> str | None:
    """The intent these patterns insist on, or None to keep the classifier's."""
    if in_distress(text):
        return DISTRESS
    if mostly_non_latin(text):
        return NON_ENGLISH
    return None
