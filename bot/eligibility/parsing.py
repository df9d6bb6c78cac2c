"""Free-text answers to the eligibility questions, one reader per question: statements ("I'm
unemployed"), negation ("not British"), numbers with qualifiers ("less than 3 years"),
qualifications by name ("BTEC level 3"), places ("3 days in Bristol, 2 in Cardiff").

Each reader returns the answer's value, or None when the text does not clearly answer the question
(the bot then asks again with a hint: a wrong value is worse than a second question). Every
pattern is linear in the text's length, and `parse_answer` caps the length first.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Mapping, Sequence
from datetime import date
from typing import Any, Literal

from bot.eligibility.nationalities import NAMES, unaccented
from bot.eligibility.numbers import (
    ALL_LIFE,
    BREAK,
    MONTH_NUMBERS,
    MONTHS,
    SHORT_LENGTH,
    age_a_year_below,
    age_decade,
    age_from_birth_date,
    ages_in_words,
    either_of_two_ages,
    numbers,
    one_slip,
    parse_age_bound,
    parse_age_number,
    parse_duration_years,
    respell_number_words,
    years_from_ages,
)
from bot.eligibility.places import (
    AMBIGUOUS,
    CROWN_DEPENDENCIES,
    DEMONYMS,
    EEA,
    ENGLAND,
    FAR_AWAY,
    IRELAND,
    OUTSIDE_ENGLAND,
    OVERSEAS_TERRITORIES,
    UK_OUTSIDE_ENGLAND,
)
from bot.eligibility.questions import NO, NOT_SURE, QUESTIONS, ROLE_UNDECIDED, YES
from bot.eligibility.wording import RULES
from bot.roles import find_roles

MAX_ANSWER = 300  # longer text is not a plain answer; only its start is read

NOT_SURE_PATTERN = re.compile(
    r"\b(not sure|unsure|not too sure|not (?:quite|entirely|really|totally|that|so|100%?) sure|"
    r"(?:i am|i'?m|im|am|i) not know(?:ing)?|not knowing|"
    r"don'?t know|do not know|dont know|(?:don'?t|do not) (?:really|honestly|actually|exactly) know|"
    r"dunno|no idea|no clue|"
    r"not certain|can'?t remember|cannot remember|(?:i )?(?:don'?t|do not) (?:remember|recall)|"
    r"(?:can'?t|cannot|couldn'?t) (?:be|say for) (?:sure|certain|100%?)|"
    r"not (?:a hundred|one hundred|100) (?:percent|per cent) (?:sure|certain)|"
    r"can'?t recall|cannot recall|idk|not a clue|haven'?t a clue|no clue|"
    r"(?:haven'?t|have not|not) got (?:a|any) clue|haven'?t (?:got )?the foggiest|clueless|"
    r"need to check|have to check|would have to check|i'?d have to check|i forget|not positive|"
    r"(?:need to|have to|must) ask (?:my|our|the|a|an|his|her) (?:immigration )?(?:solicitor|lawyer|"
    r"caseworker|case worker|adviser|advisor|mum|mom|dad|parents|husband|wife|partner|sponsor|home office)|"
    r"hard to say|unclear|can'?t say|couldn'?t tell you|it depends|that depends|"
    r"^depends|depends (on|when|if|whether|where|how|what|which|who))\b"
)
# A yes or no said with a little doubt is still the answer they give: "pretty sure not", "I'm fairly
# sure it does", "don't think so" ("not sure" stays not sure).
SURE_PREFIX = re.compile(r"^\s*(?:i'?m\s+|im\s+|i am\s+)?(?:pretty|fairly|quite|almost|reasonably|very|"
                         r"99%?)\s+(?:sure|certain|confident)\s*,?\s*(?:that\s+)?(?=\S)")
# ("don't think I have": the short answer doubted)
DOUBTED_NO = re.compile(r"^\s*(?:i\s+)?(?:don'?t|dont|do not)\s+(?:think|believe|reckon|expect)\s+"
                        r"(?:so|i (?:do|have|am|will|did))\b|"
                        r"^\s*i\s+doubt\s+(?:it|that|so)\b|^\s*(?:i\s+)?(?:think|guess|reckon)\s+not\b|"
                        r"^\s*(?:i'?d|i would)\s+say\s+no\b|"
                        r"^\s*(?:probably|probly|prolly|probs?|likely)\s+not\b")
# ("probs", "prob": probably, in text speak)
# ("probly", "prolly": probably, typed short)
HEDGE = re.compile(r"^\s*(maybe|possibly|perhaps|probably not|probably|probly|prolly|probs?|hopefully|"
                   r"i hope so)\b")
# "kind of", "sort of": half a yes, to a yes/no question; asked again.
PARTLY = re.compile(r"^\s*(kind of|kinda|sort of|sorta|partly|in a way|a bit|a little|ish)\b")
# Emoji code points: "🤔", "👍🏽"
EMOJI_CHARS = r"\U0001F000-\U0001FAFF\u2600-\u27BF\u2B00-\u2BFF\uFE0F\u200D"
# A yes said with a little doubt is still the answer they give ("I think so", "should do").
# ("think so", its "I" left out; "i think so tbf", "I think I do 🤔": a word or emoji of filler after it)
HEDGED_YES = re.compile(r"^\s*((?:i )?think so|i believe so|i reckon so|i expect so|i'?d think so|i guess so|"
                        r"i should think so|should do|it should( do)?|should be( fine| ok| okay)?|"
                        r"i think it (does|will|is)|i believe it (does|will|is)|"
                        # "I think I will", "i think i do": the short answer, believed
                        r"i (?:think|believe|reckon) i (?:do|will|am|have|did))"
                        r"(?:,?\s(?:yes|yeah|yep|yh))?(?:,?\s(?:tbf|tbh|ngl|mate|lol|haha|honestly))?"
                        r"\s*(?:[" + EMOJI_CHARS + r"]+\s*)?([,.!;]|\?(?=\s*\w)|$)")  # ("I think so yeah")
YES_WORDS = re.compile(
    # ("ja": the yes of German, Dutch and the Nordic languages)
    r"^\s*(y|ya|yah|yh|yes+|yep|yup|yeah|yea|yeh|ye|aye|ja|sure|correct|right|true|affirmative|"
    r"of course|ofc|obviously|obvs|naturally|definitely|absolutely|certainly|indeed|that'?s right|"
    r"that'?s correct|ok|okay|"
    r"totally|for sure|defo|deffo|def|defin[ai]te?ly|definatly|definetly|deff?inately|absolutly)\b|"
    # "I do", "I have one": a yes only when little else is said ("I'm a student" is not a yes)
    r"^\s*(i do|i have|i am|i will|i did|i'?ve got one|i have one|i do have|i am indeed)"
    r"( (one|it|them|that|indeed|actually|though|yes))?\s*[.!]*\s*$|"
    # the "do" said for emphasis, its verb kept: "I do get it yes", "i do have one", "I do receive it"
    r"^\s*i do (?:get|have|receive|hold|need|own)(?: (?:one|it|them|that))?(?:,? (?:yes|yeah|yep|yh))?"
    r"\s*[.!]*\s*$"
)
NO_WORDS = re.compile(
    r"^\s*(n|no+|nope|nop|nah|naw|na|n/a|not|never|none|negative|no way|not really|not at all|"
    r"i don'?t|i do not|i dont|i'?m not|i am not|im not|i haven'?t|i have not|i havent|"
    r"i won'?t|i will not|i wont|i didn'?t|i did not|i never|i'?ve never|i have never|i ain'?t|not me|"
    r"nothing|nowt)\b"  # ("nowt": nothing, in the north of England)
)
NEGATION = re.compile(
    r"\b(no|not|never|don'?t|dont|do not|doesn'?t|haven'?t|havent|have not|hasn'?t|isn'?t|"
    r"aren'?t|wasn'?t|won'?t|wont|without|nothing|none|nor|neither|non|un)\b"
)


# A yes word turned round by "not": "of course not", "definitely not", "absolutely not".
EMPHATIC_NO = re.compile(r"^\s*(of course|ofc|obviously|obvs|naturally|definitely|absolutely|certainly|"
                         r"totally|sadly|unfortunately|defo|deffo|def|really|sure|i'?m afraid)[\s,]+not\b")
# A short answer with its subject left out: "won't be", "don't have one", "haven't got any".
ELLIPTIC_NO = re.compile(r"^\s*(won'?t|wont|will not|shan'?t|am not|isn'?t|aren'?t|doesn'?t|don'?t|dont|"
                         r"do not|haven'?t|havent|have not|hasn'?t|didn'?t|did not|can'?t|cannot|never)"
                         r"(?: (?:be|do|have|have got|got|had|need|get|take|receive|last))?"
                         r"(?: (?:one|any|it|them|that|those|either|sadly|unfortunately|though|no))?"
                         r"\s*(?:[,.;!-]|$)")


FILLERS = re.compile(r"^(?:(?:erm+|um+|umm+|uh+|uhm+|er+|eh+|ehm+|mm+|hm+|well|so|ok|okay|right|oh|ah|"
                     r"tbh|tbf|ngl|honestly|to be honest|in all honesty)"
                     r"\b[\s,.!]*)+")


# "think" typed a slip away: "i thnk so", "i thnik I do"
THINK_TYPED = re.compile(r"\b(?:thnk|thnik|thikn|tihnk|thibk)\b")
# A qualification's level written onto its name: "NVQ3", "BTEC L3", "SVQ2" (read as "NVQ level 3")
LEVEL_JOINED = re.compile(r"\b(nvq|svq|btec|rqf|qcf)\s?l?([1-8])\b")


def normalise(text: str) -> str:
    """Lower case, one kind of apostrophe, single spaces, and no "erm, well," in front."""
    text = text[:MAX_ANSWER].lower().replace("’", "'").replace("‘", "'")
    text = re.sub(r"\b(?:lvl|lev|lv)\.?\s?(?=\d\b)", "level ", text)  # "btec lvl 3"
    text = LEVEL_JOINED.sub(r"\1 level \2", text)  # "nvq3", "btec l3": "nvq level 3"
    text = THINK_TYPED.sub("think", text)  # "i thnk so"
    text = LEADING_EMOJI.sub("", " ".join(text.split()))
    text = YES_SOUND.sub("yes", NO_SOUND.sub("no", text))  # "uh huh", "mhm": a yes said as a sound
    return FILLERS.sub("", text)


# A yes or a no said as a sound, at the start ("uh huh", "mm-hmm", "mhm"; "uh-uh", "nuh uh"), before
# fillers ("uh", "mm") are taken off
YES_SOUND = re.compile(r"^(?:uh[- ]?huh|mhm+|mm+[- ]?hm+)(?![\w'-])")
NO_SOUND = re.compile(r"^(?:uh[- ]?uh|nuh[- ]?uh)(?![\w'-])")


# Emoji said before the answer: "💯 yes", "🙅 no", "👍🏽 yeah"
EMOJI = EMOJI_CHARS
LEADING_EMOJI = re.compile(r"^[" + EMOJI + r"][" + EMOJI + r"\s]*")


# "can't say I do", "can't say I will": a no, said politely (not "can't say", not sure)
CANT_SAY_NO = re.compile(r"^\s*(?:i\s+)?(?:can'?t|cannot|couldn'?t)\s+say\s+"
                         r"(?:that\s+)?(?:i|it|they|she|he)\s+"
                         r"(?:do|am|will|have|did|does|is|was|would|can)\b")
# "course I will": "of course", its "of" left out (only at the start, and only before a short answer)
COURSE_YES = re.compile(r"^\s*'?course(?:[\s,]+(?:(?:i|it|she|he|they|we)\s+(?:do|does|will|am|is|are|"
                        r"have|has|did|can)\b|yes\b|yeah\b|yep\b)|\s*[.!]*\s*$)")


# "currently no", "at the moment, yes": when, said before the answer
TIME_FIRST = re.compile(r"^\s*(?:currently|at the moment|at present|presently|(?:right )?now|as of now|"
                        r"for now|as things stand|atm)\s*[,:-]?\s*(?=(?:yes|yeah|yep|no|nope|nah)\b)")


def is_not_sure(text: str) -> bool:
    if re.search(r"^(?:probably|probly|prolly|probs?) not\b", text) or CANT_SAY_NO.search(text):
        return False  # a no, said gently
    return bool(NOT_SURE_PATTERN.search(text)) or bool(HEDGE.search(text)) or bool(MAYBE_AFTER.search(text))


# A "maybe" said last, after the facts: "it ends in 2028, so maybe?", "I got 5, maybe"
MAYBE_AFTER = re.compile(r"(?:[,;]|\bso|\bthen|\.\.)\s?(?:maybe|possibly|perhaps)\s?[?.!]*$")


# When, said after a conclusion drawn: "..., so yes, before September", "so yeah in time for the start"
IN_TIME = (r"(?:just\s|well\s)?(?:before|by|in time for)\s(?:the\s)?(?:start|then|that|it starts|"
           r"techtrack starts|the apprenticeship starts|" + MONTHS + r")")


def parse_yes_no(text: str) -> str | None:
    """Yes, no or not sure, from how the answer starts ("yes", "nope", "I don't")."""
    text = TIME_FIRST.sub("", normalise(text))
    if CANT_SAY_NO.search(text):
        return NO
    if COURSE_YES.search(text):
        text = "of " + text.lstrip(" '")
    if is_not_sure(text):
        return NOT_SURE
    if DOUBTED_NO.search(text):
        return NO
    sure = SURE_PREFIX.match(text)
    if sure:
        text = text[sure.end():]  # "pretty sure yes": the answer, said with a little doubt
    turn = re.search(r"\b(?:but|though|however)\s+(yes|yeah|yep|no|nope|nah)\b", text)
    if turn:
        return YES if turn.group(1) in ("yes", "yeah", "yep") else NO
    if EMPHATIC_NO.search(text):
        return NO
    elliptic = ELLIPTIC_NO.search(text)
    if elliptic and not re.search(r"\b(but|though|although|however|unless|until|till|yet)\b",
                                  text[elliptic.end():]):
        return NO  # "won't be, I'm only 14", "don't have one"
    short = _short_answer(text)
    if short is not None:
        return None if short == CONFLICT else short
    first = re.split(r"[,;.!]| - ", text, maxsplit=1)[0]
    if first != text and not re.search(r"\b(until|till|only|unless|except|apart from|but|although|though|"
                                       r"if)\b", text[len(first):]):
        short = _short_answer(first)  # "I am, I'm a junior analyst": the short answer leads
        if short in (YES, NO):
            return short
    if NO_WORDS.search(text):
        return NO
    if HEDGED_YES.search(text):
        return YES
    # "..., so yes", "so yes by then": the conclusion they draw, said last
    # (one space at most around a comma: the text is normalised, and runs of \s* side by side would
    # backtrack on a long run of spaces)
    conclusion = (r"(\s(by then|by that time|by the start|then|at the start))?"
                  r"(\s?,?\s?(probably|i think|i reckon|i guess|i'?d say|i believe))?"
                  r"(?:\s?,?\s?" + IN_TIME + r")?\s?[.!]*$")
    if YES_WORDS.search(text) or re.search(r"\b(so|then|i think|i guess)\s+(?:probably\s+)?(yes|yeah|yep)" +
                                           conclusion, text) or \
            re.search(r"\bso (?:i think|i believe|i reckon|i guess) so\s*[.!]*$", text) or \
            re.search(r"\bso (?:i |it |she |he )?should (?:be|do)(?: fine| ok| okay)?\s*[.!]*$", text):
        return YES  # "I'll be 16 in August so I think so": the conclusion they draw
    if re.search(r"\b(so|then|i think|i guess)\s+(?:probably\s+|likely\s+)?(no|nope|not|not really)" +
                 conclusion, text):
        return NO
    return None


SUBJECTS = frozenset({"i", "it", "they", "that", "this", "she", "he", "we", "you", "mine"})
AUXILIARIES = frozenset({"do", "does", "did", "will", "would", "is", "are", "am", "was", "has", "have",
                         "can", "shall", "should", "'ll", "'s", "'m", "'re"})
NEGATED_AUXILIARIES = frozenset({"don't", "dont", "doesn't", "doesnt", "didn't", "didnt", "won't", "wont",
                                 "isn't", "isnt", "aren't", "arent", "wasn't", "wasnt", "hasn't", "hasnt",
                                 "haven't", "havent", "can't", "cant", "cannot", "wouldn't", "wouldnt",
                                 "shouldn't", "shan't", "'m not", "ain't"})
AFFIRMING = frozenset({"yes", "yeah", "yep", "yup", "yh", "aye", "ja"})
DENYING = frozenset({"no", "nope", "nah"})
ADVERBS = frozenset({"indeed", "actually", "definitely", "certainly", "though", "really", "not", "still",
                     "be", "have", "do"})  # ("she will be", "I should have": the verb left as said)


def _short_answer(text: str) -> str | None:
    """A short answer made of a subject and an auxiliary, as English answers a yes/no question:
    "it does", "it doesn't, no", "no, it won't", "yes it will"; CONFLICT for "yes, it doesn't"."""
    words = re.sub(r"[^\w' ]", " ", text).split()
    if not 1 <= len(words) <= 6:
        return None
    said: set[str] = set()
    if words[0] in AFFIRMING | DENYING:
        said.add(YES if words[0] in AFFIRMING else NO)
        words = words[1:]
    if words and words[-1] in AFFIRMING | DENYING:
        said.add(YES if words[-1] in AFFIRMING else NO)
        words = words[:-1]
    if words and words[0].partition("'")[0] in SUBJECTS and "'" in words[0]:  # "it'll", "it's not"
        subject, _, rest = words[0].partition("'")
        words = [subject, "'" + rest, *words[1:]]
    if len(words) < 2 or words[0] not in SUBJECTS:
        return None
    auxiliary, rest = words[1], words[2:]
    negated = auxiliary in NEGATED_AUXILIARIES
    if not negated and auxiliary not in AUXILIARIES:
        return None
    if any(word not in ADVERBS for word in rest):
        return None  # "it doesn't matter", "I have a visa": more than a short answer
    if "not" in rest:
        if negated or rest.index("not") != 0:
            return None
        negated = True
    said.add(NO if negated else YES)
    return said.pop() if len(said) == 1 else CONFLICT


CONFLICT = "conflict"  # a yes and a no in one short answer


def mentions(text: str, names: Sequence[str]) -> list[tuple[int, str]]:
    """Every name in text as (position, name), longest names first at the same place."""
    found: list[tuple[int, str]] = []
    for name in sorted(names, key=len, reverse=True):
        for match in re.finditer(r"(?<![\w-])" + re.escape(name) + r"(?![\w-])", text):
            if not any(start <= match.start() < start + len(other) for start, other in found):
                found.append((match.start(), name))
    return sorted(found)


def _negated(text: str, position: int, verbs: bool = False) -> bool:
    """Whether a word at `position` is negated within its clause ("not British", "non-EU"); with
    `verbs`, by a negated verb too ("I won't be in England", "I don't have a British passport")."""
    clause_start = max(text.rfind(sep, 0, position) for sep in (",", ".", ";", " but ", " and "))
    before = text[clause_start + 1:position]
    words = NEGATING_VERBS if verbs else NEGATING
    return bool(re.search(r"\b(" + words + r")\b(?:[\s-]+[\w-]+){0,3}[\s-]*$", before[-40:])) or \
        text[max(0, position - 4):position] == "non-"


NEGATING = r"not|non|isn'?t|never|no longer|wasn'?t|without"
NEGATING_VERBS = NEGATING + r"|won'?t|wont|don'?t|dont|doesn'?t|didn'?t|can'?t|cannot|aren'?t"


# --- role, age, nationality ----------------------------------------------------------------------

# A choice said to be made, its role named after it: "settled on", "decided on", "going with", "I'll
# go for", "put me down for"
DECIDED_ON = re.compile(r"\b(?:settled on|decided on|(?:i'?ve |i have )?decided (?:to go for|to go with|"
                        r"to do)|(?:i'?m |i am |im |i'?ll |i will )?(?:going|go) with|gone with|"
                        r"opted for|plumped for|landed on|chosen|chose|"
                        r"(?:i'?ll|i will|i'?d|i'?m going to|i am going to|im going to|i'?m gonna|let'?s) "
                        r"(?:go for|pick|choose|take)|(?:put|sign) me (?:down|up) for)\s")
# A choice put off until they know more: "I'd like to hear about all four before I choose"
CHOICE_PUT_OFF = re.compile(r"\bbefore (?:i |we )?(?:choose|choosing|decide|deciding|pick|picking|"
                            r"commit\w*|settle on|settling on|make (?:a|my|the) (?:choice|decision))\b|"
                            r"\b(?:hear|know|learn|find out|read) (?:more |a bit |a little )?about "
                            r"(?:all|each|every one|them all|the roles|all the roles|the options)\b")

# A lean, then the choice confirmed: "leaning cyber, put me down for that", "leaning towards BA so I'll
# go with that" (a lean alone is not a choice)
LEANING_TO_ROLE = re.compile(r"\b(?:leaning|edging|veering)\s(?:more\s)?(?:towards?\s|to\s)?"
                             r"([^,.;!?]{2,40}?)[\s,.;!-]{1,4}(?:so\s|and\s)?(?:just\s)?"
                             r"(?:put me down for|sign me up for|(?:i'?ll |let'?s )?go with|(?:i'?ll )?take|"
                             r"pick)\s(?:that|it|this)(?:\sone)?\b")


# A switch to another role only thought of for later: "though I might switch to software dev later",
# "although I'm open to cyber later on", "but I might consider devops down the line", "perhaps cyber
# later on", "though I could see myself moving over to BA down the line"
LATER_SWITCH = re.compile(r"[,;]?\s?\b(?:though|although|but|and)?\s?(?:i\s|i'?d\s|i'?m\s|im\s|i am\s)?"
                          r"(?:(?:might|may|could|would like to|want to|hope to|maybe)\s"
                          r"(?:(?:see|imagine|picture)\smyself\s|\w+\s)?"
                          r"(?:switch(?:ing)?|chang(?:e|ing)|mov(?:e|ing)|go(?:ing)?|transfer(?:ring)?|"
                          r"swap(?:ping)?|cross(?:ing)?)\s(?:over\s|across\s)?(?:to|into)|"
                          r"(?:(?:might|may|could|would|will|maybe)\s)?(?:also\s)?(?:consider|look at|"
                          r"look into|think about|explore)|(?:also\s)?open to|considering|maybe|perhaps|"
                          r"possibly)\s[^,.;!?]{1,40}?\s"
                          r"(?:later(?: on)?|eventually|down the line|in (?:the )?future|one day|"
                          r"at some point|after)\b")
# Torn between two choices, one of them perhaps not a role's name: "50 50 between software and devops",
# "fifty-fifty between BA and cyber", "torn between coding and devops"
TORN_BETWEEN = re.compile(r"\b(?:torn|50\s?[/-]?\s?50|fifty[\s-]fifty|split|undecided|(?:still\s)?deciding|"
                          r"can'?t (?:decide|choose|pick)|choosing)\s(?:\w+\s)?between\s"
                          r"[^,.;!?]{1,40}?\s(?:and|or|&)\s")
# Two choices offered as either/or, or left to whichever suits: "either software or devops", "BA or
# cyber, whichever has more places" (the span read to the next stop, for a role named in it)
EITHER_OR = re.compile(r"\beither\s[^,.;!?]{1,40}?\sor\s[^,.;!?]{1,40}|"
                       r"[^,.;!?]{1,40}?\sor\s[^,.;!?]{1,40}?[,;-]?\s?whichever\b")


# A role left out of the choice: "anything but cyber", "any except BA", "all apart from devops"
EXCLUDED_ROLE = re.compile(r"\b(?:anything|any(?: of them| one| role)?|all(?: of them)?|everything|"
                           r"whichever)\s(?:but|except|bar|apart from|other than|besides|excluding)\s"
                           r"(?:for\s)?(?:the\s)?$")
# Someone else's opinion, reported in its own clause: "my lad says devops is dull", "my mum thinks BA
# would suit me", "my mate reckons cyber's the one"
# (the opinion ends at a "but" that turns to their own choice: "my son reckons I should do DevOps but I
# want the software developer one")
OTHERS_OPINION = re.compile(r"\b(?:my|our|the)\s[a-z]+(?:\s[a-z]+)?\s(?:says?|said|thinks?|thought|reckons?|"
                            r"reckoned|told me|tells me|suggests?|suggested|recommends?|recommended|"
                            r"keeps saying)\b(?:(?!\s(?:but|though|although|whereas)\b)[^,.;!?])*")


def undotted(text: str) -> str:
    """ "b.a.", "s.w.e": initials with dots, as one word ("ba", "swe")."""
    return DOTTED_INITIALS.sub(lambda match: match.group(0).replace(".", ""), text)


DOTTED_INITIALS = re.compile(r"\b[a-z](?:\.[a-z]){1,3}\b\.?")


def parse_role(text: str) -> str | None:
    text = undotted(normalise(text))
    text = re.sub(r"\beng\b\.?", "engineer", text)  # "software eng": the word cut short
    excluded = {key for start, _, key in find_roles(text)
                if EXCLUDED_ROLE.search(text[max(0, start - 30):start])}
    named_roles = {key for start, _, key in find_roles(text) if not _negated(text, start)} - excluded
    named_roles |= _misspelt_roles(text)
    if "business_analyst" in named_roles and not re.search(r"\b(business|ba)\b", text) and \
            _role_hint(text) == "cyber_security_technologist":
        # "SOC analyst", "SOC analyst type role so cyber I guess": "analyst" alone gives way to a cyber word
        named_roles = (named_roles - {"business_analyst"}) | {"cyber_security_technologist"}
    if len(named_roles) > 1:
        opinion = OTHERS_OPINION.search(text)
        if opinion:
            # "software dev, my lad says devops is dull": someone else's view names no choice of theirs
            chosen = parse_role(text[:opinion.start()] + text[opinion.end():])
            if chosen is not None and chosen != ROLE_UNDECIDED:
                return chosen
        switch = LATER_SWITCH.search(text)
        if switch:
            # "devops, though I might switch to software dev later": the choice made now
            chosen = parse_role(text[:switch.start()] + text[switch.end():])
            if chosen is not None and chosen != ROLE_UNDECIDED:
                return chosen
        decided = list(DECIDED_ON.finditer(text))
        if decided:
            # "torn between BA and cyber but I've settled on cyber": the role chosen in the end
            chosen = parse_role(text[decided[-1].end():])
            if chosen is not None and chosen != ROLE_UNDECIDED:
                return chosen
        leaning = LEANING_TO_ROLE.search(text)
        if leaning and not is_not_sure(text[leaning.start():]):
            chosen = parse_role(leaning.group(1))  # "leaning software, put me down for that"
            if chosen is not None and chosen != ROLE_UNDECIDED:
                return chosen
        return ROLE_UNDECIDED  # "software developer or maybe DevOps": not decided yet
    if len(named_roles) == 1:
        torn = TORN_BETWEEN.search(text) or next(
            (either for either in EITHER_OR.finditer(text)
             if any(either.start() <= start < either.end() for start, _, _ in find_roles(text))), None)
        if torn:
            # "50 50 between software and devops" ("software" alone is no role's name): not chosen,
            # unless a choice is said after it ("..., going with devops")
            decided = list(DECIDED_ON.finditer(text, torn.end()))
            chosen = parse_role(text[decided[-1].end():]) if decided else None
            return chosen if chosen is not None and chosen != ROLE_UNDECIDED else ROLE_UNDECIDED
        return named_roles.pop()
    hinted = _role_hint(text, excluded=bool(excluded))
    if hinted:
        return hinted
    if excluded:
        return ROLE_UNDECIDED  # "anything but cyber": any of the others, none chosen
    if is_not_sure(text) or CHOICE_PUT_OFF.search(text) or re.search(
            r"\b(open to anything|anything really|"
            r"undecided|haven'?t decided|not decided|any of them|any|either|whichever|"
            r"(?:still )?weighing (?:it |them |things |everything )?up|weighing up (?:my )?options|"
            r"still (?:thinking|deciding|choosing|considering)|torn|on the fence|can'?t decide|"
            r"made my mind up|make my mind up|not sure yet|no idea yet|still deciding|"
            r"don'?t mind|no preference|open to all|all of them|not yet|whatever|up to you|"
            r"(?:all|every|each) (?:the )?(?:four |4 )?(?:roles?|of the roles|options|one)|all (?:four|4)|"
            r"(?:you|u) (?:recommend|suggest|think is best|pick|choose|decide)|your (?:call|choice|"
            r"recommendation|suggestion))\b", text):
        return ROLE_UNDECIDED
    return None


def _role_hint(text: str, excluded: bool = False) -> str | None:
    """The role a description names ("the one where you gather requirements"), leaving out a
    description said with "not" ("not the coding one") and, with `excluded`, one said with "anything
    but" (so "anything but cyber" names no role)."""
    for pattern, role in ROLE_HINTS:
        if any(not _negated(text, match.start()) and
               not (excluded and EXCLUDED_ROLE.search(text[max(0, match.start() - 30):match.start()]))
               for match in pattern.finditer(text)):
            return role
    return None


FUNCTION_WORDS = frozenset({"not", "no", "the", "a", "an", "one", "i", "im", "and", "or", "but", "please",
                            "role", "for", "like", "be", "to", "as", "is", "it", "maybe", "prob"})


def _misspelt_roles(text: str) -> set[str]:
    """ "busness analist", "devopps": one to three words close to a role's name (not negated)."""
    import difflib

    from bot.roles import normalise_role, phrases_longest_first

    phrases = [p for p in phrases_longest_first() if len(p) >= 5]
    words = list(re.finditer(r"[a-z]+", text))
    found = set()
    for size in (3, 2, 1):
        for index in range(len(words) - size + 1):
            span = text[words[index].start():words[index + size - 1].end()]
            if len(span) < 5 or find_roles(span):
                continue
            if {words[index].group(0), words[index + size - 1].group(0)} & FUNCTION_WORDS:
                continue  # "not sofware", "the devopps": the name is in a shorter span
            close = difflib.get_close_matches(span, phrases, n=1, cutoff=0.85) or (
                _close_word_by_word(span, phrases) if size > 1 else [])
            if close and not _negated(text, words[index].start()):
                found.add(normalise_role(close[0]))
    return {role for role in found if role}


def _close_word_by_word(span: str, phrases: Sequence[str]) -> list[str]:
    """ "bussiness anylist": a name of two or three words, each word one or two slips away."""
    import difflib

    words = span.split()
    for phrase in phrases:
        names = phrase.split()
        if len(names) == len(words) and all(
                difflib.SequenceMatcher(None, word, name).ratio() >= 0.7
                for word, name in zip(words, names, strict=True)) \
                and difflib.SequenceMatcher(None, span, phrase).ratio() >= 0.8:
            return [phrase]
    return []


# How people describe a role without naming it (the role question only: in FAQ questions these
# words mean other things).
ROLE_HINTS = (
    (re.compile(r"\b(coding|coder|programmer|programming|"
                # "write code", "writing the actual code"
                r"(write|writes|writing) (?:(?:the|actual|real|proper|some|all) ){0,2}code|"
                r"(build|builds|building|make|makes|making|develop|developing) (software|apps|applications|"
                r"websites)|app development|swe|sde|"
                # "web development", "front end", "full-stack"
                r"web (?:development|dev|developing|developer)|front[- ]?end|back[- ]?end|full[- ]?stack)\b"),
     "software_developer"),
    (re.compile(r"\b(the security (one|role|side)|security role|security side|^security$|"
                r"(?:it|computer|network|online|digital) security|hackers?|"
                r"protect\w* (?:\w+ )?(?:systems|networks|computers|servers) from|"
                r"hacking|ethical hack\w*|cyber ?sec\w*|cyber|"
                r"info ?sec|information security|netsec|security analyst|soc|security operations|"
                r"monitor\w* for (attacks|threats|intrusions)|threats?|attacks|intrusions?|malware|"
                r"incident response|defen[cd]\w* and respond\w*|blue team|pen ?test\w*|"
                r"penetration test\w*)\b"),
     "cyber_security_technologist"),
    (re.compile(r"\b(analys\w*|requirements)\b.{0,40}\b(business|requirements|processes)\b|"
                r"\b(business|stakeholders?|users?|clients?)\b.{0,25}\b(needs|requirements|processes|problems)\b"
                r".{0,40}\b(requirements|analys\w*|document\w*|writ\w*|map\w*|improv\w*)\b|"
                r"\b(gather\w*|writ\w*|captur\w*|document\w*|map\w*) (up )?(the )?(business )?requirements\b|"
                r"\bstakeholders?\b|\bprocess improvements?\b|\bimprov\w* (business )?processes\b|"
                r"\brequirements (analysis|gathering|elicitation|capture)\b|\buser stories\b"),
     "business_analyst"),
    (re.compile(r"\b(infrastructure|pipelines|cloud|deployments?|automation|kubernetes|k8s|aws|azure|"
                r"terraform|docker|site reliability|sre|platform engineer\w*)\b"), "devops_engineer"),
)

# A school year in England and Wales ("year 11", "yr 10"), said beside an age
SCHOOL_YEAR = re.compile(r"\b(?:i'?m |i am |im |she'?s |he'?s )?(?:in |at )?(?:year|yr) (?:[7-9]|1[0-3])\b")
# A school year whose pupils are all under 16: "I'm in year 10 at school", "year 9" (year 11 may be 16)
YOUNG_SCHOOL_YEAR = re.compile(r"\b(?:year|yr) (?:[7-9]|10)\b")


# An age said to be exact: "50 on the dot", "30 exactly", "40 bang on", "21 precisely"
EXACTLY_AFTER = re.compile(r"(?<![\d.])(\d{1,3})\s(?:on the dot|on the nose|exactly|precisely|bang on|"
                           r"flat)\b")


# A slang word said after the answer: "43 m8", "29 mate", "35 bro", "22 lol", "40 innit"
TRAILING_SLANG = re.compile(r"(?<=\w)[\s,.!]{1,3}(?:m8|mate|bro|bruv|fam|pal|lol|haha|innit|x{1,3})"
                            r"[\s.!]{0,3}$")


def parse_age(text: str, today: date | None = None) -> int | str | None:
    """An age ("24"), or a bound that decides the rule ("over 25" is ">25", "nearly 16" is "<16");
    a bound that doesn't ("under 30") is asked again."""
    text = ages_in_words(respell_number_words(TRAILING_SLANG.sub("", normalise(text))))
    either = either_of_two_ages(text)
    if either and either[0] >= RULES.min_age and not NEGATION.search(text):
        return either[0]  # "61 or 62, can't remember": either passes the rule; the lower is taken
    if is_not_sure(text):
        return NOT_SURE
    born = age_from_birth_date(text, today)
    if born is not None:
        return born if 10 <= born <= 100 else None
    young = YOUNG_SCHOOL_YEAR.search(text)
    if young and not numbers(text[:young.start()] + text[young.end():]) and not NEGATION.search(text) and \
            RULES.min_age >= 16:
        return "<16"  # "I'm in year 10 at school": years 7 to 10 are all under 16
    if SCHOOL_YEAR.search(text) and not SCHOOL_YEAR.fullmatch(text.strip(" .!")):
        text = SCHOOL_YEAR.sub(" ", text)  # "under 16, I'm in year 11": a school year is not an age
    # "25 yrs 4 months": the years are the age; "20 on the 3rd of jan": a birthday in that month
    text = re.sub(r"\b(\d{1,3})\s?(?:years?|yrs?)(?: old)?,?\s(?:and\s)?\d{1,2}\s?"
                  r"(?:months?|mths?)(?: old)?\b",
                  r"\1", text)
    text = re.sub(r"\bon\s(?:the\s)?\d{1,2}(?:st|nd|rd|th)?\s(?:of\s)?(" + MONTHS + r")\b", r"in \1", text)
    text = EXACTLY_AFTER.sub(r"\1", text)  # "50 on the dot": 50 exactly ("on" is no birthday's day here)
    age = parse_age_number(text, rough_margin_from=RULES.min_age)
    if age is not None:
        return age
    above = age_a_year_below(text)
    if above is not None and RULES.min_age <= above - 1 <= 100:
        return above - 1  # "nearly 17", "I'm 21 next month": a year younger now
    if above is not None and 10 <= above <= RULES.min_age:
        return f"<{above}"  # "I'm 16 next month": under 16 now, as "I'll be 16 in March" is
    decade = age_decade(text)
    if decade is not None and decade - 1 >= RULES.min_age and not NEGATION.search(text):
        return f">{decade - 1}"  # "in my forties": 40 or more
    bound = parse_age_bound(text)
    if bound and ((bound[0] == ">" and int(bound[1:]) >= RULES.min_age) or
                  (bound[0] == "<" and int(bound[1:]) <= RULES.min_age)):
        return bound
    return None


# An age or birthday at a time said, then a question whether that is before the start, or when it
# starts: "I'll be 16 in July, is that in time?", "16 in May, does it start before then?"
START_ASKED = re.compile(r"\b(?:be|turn|turning|birthday)\b[^?]{0,40}[,;.-]\s*(?:(?:is|will|would|does) "
                         r"(?:that|it|this) (?:be )?(?:before|in time|early enough|count)\b|"
                         r"(?:so |but |and )?(?:when )?(?:does|will|would|is) (?:it|this|techtrack|the "
                         r"(?:course|apprenticeship|programme|start)) (?:start|begin|be starting|kick off)\b)"
                         r"[^?]{0,30}\?")
BY_A_MONTH = re.compile(r"^\s*(by|before|in time for)\s+(the\s+)?(january|february|march|april|may|june|july|"
                        r"august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept?|"
                        r"oct|nov|dec|spring|summer|autumn|winter|intake|course|programme)\b")
BY_THE_START = re.compile(r"^\s*(by then|by that (time|point)|by the (time|start)|"
                          r"(?:just |well |long |way )?before (it|then|the start)|"
                          r"(?:well |long |way |just )?before\s*(?:[.!,]|$)|"
                          r"when it starts|at the start|already|now|[.!,]|$|"
                          r"(?:yes|yeah|yep|yh|aye)\s*(?:[.!,]|$)|"  # "I will be 16 yes"
                          # a feeling about it said after the age: "I'll only be 15 sadly"
                          r"(unfortunately|sadly|though|tho|i'?m afraid|annoyingly|at most|at best|"
                          r"worst luck|lol|haha)\s*([.!,]|$))")


# A yes, or a leaning to one, said with the age they reach in a month: "probably, I turn 16 in February",
# "my son will be, yes, he's 16 in January" (the month is what they base the yes on)
LEANING_WITH_AGE = re.compile(r"^\s?(?:probably|probs?|most likely|likely|yes|yeah|yep)\b|"
                              r",\s?(?:yes|yeah|yep)\s?,")
AGE_IN_A_MONTH = re.compile(r"\b(?:turn|turns|turning|be|is|'s|am|'m)\s(\d{1,3})\s(?:in|by)\s"
                            r"(?:early |late )?" + MONTHS + r"\b")


def _leaning_with_age_in_a_month(text: str) -> bool:
    ages = [int(match.group(1)) for match in AGE_IN_A_MONTH.finditer(text)]
    return bool(LEANING_WITH_AGE.search(text)) and bool(ages) and min(ages) >= RULES.min_age and \
        not NEGATION.search(text) and "?" not in text


def parse_age_at_start(text: str) -> str | None:
    """Yes or no, or an age they will have by the start: "I'll be 17 by then", "I'll have turned
    sixteen by the start", "I won't be 16 yet". An age at another time ("16 in July") is asked
    again: when the apprenticeship starts is not in the answer."""
    from bot.eligibility.numbers import words_to_digits

    text = normalise(text)
    if _leaning_with_age_in_a_month(words_to_digits(text)):
        return YES  # "probably, I turn 16 in February"
    if is_not_sure(text) or START_ASKED.search(text):
        return NOT_SURE  # "I'll be 16 in September, is that before the start?"
    answer = parse_yes_no(text)
    if answer is not None:
        return answer
    text = words_to_digits(text)
    ages = []
    for match in re.finditer(r"\b(will|'ll|shall) (?:\w+ )?(not |never )?(be|have turned|have reached|"
                             r"turn|be turning)\s+(\d{1,3})\b|\b(won'?t|will not) (?:\w+ )?"
                             r"(be|have turned|turn)\s+(\d{1,3})\b", text):
        age = int(match.group(4) or match.group(7))
        negated = bool(match.group(2) or match.group(5))
        after = text[match.end():]
        # "I'll be 16 by September": a yes said for the start they expect (which then only leads to
        # a check with the admissions team); a no needs the start itself ("won't be 16 by then").
        by_month = not negated and age >= RULES.min_age and BY_A_MONTH.search(after)
        if not 10 <= age <= 100 or not (BY_THE_START.search(after) or by_month):
            return None
        ages.append(NO if negated and age <= RULES.min_age else
                    None if negated else YES if age >= RULES.min_age else NO)
    if len(set(ages)) == 1 and ages[0] is not None:
        return ages[0]
    older = re.search(r"\b(over|older than|above|more than)\s+(\d{1,3})\b", text)
    if not ages and older and not NEGATION.search(text[:older.start()]) and \
            int(older.group(2)) >= RULES.min_age:
        return YES  # "I'm over 16 already"
    if not ages:
        now = parse_age_number(text)
        if now is not None and now >= RULES.min_age:
            return YES  # "I'm 20": old enough already; a younger age now leaves the start date open
    return None


# A country named as where someone is, not what they are: "I'm French and live in the UK", "moved to
# the UK from India", "a degree from a university in Nigeria".
AS_A_PLACE = re.compile(r"\b(?:in|into|to|at|across|around|throughout|within|inside|outside|near|visit\w*)\s+"
                        r"(?:the\s+)?$|"
                        # "can I do TechTrack from Wales?", "work remotely from Spain": where, not origin
                        r"\b(?:do|doing|did|work|working|apply|applying|study|studying|join|joining|"
                        r"it|this|techtrack|apprenticeship|remotely|home|based|commute|commuting)\s+from\s+"
                        r"(?:the\s+)?$")


def nationalities_named(text: str) -> list[tuple[int, str]]:
    """The nationality names in a message with their positions, less countries named as places."""
    return [(pos, name) for pos, name in mentions(text, list(NAMES))
            if not AS_A_PLACE.search(text[max(pos - 20, 0):pos])]


# A language named as spoken, not a nationality: "I speak Spanish", "fluent in português", "my first
# language is Polish"
LANGUAGE_SPOKEN = re.compile(r"\b(?:speak|speaks|speaking|spoke|fluent in|(?:first|native|home) language "
                             r"(?:is )?|mother tongue (?:is )?)\s?"
                             r"(?:a bit of |some |fluent |good |a little )?$")


# The United States as a nationality: "US citizen", "U.S. passport", "from the USA" ("us" alone is a word)
US_NATIONAL = re.compile(r"\bu\.?s\.?(?:a\.?)?\s(?:citizen\w*|national|passport)\b|"
                         r"\bfrom (?:the )?u\.s\.(?:a\.?)?(?!\w)|\bfrom the us\b")


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


def parse_nationality(text: str, entities: Sequence[tuple[str, str]] = ()) -> str | None:
    """A nationality group; dual nationals get the most favourable group they hold. A nationality
    said with "not" ("not British, I'm American") is left out."""
    text = _glottal_stops_restored(unaccented(normalise(text)))
    if is_not_sure(text):
        return NOT_SURE
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
             if not _negated(text, pos, verbs=True) and not _not_held_yet(text, pos, pos + len(name)) and
             not LANGUAGE_SPOKEN.search(text[max(pos - 40, 0):pos])]
    groups = [NAMES[name] for pos, name in named if not _of_someone_else(text, pos, pos + len(name))]
    if not groups:
        # "my son is British", said of no one else: a parent answering for their child, who applies
        # ("I have British kids" is not that: the child is not the one the nationality is said of)
        groups = [NAMES[name] for pos, name in named
                  if not _of_someone_else(text, pos, pos + len(name), RELATIVES - CHILDREN) and
                  _bare((text[pos + len(name):pos + len(name) + 25].split() or [""])[0]) not in CHILDREN]
    if not groups:
        groups = _misspelt_names(text)
    if not groups and any(not _negated(text, match.start(), verbs=True)
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
    for label, value in entities:
        value = value.lower()
        if value in NAMES or _negated(text, max(text.find(value), 0)):
            continue
        if label == "NORP" or (label == "GPE" and re.search(
                rf"\b(from|citizen of|national of|passport)\s+(the\s+)?{re.escape(value)}", text)):
            return "other"
    return None


# A citizenship applied for or expected is not held yet: "applying for British citizenship",
# "getting my British passport next year", "waiting on my naturalisation".
SOUGHT = re.compile(r"\b(apply\w*|applied|waiting|wait|awaiting|pending|getting|get|going to|gonna|will|'ll|"
                    r"hope|hoping|plan\w*|soon|next|eligible|process|processing|due|expect\w*|about to|"
                    r"in the middle of|should)\b")


def _not_held_yet(text: str, start: int, end: int) -> bool:
    """ "applying for British citizenship": a nationality named with a citizenship or passport that
    is sought or expected, in its own clause."""
    if not re.match(r"\s{1,3}(?:citizenship|passport|nationality|naturali[sz]ation)\b", text[end:end + 20]):
        return False
    clause_start = max(text.rfind(sep, 0, start) for sep in (",", ".", ";", " but ", " and "))
    clause_end = min([i for i in (text.find(sep, end) for sep in (",", ".", ";", " but ", " and "))
                      if i >= 0] or [len(text)])
    clause = text[clause_start + 1:clause_end]
    return bool(SOUGHT.search(clause)) and not re.search(r"\b(got|have|has|hold|received|granted)\b\s+"
                                                         r"(?:my |a |the )?\w+\s+(?:citizenship|passport)",
                                                         clause)


RELATIVES = frozenset({"mum", "mom", "mother", "dad", "father", "parents", "parent", "wife", "husband",
                       "partner", "family", "grandparents", "grandmother", "grandfather", "gran", "nan",
                       "grandad", "granddad", "grandma", "grandpa", "side", "relatives", "spouse",
                       "boyfriend", "girlfriend", "brother", "sister", "kids", "children", "son",
                       "daughter", "hubby", "wifey", "missus"})
LINKING = frozenset({"is", "was", "are", "were", "both", "also", "originally", "a", "an"})
# Married to someone of that nationality: "married to a Brit", "engaged to an Irishman"
SPOUSE_BEFORE = re.compile(r"\b(?:married|engaged|wed)\s(?:to\s)?(?:a\s|an\s)?$")


def _bare(word: str) -> str:
    word = word.rstrip(",.;!")
    return word[:-2] if word.endswith("'s") else word


def _of_someone_else(text: str, start: int, end: int, relatives: frozenset[str] = RELATIVES) -> bool:
    """ "a British mum", "my dad is Irish": a nationality said of a relative, not of them."""
    following = text[end:end + 25].split()
    if following and _bare(following[0]) in relatives:
        return True
    if SPOUSE_BEFORE.search(text[max(0, start - 20):start]):
        return True  # "Bulgarian, married to a Brit": their spouse's nationality
    before = text[max(0, start - 30):start].split()[-4:]
    # "my dad is", "my mum's", "my parents are both", "my husband is a": a relative, then a verb, just
    # before the name
    for index, word in enumerate(before):
        if _bare(word) in relatives and all(w in LINKING for w in before[index + 1:]):
            return word.endswith("'s") or index < len(before) - 1
    return False


def _misspelt_names(text: str) -> list[str]:
    """ "britsh", "polsh": a word close to one nationality name (and to no other group's). A name
    spelt right was read (or left out, as "non-British" is) by `mentions` already."""
    import difflib

    found = set()
    for word in re.findall(r"[a-z]{5,}", text):
        if word in NAMES:
            continue
        close = difflib.get_close_matches(word, [n for n in NAMES if len(n) >= 5], n=3, cutoff=0.85)
        groups = {NAMES[name] for name in close}
        if len(groups) == 1:
            found |= groups
    return list(found)


# --- status and permission -----------------------------------------------------------------------

FUTURE = re.compile(r"\b(going to|gonna|will|soon|planning|plan to|hope to|hopefully|hoping|want to|"
                    r"switch(ing)? to|"
                    r"apply(ing)? for|next year|in future|eligible (for|to)|be able to|can apply|"
                    r"could (get|apply)|would|in (\d+|a|one|two) (months?|years?)|"
                    # "should turn into settled next spring": a change expected, not held yet
                    r"should (?:turn|become|get|change|convert|switch|upgrade|move|go)|turns? into|"
                    r"next (?:spring|summer|autumn|winter|month|" + MONTHS + r"))\b")


def clauses(text: str) -> list[str]:
    """An answer's clauses, split at punctuation and at turns ("but", "now")."""
    return [c.strip() for c in re.split(r"[,.;?!]|\bbut\b|\bthough\b|\bhowever\b|\band now\b|\bnow\b",
                                        text) if c.strip()]


def parse_euss_status(text: str) -> str | None:
    text = normalise(text)
    if is_not_sure(text):
        return NOT_SURE
    if re.search(r"\b(haven'?t|have not|never|didn'?t|did not|not) (yet )?(applied|apply)\b", text):
        return "none"
    text = _respelt_status(text)
    if REFUSED.search(text) and not re.search(r"\b(appeal\w*|review|reapplied|re-?applied|applied again|"
                                              r"reapplying|waiting|pending|awaiting)\b|settled", text):
        return "none"  # "applied but was refused": no status, and no application waiting either
    # "pre-settled, applied to upgrade it to settled": the upgrade waited on is not the status held
    parts = [part.strip() for clause in clauses(text) for part in re.split(r"\band\b", clause)
             if part.strip()]
    upgrading = [clause for clause in parts if PENDING.search(clause) and UPGRADE.search(clause)]
    if upgrading and any(re.search(r"\bpre[- ]?settled\b", clause) and not PENDING.search(clause) and
                         not NEGATION.search(clause) and not FUTURE.search(clause) for clause in parts):
        # ("..., applied to upgrade to settled, waiting": a bare wait said with it is the upgrade's too)
        text = ", ".join(clause for clause in parts if clause not in upgrading and not _bare_wait(clause))
    waiting = [clause for clause in clauses(text)
               if PENDING.search(clause) and not HYPOTHETICAL.search(clause)]
    # "applied years ago and got something by email": an application answered long since, no wait
    # ("applied back in 2019 and was granted settled status": the application's outcome, no wait)
    answered = [clause for clause in waiting
                if (_past_application(clause) and OUTCOME_RECEIVED.search(clause))
                or (GRANTED.search(clause) and not NEGATION.search(clause))]
    waiting = [clause for clause in waiting if clause not in answered]
    named = [clause for clause in clauses(text) if re.search(
        r"\b(have|got|'ve|has|hold|granted|given|received)\b.{0,25}settled\b", clause)]
    if waiting and not (named and all(_past_application(clause) for clause in waiting)):
        return "pending"  # unless the application was how they got the status they name
    upgraded = any(re.search(r"\bfrom pre[- ]?settled (status )?to (full )?settled\b|\bto settled\b|"
                             r"\bnow (i have |got |have )?(full )?settled\b|"
                             # "pre-settled in 2021 and then settled this year": the later one held now
                             r"\bpre[- ]?settled\b[^.;]{0,60}?\b(?:then|later|since)\s(?:i\s)?(?:got\s|"
                             r"received\s|was given\s|was granted\s)?(?:full\s)?settled\b", clause)
                   for clause in [text, *clauses(text)] if not FUTURE.search(clause))
    if upgraded:
        return "settled"
    value: str | None = None
    for clause in clauses(text):
        if FUTURE.search(clause) or HYPOTHETICAL.search(clause):
            continue  # "applying for settled next year": not the status they have
        status = ("pre_settled" if re.search(r"\bpre[- ]?settled\b|\bpresettled\b|\blimited leave\b",
                                               clause) or TEMPORARY_STATUS.search(clause) else
                  "settled" if re.search(r"\bsettled\b|\bindefinite leave\b|\bilr\b|\bpermanent\b",
                                         clause) else None)
        if status and NEGATION.search(clause.split("settled")[0].split("status")[0] + " "):
            value = value or "none"
            continue
        if status:
            value = status
    if value:
        return value
    five_years = FIVE_YEAR_GRANT.search(text)
    if five_years and not NEGATION.search(text) and not FUTURE.search(text):
        return "pre_settled"  # "I got the 5 year one": pre-settled status is granted for five years
    if answered:
        return NOT_SURE  # an outcome received, the status it gave not named
    if re.search(r"\b(neither|none|no status|nothing|not got (one|either|any))\b", text):
        return "none"
    if re.search(r"\b(?:missed|past|after|too late for) the (?:deadline|cut[- ]?off)\b|"
                 r"\b(?:didn'?t|did not|never) apply (?:in time|before the deadline)\b|\btoo late to apply\b",
                 text):
        return "none"  # the scheme's deadline passed without an application (one made late is pending)
    yes_no = parse_yes_no(text)
    if yes_no == NO:
        return "none"
    return None


# Pre-settled status by what it is, the temporary one of the two (settled is the permanent one): "the
# temporary one", "temporary status" (not "a temporary work visa")
TEMPORARY_STATUS = re.compile(r"\b(?:the|my|a|got|have)\s(?:temporary|temp)\s(?:one|status|version|kind|type|"
                              r"thing|leave)\b|\btemporary (?:status|leave)\b")
UPGRADE = re.compile(r"\b(upgrad\w*|(?:to|for) (?:full )?settled)\b")
# Pre-settled status by its length: "the 5 year one", "got five years", "a five-year status"
FIVE_YEAR_GRANT = re.compile(r"\b(?:the|a|my)\s(?:5|five)[\s-]?(?:years?|yrs?)\s(?:one|status|leave|grant|"
                             r"thing|version|kind|type|permission)\b|"
                             r"\b(?:got|given|granted|gave me|awarded)\s(?:the\s|a\s)?(?:5|five)\s"
                             r"(?:years?|yrs?)\b")
# A decision received: "was granted", "got given", "been awarded"
GRANTED = re.compile(r"\b(?:was|were|been|got|have been|has been)\s(?:granted|given|awarded|approved)\b")
REFUSED = re.compile(r"\b(refused|rejected|denied|turned down|declined|unsuccessful)\b")
# "if I'd applied", "I would have": what would be, not what is.
HYPOTHETICAL = re.compile(r"\b(would|could|might|if i'?d|if i had|i'?d have|should have)\b")
PENDING = re.compile(r"\b(applied|waiting|pending|awaiting|application|in progress|not heard|submitted|"
                     r"sent (?:it|mine|my \w+) off|no (?:answer|reply|response|word) (?:yet|back)|"
                     r"certificate of application|still processing|being processed|no decision)\b")
# An answer to an application received: "got something by email", "heard back", "got a letter"
OUTCOME_RECEIVED = re.compile(r"\b(?:got|received|had|heard)\s(?:back|something|an? (?:email|e-mail|letter|"
                              r"decision|reply|response|answer|grant)|my (?:decision|letter|email|grant)|"
                              r"it|one)\b")
STATUS_SPELLINGS = {"settled": "settled", "presettled": "pre-settled", "pre-settled": "pre-settled"}
REAL_WORDS = frozenset({"settle", "settler", "settlers", "settles", "settling", "startled", "shuttled"})


def _bare_wait(clause: str) -> bool:
    """ "waiting", "still pending", "no decision yet": a wait that names no status of its own."""
    return bool(PENDING.search(clause)) and not re.search(r"settled|\bstatus\b|\beuss\b|\bscheme\b", clause)


def _past_application(clause: str) -> bool:
    """ "I applied in 2021", "applied years ago": how they got a status they name, not a wait."""
    return bool(re.search(r"\bapplied\b.{0,20}\b((?:19|20)\d\d|ago|last year|back in)\b", clause)) and \
        not re.search(r"\b(waiting|pending|awaiting|not heard|no decision|in progress|still|for)\b",
                      clause)


def _respelt_status(text: str) -> str:
    """ "setled", "presetled": a word one slip away from a status name, spelt right."""
    import difflib

    def respell(match: re.Match[str]) -> str:
        word = match.group(0)
        if word in STATUS_SPELLINGS or word in REAL_WORDS or word[0] not in "sp":
            return word
        close = difflib.get_close_matches(word, list(STATUS_SPELLINGS), n=1, cutoff=0.85)
        return STATUS_SPELLINGS[close[0]] if close else word

    return re.sub(r"[a-z][a-z-]{4,14}", respell, text)


VISA_WORDS = (r"\b(visa|work permit|tier (1|2|5|one|two|five)|skilled worker|spouse|family|partner|"
              r"dependa[nt]+|graduate|"
              r"ilr|indefinite leave|leave to remain|permanent residen\w*|brp|residence permit|"
              r"health and care|care worker|youth mobility|ancestry|global talent|settled|"
              r"settlement|right to work|british citizen|naturali[sz]ed)\b")


# A visit visa (or a visit without one) is no permission to live here.
VISIT_VISA = re.compile(r"\b(visit|visitor|visitors|tourist|holiday)\s(visa|permit|leave)\b|\bvisa[- ]free\b|"
                        r"\bon an? (e-?)?visa waiver\b")


ENDED_PERMISSION = re.compile(r"\b(?:it|that|mine|which|visa|permission|leave|permit|one)\s+"
                              r"(?:has\s+|had\s+|'s\s+)?(?:expired|ran out|run out|lapsed|ended|"
                              r"ran its course|was cancelled|was revoked|was curtailed|isn'?t valid|"
                              r"is no longer valid)\b")


def parse_other_permission(text: str) -> str | None:
    text = normalise(text)
    if is_not_sure(text):
        return NOT_SURE
    if re.search(r"\b(no|not|don'?t|haven'?t|without)\b[^,.;]{0,20}\b(visa|permission|leave)\b|"
                 r"^(i )?(don'?t|do not|haven'?t|have not) (have|got) (one|any|it)\b|^(i have )?none\b",
                 text):
        return NO
    text = _respelt_visas(text)
    if ENDED_PERMISSION.search(text) and not re.search(
            r"\b(now|new|renewed|another|extended|extension|currently|still|applied|applying|pending|"
            r"waiting|awaiting|i have|i'?ve got)\b", unrenewed(text)):
        return NO  # "I had one but it ran out": not one they hold (nor a new one, nor one applied for)
    if VISIT_VISA.search(text) and not NEGATION.search(text) and not re.search(r"\b(also|and|now)\b", text):
        return NO  # "on a visitor visa": no permission to live here
    if _only_an_identity_document(text):
        return NO  # "just my Italian ID card": a citizen's own document is no other permission
    answer = parse_yes_no(text)
    if answer is not None:
        return answer
    if re.search(VISA_WORDS, text) or BNO.search(text) or OTHER_PERMISSION_NAMED.search(text):
        return YES
    return None


# Permissions named without a visa word: "refugee", "Homes for Ukraine", "ARAP"
OTHER_PERMISSION_NAMED = re.compile(r"\b(refugee|humanitarian|asylum granted|granted asylum|ukrain\w*|"
                                    r"afghan\w*|arap|acrs|stateless|discretionary leave|dlr)\b")
# A citizen's own document: "my Italian ID card", "national identity card", "Polish passport"
ID_DOCUMENT = re.compile(r"\b(?:(?:national\s)?(?:id|identity|identification)(?:\s(?:card|document))?|"
                         r"passport)s?\b")
# Said to be all they have: "just", "only", "nothing else", "that's it"
ONLY_THAT = re.compile(r"\b(?:just|only|nothing else|nothing more|that'?s (?:it|all)|no other)\b")
# Words of a permission, or of one on its way, besides the document
PERMISSION_BESIDES = re.compile(r"\b(?:residen\w*|permit|permission|leave|status|applied|applying|pending|"
                                r"waiting|awaiting|sponsor\w*|euss|scheme)\b")


def _only_an_identity_document(text: str) -> bool:
    """ "just my Italian ID card", "only my passport, that's it": a national ID card or passport,
    said as all they hold (or as the whole answer), and no permission named besides."""
    if not ID_DOCUMENT.search(text) or re.search(VISA_WORDS, text) or BNO.search(text) or \
            OTHER_PERMISSION_NAMED.search(text) or PERMISSION_BESIDES.search(text):
        return False
    return bool(ONLY_THAT.search(text)) or (len(text.split()) <= 5 and "?" not in text and
                                            not NEGATION.search(text))


def parse_immigration_status(text: str) -> str | None:
    text = normalise(text)
    if is_not_sure(text):
        return NOT_SURE
    if re.search(r"\basylum\b", text) and re.search(r"\b(waiting|wait|pending|awaiting|no (decision|answer)|"
                                                   r"for (an? |my )?(answer|decision))\b", text) and \
            not re.search(r"\b(granted|accepted|approved|successful|got)\b", text):
        return "asylum_seeker"  # "asylum, still waiting for an answer"
    if re.search(r"\basylum\b", text) and APPEALING.search(text) and not APPEAL_ENDED.search(text):
        return "asylum_seeker"  # "refused asylum, appealing now": the claim is still open
    text = _respelt_visas(unquoted(text))
    # a status they may have later is not the one they have ("no new visa" names none held)
    said = [(clause, _status_in(NO_NEW_ONE.sub(" ", clause))) for clause in clauses(text) or [text]
            if not FUTURE.search(clause)]
    said = [(clause, value) for clause, value in said if value is not None]
    if any(not HELD_BEFORE.search(clause) for clause, _ in said):
        # "graduate visa now, I was on a student one before": the status held now, not the one before
        said = [(clause, value) for clause, value in said if not HELD_BEFORE.search(clause)]
    found = [value for _, value in said]
    if re.search(r"\b(?:ukrain\w*|afghan\w*)\b", text) and \
            any(SCHEME_NAMED.search(clause) and not FUTURE.search(clause) for clause in clauses(text)) and \
            not any(SCHEME_NAMED.search(clause) for clause, _ in said):
        found.append("exempt_leave")  # "Ukrainian, came over in 2022 on the sponsorship scheme"
    if not found and ENDED.search(text) and not STILL_LEAVE.search(unrenewed(text)):
        # "my visa expired", "it ran out and I haven't renewed", "... haven't got a new one": no
        # permission now
        return "none"
    # A specific status said anywhere ("ARAP, came over with my family") wins over a generic one;
    # otherwise the latest statement wins ("I was on a student visa, now a graduate visa").
    for specific in ("asylum_seeker", "protection", "exempt_leave"):
        if specific in found:
            return specific
    return found[-1] if found else None


# British National (Overseas), the Hong Kong route: "BN(O) visa", "BNO", "British National Overseas"
BNO = re.compile(r"\bbn\s?\(?o\)?(?!\w)|\bbritish nationals? \(?overseas\b|"
                 r"\bhong kong (?:visa|route|scheme)\b")
# A status said to be held before, not now: "I was on a student one before", "previously a dependant"
HELD_BEFORE = re.compile(r"\b(?:i was(?! (?:granted|given|awarded|issued|approved|accepted|recognised))|"
                         r"i were|i'?d been|i had been|used to (?:be|have)|previously|formerly|"
                         r"originally|at first|before that)\b|\bbefore\s*$")
# Quote marks round words, not apostrophes inside them: "leave 'outside the rules'"
QUOTE_MARKS = re.compile(r"\"|(?<![a-z])'|'(?![a-z])")


def unquoted(text: str) -> str:
    """ "leave 'outside the rules'": the words, their quote marks left out."""
    return " ".join(QUOTE_MARKS.sub("", text).split())


APPEALING = re.compile(r"\b(?:appealing|appealed|(?:on|in|under|lodged an|lodged|waiting on|waiting for|"
                       r"awaiting) (?:the |an |my )?appeal)\b")
APPEAL_ENDED = re.compile(r"\b(?:no|not|never|didn'?t|without)\b[^,.;]{0,15}\bappeal|"
                          r"\bappeal\w*\b[^,.;]{0,20}\b(?:refused|rejected|dismissed|failed|lost|unsuccessful|exhausted|granted|won|"
                          r"successful|allowed)\b|\bappeal rights\b")
# A permission that has ended; and what keeps one going (an application made in time, a renewal).
ENDED = re.compile(r"\b(?:visa|leave|permission|permit|status|brp|it|mine|that)\b[^,;]{0,25}?\b(?:ran out|"
                   r"has run out|run out|expired|lapsed|ended|was cancelled|was revoked|was curtailed|"
                   r"(?:is|isn'?t) (?:no longer )?valid)\b|\bexpired (?:visa|leave|permission)\b")
STILL_LEAVE = re.compile(r"\b(?:applied|applying|pending|waiting|awaiting|extended|extension|in progress|"
                         r"3c|appeal\w*|new|now|another|switched|currently|still valid|valid until|"
                         r"renew(?:ed|ing|al))\b")
NOT_RENEWED = re.compile(r"\b(?:haven'?t|havent|have not|hasn'?t|not|never|didn'?t|did not|no)\s+"
                         r"(?:yet\s+|been\s+)?renew(?:ed|ing|al)?\b")
# No permission since the one that ended: "haven't got a new one", "never got another", "no new visa"
NO_NEW_ONE = re.compile(r"\b(?:haven'?t|havent|have not|hasn'?t|has not|didn'?t|did not|don'?t|do not|"
                        r"never|not)\s(?:yet\s|ever\s)?(?:got|get|gotten|have|had|received|"
                        r"been (?:given|granted))\s(?:(?:a\s|any\s)?(?:new|another|other|replacement|fresh)\b"
                        r"(?:\s(?:one|visa|permit|permission|leave))?|(?:anything|something)\s(?:new|else)\b)|"
                        r"\bnothing\s(?:new|else)\b|"
                        r"\bno\s(?:new|other|replacement|fresh)\s(?:one|visa|permit|permission|leave)\b|"
                        r"\bwithout\s(?:a\s|any\s)?(?:new|another)\b(?:\s(?:one|visa))?")
VISA_SPELLINGS = ("skilled", "worker", "refugee", "humanitarian", "indefinite", "discretionary",
                  "dependant", "asylum", "spouse", "student", "graduate", "settlement", "ukrainian",
                  "afghan", "stateless", "permission", "protection")
NOT_VISA_WORDS = frozenset({"worked", "workers", "works", "students", "graduated", "graduates", "studied",
                            "spouses", "skills", "settled", "dependent", "afghans", "killed", "refuge",
                            "refuges", "sponsor", "sponsored", "stated", "states"})


def unrenewed(text: str) -> str:
    """The text without what says no renewal or new permission came ("haven't got a new one",
    "nothing new"), so that its "new" is not read as one held."""
    return NO_NEW_ONE.sub(" ", NOT_RENEWED.sub(" ", text))


def _respelt_visas(text: str) -> str:
    """ "skiled worker", "refugge": a word one slip from a word that names a status, spelt right."""
    import difflib

    def respell(match: re.Match[str]) -> str:
        word = match.group(0)
        if word in VISA_SPELLINGS or word in NOT_VISA_WORDS:
            return word
        close = difflib.get_close_matches(word, [v for v in VISA_SPELLINGS if v[0] == word[0]], n=1,
                                          cutoff=0.85)
        return close[0] if close else word

    return re.sub(r"\b[a-z]{5,14}\b", respell, text)


# A student, said by itself as the status: "student", "I'm an international student", "here as a student"
STUDENT_ALONE = re.compile(r"(?:i'?m |i am |im )?(?:(?:just |only )?(?:here|in the uk|over here) as )?"
                           r"(?:an? |on an? )?(?:international |overseas |foreign |child )?"
                           r"(?:student|students)(?: one| status)?[.!]*")


def _status_in(clause: str) -> str | None:
    if re.search(r"\b(asylum seeker|seeking asylum|claimed asylum|claim(ing)? asylum|applied for "
                 r"asylum|asylum (claim|application|case|interview|hearing|appeal)|"
                 r"waiting for (an |my )?asylum|"
                 r"awaiting (an |my )?asylum|pending asylum)\b", clause) and not re.search(
                     r"\b(granted|accepted|approved|successful)\b", clause):
        return "asylum_seeker"
    if re.search(r"\b(refugee|refuge status|humanitarian protection|hp|granted asylum|got asylum|"
                 r"asylum granted)\b",
                 clause) or (re.search(r"\basylum\b", clause) and re.search(
                     r"\b(granted|accepted|approved|successful)\b", clause) and not NEGATION.search(clause)
                                 and not ASYLUM_REFUSED.search(clause)):
        # ("granted after my asylum claim was refused": what was granted is some other leave)
        return "protection"
    # ("DLR": discretionary leave to remain, by its letters)
    if re.search(r"\b(stateless|homes for ukraine|arap|acrs|discretionary leave|dlr|"
                 r"calais|section 67|"
                 r"leave outside (the )?(immigration )?rules|lotr)\b", clause) or \
            NATIONAL_SCHEME.search(clause):
        # ("Ukrainian", "Afghan" by themselves are a nationality, not the scheme)
        return "exempt_leave"
    if re.search(r"\b(visa|leave|permission|permit|status)\b[^,;]{0,25}\b(ran out|run out|runs out|"
                 r"expired|lapsed|ended|was cancelled|was revoked|was curtailed)\b|\bexpired (visa|leave)\b",
                 clause) or NOT_VALID.search(clause):
        if re.search(r"\b(overstay\w*|stayed( on)?|still here|remained)\b", clause):
            return "none"  # "my visa ran out and I stayed on": no permission now
        return None  # a permission that has ended is not one they hold (said with what they hold now)
    if re.search(r"\bgraduate (visa|route)\b|\bpost[- ]study\b|\btier (1|2|5|one|two|five)\b", clause) or \
            BNO.search(clause):
        return "other_permission"
    if STUDENT_ALONE.fullmatch(clause):
        return "study"  # the status named by itself, as the option says it: "student", "here as a student"
    if re.search(r"\b(student|study|studying|tier 4|tier four)\b.{0,15}\b(visa|permit|route|leave)\b|"
                 r"\b(student|study) visa\b|\bon a student\b|\btier 4\b|\bchild student\b", clause) or \
            STUDYING_ON_A_VISA.search(clause):
        # "not a student visa" says what it isn't: another clause may say what it is
        return None if _negated(clause, clause.find("stud")) else "study"
    if NO_VALID_ONE.search(clause) or re.search(r"\b(no permission|no visa|no status|no leave|undocumented|"
                 r"no (?:legal )?papers|without papers|overstay\w*|nothing|none|"
                 r"don'?t have any|do not have any|haven'?t got any|i have none|"
                 r"don'?t have (a |any )?(visa|permission|status)|haven'?t got (a |any )?"
                 r"(visa|permission))\b", clause):
        return "none"
    visitor = re.search(r"\b(?:i'?m|i am|im) (?:just |only )?(?:a |here as a )?(?:visitor|tourist)\b", clause)
    if (VISIT_VISA.search(clause) or visitor) and not NEGATION.search(clause):
        return "none"  # a visit visa is no permission to live here
    generic = re.fullmatch(r"(i (have|got) |i'?ve got |(?:i'?m |i am |im )?(?:here |living here )?on )?"
                           r"(a |an |my )?(visa|brp( card)?|biometric residence "
                           r"(permit|card)|residence (permit|card)|leave to remain)( card)?", clause)
    if re.search(VISA_WORDS, clause) and not generic:
        return "other_permission"  # a bare "I have a visa" or "a BRP" doesn't say which: asked again
    return None


# Ukraine's and Afghanistan's schemes by the nation's name: "Ukraine scheme", "Ukraine Permission
# Extension", "Afghan citizens resettlement scheme" (the nationality alone, "Afghan", names none)
NATIONAL_SCHEME = re.compile(r"\b(?:ukrain\w*|afghan\w*)\s(?:[a-z]+\s){0,2}?(?:scheme|visa|route|permission|"
                             r"leave|extension|sponsorship|relocation\w*|resettlement|family)\b")
# A scheme named without its nation: "the sponsorship scheme", "came on the resettlement scheme"
SCHEME_NAMED = re.compile(r"\b(?:scheme|sponsorship|relocation\w*|resettlement)\b")
# An asylum claim refused, and no appeal said to have won it: "after my asylum claim was refused"
ASYLUM_REFUSED = re.compile(r"\basylum\b(?:\s(?:claim|application|case))?\s(?:was\s|got\s|been\s|"
                            r"had been\s)?(?:refused|rejected|denied|turned down|unsuccessful)\b"
                            r"(?![^,.;]{0,40}\bappeal)|"
                            r"\b(?:refused|rejected|denied)\s(?:my\s|me\s)?asylum\b(?![^,.;]{0,40}\bappeal)")
# Studying here on a visa whose kind is not named, so the study one: "studying at uni here on a visa",
# "at college on a visa", "here on a visa for my degree"
STUDYING_ON_A_VISA = re.compile(r"\b(?:studying|student|at uni\w*|at college|doing (?:a|my) "
                                r"(?:degree|masters?|course))\b[^,;.]{0,30}?\bon (?:a|an|my) visa\b|"
                                r"\bon (?:a|an|my) visa\s(?:to study|for (?:my )?(?:studies|uni\w*|course|"
                                r"degree|masters?))\b")
# A permission said to be valid no more: "my visa isn't valid any more", "it's no longer valid"
NOT_VALID = re.compile(r"\b(?:visa|leave|permission|permit|status|brp|it|mine)(?:'s|\sis)?\s(?:isn'?t|"
                       r"is not|not|no longer|wasn'?t|not even)\s(?:valid|current|in date)\b|"
                       r"\binvalid (?:visa|leave|permission|permit|status)\b|"
                       r"\b(?:visa|leave|permission|permit|status)\s(?:is\s)?invalid\b")
# None held that is valid: "no valid visa", "without a current visa", "no legal status"
NO_VALID_ONE = re.compile(r"\b(?:no|without (?:a|any)|not got (?:a|any)|don'?t have (?:a|any)|haven'?t got "
                          r"(?:a|any))\s(?:valid|current|legal|in[- ]date|active|lawful)\s(?:visa|leave|"
                          r"permission|permit|status|papers|right to (?:stay|remain|be here))\b")


# "it expires before that", "runs out before the end": before the apprenticeship ends
EXPIRES_BEFORE = re.compile(r"\b(expir\w*|ends?|runs? out|running out|lapses?|finish\w*)\s(?:\w+\s){0,2}?"
                            r"before\s(?:that|then|it (?:ends|finishes|does)|the end|the apprenticeship|"
                            r"techtrack|the programme|the course)\b")


def parse_permission_lasts(text: str, today: date | None = None) -> str | None:
    """Whether their status lasts the whole apprenticeship: yes/no, or an expiry ("my visa runs
    out in 8 months", "it expires in 2029") compared with the apprenticeship's length."""
    text = normalise(text)
    today = today or date.today()
    if is_not_sure(text):
        return NOT_SURE
    lasting = re.search(r"\b(no expiry|doesn'?t expire|never expires|indefinite|permanent|settled|"
                        r"for life|ilr|forever|british citizen|citizenship|naturali[sz]ed)\b", text)
    hoped = [match.span() for match in RENEWAL_PLANNED.finditer(text)]
    if lasting and any(start <= lasting.start() < end for start, end in hoped):
        lasting = None  # "hopefully I'll have settled before then": an upgrade to come, not held
    if lasting and not re.search(r"\bpre[- ]?settled\b", text) and (
            lasting.group(1) in ("no expiry", "doesn't expire", "doesnt expire", "never expires") or
            not NEGATION.search(text[:lasting.start()])):
        return YES  # ("not settled yet" is no such status)
    if UNLESS_GRANTED.search(text):
        return NOT_SURE  # "only if my extension gets approved": lasting hangs on a decision to come
    renewal = RENEWAL_PLANNED.search(text)
    if renewal and EXPECTED_FINE.search(text):
        return NOT_SURE  # "I'll renew it halfway through, should be fine": for the team to check
    if renewal and RENEWED_DURING.search(text) and not re.search(
            r"\b(applied|extended|renewed|pending|waiting|awaiting|in progress)\b", text):
        return NO  # "I'd have to renew it halfway through": it runs out during the apprenticeship
    before_the_end = EXPIRES_BEFORE.search(text)
    if before_the_end and not _negated(text, before_the_end.start(), verbs=True) and not re.search(
            r"\b(applied|extended|renewed|pending|waiting|awaiting|in progress)\b", text):
        return NO  # "it runs out before then, I'll have to extend it": an extension not yet held
    grant = next((found for found in (grant.search(text) for grant in GRANTS) if found), None)
    if grant:
        return _left_of_a_grant(grant, today)  # (asked again when what is left may be either side)
    months = None
    match = re.search(r"\b(in|after|another|for|left|got)\s+(?:about |around |only |just )?"
                      r"(\d+(?:\.\d+)?|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|"
                      r"twelve)\s+(months?|years?|weeks?)\b", text)
    if not match:
        # "5 years left on it", "about a year to go": what is left, said first
        match = re.search(r"(?:^|\s)(?:about |around |only |just |roughly )?()(\d+(?:\.\d+)?|a|an|one|two|"
                          r"three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+(months?|years?|weeks?)"
                          r"\s+(?:left|remaining|to go|more)\b", text)
    if not match:
        # "valid 3 more years", "another two years on it"
        match = re.search(r"(?:^|\s)()(\d+(?:\.\d+)?|a|an|one|two|three|four|five|six|seven|eight|nine|ten|"
                          r"eleven|twelve)\s+more\s+(months?|years?|weeks?)\b", text)
    if not match:
        match = TIME_ON_IT.search(text)  # "pre-settled still has 3 years on it"
    if match:
        amount_text = match.group(2)
        amount = float({"a": 1, "an": 1}.get(amount_text, 0) or
                       (numbers(amount_text)[0][0] if numbers(amount_text) else 0))
        unit = match.group(3)
        months = amount * (12 if unit.startswith("year") else 1 / 4.3 if unit.startswith("week") else 1)
        if months == 24 and " more " not in match.group(0) and not renewal and \
                not re.search(r"\b(over|more than)\s*$", text[:match.start(2)]):
            return NOT_SURE  # "2 years left": just the apprenticeship's length, which is up to two years
    if months is None and (re.search(r"\b(expir\w*|ends?|runs? out|valid|until|till|to)\b", text) or
                           DOCUMENT_SAYS.search(text)):
        months = _months_to_expiry(text, today)
    if months is None and re.search(r"\b(next year|this year|soon|few months|(next|this|in the) "
                                    r"(spring|summer|autumn|winter|month)|next (january|february|march|"
                                    r"april|may|june|july|august|september|october|november|december))\b",
                                    text) and \
            re.search(r"\b(expir\w*|ends?|runs? out|renew)\b", text):
        if renewal and re.search(r"\bnext year\b", text):
            return NOT_SURE  # "ends next year, I'll apply to extend": a rough date and an extension to come
        months = 6
    if months is None and renewal and re.search(r"\b(expir\w*|ends?|runs? out|running out)\b", text):
        months = _months_to_a_month(text, today)  # "it runs out in june": the next June to come
    if months is not None and months < 24 and renewal and (
            months >= 12 or re.search(r"\bpre[- ]?settled\b", text) or
            LASTING_UPGRADE.search(renewal.group(0))):
        # "pre-settled ends in 2027, I'll apply for settled before", "expires in 2028, I'll renew it",
        # "runs out in June, I'll be applying for ILR before then": upgraded or renewed in time? (one
        # running out within the year, only renewed, is a no)
        return NOT_SURE
    if months is not None:
        return YES if months >= 24 else NO
    return parse_yes_no(text)


# Lasting only if a decision to come goes their way: "only if my extension gets approved", "if the
# renewal goes through", "if they extend it"
UNLESS_GRANTED = re.compile(r"\bif\s(?:my\s|the\s|our\s)?(?:extension|renewal|application|new visa|visa|"
                            r"leave|it|settled status|upgrade)\s(?:\w+\s)?(?:gets?|is|goes|comes|will be)\s"
                            r"(?:approved|granted|accepted|through|renewed|extended|back)\b|"
                            r"\bif\s(?:they|the home office)\s(?:extend|renew|approve|grant)\b|"
                            # "unless I get settled by then", "unless we're granted ILR"
                            r"\bunless\s(?:i|we|she|he)\s(?:get|am granted|'?m granted|'?re granted|"
                            r"are granted|upgrade to|switch to|move to)\s(?:full\s|my\s|an?\s)?"
                            r"(?:settled|ilr|indefinite leave|extension|renewal|new visa)\b")
# Time left on a permission, said as what it still has: "pre-settled still has 3 years on it", "my visa
# has got 2 years on it", "there's 30 months on the card" (the unit after the amount)
TIME_ON_IT = re.compile(r"\b(?:has|have|got|still|there'?s|there is)\s(?:got\s)?"
                        r"(?:about |around |only |just |roughly |another |over )?"
                        r"()(\d+(?:\.\d+)?|a|an|one|two|three|four|five|six|seven|"
                        r"eight|nine|ten|eleven|twelve)\s(months?|years?|weeks?)\s(?:left\s)?on\s"
                        r"(?:it|the\s\w+|my\s\w+|mine)\b")
# A renewal or an upgrade to come ("I'll have to renew it", "I'll apply for settled before then", "I'll
# be applying for an extension"), or open to them ("I can extend it", "it can be renewed")
RENEWAL_PLANNED = re.compile(r"\b(?:i'?ll|i will|i'?m going to|going to|gonna|i'?d|have to|need to|"
                             r"planning to|plan to|i can|i could|i'?m able to|i am able to)\s(?:be\s)?"
                             r"(?:have to\s|need to\s)?(?:apply to\s)?"
                             r"(?:renew(?:ing)?|extend(?:ing)?|"
                             r"apply(?:ing)? for (?:full )?(?:settled|settlement|ilr|indefinite leave|"
                             r"(?:british )?citizenship|naturali[sz]ation)|"
                             r"apply(?:ing)? for (?:an? )?(?:extension|renewal)|"
                             r"upgrad(?:e|ing))\b|\b(?:it|which|that)\s(?:can|could)\sbe\s(?:renewed|extended)\b|"
                             r"\b(?:renewable|extendable)\b|"
                             # "hopefully I'll have settled before then": the upgrade, hoped for
                             r"\b(?:i'?ll|i will|i should|i'?d|hopefully)\s(?:hopefully\s)?(?:have|get|be)\s"
                             r"(?:got\s|been granted\s|upgraded to\s|moved to\s|switched to\s)?(?:full\s)?"
                             r"(?:settled|ilr|indefinite leave)\b")
# A renewal said to fall within the apprenticeship: "halfway through", "partway through", "during it"
RENEWED_DURING = re.compile(r"\b(?:halfway|half way|half-way|partway|part way|part-way|midway|mid-way|"
                            r"mid way)(?:\sthrough)?\b|\bin the middle(?:\sof (?:it|the apprenticeship|"
                            r"the course|the programme|techtrack))?\b|"
                            r"\b(?:during|before the end of)\s(?:it|the apprenticeship|the course|"
                            r"the programme|techtrack)\b")
# A document showing the expiry: "my BRP says 2030", "the card shows march 2028"
DOCUMENT_SAYS = re.compile(r"\b(?:brp|card|visa|permit|e-?visa|it)\s(?:says|shows|reads)\b")
# An expiry's year, its month perhaps named before it: "expires in 2028", "ends march 2027"
EXPIRY_YEAR = re.compile(r"\b(?:(" + MONTHS + r")\.?\s)?(20\d\d)\b")


# An upgrade to a status with no end: "apply for ILR", "have settled", "apply for citizenship"
LASTING_UPGRADE = re.compile(r"\b(?:settled|settlement|ilr|indefinite leave|citizenship|naturali[sz]ation)\b")
# An expiry said by its month alone: "runs out in june", "expires at the end of march"
EXPIRY_MONTH = re.compile(r"\b(?:expir\w*|ends?|runs? out|running out)\s(?:in\s|on\s|at the end of\s|"
                          r"the end of\s|end of\s)?(" + MONTHS + r")\b"
                          r"(?!\.?,?\s(?:\d{1,2}(?:st|nd|rd|th)?,?\s)?(?:19|20)\d\d)")


def _months_to_a_month(text: str, today: date) -> int | None:
    """Months from now to an expiry said by its month alone ("it runs out in june"): the next such
    month to come (within the year)."""
    expiry = EXPIRY_MONTH.search(text)
    if not expiry or re.search(r"\b(?:19|20)\d\d\b", text):
        return None
    return (MONTH_NUMBERS[expiry.group(1)] - today.month) % 12 or 12


def _months_to_expiry(text: str, today: date) -> int | None:
    """Months from now to an expiry said by its year: to its month when named, else to the year's
    start (the earliest it may be: "runs out in 2028" may not cover a start still to come)."""
    expiry = EXPIRY_YEAR.search(text)
    if not expiry:
        return None
    month = MONTH_NUMBERS.get(expiry.group(1) or "", 1)
    return (int(expiry.group(2)) - today.year) * 12 + month - today.month
# The renewal expected or hoped to go through: "should be fine", "hopefully that goes through"
EXPECTED_FINE = re.compile(r"\b(?:should be (?:fine|ok|okay|alright|no problem)|shouldn'?t be (?:a|an) "
                           r"(?:problem|issue)|no problem|will be fine|fingers crossed|"
                           r"hopefully\s(?:\w+\s){0,3}?(?:goes through|go through|gets? (?:approved|accepted|"
                           r"granted)|(?:will )?be (?:fine|ok|okay|alright|approved|granted)|works? out))\b")
AMOUNT_WORDS = r"\d{1,2}|a|an|one|two|three|four|five|six|seven|eight|nine|ten"
GRANT_VERBS = r"(?:granted|given|awarded|issued|approved)"
LENGTH = (r"(?P<amount>" + AMOUNT_WORDS + r")[\s-](?P<unit>years?|months?)"
          r"(?: (?:of )?(?:leave|visa|status|permission))?")
WHEN_GRANTED = (r"(?P<when>last year|this year|last month)|(?:in )?(?P<year>(?:19|20)\d\d)|"
                r"(?P<ago>\d{1,2}|a|one|two|three|four|five) (?P<ago_unit>years?|months?) ago")
# A permission said to be got: "I got it", "was granted it", "received mine"
GOT_IT = (r"(?:got|received|had|(?:was|were) (?:granted|given|awarded))\s(?:it|mine|that|this|them|my "
          r"(?:status|leave|visa|permission|brp))")
# "5 years granted last year", "granted 30 months of leave in 2025", "given 3 years ago for 5 years"
GRANTS = (re.compile(r"\b" + LENGTH + r",? (?:was |were |that was )?" + GRANT_VERBS + r" (?:to me )?(?:"
                     + WHEN_GRANTED + r")\b"),
          re.compile(r"\b" + GRANT_VERBS + r" (?:for )?" + LENGTH + r" (?:" + WHEN_GRANTED + r")\b"),
          re.compile(r"\b" + GRANT_VERBS + r" (?:" + WHEN_GRANTED + r") for " + LENGTH + r"\b"),
          re.compile(r"\b" + LENGTH + r" (?:from|starting(?: in)?|since) (?:" + WHEN_GRANTED + r")\b"),
          # "refugee status is 5 years, I got it last year": the length, then when they got it
          re.compile(r"\b" + LENGTH + r"[,;.]? (?:and |but )?(?:i |we )?" + GOT_IT + r" (?:"
                     + WHEN_GRANTED + r")\b"),
          # "got it in 2024 for 5 years", "I got it last year, it's 5 years"
          re.compile(r"\b" + GOT_IT + r" (?:" + WHEN_GRANTED + r")[,;]? (?:and )?(?:for |it'?s |it is |"
                     r"it lasts |which is )" + LENGTH + r"\b"))


def _left_of_a_grant(grant: re.Match[str], today: date) -> str | None:
    """ "refugee status, 5 years granted last year": what is left of a permission of a length granted
    at a time, against the apprenticeship's two years; None when what is left could fall either side."""
    said = grant.groupdict()
    length = _count(said["amount"]) * (12 if said["unit"].startswith("year") else 1)
    if said["when"] == "last year":
        elapsed = (today.month, today.month + 11)
    elif said["when"] == "this year":
        elapsed = (0, today.month - 1)
    elif said["when"] == "last month":
        elapsed = (1, 2)
    elif said["year"]:
        year = int(said["year"])
        if year > today.year:
            return None
        elapsed = (max(0, (today.year - year - 1) * 12 + today.month),
                   (today.year - year) * 12 + today.month - 1)
    else:
        yearly = said["ago_unit"].startswith("year")
        ago = _count(said["ago"]) * (12 if yearly else 1)
        elapsed = (max(0, ago - (6 if yearly else 1)), ago + (6 if yearly else 1))
    least, most = length - elapsed[1], length - elapsed[0]
    return YES if least >= 24 else NO if most < 24 else None


def _count(amount: str) -> int:
    return {"a": 1, "an": 1}.get(amount) or int(numbers(amount)[0][0])


# --- funding, programmes, qualifications ------------------------------------------------------------

def parse_student_loan(text: str) -> str | None:
    text = normalise(text)
    if _doubted_loan_held(text):
        return YES  # "not sure if a master's loan counts, I'm getting one": student finance, held now
    doubt = LOAN_COUNT_DOUBTED.search(text)
    if doubt and REPAYING.search(doubt.group(1)) and REPAYING.search(text[doubt.end():]) and \
            not LOAN_HELD_AFTER.search(text[doubt.end():]):
        return NO  # "not sure if repaying counts... I'm repaying mine": one paid back is no loan now
    held = LOAN_FOR_A_COURSE.search(text)
    if held and STUDYING_ON_A_LOAN.search(text) and not NEGATION.search(text):
        return YES  # "got one for my nursing degree, still studying"
    if is_not_sure(text):
        return NOT_SURE
    if (STUDY_LOAN.search(text) or re.search(r"\b(?:loans?|finance|funding)\b", text)) and \
            not NEGATION.search(text) and \
            (COURSE_OVER_BEFORE_START.search(text) or
             (LEAVING_FOR_THIS.search(text) and not LOAN_NOW_AFFIRMED.search(text))):
        # "final year, got a maintenance loan, but I graduate in June before it starts", "a loan for
        # my degree but I'd drop out to do this": a loan now, for a course that ends (or would be
        # left) before the start: whether it still runs then is the admissions team's to check (a
        # yes said to the question, "I'd drop out to do this but yes I'm getting the loan right
        # now", answers it as asked)
        return NOT_SURE
    if re.search(r"\b(repay\w*|paying (it |that |them |mine |my loan )?(back|off)|pay (it|mine) back|"
                 r"paid (it |mine |them |that |my loan )?(?:all |fully |completely |in full )?off|"
                 r"paid (it |mine |them |that |my loan )?off in full|"
                 r"still paying|finished|graduated|old loan|"
                 r"pay (it |them |mine )?back|course ended|ended in|"
                 r"from uni|years ago|(loan|finance|funding) (has )?(stopped|ended|finished)|"
                 r"(left|dropped out of|quit|finished) (uni|university|college|my course|my degree)|"
                 r"dropped out|not (at|in) (uni|university|college|higher education)|"
                 r"not (a )?(uni |university )?student|not studying|"
                 r"(?:haven'?t|have not|havent|hasn'?t|wasn'?t|was not) been (?:a |an )?(?:uni |university |"
                 r"college |mature )?student|"
                 r"(?:stopped|withdrew from|quit|left|dropped) (?:my |the )?(?:uni |university |college )?"
                 r"(?:course|degree|studies)|cancel\w* (?:the |my )?(?:loan|finance|funding)|"
                 r"previous|used to|" + FROM_PAY + r")\b", text) and not re.search(
                     # ("yes I still have a student loan, paying it back": the debt, still had)
                     r"\b(currently|now|this year)\b.{0,20}\b(get|getting|receiv\w*|have|on)\b|"
                     r"\bstill\b.{0,20}\b(get|getting|receiv\w*)\b" if REPAYING.search(text) else
                     r"\b(currently|now|this year|still)\b.{0,20}\b(get|getting|receiv\w*|have|on)\b", text):
        return NO
    ended = LOAN_ENDED.search(text)
    if ended and not NEGATION.search(ended.group(0)) and \
            not re.search(r"\b(currently|now|still|new|another)\b", text):
        return NO  # "the loan for my PGCE stopped when I qualified": one they had
    if JOBSEEKING.search(text) and not re.search(r"\bloans?\b|\bfinance\b|\bstud\w*", text):
        return NO  # "on jobseeker's allowance": looking for work, not studying on student finance
    if OTHER_LOAN.search(text) and not STUDY_LOAN.search(text) and not re.search(
            r"\b(uni\w*|college|course|degree|studies|study|studying|tuition|fees)\b", text):
        return NO  # "a car loan", "a loan, but for the house": not student finance
    if SOMEONE_ELSES_STUDY.search(text) and not re.search(r"\b(i|i'?m|me|my own|mine)\b", text):
        return NO  # "the loan is for my wife's degree": the only loan said is someone else's
    if PAID_BY_OTHERS.search(text) and not re.search(r"\bloans?\b|\bfinance\b", text):
        return NO  # "my parents pay my fees", "work covers the course": paid for, not a loan
    only = ONE_LOAN_ONLY.search(text)
    if only and not NEGATION.search(text[:only.start()]):
        return YES  # "maintenance loan only, no tuition loan": one kind of student loan is a loan
    if LOAN_CONSIDERED.search(text) and not LOAN_HELD_NOW.search(text):
        return NO  # "thinking of applying for one next year": none now
    if LOAN_APPLIED.search(text) and COURSE_NOT_STARTED.search(text) and not LOAN_HELD_NOW.search(text):
        return NO  # "applied for one for September, the course hasn't started": not getting one now
    named = STUDY_LOAN.search(text)
    if named and LOAN_AFFIRMED.match(text, named.end()) and not NEGATION.search(text) and \
            not PAST_JOB.search(text):
        return YES  # "postgrad loan yes, doing my MSc part time": the loan named, then a yes to it
    if LOAN_HELD_SHORT.search(text):
        return YES  # "currently receiving one, yes"
    answer = parse_yes_no(text)
    if answer is not None:
        return answer
    without = re.search(r"\b(no|not|without|not on|not getting|don'?t get|don'?t have|never took)\s+"
                        r"(a\s+|any\s+|the\s+)?"
                        r"(student\s+)?(loans?|finance|funding)\b|\b(pay|paying|fund|funding)\s+(for\s+)?(my|the)\s+"
                        r"(own\s+)?(fees|course|studies)\b|\bpay my own\b|\bself[- ]funded\b|"
                        r"\b(pay|paying) for (it|them) myself\b", text)
    if without and without.group(0).startswith(("fund", "pay")) and \
            LOAN_NAMED_LAST.search(text[:without.start()]):
        without = None  # "I get SAAS funding for my course": the funding is student finance's
    if without:
        # "I'm a student but I pay my own fees, no loan": a student, with no loan funding; a loan
        # named as well ("my own fees but a maintenance loan") leaves it unclear.
        others = re.sub(r"\b(no|not|without|not on|not getting|don'?t get|don'?t have|never took)\s+"
                        r"(a\s+|any\s+|the\s+)?(student\s+)?(loans?|finance|funding)\b", "", text)
        return None if re.search(r"\bloans?\b|\bfinance\b", others) else NO
    loan = STUDY_LOAN.search(text)
    if loan and re.search(r"\b(now|right now|currently|this year|at the moment|this term|pays|covers|funds|"
                          r"(?:i'?m|i am|im) (?:doing|studying|taking)|"
                          r"funded by|paid by|covered by|paid for by|"
                          r"with (?:a|an|my|the)|(?:being |getting )?paid out|paying out|"
                          r"for (my|the|an?) (access|current|part[- ]time|level \d|college)\b|"
                          r"paying for|funding|pay (for it |for that )?with|paying (for it )?with|"
                          r"using|through)\b", text) and \
            not NEGATION.search(text) and not PAST_JOB.search(text):
        return YES  # "an advanced learner loan for my access course right now"
    getting = re.search(r"\b(getting|receiving|get|gets|receive|receives|on|have|has)\b.{0,25}\b("
                        r"student (loan|finance)|maintenance loan|tuition (fee )?loan|sfe|the loan|a loan|"
                        r"my loan)\b",
                        text) or (
        loan and re.search(r"\b(getting|receiving|get|receive|on|have|got)\b.{0,25}$", text[:loan.start()]))
    if getting and not _negated(text, getting.start(), verbs=True) and not NEGATION.search(getting.group(0)):
        return YES  # ("she doesn't get a loan", "I have never applied for student finance" are no yes)
    return None


# A doubt whether a loan counts, the loan named: "not sure if a postgraduate loan counts"
LOAN_COUNT_DOUBTED = re.compile(r"\b(?:not sure|unsure|not certain|don'?t know|dunno|no idea|wasn'?t sure|"
                                r"wondering)\s(?:if|whether)\s(?:a\s|an\s|my\s|the\s)?([a-z' ]{2,40}?)\s"
                                r"(?:counts?|would count|is included|applies|qualifies|is the same)\b")
# The loan then said to be held now: "and getting one", "I'm on it", "I get one"
LOAN_HELD_AFTER = re.compile(r"\b(?:getting|receiving|get|receive|on|have|got|i'?ve got|using)\s"
                             r"(?:one|it|that|that one|one now|it now)\b")


def _doubted_loan_held(text: str) -> bool:
    """ "not sure if a postgraduate loan counts, I'm halfway through a masters and getting one": a
    doubt whether a kind of student finance counts (it does), then that they get it now."""
    doubt = LOAN_COUNT_DOUBTED.search(text)
    if not doubt:
        return False
    rest = text[doubt.end():]
    if not STUDY_LOAN.search(doubt.group(1)):
        # "not sure if my course counts, ... student finance pays the fees": a doubt about the course,
        # then student finance said to pay for it (a tuition fee loan, held now)
        return bool(COURSE_DOUBTED.search(doubt.group(1))) and bool(STUDY_LOAN.search(rest)) and \
            not NEGATION.search(rest) and not LOAN_CONSIDERED.search(rest) and parse_student_loan(rest) == YES
    said = parse_student_loan(rest)
    if said in (NO, NOT_SURE) or NEGATION.search(rest) or LOAN_CONSIDERED.search(rest):
        return False  # ("..., I might get one", "..., I used to get one", "..., I don't get it yet")
    return said == YES or bool(LOAN_HELD_AFTER.search(rest))


# A course whose counting is doubted: "my course", "a HND", "the access course"
COURSE_DOUBTED = re.compile(r"\b(?:course|degree|hnd|hnc|foundation\w*|access|masters?|diploma|studies|"
                            r"qualification|uni\w*|college|apprenticeship|nursing|pgce)\b")
# Held now, said short: "currently receiving one, yes", "getting one now", "I'm on one at the moment"
LOAN_HELD_SHORT = re.compile(r"^(?:(?:i'?m|i am|im|i)\s)?(?:currently\s|still\s|now\s|at the moment\s)?"
                             r"(?:getting|receiving|get|receive|on|have|got)\s(?:one|it|that|that one)"
                             r"(?:\s(?:now|currently|at the moment|atm|this year))?"
                             r"(?:\s?[,.!-]?\s?(?:yes|yeah|yep|yh|aye))?\s?[.!]*$")


# A course said to end before the apprenticeship starts: "I graduate in June before it starts", "I'll
# have finished my degree before this begins"
COURSE_OVER_BEFORE_START = re.compile(r"\b(?:graduat\w*|finish\w*|complet\w*|done|over|ends?|ending)\b"
                                      r"[^.;]{0,30}?\bbefore\s(?:it|this|that|techtrack|the apprenticeship|"
                                      r"you|yours|then)\b(?:\s(?:starts?|begins?|kicks off))?")
# Leaving the course to take up the apprenticeship: "I'd drop out to do this", "would quit uni for it"
LEAVING_FOR_THIS = re.compile(r"\b(?:i'?d|i would|i'?ll|i will|i'?m going to|i am going to|going to|gonna|"
                              r"happy to|willing to|planning to|plan to|prepared to|would)\s(?:just\s)?"
                              r"(?:drop out|leave|quit|withdraw|stop)\b")
# Repayments taken from their pay: "it comes out of my wages", "through PAYE"
FROM_PAY = (r"(?:comes?|coming|taken|deducted|goes) (?:straight )?(?:out of|from|off) (?:my )?"
            r"(?:wages|salary|pay|payslip|paycheque|paycheck)|(?:through|via|on) paye")
# The loan affirmed as held now: "yes", "right now", "currently", "at the moment"
LOAN_NOW_AFFIRMED = re.compile(r"\b(?:yes|yeah|yep|yup|yh|aye|right now|currently|at the moment|atm)\b")
# Paying a loan back: "repaying", "paying it back", "paying mine off"
REPAYING = re.compile(r"\b(?:repay\w*|paying (?:it |that |mine |one |my loan )?(?:back|off)|" + FROM_PAY +
                      r")\b")
# A loan had for a course: "got one for my nursing degree", "I have a loan for my course"
LOAN_FOR_A_COURSE = re.compile(r"^(?:i\s|i'?ve\s)?(?:got|get|have|getting|receive)\s"
                               r"(?:one|a loan|it|the loan)\sfor\s(?:my|the)\s(?:[a-z]+\s){0,2}?"
                               r"(?:degree|course|studies|masters|uni\w*|diploma|foundation year)\b")
# Studying now: "still studying", "currently at uni", "in my second year"
STUDYING_ON_A_LOAN = re.compile(r"\b(?:still|currently|now)\s(?:studying|at uni\w*|at college|doing it|"
                                r"on the course|in (?:uni|university|college))\b|"
                                r"\bin my (?:first|second|third|final|last|\d(?:st|nd|rd|th)) year\b")
# A yes said straight after the loan it is to: "postgrad loan yes", "maintenance loan - yeah"
LOAN_AFFIRMED = re.compile(r"\s?[:,=-]?\s?(?:yes|yeah|yep|yup|yh|aye)\b")
# Jobseeker's Allowance, claimed while looking for work (not by students on student finance)
JOBSEEKING = re.compile(r"\bjob ?seekers?'?s?'? allowance\b|\bjsa\b")
# One kind of student loan, said to be the only one: "maintenance loan only", "just the tuition loan"
ONE_LOAN_ONLY = re.compile(r"\b(?:maintenance|tuition(?: fee)?) loan only\b|"
                           r"^(?:only|just) (?:the |a |my )?(?:maintenance|tuition(?: fee)?) loan\b")
# A loan thought about, not taken: "thinking of applying for one next year", "might apply for it"
LOAN_CONSIDERED = re.compile(r"\b(?:thinking of|thinking about|considering|planning to|plan to|planning on|"
                             r"might|may|hoping to|going to|gonna|will) (?:be )?(?:apply\w*|"
                             r"tak\w* (?:one |it )?out|get(?:ting)? one)\b")
# A loan applied for ("I've applied for one", "applied for student finance"), and a course that has
# not started yet ("haven't started", "doesn't start till September")
LOAN_APPLIED = re.compile(r"\b(?:applied|put in an application|sent (?:off )?(?:an|my|the) application)\s"
                          r"(?:for\s)?(?:one|it|a loan|the loan|a student loan|student finance|finance|sfe|"
                          r"(?:a |my |the )?(?:maintenance|tuition(?: fee)?|advanced learner) loan)\b")
COURSE_NOT_STARTED = re.compile(r"\b(?:haven'?t|have not|hasn'?t|has not|not|didn'?t|did not|yet to|"
                                r"doesn'?t|does not|won'?t|will not)\s(?:yet\s|actually\s)?start(?:ed)?\b|"
                                r"\bnot started\b|\b(?:starts?|starting|begins?) (?:in|next|this|from)\s")
LOAN_HELD_NOW = re.compile(r"\b(?:currently|already|at the moment|now|i have|i'?ve got|i get|i'?m on|"
                           r"i am on|i receive|still|(?:also |do )?have (?:one|it|a loan))\b")
# A student loan said to have ended: "the loan for my masters stopped", "my funding ran out"
LOAN_ENDED = re.compile(r"\b(?:loan|finance|funding)\b[^.;,]{0,25}?\b(?:stopped|ended|finished|ran out|"
                        r"ceased)\b")
# Someone else's course named as what a loan is for: "a student loan for my husband's course"
SOMEONE_ELSES_STUDY = re.compile(r"\bfor (?:my|our) (?:husband|wife|partner|spouse|mum|mom|mother|dad|father|"
                                 r"brother|sister|boyfriend|girlfriend|fiance|fiancee|friend|flatmate)'?s "
                                 r"(?:course|degree|studies|uni|university|tuition|fees|masters|phd)\b")
# Fees paid by someone, not borrowed: "my parents pay my fees", "my employer covers the course"
PAID_BY_OTHERS = re.compile(r"\b(?:my (?:parents|mum|mom|dad|family|grandparents|nan|gran|employer|company|"
                            r"boss|work|husband|wife|partner)|work|the company|my sponsor)\s(?:pays?|paid|"
                            r"covers?|covered|funds?|funded|is paying|are paying)\s(?:for\s)?"
                            r"(?:my|the|all my|all the)\s(?:fees|tuition|course|studies|degree|uni)\b")
# Student finance by its names, for undergraduates, postgraduates and adult learners, in each nation
# (SAAS is Scotland's, SFW Wales', SFNI Northern Ireland's)
STUDY_LOAN = re.compile(r"\b(advanced learner loan|tuition (fee )?loan|maintenance loan|"
                        # (the nations' names first: "student finance wales" is one name)
                        r"student finance (?:england|wales|ni|northern ireland|scotland)|"
                        r"student (loan|finance)|sfe|sf|"
                        r"saas|student awards agency|sfw|sfni|(?:postgrad\w* )?master'?s loan|"
                        r"postgrad\w* loan|"
                        r"(?:postgrad\w* )?doctoral loan|phd loan)\b")
# Student finance named just before what it funds: "SAAS funding for my course"
LOAN_NAMED_LAST = re.compile(STUDY_LOAN.pattern + r"\s$")
# A loan for something other than study: "a car loan", "a loan for the house", "a mortgage"
OTHER_LOAN = re.compile(r"\b(car|personal|bank|business|payday|home|house|credit|phone|van|consolidation|"
                        r"secured)\s(loans?)\b|\bmortgage\b|"
                        r"\bloans?\b[^.;]{0,25}\bfor (?:a|an|my|the|our)\s(?:new\s|used\s|second[- ]hand\s)?"
                        r"(car|van|house|home|flat|wedding|business|holiday|phone|kitchen|motorbike|bike|sofa|debts?|mortgage)\b")


def _within_end_weeks(amount: str, unit: str) -> bool:
    """Whether "3 weeks", "a couple of weeks" or some days is within the rule's weeks of the start
    ("a month" is the rule's four weeks near enough: the admissions team checks)."""
    count = {"a": 1, "an": 1, "about a": 1, "a couple of": 2, "a few": 3}.get(amount)
    if count is None:
        count = int(numbers(amount)[0][0])
    if unit.startswith("month"):
        return count * 4 <= RULES.programme_end_weeks
    return unit.startswith("day") or count <= RULES.programme_end_weeks


ORDINAL_WEEKS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4,
                 "fifth": 5, "5th": 5, "sixth": 6, "6th": 6}


# "the first 3 weeks", "the first couple of weeks", "the first week or two": the start of the
# apprenticeship, into which a course runs
FIRST_WEEKS = re.compile(r"\b(?:the|my|our) first (\d{1,2}|one|two|three|four|five|six|seven|eight|"
                         r"a couple of|couple of|few|a few)\s(weeks?|days?|months?)\b|"
                         r"\b(?:the|my|our) first (week) or (?:two|so)\b")
OVERLAP_SAID = re.compile(r"\b(overlap\w*|clash\w*|still (?:be )?(?:going|running|on|doing)|runs? into|"
                          r"go(?:es)? into|carr(?:y|ies) on|continu\w*|only)\b")
# Its end said with the weeks: "final assessment in the first 3 weeks, then done"
ENDING_SAID = re.compile(r"\b(?:assessment|epa|end[- ]point|exams?|then (?:i'?m |it'?s )?(?:done|finished)|"
                         r"finish\w*|ends?|ending|wraps? up|complete\w*)\b")
RUNS_UNTIL = re.compile(r"\b(?:runs?|running|goes on|going on|lasts?|continues?|carries on|is on|"
                        r"(?:won'?t|will not|doesn'?t|does not|isn'?t going to|is not going to)\s"
                        r"(?:end|finish|be (?:over|finished|done)))\s"
                        r"(?:on\s)?(?:until|till|til|to|through|into)\s(?:the end of\s)?next\s"
                        r"(year|spring|summer|autumn|fall|winter|month|week|" + MONTHS[3:-1] + r")\b")
RUNS_UNTIL_YEAR = re.compile(r"\b(?:runs?|running|goes on|going on|lasts?|continues?|carries on|is on|ends?|"
                             r"finish\w*)\s(?:on\s)?(?:until|till|til|to|through|into|in)\s(?:(?:the end of|"
                             r"mid|early|late)\s)?((?:19|20)\d\d)\b")
# Not over when TechTrack starts: "it won't be done by then", "I won't have finished before it starts"
NOT_DONE_BY_START = re.compile(r"\b(?:won'?t|wont|will not|isn'?t going to|is not going to|not going to)\s"
                               r"(?:be\s(?:done|finished|over|complete|completed)|have\s(?:finished|"
                               r"completed|ended)|finish|end|be ending)\s(?:it\s)?(?:by|before)\s"
                               r"(?:then|that|the start|it starts|techtrack(?: starts)?|the apprenticeship "
                               r"starts|you start|i'?d start)\b")
# A year or more of it still to do: "with another year to go", "two more years left", "a year remaining"
YEARS_TO_GO = re.compile(r"\b(?:another|(?:\d|a|an|one|two|three|four)(?: more)?)\s(?:full\s)?"
                         r"(?:years?|yrs?)(?: and a half)?\s(?:to go|left|remaining|still to (?:go|do))\b")
# A programme of study or training named: what "it" is in "it won't be done by then"
PROGRAMME_NAMED = re.compile(r"\b(?:apprenticeship|course|programme|bootcamp|degree|training|btec|"
                             r"t[- ]?level|a[- ]?levels?|nvq|diploma|hnd|hnc|qualification|studies)\b")
# Ending in the very week or on the day the apprenticeship starts: "finishes the same week TechTrack starts"
SAME_WEEK_AS_START = re.compile(r"\b(?:ends?|ending|finish\w*|wraps? up|done|over|complete\w*|epa|"
                                r"end[- ]?point(?: assessment)?)\b[^.;]{0,25}?\b(?:the )?(?:same|very) "
                                r"(?:week|day|time)\b(?: as)?\s"
                                r"(?:techtrack|the apprenticeship|this|it|yours|you|the new one)"
                                r"\s(?:starts?|begins?|kicks off)\b")
# A level said with its number, not a length of time: "level 3", "l3"
LEVEL_NAMED_NUMBER = re.compile(r"\b(?:level|l)\s?[1-8]\b")
# "well before then", "long before it starts": ended before the start by more than a few weeks
WELL_BEFORE = re.compile(r"\b(?:well|long|way|ages|months|a long time|a good while|a while|loads of "
                         r"time) before\b")


NUMBER_WORDS = r"\d{1,2}|a|one|two|three|four|five|six|a couple of"
WEEKS_OVERLAP = re.compile(r"\b(" + NUMBER_WORDS + r")(?:\s(?:or|to|-)\s(" + NUMBER_WORDS + r"))?\s?weeks?\s"
                           r"(?:of\s)?overlap\b|\boverlaps?\sby\s(?:about\s|around\s|roughly\s|only\s|just\s)?"
                           r"(" + NUMBER_WORDS + r")\sweeks?\s(?:then|and then)\b")

# "an overlap of about a fortnight", "overlapping for 3 weeks": how long it runs into the apprenticeship
OVERLAP_OF = re.compile(r"\boverlap\w*\s(?:of|by|for)\s(?:about\s|around\s|roughly\s|only\s|just\s|maybe\s)?"
                        r"(?:(" + NUMBER_WORDS + r"|few|a few)\s(weeks?|days?)|a fortnight|fortnight)\b")
# "only for like 3 more weeks after it starts", "for 2 weeks into the apprenticeship", "another fortnight
# after techtrack begins": how long it goes on after the start
ON_AFTER_START = re.compile(r"\bfor\s(?:like\s|about\s|around\s|roughly\s|maybe\s|only\s|just\s|another\s)?"
                            r"(?:(" + NUMBER_WORDS + r"|few|a few)\s(?:more\s|extra\s|other\s)?"
                            r"(weeks?|days?|months?)|(?:a\s|another\s)?fortnight)\s(?:after|into|past)\s"
                            r"(?:the start|(?:it|techtrack|the apprenticeship|yours|this|that)"
                            r"(?:\s(?:starts?|begins?|kicks off))?)\b")
# "it wraps up within a month of the start": ends no later than that after the start
WITHIN_OF_START = re.compile(r"\b(?:ends?|ending|finish\w*|wraps? up|done|over|complete\w*)\s(?:\w+\s)?"
                             r"within\s(?:about\s|around\s)?(?:(" + NUMBER_WORDS + r"|few|a few)\s"
                             r"(weeks?|days?|months?)|a fortnight|fortnight)\sof\s(?:the start|"
                             r"(?:it|techtrack|the apprenticeship|you|yours|this)\s(?:start\w*|begin\w*)|"
                             r"starting)\b")


MONTH_END = re.compile(r"\b(?:ends?|ending|finish\w*|wraps? up|done|over|complete\w*|until|till|til)\s"
                       r"(?:in\s|by\s|at the end of\s|the end of\s|end of\s)?(" + MONTHS + r")\b")
# the apprenticeship's start, said with a month: "TechTrack starts in April", "this begins in May"
START_MONTH = re.compile(r"\b(?:techtrack|the apprenticeship|this|it|yours|you|the new one)\s"
                         r"(?:starts?|begins?|kicks off)\s(?:in\s)?(" + MONTHS + r")\b")


def _ends_months_before(text: str, today: date | None = None) -> bool:
    """A course ending in a month said to be before TechTrack starts: "it finishes in July, before
    this starts", or "until March and TechTrack starts in April" (each month the next one to come)."""
    end = MONTH_END.search(text)
    if not end or NEGATION.search(text[:end.start()][-30:]) or re.search(r"\bnext year\b", text):
        return False
    start = START_MONTH.search(text, end.end())
    if start:
        month = (today or date.today()).month
        return (MONTH_NUMBERS[end.group(1)] - month) % 12 < (MONTH_NUMBERS[start.group(1)] - month) % 12
    return bool(re.match(r"[\s,;-]{0,3}(?:so |which is |that'?s |well |long |way |months |ages )?before "
                         r"(?:this|techtrack|the apprenticeship|it|that|then|yours|you)\b"
                         r"(?: (?:one )?(?:starts?|begins?))?", text[end.end():]))


def _a_date_follows(text: str, position: int) -> bool:
    """ "the first 2 weeks of July": a date, not weeks of the apprenticeship."""
    return bool(re.match(r"\s*(?:of|in)\s+" + MONTHS, text[position:position + 20]))


# Only a little more of it to go: "for another fortnight", "for another 2 weeks", "for 3 more weeks"
FOR_A_LITTLE_MORE = re.compile(r"\bfor\s(?:(?:just|only)\s)?(?:another|a further)\s"
                               r"(?:(\d+|a|one|two|three|four|five|six|a couple of)\s)?"
                               r"(weeks?|days?|fortnight)\b|"
                               r"\bfor\s(?:(?:just|only)\s)?(\d+|one|two|three|four|five|six)\smore\s"
                               r"(weeks?|days?)\b")


def parse_other_programme(text: str) -> str | None:
    text = normalise(text)
    # "a week or two after it starts": the longer of the two ("the first week or two" is read below)
    text = re.sub(r"(?<!first )\b(?:a|one) (week|day) or two\b", r"2 \1s", text)
    if re.search(r"\b(not sure|don'?t know|no idea|unsure|not certain)\s+(when|how long)\b", text):
        return NOT_SURE  # on a course, ending who knows when: the admissions team checks
    if re.search(r"\b(might|may|could|thinking (of|about)|considering)\s+(be\s+)?(leav\w*|quit\w*|"
                 r"drop\w*( out)?|stop\w*|switch\w*|finish\w*|defer\w*|end\w*)\b|"
                 r"\bit'?s complicated\b", text):
        return None  # on a course they may or may not leave: where they will be is not said yet
    if is_not_sure(text):
        return NOT_SURE
    ordinal = re.search(r"\b(ends?|ending|finish\w*|wraps? up|done|over|complete\w*)\b.{0,30}?\b(in|within|"
                        r"by|during) (the|my|our) (first|1st|second|2nd|third|3rd|fourth|4th|fifth|5th|sixth|"
                        r"6th)"
                        r" (week|fortnight|couple of weeks|few weeks|month)\b", text)
    following = [w for w in re.sub(r"[^\w ]", " ", text[ordinal.end():ordinal.end() + 40]).split()
                 if w not in ("the", "my")] if ordinal else []
    if following[:1] == ["of"] and following[1:2] not in (["apprenticeship"], ["techtrack"], ["programme"],
                                                          ["it"], ["that"]):
        return None  # "the first week of July": a date, not a week of the apprenticeship
    if ordinal and not re.search(r"\b(before|after) (the )?(apprenticeship|techtrack|it)\b", text):
        weeks = ORDINAL_WEEKS[ordinal.group(4)] * (2 if ordinal.group(5) == "fortnight" else 1)
        if ordinal.group(5) in ("week", "fortnight", "couple of weeks"):
            return "ending_soon" if weeks <= RULES.programme_end_weeks else YES
        # "in the first month", "in the first few weeks": about the rule's weeks, so the admissions
        # team checks; a later month is beyond them
        return "ending_soon" if weeks == 1 else YES if ordinal.group(5) == "month" else None
    overlap = WEEKS_OVERLAP.search(text)
    if overlap:
        # "maybe 2 or 3 weeks overlap", "it overlaps by about 3 weeks then ends": the longer is the test
        amount = (overlap.group(2) or overlap.group(1)) if overlap.group(1) else overlap.group(3)
        return "ending_soon" if _within_end_weeks(amount, "weeks") else YES
    overlap_of = OVERLAP_OF.search(text) or WITHIN_OF_START.search(text) or ON_AFTER_START.search(text)
    if overlap_of and not NEGATION.search(text[:overlap_of.start()]):
        # "an overlap of about a fortnight", "it wraps up within a month of the start": ending that
        # long after the start ("within 6 weeks of the start" may be sooner or later than the rule's)
        amount, unit = (overlap_of.group(1), overlap_of.group(2)) if overlap_of.group(1) else ("2", "weeks")
        if amount in ("few", "a few"):
            return None
        within = _within_end_weeks(amount, unit)
        return "ending_soon" if within else YES if overlap_of.re in (OVERLAP_OF, ON_AFTER_START) else None
    first_weeks = FIRST_WEEKS.search(text)
    if first_weeks and (OVERLAP_SAID.search(text) or ENDING_SAID.search(text)) and \
            not _a_date_follows(text, first_weeks.end()):
        # "it overlaps for the first couple of weeks", "still going for the first 3 weeks of it":
        # it runs into the apprenticeship for that long
        amount, unit = first_weeks.group(1) or "2", first_weeks.group(2) or "weeks"  # "a week or two"
        if amount in ("few", "a few"):
            return None  # about the rule's weeks, or more: asked again
        amount = "a couple of" if amount == "couple of" else amount
        return "ending_soon" if _within_end_weeks(amount, unit) else YES
    if re.search(r"\b(?:continues?|carries on|goes on|keeps going|runs on)\s(?:into\s|through\s)?next year\b",
                 text) and not NEGATION.search(text):
        return YES  # "my apprenticeship continues next year": still on it at the start
    if OVERLAPS_IT.search(text) and PROGRAMME_NAMED.search(text) and not NEGATION.search(text) and \
            not re.search(r"\b(if|unless|might|may|could|slightly|a bit|a little|partly|weeks?|days?)\b",
                          text):
        return YES  # "a place on a skills bootcamp that'll overlap with it": on it at the start
    if NOT_DONE_BY_START.search(text) and PROGRAMME_NAMED.search(text) and \
            not re.search(r"\b(if|unless|might|may|could)\b", text):
        return YES  # "doing an apprenticeship, it won't be finished by then": still on it at the start
    runs_on = RUNS_UNTIL.search(text)
    if YEARS_TO_GO.search(text) and not NEGATION.search(text):
        return YES  # "level 4, with another year to go": still on it when TechTrack starts
    if runs_on and not NEGATION.search(text[:runs_on.start()]):
        # "runs till next summer", "goes on until next year": still on it when TechTrack starts
        # ("until next month" ends about the start: the admissions team checks)
        return "ending_soon" if runs_on.group(1) in ("month", "week") else YES
    until_year = RUNS_UNTIL_YEAR.search(text)
    if until_year and not NEGATION.search(text[:until_year.start()]) and \
            int(until_year.group(1)) >= date.today().year + 2:
        return YES  # "it runs till 2028": on it well past the start
    if _ends_months_before(text):
        return NO  # "it finishes in July, before this starts", "until March, and TechTrack starts in May"
    if WELL_BEFORE.search(text) and not re.search(r"\d|\b(weeks?|days?)\b", text):
        return NO  # "it'll be done well before then": ended, and not just before the start
    if re.search(r"^\s*(?:no|nope|nah)\b[^.;]{0,40}\b(ends|ending|finishes|finishing|'ll (?:have )?finished|"
                 r"will (?:have )?finished)\b[^.;]{0,30}\bbefore\b", text):
        return NO  # "no, my current one finishes before TechTrack starts": a no, and why
    if SAME_WEEK_AS_START.search(text):
        return "ending_soon"  # "ends the same week TechTrack starts": about the start itself
    if re.search(r"\b(ends|ending|finishes|finishing|wraps up|completes|'ll (?:have )?(?:finished|ended|"
                 r"completed|done)|will (?:have )?(?:finished|ended|completed|done)|"
                 r"(?:will|'ll) be (?:finished|over|done))\b[^.;]{0,30}\bbefore\b[^.;]{0,25}"
                 r"\b(starts?|begins?|techtrack|apprenticeship|then|that)\b", text) and \
            not re.search(r"\d|\b(weeks?|months?|days?)\b", LEVEL_NAMED_NUMBER.sub(" ", text)):
        # on a course now that ends before TechTrack starts, how long before not said: it may be within
        # the rule's weeks of the start (the "ends within 4 weeks of the start" option), so the
        # admissions team checks (a course well before the start is said with its time, below)
        return "ending_soon"
    if re.search(r"\b(i|i'?ve|i have|myself|i'?m|im|i am) "
                 r"(bought|purchased|paid for|paying for)\b", text) and \
            not NEGATION.search(text):
        return "self_funded"  # "an online course I bought": study they pay for ("my employer paid" isn't)
    if (PAID_FIRST.search(text) or OWN_MONEY.search(text)) and not NEGATION.search(text):
        return "self_funded"  # "paid for a cyber course on Coursera", "doing CompTIA, paying out of pocket"
    if re.search(r"\bself[- ]?fund\w*|\bprivately funded\b|\bself[- ]?(?:paid|paying|financed|financing)\b|"
                 r"\b(pay|paying|paid|fund|funding|funded)\b[^,.;]{0,30}\b(myself|my own|privately)\b|"
                 r"\b(pay|paying|paid)\sfor\b[^,.;]{0,60}\bmyself\b|"
                 r"\bi (pay|fund)\b|\b(course|study|studies|class|classes|degree) (that )?i pay\b", text):
        return "self_funded"
    after_the_start = re.search(r"\b(the|a|one|1|two|2|three|3|four|4|a couple of)\s(weeks?|days?|"
                                r"fortnight)\safter\s(?:techtrack|the apprenticeship|it|the start|that|"
                                r"you|i|we)\b"
                                r"(?:\s(?:starts?|begins?))?", text)
    if after_the_start and re.search(r"\b(done|finish\w*|ends?|over|complete\w*|epa|end[- ]point|"
                                     r"assessment|exam\w*)\b", text):
        # "my end-point assessment is the week after it starts, then I'm done"
        amount, unit = after_the_start.group(1), after_the_start.group(2)
        amount = "2" if unit == "fortnight" else "a" if amount == "the" else amount
        return "ending_soon" if _within_end_weeks(amount, "weeks" if unit == "fortnight" else unit) \
            else YES
    after_start = re.search(r"\b(ends?|ending|finish\w*|wraps? up|done|over|complete\w*|until|till|til)\b"
                            r".{0,25}?\b(\d+|a|an|one|two|three|four|a couple of)\s+(weeks?|days?|months?)\s+"
                            r"(after|into)\b", text)
    if after_start:
        return "ending_soon" if _within_end_weeks(after_start.group(2), after_start.group(3)) else YES
    more = FOR_A_LITTLE_MORE.search(text)
    if more and not NEGATION.search(text[:more.start()]):
        amount = "2" if more.group(2) == "fortnight" else more.group(1) or more.group(3) or "a"
        unit = more.group(2) or more.group(4)
        if _within_end_weeks(amount, "weeks" if unit == "fortnight" else unit):
            return "ending_soon"  # "yes but only for another fortnight": it ends about the start
    weeks_in = re.search(r"\b(until|till|til|for|to|about|around|ends?|ending|finish\w*|overlaps?( by)?)\s+"
                         r"(?:about |around |roughly |only |just )?(\d+|a|one|two|three|four|five|six|"
                         r"a couple of|a few)\s+(weeks?|days?)"
                         r"(\s+in(to it| to it)?\s*([.,;!]|$)|\s*([.,;!]|$))", text)
    if weeks_in and (weeks_in.group(5).strip(" .,;!") or weeks_in.group(1).startswith("overlap")):
        # "until about 3 weeks in", "it overlaps by a week": weeks into the apprenticeship
        return "ending_soon" if _within_end_weeks(weeks_in.group(3), weeks_in.group(4)) else YES
    # ("my end-point assessment is booked for 2 weeks before it starts": the assessment ends it)
    before_start = re.search(r"\b(ends?|ending|finish\w*|wraps? up|done|over|complete\w*|" +
                             FINAL_ASSESSMENT + r")\b.{0,25}?"
                             r"(\d+|a|the|one|two|three|four|a couple of)\s+(weeks?|days?|months?)"
                             r"\s+before\b", text)
    if before_start:
        # Beyond the rule's weeks before the start, it ends well before TechTrack does ("the week
        # before": a week before)
        amount = "a" if before_start.group(2) == "the" else before_start.group(2)
        return "ending_soon" if _within_end_weeks(amount, before_start.group(3)) else NO
    # ("my EPA is in 3 weeks": the final assessment, when the programme ends)
    weeks = re.search(r"\b(ends?|ending|finish\w*|wraps? up|done|over|complete\w*|" + FINAL_ASSESSMENT +
                      r")\b.{0,30}\b(in|within)\s+"
                      r"(?:about\s|around\s|roughly\s|only\s|just\s)?"
                      r"(\d+|a|one|two|three|four|five|six|a couple of|a few)\s+(weeks?|days?)\b", text)
    if weeks:
        return "ending_soon" if _within_end_weeks(weeks.group(3), weeks.group(4)) else None
    if re.search(r"\b(within|in the next) (\d+|four|4) weeks\b|\bends within\b|\bnext week\b|"
                 r"\bfortnight\b|\bthis week\b|\bin a week\b|\bin days\b", text) and \
            re.search(r"\b(ends?|ending|finish\w*|done|over|complete\w*|within|last|" + FINAL_ASSESSMENT +
                      r")\b", text):
        return "ending_soon"
    left = TIME_LEFT.search(text)
    if left and (_within_end_weeks(left.group(1), left.group(2)) or AT_THE_START.match(text[left.end():])):
        # "3 weeks left on my course when it starts": that long into the apprenticeship (said without
        # the start, weeks left end about now, as "it ends in 3 weeks" does; months are read below)
        return "ending_soon" if _within_end_weeks(left.group(1), left.group(2)) else YES
    last_weeks = LAST_WEEKS_OF.search(text)
    if last_weeks and not NEGATION.search(text[:last_weeks.start()]):
        return "ending_soon"  # "I'll be in the last week of my apprenticeship": it ends about the start
    if re.search(r"\b(finish|finishes|finishing|ends?|ending|complete|completes|completing|wraps? up|"
                 r"(?:be|been|is) (?:finished|completed|over|done))\b.{0,20}\b(next month|in a month|"
                 r"in a few weeks|(?:at )?(?:the )?end of (?:this|the) month|this month|later this month|"
                 r"in the next few weeks)\b", text):
        # it ends about now: before the start or just after it, so the admissions team checks
        return "ending_soon"
    if re.search(r"\b(finish|finishes|finishing|ends?|ending|complete|completes|completing|"
                 r"(?:be|been) (?:finished|completed))\b.{0,20}\b(next year|in \d+ months|"
                 r"soon|(?:in|by|over) the (?:spring|summer|autumn|winter)|next (?:spring|summer|autumn|"
                 r"winter)|this year)\b", text):
        if HEDGED_CONCLUSION.search(text):
            # "it finishes next spring, so probably not?": a rough end, and a doubtful conclusion
            # drawn from it: the admissions team checks
            return NOT_SURE
        return None  # whether it ends before TechTrack starts is not clear: ask again
    ended = re.search(r"\b(ended|finished|completed|done|left)\s(?:in\s)?(?:" + MONTHS + r"\s)?"
                      r"((?:19|20)\d\d)\b", text)
    if ended and int(ended.group(2)) <= date.today().year and not re.search(
            r"\b(now|currently|still|another|at the moment|this one)\b", text):
        return NO  # "did Kickstart, ended 2022": a programme in the past
    if re.search(r"\b(?<!be )(finished|completed|already done|i left|left it|left the|quit|dropped out|"
                 r"not any ?more|no longer)\b", text):
        return NO
    idle = re.search(r"\b(?:not doing|doing) (?:anything|nothing)\b(?! else)", text)
    if idle and not re.search(r"\b(but|though|until|till|start\w*|begin\w*|from|next|will|'ll|going to|"
                              r"gonna|plan\w*)\b", text[idle.end():]):
        return NO  # "out of work, not doing anything at the moment": on no programme either
    if re.search(r"\b(no|not on any|not doing any|none|not in any|"
                 r"(?:isn'?t|is not|aren'?t|are not|'m not|am not|'re not|'s not) (?:on|doing|in) any)\s+"
                 r"(other\s+)?(training|courses?|"
                 r"apprenticeships?|programmes?|study|studying|education|bootcamps?)\b", text) and \
            not re.search(r"\b(i'?m|i am|currently|still)\b.{0,20}\b(on|doing|studying)\b.{0,25}"
                          r"\b(apprenticeship|bootcamp|course|programme)\b", text):
        return NO  # "on Universal Credit, no training"
    answer = parse_yes_no(text)
    if answer is not None:
        return answer
    if re.search(r"(?:'d|\bwould|'ll|\bwill)\s(?:definitely\s|probably\s)?still\sbe\s(?:on|doing|in)\b",
                 text) and not re.search(r"\b(weeks?|days?|fortnight|(?:a|one|1|another) month|if|unless|"
                                         r"might|may|could)\b", text):
        return YES  # "he'd still be on it", "I'll still be on it then": on it at the start
    if re.search(r"\b(i'?m|i am|currently|still)\b.{0,20}\b(on|doing|in|studying)\b.{0,25}"
                 r"\b(apprenticeship|bootcamp|course|programme|training|skills bootcamp)\b", text) or \
            re.search(r"\b(?:is|are|'s|'re) (?:putting|sending) me (?:through|on)\b.{0,25}"
                      r"\b(?:apprenticeship|bootcamp|course|programme|training)\b", text) or \
            ((STILL_STUDYING.search(text) or (STILL_GOING.search(text) and PROGRAMME_NAMED.search(text) and
                                               not NEGATION.search(text))) and not re.search(
                r"\b(finish\w*|ends?|ending|leav\w*|done|complete\w*|"
                r"(?:until|till|til)(?! (?:the end of )?next))\b",
                text)):
        return YES  # ("T level at college, still going": a programme named, said to be under way)
    return None


# A conclusion drawn with doubt: "so probably not?", ", i guess not", "so maybe yes"
HEDGED_CONCLUSION = re.compile(r"(?:[,;]|\bso)\s?(?:probably|prob|probs|prolly|maybe|possibly|perhaps|"
                               r"i guess|i think|i reckon|i suppose)\s(?:not|no|yes|yeah|fine|ok|okay)\b")
# Time left on a programme, perhaps at the start: "3 weeks left on my course when it starts", "a
# couple of weeks to go by then", "2 months remaining at the start"
TIME_LEFT = re.compile(r"\b(\d{1,2}|a|an|one|two|three|four|five|six|a couple of)\s(weeks?|days?|months?)"
                       r"\s(?:left|to go|remaining)\b")
# The start, said in the same clause as the time left: "when it starts", "at the start", "by then"
AT_THE_START = re.compile(r"^[^,.;]{0,40}?\b(?:when (?:it|techtrack|the apprenticeship|this|you|i) "
                          r"(?:starts?|begins?)|at the start|by then|then)\b")
# The last weeks of a programme: "I'll be in the last week of my apprenticeship", "my final fortnight"
LAST_WEEKS_OF = re.compile(r"\b(?:the|my|its)\s(?:last|final)\s(?:week|fortnight|couple of weeks|few days|"
                           r"month|(?:two|2|three|3) weeks)\s(?:of|on)\s(?:my|the|it|this|that)\b")


# Paid for by them, the "I" left out: "paid for a cyber course on Coursera", "bought an online course"
PAID_FIRST = re.compile(r"^(?:paid for|paying for|bought|purchased)\s(?!by\b)")
# Their own money: "paying out of pocket", "with my own money", "at my own expense"
OWN_MONEY = re.compile(r"\bout of (?:my )?(?:own )?pocket\b|\b(?:my own|own) (?:money|cash|savings)\b|"
                       r"\bat my own (?:cost|expense)\b|\bout of my (?:own )?savings\b")
# A programme said to run into TechTrack, for no length said: "that'll overlap with it", "it overlaps
# with the start"
OVERLAPS_IT = re.compile(r"\b(?:will|'ll|would|'d|is going to|going to|gonna|does|do)\s"
                         r"(?:still\s|definitely\s|probably\s)?overlap\b|\boverlaps\swith\b")
# The assessment that ends a programme: "EPA", "end-point assessment", "final exams"
FINAL_ASSESSMENT = r"epa|end[- ]?point(?: assessment)?|final (?:assessment|exams?)"
# Said to be under way still: "still going", "ongoing", "still in progress"
STILL_GOING = re.compile(r"\b(?:still (?:going|ongoing|running|in progress|doing it|at it|on it)|ongoing|"
                         r"in progress|under ?way)\b")


# On a course or at college at the start: "I'll still be at college doing my BTEC", "he's doing a
# study programme at college", "I'll still be doing my T level"
STILL_STUDYING = re.compile(
    r"\b(?:i'?ll still be|i will still be|still be|i'?m still|i am still|he'?s|she'?s|they'?re|i'?m|i am|"
    r"he is|she is|they are|"
    r"currently)\s(?:still\s)?(?:at (?:college|sixth form|school|uni\w*)\s|in (?:year 1[23]|sixth form|"
    r"college)\s)?(?:doing|studying|taking|on|at)\s(?:my\s|his\s|her\s|their\s|a\s|an\s|the\s)?"
    r"(?:[\w-]+\s){0,3}?(?:btec|t[- ]?levels?|a[- ]?levels?|nvq|diploma|degree|access course|course|"
    r"study programme|programme|apprenticeship)\b")


SIMILAR_SUBJECTS = re.compile(
    r"\b(computer science|comp ?sci|cs|computing|computers?|software|information technology|ict|cyber|"
    r"(?<=in )it|(?<=an )it|it(?= (degree|hnd|hnc|qualification|course|diploma|support|systems))|"
    r"cybersecurity|cyber security|networking|networks?|data science|programming|coding|digital|"
    r"(?:information|network|computer|data) security|info ?sec|digital forensics|ethical hacking|"
    r"informatics|inform[aá]tica|informatique|information systems|business information|business analysis|"
    r"devops|web "
    r"development|games development|artificial intelligence|ai|machine learning|tech)\b"
)
# Subjects close to computing (or, business ones, to the Business Analyst role) without being it:
# whether they are "similar" is the admissions team's call
CLOSE_SUBJECTS = re.compile(r"\b(?:maths?|mathematics|statistics|"
                            r"business (?:(?:and|&) )?(?:it|ict|computing)|"
                            r"business (?:management|studies|administration)|electronics|"
                            r"(?:electrical|electronic)(?: (?:and|&) electronic)? engineering|"
                            # a business master's or bachelor's by its letters; business by itself
                            # ("an HND in business"), not the start of a computing subject
                            r"mba|bba|business(?!\s(?:analysis|information|computing|it|ict)\b)|"
                            # Italy's and Spain's "economia" takes in business and management too
                            # (economics by its English name stays unrelated)
                            r"econom[ií]a(?:\s(?:aziendale|e commercio|y empresa|de empresas))?)\b")
# Subjects far from computing, read when named alone: "sports science", "history", "nursing and
# midwifery", "psychology" (not "technology": information technology is computing)
UNRELATED_SUBJECTS = re.compile(
    r"\b(?:(?:sports?|exercise|social|political|environmental|food|animal|biomedical|biological|forensic|"
    r"marine|earth|health|medical)\s(?:science|sciences|studies)|(?!techn)[a-z]+ology|[a-z]+\sstudies|"
    r"history|geography|english(?: literature| language)?|law|nursing|midwifery|(?:fine\s)?art|music|drama|"
    r"dance|film|media|journalism|philosophy|politics|theology|languages|french|spanish|german|italian|"
    r"chemistry|biology|physics|medicine|pharmacy|architecture|accounting|accountancy|finance|economics|"
    r"marketing|fashion|(?:graphic\s)?design|photography|hospitality|tourism|education|teaching|"
    r"social work|childcare|hairdressing|catering|construction|nutrition|physiotherapy|dentistry|"
    r"agriculture|classics|anthropology|linguistics|(?:creative\s)?writing)\b")
# Business subjects: close to the Business Analyst role only, so similar or not depending on the role
BUSINESS_SUBJECTS = re.compile(r"\bbusiness(?: (?:management|studies|administration|analytics))?\b|"
                               r"\bmanagement studies\b")
# Whether what they hold counts, asked about: "would that count?", "is it relevant for the BA one?"
COUNT_ASKED = re.compile(r"\b(?:would|does|will|could|can|is|might)\s(?:that|it|this|mine)\s(?:count|"
                         r"be (?:similar|relevant|related|close enough|ok|okay|enough)|qualify|"
                         r"similar|relevant|related|close enough)\b[^.?!]{0,40}\?")
# No formal qualification: "not a formal qualification", "nothing formal", "no formal quals"
NOT_FORMAL = re.compile(r"\b(?:not (?:a |an )?(?:formal|proper|real|recognised|accredited) (?:qualification|"
                        r"degree|one)|nothing formal|no formal (?:qualifications?|quals?|degree))\b")
# Subjects between computing and something else, similar or not depending on the course
BORDERLINE_SUBJECTS = re.compile(r"\b(?:business )?information systems\b|\bbusiness information\b")
# Degrees by their letters: "BEng", "LLB", "BBA", "MPhil", "B.Ed" ("bed" only before a subject or
# "hons": said alone it is a bed)
DEGREE_LETTERS = (r"bsc|ba|b\.sc|beng|meng|bed(?=\s(?:\(?hons|in\b|primary|secondary))|b\.ed|llb|llm|bba|"
                  r"msc|ma|mba|mphil|mres|phd|hnd|hnc")
LEVEL4_PLUS = re.compile(
    r"\b(degree|studied|" + DEGREE_LETTERS + r"|masters?|master'?s|bachelor'?s?|"
    r"higher national (?:diploma|certificate)|"
    r"foundation degree|level [4-8]|diploma of higher education|dip ?he|cert ?he|undergrad\w*|"
    r"postgrad\w*|graduated|graduate|grads?|uni(versity)?|"
    # a degree by its name abroad: Spain's "grado" and "licenciatura", Italy's "laurea", France's
    # "licence" (said with its subject: "a licence in law", not a driving licence)
    r"grado|licenciatura|laurea|licence(?=\s(?:in|en|de|d')\b)|"
    # a degree by its class: "a 2:1 in history", "first class honours"
    r"2:1|2:2|2\.1|2\.2|first class|1st class)\b"
)
NOT_SIMILAR_SAID = re.compile(
    r"\b(?:nothing|not|non|none of it|no)[\s-]{1,2}(?:(?:in|to do with|at all|really|remotely)\s)?"
    r"(?:tech\w*|it|ict|computing|computer\w*|digital|cs|software|cyber|programming|coding)"
    r"(?:[\s-]related)?\b(?!\s(?:experience|jobs?|work|roles?|skills|background|knowledge))")
IN_PROGRESS = re.compile(r"\b(i'?m|i am|im|currently|still) (now )?(doing|studying|taking|in the middle of|"
                         r"halfway through|part way through|working towards|in (?:my |the )?(first|second|"
                         r"third|final|last) year (?:of|at)|in year (1|2|3|one|two|three) of)\b|"
                         r"\b(doing|studying|taking) (my|them|it) "
                         r"(now|at the moment|currently)\b|^\s*(?:still )?in progress\b|"
                         # ("working towards a degree", "halfway through my A levels": said first)
                         r"^\s*(?:working|studying) towards\b|^\s*(?:half ?way|part ?way|midway) through\b")
# Said to be under way now: "I'm doing my A levels now", "in my final year of a degree"
STUDYING_NOW = re.compile(r"\b(now|right now|currently|at the moment|atm|this year|in progress|"
                          r"(?:half ?way|part ?way|midway) through|"
                          r"(?:first|second|third|final|last) year (?:of|at))\b")
# None held, said before the study under way: "no I haven't got one but I'm studying for one", "not yet"
NONE_HELD_YET = re.compile(r"^\s*(?:no|nope|nah|not yet)\b|\b(?:haven'?t|have not|havent|don'?t|do not|"
                           r"dont)\s(?:got|have|hold)\s(?:one|it|any|them)\b|\bnot got (?:one|it|any|them)\b")
HELD_VERBS = re.compile(r"\b(have|got|hold|passed|did|completed|finished|gained|achieved|already)\b")


def _still_studying(text: str) -> str | None:
    """For a question about a qualification held: NO when the answer says it is being studied for
    now and names nothing already held ("I'm doing my A levels now", "in progress, I finish next
    summer"); None (asked again) when it is studied for with no time said, or with something held
    besides ("I have GCSEs and I'm doing A levels now": which counts is for the hint to ask)."""
    if not (NOT_YET_DONE.search(text) or STUDYING_NOW.search(text) or NONE_HELD_YET.search(text)):
        return None
    others = [part for part in re.split(r"[,.;]|\band\b|\bbut\b", text)
              if part.strip() and not IN_PROGRESS.search(part) and not STUDYING_NOW.search(part)]
    held = [part for part in others if HELD_VERBS.search(part) and not NEGATION.search(part) and
            not NOT_YET_DONE.search(part)]  # ("not finished" holds nothing)
    return None if held else NO
BELOW_LEVEL4 = re.compile(r"\b(gcses?|a[- ]?levels?(?! ?\d)|btec|nvq|t[- ]?levels?|highers?|level [1-3]|"
                          r"college|sixth form|access course|diploma)\b")


# A subject said alone, then a graduation: "Sociology, graduated 2015", "history - graduated in 2019"
SUBJECT_GRADUATED = re.compile(r"^([a-z][a-z &]{1,40}?)\s?[,;-]?\s(?:i\s)?graduated"
                               r"(?:\s(?:in\s)?(?:19|20)\d\d)?\s?[.!]*$")


def parse_prior_qualification(text: str) -> str | None:
    """Yes only for a Level 4+ qualification in a similar subject; an unrelated subject, or only
    qualifications below Level 4, is no; a degree with no subject given is asked again, unless said
    with a yes to the question ("yes, a degree": the subject is the question's)."""
    # "I did IT at uni": IT in capitals is the subject; "I did it at uni" is not a subject.
    studied_it = re.search(r"\b(?:did|studied|study|doing|read|took)\s+IT\b", text[:MAX_ANSWER])
    text = respelt_qualifications(undotted(normalise(text)))
    text = SUBJECT_GRADUATED.sub(r"\1 degree", text)  # "sociology, graduated 2015": a sociology degree
    if is_not_sure(text) or SIMILARITY_HEDGED.search(text):
        return NOT_SURE  # "a degree in information systems, might be similar?": the team decides
    if re.search(r"\b(unrelated|not related|nothing (related|in|to do with)|not in (computing|it|"
                 r"tech|a similar|anything similar|a related)|different subject|nothing similar|"
                 r"not similar|not relevant|irrelevant)\b", text):
        return NO
    if NOT_SIMILAR_SAID.search(text):
        # "an English degree, nothing tech", "history, non-computing": a similar subject said only to
        # deny it; one named as well ("computing HND, nothing else tech") leaves it unclear
        said = [m for m in SIMILAR_SUBJECTS.finditer(NOT_SIMILAR_SAID.sub(" ", text))]
        return None if said else NO
    level4 = LEVEL4_PLUS.search(text)
    if NOT_FORMAL.search(text) and not (level4 and not _negated(text, level4.start(), verbs=True)):
        return NO  # "just a bootcamp certificate, nothing formal": no qualification at Level 4
    studying = IN_PROGRESS.search(text)
    if studying and (level4 or SIMILAR_SUBJECTS.search(text, studying.end())) and \
            not re.search(r"\b(already|also) (have|got)\b", text):
        # studying for a degree now: not held yet. Said so ("not finished yet", "finishing in
        # June", "in my final year"), a no; otherwise asked again (they may mean one they have)
        return _still_studying(text)
    if (level4 or SIMILAR_SUBJECTS.search(text)) and re.search(
            r"\b(dropped out|drop out|didn'?t (finish|complete|graduate)|never (finished|"
            r"completed|graduated)|did not (finish|complete|graduate)|quit|left (it|uni|"
            r"university|the course) (after|before|in))\b", text) and \
            len([m for m in LEVEL4_PLUS.finditer(text) if m.group(1) not in ("uni", "university")]) <= 1:
        # ("left uni before finishing my degree": the place and the degree are one course)
        return NO  # a course left unfinished is no qualification held
    if level4 and BELOW_LEVEL4.search(text) and not re.search(r"\byes\b", text) and \
            _level4_only_denied(text):
        return NO  # "A level computer science, no degree": the subject's qualification is below Level 4
    # A similar subject counts when it is said of the qualification ("a computing degree"), not
    # anywhere in the message ("a music degree, and a bit of coding on the side").
    similar = next((m for m in SIMILAR_SUBJECTS.finditer(text) if not _negated(text, m.start()) and
                    not SHORT_COURSE.match(text, m.end()) and not _learnt_outside_study(text, m) and (
        # ("a coding bootcamp", "taught myself coding": not the degree's)
        not level4 or any(abs(m.start() - q.start()) <= 35 for q in LEVEL4_PLUS.finditer(text)) or
        _studied_beside_a_bare_degree(text, m))), None)
    in_part = _without_similar_parts(text)
    if level4 and similar and in_part is not None and _names_a_subject(in_part) and \
            not NEGATION.search(text[:level4.start()]):
        return NOT_SURE  # "a physics degree with some coding in it": another subject, part computing
    if level4 and not similar and COUNT_ASKED.search(text) and _business_degree(text) and \
            not NEGATION.search(text[:level4.start()]):
        return NOT_SURE  # "a business degree, would that count?": close to the BA role; the team decides
    if level4 and _close_subject_degree(text) and not NEGATION.search(text[:level4.start()]) and \
            not any(not _negated(text, m.start())
                    for m in SIMILAR_SUBJECTS.finditer(CLOSE_SUBJECTS.sub(" ", text))):
        return NOT_SURE  # "BSc Maths", "Business and IT degree": close to computing; the team decides
    if level4 and similar:
        unmixed = BORDERLINE_SUBJECTS.sub(" ", text)
        if BORDERLINE_SUBJECTS.search(text) and not SIMILAR_SUBJECTS.search(unmixed) and \
                parse_yes_no(text) != YES:
            return NOT_SURE  # "an information systems degree": part business, part computing; the team
            # decides (said with a yes, "yes, BSc Business Information Systems", it is theirs to say)
        return YES
    if level4 and studied_it and not NEGATION.search(text[:level4.start()]):
        return YES
    if level4 and not NEGATION.search(text[:level4.start()]) and _names_a_subject(text):
        return NO  # a subject is named and it isn't a similar one ("a degree in history")
    if BELOW_LEVEL4.search(text) and not re.search(r"\byes\b", text) and _level4_only_denied(text):
        return NO  # "only A levels, never went to uni": below Level 4 (and a degree said only to deny it)
    if not level4 and _only_subjects_named(text):
        return NOT_SURE  # "mathematics and statistics": a close subject, at what level not said
    if not level4 and _only_unrelated_subjects(text):
        return NO  # "sports science": a subject far from computing, named alone (at any level, not similar)
    answer = parse_yes_no(text)
    subject = next((m for m in SUBJECT_AFTER_YES.finditer(text) if m.group(1) not in NOT_SUBJECTS and
                    not mentions(m.group(1), [*ENGLAND, *OUTSIDE_ENGLAND, *NAMES])), None)
    if answer == YES and not similar and subject:
        return NO  # "yes, but it's in music": a subject named, and not a similar one
    named = set(re.findall(r"\b(degree|diploma|hnd|hnc|qualification|course|certificate|masters?|bsc|ba|msc|"
                           r"phd|uni|university)\b", text))
    if answer == YES and not similar and named:
        # "yes, a degree": the level said, the subject the question's; "yes, a diploma": at what
        # level? Ask again.
        return YES if named <= {"degree", "hnd", "hnc", "masters", "master", "bsc", "ba", "msc", "phd"} and \
            not NEGATION.search(text) else None
    return answer


# A "no" said of the word after it: "no degree", "no uni degree" ("A levels only, no degree")
NO_BEFORE = re.compile(r"\bno\s(?:[a-z]+\s)?$")


def _level4_only_denied(text: str) -> bool:
    """Whether every Level 4+ word is said with "not" or "no" ("A levels only, no degree", "never went
    to uni"), or none is said."""
    return all(_negated(text, m.start(), verbs=True) or
               NO_BEFORE.search(text[max(0, m.start() - 20):m.start()]) for m in LEVEL4_PLUS.finditer(text))


def _only_unrelated_subjects(text: str) -> bool:
    """ "sports science", "history and politics": nothing but subjects far from computing (one close to
    it, or a business one, is read by `_only_subjects_named` or asked again)."""
    if SIMILAR_SUBJECTS.search(text) or CLOSE_SUBJECTS.search(text) or BUSINESS_SUBJECTS.search(text) or \
            BORDERLINE_SUBJECTS.search(text) or not UNRELATED_SUBJECTS.search(text):
        return False
    return not SUBJECT_JOINERS.sub("", UNRELATED_SUBJECTS.sub(" ", text))


# What is left of an answer of subjects alone: "and", "&", commas ("maths and statistics")
SUBJECT_JOINERS = re.compile(r"[\s,&/+.!]+|\b(?:and|with|plus)\b")


def _only_subjects_named(text: str) -> bool:
    """ "Business Information Systems", "mathematics and statistics": nothing but subject names, one of
    them close to computing or between it and business (how similar, and at what level, is not said)."""
    close = BORDERLINE_SUBJECTS.search(text) or CLOSE_SUBJECTS.search(text)
    rest = CLOSE_SUBJECTS.sub(" ", SIMILAR_SUBJECTS.sub(" ", BORDERLINE_SUBJECTS.sub(" ", text)))
    return bool(close) and not SUBJECT_JOINERS.sub("", rest)


# Qualification words typed a slip away ("degre", "diplomma", "extendid"), and real words a slip away
# from one that are left alone
QUALIFICATION_WORDS = ("degree", "diploma", "extended", "bachelors", "masters")
NOT_QUALIFICATION_WORDS = frozenset({"decree", "degrees", "agree", "diplomat", "matters", "master", "mastery",
                                     "extender", "bachelor",
                                     "diplom"})  # (Germany's Diplom is a degree, not a diploma)


def respelt_qualifications(text: str) -> str:
    """ "degre in pyschology" -> "degree in pyschology": a word one slip from a qualification's word."""
    def respell(match: re.Match[str]) -> str:
        word = match.group(0)
        if word in QUALIFICATION_WORDS or word in NOT_QUALIFICATION_WORDS:
            return word
        return next((target for target in QUALIFICATION_WORDS if one_slip(word, target)), word)

    return re.sub(r"(?<![\w'])[a-z]{5,10}(?![\w'])", respell, text)


# A subject picked up outside any course: "taught myself coding", "a bit of coding on the side"
SELF_TAUGHT_BEFORE = re.compile(r"\b(?:taught myself|teaching myself|self[- ]taught|self[- ]learn\w*|"
                                r"learn(?:ed|t|ing)? (?:some|a bit of)|dabbled? in|dabbling in|hobby)"
                                r"\s(?:[a-z]+\s)?$")
SELF_TAUGHT_AFTER = re.compile(r"\s(?:[a-z]+\s)?(?:on the side|as a hobby|in my (?:spare|free|own) time|"
                               r"for fun|by myself|myself)\b")


def _learnt_outside_study(text: str, subject: re.Match[str]) -> bool:
    """ "history degree but I taught myself coding", "a music degree, and a bit of coding on the
    side": the similar subject is not the qualification's."""
    return bool(SELF_TAUGHT_BEFORE.search(text[max(0, subject.start() - 30):subject.start()]) or
                SELF_TAUGHT_AFTER.match(text, subject.end()))


def _studied_beside_a_bare_degree(text: str, subject: re.Match[str]) -> bool:
    """ "I did computing back home, a 3 year bachelors": a subject said to be studied in one clause,
    the degree in another that names no subject, and no other subject said."""
    if not re.search(r"\b(?:did|studied|read|took|majored in)\s+(?:a\s+|an\s+)?$", text[:subject.start()]):
        return False
    parts = clauses(text)
    own = next((part for part in parts if subject.group(0) in part), "")
    if BELOW_LEVEL4.search(own) or re.search(r"\bschool\b", own):
        return False  # "did computing at sixth form": not the degree's subject
    others = [part for part in parts if part != own]
    return any(LEVEL4_PLUS.search(part) for part in others) and \
        not any(_names_a_subject(part) or SIMILAR_SUBJECTS.search(part) for part in others)


# Some of a similar subject within a course of another: "did some coding in it", "with a bit of
# programming", "a couple of computing modules"
PART_OF_COURSE = re.compile(r"\b(some|a bit of|a little(?: bit of)?|bits of|a few|a couple of|a|an|one)\s"
                            r"(?:[a-z]+\s)?$")
WITHIN_IT = (r"\s(?:in it|as part of it|in the (?:degree|course)|on the (?:degree|course)|within it|"
             r"in there)\b")
IN_THE_COURSE = re.compile(r"\s(?:modules?|units?|classes|lectures|papers)\b(?:" + WITHIN_IT + r")?|" +
                           WITHIN_IT)


def _without_similar_parts(text: str, subjects: re.Pattern[str] = SIMILAR_SUBJECTS) -> str | None:
    """The text less the similar subjects it names only as a part of a course ("Physics degree, did
    some coding in it", "a chemistry degree with a bit of programming", "one computing module");
    None when a similar subject is named any other way ("a computing degree") or none is."""
    said = [m for m in subjects.finditer(text) if not _negated(text, m.start())]
    spans = []
    for subject in said:
        if spans and subject.start() < spans[-1][1]:
            continue  # ("some coding in it": "in it" is not IT)
        before = text[max(0, subject.start() - 25):subject.start()]
        part = PART_OF_COURSE.search(before)
        in_course = IN_THE_COURSE.match(text, subject.end())
        if not part or not (in_course or (part.group(1) not in ("a", "an", "one") and
                                          re.search(r"\bwith\s$", before[:part.start()]))):
            return None
        spans.append((subject.start() - len(before) + part.start(),
                      in_course.end() if in_course else subject.end()))
    for start, end in reversed(spans):
        text = text[:start] + " " + text[end:]
    return text if spans else None


# A subject said of a course below Level 4, not of the degree: "a coding bootcamp certificate"
SHORT_COURSE = re.compile(r"\s(?:boot ?camp|short course|online course|certificate|certification|"
                          r"cert|ticket|badge)s?\b")
# Doubt about whether the subject is similar: "might be similar?", "not sure if it's related"
SIMILARITY_HEDGED = re.compile(r"\b(?:might|may|could|possibly|maybe|perhaps)\s(?:be\s|count as\s)?"
                               r"(?:similar|related|relevant|close enough|the same)\b|"
                               r"\b(?:not sure|unsure|don'?t know) (?:if|whether) "
                               r"(?:it'?s|it is|that'?s|it)?\s?(?:similar|related|relevant|close enough)\b")
# "yes, but it's in music", "yes it was in law": the subject, said after the yes
SUBJECT_AFTER_YES = re.compile(r"\b(?:it'?s|its|it is|it was|mine is|mine'?s|mine was|that'?s|but)\s"
                               r"(?:in|on)\s([a-z]+)")
# Studying for it and saying it is not held yet: "not finished yet", "finishing in June"
NOT_YET_DONE = re.compile(r"\b(?:not|haven'?t|have not|hasn'?t|not yet) (?:yet )?(?:finished|completed|done|"
                          r"graduated|passed)\b|\b(?:finish|finishing|finishes|graduate|graduating|"
                          r"complete|completing|will (?:finish|graduate|complete)) (?:it |them )?"
                          r"(?:in|next|at the end of|this)\b")


NOT_SUBJECTS = {"a", "an", "the", "my", "uni", "university", "at", "for", "in", "abroad", "there",
                "here", "hard", "it", "this", "that", "college", "school",
                "first", "second", "third", "2:1", "2",
                "1", "undergraduate", "bachelors", "bachelor's", "masters", "master's", "honours",
                "hons", "level", "foundation", "full", "part", "online", "proper", "related", "some",
                # "yes same degree", "the one i mentioned": the degree said before, not a subject
                "same", "mentioned", "said"}


def _business_degree(text: str) -> bool:
    """A business subject said of the Level 4+ qualification: "a degree in business management"."""
    level4 = [m.start() for m in LEVEL4_PLUS.finditer(text)]
    return any(abs(m.start() - q) <= 25 for m in BUSINESS_SUBJECTS.finditer(text) for q in level4)


def _close_subject_degree(text: str) -> bool:
    """A close subject said of the Level 4+ qualification ("BSc Maths"), not of a school one ("maths
    at A level and a history degree")."""
    level4 = [m.start() for m in LEVEL4_PLUS.finditer(text)]
    return any(
        any(abs(m.start() - q) <= 25 for q in level4)
        and not SCHOOL_LEVEL_BEFORE.search(text[max(0, m.start() - 12):m.start()])
        and not SCHOOL_LEVEL_AFTER.match(text[m.end():])
        for m in CLOSE_SUBJECTS.finditer(text))


SCHOOL_LEVEL_BEFORE = re.compile(r"\b(?:gcse|a[- ]?level|as[- ]?level|btec|higher)s?\s*$")
SCHOOL_LEVEL_AFTER = re.compile(r"^\s{1,3}(?:at\s{1,3})?(?:gcse|a[- ]?level|as[- ]?level|btec|higher)")


def _names_a_subject(text: str) -> bool:
    """ "a degree in history", "a history degree", "BA English": a subject is named."""
    # Each form on its own: "BSc in Sports Science" is "bsc in" (no subject) and "in sports".
    for pattern in (r"\b(?:in|of|studied|did|en)\s+([a-z]+)",
                    r"\b([a-z]+) (?:degree|masters?|" + DEGREE_LETTERS + r")\b",
                    r"\b(?:" + DEGREE_LETTERS + r")(?:\s?\(?hons\)?)?\s+([a-z]+)"):
        for match in re.finditer(pattern, text):
            word = match.group(1)
            if word not in NOT_SUBJECTS and not LEVEL4_PLUS.fullmatch(word):
                return True
    return False


def _count_before(text: str, noun: str) -> int | None:
    match = re.search(r"(\d+)\s+(?:\w+\s+){0,3}?" + noun, text)
    return int(match.group(1)) if match else None


def parse_gcses(text: str) -> str | None:
    text = normalise(re.sub(r"(\d)\s*-\s*(\d)", r"\1 to \2", text))
    # Scotland's National 5s are the GCSE equivalent: "National 5s", "nat 5s" are nationals
    text = re.sub(r"\b(?:national|nat)\s*5'?s?\b", "nationals", text)
    from bot.eligibility.numbers import words_to_digits

    text = words_to_digits(text)
    if is_not_sure(text):
        return NOT_SURE
    if _only_wanted(text):
        return None  # "I'd need 5 GCSEs for that?"
    if _school_leaving_abroad_held(text):
        return YES  # "I did gaokao in China, no GCSEs": a school-leaving qualification from abroad counts
    listed = _grades_listed(text)
    if listed is not None and listed >= 5:
        return YES  # "maths 6, english 5, science 5 5, art 4": five passes or more, subject by subject
    grades = GRADES_ONLY.fullmatch(text)
    if grades:
        # "5,4,4,3,3": the grades alone, one a subject; five passes (4 or C and above) or not
        passed = sum(grade in PASSING_GRADES for grade in re.findall(r"a\*|[1-9]|[a-gu]", text))
        return YES if passed >= 5 else NO
    span = re.search(r"\b(\d+)\s*(?:or|to)\s*(\d+)\b", text)
    if span and (re.search(r"\b(at|grades?|between)\s*$", text[max(0, span.start() - 10):span.start()]) or
                 re.search(r"\b\d{1,2}\b", text[:span.start()])):
        # "at 9 to 4", "seven GCSEs, 5 to 8": grades (after the count), not a count
        if int(span.group(1)) < 4 or int(span.group(2)) < 4:
            return None  # some of them may be below a pass: how many passed is not said
        span = None
    if span and (int(span.group(1)) >= 5) != (int(span.group(2)) >= 5):
        return None  # "4 or 5": either side of five
    doubted = DOUBTED_COUNT.search(text)
    if doubted and any((int(number) >= 5) != (int(doubted.group(1) or doubted.group(2)) >= 5)
                       for number in re.findall(r"\b\d{1,2}\b", text[:doubted.start()])):
        return NOT_SURE  # "I think 6? might have only been 4": a count given, then doubted
    count = _count_before(text, r"(gcses?|passes|o[- ]?levels?|nationals|standard grades|subjects|"
                                r"at grade|at grades|grade [a-c4-9]|at [a-c4-9]|at (c|4) or above)")
    passes = _passes_before_failed_rest(text)
    if passes is not None:
        return YES if passes >= 5 else NO  # "2 Bs, a couple of Cs, the rest Ds": 4 passes
    counted = sum(GRADE_COUNT_WORDS.get(match.group(1)) or int(match.group(1))
                  for match in COUNTED_PASSES.finditer(text))
    if count is None and counted >= 5 and not NEGATION.search(text):
        return YES  # "think I got about 6 Cs", "3 Bs and 2 Cs": five passes or more, grade by grade
    leading = re.search(r"^\s*(\d+)\b|\b(only|just|got|have|has|passed|with|so|think so)\s*,?\s+(\d+)\b",
                        text)
    if count is None and leading:
        count = int(leading.group(1) or leading.group(3))
    after = re.search(r"\b(?:gcses|o[- ]?levels|passes)\b[\s,:;-]*(?:(?:yes|yeah|yep|i have|i got|got|about|"
                      r"around|roughly)\b[\s,:;-]*)?(\d+)\b(?!\s*(?:years?|months?))", text)
    if count is None and after:
        count = int(after.group(1))  # "GCSEs: 6", "gcses - yes, 7"
    of_them = re.search(r"\b(?:gcses?|o[- ]?levels?|nationals|standard grades)\b[^.;]{0,20}?"
                        r"\b(\d+) of them\b",
                        text)
    if count is None and of_them:
        count = int(of_them.group(1))  # "Nationals, 6 of them"
    failed = re.search(r"\b(\d+)(?:'s\s+|\s+(?:of them\s+|of those\s+)?(?:were|was|are|is|at|got|graded)\s+)"
                       r"(?:a\s+|an\s+)?(?:grade\s+)?(?:[1-3]|[d-gu])s?\b|"
                       r"\b(\d+)\s+(?:of them\s+)?(?:were\s+)?(?:fails|failed|below (?:a\s+)?(?:c|4))\b",
                       text)
    if count is not None and failed:
        below = int(failed.group(1) or failed.group(2))
        # "6 GCSEs but two were grade 3": those below C (4) are not passes
        if below >= count or count >= 20:
            return None
        return YES if count - below >= 5 else NO
    if _only_failing_grades(text):
        # "mostly Ds and Es", "all 3s": grades below C (4); with a count, how many passed is unclear
        return NO if count is None or count < 5 else None
    rest_failed = re.search(r"\b(?:failed|didn'?t pass|did not pass)\s(?:the rest|everything else|"
                            r"all the others|the others|all the rest|all the other ones)\b|"
                            r"\b(?:the rest|everything else|all the others|the others)\s(?:were|was)\s"
                            r"(?:fails|failed|below|under|us|u'?s)\b", text)
    if count is None and re.search(r"\b(only|just)\b", text) and \
            re.search(r"\bfunctional skills\b", text) and \
            not re.search(r"\b(gcses?|o[- ]?levels?|nationals|standard grades?)\b", text):
        return NO  # "functional skills maths only": not five GCSEs
    if count is None and (re.search(r"\b(only|just)\b", text) or rest_failed):
        # "only maths and English", "maths and English at 4, failed the rest": fewer than five passes
        subjects = re.findall(r"\b(maths|english|science|history|geography|art|music|french|spanish|"
                              r"german|biology|chemistry|physics|ict|pe|re|drama|business)\b", text)
        if 0 < len(subjects) < 5:
            return NO
    equivalent = EQUIVALENT_SINCE.search(text)
    if count is not None and count < 5 and equivalent and \
            not re.search(r"\b(?:no|not|never|didn'?t|haven'?t|without)\b[^,.;]{0,15}$",
                          text[:equivalent.start()]):
        return NOT_SURE  # "got 3 GCSEs but then did an access course": the admissions team weighs it
    functional = FUNCTIONAL_SKILLS_L2.search(text)
    if count is not None and count < 5 and functional and not NEGATION.search(functional.group(0)) and \
            not re.search(r"\b(?:no|not|never|didn'?t|haven'?t|without|failed)\b[^,.;]{0,15}$",
                          text[:functional.start()]) and \
            count + max(1, len(set(re.findall(r"\b(?:maths|math|english)\b", functional.group(0))))) >= 5:
        # "4 GCSEs at C and a D in maths, but I did functional skills maths level 2 later": the
        # missing pass made up by its equivalent: the admissions team weighs it
        return NOT_SURE
    if count is not None and count < 20:
        return YES if count >= 5 else NO
    if re.search(r"\bfailed (all|most|the lot|loads)\b", text) or LEFT_WITH_NOTHING.search(text):
        return NO  # ("left school with nothing": no passes at all)
    if re.search(r"\b(no|none|never (did|took|sat)|didn'?t (do|take|sit|get)|failed (all|most))\b"
                 r".{0,15}\b(gcses?|exams|any)\b|\bno gcses\b|\bwithout (any|gcses|qualifications)\b|"
                 r"\bno qualifications\b", text):
        return NO
    if GCSE_EQUIVALENT_ABROAD.search(text) and not NEGATION.search(text) and \
            not NOT_PASSED.search(text) and not IN_PROGRESS.search(text):
        return YES  # "Abitur from Germany", "WASSCE": a school-leaving qualification from abroad
    if re.search(r"\b(nationals|standard grades?|o[- ]?levels?|equivalent|loads|lots|all of them|"
                 r"plenty)\b", text) and not NEGATION.search(text):
        return YES
    # "GCSEs: yes, all good grades", "my gcses - no": the subject said first, then the answer
    return parse_yes_no(re.sub(r"^(?:my |the )?(?:gcses?|o[- ]?levels?)\s*[:,;-]?\s*"
                               r"(?=(?:yes|yeah|yep|yup|no|nope|nah)\b)", "", text))


# School-leaving qualifications elsewhere, at Level 3 or its equivalent (so five GCSEs' equivalent
# too): "Abitur", "Baccalauréat", "the Leaving Cert", "matura", South Asia's Higher Secondary
# Certificate ("HSC", but not Health and Social Care: "a diploma in HSC", "BTEC HSC level 2")
SCHOOL_LEAVING_ABROAD = (r"(?:irish )?leaving cert(?:ificate)?(?! applied)|bac+al+au?r[a-zé]{2,6}|abitur|"
                         r"matura|cambridge pre-?u|european baccalaureate|gaokao|bachillerato|"
                         r"(?:12th|twelfth) (?:standard|std)|class (?:12|xii)|"
                         r"(?:higher|senior) secondary (?:school )?(?:certificate|cert)|"
                         r"(?<!in )(?<!btec )(?<!nvq )hsc(?! (?:level|l[1-8]|diploma|nvq|btec|course)\b)")
# School-leaving qualifications abroad at about GCSE level or above: those read as Level 3 (see
# SCHOOL_LEAVING_ABROAD), the International Baccalaureate, West Africa's WAEC/WASSCE and South Asia's
# Secondary School Certificate ("10th standard", "SSC", "class 10", "matric")
GCSE_EQUIVALENT_ABROAD = re.compile(r"\b(?:" + SCHOOL_LEAVING_ABROAD + r"|ib|waec|wassce|ssce|ssc|sslc|"
                                    r"(?:10th|tenth) (?:standard|std|class)|class (?:10|x)|"
                                    r"secondary school (?:leaving )?certificate|matric\w*)\b")
# One named by its name, not by letters that are also words ("ib", "hsc", "ssc" are left out here)
SCHOOL_LEAVING_NAMED = re.compile(r"\b(?:(?:irish )?leaving cert(?:ificate)?(?! applied)|"
                                  r"bac+al+au?r[a-zé]{2,6}|abitur|matura|gaokao|bachillerato|"
                                  r"european baccalaureate|waec|wassce|"
                                  r"(?:higher|senior) secondary (?:school )?(?:certificate|cert))\b")


def _school_leaving_abroad_held(text: str) -> bool:
    """ "I did gaokao in China, no GCSEs", "no GCSEs but I have the matura": a school-leaving
    qualification from abroad named in a clause of its own with no "not" (nor failed or still being
    studied), beside GCSEs said not to be held: an equivalent of them counts."""
    parts = clauses(text)
    return len(parts) >= 2 and any(
        SCHOOL_LEAVING_NAMED.search(part) and not NEGATION.search(part) and not NOT_PASSED.search(part) and
        not IN_PROGRESS.search(part) and not STUDYING_NOW.search(part) and not WANTED.search(part)
        for part in parts) and \
        any(GCSES_NOT_HELD.search(part) for part in parts)


# GCSEs said not to be held: "no GCSEs", "didn't do GCSEs", "never sat any GCSEs", "without GCSEs"
GCSES_NOT_HELD = re.compile(r"\b(?:no|none|never (?:did|took|sat|had)|didn'?t (?:do|take|sit|get|have)|"
                            r"did not (?:do|take|sit|get|have)|haven'?t(?: got)?|without)\s"
                            r"(?:any\s)?(?:uk\s|british\s|english\s)?gcses?\b")
# A qualification taken since that may stand for the GCSEs missing: "but then did an access course"
EQUIVALENT_SINCE = re.compile(r"\baccess (?:to he |to higher education )?(?:course|diploma)\b|"
                              r"\bequivalen(?:cy|ce|t) (?:test|exam|course)s?\b")
# Functional Skills at Level 2, a GCSE pass's equivalent in its subject: "functional skills maths level
# 2", "level 2 functional skills in english and maths", "FS maths L2"
FUNCTIONAL_SKILLS_L2 = re.compile(r"\b(?:functional skills|fs)\s(?:(?:in\s)?(?:maths|math|english)\s(?:and\s"
                                  r"(?:maths|math|english)\s)?)?(?:at\s)?(?:level|l)\s?2\b|"
                                  r"\b(?:level|l)\s?2\s(?:functional skills|fs)\b(?:\s(?:in\s)?(?:maths|math|"
                                  r"english)(?:\s(?:and|&)\s(?:maths|math|english))?)?")
# A qualification not passed or not finished: "failed my Abitur", "didn't finish the matura"
NOT_PASSED = re.compile(r"\b(?:failed|fail|didn'?t (?:pass|finish|complete|get)|did not (?:pass|finish|"
                        r"complete|get)|dropped out|unfinished)\b")
# A count said again with doubt: "might have only been 4", "could've been 3", "or maybe only 4"
DOUBTED_COUNT = re.compile(r"\b(?:might|may|could|must)(?:\s?have|'ve)?\s(?:only\s|just\s)?be(?:en)?\s"
                           r"(?:only\s|just\s)?(\d{1,2})\b|\bor (?:maybe|possibly|perhaps) (?:only |just )?"
                           r"(\d{1,2})\b")
# School left without a qualification: "left school with nothing", "came out of school with no exams"
LEFT_WITH_NOTHING = re.compile(r"\b(?:left|leaving|came out of|finished|quit)\s(?:school|education|college)\s"
                               r"(?:at \d{2}\s)?with\s(?:nothing|none|zero|no (?:qualifications|quals|exams|"
                               r"gcses|grades|passes))\b")
GCSE_SUBJECTS = (r"maths|math|mathematics|english(?: language| lang| literature| lit)?|science|"
                 r"(?:combined|double|triple) science|biology|chemistry|physics|history|geography|art|"
                 r"music|french|spanish|german|ict|computing|computer science|pe|re|rs|drama|business|"
                 r"media|d&t|dt|design and technology|food tech\w*|statistics|economics|psychology|"
                 r"sociology|citizenship|latin|welsh|textiles|photography")
GRADED_SUBJECT = re.compile(r"\b(?:" + GCSE_SUBJECTS + r")\b\s{0,2}[:=-]?\s{0,2}"
                            r"((?:[1-9]|a\*|[a-gu])(?:\s{0,2}[,/]?\s{0,2}(?:[1-9]|a\*)\b){0,2})\b")


def _grades_listed(text: str) -> int | None:
    """The passes in a list of subjects with their grades ("maths 5, english 4, science 4 4"), or
    None when fewer than three subjects are given with a grade."""
    found = list(GRADED_SUBJECT.finditer(text))
    if len(found) < 3:
        return None
    grades = [grade for match in found for grade in re.findall(r"a\*|[1-9]|[a-gu]", match.group(1))]
    return sum(grade in PASSING_GRADES for grade in grades)


PASSING_GRADES = frozenset({"a*", "a", "b", "c", "9", "8", "7", "6", "5", "4"})
# Grades alone, four or more, as the whole answer: "5,4,4,3,3", "A*, A, B, C, C", "9 8 7 7 6 5"
GRADES_ONLY = re.compile(r"\s?(?:[1-9]|a\*|[a-gu])(?:\s?[,/]?\s?(?:[1-9]|a\*|[a-gu])(?![\w*])){3,11}"
                         r"\s?[.!]?\s?")
FAILING_GRADES = frozenset({"d", "e", "f", "g", "u", "3", "2", "1"})


# Passes counted by grade ("a couple of Cs", "3 Bs"), and the rest said to be below a pass
COUNTED_PASSES = re.compile(r"\b(\d|a couple of|couple of|a few|a pair of)\s(?:grade\s)?"
                            r"(?:a\*|[a-c]|[4-9])'?s\b")
REST_BELOW_A_PASS = re.compile(r"\b(?:the rest|everything else|all the others|the others)\s"
                               r"(?:were\s|was\s|are\s|at\s|got\s)?(?:all\s)?(?:grade\s)?(?:[d-g]|u|[1-3])'?s?\b")
GRADE_COUNT_WORDS = {"a couple of": 2, "couple of": 2, "a pair of": 2, "a few": 3}


def _passes_before_failed_rest(text: str) -> int | None:
    """ "a couple of Cs and the rest Ds": the passes counted grade by grade, when the rest are said
    to be below a pass; None otherwise."""
    rest = REST_BELOW_A_PASS.search(text)
    counted = list(COUNTED_PASSES.finditer(text, 0, rest.start())) if rest else []
    if not counted:
        return None
    return sum(GRADE_COUNT_WORDS.get(match.group(1)) or int(match.group(1)) for match in counted)


def _only_failing_grades(text: str) -> bool:
    """Grades named as a plural ("Ds and Es", "3s") or after "grade(s)", all below C (4)."""
    grades = set(re.findall(r"\b([a-g]|[1-9])'?s\b", text))  # not "us": a word
    grades |= set(re.findall(r"\bgrades?\s+([a-gu]|[1-9])\b", text))
    # "most were D and E", "all were 3": grades said after "were", one or two of them
    for said in re.finditer(r"\b(?:were|was|all|mostly)\s+(?:grade\s+|grades\s+)?([d-gu]|[1-3])"
                            r"(?:\s*(?:and|,|or|&)\s*([a-gu]|[1-9]))?\b", text):
        grades |= {grade for grade in said.groups() if grade}
    if re.search(r"\b(a\*|a stars?)\b", text):
        grades.add("a*")
    return bool(grades) and grades <= FAILING_GRADES


def _only_wanted(text: str) -> bool:
    """ "I'd need A levels", "hoping to do a BTEC": a qualification wanted, none said to be held."""
    return bool(WANTED.search(text)) and not re.search(
        r"\b(i have|i'?ve|ive|i got|got|i hold|passed|i did|did|completed|finished|have got|have)\b",
        WANTED.sub(" ", text))


def parse_level3(text: str) -> str | None:
    text = respelt_qualifications(normalise(text))
    if is_not_sure(text):
        return NOT_SURE
    if _only_wanted(text):
        return None
    if re.search(r"\bleft (school|education) (after|with) (my )?(gcses|o levels|nationals)\b|"
                 r"\b(dropped out of|left|quit|didn'?t finish|never finished) "
                 r"(sixth form|college|my a[- ]?levels)\b",
                 text) and not re.search(r"\b(but|though|then|later)\b.{0,30}\b(got|have|did|passed|finished|"
                                         r"completed)\b", text):
        return NO  # sixth form or college left before its Level 3 was finished
    if FAILED_ALL.search(text):
        return NO  # "I did sixth form but failed everything": there, and left with nothing passed
    if IN_PROGRESS.search(text) and not re.search(r"\b(already|also) (have|got)\b", text):
        # studying for it now: not held yet. Said so ("finishing in June", "doing them now"), a no;
        # otherwise asked again
        return _still_studying(text)
    if re.search(r"\b(only|just)\b.{0,15}\b(gcses?|level [12]|nationals)\b|\blevel [12] only\b|"
                 r"\b(nvq|btec|cambridge technicals?) (level )?[12]\b", text):
        return NO
    qualification = QUALIFICATION.search(text)
    # "passed A level maths but failed the rest": one passed is a Level 3 held (the rest failed
    # takes nothing from it)
    passed_one = re.search(r"\b(?:passed|got|have|did)\b[^,.;]{0,15}\b(?:" + QUALIFICATION_NAMES +
                           r")\b[^.;]{0,40}\bfailed (?:the rest|the others|everything else|all the others|"
                           r"the other (?:ones?|two|three|subjects?))\b", text)
    unfinished = re.search(r"\b(didn'?t|did not|never) (finish|complete|pass|get)|\b(dropped out|failed|"
                           r"quit|left)\b", text) and not passed_one
    if qualification and not unfinished and any(
            not _qualification_negated(text, match) for match in QUALIFICATION.finditer(text)):
        return YES
    if qualification:
        return NO
    if re.search(r"\blevel [12]\b|\bl[12]\b", text) and not NEGATION.search(text):
        return NO  # "a level 2 NVQ": below level 3 ("a level 2" is not an A level)
    if re.search(r"\bbtec\b|\bnvq\b|\bdiploma\b", text) and not re.search(r"\b(level [123]|l[123])\b", text):
        answer = parse_yes_no(text)
        return answer if answer in (NO, NOT_SURE) else None  # which level?
    return parse_yes_no(text)


# Sixth form or college done, every exam failed: "did sixth form but failed everything", "went to college,
# failed the lot", "sixth form, didn't pass any of them"
FAILED_ALL = re.compile(r"\b(?:sixth form|6th form|college)\b[^.;]{0,30}?\b(?:failed|flunked|didn'?t pass|"
                        r"did not pass)\s(?:everything|all of (?:it|them|my exams)|them all|it all|the lot|"
                        r"any of (?:it|them)|anything|all (?:my |the )?(?:exams|subjects|a[- ]?levels))\b")


QUALIFICATION_NAMES = (
    r"a[- ]?levels?(?! ?\d)|as levels?|btec (level 3|l3|extended|national|diploma)|level 3|l3|"
    r"cambridge technicals?(?! (?:level )?[12]\b)|(?:national )?extended (?:certificate|diploma)|"
    r"nvq (level )?3|t[- ]?levels?|highers?|advanced highers?|international baccalaureate|ib|"
    r"access (to he |to higher education )?(course|diploma)|access course|advanced apprenticeship|"
    r"extended diploma|hnd|hnc|degree|foundation degree|masters?|bsc|ba hons|university|"
    # above Level 3: a bachelor's or master's ("a bachelor's from a uni in Pakistan"); OND and ONC, the
    # Ordinary National Diploma and Certificate, were Level 3
    r"bachelor'?s|bachelor (?:degree|of)|master'?s|msc|mba|phd|doctorate|"
    r"ond|onc|ordinary national (?:diploma|certificate)|"
    # school-leaving qualifications elsewhere, at Level 3 or its equivalent
    + SCHOOL_LEAVING_ABROAD)
QUALIFICATION = re.compile(r"\b(" + QUALIFICATION_NAMES + r")\b")
# "didn't do A levels", "never did a BTEC", "no A levels", "haven't got a degree": a qualification
# said as not held
QUALIFICATION_NEGATED = re.compile(r"\b(?:didn'?t|did not|never|haven'?t|havent|have not|hasn'?t|don'?t|dont|"
                                   r"do not|no|not|without|nope|nah)(?:[\s-]{1,3}[\w']{1,15}){0,3}[\s-]*$")


def _qualification_negated(text: str, match: re.Match[str]) -> bool:
    clause_start = max(text.rfind(sep, 0, match.start()) for sep in (",", ".", ";", " but ", " and "))
    before = text[clause_start + 1:match.start()][-40:]
    return bool(QUALIFICATION_NEGATED.search(before)) or _negated(text, match.start())


# "Information and Creative Technology", "Information & Communication Technology": IT by its full
# name, with a word between
IT_SUBJECT = re.compile(r"\b(it(?!'|\s(?:is|was|were|isn'?t|wasn'?t|will|does|did|doesn'?t|didn'?t|has|had|"
                        r"covers?|counts?|includes?|might|may|would|should|could|can)\b)|"
                        r"ict|computing|computer science|computers?|information technology|cyber|"
                        r"information (?:and|&) [a-z]{3,15} technolog\w*|"
                        r"networking|networks|software|digital|ecdl|imedia|icdl)\b")
# A certificate from a vendor or an online course, whose level is not plain from its name
VENDOR_CERTIFICATE = re.compile(r"\b(google|comptia|microsoft|cisco|ccna|aws|amazon|azure|coursera|udemy|"
                                r"linkedin learning|codecademy|free ?code ?camp|online)\b")
# Vendors whose certificates are all in IT: naming one names the subject
IT_VENDOR = re.compile(r"\b(comptia|cisco|ccna|ccnp|aws|azure)\b")
LEVEL_NAMED = re.compile(r"\b(btec|nvq|gcses?|a[- ]?levels?(?! ?\d)|level [1-8]|l[1-8]|nationals?|"
                         r"highers?|cambridge technical|t[- ]?levels?|degree|hnd|hnc|diploma)\b")


# Qualifications said to be only in school subjects: "only in maths and english", "just science"
ONLY_OTHER_SUBJECTS = re.compile(r"\b(?:only|just|mainly|all)\s(?:in\s)?(?:" + GCSE_SUBJECTS + r")\b")


def parse_it_qualification(text: str) -> str | None:
    text = normalise(text)
    if is_not_sure(text):
        return NOT_SURE
    if _only_wanted(text):
        return None
    if re.search(r"\b(only got|got) an? [1-3u]\b|\bfailed\b", text):
        return NO  # a grade below a pass
    if IN_PROGRESS.search(text) and not re.search(r"\b(already|also) (have|got)\b", text):
        return _still_studying(text)  # "I'm doing a level 3 IT course now": not held yet
    it = IT_SUBJECT.search(text)
    level = re.search(r"\b(btec|nvq|ecdl|icdl|gcses?|a[- ]?levels?(?! ?\d)|level [23]|l[23]|diploma|"
                      r"nationals?|national [45]s?|(scottish |advanced )?highers?|cambridge technical|"
                      r"t[- ]?level|degree|hnd|hnc|certificate)\b", text)
    below = re.search(r"\b(level 1|l1|entry level|entry 3)\b", text)
    if it and below and not re.search(r"\b(level [2-8]|l[2-8]|gcses?|a[- ]?levels?(?! ?\d)|nationals?|"
                                      r"national [45]s?|highers?|cambridge technical|t[- ]?level|degree|"
                                      r"hnd|hnc)\b", text):
        return NO  # "just a level 1 IT certificate": below the level asked for
    if NOT_SIMILAR_SAID.search(text) and not IT_SUBJECT.search(NOT_SIMILAR_SAID.sub(" ", text)):
        return NO  # "A level maths, nothing in IT": IT named only to deny it
    if (it or IT_VENDOR.search(text)) and VENDOR_CERTIFICATE.search(text) and not LEVEL_NAMED.search(text):
        return NOT_SURE  # "a Google IT support certificate", "CompTIA A+": at what level is for the team
    in_part = _without_similar_parts(text, IT_SUBJECT) if it else None
    if in_part is not None and LEVEL_NAMED.search(in_part):
        return NOT_SURE  # "some IT modules in my business diploma": IT a part of another course
    if it and level and not _negated(text, it.start()) and not NO_WORDS.search(text):
        return YES
    if re.search(r"\bself[- ]taught\b|\bno (formal )?qualifications?\b|\bnothing formal\b|"
                 r"\btaught myself\b", text):
        return NO
    if level and not it and re.search(r"\b(were|was|in|are)\b", text) and not YES_WORDS.search(text):
        return NO  # qualifications named, none of them in IT
    if not it and re.search(r"\bqualifications?\b[^.;]{0,20}\b(all |only |just |mainly )?in\s+[a-z]",
                            text) and \
            not YES_WORDS.search(text):
        return NO  # "my qualifications are all in business": in a subject, not IT
    if not it and ONLY_OTHER_SUBJECTS.search(text) and not YES_WORDS.search(text):
        return NO  # "just in history and French": subjects named, none of them IT
    return parse_yes_no(text)


# --- work ---------------------------------------------------------------------------------------

EMPLOYED_NO = re.compile(
    r"\b(unemployed|not (currently )?(working|employed|in work)|out of work|between jobs|"
    r"job ?hunting|looking for (a )?(job|work)|jobless|student|at (uni|university|college|school)|"
    r"stay[- ]at[- ]home|full[- ]time (mum|dad|parent|carer)|carer|retired|on benefits|"
    r"career break|made redundant|redundant|no job|don'?t have a job|not got a job|lost my job|"
    r"laid off|let go|sacked|fired|"
    r"year 1[0-3]|sixth form|in school|at school|doing (my )?a[- ]?levels)\b"
)
NOT_RELEVANT_JOBS = re.compile(
    r"\b(shop|retail|supermarket|wareho\w*|picking and packing|pick and pack|restaurant|cafe|bar|pub|"
    r"hospitality|waiter|waitress|"
    r"barista|chef|cleaner|cleaning|driver|delivery|courier|care home|carer|care (worker|assistant)|"
    r"support worker|healthcare assistant|nurse|nursing|"
    r"construction|builder|labourer|factory|hairdresser|beautician|security guard|receptionist|"
    r"call centre|cashier|sales assistant|teacher|teaching assistant|plumber|electrician|"
    r"mechanic|joiner|carpenter|painter|decorator|gardener|farmer|postman|postwoman|bus driver|"
    r"taxi|uber|hgv|forklift|nanny|childminder|bartender|kitchen|tesco|sainsbury'?s|asda|aldi|lidl|"
    r"morrisons|mcdonald'?s|costa|greggs|primark|boots|argos|b&q|nando'?s|starbucks|pret|admin|"
    r"administration|administrative|office junior|payroll|hr|finance assistant|accounts|"
    # public services, health, the trades and other work outside digital and IT
    r"police (?:officer|constable|staff)|policeman|policewoman|pcso|prison officer|firefighter|"
    r"fireman|paramedic|soldier|(?:in the )?(?:army|navy|raf)|doctor|gp|dentist|pharmacist|midwife|"
    r"physio\w*|social worker|youth worker|lawyer|solicitor|barrister|estate agent|customer service\w*|"
    r"hotel|porter|bricklayer|scaffolder|roofer|plasterer|welder|butcher|baker|florist|vet|"
    r"train driver|cabin crew|flight attendant|pilot|postal worker|refuse collector|bin man|lifeguard|"
    r"personal trainer|fitness instructor|dental nurse|optician|beauty therapist|barber)\b"
)
RELEVANT_JOBS = re.compile(
    # ("it" the pronoun is no job: "it involves...", "it's admin")
    r"\b(analyst|business analysis|it(?!'|\s(?:is|was|isn'?t|wasn'?t|will|does|did|doesn'?t|didn'?t|has|had|"
    r"involves?|includes?|means|might|may|would|should|could|can|counts?)\b)|ict|tech|technology|digital|data|software|developer|"
    r"devs?|cyber|security (operations|analyst|team)|soc|infosec|information security|service desk|"
    r"helpdesk|help desk|it support|tech support|infrastructure|network\w*|systems|devops|"
    r"project (support|officer|manager)|product|change team|transformation|testing|tester|qa|"
    r"requirements (gathering|analysis|capture)|process (improvement|mapping|analysis|design)|"
    r"business process\w*|user research|service design|reporting|dashboards?|spreadsheets?|mi reports?)\b"
)
# A relevant job named as the whole answer, or with where it is: "IT support at a school".
ROLE_NAMED = re.compile(
    # ("I'm IT support for the NHS trust": the job said as what they are)
    r"(?:(?:i'?m|im|i am) )?(?:i do |doing |in |working in |work in )?"
    r"(?:it|ict|tech|technical|desktop|network|infrastructure)"
    r"\s(?:support|helpdesk|help desk|service desk|technician|operations)|"
    r"(?:i do |doing |in |working in |work in )?(?:service desk|helpdesk|help desk|infosec|"
    r"information security|cyber security|cybersecurity|devops|software development|web development|"
    r"data analysis|data analytics|business analysis|software testing|networking)"
    r"(?=\s*$|\s*[,.!]|\s+(?:at|for|in|with|role|job|team|work)\b)")
# The person says their job is not a relevant one.
NOT_RELEVANT_SAID = re.compile(
    r"\b(not|isn'?t|nothing)\s+(really\s+|very\s+|that\s+|at all\s+|particularly\s+)?(?:in anything\s+)?"
    r"(relevant|related|"
    r"in (tech|it|digital|technology|a tech role|an it role)|a tech (job|role)|an it (job|role)|"
    r"tech(nical|y)?|it[- ]related|tech[- ]related|to do with (it|tech|computers))\b|"
    r"\b(unrelated|irrelevant)\b"
)


# "BA" as the job they hold (not a degree): "I'm a junior BA", "working as a BA"
BA_TITLE = re.compile(r"\b(?:i'?m|i am|im|work(?:ing)? as|job as|role as|employed as)\s(?:an?\s)?"
                      r"(?:junior\s|senior\s|trainee\s|lead\s|associate\s|graduate\s)?ba\b(?!\s(?:in|hons|\(?hons))")
# Only a part of the job is relevant work: "it involves a bit of process improvement", "some data entry"
PART_OF_THE_JOB = re.compile(r"\b(?:a bit of|a little(?: bit of)?|bits of|some|occasional\w*|the odd|"
                             r"a touch of)\s(?:\w+\s)?$")
# A job title of digital work ("an office administrator" is an admin job, not a systems one)
DIGITAL_JOB_TITLE = re.compile(r"\b(analyst|engineer|developer|dev|technician|"
                               r"(?<!office )(?<!school )(?<!practice )(?<!medical )(?<!team )administrator|"
                               r"tester|architect)\b")
# Whether their job counts, asked after describing it: "is that relevant?", "would that count?"
RELEVANCE_ASKED = re.compile(r"\b(?:is|would|does|will|could|might)\s(?:that|it|this|mine|"
                             r"my (?:job|role|work))\s(?:be\s)?(?:count|counts|relevant|related|qualify|"
                             r"enough|similar)\b[^.?!]{0,30}\?")
# A job or qualification wanted or expected, not held: "hoping to get a job in IT", "I'd need A levels".
WANTED = re.compile(r"\b(hoping|hope to|hopefully|want|wants|wanted|wanting|would like|i'?d like|"
                    r"looking to|trying to|aiming|aim to|planning|plan to|going to|gonna|need|needs|"
                    r"would need|i'?d need|will be|i'?ll be|will have|i'?ll have|starting|applying|"
                    r"apply for|interview)\b")
PAST_JOB = re.compile(r"\b(used to|previously|formerly|in the past|years ago|(old|last|previous|former) "
                      r"(job|role|employer)|i was an?|was working|i left|i quit)\b")


# The two parts of the work question answered one by one: "employed yes, relevant no", "no to
# relevant", "yes I'm employed, no it's not relevant"
WORK_PART_ANSWERED = re.compile(
    r"\b(?P<part>employed|in work|working|a job|relevant|related)\s?[:=-]?\s?(?P<answer>yes|yeah|yep|yup|no|"
    r"nope|nah)(?=\s?(?:[,.;:!/()—–-]|$|(?:but|and|though)\b))|"
    r"\b(?P<answer_first>yes|yeah|yep|no|nope|nah)\s(?:to|for|on)\s(?:the\s|being\s)?"
    r"(?P<part_after>employed|in work|working|a job|relevant|related)\b|"
    r"\b(?P<answer_said>yes|yeah|yep|no|nope|nah),?\s(?:i'?m|i am|im|it'?s|it is|its|it|that'?s|that)\s"
    r"(?:(?P<negated>not|isn'?t|is not)\s)?(?:really\s)?"
    r"(?P<part_said>employed|in work|working|relevant|related)\b")


def _work_by_part(text: str) -> str | None:
    """ "employed yes, relevant no": a no to either part is a no; a yes to both, or to the relevance
    (which needs a job), is a yes; otherwise None."""
    said = {}
    for match in WORK_PART_ANSWERED.finditer(text):
        part = match["part"] or match["part_after"] or match["part_said"]
        answer = match["answer"] or match["answer_first"] or match["answer_said"]
        denied = answer in ("no", "nope", "nah") or bool(match["negated"])
        said["relevant" if part in ("relevant", "related") else "employed"] = NO if denied else YES
    if NO in said.values():
        return NO
    return YES if said.get("relevant") == YES else None


# Away from the job on leave: "I'm on maternity leave from a project support role", "off on sick leave"
ON_LEAVE_FROM = re.compile(r"\b(?:on|off on|currently on)\s(?:long[- ]term\s)?(?:maternity|paternity|"
                           r"parental|adoption|shared parental|sick|long[- ]term sick|career|unpaid)\s"
                           r"(?:leave|break)\b")
# The employer's word that the role counts: "my employer said my role would count", "my manager says
# it qualifies", "HR confirmed my job is relevant"
EMPLOYER_SAYS_IT_COUNTS = re.compile(r"\b(?:employer|manager|line manager|boss|company|hr)\s"
                                     r"(?:said|says|told me|confirmed|reckons|thinks)\s(?:that\s)?"
                                     r"(?:my (?:role|job|position)|it|i|the role)\s"
                                     r"(?:(?:would|will|does|should|is|'d|'ll)\s(?:be\s)?)?"
                                     r"(?:count|counts|qualify|qualifies|relevant|eligible)\b")


# A qualification said not to be held yet, beside the job: "just not qualified", "not certified yet"
NOT_QUALIFIED = re.compile(r"\b(?:not|un)\s?(?:yet\s|formally\s|officially\s|properly\s|fully\s)?"
                           r"(?:qualified|certified|accredited|chartered)(?:\syet)?\b|"
                           r"\b(?:no|without\s(?:any|a))\s(?:formal\s)?(?:qualifications?|certifications?|"
                           r"certificates?)(?:\syet)?\b")


def parse_employed_relevant(text: str) -> str | None:
    text = normalise(text)
    by_part = _work_by_part(text)
    if by_part is not None:
        return by_part  # "employed yes, relevant no — I'm a bus driver"
    if is_not_sure(text):
        return NOT_SURE
    parts = clauses(text)
    current = [clause for clause in parts if not PAST_JOB.search(clause) and not WANTED.search(clause)]
    if len(current) < len(parts):
        # "I used to work in IT but now I'm a chef": the job they had is not the question
        if not current:
            return None
        text = ", ".join(current)
    if EMPLOYED_NO.search(text):
        return NO
    if ON_LEAVE_FROM.search(text) and not NEGATION.search(text):
        return NOT_SURE  # "on maternity leave from a project support role": employed, not at work now
    counts = EMPLOYER_SAYS_IT_COUNTS.search(text)
    if counts and not NEGATION.search(text) and not is_not_sure(text[counts.end():]):
        return YES  # "my employer said my role would count": their employer's word on it
    if NOT_RELEVANT_SAID.search(text) and not re.search(r"\b(analyst|engineer|developer|technician|"
                                                         r"administrator|tester|architect)\b", text):
        return NO  # "employed, but not in tech", "an admin role, not really relevant"
    relevant = RELEVANT_JOBS.search(text)
    if RELEVANCE_ASKED.search(text) and not (NOT_RELEVANT_JOBS.search(text) and not relevant):
        return NOT_SURE  # "I work in IT, on the helpdesk, is that relevant?": they are not sure it counts
    # ("I'm a BA already, just not qualified": the "not" is the qualification's, not the job's)
    unqualified = NOT_QUALIFIED.sub(" ", text)
    if ROLE_NAMED.match(text) and not NEGATION.search(unqualified):
        return YES  # "IT support at a school", "service desk for the council": the job, named
    if BA_TITLE.search(text) and not NEGATION.search(unqualified):
        return YES  # "I'm a junior BA at the council": a business analyst, by the role's initials
    job_title = DIGITAL_JOB_TITLE.search(text)
    if relevant and not job_title and all(
            PART_OF_THE_JOB.search(text[max(0, match.start() - 30):match.start()])
            for match in RELEVANT_JOBS.finditer(text)):
        return NOT_SURE  # "a support officer, it involves a bit of process improvement": for the team
    if relevant and (job_title or re.search(r"\b(work|working|i'?ve worked|i have worked|job|role|employed|"
                                            r"i'?m an?|i am an?|position|team|department|civil servant|"
                                            r"doing)\b", text)) \
            and not _negated(text, relevant.start()):
        return YES
    if NOT_RELEVANT_JOBS.search(text) and (re.search(r"\b(work|working|worker|job|i'?m an?|i am an?|"
                                                     r"self[- ]employed|part[- ]time|full[- ]time|shifts?|"
                                                     r"zero[- ]hours?|temp\w*|agency)\b", text) or
                                           len(text.split()) <= 4):
        return NO
    answer = parse_yes_no(text)
    if answer is not None:
        return answer
    return None


# Most of the working time, said a little before the place: "most of my time would be in Leeds"
MOST_OF_THE_TIME = re.compile(r"\bmost of (?:my |the |our )?(?:time|week|weeks|days|hours|working (?:time|"
                              r"week|days|hours))\b")
# Work in no one place: "all over the place", "I travel a lot for work", "it varies", "no fixed base"
NO_FIXED_PLACE = re.compile(r"\ball over(?: the place| the shop)?\b|\btravel\w* (?:a lot|loads|around|about|"
                            r"all the time|constantly|everywhere)\b|\b(?:it )?varies\b|\bno fixed "
                            r"(?:place|base|location|office|site)\b|\b(?:different|various) (?:places|sites|"
                            r"locations|clients)\b|\ball sorts of places\b")
# Hybrid working, from a home: "hybrid from my flat in Croydon", "hybrid, working from my house in Leeds"
HYBRID_FROM_HOME = re.compile(r"\bhybrid\b[^,.;]{0,25}?\bfrom (?:my|our|the) (?:flat|house|home|place|"
                              r"apartment)\b|\bhybrid\b[^.;]{0,40}?\b(?:i |we )?(?:live|living)\b")
# Said to stay where they live: "wouldn't want to move or commute", "won't relocate", "not willing to
# travel", "can't commute"
STAYING_PUT = re.compile(r"\b(?:wouldn'?t|won'?t|will not|would not|don'?t|do not|can'?t|cannot|couldn'?t|"
                         r"not)\s(?:really\s)?(?:want to\s|be able to\s|be willing to\s|willing to\s|"
                         r"able to\s|planning to\s|going to\s|looking to\s|prepared to\s)?"
                         r"(?:move|relocate|commute|travel)\b|"
                         r"\bnot (?:moving|relocating|commuting)\b")
# The working time said to be shared between places: "I split my time between Glasgow and Carlisle"
TIME_SPLIT = re.compile(r"\b(?:split|divide|share)\w*\s(?:my\s|the\s|our\s)?(?:time\s|week\s|days\s|"
                        r"working (?:time|week)\s)?between\s")
# Where they will work not chosen yet: "not decided", "either ... or", "could be"
UNDECIDED_PLACE = re.compile(r"\b(not decided|undecided|haven'?t decided|not (?:been )?decided yet|"
                             r"yet to decide|still deciding|either|could be|might be|one of|whichever|tbc|"
                             r"to be confirmed)\b")
WHERE_NOT_TOLD = re.compile(r"\b(?:haven'?t|have not|not) (?:been )?(?:told|informed|found out|confirmed)\b"
                            r"(?: (?:where|which (?:office|site|location)|the location|yet))")
# Places said as alternatives: "Bristol or Cardiff", "Leeds/Glasgow", "could be Cardiff could be Bristol"
PLACES_AS_ALTERNATIVES = re.compile(r"\bor\b|/|\b(?:could|might|maybe|possibly|perhaps)\b")
# Only some days a week in England itself: "only 1 day a week in England", "just 2 days in England"
ONLY_DAYS_IN_ENGLAND = re.compile(r"\b(?:only|just)\s(?:about\s|around\s)?(\d(?:\.\d)?)\s?days?\s"
                                  r"(?:(?:a|per|each|every)\sweek\s)?(?:in|based in|working in|at work in)\s"
                                  r"england\b")
# Not decided yet, no place said: "not decided yet", "haven't decided", "still to be confirmed"
NOT_DECIDED = re.compile(r"\b(?:not (?:yet |been )?decided|undecided|haven'?t (?:yet )?decided|yet to decide|"
                         r"still deciding|tbc|to be confirmed|not (?:yet )?confirmed)\b")
# A move that may or may not come: "we might get posted to Germany", "I may be sent to Belfast"
MAYBE_GOING = re.compile(r"\b(?:might|may|could|possibly|maybe|perhaps)\s(?:well\s)?(?:get\s|be\s|end up\s)?"
                         r"(?:posted|moving|move|moved|relocat\w*|sent|transferred|stationed|based)\s"
                         r"(?:\w+\s)?(?:to|in|abroad)\s")
# The rest of the week said to be somewhere: "the rest from home", "otherwise remote"
REST_OF_THE_WEEK = re.compile(r"\b(?:rest|remainder|other days|remaining|otherwise|home|remote\w*|wfh)\b")
# Working time split evenly: "split evenly between Bristol and Newport", "50/50 across Leeds and Wales"
EVEN_SPLIT = re.compile(r"\b(?:evenly|equally|50 ?/ ?50|half and half|fifty[- ]fifty)\s(?:split\s)?"
                        r"(?:between|across)\s")
# The place said as where they are is where they would work: "and would work from there"
WORK_THERE = re.compile(r"\b(?:work|working|based)\s(?:from|in|out of)\s(?:there|here|home)\b")
HOME_BEFORE = re.compile(r"\b(live|living|lives|home|house|grew up|born|raised|from)\b")


LIVES_BY_DEMONYM = re.compile(r"\b(?:i'?m|im|i am)\s(?:a\s)?(?:proper\s|proud\s|true\s|real\s|"
                              r"born and bred\s|born and raised\s)?(" + "|".join(DEMONYMS) + r")\b")


def parse_works_in_england(text: str) -> str | None:
    """Where they will work: yes when at least the rule's share of working time is in England
    ("3 days in Bristol, 2 in Cardiff" is 60%); where they live is not the test."""
    text = normalise(text)
    if is_not_sure(text) or WHERE_NOT_TOLD.search(text):
        return NOT_SURE
    # "I'm a Londoner": where they live, by the name its people go by ("I live in London")
    text = LIVES_BY_DEMONYM.sub(lambda match: "i live in " + DEMONYMS[match.group(1)], text)
    if NOT_DECIDED.search(text) and not mentions(text, [*ENGLAND, *OUTSIDE_ENGLAND, *AMBIGUOUS]):
        return NOT_SURE  # "not decided yet": no place chosen (not a "not")
    if NO_FIXED_PLACE.search(text) and not NEGATION.search(text) and \
            not mentions(text, [*ENGLAND, *OUTSIDE_ENGLAND, *AMBIGUOUS]):
        return NOT_SURE  # "all over the place, I travel a lot for work": where most of it is, not said
    split = EVEN_SPLIT.search(text)
    if split and not NEGATION.search(text):
        # "split evenly between Bristol and Newport": half in England, wherever the other half is
        named = mentions(text[split.end():], [*ENGLAND, *OUTSIDE_ENGLAND, *AMBIGUOUS])
        if len(named) == 2 and any(name in ENGLAND for _, name in named):
            return YES if RULES.england_share_percent <= 50 else None
    if any(name in AMBIGUOUS and not HOME_BEFORE.search(_clause_before(text, pos, 30))
           for pos, name in mentions(text, [*ENGLAND, *OUTSIDE_ENGLAND, *AMBIGUOUS])):
        # "3 days in Newport": in Wales or in England? Asked again, never guessed (a home there,
        # "I live in Newport and commute to Bristol", is not where they work), unless the days said
        # give the same answer either way ("2 days in Newport, 3 from home in Wales" is a no)
        return _share_either_way(text)
    share = _ratio_share(text)
    if share is None:
        share = _england_share(text)
    if share is None:
        share = _percent_in_england(text)
    if share is None:
        share = _share_travelling_from_home(text)
    if share is None:
        share = _only_days_in_england(text)
    if share is not None:
        return YES if share * 100 >= RULES.england_share_percent else NO
    if re.search(r"\b(half and half|50 ?/ ?50|fifty[- ]fifty|half (my|the) time)\b", text):
        return YES if RULES.england_share_percent <= 50 else NO
    places = [(pos, name, name in ENGLAND) for pos, name in mentions(text, [*ENGLAND, *OUTSIDE_ENGLAND])]
    places = [p for p in places if not _negated(text, p[0], verbs=True) and
              not re.match(r"\s{1,3}border\b", text[p[0] + len(p[1]):])]  # "near the Welsh border"
    # Each place is read with the words of its own clause: in "London office, I have family in
    # Scotland" the office is London's, and Scotland is only mentioned in passing.
    mostly = [p for p in places if re.search(r"\b(mostly|mainly|majority|most of)\b",
                                             _clause_before(text, p[0], 20) + " " +
                                             _clause_after(text, p[0] + len(p[1]), 15)) or
              MOST_OF_THE_TIME.search(_after_other_places(text, p[0], 45, places))]
    moving = [p for p in places if re.search(r"\b(move|moving|relocat\w*)\s+to\s*$",
                                             text[max(0, p[0] - 25):p[0]]) or _moving_to(text, p[0])]
    work = [p for p in places if re.search(r"\b(work\w*|job|office|based|placement|role|commut\w*|"
                                           r"employ\w*|department|team|remote\w*|wfh|from home)\b",
                                           _clause_before(text, p[0], 40)) or re.search(
        r"^[\s-]*(office|based|site|hub|team|department|placement|job|role)\b", text[p[0] + len(p[1]):])]
    home = [p for p in places if re.search(r"\b(live|living|home|house|flat\w*|apartment|moved|from|"
                                           r"at the moment|family|parents|mum|dad|relatives|friends|"
                                           r"grew up|born|raised|uni|university|studied|school|"
                                           r"holiday\w*|visit\w*)\b",
                                           _clause_before(text, p[0], 25)) and p not in work]
    # "I live just over the border in Wales": a home said a little further from its place
    home += [p for p in places if p not in work and p not in home and re.search(
        r"\b(i|we) (live|living|'m living|am living|reside)\b", _clause_before(text, p[0], 45))]
    remote = re.search(r"\b(remote\w*|wfh|work(ing)? from home|home[- ]based|from my home)\b", text)
    hybrid = HYBRID_FROM_HOME.search(text)
    if hybrid and not remote and home and all(p[2] for p in home):
        remote = hybrid  # "hybrid from my flat in Croydon": the home days in England (the office's unsaid)
    if remote and not work and home and not NEGATION.search(text[:remote.end()]):
        # "remote, I live in Lisbon": working from home, so the work is where home is
        work, home = home, []
    present = [p for p in places if p not in work and p not in home and re.search(
        r"\b(i'?m|i am|im) (in|at)\s*$", text[max(0, p[0] - 25):p[0]])]
    if remote and work and (home or present) and not NEGATION.search(text[:remote.end()]) and \
            "?" not in text[remote.start():] and not PART_OF_THE_WEEK.search(text) and \
            all(_employers_place(text, p) for p in work) and len({p[2] for p in home + present}) == 1:
        # "I'm in Cardiff, the team is based in Manchester but I'd be working remotely from home":
        # the team's (or office's, or employer's) place is not where they work; home is
        work, home, present = home + present, [], []
    if WORK_THERE.search(text) and not work and len({p[2] for p in home + present}) == 1:
        work, home, present = home + present, [], []  # "I'm in Belfast and would work from there"
    if remote and not work and present and not home and not NEGATION.search(text[:remote.end()]) and \
            "?" not in text[remote.start():] and len({p[2] for p in present}) == 1:
        work, present = present, []  # "I'm in Swansea, fully remote from home": working where they are
    live = home + present
    if present and not (mostly or moving or work or home) and all(p[2] for p in present):
        # "i'm in darlington": where they are, said as the answer, is where they are based. Not for
        # a no ("I'm in Cardiff" may work over the border: a no is a "not eligible", so it needs the
        # work place said), nor with a home said as well ("I live in Wales but I'm in Bristol").
        work = present
    if places and all(MAYBE_GOING.search(_clause_before(text, p[0], 40)) for p in places):
        return NOT_SURE  # "we might get posted to Germany": a move that may or may not happen
    chosen = mostly or moving or work or [p for p in places if p not in live]
    if chosen:
        in_england = {p[2] for p in chosen}
        if len(in_england) == 1:
            return YES if in_england.pop() else NO
        if not (mostly or moving) and UNDECIDED_PLACE.search(text) and (
                PLACES_AS_ALTERNATIVES.search(text[chosen[0][0]:chosen[-1][0]]) or
                TIME_SPLIT.search(text[:chosen[0][0]])):
            # "haven't decided, Bristol or Cardiff", "could be Cardiff could be Bristol": in England or
            # not, as it turns out
            return NOT_SURE
        return None
    if live and not work:
        said = parse_yes_no(text)
        if said in (YES, NO):
            return said
        lives_now = [p for p in home if re.search(r"\b(live|living|home|house|reside\w*)\b",
                                                  _clause_before(text, p[0], 25))]
        if lives_now and not any(p[2] for p in places) and STAYING_PUT.search(text):
            # "I live in Swansea and wouldn't want to move or commute": working there, outside England
            return NO
        if re.search(r"\b(work|works|working|job|office|based)\s(?:in|at)\s[a-z]", text):
            return None  # "I live in Carlisle but work in Dumfries": where they work decides, unknown here
        if lives_now and lives_now == places and all(p[2] for p in places):
            # "I live in Leeds": a home in England, nothing said of working elsewhere, is based there.
            # A home outside England is asked again: many work over the border, and a no is a
            # "not eligible".
            return YES
        return None  # where they live is not the test
    return parse_yes_no(text)


# Time in a place besides home, or home only part of the week: "hybrid", "2 days", "once a month",
# "mostly", "the odd trip" (a remote job said so is not wholly from home)
PART_OF_THE_WEEK = re.compile(r"\d|\b(?:hybrid|once|twice|days?|weekly|monthly|fortnight\w*|a week|"
                              r"a month|trips?|visits?|visiting|commut\w*|travel\w*|go(?:ing)? in(?:to)?|"
                              r"com(?:e|ing) in|pop(?:ping)? in|mostly|mainly|partly|part of|sometimes|"
                              r"occasional\w*|odd|half|most of|some of|rest)\b")
# Whose a place is: the employer's ("the team is based in Manchester", "a London department", "the
# company's in Leeds"), said with no "I" in its clause
EMPLOYER_BEFORE = re.compile(r"\b(?:team|teams|department|dept|office|company|employer|firm|organi[sz]ation|"
                             r"business|hq|head office|headquarters|client|boss|manager|colleagues|they|"
                             r"it'?s|its)\b")
EMPLOYER_AFTER = re.compile(r"[\s-]{0,3}(?:based\s)?(?:team|department|dept|office|company|employer|firm|"
                            r"organi[sz]ation|business|hq|head office|headquarters|client)\b")
FIRST_PERSON = re.compile(r"\b(?:i|i'?d|i'?ll|i'?m|im|me|we|we'?d|we'?ll|we'?re)\b")


def _employers_place(text: str, place: tuple[int, str, bool]) -> bool:
    """ "the team is based in Manchester", "for a London department": a place said as the employer's
    (its team, office, department), not as where they themselves would be."""
    position, name, _ = place
    before = _clause_before(text, position, 40)
    if EMPLOYER_AFTER.match(text, position + len(name)):
        # ("I'd be in the Bristol office": their own place of work)
        return not (FIRST_PERSON.search(before) and
                    re.search(r"\b(?:in|at|into|to)\s(?:the\s|our\s)?$", before))
    return bool(EMPLOYER_BEFORE.search(before)) and not FIRST_PERSON.search(before)


def _share_either_way(text: str) -> str | None:
    """Yes or no from the shares of the week said, when they give the same answer with a place that
    may be in England or not (Newport) read either way; None otherwise."""
    verdicts = set()
    for england, outside in (((*ENGLAND, *AMBIGUOUS), OUTSIDE_ENGLAND),
                             (ENGLAND, (*OUTSIDE_ENGLAND, *AMBIGUOUS))):
        share = _ratio_share(text, england, outside)
        if share is None:
            share = _england_share(text, england, outside)
        if share is None:
            share = _percent_in_england(text, england, outside)
        if share is None:
            return None
        verdicts.add(YES if share * 100 >= RULES.england_share_percent else NO)
    return verdicts.pop() if len(verdicts) == 1 else None


# "I'd travel to Newcastle 2 days a week", "commuting into Leeds twice a week": days at a place
# travelled to, in a week otherwise worked from home
DAYS_TRAVELLED = re.compile(r"\b(?:(?:travel\w*|commut\w*) (?:in)?to|go(?:ing)? (?:in)?to|"
                            r"com(?:e|ing) (?:in)?to|head\w* (?:in)?to|be in)\s(?:the office in\s)?$")
DAYS_A_WEEK = re.compile(r"\s{0,3}(?:for\s)?(?:(\d(?:\.\d)?)\s?days?|(once|twice))\s"
                         r"(?:a|per|each|every)\sweek\b")


def _share_travelling_from_home(text: str) -> float | None:
    """ "home in Edinburgh, I'd travel to Newcastle 2 days a week": the days a week travelled to a
    place across the border from home, the rest of a five-day week at home (2 of 5 in England)."""
    from bot.eligibility.numbers import words_to_digits

    text = words_to_digits(text)
    places = mentions(text, [*ENGLAND, *OUTSIDE_ENGLAND])
    homes = {name in ENGLAND for pos, name in places if HOME_BEFORE.search(_clause_before(text, pos, 30))}
    travelled = []
    for pos, name in places:
        days = DAYS_A_WEEK.match(text, pos + len(name))
        if days and DAYS_TRAVELLED.search(text[max(0, pos - 30):pos]) and \
                not _negated(text, pos, verbs=True):
            count = float(days.group(1)) if days.group(1) else {"once": 1.0, "twice": 2.0}[days.group(2)]
            travelled.append((name in ENGLAND, count))
    if len(homes) != 1 or len(travelled) != 1 or travelled[0][0] in homes or not 0 < travelled[0][1] < 5:
        return None
    in_england, days = travelled[0]
    return days / 5 if in_england else 1 - days / 5


def _only_days_in_england(text: str) -> float | None:
    """ "only 1 day a week in England": those days of a five-day week, the rest (not said) outside
    England; None when the rest is said (read by `_england_share`) or another place is named."""
    from bot.eligibility.numbers import words_to_digits

    text = words_to_digits(text)
    only = ONLY_DAYS_IN_ENGLAND.search(text)
    if not only or REST_OF_THE_WEEK.search(text) or _negated(text, only.start(), verbs=True) or \
            len(mentions(text, [*ENGLAND, *OUTSIDE_ENGLAND, *AMBIGUOUS])) != 1:
        return None
    days = float(only.group(1))
    return days / 5 if 0 < days < 5 else None


def _clause_before(text: str, position: int, size: int) -> str:
    """Up to `size` characters before `position`, within its clause."""
    before = text[max(0, position - size):position]
    cut = max(before.rfind(","), before.rfind(";"), before.rfind("."), before.rfind(" but "))
    return before[cut + 1:]


def _after_other_places(text: str, position: int, size: int, places: Sequence[tuple[int, str, bool]]) -> str:
    """The clause before `position`, from the end of any place named in it and of any "and" after
    that ("home in Swansea most of the week and go to Bristol": the "most of the week" is Swansea's)."""
    before = _clause_before(text, position, size)
    ends = [pos + len(name) for pos, name, _ in places
            if position - len(before) <= pos + len(name) <= position]
    if not ends:
        return before
    after_place = text[max(ends):position]
    return after_place[after_place.rfind(" and ") + 1:]


def _clause_after(text: str, position: int, size: int) -> str:
    after = text[position:position + size]
    cuts = [index for index in (after.find(","), after.find(";"), after.find("."), after.find(" but "))
            if index >= 0]
    return after[:min(cuts)] if cuts else after


def _moving_to(text: str, position: int) -> bool:
    """ "moving from Aberdeen to Leeds for it": the place after "to" in a move."""
    words = text[max(0, position - 45):position].split()
    return bool(words) and words[-1] == "to" and any(
        word.startswith(("mov", "relocat")) for word in words[:-1]) and \
        not _negated(text, position, verbs=True)


# Two shares of the time that make a whole: "60/40", "70-30", "80%/20%"
RATIO = re.compile(r"(?<![\d.])(\d{1,3})\s?%?\s?[/:-]\s?(\d{1,3})\s?%?(?![\d.])")


def _ratio_share(text: str, england: Sequence[str] = ENGLAND,
                 outside: Sequence[str] = OUTSIDE_ENGLAND) -> float | None:
    """ "splitting 60/40 Scotland/England", "Leeds and Cardiff, 70-30": two shares said with two
    places, the first place taking the first share."""
    ratio = RATIO.search(text)
    if not ratio or int(ratio.group(1)) + int(ratio.group(2)) != 100 or _negated(text, ratio.start()):
        return None
    names = [*england, *outside]
    places = mentions(text[ratio.end():ratio.end() + 40], names) or \
        mentions(text[max(0, ratio.start() - 40):ratio.start()], names)
    if len(places) != 2 or (places[0][1] in england) == (places[1][1] in england):
        return None
    first = int(ratio.group(1)) / 100
    return first if places[0][1] in england else 1 - first


# A percentage: "40%", "30 percent", "25 per cent"
PERCENT = re.compile(r"(\d{1,3})\s?(?:%|percent|per cent)")
# An amount of days or hours: a number, not a percentage ("40% in England" is a share, not 40 days)
DAYS_AMOUNT = re.compile(r"(?<![\d.])(\d+(?:\.\d+)?)(?![\d.]|\s?(?:%|percent|per cent))")


def _percent_in_england(text: str, england: Sequence[str] = ENGLAND,
                        outside: Sequence[str] = OUTSIDE_ENGLAND) -> float | None:
    """ "60% in England", "about 30 percent in Leeds, the rest in Cardiff": a percentage said of a
    place; None when the percentages disagree or name no place."""
    shares = set()
    for match in PERCENT.finditer(text):
        percent = int(match.group(1))
        after = text[match.end():match.end() + 30]
        places = mentions(after, [*england, *outside])
        if percent > 100 or not places or _negated(text, match.start()):
            return None
        in_england = places[0][1] in england
        shares.add(percent if in_england else 100 - percent)  # (whole percents: 45 and 55 agree)
    return shares.pop() / 100 if len(shares) == 1 else None


def _england_share(text: str, england_names: Sequence[str] = ENGLAND,
                   outside: Sequence[str] = OUTSIDE_ENGLAND) -> float | None:
    """From "3 days in Bristol, 2 in Cardiff" or "1 day in Bristol, the rest from home in
    Swansea": the share of working days (or hours) in England (a percentage, "40% in England, the
    rest in Scotland", is not days: see `_percent_in_england`)."""
    from bot.eligibility.numbers import words_to_digits

    text = words_to_digits(text)
    england = other = 0.0
    rest_in_england: bool | None = None
    counted = 0
    last_end = 0  # where the previous place (and the days said after it) ended
    for position, name in mentions(text, [*england_names, *outside]):
        window = text[max(0, last_end, position - 30):position]
        last_end = position + len(name)
        window = window[max(window.rfind(","), window.rfind(";")) + 1:]
        amounts = list(DAYS_AMOUNT.finditer(window))
        if not amounts:
            # "Wales 3 days and Bristol 2 days": the days said after the place
            after = re.match(r"\s{0,3}(?:for\s{1,3})?(\d{1,2}(?:\.\d{1,2})?)\s{0,3}(?:days?|hours?)\b",
                             text[position + len(name):position + len(name) + 20])
            amounts = [after] if after else []
            last_end += after.end() if after else 0
        in_england = name in england_names
        if re.search(r"\b(rest|remainder|other days|remaining|otherwise)\b", window):
            rest_in_england = in_england
            counted += 1
            continue
        if not amounts and not re.search(r"\bhalf\b", window):
            continue
        # "half in Swansea and half in Bristol": half of a five-day week
        amount = float(amounts[-1].group(1)) if amounts else 2.5
        counted += 1
        if in_england:
            england += amount
        else:
            other += amount
    if rest_in_england is not None and england + other < 5:
        remaining = 5 - (england + other)
        england, other = (england + remaining, other) if rest_in_england else (england, other + remaining)
    if counted < 2 or england + other == 0:
        return None
    return england / (england + other)


# "3 of those were on a student visa", "but 2 years of it as a student": years on a study visa, a part
# of the years said before
# The whole said as such before its parts: "4 in total, 3 on the student visa..."
WHOLE_SAID = re.compile(r"\b(?:in total|total|altogether|overall|all together)\b")
STUDY_YEARS = re.compile(r"(,|;|\bbut)\s(?:only\s)?(?:(?:the|my)\s)?(first|last|initial)?\s?"
                         r"(?:about\s|around\s)?(\d{1,2}(?:\.\d{1,2})?)\s?"
                         r"(?:(?:years?|yrs?)\s)?(of (?:those|them|which|that|it)\s)?(?:i was\s|i were\s|"
                         r"were\s|was\s|i spent\s|spent\s)?(?:on (?:a |my |the )?"
                         r"(?:student|study|tier 4|tier four)(?: visa| permit| route| leave)?|"
                         r"as an? (?:international )?student|studying)\b")


def parse_residence_years(text: str) -> float | str | None:
    """Years of residence; years said to be on a student visa are taken off ("7 years but 3 of those
    on a student visa" is 4): time on a study visa never counts towards the rule's years."""
    from bot.eligibility.numbers import words_to_digits

    text = _others_born_here_left_out(normalise(text))
    if is_not_sure(text):
        return NOT_SURE
    digits = words_to_digits(text)
    if NOT_CONTINUOUS.search(digits):
        return None  # "on and off for 10 years": not one continuous stay, so not its length
    if AWAY_FOR_WORK.search(digits):
        return None  # "7 years, with a year in Canada in the middle for work": a long absence, ask again
    trips_out = _short_trips_left_out(digits)
    if trips_out != digits:
        text = digits = trips_out  # "..., went back to Lagos for a month in 2022": a trip breaks no stay
    away = _far_periods_left_out(digits)
    if away != digits:
        text = digits = away  # "Canada for 8 years, came home 18 months ago": years no group counts, left out
    if AGE_LEFT_AT.search(digits):
        # "lived in dublin til i was 14": an age then, not a length of time
        text = digits = " ".join(AGE_LEFT_AT.sub(" ", digits).split())
    if _counted_stay_of_unsaid_length(digits):
        return None  # "grew up in Jersey, moved to Southampton a year ago": the years in Jersey count too
    if NEVER_ELSEWHERE.search(text) and not re.search(r"\d|\b(came|moved|arrived|got here|since|when|"
                                                      r"until|till|apart from|except)\b", digits):
        return "all_my_life"  # "never lived anywhere else", no arrival said: here all their life
    if FUTURE_COUNT.search(digits):
        # "3 years, it'll be 4 in June": a count still to come is not the years so far (nor added to
        # them); said with the figure they settle on ("..., so 3"), that figure
        text = digits = FUTURE_COUNT.sub(" ", digits)
        concluded = CONCLUDED_COUNT.search(digits)
        if concluded:
            return float(concluded.group(1))
    excluded = NOT_COUNTED.search(digits)
    rest = digits[:excluded.start()] + " " + digits[excluded.end():] if excluded else ""
    if excluded and re.search(r"\d", rest):
        # "6 years (not counting the 2 I was on a student visa)": the count said leaves those out
        text = digits = " ".join(rest.split())
    if VAGUE_COUNT.search(digits) and HEDGED_COUNT.search(digits) and not re.search(r"\d", digits):
        return NOT_SURE  # "a few years I guess": a rough count, and doubted ("a few years" is asked again)
    study = STUDY_YEARS.search(digits)
    # A part of the whole, said with "but", "of those" or "the first" ("5 years, 2 on a student
    # visa" may be two years more: read as before, and asked again)
    if study and (study.group(1) == "but" or study.group(2) or study.group(4) or
                  WHOLE_SAID.search(digits[:study.start()])):
        # ("4 in total, 3 on the student visa and 1 on the graduate one": the total is said as one)
        total = parse_duration_years(digits[:study.start()], rule_years=RULES.residence_years)
        if not isinstance(total, float) or NEGATION.search(digits[study.start():]):
            return None  # the whole not plain, or the study years said with "not": asked again
        part = float(study.group(3))
        return round(total - part, 2) if part <= total else None
    labelled = _years_not_on_study_visas(digits)
    if labelled is not None:
        return labelled
    if NOT_ARRIVED_YET.search(digits) and not re.search(r"\d\s?(?:years?|yrs?)\b|\b(?:19|20)\d\d\b", digits):
        return 0.0  # "haven't moved yet, coming over next month": no time here so far
    since_switch = _years_since_leaving_study(digits)
    if since_switch is not None:
        return None if since_switch is False else since_switch
    back = _years_since_coming_back(digits)
    if back is not None:
        return back
    bred = re.search(r"\bborn and (?:bred|raised) ([a-z]+)\b", text)
    if bred and NAMES.get(bred.group(1)) == "uk" and not NEGATION.search(text):
        return "all_my_life"  # "a born and bred Geordie": born here, and here since
    if _far_stay_beside_lengths(digits):
        return None  # "5 years India, 3 years UK": which length is whose is not plain
    return parse_duration_years(text, rule_years=RULES.residence_years)


# A trip away, said in a clause of its own: "went back to Lagos for a month", "apart from 6 months
# travelling", "visited family in Poland for 3 weeks"
TRIP_AWAY = re.compile(r"\b(?:went|gone|go|going|travel\w*|flew|flown|popped|nipped|visit\w*|trips?|"
                       r"holidays?|backpack\w*|away|abroad|overseas|back home)\b")
SHORT_TRIP_LENGTH = re.compile(r"(?<![\d.])" + SHORT_LENGTH + r"\b")
YEARS_SAID = re.compile(r"(?<![\d.])\d{1,2}(?:\.\d{1,2})?\s?(?:years?|yrs?)\b|\b(?:a|an)\s(?:year|decade)\b")
# Coming here, not going away: "travelled here 3 months ago", "came over for 2 weeks and stayed"
ARRIVAL_SAID = re.compile(r"\b(?:here|over here|to the uk|to england|to britain|came|come|moved|arrived|"
                          r"stayed|ago)\b")
# Where an answer's clauses end, the marks kept (not a decimal point: "3.5 years")
CLAUSE_MARKS = re.compile(r"([,;]|\.(?!\d)|\bbut\b)")


def _short_trips_left_out(text: str) -> str:
    """ "lived here 15 years, went back to Lagos for a month in 2022 for my dad's funeral": a clause
    that only tells of a trip away of up to six months is left out (short trips don't break a stay,
    and its year is not when they came), when the rest still says how long ("15 years", "since
    birth")."""
    parts = CLAUSE_MARKS.split(text)
    kept = [part for part in parts if not (TRIP_AWAY.search(part) and SHORT_TRIP_LENGTH.search(part) and
                                           not YEARS_SAID.search(part) and not ARRIVAL_SAID.search(part))]
    if len(kept) == len(parts):
        return text
    rest = re.sub(r"[,;](?:\s?[,;])+", ",", " ".join("".join(kept).split()))  # (", ,": one mark)
    rest = rest.strip(" ,;.")
    while rest.endswith(" but"):
        rest = rest[:-4].rstrip(" ,;.")  # ("8 years, but": "8 years")
    return rest if re.search(r"\d", rest) or ALL_LIFE.search(rest) else text


# A year or more away for work, said within the count: "with a year in Canada in the middle for work",
# "a year abroad working", "2 years away with my job" (a holiday or gap year is a short absence)
AWAY_FOR_WORK = re.compile(r"\b(?:a|one|\d{1,2})\s(?:years?|yrs?)\s(?:away|abroad|overseas|out of the uk|"
                           r"in\s(?:the\s)?[a-z]+)\b[^,.;]{0,30}?\b(?:for\s(?:work|a job|my job|the job|"
                           r"a contract)|working|with\s(?:work|my job|my company))\b")
# A length of time: "8 years", "about 4 yrs", "18 months", "a year", "a couple of years"
PERIOD = (r"(?:(?:about|around|nearly|almost|over|just over|roughly|another)\s)?"
          r"(?:\d{1,3}(?:\.\d{1,2})?|a|an|one|a couple of|a few|several|many)\s?(?:\+\s?)?"
          r"(?:years?|yrs?|months?|mths?|decades?)\b")
WHOLE_LIFE = r"all my life|my whole life|whole life|my entire life|all of my life"
# A length of time said after a place: "Canada for 8 years", "Dubai 4 years", "India my whole life"
# (not "from Lagos 3 years ago": that is when they came)
PERIOD_AFTER_PLACE = re.compile(r"(?:\s(?:for\s)?|\s?[-:(]\s?)(?:" + PERIOD + r"|" + WHOLE_LIFE + r")"
                                r"(?!\s(?:ago|back|before now)\b)")
# A length of time said before a place: "10 years in India", "4 yrs living and working in Dubai", "5
# in the USA" (the end of the text before the place)
PERIOD_BEFORE_PLACE = re.compile(r"(?<![\d.])(?:" + PERIOD + r"|\d{1,2}(?:\.\d{1,2})?|" + WHOLE_LIFE + r")\s"
                                 r"(?:(?:out|over|living|working|studying|teaching|abroad|away|and)\s){0,3}"
                                 r"(?:in|at)\s(?:the\s)?$")
# A length of time said of the place named last: "after 10 yrs there", "8 years out there", "was there
# 7 years"
PERIOD_THERE = re.compile(r"(?<![\d.])(?:" + PERIOD + r"|\d{1,2}(?:\.\d{1,2})?)\s(?:(?:out|over|living|"
                          r"working|studying)\s)?there\b|\bthere\s(?:for\s)?" + PERIOD)
# The words that put a place where they were: "in", "out in", "from", "over in the" (before the place)
PLACE_PREPOSITION = re.compile(r"\b(?:(?:out|over|back)\s)?(?:in|at|from)\s(?:the\s)?$")
FROM_PLACE = re.compile(r"\bfrom\s(?:the\s)?$")
# UK places said in a residence answer, besides the towns and nations in places.py
UK_SAID = ("the uk", "uk", "britain", "great britain", "here", "home")


def _far_periods_left_out(text: str) -> str:
    """The answer without the time lived in a country or city outside the UK, its Crown Dependencies
    and Overseas Territories, Ireland and the EEA (no group counts it): "Canada for 8 years, came home
    18 months ago" is ", came home 18 months ago", "worked in Dubai 4 years then came to UK 1 year
    ago" is "worked then came to UK 1 year ago", and "came back from australia last year after 10 yrs
    there" is "came back last year after" (where they came from is taken out too, once a time there
    is). Time in Germany or Jersey stays: it counts for some groups."""
    far = set(FAR_AWAY)
    places = mentions(text, [*FAR_AWAY, *CROWN_DEPENDENCIES, *OVERSEAS_TERRITORIES, *IRELAND, *EEA,
                             *ENGLAND, *OUTSIDE_ENGLAND, *UK_SAID])
    spans = []
    for position, name in places:
        if name not in far:
            continue
        end = position + len(name)
        before = text[max(0, position - 60):position]
        after = PERIOD_AFTER_PLACE.match(text, end)
        said_before = PERIOD_BEFORE_PLACE.search(before)
        if after:
            preposition = PLACE_PREPOSITION.search(text[max(0, position - 15):position])
            spans.append((position - len(preposition.group(0)) if preposition else position, after.end()))
        elif said_before:
            spans.append((position - len(before) + said_before.start(), end))
    for there in PERIOD_THERE.finditer(text):
        named = [name for position, name in places if position < there.start()]
        if named and named[-1] in far:
            spans.append(there.span())
    if not spans:
        return text
    for position, name in places:
        origin = FROM_PLACE.search(text[max(0, position - 10):position])
        if name in far and origin:
            spans.append((position - len(origin.group(0)), position + len(name)))
    kept, cut_to = [], 0
    for start, end in sorted(spans):
        kept.append(text[cut_to:max(start, cut_to)])
        cut_to = max(cut_to, end)
    return " ".join(" ".join([*kept, text[cut_to:]]).split())


# A number that may be a length of time (not a year, nor weeks or days): "5", "3.5"
LENGTH_NUMBER = re.compile(r"(?<![\d.])\d{1,2}(?:\.\d{1,2})?(?![\d.])(?!\s?(?:weeks?|days?|%))")


def _far_stay_beside_lengths(text: str) -> bool:
    """ "5 years India, 3 years UK": a far place (one named as where they came from aside) said beside
    two lengths of time or more, which of them is its not plain (those that are plain were taken out:
    see `_far_periods_left_out`)."""
    if years_from_ages(text) is not None:
        return False  # "born in Pakistan, came here when I was 10, now 34": the numbers are ages
    return len(LENGTH_NUMBER.findall(text)) >= 2 and any(
        not FROM_PLACE.search(text[max(0, position - 10):position])
        for position, _ in mentions(text, FAR_AWAY))


# An age said as when a stay ended, not a length of time: "til i was 14", "until the age of 18",
# "till 16", "left when I was 12"
AGE_LEFT_AT = re.compile(r"\b(?:until|till|til|untill|up to|up until)\s(?:i\s(?:was|were|turned)\s|"
                         r"(?:the\s)?age\s(?:of\s)?|aged\s)?\d{1,2}\b(?!\s?(?:years?|yrs?|months?|mths?|%|"
                         r"weeks?|days?))|"
                         r"\bleft\s[^,.;]{0,30}?\b(?:when i was|at age|at the age of|aged|at)\s\d{1,2}\b"
                         r"(?!\s?(?:years?|yrs?|months?))")
# A stay said before a place: "grew up in", "was raised in", "lived in", "went to school in", "grew up"
# (here) (not "I've lived in": a stay still going on)
STAY_BEFORE_PLACE = re.compile(r"(?<!'ve )(?<!have )(?<!has )\b(?:grew up|raised|brought up|spent my "
                               r"(?:childhood|teens|school years|early years)|went to school|lived|"
                               r"was living|were living|used to live|was based)\s(?:(?:in|on)\s)?(?:the\s)?$")
# What says how long a stay was: a length, a year, a number, or the whole of their life ("always",
# "since birth": see ALL_LIFE)
STAY_LENGTH = re.compile(PERIOD + r"|\d|" + ALL_LIFE.pattern)
# Where a clause ends: at punctuation, "then", "before", "until", or an "and" before a new verb ("grew
# up in Guernsey and have been in Bristol 5 years")
CLAUSE_BREAK = re.compile(r"[,;.]|\b(?:then|before|after|until|till|til|but|when)\b|"
                          r"\band\s(?:i\s|i'?ve\s|have\s|been\s|moved\s|came\s|now\s|since\s|spent\s)")
BORN = re.compile(r"\bborn\b")
# Time away said without a place: "went away for 4", "was abroad for a while"
WENT_AWAY = re.compile(r"\b(?:went|been|was|were|moved|lived|living|spent \w+)\s(?:away|abroad|overseas)\b")
# The UK by its places, for a stay there ("grew up in Leeds", "lived here")
UK_STAY_PLACES = (*ENGLAND, *UK_OUTSIDE_ENGLAND, "the uk", "uk", "britain", "great britain", "here")


def _counted_stay_of_unsaid_length(text: str) -> bool:
    """ "grew up in Jersey, moved to Southampton a year ago": a stay in a place whose years count for
    some group (the UK, a Crown Dependency or Overseas Territory, Ireland, the EEA), how long not said,
    so the years that count are not plain ("10 years in Jersey then 1 in Southampton" says it: 11; so
    does a total, "lived in Dublin then London, 8 years in total"). A stay in the UK followed by a time
    abroad is read from the return ("grew up here, lived in Dubai from 2019, came back in 2022")."""
    if WHOLE_SAID.search(text):
        return False  # "lived in Dublin then London, 8 years in total": the length of the whole said
    abroad = set(OUTSIDE_ENGLAND) - set(UK_OUTSIDE_ENGLAND) | set(FAR_AWAY) | set(IRELAND) | set(EEA)
    counted = {*CROWN_DEPENDENCIES, *OVERSEAS_TERRITORIES, *IRELAND, *EEA, *UK_STAY_PLACES}
    places = mentions(text, [*counted, *abroad])
    for index, (position, name) in enumerate(places):
        if name not in counted or name in ("europe", "the eu") or (name in UK_STAY_PLACES and (
                any(other in abroad - counted for _, other in places[index + 1:]) or
                BREAK.search(text) or WENT_AWAY.search(text))):
            continue  # (a stay here, then time away: counted from the return)
        stay = STAY_BEFORE_PLACE.search(text[max(0, position - 40):position])
        if not stay:
            continue
        stay_start = max(0, position - 40) + stay.start()
        clause_start = max((m.end() for m in CLAUSE_BREAK.finditer(text, 0, stay_start)), default=0)
        rest = text[position + len(name):]
        clause_end = CLAUSE_BREAK.search(rest)
        clause = text[clause_start:position + len(name) + (clause_end.start() if clause_end else len(rest))]
        later = places[index + 1][0] - position - len(name) if index + 1 < len(places) else len(rest)
        if name in UK_STAY_PLACES and BORN.search(clause) and not STAY_LENGTH.search(text):
            continue  # "born and raised in Leeds": here all their life (read as such later)
        if not STAY_LENGTH.search(clause) and not PERIOD_THERE.search(rest[:later]):
            return True  # ("grew up in Jersey, 10 years there, then ...": its length said after)
    return False


# Some of a family, said before them: "both my kids", "all three of my children"
SOME_OF = re.compile(r"^\s*(?:both|all|(?:all\s)?(?:two|three|four|2|3|4))\s(?:of\s)?(?=(?:my|our)\b)")


def _others_born_here_left_out(text: str) -> str:
    """ "8 years, my kids were born here": a birth said of someone else (their children too) is not
    their own time here, so it is left out when the rest still gives a count ("my son was born
    here" by itself is a parent answering for their child, and stays)."""
    from bot.eligibility.numbers import words_to_digits

    parts = [part.strip() for clause in clauses(text) for part in re.split(r"\band\b", clause)
             if part.strip()]
    others = [part for part in parts if re.search(r"\bborn\b", part) and
              _about_someone_else(SOME_OF.sub("", part), children_too=True)]
    kept = [part for part in parts if part not in others]
    if others and kept and re.search(r"\d", words_to_digits(" ".join(kept))):
        return ", ".join(kept)
    return text


# Not here yet: "haven't moved yet", "not arrived yet", "haven't come over yet"
NOT_ARRIVED_YET = re.compile(r"\b(?:haven'?t|have not|havent|not|hasn'?t|has not)\s(?:yet\s)?"
                             r"(?:moved|arrived|come|got here|relocated)"
                             r"(?:\s(?:here|over|across|to the uk|to england|to britain))?\syet\b|"
                             r"\b(?:haven'?t|have not|havent|not|hasn'?t|has not)\syet\s"
                             r"(?:moved|arrived|come over|got here|relocated)\b|"
                             r"\bnot (?:here|in the uk) yet\b")
# A period labelled with what it was on: "two years on a student visa", "3 on skilled worker", "1 as a
# student" (the label runs to the next period or the end)
LABELLED_PERIOD = re.compile(r"(?<![\d.])(\d{1,2}(?:\.\d{1,2})?)\s?(?:(?:years?|yrs?)\s)?(?:on|as)\s"
                             r"([a-z][a-z0-9' -]{1,40}?)\s?(?=,|;|\.|\bthen\b|\band\b|\bafter that\b|$)")


def _years_not_on_study_visas(text: str) -> float | None:
    """ "two years on a student visa then 3 on skilled worker": every period said is labelled with
    what it was on, so the years are those not on a study visa (3); None unless every number is a
    labelled period and both kinds are said."""
    periods = list(LABELLED_PERIOD.finditer(text))
    if len(periods) < 2 or len(numbers(text)) != len(periods) or NEGATION.search(text):
        return None
    study = [STUDY_SAID.search(period.group(2)) is not None for period in periods]
    if all(study) or not any(study):
        return None
    return round(sum(float(period.group(1)) for period, on_study in zip(periods, study, strict=True)
                     if not on_study), 2)


# Here all along, said without a time: "never lived anywhere else", "never left the UK"
NEVER_ELSEWHERE = re.compile(r"\bnever (?:lived|been|lived anywhere|resided) (?:anywhere else|elsewhere|"
                             r"anywhere but here|outside (?:the uk|britain|england|scotland|wales|"
                             r"northern ireland|this country))\b|"
                             r"\bnever left (?:the uk|britain|england|scotland|wales|the country|"
                             r"this country)\b")
# A count of years still to come: "it'll be 5 in January", "will be 4 years next month"
FUTURE_COUNT = re.compile(r"\b(?:it'?ll|it will|that'?ll|that will|i'?ll|i will|will)\s(?:have\s)?"
                          r"(?:be|been|make it|hit|reach)\s(?:here\s|in the uk\s|living here\s)?"
                          r"(?:about\s|around\s)?\d{1,3}(?:\.\d{1,2})?(?:\s?(?:years?|yrs?))?"
                          r"(?:\s(?:in|on|by|at|this|next|come|after)\b[^,.;]{0,30})?")
# The figure they settle on, said last: "..., so 4", "so four years"
CONCLUDED_COUNT = re.compile(r"(?:^|[,;]\s?|\s)(?:so|that'?s|which is|making it)\s(?:about\s|around\s)?"
                             r"(\d{1,2}(?:\.\d{1,2})?)(?:\s?(?:years?|yrs?))?\s*[.!]*$")
# Years said not to be in the count: "(not counting the 2 years on a student visa)", "excluding uni"
NOT_COUNTED = re.compile(r"[(\[]?\s?\b(?:not counting|not including|excluding|without counting|leaving out|"
                         r"(?:that|which) (?:doesn'?t|does not|don'?t|do not) (?:count|include))\b"
                         r"[^()\[\].,;]{0,60}[)\]]?")
# A count only guessed at: "a few years", "a while", said with "I guess", "I think", "probably"
VAGUE_COUNT = re.compile(r"\b(?:a few|a good few|quite a few|few|several|some|many|a number of)\s"
                         r"(?:years?|yrs?)\b|\ba (?:good |long |little )?while\b")
HEDGED_COUNT = re.compile(r"\b(?:i guess|i think|i reckon|i suppose|i'?d say|i believe|probably|maybe|"
                          r"perhaps|roughly|give or take)\b")
# Not one continuous stay: "on and off", "back and forth between here and Spain"
NOT_CONTINUOUS = re.compile(r"\b(on and off|off and on|on[- ]off|back and forth|in and out|intermittent\w*|"
                            r"not (?:continuous\w*|all in one go|all at once|in one go)|"
                            r"with (?:long )?gaps)\b")
# The stay begun as a student: "came as a student in 2018", "on a tier 4 visa since 2017"
ARRIVED_TO_STUDY = re.compile(r"\b(came|arrived|moved|got here|entered|since|from)\b|"
                              r"\bas an? (?:international )?student\b|"
                              r"\b(?:student|study|tier 4|tier four) (?:visa|route|permit)\b|"
                              r"\bto (?:study|go to uni)\b")
STUDY_SAID = re.compile(r"\b(student|students|study|studying|studies|studied|tier 4|tier four|uni|"
                        r"university)\b")
# A later permission that is not for study: "got my work visa", "switched to skilled worker"
SWITCH_SAID = re.compile(r"\b(switch\w*|changed|moved (?:on)?to|got|granted|given|then)\b|"
                         r"\b(work|skilled worker|graduate|spouse|partner|family|settled|settlement|ilr|"
                         r"indefinite|dependa\w*|health and care|care worker)\s"
                         r"(visa|permit|route|status|leave)\b")
A_YEAR = re.compile(r"\b((?:19|20)\d\d)\b")
# A month said before a year: "in Jan 2023", "september 2021"
MONTH_BEFORE_YEAR = re.compile(r"\b(" + MONTHS + r")\.?,?\s((?:19|20)\d\d)\b")


def _years_since_leaving_study(text: str, today: date | None = None) -> float | Literal[False] | None:
    """ "came as a student in 2018 and got my work visa in 2022": time on a study visa never counts,
    so the years are those since the switch (4, in 2026). False when the first year said is a
    student's and no later switch is (the years that count are not said); None when no year is said
    with study."""
    today = today or date.today()
    if not A_YEAR.search(text) or not STUDY_SAID.search(text):
        return None
    parts = [part for part in re.split(r",|;|\band\b|\bthen\b|\bbut\b|\bafter that\b", text) if part.strip()]
    said = [(part, int(year.group(1))) for part in parts for year in A_YEAR.finditer(part)]
    if not said:
        return None
    first_year = min(year for _, year in said)
    first_parts = [part for part, year in said if year == first_year]
    if not any(STUDY_SAID.search(part) and ARRIVED_TO_STUDY.search(part) for part in first_parts):
        return None  # the stay began on something else ("came in 2019 on a work visa", "born here")
    if any(SWITCH_SAID.search(part) and not re.search(r"\b(came|arrived|moved|got here|got to)\b", part)
           for part in first_parts):
        return False  # a switch and study in one breath: which year is which is not clear
    later = [(part, year) for part, year in said if year > first_year and not STUDY_SAID.search(part) and
             SWITCH_SAID.search(part)]
    if not later or not 1900 < later[0][1] <= today.year:
        return False
    month = MONTH_BEFORE_YEAR.search(later[0][0])
    if month and int(month.group(2)) == later[0][1]:
        # "switched to skilled worker in Jan 2023": whole months since the switch, in years
        months = (today.year - later[0][1]) * 12 + today.month - MONTH_NUMBERS[month.group(1)]
        return round(months / 12, 2) if months >= 0 else False
    return float(today.year - later[0][1])


# Coming back after time away: "went back to Poland for 2, and came back last year" (counted from
# the return: a long time away breaks the stay; holidays and short trips don't)
CAME_BACK = re.compile(r"\b(?:came back|moved back|returned|got back|been back)\b(?: (?:here|to the uk|to "
                       r"england|to britain|again))?\s(?:(last year|this year)|in ((?:19|20)\d\d)|"
                       r"(\d{1,2}) (?:years?|yrs?) ago)\b")
BACK_SINCE_THEN = re.compile(r"\b(?:to|until|till|til|-)\s?((?:19|20)\d\d)[,;]?\s(?:and\s)?"
                             r"(?:i'?ve\s|i have\s|been\s)?(?:been\s)?(?:back|came back|moved back|returned)"
                             r"(?:\shere|\sin the uk)?\s(?:ever\s)?since(?:\sthen)?\b")
# Back since a year said: "left for 2 years in 2020, back since 2022", "been back here since 2019"
# ("been back in Sheffield since 2021": back in a place named)
BACK_SINCE_YEAR = re.compile(r"\b(?:came back|moved back|returned|got back|been back|back)(?:\shere|"
                             r"\sin the uk|\sin\s[a-z]+)?\s(?:ever\s)?since\s((?:19|20)\d\d)\b")
# Back for a length of time said: "back in the UK for the last 4 years", "been back here 3 years"
# (not "went back home for 2 years": time away)
BACK_FOR_A_LENGTH = re.compile(r"(?<!went )(?<!go )(?<!going )(?<!moved )"
                               r"\b(?:been back|back|came back|moved back)(?:\shere|\sin the uk|"
                               r"\sin england|\sin britain|\sin [a-z]+)?\s(?:for\s)?(?:the\s(?:last|past)\s)?"
                               r"(\d{1,2}(?:\.\d{1,2})?)\s(?:years?|yrs?)\b(?!\s(?:ago|before|later))")
SHORT_AWAY = re.compile(r"\b(holidays?|trips?|visits?|weeks?|days?|months?|summer|christmas)\b")


def _years_since_coming_back(text: str, today: date | None = None) -> float | str | None:
    """ "went back to Poland for 2, and came back last year": the years since the return (1); None
    when no return is said, or the time away was a trip."""
    today = today or date.today()
    back_for = BACK_FOR_A_LENGTH.search(text)
    if back_for and not SHORT_AWAY.search(text[:back_for.start()]):
        return float(back_for.group(1))  # "moved to Australia at 10, back in the UK for the last 4 years"
    back = CAME_BACK.search(text)
    since_then = BACK_SINCE_THEN.search(text)
    back_since = BACK_SINCE_YEAR.search(text)
    if not back and back_since and not SHORT_AWAY.search(text[:back_since.start()]):
        # "came in 2016, left for 2 years in 2020, back since 2022": counted from the return
        year = int(back_since.group(1))
        return float(today.year - year) if 1900 < year <= today.year else None
    if not back and since_then and not SHORT_AWAY.search(text[:since_then.start()]):
        # "lived in Spain from 2015 to 2021, back since then": counted from the end of the time away
        year = int(since_then.group(1))
        return float(today.year - year) if 1900 < year <= today.year else None
    if not back or SHORT_AWAY.search(text[:back.start()]):
        return None
    if back.group(1):
        return 1.0 if back.group(1) == "last year" else "<1"
    if back.group(2):
        year = int(back.group(2))
        return float(today.year - year) if 1900 < year <= today.year else None
    return float(back.group(3))


# --- by label, and the dispatcher ------------------------------------------------------------------

def parse_choice_by_label(question_id: str, text: str) -> str | None:
    """A typed or pressed option label or value ("Pre-settled status", "pre_settled")."""
    lowered = normalise(text)
    for option in QUESTIONS[question_id].choices():
        if lowered in (option.value, option.label.lower()):
            return option.value
    return None


PARSERS: dict[str, Callable[[str], object]] = {
    "role": parse_role,
    "age": parse_age,
    "age_at_start": parse_age_at_start,
    "euss_status": parse_euss_status,
    "other_permission": parse_other_permission,
    "immigration_status": parse_immigration_status,
    "residence_years": parse_residence_years,
    "permission_lasts": parse_permission_lasts,
    "student_loan": parse_student_loan,
    "other_programme": parse_other_programme,
    "prior_qualification": parse_prior_qualification,
    "works_in_england": parse_works_in_england,
    "employed_relevant": parse_employed_relevant,
    "gcses": parse_gcses,
    "level3": parse_level3,
    "it_qualification": parse_it_qualification,
}


ASKED_BACK = re.compile(r"^\s*(what'?s|what is|what does|what do you mean|whats|what counts|"
                        r"does (a|an|my)|do you mean|how do i know|is (a|an)\b[^?]*\?)")


# The question not understood: "I don't get the question", "don't follow, sorry" (no "no" in it)
NOT_UNDERSTOOD = re.compile(r"\b(?:don'?t|dont|do not|didn'?t|did not)\s(?:really\s|quite\s|fully\s)?"
                            r"(?:understand|get|follow)\s(?:the|this|that|your)\squestion\b|"
                            r"\b(?:don'?t|dont|do not|didn'?t|did not)\s(?:really\s|quite\s)?"
                            r"(?:understand|follow)(?:\s(?:sorry|you|it|that|this))?\s?[.!?]*$|"
                            r"\b(?:don'?t|dont|do not)\s(?:understand|get) what (?:you mean|you'?re asking|"
                            r"you are asking)\b")


# A reply that is only a question ("would an access course count?", "can I work from home?"): the
# answer comes after the hint. "I got 5, is that enough?" answers first and is read as usual; so
# does "can I do the DevOps one?" to the role question.
# ("wots", "wat's", "whats": "what's" typed as said; "??": the question mark doubled)
QUESTION_BACK = re.compile(r"^\s*(does|do|did|would|will|can|could|is|are|should|shall|must|what|which|"
                           r"how|why|when|where|who|have i|has|may i|might|whats|wots?|wats?)\b[^?]*\?+\s*$")


# "can I do the DevOps one?", "could I go for cyber?": asking to take a role answers the role question
# (a question about one, "is the BA one remote?", does not).
ASKING_FOR_A_ROLE = re.compile(r"^\s*(can|could|may|might|should|shall)\b")


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
    """The answer `text` gives to the question, or None when it doesn't clearly answer it.
    `entities` are spaCy's (label, text) pairs for the message, for names no table lists."""
    value = _parse_answer(question_id, text, entities)
    offered = {option.value for option in QUESTIONS[question_id].choices()}
    if QUESTIONS[question_id].option_values and isinstance(value, str) and value not in offered:
        return None  # not one of the question's answers ("no" to "what permission do you have?")
    return value


def _parse_answer(question_id: str, text: str, entities: Sequence[tuple[str, str]]) -> object | None:
    text = text[:MAX_ANSWER]
    asked_back = QUESTION_BACK.search(normalise(text)) and not (
        question_id == "role" and ASKING_FOR_A_ROLE.search(normalise(text)))
    asked_back = asked_back or TAG_QUESTION.search(normalise(text)) or NOT_UNDERSTOOD.search(normalise(text))
    if ASKED_BACK.search(normalise(text)) or asked_back:
        doubt = DOUBT_AFTER_QUESTION.search(normalise(text))
        if doubt and is_not_sure(doubt.group(1)) and not QUESTION_BACK.search(doubt.group(1)):
            return NOT_SURE  # "does a diploma from Poland count? not sure": asked, and unsure of it
        return None  # "what's level 3?": a question back, answered by the hint when asked again
    lowered = normalise(text)
    joke = list(JOKE_TAKEN_BACK.finditer(lowered))
    if joke and joke[-1].end() < len(lowered):
        # "lol 21 forever... ok fine, 28", "18 jk, 34": a joke answer, then the real one
        value = _parse_one(question_id, lowered[joke[-1].end():], entities)
        if value is not None:
            return value
    corrected = list(SELF_CORRECTION.finditer(lowered))
    if corrected and corrected[-1].end() == len(lowered):
        # "4 years, sorry, 5 actually": a word of correction said after the value it corrects
        lowered = lowered[:corrected[-1].start()].rstrip(" ,.;!-")
        corrected = corrected[:-1]
    restated = list(RESTATED_AFTER_NO.finditer(lowered)) if YES not in QUESTIONS[question_id].option_values \
        else []
    # ("DevOps. Actually no wait, software developer. No, DevOps": a "no" said after the last correction
    # takes it back in turn)
    if corrected and corrected[-1].end() < len(lowered) and \
            not (restated and restated[-1].start() >= corrected[-1].end()):
        # "yes - sorry, no", "British, I mean Irish": what they said last is what they meant
        tail = lowered[corrected[-1].end():]
        value = _parse_one(question_id, _year_corrected(lowered[:corrected[-1].start()], tail), entities)
        if value is not None:
            return value
    if restated:
        # "six, no, seven years", "DevOps or maybe software... no, DevOps": to a question a "no" does
        # not answer, a "no" between two answers takes back the first one
        tail = lowered[restated[-1].end():]
        value = _parse_one(question_id, _year_corrected(lowered[:restated[-1].start()], tail), entities)
        if value is not None:
            return value
    echoed = ECHOED_QUESTION.match(lowered)
    if echoed and not (is_not_sure(echoed.group(1)) or YES_WORDS.search(echoed.group(1)) or
                       PARTLY.search(echoed.group(1)) or  # "kind of? ...": a hedge, not the question
                       HEDGED_NUMBER.search(echoed.group(1)) or  # "I think 5? ...": an answer, doubted
                       NO_WORDS.search(echoed.group(1)) or QUESTION_BACK.search(echoed.group(0)) or
                       ASKED_BACK.search(echoed.group(0))):
        # "Student loan? Not currently", "me? 28": the question said back, then the answer
        value = _parse_one(question_id, lowered[echoed.end():], entities)
        if value is not None:
            return value
    return _parse_one(question_id, text, entities)


def _year_corrected(head: str, tail: str) -> str:
    """ "came in 2017, no sorry 2018": a year said alone as the correction takes the place of the
    last year said before it ("came in 2018"); any other correction is read by itself."""
    years = list(re.finditer(r"\b(?:19|20)\d\d\b", head))
    year = tail.strip(" .!")
    if not years or not re.fullmatch(r"(?:19|20)\d\d", year):
        return tail
    head = head[:years[-1].start()] + year + head[years[-1].end():]
    return re.sub(r"\bno$", "", head.rstrip(" ,.;!-")).rstrip(" ,.;!-")  # ("came in 2017, no")


# A statement turned into a question at its end: "I don't think I need it, do I?", "it's fine, isn't it?"
TAG_QUESTION = re.compile(r"[,-]\s*(?:do|does|did|is|are|am|have|has|will|would|should|can|don'?t|doesn'?t|"
                          r"isn'?t|aren'?t|haven'?t|hasn'?t|won'?t|wouldn'?t|shouldn'?t|can'?t)\s"
                          r"(?:i|it|they|you|we|he|she)(?:\snot)?\s*\?+\s*$")
# What is said after a question back, to its end: "does a diploma from Poland count? Not sure"
DOUBT_AFTER_QUESTION = re.compile(r"\?\s?([^?]{1,40})$")
# A number said with doubt before a question mark: "I think 5?", "maybe 30?"
HEDGED_NUMBER = re.compile(r"^\s*(?:i think|i guess|i reckon|i believe|maybe|probably|possibly|perhaps|"
                           r"about|around|roughly)\b[^?\d]{0,15}\d")
# A few words of the question said back before the answer: "student loan? no", "GCSEs? loads".
ECHOED_QUESTION = re.compile(r"^\s*([\w' -]{1,30})\?\s*(?=\S)")


# A "no" set between two things said: "British, no, Irish", "5... no, 6", "36 I think, no 35"
RESTATED_AFTER_NO = re.compile(r"(?<=\S)\s*(?:[,;!-]|\.{1,3})\s*no(?:\s*[,.;!-]+\s*(?=\S)|\s+(?=\d))")
# A joke answer taken back before the real one: "jk", "only joking", "ok fine", "ok really", "but seriously"
JOKE_TAKEN_BACK = re.compile(r"(?:^|[\s,.;!-])(?:jk|jks|just kidding|just joking|only joking|only kidding|"
                             r"joking aside|kidding aside|"
                             r"(?:ok|okay|alright)\s?,?\s?(?:fine|really|seriously)|"
                             r"but seriously|seriously though|in all seriousness)\b[\s,.:;!-]*")
SELF_CORRECTION = re.compile(r"(?:^|[\s,.;!-])(?:sorry|i mean|i meant|no wait|wait|correction|scratch that|"
                             r"oops|my mistake|actually)\b[\s,.:;!-]*")


def _parse_one(question_id: str, text: str, entities: Sequence[tuple[str, str]]) -> object | None:
    by_label = parse_choice_by_label(question_id, text)
    if by_label is not None:
        return by_label
    lowered = normalise(text)
    yes_no = YES in QUESTIONS[question_id].option_values
    partly = PARTLY.search(lowered)
    described = lowered[partly.end():] if partly else ""
    some = re.search(r"\b(some|a bit of|a little|bits of|occasional\w*|sometimes|part of|"
                     r"help(?:s|ing)?(?: out)? with)\b", described)
    if question_id == "employed_relevant" and not some:
        some = DUTY_DESCRIBED.match(described)  # "kind of? I do data reporting in a finance team"
    if yes_no and some and (re.search(r"\b(job|work|role|employer|office|team|position|"
                                      r"department|in (?:finance|hr|sales|marketing|accounts|"
                                      r"operations|admin))\b", described) or
                            NOT_RELEVANT_JOBS.search(described[:some.start()])) and \
            not re.search(r"\b(mostly|mainly|main)\b", described) and \
            not re.search(r"\b(but|though|although)\b", UNOFFICIAL.sub(" ", described[some.end():])):
        # "sort of, I do some data work in my job", "kind of? I'm a receptionist but do a bit of
        # data entry": a part of their job, for the team to check ("sort of, I fix laptops for
        # friends" is no job, and "some data work but mostly sales" leans no)
        return NOT_SURE
    if yes_no and partly and (is_not_sure(described) or re.fullmatch(r"\s?\?[?!.\s]*", described)):
        return NOT_SURE  # "sort of? not sure it counts", "kind of?": a half yes, doubted
    by_part = _work_by_part(lowered) if question_id == "employed_relevant" else None
    if by_part is not None:
        return by_part  # "employed yes, relevant no": each part answered, not a "yes and no"
    if yes_no and (partly or _yes_and_no(lowered)):
        return None  # "sort of", "yes and no": neither yes nor no
    if question_id == "nationality":
        return parse_nationality(text, entities)
    reported = REPORTED_ANSWER.match(lowered) if yes_no else None
    if reported:
        text = lowered = lowered[reported.end():]  # "my dad says no": their answer, passed on
    if question_id != "role":
        applicant = APPLICANT_SAID.search(lowered) or _child_set_against_themselves(lowered)
        own = own_clauses(lowered, children_too=bool(applicant))
        if applicant and yes_no and own and all(APPLICANT_SAID.search(clause) for clause in own):
            # "my son gets student finance, but I'm the one applying": said of someone else, and
            # set against themselves (a no said of the other leaves theirs unsaid)
            theirs = [clause for clause in clauses(lowered) if clause not in own]
            return NO if theirs and PARSERS[question_id](", ".join(theirs)) == YES else None
        if not own:
            return None  # "my husband has settled status": an answer about someone else
        if len(own) < len(clauses(lowered)):
            text = lowered = ", ".join(own)  # "my sister gets a loan, I don't": only what is said of them
    leaning = LEANING_YES.match(lowered)
    if yes_no and leaning:
        # "probably, I'm in Leeds", "most likely, I'd need to dig out the certificates": a yes
        # leant towards, the rest agreeing with it (or only saying how they would show it)
        rest = lowered[leaning.end():]
        value = PARSERS[question_id](rest)
        # (a check of the paperwork after "I think I do" says how they would confirm it; after
        # "probably" it is a doubt)
        believed = lowered.startswith("i ")
        proof = PROOF_REMARK.search(rest) or (believed and DOCUMENT_CHECK.search(rest))
        doubt = NOT_SURE_PATTERN.search(NEED_TO_CHECK.sub(" ", rest) if believed else rest)
        if value == YES or (value in (None, NOT_SURE) and proof and not NEGATION.search(rest) and not doubt):
            return YES
    checked = _status_before_a_check(question_id, lowered)
    if checked is not None:
        return checked
    return PARSERS[question_id](text)


# A duty of theirs described after "kind of": "? I do data reporting", ", I handle the reports"
DUTY_DESCRIBED = re.compile(r"[\s?,.!:;-]{0,4}(?:i\s(?:do|handle|look after|run|deal with|help with|work on)|"
                            r"i'?m\sdoing)\b")
# The part of the job said to be unofficial: "but it's not my official job", "though it's unofficial"
# (a doubt agreeing with "kind of", not a turn to a no)
UNOFFICIAL = re.compile(r"\b(?:but|though|although)\s(?:it'?s\s|its\s|it is\s|that'?s\s)?"
                        r"(?:not (?:really )?(?:my|part of my|in my|an?) "
                        r"(?:official|actual|real|main|proper|formal) "
                        r"(?:job|role|title|job title|duties|position)|unofficial\w*|informal\w*|"
                        r"not official\w*)\b")
# Someone close passing on the answer: "my mum says yes", "my husband said no"
REPORTED_ANSWER = re.compile(r"^\s*(?:my|our)\s+[a-z]+\s+(?:says?|said)\s*[,:-]?\s*(?=(?:yes|yeah|yep|yup|no|"
                             r"nope|nah)\b)")


# A clause that only says they would check a document: "I'd have to check the email", "need to
# double check my BRP"
CHECK_REMARK = re.compile(r"^(?:but |though |and )?"
                          r"(?:i'?d |i would |i'?ll |i will |i |i should |let me |would |will )?"
                          r"(?:need to |have to |'d have to |would have to |'d need to |better |should )?"
                          r"(?:double[- ]?)?check\b[^,.;]{0,30}$")


def _status_before_a_check(question_id: str, text: str) -> str | None:
    """ "I think it's pre-settled, I'd have to check the email": one status named, then only a check
    of the paperwork to come, is that status (a check alone, or two statuses, stay unsure)."""
    parts = clauses(text)
    if question_id not in ("euss_status", "immigration_status") or len(parts) < 2 or \
            not all(CHECK_REMARK.match(part) for part in parts[1:]) or re.search(r"\bor\b", parts[0]):
        return None
    value = PARSERS[question_id](parts[0])
    return value if isinstance(value, str) and value != NOT_SURE else None


# "probably," with more said after it (a bare "probably" stays not sure, "probably not" is a no)
LEANING_YES = re.compile(r"^\s*(?:(?:probably|probly|prolly|probs?|most likely|very likely|likely)"
                         r"\s*[,.;!:-]+\s*(?=\S)|"
                         r"(?:probably|probly|prolly|probs?|most likely|very likely|likely)\s+"
                         r"(?=(?:yes|yeah|yep|yh)\b)|"
                         r"i (?:think|believe|reckon) (?:so|i (?:do|have|am|will))\s*[,.;!:-]+\s*(?=\S))")
# How they would show it: "I'd have to find my certificates", "need to dig out the paperwork" (a check
# of the paperwork is a doubt: "probably, I'd need to check my documents" is not sure)
PROOF_NOUNS = (r"certificates?|certs?|paperwork|documents?|proof|results?|evidence|brp|visa|permit|passport|"
               r"card")
PROOF_REMARK = re.compile(r"\b(find|dig out|dig up|look for|look out|locate|get hold of|track down|send|show|"
                          r"upload)\b[^.;]{0,20}\b(" + PROOF_NOUNS + r")\b")
# A check of a document: after "I think I do", how they would confirm it
DOCUMENT_CHECK = re.compile(r"\bcheck\b[^.;]{0,20}\b(" + PROOF_NOUNS + r")\b")
NEED_TO_CHECK = re.compile(r"\b(?:need to|have to|would have to|i'?d have to|i'?d need to) check\b")
# "I'm the one applying", "it's me applying, not him": the applicant said to be them
APPLICANT_SAID = re.compile(r"\b(?:i'?m|i am|im) the one (?:applying|who'?s applying|doing (?:it|this|the "
                            r"apprenticeship))\b|\bit'?s (?:me|for me) (?:who'?s |that'?s )?applying\b|"
                            r"\b(?:i'?m|i am|im) the applicant\b|\bthe application is (?:for )?me\b")


NOT_A_NO = (["problem"], ["problems"], ["worries"], ["doubt"], ["issue"], ["issues"], ["question"],
            # "yes it's ILR so no expiry": a "no" of what the yes has no end of
            ["expiry"], ["end"], ["limit"], ["restrictions"], ["conditions"])


def _child_set_against_themselves(text: str) -> bool:
    """ "my daughter has a student loan but I don't": a child's situation, then theirs said short
    ("I don't", "but I do") against it, so the child is not the one applying."""
    parts = clauses(text)
    child = any(_about_someone_else(part, children_too=True) and not _about_someone_else(part)
                for part in parts)
    return child and any(re.match(r"i\b", part) and _short_answer(part) in (YES, NO) for part in parts)


def _yes_and_no(text: str) -> bool:
    """ "yes and no", "yes no maybe", "no/yes": a yes and a no given together as the answer."""
    words = re.sub(r"[^\w' ]", " ", text).split()
    said = {YES if word in AFFIRMING else NO for index, word in enumerate(words[:5])
            if word in AFFIRMING | DENYING and not (  # "yes, no problem" is a yes
                word == "no" and words[index + 1:index + 2] in NOT_A_NO)}
    # ("yes - sorry, no" is read from its correction first; "no but yes" turns)
    return len(said) == 2 and not any(word in ("but", "though", "however") for word in words[:5])


# Someone else whose situation is not the applicant's ("he", "she" and "my daughter" often are the
# applicant, answered for by a parent: they are read as the answer).
CHILDREN = frozenset({"son", "daughter", "kids", "children", "child", "kid", "boy", "girl", "lad",
                      "teenager"})
OTHER_PEOPLE = frozenset({*(RELATIVES - CHILDREN), "friend", "friends", "cousin", "cousins", "uncle",
                          "aunt", "auntie", "flatmate", "housemate", "mate", "colleague", "colleagues",
                          "fiance", "fiancee",
                          "stepdad", "stepmum", "stepfather", "stepmother", "siblings"})


def _about_someone_else(clause: str, children_too: bool = False) -> bool:
    """ "my husband has settled status", "his mum has settled" (said by a parent of their son): a
    clause whose subject is someone else ("my wife and I both have settled status" is theirs too)."""
    words = re.sub(r"[^\w' ]", " ", clause).split()
    while words and words[0] in ("and", "but", "so", "also", "though", "because", "as", "well"):
        words = words[1:]
    if not words:
        return False
    people = OTHER_PEOPLE | CHILDREN if children_too else OTHER_PEOPLE
    if words[0] not in ("my", "our", "his", "her", "their") or len(words) < 2 or \
            _bare(words[1]) not in people or \
            words[2:3] in (["visa"], ["route"], ["permit"], ["scheme"], ["leave"], ["status"]):
        return False  # ("my partner visa", "my family permit" are theirs)
    if any(word in ("i", "me", "i'm", "i've", "i'd", "we", "us", "myself") or
           (word == "with" and before != "one") for before, word in itertools.pairwise(["", *words])):
        # "my parents moved here when I was 5", "my wife and I": they are in it too ("my mum's the
        # one with settled status" leaves them out)
        return False
    if any(word == words[0] and following in OWN_STUDY  # "my parents ... my fees", "her dad ... her fees"
           for word, following in itertools.pairwise(words[2:])) and \
            any(word.startswith(("pay", "paid", "cover", "fund")) for word in words[2:]):
        return False  # "my parents pay my fees": their act, about the applicant's own study
    # "my family moved here in 2015": a move their family made is usually theirs too
    return not any(word.startswith(("mov", "came", "come", "arriv", "brought", "relocat")) for word in words)


OWN_STUDY = frozenset({"fees", "tuition", "course", "courses", "studies", "degree", "loan", "uni",
                       "university", "college", "apprenticeship"})


def own_clauses(text: str, children_too: bool = False) -> list[str]:
    """The clauses of an answer said of the person answering (all of them, if none is about anyone);
    with `children_too`, a child's clauses are someone else's as well (the parent said they apply)."""
    parts = clauses(text)
    return [clause for clause in parts if not _about_someone_else(clause, children_too)] if parts else [text]
