"""What the readers of typed answers share: the text normalised (`normalise`), yes, no or not sure
from how an answer starts (`parse_yes_no`, `is_not_sure`, the yes, no and hedge patterns), negation
("not British": `NEGATION`, `is_negated`), an answer's clauses (`clauses`) and those said of the person
answering rather than of someone else (`own_clauses`), names mentioned (`mentions`), and the patterns
more than one reader uses.

Every pattern is linear in the text's length, and `parse_answer` caps the length first
(`MAX_ANSWER`).
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Sequence

from bot.eligibility.nationalities import GROUPS
from bot.eligibility.numbers import MONTHS
from bot.eligibility.questions import NO, NOT_SURE, YES

MAX_ANSWER = 300  # longer text is not a plain answer; only its start is read

NOT_SURE_PATTERN = re.compile(
    r"\b(not sure|unsure|not too sure|not (?:quite|entirely|really|totally|that|so|100%?) sure|"
    r"(?:i am|i'?m|im|am|i) not know(?:ing)?|not knowing|"
    r"don'?t know|do not know|dont know|(?:don'?t|do not) (?:really|honestly|actually|exactly) know|"
    # said of someone they answer for: "he doesnt know yet", "she does not know"
    r"(?:doesn'?t|doesnt|does not) know|(?:hasn'?t|has not|haven'?t|have not) decided|"
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
    r"maybe [a-z]+(?: [a-z]+)? maybe not|"  # "maybe funded maybe not"
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

# Emoji code points: "🤔", "👍🏽"
EMOJI_CHARS = r"\U0001F000-\U0001FAFF\u2600-\u27BF\u2B00-\u2BFF\uFE0F\u200D"
# A yes said with a little doubt is still the answer they give ("I think so", "should do").
# ("think so", its "I" left out; "i think so tbf", "I think I do 🤔": a word or emoji of filler after it)
HEDGED_YES = re.compile(r"^\s*((?:i )?think so|i believe so|i reckon so|i expect so|i'?d think so|i guess so|"
                        r"i'?d say so|i would say so|"
                        r"i should think so|should do|it should( do)?|should be( fine| ok| okay)?|"
                        r"i think it (does|will|is)|i believe it (does|will|is)|"
                        # "I think I will", "i think i do": the short answer, believed
                        r"i (?:think|believe|reckon) i (?:do|will|am|have|did))"
                        r"(?:,?\s(?:yes|yeah|yep|yh))?(?:,?\s(?:tbf|tbh|ngl|mate|lol|haha|honestly))?"
                        r"\s*(?:[" + EMOJI_CHARS + r"]+\s*)?([,.!;]|\?(?=\s*\w)|$)")  # ("I think so yeah")
YES_WORDS = re.compile(
    # ("ja": the yes of German, Dutch and the Nordic languages; "si", "sí", "oui": Spanish, Italian, French)
    r"^\s*(y|ya|yah|yh|yes+|yep|yup|yeah|yea|yeh|ye|aye|ja|si|sí|oui|sure|correct|right|true|affirmative|"
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
    r"^\s*(n|no+|nope|nop|nah|naw|na|n/a|nein|not|never|none|negative|no way|not really|not at all|"
    r"i don'?t|i do not|i dont|i'?m not|i am not|im not|i haven'?t|i have not|i havent|"
    r"i won'?t|i will not|i wont|i didn'?t|i did not|i never|i'?ve never|i have never|i ain'?t|not me|"
    r"nothing|nowt|zero|nil|zilch|nada|(?:i'?ve |ive |i have |i )?got (?:none|nothing|zero)|"
    r"i have (?:none|nothing))\b"  # ("nowt": nothing, in the north of England)
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
                     r"tbh|tbf|ngl|honestly|to be honest|in all honesty|lol|lmao|lmfao|rofl|haha+|hehe+|"
                     # ("to be clear, I don't have one": a lead-in, not the answer)
                     r"(?:just )?to be clear|(?:just )?to clarify|for the record)"
                     r"\b[\s,.!]*)+")


# "think" typed a slip away: "i thnk so", "i thnik I do"
THINK_TYPED = re.compile(r"\b(?:thnk|thnik|thikn|tihnk|thibk)\b")
SINCE_TYPED = re.compile(r"\b(?:sinse|sence|scince|sinc|sicne|snce)\b")
# A qualification's level written onto its name: "NVQ3", "BTEC L3", "SVQ2" (read as "NVQ level 3")
LEVEL_JOINED = re.compile(r"\b(nvq|svq|btec|rqf|qcf)\s?l?([1-8])\b")


def normalise(text: str) -> str:
    """Lower case, one kind of apostrophe, single spaces, and no "erm, well," in front."""
    text = text[:MAX_ANSWER].lower().replace("’", "'").replace("‘", "'")
    text = re.sub(r"\b(?:lvl|lev|lv)\.?\s?(?=\d\b)", "level ", text)  # "btec lvl 3"
    text = LEVEL_JOINED.sub(r"\1 level \2", text)  # "nvq3", "btec l3": "nvq level 3"
    text = THINK_TYPED.sub("think", text)  # "i thnk so"
    text = SINCE_TYPED.sub("since", text)  # "sinse i was born"
    text = text.strip()
    text = ("not sure" if SHRUG.fullmatch(text) else "yes" if THUMBS_UP.fullmatch(text) else
            "no" if THUMBS_DOWN.fullmatch(text) else LEADING_EMOJI.sub("", " ".join(text.split())))
    text = YES_SOUND.sub("yes", NO_SOUND.sub("no", text))  # "uh huh", "mhm": a yes said as a sound
    return FILLERS.sub("", text)


# A shrug as the whole answer: "🤷", "🤷🏽‍♀️"
SHRUG = re.compile(r"\U0001F937[\U0001F3FB-\U0001F3FF\u200d\u2640\u2642\ufe0f]*")

# A thumb up or down as the whole answer: "👍", "👍🏽", "👎"
THUMBS_UP = re.compile(r"[\U0001F44D\U0001F44C\u2705\u2714][\U0001F3FB-\U0001F3FF\ufe0f]*")
THUMBS_DOWN = re.compile(r"[\U0001F44E\u274C\u2716][\U0001F3FB-\U0001F3FF\ufe0f]*")

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


# A no denied, so a yes: "it's not that I don't have one", "I don't not have one" (a "but" said
# after it turns it again, and is read before: "it's not that I don't want one, but no")
DOUBLE_NEGATIVE = re.compile(r"\bnot that (?:i|she|he|we) (?:don'?t|doesn'?t|do not|does not|haven'?t|"
                             r"hasn'?t|have not|has not)\b|\b(?:don'?t|do not|doesn'?t|does not) not "
                             r"(?:have|hold|get|own)\b")


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
    if DOUBLE_NEGATIVE.search(text):
        return YES  # "it's not that I don't have one, I do", "i don't not have one"
    if EMPHATIC_NO.search(text):
        return NO
    elliptic = ELLIPTIC_NO.search(text)
    if elliptic and not re.search(r"\b(but|though|although|however|unless|until|till|yet)\b",
                                  text[elliptic.end():]):
        return NO  # "won't be, I'm only 14", "don't have one"
    short = short_answer(text)
    if short is not None:
        return None if short == CONFLICT else short
    first = re.split(r"[,;.!]| - ", text, maxsplit=1)[0]
    if first != text and not re.search(r"\b(until|till|only|unless|except|apart from|but|although|though|"
                                       r"if)\b", text[len(first):]):
        short = short_answer(first)  # "I am, I'm a junior analyst": the short answer leads
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
                  r"(\s?,?\s?(probably|i think|i reckon|i guess|i'?d say|i believe|"
                  r"(?:i |it |she |he )?should (?:be|do)))?"
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
AFFIRMING = frozenset({"yes", "yeah", "yep", "yup", "yh", "aye", "ja", "si", "sí", "oui"})
DENYING = frozenset({"no", "nope", "nah", "nein"})  # ("nein": the no of German)
ADVERBS = frozenset({"indeed", "actually", "definitely", "certainly", "though", "really", "not", "still",
                     "be", "have", "do"})  # ("she will be", "I should have": the verb left as said)


def short_answer(text: str) -> str | None:
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
    """Every name in text as (position, name), the longest name where several start at one place."""
    return [(match.start(), match.group(1)) for match in _any_of(tuple(names)).finditer(text)]


@functools.lru_cache(maxsize=64)
def _any_of(names: tuple[str, ...]) -> re.Pattern[str]:
    # one pattern for the whole list (hundreds of places): a pattern per name would crowd re's cache
    alternatives = "|".join(re.escape(name) for name in sorted(set(names), key=len, reverse=True))
    return re.compile(r"(?<![\w-])(" + alternatives + r")(?![\w-])")


def is_negated(text: str, position: int, verbs: bool = False) -> bool:
    """Whether a word at `position` is negated within its clause ("not British", "non-EU"); with
    `verbs`, by a negated verb too ("I won't be in England", "I don't have a British passport")."""
    clause_start = max(text.rfind(sep, 0, position) for sep in (",", ".", ";", " but ", " and "))
    before = text[clause_start + 1:position]
    # ("I'm not Irish I'm Indian": a new "I'm" starts what is said next)
    restated = list(re.finditer(r"\b(?:i'?m|im|i am)\b", before))
    if restated and re.search(r"\b(?:" + NEGATING_VERBS + r")\s(?!think|believe|reckon|know|guess|suppose)"
                              r"[\w-]+(?:\s[\w-]+)?\s$", before[:restated[-1].start()]):
        before = before[restated[-1].start():]
    words = NEGATING_VERBS if verbs else NEGATING
    return bool(re.search(r"\b(" + words + r")\b(?:[\s-]+[\w'-]+){0,3}[\s-]*$", before[-40:])) or \
        text[max(0, position - 4):position] == "non-"


NEGATING = r"not|non|isn'?t|never|no longer|wasn'?t|without"
NEGATING_VERBS = NEGATING + r"|won'?t|wont|don'?t|dont|doesn'?t|didn'?t|can'?t|cannot|aren'?t"


def undotted(text: str) -> str:
    """ "b.a.", "s.w.e": initials with dots, as one word ("ba", "swe")."""
    return DOTTED_INITIALS.sub(lambda match: match.group(0).replace(".", ""), text)


DOTTED_INITIALS = re.compile(r"\b[a-z](?:\.[a-z]){1,3}\b\.?")


RELATIVES = frozenset({"mum", "mom", "mother", "dad", "father", "parents", "parent", "wife", "husband",
                       "partner", "family", "grandparents", "grandmother", "grandfather", "gran", "nan",
                       "grandad", "granddad", "grandma", "grandpa", "side", "relatives", "spouse",
                       "boyfriend", "girlfriend", "brother", "sister", "kids", "children", "son",
                       "daughter", "hubby", "wifey", "missus"})


def bare_word(word: str) -> str:
    word = word.rstrip(",.;!")
    return word[:-2] if word.endswith("'s") else word


def clauses(text: str) -> list[str]:
    """An answer's clauses, split at punctuation and at turns ("but", "now")."""
    return [c.strip() for c in re.split(r"[,.;?!]|\bbut\b|\bthough\b|\bhowever\b|\band now\b|\bnow\b",
                                        text) if c.strip()]


# British National (Overseas), the Hong Kong route: "BN(O) visa", "BNO", "British National Overseas"
BNO = re.compile(r"\bbn\s?\(?o\)?(?!\w)|\bbritish nationals? \(?overseas\b|"
                 r"\bhong kong (?:visa|route|scheme)\b")

# A job or qualification wanted or expected, not held: "hoping to get a job in IT", "I'd need A levels".
WANTED = re.compile(r"\b(hoping|hope to|hopefully|want|wants|wanted|wanting|would like|i'?d like|"
                    r"looking to|trying to|aiming|aim to|planning|plan to|going to|gonna|need|needs|"
                    r"would need|i'?d need|will be|i'?ll be|will have|i'?ll have|starting|applying|"
                    r"apply for|interview)\b")
PAST_JOB = re.compile(r"\b(used to|previously|formerly|in the past|years ago|(old|last|previous|former) "
                      r"(job|role|employer)|i was an?|was working|i left|i quit)\b")


# Someone else whose situation is not the applicant's ("he", "she" and "my daughter" often are the
# applicant, answered for by a parent: they are read as the answer).
CHILDREN = frozenset({"son", "daughter", "kids", "children", "child", "kid", "boy", "girl", "lad",
                      "teenager"})
OTHER_PEOPLE = frozenset({*(RELATIVES - CHILDREN), "friend", "friends", "cousin", "cousins", "uncle",
                          "aunt", "auntie", "flatmate", "housemate", "mate", "colleague", "colleagues",
                          "fiance", "fiancee",
                          "stepdad", "stepmum", "stepfather", "stepmother", "siblings"})


# Words said of a person before who they are: "my best friend", "my polish mate", "my older sister"
DESCRIBING = frozenset({"best", "good", "close", "old", "older", "younger", "little", "big", "eldest",
                        "youngest", "oldest", "twin", "step", "ex", "new", "current", "future",
                        *(name for _, adjectives in GROUPS.values() for name in adjectives
                          if " " not in name)})


def about_someone_else(clause: str, children_too: bool = False) -> bool:
    """ "my husband has settled status", "his mum has settled" (said by a parent of their son): a
    clause whose subject is someone else ("my wife and I both have settled status" is theirs too)."""
    words = re.sub(r"[^\w' ]", " ", clause).split()
    while words and words[0] in ("and", "but", "so", "also", "though", "because", "as", "well"):
        words = words[1:]
    if words[:2] in (["what", "about"], ["how", "about"]):
        words = words[2:]  # "what about my brother": the one asked about next
    if len(words) > 1 and words[0] in ("can", "could", "would", "will", "does", "do", "is", "may", "might",
                                       "should") and words[1] in ("my", "our", "his", "her", "their"):
        words = words[1:]  # "can my partner come with me on a dependant visa?": asked of them
    if not words:
        return False
    if words[-1] in ("here", "speaking") and len(words) <= 3:
        return False  # "his mum here": the one typing, introduced (the applicant is the son)
    people = OTHER_PEOPLE | CHILDREN if children_too else OTHER_PEOPLE
    if len(words) >= 3 and words[-3] in ("was", "is", "were", "are") and \
            words[-2] in ("my", "our", "his", "her", "their") and \
            (bare_word(words[-1]) in people or bare_word(words[-1]).removesuffix("s") in people):
        return True  # "the cs was my brother's": what is said is theirs, not the person's
    if words[0] in ("my", "our", "his", "her", "their") and len(words) > 2 and \
            bare_word(words[1]) in DESCRIBING and bare_word(words[2]) in people:
        words = [words[0], *words[2:]]  # "my polish mate", "my best friend", "my older brother"
    if words[0] not in ("my", "our", "his", "her", "their") or len(words) < 2 or \
            bare_word(words[1]) not in people or \
            words[2:3] in (["visa"], ["route"], ["permit"], ["scheme"], ["leave"], ["status"]):
        return False  # ("my partner visa", "my family permit" are theirs)
    pairs = list(itertools.pairwise(["", *words]))
    if any(word in ("visa", "status", "permit", "leave") for word in words) and \
            all(before == "with" for before, word in pairs if word in ("i", "me", "us", "myself")) and \
            any(word == "me" for _, word in pairs) and not any(word in ("i", "i'm", "i've", "i'd", "we")
                                                               for _, word in pairs):
        return True  # "my wife is here on a dependant visa with me": her visa, not theirs
    if any(word in ("i", "me", "i'm", "i've", "i'd", "we", "us", "myself") or
           (word == "with" and before != "one" and following not in TAKEN_WITH)
           for (before, word), following in zip(pairs, [*words[1:], ""], strict=True)):
        # "my parents moved here when I was 5", "my wife and I": they are in it too ("my mum's the
        # one with settled status" leaves them out)
        return False
    later = words[2:]
    # "my parents ... my fees", "her dad ... her evening course"
    if any(word == words[0] and set(later[index + 1:index + 3]) & OWN_STUDY
           for index, word in enumerate(later)) and \
            any(word.startswith(("pay", "paid", "cover", "fund")) for word in words[2:]):
        return False  # "my parents pay my fees": their act, about the applicant's own study
    # "my family moved here in 2015": a move their family made is usually theirs too
    return not any(word.startswith(("mov", "came", "come", "arriv", "brought", "relocat")) for word in words)


# What someone else did a course with ("my brother did software dev with Makers"), not who
TAKEN_WITH = frozenset({"makers", "bpp", "estio", "a", "an", "the", "his", "her", "their"})
OWN_STUDY = frozenset({"fees", "tuition", "course", "courses", "studies", "degree", "loan", "uni",
                       "university", "college", "apprenticeship"})


def own_clauses(text: str, children_too: bool = False) -> list[str]:
    """The clauses of an answer said of the person answering (all of them, if none is about anyone);
    with `children_too`, a child's clauses are someone else's as well (the parent said they apply)."""
    parts = clauses(text)
    if not parts:
        return [text]
    own, other_said, last_other = [], False, ""
    for clause in parts:
        if about_someone_else(clause, children_too):
            other_said, last_other = True, clause
        elif last_other and SAME_AS_THEM.match(clause):
            own.append(last_other)  # "my wife has settled status, so do I": theirs is the same
        elif not (other_said and SAID_OF_THEM.match(clause)):
            own.append(clause)
    return own


# The same said of themselves, after someone else's: "so do I", "me too", "same here"
SAME_AS_THEM = re.compile(r"^\s*(?:and |but )?(?:so do i|so have i|so am i|so did i|me too|same here|"
                          r"same for me|i do too|i have too|as do i|as have i|mine too|same with me)"
                          r"\s*[.!]*$")


# A clause about "he", "she" or "they", after one about someone else: "my brother, he is waiting..."
SAID_OF_THEM = re.compile(r"^\s*(?:and |but |so |cos |because )?(?:he|she|they|he'?s|she'?s|they'?re|his|her|"
                          r"their)\b")
