"""The residence question: years of residence ("less than 3 years", "3 years and 2 months"), leaving
out years on a student visa, short trips away and time in places that don't count.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date
from typing import Literal

from bot.eligibility.answers.text import (
    NEGATION,
    about_someone_else,
    clauses,
    is_negated,
    is_not_sure,
    mentions,
    normalise,
)
from bot.eligibility.nationalities import NAMES
from bot.eligibility.numbers import (
    ALL_LIFE,
    BREAK,
    EXCEPT,
    MONTH_NUMBERS,
    MONTHS,
    SHORT_LENGTH,
    numbers,
    parse_duration_years,
    years_from_ages,
)
from bot.eligibility.places import (
    CROWN_DEPENDENCIES,
    EEA,
    ENGLAND,
    FAR_AWAY,
    IRELAND,
    OUTSIDE_ENGLAND,
    OVERSEAS_TERRITORIES,
    UK_OUTSIDE_ENGLAND,
    counted_beyond_uk,
    northern_ireland_left_out,
)
from bot.eligibility.questions import NOT_SURE
from bot.eligibility.wording import RULES

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


# A year as the whole answer, perhaps set against the one said before: "2022", "I meant 2022 not 2025"
YEAR_ALONE = re.compile(r"(?:(?:i\s)?mea(?:nt|n)\s|it'?s\s|it was\s)?((?:19|20)\d\d)"
                        r"(?:,?\snot\s(?:19|20)\d\d)?")


SINCE_LAST_MONTH = re.compile(r"\bsince last (" + MONTHS + r")\b(?!\s(?:19|20)\d\d)")


def _with_the_years_of_months_said(text: str, today: date | None = None) -> str:
    """ "back since last december" -> "back since december 2025", "in march last year" -> "in march
    2025" (said in 2026)."""
    today = today or date.today()

    def dated(match: re.Match[str]) -> str:
        month = MONTH_NUMBERS[match.group(1)]
        return f"since {match.group(1)} {today.year if month < today.month else today.year - 1}"

    text = SINCE_LAST_MONTH.sub(dated, text)
    # "moved here in march last year": the month of their arrival, in the year said
    return MONTH_OF_A_YEAR_SAID.sub(
        lambda match: f"{match.group(1)}{match.group(2)} {today.year - (match.group(3) == 'last')}", text)


MONTH_OF_A_YEAR_SAID = re.compile(r"\b((?:moved|came|arrived|got here)\b[^,.;]{0,25}?\b(?:in|since)\s)(" +
                                  MONTHS + r")\s(last|this)\syear\b")


# Things counted that are not years: "4 gcses", "5 a levels", "3 kids"
# A school year: "in year 11", "starting year 7", "doing year 13"
SCHOOL_YEAR = re.compile(r"\b(in|into|starting|started|doing|finishing|finished|entering|going into|since)\s"
                         r"(?:year|yr)\s\d{1,2}\b(?!\s?(?:years?|yrs?|months?|ago)\b)")
COUNTED_THINGS = re.compile(r"\b\d{1,2}\s(?:gcses?|a[- ]?levels?|grades?|subjects?|kids|children|jobs)\b")


# No years here at all, said first: "none really", "zero", "0, I've never lived there"
NONE_HERE = re.compile(r"(?:none|zero|nil|0|no years?|not any)\b(?:\s(?:really|at all|yet))?(?:[\s,.!;-]|$)")
# A stay somewhere said with "since": "i've been in dubai since 2022", "living in spain since 2019"
ABROAD_SINCE = re.compile(r"\b(?:been|living|lived|live|based|moved)\s(?:in|to)\s(?:the\s)?"
                          r"([a-z]+(?:\s[a-z]+)?)\s(?:since|from)\b")
# Years to be reached in a month to come: "it'll be 3 years in march", "4 years in feb", "3 yrs this
# coming March", "five years on the 1st of June"
YEARS_REACHED_IN = re.compile(r"\b(\d{1,2}) (?:years?|yrs?) (?:in|by|this coming|this|come|coming|next|"
                              r"on (?:the )?\d{1,2}(?:st|nd|rd|th)?(?: of)?) (" + MONTHS + r")\b")


# A date said before the move it dates: "its may 2023 i moved", "2021 we came over"
DATE_THEN_MOVED = re.compile(r"\b((?:(?:" + MONTHS + r")\s)?(?:19|20)\d\d)\s(?:is when\s|was when\s|when\s)?"
                             r"((?:i|we)\s(?:moved|came|arrived))\b")


# A count said to hang on whether time away breaks it: "if the us year breaks it", "if that counts"
COUNT_HANGS_ON_A_BREAK = re.compile(r"\bif\s(?:the|that|my|it|this|those)\b[^.;?]{0,30}?\s(?:breaks?|broke|"
                                    r"resets?|interrupts?|counts?|doesn'?t count|does not count)\b")


def parse_residence_years(text: str) -> float | str | None:
    """Years of residence; years said to be on a student visa are taken off ("7 years but 3 of those
    on a student visa" is 4): time on a study visa never counts towards the rule's years."""
    from bot.eligibility.numbers import words_to_digits

    text = _with_the_years_of_months_said(_others_born_here_left_out(normalise(text)))
    # "its may 2023 i moved": the date said first, as "i moved in may 2023"
    text = DATE_THEN_MOVED.sub(lambda m: f"{m.group(2)} in {m.group(1)}", text)
    text = SCHOOL_YEAR.sub(r"\1 school", text)  # "she's in year 11": a school year, not 11 years here
    if COUNTED_THINGS.search(text) and not re.search(r"\b(?:years?|yrs?|months?|since|lived|here|moved|came|"
                                                     r"born|arrived|life)\b", text):
        return None  # "i got 4 gcses ... so 5 in the end": a count of something else, not years
    if is_not_sure(text) or COUNT_HANGS_ON_A_BREAK.search(text):
        # ("since jan 2025 if the us year breaks it": which count applies is for the admissions team)
        return NOT_SURE
    if NONE_HERE.match(text):
        return 0.0  # "none really, i've been in dubai since 2022": no years here (asked back for the place)
    abroad = ABROAD_SINCE.search(text)
    if abroad and abroad.group(1) not in UK_STAY_PLACES and not re.search(r"\b(?:uk|here|england|britain|"
                                                                          r"back)\b", text):
        return None  # "i've been in dubai since 2022": the years there, not here
    said = words_to_digits(text)
    reached = YEARS_REACHED_IN.search(said)
    if reached:
        month = MONTH_NUMBERS[reached.group(2)]
        if re.search(r"\b(?:was|hit|turned)\s$", said[:reached.start()]):
            # "it was 4 years in september": that many years then, so more now
            return round(int(reached.group(1)) + (date.today().month - month) % 12 / 12, 2)
        # "it'll be 3 years in march": that many years then, so fewer now
        return round(int(reached.group(1)) - (month - date.today().month) % 12 / 12, 2)
    year_alone = YEAR_ALONE.fullmatch(text.strip(" .!"))
    if year_alone and int(year_alone.group(1)) <= date.today().year:
        # "2022", "2022 not 2025": the year they came, as "since 2022" says it
        return parse_duration_years(f"since {year_alone.group(1)}", rule_years=RULES.residence_years)
    digits = words_to_digits(text)
    if LENGTH_AWAY_BESIDE.search(digits) and RETURN_SAID.search(digits):
        # "moved back from Spain 2 years ago, was there for 5 years": the years away, said beside the return
        text = digits = LENGTH_AWAY_BESIDE.sub("", digits)
    if ALWAYS_ELSEWHERE_BEFORE.search(digits):
        text = digits = ALWAYS_ELSEWHERE_BEFORE.sub("", digits)  # "1 year here, before that always in italy"
    if NOT_CONTINUOUS.search(digits):
        return None  # "on and off for 10 years": not one continuous stay, so not its length
    gap_out = _gap_year_left_out(digits)
    if gap_out != digits:
        text = digits = gap_out  # "36 years apart from a gap year teaching english in japan": a stay unbroken
    if AWAY_FOR_WORK.search(digits):
        return None  # "7 years, with a year in Canada in the middle for work": a long absence, ask again
    span = YEARS_SPAN_AWAY.search(digits)
    if span and ALL_LIFE.search(digits) and int(span.group(2)) - int(span.group(1)) >= 1 and \
            not CAME_BACK.search(digits) and not re.search(r"\bsince\b", digits[span.end():]):
        return None  # "since birth, but I spent 2021-2023 working in Dubai": a long absence, ask again
    trips_out = _short_trips_left_out(digits)
    if trips_out != digits:
        text = digits = trips_out  # "..., went back to Lagos for a month in 2022": a trip breaks no stay
    away = _far_periods_left_out(digits)
    if away != digits:
        text = digits = away  # "Canada for 8 years, came home 18 months ago": years no group counts, left out
    if AGE_LEFT_AT.search(digits):
        # "lived in dublin til i was 14": an age then, not a length of time
        text = digits = " ".join(AGE_LEFT_AT.sub(" ", digits).split())
    arrived = ARRIVED_AGED.search(digits)
    if arrived and YEARS_SAID.search(digits[:arrived.start()] + digits[arrived.end():]) and \
            not AGE_NOW_SAID.search(digits):
        # "12 years. came from Lagos when I was 14": the age on coming, beside the years it says
        text = digits = " ".join((digits[:arrived.start()] + digits[arrived.end():]).split())
    if NEVER_OUTSIDE_UK.search(digits) and GREW_UP.search(digits) and all(
            name in UK_STAY_PLACES for _, name in mentions(digits, PLACES_BEYOND_ENGLAND)):
        # "grew up in Cardiff, moved to Bristol 3 years ago, never lived outside the UK": a move
        # within the UK, here all their life
        return "all_my_life"
    if _counted_stay_of_unsaid_length(digits):
        return None  # "grew up in Jersey, moved to Southampton a year ago": the years in Jersey count too
    if NEVER_ELSEWHERE.search(text) and not re.search(r"\d|\b(came|moved|arrived|got here|since|when|"
                                                      r"until|till|apart from|except)\b",
                                                      AGE_SAID.sub(" ", digits)):
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
    # (", first year as a student")
    digits = re.sub(r"\b(first|initial) year\b(?=\s(?:as|on|i was|was|studying))", r"\1 1 year", digits)
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
    part = PART_ON_ANOTHER_STATUS.search(digits)
    if part and re.search(r"\d", digits[:part.start()]):
        # "4 years, 2 years was on ILR": a part of the whole, on a status whose years count
        text = digits = digits[:part.start()] + digits[part.end():]
    if NOT_ARRIVED_YET.search(digits) and not re.search(r"\d\s?(?:years?|yrs?)\b|\b(?:19|20)\d\d\b", digits):
        return 0.0  # "haven't moved yet, coming over next month": no time here so far
    study_ended = STUDY_VISA_ENDED.search(digits)
    if study_ended and 1900 < int(study_ended.group(2)) <= date.today().year:
        # "that IS without the student years, student visa ended 2020": the years since it ended
        since = " ".join(part for part in study_ended.groups() if part)
        return parse_duration_years(f"since {since}", rule_years=RULES.residence_years)
    since_switch = years_since_leaving_study(digits)
    if since_switch is not None:
        return None if since_switch is False else since_switch
    switched = _years_since_switching_from_study(digits)
    if switched is not None:
        return switched
    back = years_since_coming_back(digits)
    if back is not None:
        return back
    total = TOTAL_STATED.search(re.sub(r"\b(\d{1,2}) and a half\b", r"\1.5", digits))
    if total and not STUDY_NAMED.search(digits) and not re.search(
            r"\b(?:went back|came back|moved back|back home|left|break|gap|in the middle|away|since|ago|"
            r"when (?:i|she|he) was|(?:19|20)\d\d)\b", digits):
        # "i was in poland 1 year before so 2 total", "2 years total, 1 in germany before": the total
        # they give, not its parts added to it
        return float(total.group(1) or total.group(2))
    bred = re.search(r"\bborn and (?:bred|raised) ([a-z]+)\b", text)
    if bred and NAMES.get(bred.group(1)) == "uk" and not NEGATION.search(text):
        return "all_my_life"  # "a born and bred Geordie": born here, and here since
    if _far_stay_beside_lengths(digits):
        return None  # "5 years India, 3 years UK": which length is whose is not plain
    return parse_duration_years(text, rule_years=RULES.residence_years)


# A trip away, said in a clause of its own: "went back to Lagos for a month", "apart from 6 months
# travelling", "visited family in Poland for 3 weeks"
TRIP_AWAY = re.compile(r"\b(?:went|gone|go|going|travel\w*|flew|flown|popped|nipped|visit\w*|trips?|spent|"
                       r"holidays?|backpack\w*|away|abroad|overseas|back home)\b")
SHORT_TRIP_LENGTH = re.compile(r"(?<![\d.])" + SHORT_LENGTH + r"\b")
YEARS_SAID = re.compile(r"(?<![\d.])\d{1,2}(?:\.\d{1,2})?\s?(?:years?|yrs?)\b|\b(?:a|an)\s(?:year|decade)\b")
# Coming here, not going away: "travelled here 3 months ago", "came over for 2 weeks and stayed"
ARRIVAL_SAID = re.compile(r"\b(?:here|over here|to the uk|to england|to britain|came|come|moved|arrived|"
                          r"stayed|ago)\b")
# Where an answer's clauses end, the marks kept (not a decimal point: "3.5 years")
CLAUSE_MARKS = re.compile(r"([,;]|\.(?!\d)|\bbut\b)")


# Holidays and trips, short by what they are when no length is said: "with a couple of holidays abroad"
HOLIDAYS = re.compile(r"\b(?:holidays?|hols|trips?|visits?|city breaks?|weekends? away)\b")


def _short(part: str) -> bool:
    """A trip said to be short, or a holiday with no length said."""
    return bool(SHORT_TRIP_LENGTH.search(part)) or (
        bool(HOLIDAYS.search(part)) and not re.search(r"\d|\b(?:months?|years?|weeks?|long)\b", part))


def _short_trips_left_out(text: str) -> str:
    """ "lived here 15 years, went back to Lagos for a month in 2022 for my dad's funeral": a clause
    that only tells of a trip away of up to six months is left out (short trips don't break a stay,
    and its year is not when they came), when the rest still says how long ("15 years", "since
    birth")."""
    parts = CLAUSE_MARKS.split(re.sub(r"\s?[()]\s?", ", ", text))  # ("(went home for a month)": a clause)
    kept = [part for part in parts if not (TRIP_AWAY.search(part) and _short(part) and
                                           not YEARS_SAID.search(part) and not ARRIVAL_SAID.search(part))]
    if len(kept) == len(parts):
        return text
    rest = re.sub(r"[,;](?:\s?[,;])+", ",", " ".join("".join(kept).split()))  # (", ,": one mark)
    rest = rest.strip(" ,;.")
    while rest.endswith(" but"):
        rest = rest[:-4].rstrip(" ,;.")  # ("8 years, but": "8 years")
    return rest if re.search(r"\d", rest) or ALL_LIFE.search(rest) else text


# A gap year or a working holiday away, and what is said of it to the end of its clause: "apart from a
# gap year teaching english in japan when I was 22", "except a year in australia on a working holiday"
GAP_YEAR_AWAY = re.compile(EXCEPT +
                           r"(?:a|an|one|my|the)\s[^,.;]{0,40}?\b(?:gap year|working holiday|year out|"
                           r"year abroad)\b[^,.;]{0,60}")


def _gap_year_left_out(text: str) -> str:
    """ "all my life apart from a year in australia on a working holiday in 2010": a gap year or a working
    holiday is a temporary absence (residence goes on through it), so it is left out, with its places,
    years and ages, when the rest still says how long."""
    gap = GAP_YEAR_AWAY.search(text)
    if not gap:
        return text
    rest = " ".join((text[:gap.start()] + text[gap.end():]).split()).strip(" ,;.")
    return rest if re.search(r"\d", rest) or ALL_LIFE.search(rest) else text


# Years away said as a span of years: "spent 2021-2023 working in Dubai"
YEARS_SPAN_AWAY = re.compile(r"\b(?:spent|lived|living|was|were|worked|working|moved|went)\b[^.;]{0,30}?"
                             r"\b((?:19|20)\d\d)\s?(?:-|–|to|until|till)\s?((?:19|20)\d\d)\b")
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
# The age they came at: "came from Lagos when I was 14", "moved here aged 10" (with their age now, the
# years are counted from the two ages: see numbers.years_from_ages)
ARRIVED_AGED = re.compile(r"\b(?:came|moved|arrived|got here)\s[^,.;]{0,30}?\b(?:when i was|at age|"
                          r"at the age of|aged|at)\s\d{1,2}\b(?!\s?(?:years?|yrs?|months?))")
AGE_NOW_SAID = re.compile(r"\bnow\b|\b(?:i'?m|im|i am)\s\d{1,2}\b")
# Their age, said beside the answer: "never lived anywhere else, I'm 19"
AGE_SAID = re.compile(r"\b(?:i'?m|im|i am|aged?)\s\d{1,2}(?:\s(?:years? old|yo))?\b"
                      r"(?!\s(?:years?|yrs?|months?)(?!\sold))")
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
              about_someone_else(SOME_OF.sub("", part), children_too=True)]
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


# Never outside the UK as a whole (not "never lived anywhere else", which may mean their town)
NEVER_OUTSIDE_UK = re.compile(r"\bnever (?:lived|been|resided|lived anywhere) outside (?:the uk|britain|"
                              r"great britain|the united kingdom|this country)\b|"
                              r"\bnever left (?:the uk|britain|the country|this country)\b")
GREW_UP = re.compile(r"\b(?:grew up|born|raised|brought up)\b")
PLACES_BEYOND_ENGLAND = (*OUTSIDE_ENGLAND, *FAR_AWAY, *IRELAND, *EEA, *CROWN_DEPENDENCIES,
                         *OVERSEAS_TERRITORIES)
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
# A part of the count said to be on a status that is no study visa: ", 2 years was on ILR", ", the last 2
# on a spouse visa", ", 3 of them on a skilled worker visa"
PART_ON = (r"[,;]\s?(?:and\s)?(?:the\s)?(?:first\s|last\s)?\d{1,2}(?:\.\d{1,2})?\s?(?:years?\s|yrs?\s)?"
           r"(?:of (?:it|that|those|them)\s)?(?:was\s|were\s|i was\s|been\s)?on\s")
PART_ON_ANOTHER_STATUS = re.compile(
    PART_ON + r"(?!(?:a\s|an\s|my\s|the\s)?(?:student|study|tier 4|tier four))(?:a\s|an\s|my\s|the\s)?"
    r"[a-z-]+(?:\s[a-z-]+){0,2}?\s?(?:visa|leave|status|route|permit|ilr)\b|" +
    PART_ON + r"(?:ilr|indefinite leave)\b")
RETURN_SAID = re.compile(r"\b(?:came|moved|got|been) back\b|\breturned\b")
# The length of a stay away said in a clause of its own, beside a return: ", was there for 5 years"
LENGTH_AWAY_BESIDE = re.compile(r"[,;]?\s?(?:and\s)?(?:i\s)?(?:was|lived|been|had been|i'?d been)\sthere\s"
                                r"(?:for\s)?(?:about\s|around\s)?\d{1,2}\s?(?:years?|yrs?|months?)\b")
# A life elsewhere before the years here: ", before that always in italy"
ALWAYS_ELSEWHERE_BEFORE = re.compile(r"[,;]?\s?(?:and\s)?before that,?\s(?:i\s)?(?:was\s|lived\s)?always\s"
                                     r"(?:lived\s)?in\s(?!the uk\b|uk\b|england\b|britain\b|here\b)[a-z]+"
                                     r"(?:\s[a-z]+)?\s?[.!]*$")
# The end of a study visa, with its year: "student visa ended 2020", "my tier 4 expired in march 2021"
# ("on a student visa, that ended in sept 2023", "student visa from 2021, which ended...": its end in a
# clause of its own)
STUDY_VISA_ENDED = re.compile(r"\b(?:student|study|tier 4|tier four)(?: visa| leave| permit)?"
                              r"(?:\s(?:from|since|in)\s(?:19|20)\d\d)?"
                              r"(?:,?\s(?:which|that|it|and it|and that|and this))?\s"
                              r"(?:ended|finished|expired|ran out|stopped)\s(?:in\s)?(?:(" + MONTHS + r")\s)?"
                              r"((?:19|20)\d\d)\b")
# A total said: last, as the figure they settle on ("..., so 2 total", "= 2", "so 2.5 years"), or first
# ("2 years total, 1 in germany before")
TOTAL_STATED = re.compile(r"(?:^|[,;(]\s?|\s)(?:so|=|that'?s|thats|making it|makes|which is|which makes)\s"
                          r"(?:about\s|around\s|like\s)?(\d{1,2}(?:\.\d{1,2})?)\s?(?:years?|yrs?)?"
                          r"(?:\s(?:in total|total|altogether|overall|combined|all together|together))?"
                          r"\s?[.!)]*$|"
                          r"^(?:about\s|around\s)?(\d{1,2}(?:\.\d{1,2})?)\s?(?:years?|yrs?)?\s"
                          r"(?:in total|total|altogether|overall|combined)\b")
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


def years_since_leaving_study(text: str, today: date | None = None) -> float | Literal[False] | None:
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


# Study, by what was studied or where: "my bachelors and masters", "a PhD", "at uni", "as a student"
STUDY_NAMED = re.compile(r"\b(?:bachelor'?s?|masters?|master'?s|degrees?|undergrad\w*|postgrad\w*|phd|"
                         r"doctorate|uni|university|college|students?|study|studying|studies|studied|"
                         r"tier 4|tier four)\b")
# Time here on a student visa, told of in passing: "came on a student visa", "first i was student", "on
# the graduate route now"
STUDIED_HERE = re.compile(r"\b(?:student|study|studying|tier 4|tier four) (?:visa|route|permit)\b|"
                          r"\btier 4\b|\b(?:came|moved|arrived|here)\b[^.;]{0,30}\b(?:to study|as an? "
                          r"(?:international )?student|for (?:my |a )?(?:studies|degree|masters|"
                          r"master'?s|phd|uni|university))\b|"
                          r"\b(?:i was|first i was|i came as|was) (?:an? )?(?:international )?student\b|"
                          # the Graduate route follows a degree here on a student visa
                          r"\bgraduate (?:visa|route)\b|\bpost[- ]?study work\b|\bpsw visa\b")


def told_of_study_here(texts: Sequence[str]) -> bool:
    """Whether any of the person's earlier messages told of time here on a student visa."""
    return any(STUDIED_HERE.search(normalise(text)) for text in texts)


# A switch to another permission, and when: "switching to care work visa last year", "switched to
# skilled worker 2 years ago", "switched to a skilled worker visa in 2024"
SWITCHED_WHEN = re.compile(r"\b(?:switch\w*|changed|moved (?:on)?to)\b[^,.;]{0,40}?\b"
                           r"(?:(last year)|(this year)|(\d{1,2}) (?:years?|yrs?) ago|in ((?:19|20)\d\d))\b")


def _years_since_switching_from_study(text: str) -> float | str | None:
    """ "5 years, I did my bachelors and masters here before switching to care work visa last year":
    time on a study visa never counts, so the years are those since the switch (1); None when no
    study, or no switch said with when it was."""
    switched = SWITCHED_WHEN.search(text)
    if not switched or not STUDY_NAMED.search(text[:switched.start()]) or \
            STUDY_NAMED.search(text[switched.start():]):
        return None
    if switched.group(1):
        return 1.0
    if switched.group(4):
        # "switched to skilled worker visa in 2024": the years since, as people count them
        since = date.today().year - int(switched.group(4))
        return None if since < 0 else "<1" if since == 0 else float(since)
    return "<1" if switched.group(2) else float(switched.group(3))


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
                             r"\sin the uk|\sin\s[a-z]+)?\s(?:ever\s)?since\s(?:(" + MONTHS + r")\s)?"
                             r"((?:19|20)\d\d)\b")
# Back for a length of time said: "back in the UK for the last 4 years", "been back here 3 years"
# (not "went back home for 2 years": time away)
BACK_FOR_A_LENGTH = re.compile(r"(?<!went )(?<!go )(?<!going )(?<!moved )"
                               r"\b(?:been back|back|came back|moved back)(?:\shere|\sin the uk|"
                               r"\sin england|\sin britain|\sin [a-z]+)?\s(?:for\s)?(?:the\s(?:last|past)\s)?"
                               r"(\d{1,2}(?:\.\d{1,2})?)\s(?:years?|yrs?)\b(?!\s(?:ago|before|later))")
SHORT_AWAY = re.compile(r"\b(holidays?|trips?|visits?|weeks?|days?|months?|summer|christmas)\b")


def years_since_coming_back(text: str, today: date | None = None) -> float | str | None:
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
        year = int(back_since.group(2))
        if not 1900 < year <= today.year:
            return None
        if back_since.group(1):  # "back since June 2022": to the month, as "since June 2022" is
            return parse_duration_years(f"since {back_since.group(1)} {year}", today,
                                        rule_years=RULES.residence_years)
        return float(today.year - year)
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


# Said to have come from a place, its length not said: "moved over from dublin last year"
CAME_FROM = re.compile(r"\b(?:came|come|moved|moving|relocated|arrived)\s(?:over\s|here\s|back\s|"
                       r"to the uk\s)?from\s")
# Numbers that count time: "5 years", "a couple of years", "all my life"
LENGTH_SAID = re.compile(r"\d|\b(?:a|one|two|three|four|five|six|seven|eight|nine|ten|a couple of|a few|"
                         r"several|many)\s(?:years?|yrs?|months?)\b|"
                         r"\b(?:all|most) (?:my|of my|her|his) life\b")
# A length said of the place come from: "after 10 years there", "where I'd lived 5 years"
LENGTH_THERE = re.compile(r"\b(?:years?|yrs?|months?)\s(?:there|living there|of living there)\b|"
                          r"\bafter\s(?:\d+|[a-z]+(?:\s[a-z]+)?)\s(?:years?|yrs?)\b|"
                          r"\bwhere i(?:'d| had)? lived\b")
TOTAL_SAID = re.compile(r"\b(?:total|altogether|together|overall|combined|in all)\b")


def counted_place_named(text: str, group: str | None) -> str | None:
    """A place whose years count for the nationality `group` named anywhere in the answer ("UK
    2019-2022, then Zurich 2022-2024, then UK again since 2024"), or None."""
    counted = counted_beyond_uk(group)
    lowered = northern_ireland_left_out(normalise(text))
    if not counted or not re.search(r"\b(?:19|20)\d\d\b", text) or TOTAL_SAID.search(lowered):
        return None  # (lengths said with their places are added up as they are)
    named = [(position, place) for position, place in mentions(lowered, list(counted))
             if not is_negated(lowered, position)]
    return named[0][1] if named else None


def untimed_time_in(text: str, group: str | None) -> str | None:
    """A place whose years count for the nationality `group` (the EEA for EU, EEA and Swiss citizens,
    Ireland for Irish ones), said to have been lived in with no length: "lived in uk 2 years, before
    that madrid", "moved over from dublin last year". The place, or None. The UK years alone would
    leave out years the rule counts."""
    counted = counted_beyond_uk(group)
    lowered = northern_ireland_left_out(normalise(text))
    if not counted or TOTAL_SAID.search(lowered):
        return None
    for clause in clauses(lowered):
        named = mentions(clause, list(counted))
        if not named:
            continue
        position, place = named[0]
        if CAME_FROM.search(clause[:position]):
            if not LENGTH_THERE.search(clause):
                return place  # "moved over from dublin last year": how long there, not said
        elif not LENGTH_SAID.search(clause):
            return place  # "..., before that madrid"
    return None
