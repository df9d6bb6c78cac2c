"""Numbers and lengths of time as people type them: "23", "twenty-three", "3 years and 2 months",
"less than 3 years", "since 2021", "a couple of years", "all my life".

Every pattern here is linear in the length of the text (no nested or adjacent unbounded
repetition), and callers cap the text's length before parsing.
"""

from __future__ import annotations

import re
from datetime import date

from bot.eligibility.places import CROWN_DEPENDENCIES, ENGLAND, UK_OUTSIDE_ENGLAND

UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fourty": 40, "fifty": 50, "sixty": 60,
        "seventy": 70, "eighty": 80, "ninety": 90}
WORD_NUMBER = re.compile(
    r"\b(?:(" + "|".join(TENS) + r")(?:[\s-]?(" + "|".join(list(UNITS)[1:10]) + r"))?|("
    + "|".join(UNITS) + r"))\b"
)
NUMBER = re.compile(r"(?<![\d.])(\d{1,4}(?:\.\d{1,2})?)(?!\d|\.\d)")
# Said of a number not reached yet: "coming up to 40", "approaching 3 years", "about to turn 16"
NEARING = r"coming up to|approaching|about to turn|soon to be|getting on for|pushing"
BELOW = re.compile(r"\b(less th[ae]n|under|fewer than|not quite|nearly|almost|just under|not yet|"
                   r"short of|below|younger than|shorter than|not even|" + NEARING + r")\s*$")
ABOVE = re.compile(r"\b(more th[ae]n|over|above|longer th[ae]n|just over|well over|older th[ae]n|"
                   r"upwards of)\s*$")
# Said only roughly ("about 30"): an age far from the rule's age is still clear enough.
ROUGH_ONLY = re.compile(r"\b(about|around|roughly|approximately|approx|circa)\s*$|~\s*$")
ROUGHLY = re.compile(r"\b(about|around|roughly|approximately|approx|circa|ish|maybe|at least)\s*$|~\s*$")
ALL_LIFE = re.compile(r"\b(all my life|my whole life|whole life|entire life|all of my life|"
                      r"all (?:his|her|their) li(?:fe|ves)|all of (?:his|her|their) li(?:fe|ves)|"
                      r"since (?:(?:i|she|he|they) (?:was|were) )?born|since birth|"
                      r"born (and raised |and bred )?here|"
                      r"born in (the uk|britain|england|ireland)|"
                      # (not a visa always held: "since 2015, always on a work visa")
                      r"always(?!(?:\sbeen)?\s(?:on|had|held|with|under|a|an|worked|working)\b)"
                      r"(?: lived| been)?|"
                      # ("forever lol", "literally forever")
                      r"^(?:literally |basically |like )?forever(?= *[.!]* *(?:lol|haha|lmao|tbh)?[.!]* *$)|"
                      r"^all of it(?= *[.!]* *$))\b")


# A round birthday said by its two digits: "the big 4-0", "the big five-oh", "big 3 0"
BIG_BIRTHDAY = re.compile(r"\b(?:the\s)?big\s(?:([2-9])|(two|three|four|five|six|seven|eight|nine))"
                          r"[\s-]?(?:0|o|oh)\b")
# An age as a part of a century: "a quarter of a century", "half a century", "three quarters of a century"
CENTURY_PART = re.compile(r"\b(?:a\s)?(quarter|half|three quarters)\s(?:of\s)?(?:a\s)?century\b")
CENTURY_PARTS = {"quarter": "25", "half": "50", "three quarters": "75"}


def ages_in_words(text: str) -> str:
    """ "the big five-oh" -> "50", "quarter of a century" -> "25": an age said by a figure of speech,
    as its number."""
    def big(match: re.Match[str]) -> str:
        return str(10 * (int(match.group(1)) if match.group(1) else UNITS[match.group(2)]))

    text = BIG_BIRTHDAY.sub(big, text)
    return CENTURY_PART.sub(lambda match: CENTURY_PARTS[match.group(1)], text)


def words_to_digits(text: str) -> str:
    """ "twenty-three" -> "23", "twenty 3" -> "23", "three" -> "3" (a and an are left alone)."""
    def replace(match: re.Match[str]) -> str:
        if match.group(3):
            return str(UNITS[match.group(3)])
        return str(TENS[match.group(1)] + (UNITS[match.group(2)] if match.group(2) else 0))

    # "twenty 7", "thirty-2": a tens word and a digit, typed half in words
    text = re.sub(r"\b(" + "|".join(TENS) + r")[\s-]?([1-9])(?![\d.,:/]?\d)(?!\s?%)\b",
                  lambda m: str(TENS[m.group(1)] + int(m.group(2))), text)
    text = re.sub(r"\bhalf a dozen\b", "6", text)
    text = re.sub(r"\b(a|one) dozen\b", "12", text)
    return WORD_NUMBER.sub(replace, text)


# Real words a slip away from a number word: never respelt ("thirsty" is not "thirty").
NOT_NUMBER_WORDS = frozenset({"thirsty", "weighty", "elven", "there", "threw", "forte", "steven",
                              "sever", "seven's"})
LONG_NUMBER_WORDS = tuple(word for word in (*UNITS, *TENS) if len(word) >= 5)


def one_slip(word: str, target: str) -> bool:
    """Whether `word` is `target` with one letter added, dropped, changed, or two swapped."""
    if word == target or abs(len(word) - len(target)) > 1:
        return False
    if len(word) == len(target):
        diffs = [i for i, (a, b) in enumerate(zip(word, target, strict=True)) if a != b]
        return len(diffs) == 1 or (len(diffs) == 2 and diffs[1] == diffs[0] + 1 and
                                   word[diffs[0]] == target[diffs[1]] and word[diffs[1]] == target[diffs[0]])
    short, long = sorted((word, target), key=len)
    return any(long[:i] + long[i + 1:] == short for i in range(len(long)))


def _swapped(word: str, target: str) -> bool:
    return len(word) == len(target) and one_slip(word, target) and sorted(word) == sorted(target)


def respell_number_words(text: str) -> str:
    """ "ninteen" -> "nineteen", "twnety" -> "twenty": one slip away from exactly one number word of
    six letters or more (from a five-letter one, only two letters swapped: "eight" is one letter
    from "light", "night" and "sight"). Ordinals ("sixteenth"), plurals ("threes") and real words
    ("thirsty", "weighty") are left alone."""
    def respell(match: re.Match[str]) -> str:
        word = match.group(0)
        if word in UNITS or word in TENS or word in NOT_NUMBER_WORDS or word.endswith(("th", "s")):
            return word
        close = {target for target in LONG_NUMBER_WORDS
                 if (one_slip(word, target) if len(target) >= 6 else _swapped(word, target))}
        return close.pop() if len(close) == 1 else word

    return re.sub(r"(?<![\w'])[a-z]{4,12}(?![\w'])", respell, text)


def numbers(text: str) -> list[tuple[float, int, int]]:
    """Every number in (already lower-case) text, as (value, start, end)."""
    text = words_to_digits(text)
    return [(float(m.group(1)), m.start(), m.end()) for m in NUMBER.finditer(text)]


def _qualifier(before: str) -> str:
    if BELOW.search(before):
        return "<"
    if ABOVE.search(before):
        return ">"
    return ""


AGE_NOW = re.compile(r"\b(?:i'?m|i am|im|aged?|age is|is|she'?s|he'?s|they'?re)\s+(\d{1,3})\b"
                     r"(?!\s*(?:next|in|on|soon|this|later))|"
                     r"\b(\d{1,3})\s*(?:now|right now|at the moment|currently|today|at present)\b|"
                     # "retired at 55, now 57": the age said with "now" in front
                     r"\bnow\s+(?:aged?\s+)?(\d{1,3})\b(?!\s*(?:next|in|on|soon|this|later|years?|yrs?|"
                     r"months?|weeks?|days?)\b)|"
                     r"\bturned\s+(\d{1,3})\b|"
                     # "I'm a 39 year old mum of two": the age said of the noun they are
                     r"\b(?:i'?m|i am|im)\s+an?\s+(\d{1,3})[\s-]?(?:years?|yrs?)[\s-]?old\b")
FUTURE_AGE = re.compile(r"\b(turn|turning|will be|i'?ll be|be)\s+(\d{1,3})\b|"
                        r"\b(\d{1,3})\s+(next|in|on|soon|by|this|later|at (?:my|his|her|their) next)\b")


# A length of time, or a count of the years of the age itself ("44, in the job for 20 of them")
DURATION_AFTER = re.compile(r"(?<![\d.])\d{1,4}(?:\.\d{1,2})?\s{0,3}(?:(?:years?|yrs?|months?|weeks?)\b"
                            r"(?!\s{0,3}(?:old|of age))|of (?:them|those|which)\b)")
# A count of other things is no age: "45, got 2 kids at uni", "38 with 3 children", "50, 2 grown up sons"
COUNTED_THINGS = re.compile(r"(?<![\d.])\d{1,2}\s(?:(?:grown[\s-]up|little|young|small|teenage|adult|older|"
                            r"younger)\s)?(?:kids|children|grandkids|grandchildren|sons|daughters|boys|girls|"
                            r"teenagers|siblings|brothers|sisters|dogs|cats|pets|jobs|grandsons|granddaughters)\b")
# A length of time said with "for", its unit left out: "45, in the police for 20"
FOR_A_LENGTH = re.compile(r"\bfor\s(?:about\s|around\s|nearly\s|almost\s|over\s|the last\s|the past\s)?$")
LATER_AGE = re.compile(r"^\s*(next|in|on|soon|by|this|later|when|after)\b")
# "27, nearly 28", "28 going on 29": the age to come said after the age now.
EARLIER_AGE = re.compile(r"\b(turn|turning|will be|i'?ll be|be|when i was|was|going on|nearly|almost|"
                         r"soon to be|about to turn|coming up to|approaching)\s*$")


def parse_age_number(text: str, rough_margin_from: int | None = None) -> int | None:
    """An age: "24", "I'm twenty-four", "24 years old", "I turned 40 last week". None for
    qualified or doubtful numbers ("nearly 16", "over 18", "16 next month"); with
    `rough_margin_from`, an age said roughly ("about 30") is taken when it is at least 3 years from
    that age (the rule's), as then the rule's answer is the same either way."""
    text = words_to_digits(text)
    if re.search(r"\b\d0s\b|\b(mid|early|late)[\s-]*\d", text):
        return None  # "mid 20s": not an age
    if NOT_YET_AGE.search(text):
        return None  # "not 16 yet": younger than that (a bound)
    found = [(float(m.group(1)), m.start()) for m in NUMBER.finditer(text)
             if not FELT_AGE.search(text[max(0, m.start() - 30):m.start()])]
    values = {value for value, _ in found if value < 1000}
    if len(values) > 1:
        # "61, retired after 30 years", "35 with 15 years' experience": a length of time is no age
        found = [(v, s) for v, s in found
                 if not DURATION_AFTER.match(text, s) and not COUNTED_THINGS.match(text, s)
                 and not FOR_A_LENGTH.search(text[max(0, s - 20):s])]
        values = {value for value, _ in found if value < 1000}
    if len(values) > 1:
        now = AGE_NOW.search(text)
        if now is not None:
            values = {float(next(g for g in now.groups() if g))}
        else:
            # "27 (28 in December)", "I turn 16 in August, so 15": the ages at other times aside
            values = {value for value, start in found if value < 1000 and not _at_another_time(text, start)}
        found = [(v, s) for v, s in found if v in values]
    if len(values) != 1:
        return None
    value, start = next((v, s) for v, s in found if v in values)
    before = text[max(0, start - 20):start]
    if _qualifier(before) or not value.is_integer() or PLUS_AFTER.match(text, start):
        return None  # ("60+" is a bound: see parse_age_bound)
    if re.search(r"\b(year|yr|level|tier|grade|number|room|band|step|stage|ks)\s*$", before):
        return None  # "I'm in year 11", "level 3": a number that is not an age
    if ROUGHLY.search(before):
        rough = ROUGH_ONLY.search(before) and rough_margin_from is not None and \
            abs(value - rough_margin_from) >= 3
        if not rough:
            return None
    future = FUTURE_AGE.search(text)
    turned = re.search(r"\bturned\s+" + str(int(value)) + r"\b", text)
    if future and not turned and float(next(g for g in (future.group(2), future.group(3)) if g)) == value:
        return None  # "16 next month", "I turn 16 in July": not their age now
    after = text[start:start + 40]
    if re.search(r"^\d+\s*(months?|weeks?|days?)\b", after):
        return None
    return int(value) if 10 <= value <= 100 else None


# "feel about 60", "look like I'm 25": an age they feel or look, not theirs.
FELT_AGE = re.compile(r"\b(?:feel|feels|feeling|felt|look|looks|looking|seem|seems|act|acts|pass for)\s+"
                      r"(?:(?:like|about|around|more like|closer to|nearer|at least|over|under|i'?m|"
                      r"i am|im|as if i'?m)\s+){0,3}$")
# "not 16 yet", "haven't turned 16": younger than that age now.
NOT_YET_AGE = re.compile(r"\b(?:not|isn'?t|aren'?t)\s+(\d{1,3})\s+yet\b|"
                         r"\b(?:haven'?t|hasn'?t|have not|has not|not)\s+(?:yet\s+)?(?:turned|reached)\s+"
                         r"(\d{1,3})\b")
AGE_BOUND = re.compile(r"\b(less th[ae]n|under|not quite|nearly|almost|just under|not yet|below|"
                       r"younger th[ae]n|not even|over|above|just over|well over|older th[ae]n|"
                       r"more th[ae]n|" + NEARING + r")\s+(\d{1,3})\b(?!\s*(?:years?|yrs?)\s+(?!old\b))")
# "60+": that age or over, read as "over 60" is
PLUS_AFTER = re.compile(r"\d{1,3}\s?\+(?![\d+])")
PLUS_BOUND = re.compile(r"(?<![\d.])(\d{1,3})\s?\+(?![\d+])(?!\s*(?:years?|yrs?)\s+(?!old\b))")
# "forty odd", "60-odd": some years over that age
ODD_AFTER = re.compile(r"(?<![\d.])([2-9]0)[\s-](?:odd|something|summat)\b")
TURNING_LATER = re.compile(r"\b(?:i'?ll be|i will be|will be|turn|turning|i turn|be)\s+(\d{1,3})\s+"
                           r"(?:in|on|next|soon|later|this|by)\b")


def parse_age_bound(text: str) -> str | None:
    """An age said as a bound: "<16" for "nearly 16", "under 16" or "I'll be 16 in August" (younger
    than that now), ">25" for "over 25". One age only; None otherwise."""
    text = words_to_digits(text)
    ages = {m.group(1) for m in NUMBER.finditer(text) if not DURATION_AFTER.match(text, m.start())}
    if len(ages) != 1:
        return None
    not_yet = NOT_YET_AGE.search(text)
    if not_yet:
        return f"<{int(not_yet.group(1) or not_yet.group(2))}"  # "not 16 yet", "haven't turned 16"
    plus = PLUS_BOUND.search(text)
    if plus:
        return f">{int(plus.group(1))}"  # "60+"
    bound = AGE_BOUND.search(text)
    if bound:
        side = "<" if BELOW.search(bound.group(1)) or bound.group(1) in ("not yet", "not even") else ">"
        return f"{side}{int(bound.group(2))}"
    later = TURNING_LATER.search(text)
    if later and not re.search(r"\b(turned|was)\b", text):
        return f"<{int(later.group(1))}"  # a birthday to come: younger than that now
    return None


# "nearly 17", "almost 18", "not quite 20": a year short of that age, near enough to take as the
# age now (the caller decides when it is far enough from the rule's age for that not to matter).
JUST_BELOW = re.compile(r"\b(?:nearly|almost|pushing|not quite|just under|coming up to|approaching|about to "
                        r"turn|soon to be|nearly turning|only just not)\s+(\d{1,3})\b"
                        r"(?!\s*(?:years?|yrs?)\s+(?!old\b))")
# "I'm 21 next month", "I turn 30 in June", "I'll be 25 next week", "40 next birthday", "60 this coming
# spring": a birthday within the year to come, so a year younger now ("by September" and "this year"
# are left out: they may be that age already).
MONTHS = (r"(?:january|february|march|april|may|june|july|august|september|october|november|december|"
          r"jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)")
# A day of the year by its name: "on Christmas Day", "at new year", "on Valentine's" (a birthday on it,
# still to come when said with "I'll be")
HOLIDAYS = (r"(?:christmas|xmas|crimbo)(?: day| eve)?|boxing day|new year'?s?(?: day| eve)?|"
            r"valentine'?s(?: day)?|hallowe'?en|bonfire night|guy fawkes(?: night)?|"
            r"(?:st |saint )?patrick'?s day|easter(?: sunday| monday| day)?|may day|"
            r"(?:the )?(?:first|last) day of (?:the )?(?:year|" + MONTHS + r")")
BIRTHDAY_SOON = re.compile(
    r"(?:\b(?:i'?m|im|i am|i'?ll be|i will be|will be|i turn|turn|turning|be)\s+|^\s*)(\d{1,3})\s+"
    r"(?:next (?:week|month|year)|(?:(?:on|at) (?:my|his|her|their) )?next (?:birthday|bday)|tomorrow|"
    r"soon|later this (?:week|month|year)|in (?:a|one|two|three|four|five|six|a few|a couple of|"
    r"\d{1,2}) (?:days?|weeks?|months?)|in (?:a|one|two) fortnights?|in " + MONTHS +
    r"|on (?:the )?\d{1,2}|(?:this )?coming (?:spring|summer|autumn|winter|month|week|" + MONTHS + r")|"
    r"this (?:spring|summer|autumn|winter)|(?:on|at) (?:" + HOLIDAYS + r"))(?!\w)")


def age_a_year_below(text: str) -> int | None:
    """The age a year above theirs, from "nearly 17", "almost 18" or "I'm 21 next month" (so they are
    16, 17 or 20 now); one age said, and that age only; None otherwise."""
    text = words_to_digits(text)
    ages = {m.group(1) for m in NUMBER.finditer(text) if not DURATION_AFTER.match(text, m.start())}
    if len(ages) != 1:
        return None
    match = JUST_BELOW.search(text) or BIRTHDAY_SOON.search(text)
    if not match or re.search(r"\b(turned|was)\b", text):
        return None
    return int(match.group(1))


DECADE_WORDS = {"twenties": 20, "thirties": 30, "forties": 40, "fourties": 40, "fifties": 50,
                "sixties": 60, "seventies": 70, "eighties": 80, "nineties": 90}
DECADE = re.compile(r"\b(?:in (?:my|his|her|their) |(?:early|mid|late)[\s-]{0,2})?"
                    r"(twenties|thirties|forties|fourties|fifties|sixties|seventies|eighties|nineties|"
                    r"([2-9])0'?s)\b")


BIRTH_DATE = re.compile(r"\b(?:dob|d\.o\.b\.?|date of birth|born(?: on)?|birthday)\s{0,3}(?:is\s)?"
                        r"[:-]?\s{0,3}"
                        r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})\b")


# A date with its month named: "1 January 1998", "14th of March 2001", "March 14, 2001"
NAMED_DATE = re.compile(r"\b(?:(\d{1,2})(?:st|nd|rd|th)?\s(?:of\s)?(" + MONTHS + r")|(" + MONTHS +
                        r")\s(\d{1,2})(?:st|nd|rd|th)?,?)\s((?:19|20)\d\d)\b")
# "born March 2001", "DOB: June 1999": a month and year of birth, the day left out
BORN_IN_MONTH = re.compile(r"\b(?:dob|date of birth|born(?: in)?|birthday(?: is)?)\s{0,3}[:-]?\s{0,3}"
                           r"(" + MONTHS + r")\.?,?\s((?:19|20)\d\d)\b")
# The year of birth said first, then the day and month or the month: "born in 1988, on the 2nd of July",
# "born 1990 on 5 march", "born in 2001, in June"
BORN_YEAR_FIRST = re.compile(r"\b(?:dob|date of birth|born(?: in)?)\s{0,3}[:-]?\s{0,3}((?:19|20)\d\d),?\s"
                             r"(?:(?:on\s)?(?:the\s)?(\d{1,2})(?:st|nd|rd|th)?\s(?:of\s)?|in\s)(" + MONTHS +
                             r")\b")
# A date said of something else: "started work 1 May 2010", "graduated 3 July 2015"
OTHER_EVENT = re.compile(r"\b(start\w*|began|left|leav\w*|graduat\w*|mov\w*|arriv\w*|came|join\w*|finish\w*|"
                         r"married|expir\w*|issued|granted|visa|since|until|till)\b")
BIRTH_WORDS = re.compile(r"\b(?:dob|d\.o\.b|date of birth|born|birthday|birth date)\b")


def _birth_day_month_year(text: str, today: date) -> tuple[int, int, int] | None:
    """The day, month and year of birth said in `text`, or None. A date with its month named is a
    birth date when "born" (or "DOB") is said, or when it is all the numbers the answer has ("my
    passport says 1 January 1998"); the day may be left out only after "born" ("born March 2001")."""
    match = BIRTH_DATE.search(text)
    if match:
        day, month, year = int(match.group(1)), int(match.group(2)), int(match.group(3))
        if year < 100:
            year += 2000 if year <= today.year % 100 else 1900
        return day, month, year
    named = NAMED_DATE.search(text)
    if named:
        others = re.search(r"\d", text[:named.start()] + " " + text[named.end():])
        if BIRTH_WORDS.search(text) or not (others or OTHER_EVENT.search(text) or re.search(
                r"\b(?:since|from|until|till|by|after|before|on|in|turn\w*|be)\s*$", text[:named.start()])):
            month_name = named.group(2) or named.group(3)
            return int(named.group(1) or named.group(4)), MONTH_NUMBERS[month_name], int(named.group(5))
        return None
    year_first = BORN_YEAR_FIRST.search(text)
    if year_first and year_first.group(2):
        return int(year_first.group(2)), MONTH_NUMBERS[year_first.group(3)], int(year_first.group(1))
    born = BORN_IN_MONTH.search(text)
    if born or year_first:
        month, year = ((MONTH_NUMBERS[born.group(1)], int(born.group(2))) if born else
                       (MONTH_NUMBERS[year_first.group(3)], int(year_first.group(1))))
        if month == today.month:
            return None  # born this month, in that year: a birthday still to come or gone by
        return (1 if month < today.month else 28), month, year  # a day that doesn't change the age
    return None


def age_from_birth_date(text: str, today: date | None = None) -> int | None:
    """ "DOB 14/03/2001", "born March 2001", "1 January 1998": the age from a date of birth, read
    day first (as in the UK)."""
    today = today or date.today()
    said = _birth_day_month_year(text, today)
    if said is None:
        return None
    day, month, year = said
    try:
        born = date(year, month, day)
    except ValueError:
        return None
    if born > today:
        return None
    return today.year - born.year - ((today.month, today.day) < (born.month, born.day))


# Two ages a year or two apart, said as either: "61 or 62", "I'm 30 or 31", "45/46", "sixty one or two"
TWO_AGES = re.compile(r"(?<![\d.])(\d{2,3})\s?(?:or|/)\s?(?:maybe\s|possibly\s)?(\d{1,3})(?![\d.])"
                      r"(?!\s?(?:years?|yrs?|months?)\s(?!old\b))")


def either_of_two_ages(text: str) -> tuple[int, int] | None:
    """ "61 or 62, can't remember": the lower and the higher of two ages a year or two apart, the only
    numbers said ("61 or 2" is 61 or 62); None otherwise."""
    text = words_to_digits(text)
    said = TWO_AGES.search(text)
    if not said or len(NUMBER.findall(text)) != 2:
        return None
    low, high = int(said.group(1)), int(said.group(2))
    if high < 10:
        high = low // 10 * 10 + high  # "61 or 2"
    return (low, high) if 0 < high - low <= 2 and high <= 100 else None


MONTH_NUMBERS = {name: index for index, names in enumerate(
    (("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"), ("may",), ("jun", "june"),
     ("jul", "july"), ("aug", "august"), ("sep", "sept", "september"), ("oct", "october"),
     ("nov", "november"), ("dec", "december")), start=1) for name in names}
# "since June 2024", "since 2020 march", "moved in september 2025", "arrived dec 2024"
# (a day may be said with the month: "since 2nd of Feb 2022", "from feb 2nd, 2022", "since 14 march 2019")
SINCE_MONTH = re.compile(r"\b(?:since|from|in|on|moved(?: here)?(?: in| on)?|came(?: here)?(?: in| on)?|"
                         r"arrived(?: here)?"
                         r"(?: in| on)?)\s(?:(?:the\s)?\d{1,2}(?:st|nd|rd|th)?\s(?:of\s)?)?"
                         r"(?:(" + MONTHS + r")\.?,?\s(?:(?:the\s)?\d{1,2}(?:st|nd|rd|th)?,?\s)?"
                         r"((?:19|20)\d\d)|"
                         r"((?:19|20)\d\d),?\s(" + MONTHS + r"))\b")


# A season and its year: "spring 2024", "the summer of 2019" (read as a month: see SEASON_MONTHS)
SEASON_YEAR = re.compile(r"\b(?:the\s)?(spring|summer|autumn|fall|winter)(?:\sof)?\s((?:19|20)\d\d)\b")
SEASON_MONTHS = {"spring": "april", "summer": "july", "autumn": "october", "fall": "october",
                 "winter": "january"}


def _years_since_month(text: str, today: date) -> float | None:
    """Whole months from a month and year to today, in years (2 decimals); a season said with its
    year ("we arrived in spring 2024") is read as its month (April; July, October, January)."""
    text = SEASON_YEAR.sub(lambda season: f"{SEASON_MONTHS[season.group(1)]} {season.group(2)}", text)
    match = SINCE_MONTH.search(text)
    if not match:
        return None
    month = MONTH_NUMBERS[match.group(1) or match.group(4)]
    year = int(match.group(2) or match.group(3))
    months = (today.year - year) * 12 + today.month - month
    return round(months / 12, 2) if months >= 0 else None


def age_decade(text: str) -> int | None:
    """ "in my forties", "early 30s", "mid-twenties": the decade's first year (40, 30, 20)."""
    match = DECADE.search(text)
    if not match:
        return None
    return int(match.group(2)) * 10 if match.group(2) else DECADE_WORDS[match.group(1)]


def _at_another_time(text: str, start: int) -> bool:
    """Whether the number at `start` is an age at another time: "16 in August", "I'll be 17"."""
    end = start + len(re.match(r"\d+", text[start:]).group(0))
    return bool(LATER_AGE.search(text[end:end + 12]) or EARLIER_AGE.search(text[max(0, start - 15):start]))


# Time away after being born here ("born here but moved back in 2021"), or a length of time before the
# stay now ("since july, before that 3 years in Portugal, before that always UK"): not all their life
# ("moved here in 2014, my whole life in Poland before that" is a whole life in the EEA).
BREAK = re.compile(r"\b(moved away|moved abroad|lived abroad|lived overseas|left (the uk|britain|england|"
                   r"scotland|wales|when|at|for|aged)|came back|moved back|returned|back in the uk|"
                   r"back here|apart from|except|"
                   r"(?:before|prior to) that,? (?:i was |i lived |lived )?(?:about |around )?\d{1,2}\s"
                   r"(?:years?|yrs?|months?))\b")
# A length of time away short enough not to break a stay: up to six months, or some weeks or days
SHORT_LENGTH = (r"(?:(?:a|an|one|two|three|four|five|six|[1-6]|a few|a couple of|couple of)\s"
                r"(?:months?|mths?)|"
                r"(?:a|an|one|two|three|four|five|six|\d{1,2}|a few|a couple of|couple of)\s(?:weeks?|days?)|"
                r"a fortnight|(?:a|an|one)\s(?:semester|term|summer))")
UK_PLACE_NAMES = (*ENGLAND, *UK_OUTSIDE_ENGLAND, *CROWN_DEPENDENCIES, "the uk", "uk", "britain")
# Holidays, short trips and a gap year away are temporary absences: residence goes on through them
# ("all my life except a gap year in Australia", "apart from my year abroad at uni")
EXCEPT_WORDS = r"(?:apart from|except(?: for)?|other than|besides|not counting)"
EXCEPT = r"\b" + EXCEPT_WORDS + r"\s"
# ("except 2 weeks in Spain each summer": a short time away, said by its length)
SHORT_TIME_AWAY = EXCEPT + r"(?:the |a )?" + SHORT_LENGTH + r"\s(?:\w+\s)?(?:in|at|to|away|abroad|overseas)\b"
# ("apart from uni in Edinburgh": time elsewhere in the UK, which counts)
TIME_ELSEWHERE_IN_THE_UK = (EXCEPT + r"(?:my |the |a |\w+ )?(?:uni|university|college|boarding school|school|"
                            r"studies|\w+ years?)\s(?:in|at)\s"
                            r"(?:" + "|".join(sorted(UK_PLACE_NAMES, key=len, reverse=True)) + r")\b")
TEMPORARY_ABSENCE = re.compile(r"\b" + EXCEPT_WORDS + r"\s+"
                               r"(the odd |a few |some |short |family |summer |the |a |my |one |"
                               # ("apart from 6 months travelling", "except a month visiting family")
                               r"" + SHORT_LENGTH + r"\s(?:of\s|on\s)?(?:[a-z]+\s)?)?"
                               r"(holidays?|trips?|travel(ling)?|visits?|visiting|backpacking|vacations?|"
                               r"gap year|year abroad|year out|"
                               r"(?:semester|term|year) (?:abroad|on exchange)|"
                               r"exchange (?:year|semester|term))\b|" + SHORT_TIME_AWAY + "|" +
                               TIME_ELSEWHERE_IN_THE_UK)
UK_PLACES = ("the uk", "uk", "britain", "great britain", "england", "scotland", "wales",
             "northern ireland")


def _born_in_the_uk(text: str) -> bool:
    """ "born and raised in Leeds", "born in Cardiff and have lived here ever since": born in a UK
    place, and nothing said after it but that they stayed ("born in Leeds, moved to Spain at 10" is
    not all their life)."""
    from bot.eligibility.places import ENGLAND, OUTSIDE_ENGLAND

    match = re.search(r"\bborn (?:and (?:raised|bred|brought up) )?in ([a-z][a-z ]{1,30}?)"
                      r"(?:,? and (?:i'?ve |i have |i |have )?(?:still |always )?"
                      r"(?:live|living|lived|been|stayed) (?:here|there)(?: (?:ever since|since then|since|"
                      r"all my life|my whole life|ever since then))?|"
                      r",? (?:and )?(?:i )?(?:have |'ve )?never (?:left|lived anywhere else))?"
                      r"[\s.!]*$", text)
    if not match:
        return False
    uk = set(UK_PLACES) | set(ENGLAND) | {p for p in OUTSIDE_ENGLAND if p in (
        "cardiff", "swansea", "wrexham", "bangor", "aberystwyth", "edinburgh", "glasgow", "aberdeen",
        "dundee", "inverness", "stirling", "belfast", "derry", "londonderry")}
    place = match.group(1).strip()
    return any(place == name or place.startswith(name + " ") for name in uk)


# Said of themselves, or by a parent of their child ("since she was 5, she's 17 now").
# (also a birthday said as the time they came: "since my 18th birthday", "since I turned 18")
ARRIVED_AT_AGE = re.compile(r"\b(?:since|from when)\s+(?:i|she|he|they)\s+(?:was|were|turned)\s+(\d{1,2})\b|"
                            r"\b(?:since|from|after)\s+(?:my|her|his|their)\s+(\d{1,2})(?:st|nd|rd|th)\b"
                            r"\s+(?:birthday|bday|b-day)\b|"
                            r"\b(?:since|from)\s+(?:the\s+)?age\s+(?:of\s+)?(\d{1,2})\b|"
                            r"\b(?:came|moved|arrived|got here|been here)\b[^.,;]{0,25}?"
                            r"\b(?:when (?:i|she|he|they) (?:was|were)|"
                            r"at|aged|at age|at the age of)\s+(\d{1,2})\b")
AGE_NOW_STATED = re.compile(r"\b(?:i'?m|i am|im|she'?s|he'?s|they'?re|she is|he is)\s+(?:now\s+)?(\d{1,3})\b"
                            r"(?!\s*(?:years?|yrs?|months?)\s+"
                            r"(?:in|here|living|now))|\b(\d{1,3})\s+(?:now|today)\b|"
                            # "came here when i was 10, now 34": the age said after "now" (not a length)
                            r"[,;]\s?(?:and\s)?now\s(?:aged?\s)?(\d{1,3})\b(?!\s?(?:years?|yrs?|months?|mths?|"
                            r"weeks?|days?)\b)")
STATED_TOTAL = re.compile(r"\b(?:so|that'?s|which is|that is|making it|=)\s+(?:about\s+|around\s+)?"
                          r"(\d{1,3})\s*(?:years?|yrs?)\b")


def years_from_ages(text: str) -> float | None:
    """ "moved here when I was 5 and I'm 30 now": their age now less their age on arriving. A sum
    they give themselves ("so 25 years") must agree with it."""
    arrived = ARRIVED_AT_AGE.search(text)
    now = AGE_NOW_STATED.search(text)
    if not arrived or not now:
        return None
    then_age = int(next(g for g in arrived.groups() if g))
    now_age = int(next(g for g in now.groups() if g))
    if not 0 <= then_age < now_age <= 100:
        return None
    stated = STATED_TOTAL.search(text)
    if stated and int(stated.group(1)) != now_age - then_age:
        return None  # their sum and their ages disagree: ask again
    return float(now_age - then_age)


# A part of their life, and their age: "half my life lol, I'm 30", "a third of my life, I'm 36"
SHARE_OF_LIFE = re.compile(r"(?<![\w-])(?:(?:about|around|roughly)\s)?(half|a third|a quarter|two thirds|"
                           r"three quarters)\s(?:of\s)?my\s(?:whole\s|entire\s)?life\b")
SHARES = {"half": 0.5, "a third": 1 / 3, "a quarter": 0.25, "two thirds": 2 / 3, "three quarters": 0.75}


def _years_as_a_share_of_life(text: str) -> float | None:
    """ "half my life, I'm 30": that share of their age now (15); None with a bound said ("over half
    my life", "nearly half my life") or no age."""
    share = SHARE_OF_LIFE.search(text)
    now = AGE_NOW_STATED.search(text)
    if not share or not now or BELOW.search(text[:share.start()]) or ABOVE.search(text[:share.start()]) or \
            re.search(r"\b(?:at least|most of)\s$", text[:share.start()]):
        return None
    age = int(next(g for g in now.groups() if g))
    return round(age * SHARES[share.group(1)], 2) if 0 < age <= 100 else None


# A number that is a day of a month, not a length: "2nd of Feb", "since the 14th", "march 3"
DAY_OF_MONTH_AFTER = re.compile(r"(?:st|nd|rd|th)\b|\s(?:of\s)?" + MONTHS + r"\b")
DAY_OF_MONTH_BEFORE = re.compile(MONTHS + r"\.?\s$")


def _day_of_a_month(text: str, quantity: re.Match[str]) -> bool:
    """Whether a number found as a quantity is the day of a month ("2nd of Feb 2022": never years)."""
    if quantity.group(3) or quantity.group(4):
        return False  # "2 years", "3 months": a unit said
    return bool(DAY_OF_MONTH_AFTER.match(text, quantity.end(1)) or
                DAY_OF_MONTH_BEFORE.search(text[max(0, quantity.start() - 12):quantity.start()]))


# A length said as the whole, before its parts: "4 years, ...", "5 years in total: ..."
TOTAL_FIRST = re.compile(r"\s{0,3}(?:in total|total|altogether|overall|all together|in the uk|here)?"
                         r"\s{0,3}[,:;(-]")


def _total_then_parts(text: str, quantities: list[re.Match[str]]) -> bool:
    """ "4 years, 2 in Spain and 2 here": a total said first (no place of its own), then the parts
    it is made of ("2 years in Leeds, 1 in York and 1 in Hull" is three parts)."""
    first, parts = quantities[0], quantities[1:]
    return len(parts) >= 2 and bool(TOTAL_FIRST.match(text, first.end())) and \
        float(first.group(1)) == sum(float(q.group(1)) for q in parts)


YEAR_UNIT = r"(years?|yrs?|yr)"
MONTH_UNIT = r"(months?|mths?|mos?)"
# A number of months said: "3 months ago", "about 4 mths"
MONTHS_COUNTED = re.compile(r"(?<![\d.])\d{1,2}(?:\.\d{1,2})?\s?" + MONTH_UNIT + r"\b")


def parse_duration_years(text: str, today: date | None = None,
                         rule_years: float | None = None) -> float | str | None:
    """A length of residence in years: a number (3.17 for "3 years and 2 months"), a bound
    ("<3" for "less than 3 years", ">5" for "over 5"), "all_my_life", or None when unclear.
    "just over 2 years" is 2; with `rule_years`, "just over" an amount that already meets the rule
    stays the bound (">3": it is more, and it decides the rule either way)."""
    today = today or date.today()
    text = words_to_digits(text.lower().replace("½", ".5"))
    text = re.sub(r"\b(a|one) and a half\b", "1.5", text)
    text = re.sub(r"\b(a|1) (years?|yrs?) and a half\b", r"1.5 \2", text)  # "a year and a half"
    text = re.sub(r"(?<![\d.])(\d{1,3}) (years?|yrs?) and (?:a )?half\b", r"\1.5 \2", text)
    text = re.sub(r"(?<![\d.])(\d{1,3}) and (a )?half\b", lambda m: f"{m.group(1)}.5", text)
    text = re.sub(r"\bhalf a year\b", "6 months", text)
    # "3 and a quarter years", "2 years and three quarters"
    text = re.sub(r"(?<![\d.])(\d{1,3})( (?:years?|yrs?))? and (a|one|1|three|3) quarters?\b",
                  lambda m: f"{int(m.group(1)) + (0.75 if m.group(3) in ('three', '3') else 0.25)}"
                            f"{m.group(2) or ''}", text)
    # "4 and a bit", "4 years and a bit": a little over that (read as "just over 4", below)
    text = re.sub(r"(?<![\d.])(\d{1,3})( (?:years?|yrs?))? and a (?:bit|little)\b(?! (?:of|more))",
                  lambda m: f"just over {m.group(1)}{m.group(2) or ''}", text)
    # "40 odd years", "twenty-odd years": some years over that many (the bound ">40")
    text = re.sub(r"(?<![\d.])(\d{1,3})[\s-]odd\b", r"over \1", text)
    text = re.sub(r"\ba couple( of)?\b", "2", text)
    text = re.sub(r"\b(a|one) (year|yr)\b", r"1 \2", text)
    text = re.sub(r"\b(a|one) (month)\b", r"1 \2", text)
    text = re.sub(r"\b(a|one|1) decade\b", "10 years", text)
    text = re.sub(r"\b(\d) decades\b", lambda m: f"{int(m.group(1)) * 10} years", text)
    # "since '19", "in '21": a year in two digits, in this century when it is not in the future
    text = re.sub(r"(?<![\w'])'(\d\d)\b",
                  lambda m: ("20" if int(m.group(1)) <= today.year % 100 else "19") + m.group(1), text)
    whole_life = bool(ALL_LIFE.search(text) or _born_in_the_uk(text))
    # ("nearly all my life, I came when I was 2 and I'm 30 now": the ages say how long)
    by_age = years_from_ages(text)
    if by_age is not None:
        return by_age
    by_share = _years_as_a_share_of_life(text)
    if by_share is not None:
        return by_share
    if whole_life and not BREAK.search(TEMPORARY_ABSENCE.sub(" ", text)):
        return "all_my_life"
    if ARRIVED_AT_AGE.search(text):
        return None  # "since I was 5": an age on arriving, and their age now not said
    if re.search(r"\b(of them|of those|of which|out of)\b", text):
        return None  # "3 years in the UK, 2 of them in Wales": a part of a whole, not a sum
    if re.search(r"\b(i'?m|i am|im|aged?)\s+\d+\b(?!\s*(years?|yrs?|months?))", text):
        return None  # "actually I'm 17" is an age, not years of residence
    between = re.search(r"\bbetween (\d{1,2}(?:\.\d{1,2})?) and (\d{1,2}(?:\.\d{1,2})?) " + YEAR_UNIT + r"\b",
                        text)
    if between:
        low, high = float(between.group(1)), float(between.group(2))
        shown = int(high) if high.is_integer() else high
        return f"<{shown}" if low < high else None  # "between 2 and 3 years": under the higher
    by_month = _years_since_month(text, today)
    if by_month is not None:
        return by_month
    since = re.search(r"\b(since|from|in|at|moved( here)?(?: in)?|came( here)?(?: in)?|"
                      r"arrived(?: here)?(?: in)?)\s+"
                      r"(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+)?"
                      r"((?:19|20)\d\d)\b", text)
    if since:
        year = int(since.group(4))
        if 1900 < year <= today.year:
            return float(today.year - year)
        return None
    if whole_life:
        return None  # "all my life apart from 2 years in France": the years since they came back?
    if re.search(r"\b(a few|few|several|some|many|a number of)\s+" + YEAR_UNIT, text):
        return None
    if re.search(r"^\s*0\b", text):
        return 0.0
    if re.search(r"\b(a few|few|several|some|couple)\s+" + MONTH_UNIT + r"|\bweeks?\b|\bdays?\b|"
                 r"\bjust (arrived|moved|got here)\b|\brecently\b", text) and \
            not re.search(r"\d+\s*" + YEAR_UNIT, text) and not MONTHS_COUNTED.search(text):
        return "<1"  # ("just moved, 3 months ago": the months counted are the length)
    quantities = list(re.finditer(
        r"(?<![\d.])(\d{1,3}(?:\.\d{1,2})?)\s*(\+)?\s*(?:(" + YEAR_UNIT[1:-1] + r")|(" +
        MONTH_UNIT[1:-1] + r"))?(?![\d.])", text))
    quantities = [q for q in quantities if float(q.group(1)) <= 100 and not _day_of_a_month(text, q)]
    if not quantities:
        return None
    first = quantities[0]
    if len(quantities) >= 2 and first.group(3) and quantities[1].group(4) and \
            _qualifier(text[max(0, first.start() - 20):first.start()]) == "<" and \
            float(quantities[1].group(1)) < 12 * float(first.group(1)):
        # "not even a year, about 7 months": the bound, then the length itself
        first, quantities = quantities[1], quantities[1:2]
    value = float(first.group(1))
    unit_is_month = bool(first.group(4))
    if unit_is_month and len(quantities) >= 2 and all(q.group(3) or q.group(4) for q in quantities) and \
            re.search(r"\bin\b(?!\s" + MONTHS + r"\b)|\bthen\b", text) and \
            not _total_then_parts(text, quantities):
        # "18 months in belgium then 20 months here": time in each place, added up
        value = sum(float(q.group(1)) / (12 if q.group(4) else 1) for q in quantities)
    elif unit_is_month:
        value = value / 12
    elif len(quantities) >= 2 and quantities[1].group(4) and first.group(3):
        # "3 years and 2 months"
        value += float(quantities[1].group(1)) / 12
        quantities = quantities[:1]
    elif len(quantities) >= 2:
        years = [q for q in quantities if q.group(3) or (not q.group(4) and q is not first)]
        if all(not q.group(4) for q in quantities) and re.search(r"\bin\b(?!\s" + MONTHS + r"\b)", text):
            # "2 years in Spain and 1 in the UK": time in each place, added up
            value = sum(float(q.group(1)) for q in years if q.group(3) or q is not first)
            if first not in years:
                value += float(first.group(1))
            if _total_then_parts(text, quantities):
                value = float(first.group(1))  # "5 years, 3 in Leeds and 2 in York": the total said first
        else:
            return None
    before = text[max(0, first.start() - 20):first.start()]
    # "just over 2 years", "a little over 5": that number, give or take a little (a bare "over 10"
    # is the bound ">10"; so is "just over" an amount that meets the rule: see above)
    just_over = re.search(r"\b(?:just|a little|a bit|slightly|only just|barely)\s+(?:over|more th[ae]n|"
                          r"above)\s*$", before)
    if just_over and (rule_years is None or value < rule_years):
        qualifier = ""
    else:
        qualifier = _qualifier(before) or (
            "<" if re.search(r"\b(not|isn'?t|haven'?t)\b.{0,12}$", before) else "")
    if first.group(2):
        qualifier = ">"
    value = round(value, 2)
    if qualifier:
        shown = int(value) if float(value).is_integer() else value
        return f"{qualifier}{shown}"
    return value
