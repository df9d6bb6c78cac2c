"""Free-text answers to the eligibility questions, one reader per question: statements ("I'm
unemployed"), negation ("not British"), numbers with qualifiers ("less than 3 years"),
qualifications by name ("BTEC level 3"), places ("3 days in Bristol, 2 in Cardiff").

Each reader returns the answer's value, or None when the text does not clearly answer the question
(the bot then asks again with a hint: a wrong value is worse than a second question). Every
pattern is linear in the text's length, and `parse_answer` caps the length first.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from datetime import date
from typing import Any

from bot.eligibility.nationalities import NAMES
from bot.eligibility.numbers import numbers, parse_age_number, parse_duration_years
from bot.eligibility.places import ENGLAND, OUTSIDE_ENGLAND
from bot.eligibility.questions import NO, NOT_SURE, QUESTIONS, ROLE_UNDECIDED, YES
from bot.eligibility.wording import RULES
from bot.roles import find_roles

MAX_ANSWER = 300  # longer text is not a plain answer; only its start is read

NOT_SURE_PATTERN = re.compile(
    r"\b(not sure|unsure|not too sure|don'?t know|do not know|dont know|dunno|no idea|no clue|"
    r"not certain|can'?t remember|cannot remember|idk|not a clue|haven'?t a clue|no clue|"
    r"need to check|have to check|would have to check|i'?d have to check|i forget|not positive|"
    r"hard to say|unclear|can'?t say|couldn'?t tell you|it depends|depends (on|when))\b"
)
HEDGE = re.compile(r"^\s*(maybe|possibly|perhaps|probably not|probably)\b")
YES_WORDS = re.compile(
    r"^\s*(y|ya|yah|yes+|yep|yup|yeah|yea|yeh|ye|aye|sure|correct|right|true|affirmative|"
    r"of course|definitely|absolutely|certainly|indeed|that'?s right|that'?s correct|ok|okay|"
    r"totally|for sure|defo|deffo|def)\b|"
    # "I do", "I have one": a yes only when little else is said ("I'm a student" is not a yes)
    r"^\s*(i do|i have|i am|i will|i did|i'?ve got one|i have one|i do have|i am indeed)"
    r"( (one|it|them|that|indeed|actually|though|yes))?\s*[.!]*\s*$"
)
NO_WORDS = re.compile(
    r"^\s*(n|no+|nope|nah|naw|not|never|none|negative|no way|not really|not at all|"
    r"i don'?t|i do not|i dont|i'?m not|i am not|im not|i haven'?t|i have not|i havent|"
    r"i won'?t|i will not|i wont|i didn'?t|i did not|i never|i ain'?t|not me|nothing)\b"
)
NEGATION = re.compile(
    r"\b(no|not|never|don'?t|dont|do not|doesn'?t|haven'?t|havent|have not|hasn'?t|isn'?t|"
    r"aren'?t|wasn'?t|won'?t|wont|without|nothing|none|nor|neither|non|un)\b"
)


FILLERS = re.compile(r"^(?:(?:erm+|um+|umm+|uh+|er+|hmm+|well|so|ok|okay|right|oh|ah)\b[\s,.!]*)+")


def normalise(text: str) -> str:
    """Lower case, one kind of apostrophe, single spaces, and no "erm, well," in front."""
    text = text[:MAX_ANSWER].lower().replace("’", "'").replace("‘", "'")
    return FILLERS.sub("", " ".join(text.split()))


def is_not_sure(text: str) -> bool:
    if re.search(r"^probably not\b", text):
        return False  # a no, said gently
    return bool(NOT_SURE_PATTERN.search(text)) or bool(HEDGE.search(text))


def parse_yes_no(text: str) -> str | None:
    """Yes, no or not sure, from how the answer starts ("yes", "nope", "I don't")."""
    text = normalise(text)
    if is_not_sure(text):
        return NOT_SURE
    if re.search(r"^probably not\b", text):
        return NO
    turn = re.search(r"\b(?:but|though|however)\s+(yes|yeah|yep|no|nope|nah)\b", text)
    if turn:
        return YES if turn.group(1) in ("yes", "yeah", "yep") else NO
    if NO_WORDS.search(text):
        return NO
    if YES_WORDS.search(text) or re.search(r"\b(so|then|i think|i guess)\s+(yes|yeah|yep)\s*[.!]*$", text):
        return YES
    if re.search(r"\b(so|then|i think|i guess)\s+(no|nope)\s*[.!]*$", text):
        return NO
    return None


def mentions(text: str, names: Sequence[str]) -> list[tuple[int, str]]:
    """Every name in text as (position, name), longest names first at the same place."""
    found: list[tuple[int, str]] = []
    for name in sorted(names, key=len, reverse=True):
        for match in re.finditer(r"(?<![\w-])" + re.escape(name) + r"(?![\w-])", text):
            if not any(start <= match.start() < start + len(other) for start, other in found):
                found.append((match.start(), name))
    return sorted(found)


def _negated(text: str, position: int) -> bool:
    """Whether a word at `position` is negated within its clause ("not British", "non-EU")."""
    clause_start = max(text.rfind(sep, 0, position) for sep in (",", ".", ";", " but ", " and "))
    before = text[clause_start + 1:position]
    return bool(re.search(r"\b(not|non|isn'?t|never|no longer|wasn'?t|without)\b(?:[\s-]+[\w-]+){0,3}[\s-]*$",
                          before[-40:])) or text[max(0, position - 4):position] == "non-"


# --- role, age, nationality ----------------------------------------------------------------------

def parse_role(text: str) -> str | None:
    text = normalise(text)
    named_roles = {key for start, _, key in find_roles(text) if not _negated(text, start)}
    if len(named_roles) > 1:
        return ROLE_UNDECIDED  # "software developer or maybe DevOps": not decided yet
    if len(named_roles) == 1:
        return named_roles.pop()
    for pattern, role in ROLE_HINTS:
        if pattern.search(text):
            return role
    if is_not_sure(text) or re.search(
            r"\b(undecided|haven'?t decided|not decided|any of them|any|either|whichever|"
            r"made my mind up|make my mind up|not sure yet|no idea yet|still deciding|"
            r"don'?t mind|no preference|open to all|all of them|not yet)\b", text):
        return ROLE_UNDECIDED
    return None


# How people describe a role without naming it (the role question only: in FAQ questions these
# words mean other things).
ROLE_HINTS = (
    (re.compile(r"\b(coding|coder|programmer|programming|writing code|build(ing)? software)\b"),
     "software_developer"),
    (re.compile(r"\b(the security (one|role)|security role|hacking|ethical hack\w*)\b"),
     "cyber_security_technologist"),
    (re.compile(r"\b(analys\w*|requirements)\b.{0,40}\b(business|requirements|processes)\b"),
     "business_analyst"),
    (re.compile(r"\b(infrastructure|pipelines|cloud|deployments?)\b"), "devops_engineer"),
)


def parse_age(text: str) -> int | str | None:
    text = normalise(text)
    if is_not_sure(text):
        return NOT_SURE
    return parse_age_number(text)


def parse_nationality(text: str, entities: Sequence[tuple[str, str]] = ()) -> str | None:
    """A nationality group; dual nationals get the most favourable group they hold. A nationality
    said with "not" ("not British, I'm American") is left out."""
    text = normalise(text)
    if is_not_sure(text):
        return NOT_SURE
    if re.search(r"\bnon[- ]?(eu|eea|european)\b|\boutside (the )?(eu|eea|europe)\b", text):
        return "other"
    groups = [NAMES[name] for pos, name in mentions(text, list(NAMES)) if not _negated(text, pos)]
    if not groups:
        groups = _misspelt_names(text)
    # "Northern Irish" is British; "Irish" inside it is not Irish.
    for group in ("uk", "irish", "eu_eea"):
        if group in groups:
            return group
    if "other" in groups:
        return "other"
    if re.search(r"\b(another|other|none of (those|these)|something else|different)\b", text):
        return "other"
    for label, value in entities:
        value = value.lower()
        if value in NAMES or _negated(text, max(text.find(value), 0)):
            continue
        if label == "NORP" or (label == "GPE" and re.search(
                rf"\b(from|citizen of|national of|passport)\s+(the\s+)?{re.escape(value)}", text)):
            return "other"
    return None


def _misspelt_names(text: str) -> list[str]:
    """ "britsh", "polsh": a word close to one nationality name (and to no other group's)."""
    import difflib

    found = set()
    for word in re.findall(r"[a-z]{5,}", text):
        close = difflib.get_close_matches(word, [n for n in NAMES if len(n) >= 5], n=3, cutoff=0.85)
        groups = {NAMES[name] for name in close}
        if len(groups) == 1:
            found |= groups
    return list(found)


# --- status and permission -----------------------------------------------------------------------

FUTURE = re.compile(r"\b(going to|gonna|will|soon|planning|plan to|hope to|want to|switch(ing)? to|"
                    r"apply(ing)? for|next year|in future)\b")


def _clauses(text: str) -> list[str]:
    return [c.strip() for c in re.split(r"[,.;]|\bbut\b|\bthough\b|\bhowever\b|\band now\b|\bnow\b",
                                        text) if c.strip()]


def parse_euss_status(text: str) -> str | None:
    text = normalise(text)
    if is_not_sure(text):
        return NOT_SURE
    if re.search(r"\b(haven'?t|have not|never|didn'?t|did not|not) (yet )?(applied|apply)\b", text):
        return "none"
    if re.search(r"\b(applied|waiting|pending|awaiting|application|in progress|not heard|"
                 r"certificate of application|still processing|being processed|no decision)\b", text):
        return "pending"
    upgraded = re.search(r"\bfrom pre[- ]?settled (status )?to (full )?settled\b|\bto settled\b|"
                         r"\bnow (i have |got |have )?(full )?settled\b", text)
    if upgraded:
        return "settled"
    value: str | None = None
    for clause in _clauses(text):
        if FUTURE.search(clause):
            continue  # "applying for settled next year": not the status they have
        status = ("pre_settled" if re.search(r"\bpre[- ]?settled\b|\bpresettled\b|\blimited leave\b",
                                               clause) else
                  "settled" if re.search(r"\bsettled\b|\bindefinite leave\b|\bilr\b|\bpermanent\b",
                                         clause) else None)
        if status and NEGATION.search(clause.split("settled")[0].split("status")[0] + " "):
            value = value or "none"
            continue
        if status:
            value = status
    if value:
        return value
    if re.search(r"\b(neither|none|no status|nothing|not got (one|either|any))\b", text):
        return "none"
    yes_no = parse_yes_no(text)
    if yes_no == NO:
        return "none"
    return None


VISA_WORDS = (r"\b(visa|work permit|skilled worker|spouse|family|partner|dependa[nt]+|graduate|"
              r"ilr|indefinite leave|leave to remain|permanent residen\w*|brp|residence permit|"
              r"health and care|care worker|youth mobility|ancestry|global talent|settled|"
              r"settlement|right to work|british citizen|naturali[sz]ed)\b")


def parse_other_permission(text: str) -> str | None:
    text = normalise(text)
    if is_not_sure(text):
        return NOT_SURE
    if re.search(r"\b(no|not|don'?t|haven'?t|without)\b[^,.;]{0,20}\b(visa|permission|leave)\b", text):
        return NO
    answer = parse_yes_no(text)
    if answer is not None:
        return answer
    if re.search(VISA_WORDS, text) or re.search(r"\b(refugee|humanitarian|asylum granted|granted asylum|"
                                               r"ukrain\w*|afghan\w*|arap|acrs|stateless|"
                                               r"discretionary leave)\b", text):
        return YES
    return None


def parse_immigration_status(text: str) -> str | None:
    text = normalise(text)
    if is_not_sure(text):
        return NOT_SURE
    found = [_status_in(clause) for clause in _clauses(text) or [text]
             if not FUTURE.search(clause)]  # a status they may have later is not the one they have
    found = [value for value in found if value is not None]
    # A specific status said anywhere ("ARAP, came over with my family") wins over a generic one;
    # otherwise the latest statement wins ("I was on a student visa, now a graduate visa").
    for specific in ("asylum_seeker", "protection", "exempt_leave"):
        if specific in found:
            return specific
    return found[-1] if found else None


def _status_in(clause: str) -> str | None:
    if re.search(r"\b(asylum seeker|seeking asylum|claimed asylum|claim(ing)? asylum|applied for "
                 r"asylum|asylum (claim|application|case)|waiting for (an |my )?asylum|"
                 r"awaiting (an |my )?asylum|pending asylum)\b", clause):
        return "asylum_seeker"
    if re.search(r"\b(refugee|humanitarian protection|granted asylum|got asylum|asylum granted)\b",
                 clause):
        return "protection"
    if re.search(r"\b(stateless|ukrain\w*|homes for ukraine|afghan\w*|arap|acrs|discretionary leave|"
                 r"leave outside (the )?(immigration )?rules|lotr)\b", clause):
        return "exempt_leave"
    if re.search(r"\bgraduate (visa|route)\b|\bpost[- ]study\b", clause):
        return "other_permission"
    if re.search(r"\b(student|study|studying|tier 4|tier four)\b.{0,15}\b(visa|permit|route|leave)\b|"
                 r"\b(student|study) visa\b|\bon a student\b|\btier 4\b", clause):
        return NO if _negated(clause, clause.find("stud")) else "study"
    if re.search(r"\b(no permission|no visa|no status|no leave|undocumented|overstay\w*|nothing|none|"
                 r"don'?t have any|do not have any|haven'?t got any|i have none|"
                 r"don'?t have (a |any )?(visa|permission|status)|haven'?t got (a |any )?"
                 r"(visa|permission))\b", clause):
        return "none"
    if re.search(VISA_WORDS, clause) and not re.fullmatch(r"(i (have|got|'ve got) )?(a |my )?visa", clause):
        return "other_permission"  # a bare "I have a visa" doesn't say which: asked again
    return None


def parse_permission_lasts(text: str, today: date | None = None) -> str | None:
    """Whether their status lasts the whole apprenticeship: yes/no, or an expiry ("my visa runs
    out in 8 months", "it expires in 2029") compared with the apprenticeship's length."""
    text = normalise(text)
    today = today or date.today()
    if is_not_sure(text):
        return NOT_SURE
    if re.search(r"\b(indefinite|permanent|settled|no expiry|doesn'?t expire|never expires|"
                 r"for life)\b", text) and not re.search(r"\bpre[- ]?settled\b", text):
        return YES
    months = None
    match = re.search(r"\b(in|after|another|for|left|got)\s+(?:about |around |only |just )?"
                      r"(\d+(?:\.\d+)?|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|"
                      r"twelve)\s+(months?|years?|weeks?)\b", text)
    if match:
        amount_text = match.group(2)
        amount = float({"a": 1, "an": 1}.get(amount_text, 0) or
                       (numbers(amount_text)[0][0] if numbers(amount_text) else 0))
        unit = match.group(3)
        months = amount * (12 if unit.startswith("year") else 1 / 4.3 if unit.startswith("week") else 1)
    year = re.search(r"\b(20\d\d)\b", text)
    if months is None and year and re.search(r"\b(expir\w*|ends?|runs? out|valid|until|till|to)\b", text):
        months = (int(year.group(1)) - today.year) * 12 + (12 - today.month)
    if months is None and re.search(r"\b(next year|this year|soon|few months)\b", text) and \
            re.search(r"\b(expir\w*|ends?|runs? out|renew)\b", text):
        months = 6
    if months is not None:
        return YES if months >= 24 else NO
    return parse_yes_no(text)


# --- funding, programmes, qualifications ------------------------------------------------------------

def parse_student_loan(text: str) -> str | None:
    text = normalise(text)
    if is_not_sure(text):
        return NOT_SURE
    if re.search(r"\b(repay\w*|paying (it |that |them |mine |my loan )?(back|off)|pay (it|mine) back|"
                 r"paid (it |mine |them |that |my loan )?off|still paying|finished|graduated|old loan|"
                 r"pay (it |them |mine )?back|course ended|ended in|"
                 r"from uni|years ago|"
                 r"previous|used to)\b", text) and not re.search(r"\b(currently|now|this year)\b.{0,20}"
                                                               r"\b(get|getting|receiv\w*)\b", text):
        return NO
    answer = parse_yes_no(text)
    if answer is not None:
        return answer
    if re.search(r"\b(getting|receiving|get|receive|on|have)\b.{0,25}\b(student (loan|finance)|"
                 r"maintenance loan|tuition (fee )?loan|sfe|the loan|a loan)\b", text):
        return YES
    return None


def _within_end_weeks(amount: str, unit: str) -> bool:
    """Whether "3 weeks", "a couple of weeks" or some days is within the rule's weeks of the start."""
    count = {"a": 1, "a couple of": 2, "a few": 3}.get(amount)
    if count is None:
        count = int(numbers(amount)[0][0])
    return unit.startswith("day") or count <= RULES.programme_end_weeks


def parse_other_programme(text: str) -> str | None:
    text = normalise(text)
    if is_not_sure(text):
        return NOT_SURE
    if re.search(r"\bself[- ]?fund\w*|\bprivately funded\b|"
                 r"\b(pay|paying|paid|fund|funding|funded)\b[^,.;]{0,30}\b(myself|my own|privately)\b|"
                 r"\bi (pay|fund)\b|\b(course|study|studies|class|classes|degree) (that )?i pay\b", text):
        return "self_funded"
    if re.search(r"\b(not sure|don'?t know|no idea|unsure)\s+when\b", text):
        return None  # on a course, ending who knows when: asked again
    after_start = re.search(r"\b(ends?|ending|finish\w*|wraps? up|done|over|complete\w*)\b.{0,25}?"
                            r"(\d+|a|one|two|three|four|a couple of)\s+(weeks?|days?)\s+"
                            r"(after|into)\b", text)
    if after_start:
        return "ending_soon" if _within_end_weeks(after_start.group(2), after_start.group(3)) else YES
    before_start = re.search(r"\b(ends?|ending|finish\w*|wraps? up|done|over|complete\w*)\b.{0,25}?"
                             r"(\d+|a|one|two|three|four|a couple of)\s+(weeks?|days?)\s+before\b", text)
    if before_start:
        # Beyond the rule's weeks before the start, it ends well before TechTrack does.
        return "ending_soon" if _within_end_weeks(before_start.group(2), before_start.group(3)) else NO
    weeks = re.search(r"\b(ends?|ending|finish\w*|wraps? up|done|over|complete\w*)\b.{0,20}\b(in|within)\s+"
                      r"(\d+|a|one|two|three|four|five|six|a couple of|a few)\s+(weeks?|days?)\b", text)
    if weeks:
        return "ending_soon" if _within_end_weeks(weeks.group(3), weeks.group(4)) else None
    if re.search(r"\b(within|in the next) (\d+|four|4) weeks\b|\bends within\b|\bnext week\b|"
                 r"\bfortnight\b|\bthis week\b|\bin a week\b|\bin days\b", text) and \
            re.search(r"\b(ends?|ending|finish\w*|done|over|complete\w*|within|last)\b", text):
        return "ending_soon"
    if re.search(r"\b(finish\w*|ends?|ending|complet\w*)\b.{0,20}\b(next month|next year|in \d+ months|"
                 r"soon|in the summer|this year)\b", text):
        return None  # whether it ends before TechTrack starts is not clear: ask again
    if re.search(r"\b(finished|completed|already done|i left|left it|left the|quit|dropped out|"
                 r"not any ?more|no longer)\b", text):
        return NO
    answer = parse_yes_no(text)
    if answer is not None:
        return answer
    if re.search(r"\b(i'?m|i am|currently|still)\b.{0,20}\b(on|doing|in|studying)\b.{0,25}"
                 r"\b(apprenticeship|bootcamp|course|programme|training|skills bootcamp)\b", text):
        return YES
    return None


SIMILAR_SUBJECTS = re.compile(
    r"\b(computer science|comp ?sci|cs|computing|computer|software|information technology|ict|cyber|"
    r"(?<=in )it|(?<=an )it|it(?= (degree|hnd|hnc|qualification|course|diploma|support|systems))|"
    r"cybersecurity|cyber security|networking|network|data science|programming|coding|digital|"
    r"informatics|information systems|business information|business analysis|devops|web "
    r"development|games development|artificial intelligence|ai|machine learning|tech)\b"
)
LEVEL4_PLUS = re.compile(
    r"\b(degree|studied|bsc|ba|b\.sc|beng|meng|msc|ma|mba|phd|masters?|master'?s|bachelor'?s?|hnd|hnc|"
    r"foundation degree|level [4-8]|diploma of higher education|dip ?he|cert ?he|undergrad\w*|"
    r"postgrad\w*|graduated|uni(versity)?)\b"
)
BELOW_LEVEL4 = re.compile(r"\b(gcses?|a[- ]?levels?|btec|nvq|t[- ]?levels?|highers?|level [1-3]|"
                          r"college|sixth form|access course|diploma)\b")


def parse_prior_qualification(text: str) -> str | None:
    """Yes only for a Level 4+ qualification in a similar subject; an unrelated subject, or only
    qualifications below Level 4, is no; a degree with no subject given is asked again."""
    text = normalise(text)
    if is_not_sure(text):
        return NOT_SURE
    if re.search(r"\b(unrelated|not related|nothing (related|in|to do with)|not in (computing|it|"
                 r"tech|a similar|anything similar|a related)|different subject|nothing similar|"
                 r"not similar|not relevant|irrelevant)\b", text):
        return NO
    level4 = LEVEL4_PLUS.search(text)
    # A similar subject counts when it is said of the qualification ("a computing degree"), not
    # anywhere in the message ("a music degree, and a bit of coding on the side").
    similar = next((m for m in SIMILAR_SUBJECTS.finditer(text) if not _negated(text, m.start()) and (
        not level4 or any(abs(m.start() - q.start()) <= 35 for q in LEVEL4_PLUS.finditer(text)))), None)
    if level4 and similar:
        return YES
    if level4 and not NEGATION.search(text[:level4.start()]) and _names_a_subject(text):
        return NO  # a subject is named and it isn't a similar one ("a degree in history")
    if not level4 and BELOW_LEVEL4.search(text) and not re.search(r"\byes\b", text):
        return NO
    answer = parse_yes_no(text)
    if answer == YES and not similar and re.search(r"\b(degree|diploma|hnd|hnc|qualification|course|"
                                                   r"certificate|masters?|bsc|ba|uni|university)\b", text):
        return None  # "yes, a diploma": at what level, in what subject? Ask again.
    return answer


NOT_SUBJECTS = {"a", "an", "the", "my", "uni", "university", "at", "for", "in", "abroad", "there",
                "here", "hard", "it", "this", "that", "college", "school",
                "first", "second", "third", "2:1", "2",
                "1", "undergraduate", "bachelors", "bachelor's", "masters", "master's", "honours",
                "hons", "level", "foundation", "full", "part", "online", "proper", "related", "some"}


def _names_a_subject(text: str) -> bool:
    """ "a degree in history", "a history degree", "BA English": a subject is named."""
    for match in re.finditer(r"\b(?:in|of|studied|did)\s+([a-z]+)|"
                             r"\b([a-z]+) (?:degree|hnd|hnc|masters?|ba|bsc|ma|msc)\b|"
                             r"\b(?:ba|bsc|ma|msc|hnd|hnc)(?: hons)?\s+([a-z]+)", text):
        word = match.group(1) or match.group(2) or match.group(3) or ""
        if word not in NOT_SUBJECTS and not LEVEL4_PLUS.fullmatch(word):
            return True
    return False


def _count_before(text: str, noun: str) -> int | None:
    match = re.search(r"(\d+)\s+(?:\w+\s+){0,3}?" + noun, text)
    return int(match.group(1)) if match else None


def parse_gcses(text: str) -> str | None:
    text = normalise(re.sub(r"(\d)\s*-\s*(\d)", r"\1 to \2", text))
    from bot.eligibility.numbers import words_to_digits

    text = words_to_digits(text)
    if is_not_sure(text):
        return NOT_SURE
    count = _count_before(text, r"(gcses?|passes|o[- ]?levels?|nationals|standard grades|subjects|"
                                r"at grade|at grades|grade [a-c4-9]|at [a-c4-9]|at (c|4) or above)")
    leading = re.search(r"^\s*(\d+)\b|\b(only|just|got|have|passed|with|so|think so)\s*,?\s+(\d+)\b",
                        text)
    if count is None and leading:
        count = int(leading.group(1) or leading.group(3))
    if count is None and re.search(r"\bonly (passed|got|have)\b", text):
        subjects = re.findall(r"\b(maths|english|science|history|geography|art|music|french|spanish|"
                              r"german|biology|chemistry|physics|ict|pe|re|drama|business)\b", text)
        if 0 < len(subjects) < 5:
            return NO
    if count is not None and count < 20:
        return YES if count >= 5 else NO
    if re.search(r"\bfailed (all|most|the lot|loads)\b", text):
        return NO
    if re.search(r"\b(no|none|never (did|took|sat)|didn'?t (do|take|sit|get)|failed (all|most))\b"
                 r".{0,15}\b(gcses?|exams|any)\b|\bno gcses\b|\bwithout (any|gcses|qualifications)\b|"
                 r"\bno qualifications\b", text):
        return NO
    if re.search(r"\b(nationals|standard grades?|o[- ]?levels?|equivalent|loads|lots|all of them|"
                 r"plenty)\b", text) and not NEGATION.search(text):
        return YES
    return parse_yes_no(text)


def parse_level3(text: str) -> str | None:
    text = normalise(text)
    if is_not_sure(text):
        return NOT_SURE
    if re.search(r"\bleft (school|education) (after|with) (my )?(gcses|o levels|nationals)\b", text):
        return NO
    if re.search(r"\b(only|just)\b.{0,15}\b(gcses?|level [12]|nationals)\b|\blevel [12] only\b|"
                 r"\b(nvq|btec) (level )?[12]\b", text):
        return NO
    qualification = re.search(
        r"\b(a[- ]?levels?|as levels?|btec (level 3|l3|extended|national|diploma)|level 3|l3|"
        r"nvq (level )?3|t[- ]?levels?|highers?|advanced highers?|international baccalaureate|ib|"
        r"access (to he |to higher education )?(course|diploma)|access course|advanced apprenticeship|"
        r"extended diploma|hnd|hnc|degree|foundation degree|masters?|bsc|ba hons|university)\b", text)
    unfinished = re.search(r"\b(didn'?t|did not|never) (finish|complete|pass|get)|\b(dropped out|failed|"
                           r"quit|left)\b", text)
    if qualification and not _negated(text, qualification.start()) and not unfinished and \
            not re.search(r"\bno\b.{0,6}" + re.escape(qualification.group(0)), text):
        return YES
    if qualification:
        return NO
    if re.search(r"\bbtec\b|\bnvq\b|\bdiploma\b", text) and not re.search(r"\b(level [123]|l[123])\b", text):
        answer = parse_yes_no(text)
        return answer if answer in (NO, NOT_SURE) else None  # which level?
    return parse_yes_no(text)


def parse_it_qualification(text: str) -> str | None:
    text = normalise(text)
    if is_not_sure(text):
        return NOT_SURE
    if re.search(r"\b(only got|got) an? [1-3u]\b|\bfailed\b", text):
        return NO  # a grade below a pass
    it = re.search(r"\b(it|ict|computing|computer science|information technology|cyber|"
                   r"networking|software|digital|ecdl|imedia|icdl)\b", text)
    level = re.search(r"\b(btec|nvq|ecdl|icdl|gcses?|a[- ]?levels?|level [23]|l[23]|diploma|"
                      r"cambridge technical|"
                      r"t[- ]?level|degree|hnd|hnc|certificate)\b", text)
    if it and level and not _negated(text, it.start()) and not NO_WORDS.search(text):
        return YES
    if re.search(r"\bself[- ]taught\b|\bno (formal )?qualifications?\b|\bnothing formal\b|"
                 r"\btaught myself\b", text):
        return NO
    if level and not it and re.search(r"\b(were|was|in|are)\b", text) and not YES_WORDS.search(text):
        return NO  # qualifications named, none of them in IT
    return parse_yes_no(text)


# --- work ---------------------------------------------------------------------------------------

EMPLOYED_NO = re.compile(
    r"\b(unemployed|not (currently )?(working|employed|in work)|out of work|between jobs|"
    r"job ?hunting|looking for (a )?(job|work)|jobless|student|at (uni|university|college|school)|"
    r"stay[- ]at[- ]home|full[- ]time (mum|dad|parent|carer)|carer|retired|on benefits|"
    r"career break|made redundant|redundant|no job|don'?t have a job|not got a job|"
    r"year 1[0-3]|sixth form|in school|at school|doing (my )?a[- ]?levels)\b"
)
NOT_RELEVANT_JOBS = re.compile(
    r"\b(shop|retail|supermarket|warehouse|restaurant|cafe|bar|pub|hospitality|waiter|waitress|"
    r"barista|chef|cleaner|cleaning|driver|delivery|courier|care home|carer|nurse|nursing|"
    r"construction|builder|labourer|factory|hairdresser|beautician|security guard|receptionist|"
    r"call centre|cashier|sales assistant|teacher|teaching assistant|plumber|electrician|"
    r"mechanic|joiner|carpenter|painter|decorator|gardener|farmer|postman|postwoman|bus driver|"
    r"taxi|uber|hgv|forklift|nanny|childminder|bartender|kitchen|tesco|sainsbury'?s|asda|aldi|lidl|"
    r"morrisons|mcdonald'?s|costa|greggs|primark|boots|argos|b&q|nando'?s|starbucks|pret)\b"
)
RELEVANT_JOBS = re.compile(
    r"\b(analyst|business analysis|it|ict|tech|technology|digital|data|software|developer|"
    r"cyber|security (operations|analyst|team)|soc|infosec|information security|service desk|"
    r"helpdesk|help desk|it support|tech support|infrastructure|network\w*|systems|devops|"
    r"project (support|officer|manager)|product|change team|transformation|testing|tester|qa)\b"
)


def parse_employed_relevant(text: str) -> str | None:
    text = normalise(text)
    if is_not_sure(text):
        return NOT_SURE
    if EMPLOYED_NO.search(text):
        return NO
    relevant = RELEVANT_JOBS.search(text)
    job_title = re.search(r"\b(analyst|engineer|developer|technician|administrator|tester|architect)\b",
                          text)
    if relevant and (job_title or re.search(r"\b(work|working|job|role|employed|i'?m an?|i am an?|"
                                            r"position|team|department)\b", text)) \
            and not _negated(text, relevant.start()):
        return YES
    if NOT_RELEVANT_JOBS.search(text) and (re.search(r"\b(work|working|job|i'?m an?|i am an?|"
                                                     r"self[- ]employed)\b", text) or len(text.split()) <= 4):
        return NO
    answer = parse_yes_no(text)
    if answer is not None:
        return answer
    return None


def parse_works_in_england(text: str) -> str | None:
    """Where they will work: yes when at least the rule's share of working time is in England
    ("3 days in Bristol, 2 in Cardiff" is 60%); where they live is not the test."""
    text = normalise(text)
    if is_not_sure(text):
        return NOT_SURE
    share = _england_share(text)
    if share is not None:
        return YES if share * 100 >= RULES.england_share_percent else NO
    if re.search(r"\b(half and half|50 ?/ ?50|fifty[- ]fifty|half (my|the) time)\b", text):
        return YES if RULES.england_share_percent <= 50 else NO
    places = [(pos, name, name in ENGLAND) for pos, name in mentions(text, [*ENGLAND, *OUTSIDE_ENGLAND])]
    places = [p for p in places if not _negated(text, p[0])]
    mostly = [p for p in places if re.search(r"\b(mostly|mainly|majority|most of)\b",
                                             text[max(0, p[0] - 20):p[0] + len(p[1]) + 15])]
    moving = [p for p in places if re.search(r"\b(move|moving|relocat\w*)\s+to\s*$",
                                             text[max(0, p[0] - 25):p[0]])]
    work = [p for p in places if re.search(r"\b(work\w*|job|office|based|placement|role|commut\w*|"
                                           r"employ\w*|department|team|remote\w*|wfh|from home)\b",
                                           text[max(0, p[0] - 40):p[0]])]
    live = [p for p in places if re.search(r"\b(live|living|home|house|moved|from|i'?m in|i am in|"
                                           r"at the moment)\b", text[max(0, p[0] - 25):p[0]])
            and p not in work]
    chosen = mostly or moving or work or [p for p in places if p not in live]
    if chosen:
        in_england = {p[2] for p in chosen}
        if len(in_england) == 1:
            return YES if in_england.pop() else NO
        return None
    if live and not work:
        said = parse_yes_no(text)
        return said if said in (YES, NO) else None  # where they live is not the test
    return parse_yes_no(text)


def _england_share(text: str) -> float | None:
    """From "3 days in Bristol, 2 in Cardiff" or "1 day in Bristol, the rest from home in
    Swansea": the share of working days (or hours) in England."""
    from bot.eligibility.numbers import words_to_digits

    text = words_to_digits(text)
    england = other = 0.0
    rest_in_england: bool | None = None
    counted = 0
    for position, name in mentions(text, [*ENGLAND, *OUTSIDE_ENGLAND]):
        window = text[max(0, position - 30):position]
        window = window[max(window.rfind(","), window.rfind(";")) + 1:]
        amounts = [m for m in re.finditer(r"(\d+(?:\.\d+)?)", window)]
        in_england = name in ENGLAND
        if re.search(r"\b(rest|remainder|other days|remaining|otherwise)\b", window):
            rest_in_england = in_england
            counted += 1
            continue
        if not amounts:
            continue
        amount = float(amounts[-1].group(1))
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
    "age_at_start": parse_yes_no,
    "euss_status": parse_euss_status,
    "other_permission": parse_other_permission,
    "immigration_status": parse_immigration_status,
    "residence_years": lambda text: (NOT_SURE if is_not_sure(normalise(text))
                                     else parse_duration_years(normalise(text))),
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
    text = text[:MAX_ANSWER]
    if ASKED_BACK.search(normalise(text)):
        return None  # "what's level 3?": a question back, answered by the hint when asked again
    corrected = list(SELF_CORRECTION.finditer(normalise(text)))
    if corrected and corrected[-1].end() < len(normalise(text)):
        # "yes - sorry, no", "British, I mean Irish": what they said last is what they meant
        tail = normalise(text)[corrected[-1].end():]
        value = _parse_one(question_id, tail, entities)
        if value is not None:
            return value
    return _parse_one(question_id, text, entities)


SELF_CORRECTION = re.compile(r"(?:^|[\s,.;!-])(?:sorry|i mean|i meant|no wait|wait|correction|scratch that|"
                             r"oops|my mistake|actually)\b[\s,.:;!-]*")


def _parse_one(question_id: str, text: str, entities: Sequence[tuple[str, str]]) -> object | None:
    by_label = parse_choice_by_label(question_id, text)
    if by_label is not None:
        return by_label
    if question_id == "nationality":
        return parse_nationality(text, entities)
    return PARSERS[question_id](text)
