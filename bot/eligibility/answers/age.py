"""The age questions: an age, or a bound that decides the rule ("over 25", "nearly 16"), and the age
they will have by the start ("I'll be 17 by then").
"""

from __future__ import annotations

import re
from datetime import date

from bot.eligibility.answers.text import NEGATION, is_not_sure, normalise, parse_yes_no
from bot.eligibility.numbers import (
    MONTHS,
    ODD_AFTER,
    age_a_year_below,
    age_decade,
    age_from_birth_date,
    ages_in_words,
    either_of_two_ages,
    numbers,
    parse_age_bound,
    parse_age_number,
    respell_number_words,
    words_to_digits,
)
from bot.eligibility.questions import NO, NOT_SURE, YES
from bot.eligibility.wording import RULES

# A school year in England and Wales ("year 11", "yr 10"), said beside an age
SCHOOL_YEAR = re.compile(r"\b(?:i'?m |i am |im |she'?s |he'?s )?(?:in |at )?(?:year|yr) (?:[7-9]|1[0-3])\b")
# A school year whose pupils are all under 16: "I'm in year 10 at school", "year 9" (year 11 may be 16)
YOUNG_SCHOOL_YEAR = re.compile(r"\b(?:year|yr) (?:[7-9]|10)\b")


# A year of birth as the whole answer: "born in 1998", "I was born in 2003", "2001", "b. 1990"
BIRTH_YEAR = re.compile(r"(?:(?:i was |i'?m |im |he was |she was |he'?s |she'?s )?born(?: in)?\s|b\.\s?|"
                        r"(?:year of birth|birth year|dob)\s?:?\s?)?((?:19|20)\d\d)")


# An age said to be exact: "50 on the dot", "30 exactly", "40 bang on", "21 precisely"
EXACTLY_AFTER = re.compile(r"(?<![\d.])(\d{1,3})\s(?:on the dot|on the nose|exactly|precisely|bang on|"
                           r"flat)\b")
# The exact age after a rough one: "in my 30s, 37 to be exact", "late forties, 48 to be precise"
TO_BE_EXACT = re.compile(r"(?<![\d.])(\d{2}),?\s(?:to be (?:exact|precise|specific)|if you want to be "
                         r"(?:exact|precise))\b")


# A slang word said after the answer: "43 m8", "29 mate", "35 bro", "22 lol", "40 innit"
TRAILING_SLANG = re.compile(r"(?<=\w)[\s,.!]{1,3}(?:m8|mate|bro|bruv|fam|pal|lol|haha|innit|x{1,3})"
                            r"[\s.!]{0,3}$")


# Some way over an age: "30 and a bit", "25 plus", "40+" ("16 and a half" is 16, as people count)
AND_A_BIT = re.compile(r"(?<![\d.])(\d{2})(?:\s(?:and a bit|plus)\b|\+)")

def _decade_of_their_age(text: str) -> int | None:
    """ "in my forties" -> 40; None when no decade is said, or it is negated, or the decade of a birth
    ("born in the 90s")."""
    decade = age_decade(text)
    if decade is None or NEGATION.search(text) or re.search(r"\bborn\b", text):
        return None
    return decade


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
    born_in = BIRTH_YEAR.fullmatch(text.strip(" .!"))
    if born_in:
        # "born in 1998", "2001": the year's difference, as people count it (this year's birthday may
        # be still to come: one either side of the rule is asked again)
        older = (today or date.today()).year - int(born_in.group(1))
        if not 11 <= older <= 100:
            return None
        return older if older - 1 >= RULES.min_age else f"<{RULES.min_age}" if older < RULES.min_age \
            else None
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
    digits = words_to_digits(text)
    exact = TO_BE_EXACT.search(digits)
    if exact and len(TO_BE_EXACT.findall(digits)) == 1 and not NEGATION.search(digits) and \
            10 <= int(exact.group(1)) <= 100:
        return int(exact.group(1))
    odd = ODD_AFTER.search(digits) or AND_A_BIT.search(digits)
    if odd and len(numbers(text)) == 1 and int(odd.group(1)) >= RULES.min_age:
        # "forty odd", "30 and a bit": some years over it; "thirty something": 30 or more
        at_least = re.search(r"something|summat", odd.group(0))
        return f">{int(odd.group(1)) - 1}" if at_least else f">{odd.group(1)}"
    age = parse_age_number(text, rough_margin_from=RULES.min_age)
    if age is not None:
        return age
    above = age_a_year_below(text)
    if above is not None and RULES.min_age <= above - 1 <= 100:
        return above - 1  # "nearly 17", "I'm 21 next month": a year younger now
    if above is not None and 10 <= above <= RULES.min_age:
        return f"<{above}"  # "I'm 16 next month": under 16 now, as "I'll be 16 in March" is
    decade = _decade_of_their_age(text)
    if decade is not None and decade - 1 >= RULES.min_age:
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


# A birthday said to fall before or after the start: "I turn 16 in the summer holidays before it begins";
# or before the school year ends, from when they may start: "I'll be sixteen in May, before school finishes"
BIRTHDAY_SIDE_OF_START = re.compile(
    r"\b(?:turn|turns|turning|be|is|'s|'m)\s(\d{1,3})\b[^?.!]{0,40}?\b(before|after)\s"
    r"(?:it|techtrack|the (?:apprenticeship|course|programme|scheme|start)|the apprenticeship starts|"
    r"(?P<school>(?:i |she |he )?(?:finish|finishes|leave|leaves|end|ends) "
    r"(?:school|year 11|(?:my |her |his )?gcses)|"
    r"(?:school|year 11|the school year|(?:my |her |his )?gcses) "
    r"(?:finishes|ends|is over|are over|finish|end)|"
    r"the end of (?:the )?(?:school year|school|year 11|term)))"
    r"(?:\s(?:starts|begins|start|begin|kicks off))?\b")


# The school year said to end before the start: "she finishes year 11 in june", "I leave school in July"
SCHOOL_YEAR_ENDING = re.compile(r"\b(?:finish\w*|leav\w*|end\w*|done with|complet\w*)\s(?:\w+\s){0,2}?"
                                r"(?:year 11|y11|yr 11|school|secondary school|her gcses|his gcses|my gcses|"
                                r"their gcses|gcses)\b")


# Not the age now, but by the start: "not yet but I will be by then", "no, but she will be"
NOT_YET_BUT_WILL = re.compile(r"^(?:not yet|not now|not at the moment|no|nope)\b[,.]?\s(?:but|though)\s"
                              r"(?:i|she|he)\s?(?:will|'ll)(?: definitely| deffo| def)? be\b"
                              r"(?:\s(?:by then|by the start|by that (?:time|point)|when it starts|in time))?"
                              r"\s?[.!]*$")
# The age denied to be below the minimum: "I'm not going to be under 16", "I won't be younger than 16"
NOT_TOO_YOUNG = re.compile(r"\b(?:not|won'?t|will not|never)\s(?:going to |gonna )?(?:be\s|still be\s)?"
                           r"(?:under|younger than|below|less than)\s(\d{1,2})\b")


# Too young still at the start: "still under 16 at that point", "i'll still be 15 then", "she'd still be 15
# when it starts"
STILL_UNDER_THEN = re.compile(r"\bstill\s(?:be\s|going to be\s|gonna be\s)?(?:only\s|just\s)?"
                              r"(?:under\s(\d{1,2})|(\d{1,2}))\b(?:\s(?:years? old|yo))?\s?,?\s?"
                              r"(?:then|at that point|at that time|by then|at the start|"
                              r"when it (?:starts|begins)|on the start date)\b")


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
    if NOT_YET_BUT_WILL.search(text):
        return YES  # "not yet but I will be by then": not now, by the start
    too_young = NOT_TOO_YOUNG.search(words_to_digits(text))
    if too_young and int(too_young.group(1)) >= RULES.min_age:
        return YES  # "I'm not going to be under 16, no worries there"
    still = STILL_UNDER_THEN.search(words_to_digits(text))
    if still and "?" not in text and (int(still.group(1)) <= RULES.min_age if still.group(1) else
                                      int(still.group(2)) < RULES.min_age):
        return NO  # "still under 16 at that point", "i'll still be 15 then"
    answer = parse_yes_no(text)
    if answer == NO and SCHOOL_YEAR_ENDING.search(text):
        # "no, she'll still be 15 in july, but she finishes year 11 in june": who turns 16 in the
        # school year may start after it ends, which the admissions team confirms
        return NOT_SURE
    if answer is not None:
        return answer
    text = words_to_digits(text)
    side = BIRTHDAY_SIDE_OF_START.search(text)
    if side and not NEGATION.search(text) and "?" not in text and \
            int(side.group(1)) == RULES.min_age:
        if side.group(2) == "before":
            return YES  # "I turn 16 in the holidays before it begins", "...before school finishes"
        # ("16 in August, after school ends": who turns 16 in the school year may start when it ends)
        return None if side.group("school") else NO
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
        decade = _decade_of_their_age(text)
        if decade is not None and decade >= RULES.min_age:
            return YES  # "well over, I'm in my forties"
    return None
