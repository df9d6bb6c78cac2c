"""The qualification questions: a Level 4 or higher qualification in a similar subject, GCSEs
(grades and counts, school-leaving certificates from abroad), Level 3, and an IT qualification.
"""

from __future__ import annotations

import re

from bot.eligibility.answers.text import (
    MAX_ANSWER,
    NEGATION,
    NO_WORDS,
    WANTED,
    YES_WORDS,
    clauses,
    is_negated,
    is_not_sure,
    mentions,
    normalise,
    parse_yes_no,
    undotted,
)
from bot.eligibility.nationalities import NAMES
from bot.eligibility.numbers import one_slip
from bot.eligibility.places import ENGLAND, OUTSIDE_ENGLAND
from bot.eligibility.questions import NO, NOT_SURE, YES

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
                            # a science done by computer ("MSc Computational Science"), or data by
                            # another name than data science ("data analytics", "bioinformatics")
                            r"computational\s(?:sciences?|maths?|mathematics|physics|biology|chemistry|"
                            r"engineering|linguistics|neuroscience|finance|statistics|mechanics|modell?ing)|"
                            r"data analytics|data analysis|bioinformatics|"
                            r"business (?:(?:and|&) )?(?:it|ict|computing)|"
                            # games design: some courses code, some draw
                            r"(?:computer\s|video\s)?games?\s(?:design|art|animation)|"
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
# A qualification's subject said after "is": "my degree is economics", "the hnd was in computing"
QUALIFICATION_IS = re.compile(r"\b(?:my|the|their|her|his) (degree|hnd|hnc|diploma|masters?|master'?s|bsc|ba|"
                              r"msc|foundation degree) (?:is|was|'s) (?:in )?(?=[a-z])")
# A diploma, its level not said: "a diploma in computing" (an extended diploma is Level 3, a Higher
# National Diploma or a Diploma of Higher Education Level 4 and above)
DIPLOMA_OF_NO_LEVEL = re.compile(r"\bdiploma\b")
DIPLOMA_LEVEL_SAID = re.compile(r"\blevel\s?\d|\bl\d\b|\bextended\b|\baccess\b|\bhigher national\b|\bhnd\b|"
                                r"\bof higher education\b|\bdiphe\b|\bbtec\b|\bnational diploma\b|"
                                r"\b(?:degree|bachelor'?s?|master'?s?|bsc|msc|ba|ma|university|uni)\b")
# Online courses and bootcamps: certificates of a course, no regulated qualification at a level
ONLINE_COURSE = re.compile(r"\b(?:coursera|udemy|linkedin learning|codecademy|free ?code ?camp|futurelearn|"
                           r"edx|khan academy|online (?:courses?|certificates?|certs?)|"
                           r"(?:coding |data |tech |software |web )?boot ?camps?)\b")
# Subjects between computing and something else, similar or not depending on the course
BORDERLINE_SUBJECTS = re.compile(r"\b(?:business )?information systems\b|\bbusiness information\b")
# Degrees by their letters: "BEng", "LLB", "BBA", "MPhil", "B.Ed" ("bed" only before a subject or
# "hons": said alone it is a bed)
DEGREE_LETTERS = (r"bsc|ba|b\.sc|bs(?=\s(?:in|of)\b|\s\(?hons)|"
                  r"beng|meng|bed(?=\s(?:\(?hons|in\b|primary|secondary))|b\.ed|llb|llm|bba|"
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
    r"2:1|2:2|2\.1|2\.2|first class|1st class|(?<=\ba )(?:first|1st)(?=\sin\b))\b"
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
                         r"^\s*(?:working|studying) towards\b|^\s*(?:half ?way|part ?way|midway) through\b|"
                         # ("the level 3 apprenticeship I'm on now", "currently on a level 3 course")
                         r"\b(?:i'?m|im|i am) on (?:now|at the moment|currently)\b|"
                         r"\b(?:i'?m|im|i am|currently|still) on (?:an?|my|the) (?:level 3 |l3 )?"
                         r"(?:apprenticeship|course|btec|diploma)\b|"
                         r"\bnot (?:finished|done|completed|complete) (?:it |them )?yet\b")
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
    held = [part for part in others if (HELD_VERBS.search(part) or re.search(r"\b(?:yes|yeah|yep)\b", part))
            and not NEGATION.search(part) and not NOT_YET_DONE.search(part)]  # ("not finished" holds nothing)
    return None if held else NO
BELOW_LEVEL4 = re.compile(r"\b(gcses?|a[- ]?levels?(?! ?\d)|btec|nvq|t[- ]?levels?|highers?|level [1-3]|"
                          r"college|sixth form|access course|diploma)\b")


# A subject said alone, then a graduation: "Sociology, graduated 2015", "history - graduated in 2019"
SUBJECT_GRADUATED = re.compile(r"^([a-z][a-z &]{1,40}?)\s?[,;-]?\s(?:i\s)?graduated"
                               r"(?:\s(?:in\s)?(?:19|20)\d\d)?\s?[.!]*$")


# One Level 4+ qualification named in place of another: "not HNC, HND actually", "it's a HNC not a
# foundation degree" (a correction of the name; the subject is not said again)
L4_NAME = (r"(?:hnc|hnd|foundation degree|degree|bsc|ba|beng|masters?|diploma of higher education|dip ?he|"
           r"cert ?he|higher national (?:diploma|certificate))")
LEVEL4_SWAPPED = re.compile(r"\bnot (?:an? )?" + L4_NAME + r"\b[\s,;-]+(?:it'?s |its |i mean |but |"
                            r"(?:it )?was )?(?:an? )?" + L4_NAME + r"\b|"
                            r"\b" + L4_NAME + r"\b,? not (?:an? )?" + L4_NAME + r"\b")


def parse_prior_qualification(text: str) -> str | None:
    """Yes only for a Level 4+ qualification in a similar subject; an unrelated subject, or only
    qualifications below Level 4, is no; a degree with no subject given is asked again, unless said
    with a yes to the question ("yes, a degree": the subject is the question's). One read as similar,
    with the person asking whether it is, is for the admissions team (not sure)."""
    value = _prior_qualification(text)
    lowered = normalise(text)
    if value == YES and SIMILARITY_ASKED.search(lowered):
        return NOT_SURE
    level = LEVEL_ASKED.search(lowered)
    if value == YES and level and not LEVEL4_PLUS.search(lowered[:level.start()] + lowered[level.end():]):
        return NOT_SURE  # "comptia network+, is that level 4?": its level asked, not said
    return value


# South Asia's Bachelor and Master of Technology: "B.Tech", "b tech", or "btech" said with where it is
# from ("btech" alone may be a BTEC misspelt)
TECHNOLOGY_DEGREE = re.compile(r"\b([bm])(?:\.\s?|\s)tech\b|\b([bm])tech\b(?=[^.;]{0,40}\b(?:india|pakistan|"
                               r"bangladesh|nepal|sri lanka)\b)")


def _prior_qualification(text: str) -> str | None:
    # "I did IT at uni": IT in capitals is the subject; "I did it at uni" is not a subject.
    studied_it = re.search(r"\b(?:did|studied|study|doing|read|took)\s+IT\b", text[:MAX_ANSWER])
    text = respelt_qualifications(undotted(normalise(text)))
    text = TECHNOLOGY_DEGREE.sub(lambda m: "bachelor's" if "b" in (m.group(1), m.group(2)) else "master's",
                                 text)
    if LEVEL4_SWAPPED.search(text) and not SIMILAR_SUBJECTS.search(text) and \
            not re.search(r"\b(?:in|of)\s[a-z]{3,}", text):
        return None  # "not HNC, HND actually": which Level 4 qualification, its subject not said again
    text = SUBJECT_GRADUATED.sub(r"\1 degree", text)  # "sociology, graduated 2015": a sociology degree
    text = QUALIFICATION_IS.sub(r"\1 in ", text)  # "my degree is economics": a degree in economics
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
    if DIPLOMA_OF_NO_LEVEL.search(text) and not DIPLOMA_LEVEL_SAID.search(text) and \
            any(not is_negated(text, m.start()) for m in SIMILAR_SUBJECTS.finditer(text)):
        # "a diploma in computer science from asmara college, 2 years": a diploma may be at Level 3 or
        # at 4 and above; the admissions team knows (exploratory testers' were read as no)
        return NOT_SURE
    level4 = LEVEL4_PLUS.search(text)
    if NOT_FORMAL.search(text) and not (level4 and not is_negated(text, level4.start(), verbs=True)):
        return NO  # "just a bootcamp certificate, nothing formal": no qualification at Level 4
    online = ONLINE_COURSE.search(text)
    if online and not level4 and "?" not in text and not is_negated(text, online.start()):
        return NO  # "just some Coursera certificates": courses, not a qualification at Level 4
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
    similar = next((m for m in SIMILAR_SUBJECTS.finditer(text) if not is_negated(text, m.start()) and
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
            not any(not is_negated(text, m.start())
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
    if {m.group(1) for m in BELOW_LEVEL4.finditer(text)} == {"college"} and not LEVEL4_PLUS.search(text) and \
            not re.search(r"\b(?:only|just|didn'?t|did not)\b", text) and not NEGATION.search(text):
        return None  # "I went to college": where, not what (an HNC is studied at college too)
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


# A "no" said of the word after it: "no degree", "no uni degree" ("A levels only, no degree"), and
# "nothing" of the level after it: "nothing level 4", "nothing at degree level"
NO_BEFORE = re.compile(r"\bno\s(?:[a-z]+\s)?$|\bnothing\s(?:at\s)?$")


def _level4_only_denied(text: str) -> bool:
    """Whether every Level 4+ word is said with "not" or "no" ("A levels only, no degree", "never went
    to uni"), or none is said."""
    return all(is_negated(text, m.start(), verbs=True) or
               NO_BEFORE.search(text[max(0, m.start() - 20):m.start()]) for m in LEVEL4_PLUS.finditer(text))


def _only_unrelated_subjects(text: str) -> bool:
    """ "sports science", "history and politics": nothing but subjects far from computing (one close to
    it, or a business one, is read by `_only_subjects_named` or asked again)."""
    if SIMILAR_SUBJECTS.search(text) or CLOSE_SUBJECTS.search(text) or BUSINESS_SUBJECTS.search(text) or \
            BORDERLINE_SUBJECTS.search(text) or not UNRELATED_SUBJECTS.search(text):
        return False
    return not SUBJECT_JOINERS.sub("", UNRELATED_SUBJECTS.sub(" ", text))


# What is left of an answer of subjects alone: "and", "&", commas ("maths and statistics"), and "just"
# or "still" ("still just history": the subject said again)
SUBJECT_JOINERS = re.compile(r"[\s,&/+.!]+|\b(?:and|with|plus|just|only|still)\b")


def _only_subjects_named(text: str) -> bool:
    """ "Business Information Systems", "mathematics and statistics": nothing but subject names, one of
    them close to computing or between it and business (how similar, and at what level, is not said)."""
    close = BORDERLINE_SUBJECTS.search(text) or CLOSE_SUBJECTS.search(text)
    rest = CLOSE_SUBJECTS.sub(" ", SIMILAR_SUBJECTS.sub(" ", BORDERLINE_SUBJECTS.sub(" ", text)))
    return bool(close) and not SUBJECT_JOINERS.sub("", rest)


# Qualification words typed a slip away ("degre", "diplomma", "extendid"), and real words a slip away
# from one that are left alone
QUALIFICATION_WORDS = ("degree", "diploma", "extended", "bachelors", "masters", "computer", "computing")
NOT_QUALIFICATION_WORDS = frozenset({"decree", "degrees", "agree", "diplomat", "matters", "master", "mastery",
                                     "extender", "bachelor",
                                     "diplom",  # (Germany's Diplom is a degree, not a diploma)
                                     "commuter", "computed", "commuting", "computes", "compute"})


def respelt_qualifications(text: str) -> str:
    """ "degre in pyschology" -> "degree in pyschology", "compter science" -> "computer science": a word
    one slip from a qualification's word or computing's."""
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
    said = [m for m in subjects.finditer(text) if not is_negated(text, m.start())]
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
# Whether it is similar, asked last: "msc data science, is that similar to devops??"
SIMILARITY_ASKED = re.compile(r"\b(?:is|would|does|will|could|might)\s(?:that|it|this|mine)\s"
                              r"(?:be\s|count as\s)?(?:similar|related|relevant|close enough|the same)\b"
                              r"[^?.!]{0,40}[?!\s]*$")
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
        any(abs(m.start() - q) <= 25 or 0 <= q - m.end() <= 3 for q in level4)
        and not SCHOOL_LEVEL_BEFORE.search(text[max(0, m.start() - 12):m.start()])
        and not SCHOOL_LEVEL_AFTER.match(text[m.end():])
        for m in CLOSE_SUBJECTS.finditer(text))


SCHOOL_LEVEL_BEFORE = re.compile(r"\b(?:gcse|a[- ]?level|as[- ]?level|btec|higher)s?\s*$")
SCHOOL_LEVEL_AFTER = re.compile(r"^\s{1,3}(?:at\s{1,3})?(?:gcse|a[- ]?level|as[- ]?level|btec|higher)")


def _names_a_subject(text: str) -> bool:
    """ "a degree in history", "a history degree", "an art foundation degree", "BA English": a subject
    is named."""
    # Each form on its own: "BSc in Sports Science" is "bsc in" (no subject) and "in sports".
    for pattern in (r"\b(?:in|of|studied|did|en)\s+([a-z]+)",
                    r"\b([a-z]+) (?:(?:foundation|hons|honours|joint|top[- ]up)\s)?(?:degree|masters?|" +
                    DEGREE_LETTERS + r")\b",
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
    if _equivalence_asked(text):
        return NOT_SURE
    if _only_wanted(text):
        return None  # "I'd need 5 GCSEs for that?"
    resat = _resits_passed(text)
    if resat and _passes_counted(text) + resat >= 5 and not NOT_PASSED.search(text):
        # "4 Cs and a D in maths, resat maths and got a C": the resit's pass counts (exploratory testers'
        # were read as no: "not eligible")
        return YES
    if FIVE_NOT_HELD.search(text):
        return NO  # "no I don't have five", "not quite 5"
    if TOP_GRADES_IN_ALL.search(text) and not NEGATION.search(text):
        return YES  # "got 9s and 8s in everything lol", "straight A*s"
    if _school_leaving_abroad_held(text):
        return YES  # "I did gaokao in China, no GCSEs": a school-leaving qualification from abroad counts
    diploma = HIGH_SCHOOL_DIPLOMA.search(text)
    if diploma and not NEGATION.search(text[:diploma.start()]) and not NOT_PASSED.search(text):
        return YES  # "secondary school certificate in Eritrea, no GCSEs": a school-leaving one, as above
    if EQUIVALENT_INSTEAD.search(text) and not NOT_PASSED.search(text) and not IN_PROGRESS.search(text):
        return YES  # "not gcses but swiss equivalents": their equivalent, held
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
        below = int(span.group(1)) < 4, int(span.group(2)) < 4
        if all(below) and re.search(r"\ball\b[^,.;]{0,20}\bgrades?\s*$", text[:span.start()]):
            return NO  # "all of them grade 2 or 3": every one below a pass
        if any(below):
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
    recount = RESIT_RECOUNT.search(text)
    if count is not None and recount:
        count = int(recount.group(1))  # "4 GCSEs, passed maths on the resit so 5": counted again
    others = OTHERS_BESIDE_ONE_MISSING.search(text)
    if others:
        return YES if int(others.group(1)) >= 5 else NO  # "no maths gcse but 7 others at a to c"
    passes = _passes_before_failed_rest(text)
    if passes is not None:
        return YES if passes >= 5 else NO  # "2 Bs, a couple of Cs, the rest Ds": 4 passes
    counted = _counted_by_grade(text)
    if count is None and counted >= 5 and not NEGATION.search(text):
        # "think I got about 6 Cs", "3 Bs and 2 Cs": five passes or more, grade by grade ("5 Cs but one
        # was a D": one fewer)
        below = len(SUBJECT_BELOW_A_PASS.findall(text))
        if below and counted - below < 5:
            return NOT_SURE if BELOW_A_PASS_HEDGED.search(text) else NO
        return YES
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
    if count is not None and count < 20:
        more = MORE_AS_EQUIVALENT.search(text)
        if more and not NOT_PASSED.search(text):
            # "4 GCSEs and a BTEC first diploma which counted as 4 more": the count the person was given
            return YES if count + int(more.group(1) or more.group(2)) >= 5 else NO
        below = len(SUBJECT_BELOW_A_PASS.findall(text))
        if below and count - below < 5 <= count and resat >= below:
            return YES  # "5 but english was a D first time, i resat it and got a C"
        if below and count - below < 5 <= count and not recount:
            # "5 but maths was a 3": one of them below a pass; "5 GCSEs, failed English" may be a sixth
            if BELOW_A_PASS_HEDGED.search(text):
                return NOT_SURE  # "5 C's but maybe one was a D": a pass short, perhaps
            return NO if re.search(r"\b(?:was|were|is|got|at)\b", text) else None
    only_passed = ONLY_PASSED.search(text)
    if only_passed:
        passed = int(only_passed.group(1) or only_passed.group(2))
        return YES if passed >= 5 else NO  # "I have 6 but only 3 are C or above": 3 passes
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
        # unless all of them are said to be below ("5 GCSEs all grade 3")
        every_one = re.search(r"\ball\s(?:of them\s|of those\s)?(?:were\s|at\s|got\s)?(?:grades?\s)?"
                              r"(?:[d-gu]|[1-3])'?s?\b", text)
        return NO if count is None or count < 5 or every_one else None
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
# too): "Abitur", "Baccalauréat", "the Leaving Cert", "matura", Ukraine's "atestat", South Asia's Higher
# Secondary Certificate ("HSC", but not Health and Social Care: "a diploma in HSC", "BTEC HSC level 2")
# France's: "the French bac", "bac S", "bac pro"
FRENCH_BAC = r"(?:french |the |le |my )bac\b|bac (?:s|es|l|pro|scientifique|général|general|technologique)\b"
SCHOOL_LEAVING_ABROAD = (r"(?:irish )?leaving cert(?:ificate)?(?! applied)|bac+al+au?r[a-zé]{2,6}|abitur|" +
                         FRENCH_BAC + r"|matur(?:a|it[aà])|cambridge pre-?u|european baccalaureate|gaokao|"
                         r"bachillerato|at+estat|"
                         r"(?:12th|twelfth) (?:standard|std)|class (?:12|xii)|"
                         r"(?:higher|senior) secondary (?:school )?(?:certificate|cert)|"
                         r"(?<!in )(?<!btec )(?<!nvq )hsc(?! (?:level|l[1-8]|diploma|nvq|btec|course)\b)")
# School-leaving qualifications abroad at about GCSE level or above: those read as Level 3 (see
# SCHOOL_LEAVING_ABROAD), the International Baccalaureate, West Africa's WAEC/WASSCE and South Asia's
# Secondary School Certificate ("10th standard", "SSC", "class 10", "matric")
GCSE_EQUIVALENT_ABROAD = re.compile(r"\b(?:" + SCHOOL_LEAVING_ABROAD + r"|ib|waec|wassce|ssce|ssc|sslc|"
                                    r"(?:10th|tenth) (?:standard|std|class|board)|class (?:10|x)|"
                                    r"secondary school (?:leaving )?certificate|matric\w*|"
                                    r"high school (?:diploma|certificate|graduation))\b")
# Whether a qualification counts, asked last: "French Bac - does that count?"
EQUIVALENCE_ASKED = re.compile(r"\b(?:does|would|will|is|could|might|do)\s(?:that|it|this|mine|they|those)\s"
                               r"(?:count|counts|be equivalent|equivalent|qualify|be accepted|accepted|ok|"
                               r"okay|enough|the same)\b[^.!?]{0,30}\?[\s?!]*$")


def _equivalence_asked(text: str) -> bool:
    """ "French Bac - does that count?": a school-leaving qualification from abroad, and whether it
    counts asked (not said): the admissions team says."""
    return bool(GCSE_EQUIVALENT_ABROAD.search(text) and EQUIVALENCE_ASKED.search(text))


# One named by its name, not by letters that are also words ("ib", "hsc", "ssc" are left out here)
SCHOOL_LEAVING_NAMED = re.compile(r"\b(?:(?:irish )?leaving cert(?:ificate)?(?! applied)|" + FRENCH_BAC +
                                  r"|bac+al+au?r[a-zé]{2,6}|abitur|matur(?:a|it[aà])|gaokao|bachillerato|"
                                  r"european baccalaureate|waec|wassce|at+estat|"
                                  r"(?:higher|senior) secondary (?:school )?(?:certificate|cert))\b")


# Top grades in every subject: "9s and 8s in everything", "all 9s", "straight As"
TOP_GRADES_IN_ALL = re.compile(r"\b(?:[5-9]s? and [4-9]s? in (?:everything|all (?:of )?(?:them|my subjects))|"
                               r"all [5-9]s|straight (?:a\*?s|[7-9]s)|all a\*?s)\b")
# Five said not to be held: "I don't have five", "haven't got 5", "not quite 5", "fewer than five"
FIVE_NOT_HELD = re.compile(r"\b(?:don'?t|do not|haven'?t|have not|didn'?t|did not|never)\s"
                           r"(?:have|got|get|pass|passed)\s(?:got\s)?(?:all\s)?(?:five|5)\b|"
                           r"\bnot\squite\s(?:five|5)\b|"
                           r"\b(?:fewer|less)\sthan\s(?:five|5)\b")
# Passes counted after a count of GCSEs: "I have 6 but only 3 are C or above", "only 4 passes"
ONLY_PASSED = re.compile(r"\bonly\s(\d{1,2})\s(?:of them\s|of those\s)?(?:are|were|was|at|got|is)\s(?:a\s)?"
                         r"(?:grade\s)?(?:c|4)s?\b|\bonly\s(\d{1,2})\s(?:passes|passed|pass)\b")
# GCSEs said not held, their equivalent from elsewhere said instead: "not gcses but swiss equivalents",
# "no GCSEs, I have the Polish equivalent"
EQUIVALENT_INSTEAD = re.compile(r"\b(?:not|no|never did|didn'?t do)\s(?:any\s)?(?:uk\s|british\s|english\s)?"
                                r"gcses?\b[\s,;-]{1,3}(?:but\s)?(?:i\s(?:have|did|got)\s|i'?ve\sgot\s)?"
                                r"(?:the\s|an?\s)?(?:[a-z]{3,15}\s)?equivalents?\b")


def _school_leaving_abroad_held(text: str) -> bool:
    """ "I did gaokao in China, no GCSEs", "no GCSEs but I have the matura": a school-leaving
    qualification from abroad named in a clause of its own with no "not" (nor failed or still being
    studied), beside GCSEs said not to be held or said in a clause of their own ("the maturità, and 3
    GCSEs here"): an equivalent of them counts."""
    parts = clauses(text)
    return len(parts) >= 2 and any(
        SCHOOL_LEAVING_NAMED.search(part) and not NEGATION.search(part) and not NOT_PASSED.search(part) and
        not IN_PROGRESS.search(part) and not STUDYING_NOW.search(part) and not WANTED.search(part)
        for part in parts) and \
        any(GCSES_NOT_HELD.search(part) or
            (re.search(r"\bgcses?\b", part) and not SCHOOL_LEAVING_NAMED.search(part)) for part in parts)


# GCSEs said not to be held: "no GCSEs", "didn't do GCSEs", "never sat any GCSEs", "without GCSEs", "not
# GCSEs" (said after another: "I did gaokao, not GCSEs")
GCSES_NOT_HELD = re.compile(r"\b(?:no|not|none|never (?:did|took|sat|had)|didn'?t (?:do|take|sit|get|have)|"
                            r"did not (?:do|take|sit|get|have)|haven'?t(?: got)?|without)\s"
                            r"(?:any\s)?(?:uk\s|british\s|english\s)?gcses?\b")
# A count given again after a resit: "failed maths first time but passed on resit so 5", "retook English,
# which makes 6"
RESIT_RECOUNT = re.compile(r"\b(?:resits?|resat|re-?sat|re-?sit|retakes?|retook|re-?took|re-?take|"
                           r"second (?:time|attempt|go))\b[^.;?]{0,40}?\b(?:so|making|makes|now)\s"
                           r"(?:that'?s\s|thats\s|it'?s\s|its\s|it\s|in total\s|a total of\s)?(\d{1,2})\b"
                           r"(?!\s?(?:years?|months?|weeks?|times?|attempts?|goes|tries))")
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
# A subject below a pass, among those counted: "but maths was a 3", "english got a D", "failed english",
# "but one was a D"
SUBJECT_BELOW_A_PASS = re.compile(r"\b(?:(?:" + GCSE_SUBJECTS +
                                  r"|(?:one|1)(?:\sof\s(?:them|those|the\s\w+))?)"
                                  r"\s(?:was|were|is|got|at)\s(?:only\s)?"
                                  r"(?:a\s|an\s)?(?:grade\s)?(?:[1-3]|[d-gu])|"
                                  r"failed\s(?:my\s|in\s)?(?:" + GCSE_SUBJECTS + r"))\b")
# A subject resat and passed: "resat maths and got a C", "resat both at college and got 4s", "passed
# english on the resit"
RESIT_PASSED = re.compile(r"\b(?:resat|re-?sat|resit|retook|re-?took|retake|redid)\s(?:it|them|both|my\s|"
                          r"(?:" + GCSE_SUBJECTS + r")(?:\s(?:and|&)\s(?:" + GCSE_SUBJECTS + r"))?)?"
                          r"[^.;]{0,30}?\b(?:got|passed|and got|achieved|gained)\s"
                          # (the grade, not the article: "got a D again" is no A)
                          r"(?:a\s|an\s|grade\s|a grade\s)?"
                          r"(?:[bc]|a(?![\s-]+[a-z])|[4-9]|c'?s|[4-9]'?s|pass(?:es)?)\b|"
                          r"\bpassed\s(?:it|" + GCSE_SUBJECTS + r")\s(?:on|at)\s(?:the\s|a\s)?"
                          r"(?:resit|retake)\b")
# Passes said as a number of others at a pass: "plus 4 others at grade 5"
OTHERS_AT_A_PASS = re.compile(r"\b(\d)\s(?:others?|other (?:gcses|subjects|ones))\s(?:at\s|all\s)?"
                              r"(?:grade\s)?(?:a\*|[a-c]|[4-9])'?s?\b")


def _resits_passed(text: str) -> int:
    """How many subjects the message says were resat and passed ("resat both ... got 4s" is two)."""
    count = 0
    for found in RESIT_PASSED.finditer(text):
        said = found.group(0)
        count += 2 if re.search(r"\b(?:both|them)\b|\s(?:and|&)\s", said.split(" got ")[0]) else 1
    return count


def _counted_by_grade(text: str) -> int:
    """Passes counted grade by grade: "think I got about 6 Cs", "3 Bs and 2 Cs"."""
    return sum(GRADE_COUNT_WORDS.get(found.group(1)) or int(found.group(1))
               for found in COUNTED_PASSES.finditer(text))


def _passes_counted(text: str) -> int:
    """Passes counted before any resit: "4 Cs", "plus 4 others at grade 5"."""
    return _counted_by_grade(text) + sum(int(found.group(1)) for found in OTHERS_AT_A_PASS.finditer(text))


BELOW_A_PASS_HEDGED = re.compile(r"\b(?:maybe|might|possibly|perhaps|could)\s(?:have\s)?(?:been\s)?"
                                r"(?:one|1|" + GCSE_SUBJECTS + r")\b")
# One subject missing, the others counted: "no maths gcse but 7 others A-C", "not english, but 6 others"
OTHERS_BESIDE_ONE_MISSING = re.compile(r"\b(?:no|not|without|failed|missing)\s(?:my\s)?(?:" + GCSE_SUBJECTS +
                                       r")\b(?:\sgcse)?[\s,;-]{1,3}(?:but\s|and\s)?(?:i\s(?:have|got)\s|"
                                       r"i'?ve\sgot\s|got\s)?(\d{1,2})\s"
                                       r"(?:others?|other (?:gcses|ones|subjects))\b")
# Passes another qualification was said to count as: "a btec first diploma which counted as 4 more",
# "a btec worth 2 more gcses", "and a btec equivalent to 4 gcses"
MORE_AS_EQUIVALENT = re.compile(r"\b(?:counted|counts|count|counting)\sas\s(?:another\s)?(\d{1,2})\b|"
                                r"\b(?:worth|equivalent to|equal to)\s(?:another\s)?(\d{1,2})\s(?:more|extra|"
                                r"gcses?)\b")
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


# The first, AS, year of A levels done before leaving: "dropped out after AS year", "did the first year of
# A levels but left"
AS_YEAR_DONE = re.compile(r"\b(?:after|finished|did|done|completed|got through)\s(?:the\s|my\s)?(?:as\syear|"
                          r"first\syear\sof\s(?:my\s|the\s)?a[- ]?levels)\b")


def parse_level3(text: str) -> str | None:
    text = respelt_qualifications(normalise(text))
    if is_not_sure(text):
        return NOT_SURE
    if _equivalence_asked(text):
        return NOT_SURE
    if _only_wanted(text):
        return None
    if AS_YEAR_DONE.search(text) and not re.search(r"\bfailed\b", text):
        # "started a levels but dropped out after AS year": AS levels may have been sat (a Level 3
        # qualification, if a small one); the admissions team says whether they are enough
        return NOT_SURE
    if re.search(r"\bleft (school|education) (after|with) (my )?(gcses|o levels|nationals)\b|"
                 r"\b(?:only |just )?(?:did|went|got|stayed) (?:up )?(?:to|till|until) year (?:10|11)\b|"
                 r"\bleft (?:school|education) (?:at|after) (?:16|15|year 11|year 10)\b|"
                 r"\b(dropped out of|left|quit|didn'?t finish|never finished) "
                 r"(sixth form|college|my a[- ]?levels)\b",
                 text) and not (re.search(r"\b(but|though|then|later)\b.{0,30}\b(got|have|did|passed|"
                                          r"finished|completed)\b", text) and QUALIFICATION.search(text)):
        return NO  # sixth form or college left before its Level 3 was finished
    if FAILED_ALL.search(text):
        return NO  # "I did sixth form but failed everything": there, and left with nothing passed
    if HIGH_SCHOOL_DIPLOMA.search(text) and not NEGATION.search(text) and not QUALIFICATION.search(text):
        return NOT_SURE  # "high school diploma from the US": below or at Level 3, as UK ENIC compares it
    if IN_PROGRESS.search(text) and not re.search(r"\b(already|also) (have|got)\b", text):
        # studying for it now: not held yet. Said so ("finishing in June", "doing them now"), a no;
        # otherwise asked again
        return _still_studying(text)
    if ((NOT_YET_FIRST.match(text) and STUDY_UNDER_WAY.search(text)) or
            (STUDY_FIRST.match(text) and STUDYING_NOW.search(text))) and _still_studying(text) == NO:
        # "not yet, doing my A levels now", "not yet, it finishes after the start", "doing my BTEC at
        # the moment": not held yet
        return NO
    if re.search(r"\b(only|just)\b.{0,15}\b(gcses?|level [12]|nationals|(?:one|an?|1|a single) as level)\b|"
                 r"\blevel [12] only\b|"
                 r"\b(nvq|btec|cambridge technicals?) (level )?[12]\b", text):
        return NO
    qualification = QUALIFICATION.search(text)
    # "passed A level maths but failed the rest": one passed is a Level 3 held (the rest failed
    # takes nothing from it)
    passed_one = re.search(r"\b(?:passed|got|have|did)\b[^,.;]{0,15}\b(?:" + QUALIFICATION_NAMES +
                           r")\b[^.;]{0,40}\bfailed (?:the rest|the others|everything else|all the others|"
                           r"the other (?:ones?|two|three|subjects?))\b", text)
    # ("left school at 16 but did a BTEC level 3 at college later": school left, the Level 3 done after)
    unfinished = re.search(r"\b(didn'?t|did not|never) (finish|complete|pass|get)|\b(dropped out|failed|"
                           r"quit|left(?! school| education))\b", text) and not passed_one
    if qualification and not unfinished and any(
            not _qualification_negated(text, match) for match in QUALIFICATION.finditer(text)):
        return YES
    if qualification:
        return NO
    if re.search(r"\blevel [12]\b|\bl[12]\b", text) and not NEGATION.search(text):
        return NO  # "a level 2 NVQ": below level 3 ("a level 2" is not an A level)
    if re.search(r"\bbtec\b|\bnvq\b|\bdiploma\b", text) and not re.search(r"\b(level [123]|l[123])\b", text):
        answer = parse_yes_no(text)
        if answer == YES and YES_THE_BTEC.fullmatch(text):
            return YES  # "yes the BTEC": a yes to Level 3, the BTEC the one it is
        return answer if answer in (NO, NOT_SURE) else None  # which level?
    return parse_yes_no(text)


# A high school diploma or GED (the US's and others'): how it compares to Level 3 varies, the team decides
HIGH_SCHOOL_DIPLOMA = re.compile(r"\b(?:high ?school|hs|secondary school|school) "
                                 r"(?:diploma|certificate|cert)\b|\bged\b")


# "Not yet" said first: "not yet, doing my A levels now", "no not yet, the apprenticeship finishes in June"
NOT_YET_FIRST = re.compile(r"\s{0,3}(?:(?:no|nope|nah)[\s,.!-]{1,3})?not yet\b")
# Studying said first, with no "I'm": "doing my A levels now"
STUDY_FIRST = re.compile(r"\s{0,3}(?:doing|studying|taking|sitting)\s(?:for\s)?(?:my|the|an?|them)\s")
# A course said to be under way, or to finish later
STUDY_UNDER_WAY = re.compile(r"\b(?:doing|studying|taking|sitting|working towards|"
                             r"(?:half|part|mid) ?way through|finish(?:es|ing)?|complet(?:es|ing)|"
                             r"ends|ending|due to (?:finish|end|complete))\b")
# A yes with a BTEC and nothing more ("yes the BTEC", "yeah, my BTEC in IT"): at what level, the
# question's
YES_THE_BTEC = re.compile(r"\s{0,3}(?:yes|yeah|yep|yup|yh)[\s,.!-]{1,3}"
                          r"(?:(?:i (?:have|did|got)|i'?ve got)\s)?(?:(?:the|a|my)\s)?"
                          r"btecs?(?:\s(?:in|on)\s[a-z]{2,20}(?:\s[a-z]{2,20}){0,2})?"
                          r"[\s.!]{0,3}")


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
    return bool(QUALIFICATION_NEGATED.search(before)) or is_negated(text, match.start())


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


# A course said not to be finished: "which isn't finished", "not completed yet", "unfinished"
NOT_FINISHED = re.compile(r"\b(?:isn'?t|isnt|is not|not|hasn'?t been|haven'?t|have not)\s(?:yet\s)?"
                          r"(?:finished|completed|done)\b|\b(?:unfinished|incomplete)\b")


# The only qualification held, said first: "only a first aid certificate", "just my GCSEs"
ONLY_HELD = re.compile(r"\s{0,3}(?:(?:i )?(?:only|just)(?: have| got)?|i'?ve only got|i have only)\s"
                       r"(?:an?|my|the|one)\s")


# "no", a denial of the example, then what is held: "no btec, just the HND", "no not a btec, but ive got
# the ccna"
NO_EXAMPLE_BUT = re.compile(r"^(?:no|nope|nah|not)\b[^.;]{0,60}?\b(?:but|just|only)\s(?:i'?ve\s|i have\s|"
                            r"ive\s|i do have\s)?(?:got\s)?(?=[a-z])")
# A qualification above Level 3 named with no subject: "just the HND" (its subject said before, maybe)
BARE_HIGHER_QUALIFICATION = re.compile(r"\b(?:the|an?|my|one)\s(?:hnd|hnc|degree|foundation degree|masters?|"
                                       r"bachelors?)\s*[.!]*$")
# Its level asked about: "Cisco CCNA, is that level 2 or 3?" (the level is then not said)
LEVEL_ASKED = re.compile(r"\b(?:is|was|would|does)\s(?:that|it|this)\s(?:be\s|count as\s)?(?:an?\s)?"
                         r"level\s[1-8](?:\s(?:or|/)\s(?:level\s)?[1-8])?\s?\?+\s*$")


def parse_it_qualification(text: str) -> str | None:
    text = normalise(text)
    asked = LEVEL_ASKED.search(text)
    if asked and asked.start() > 0:
        held = parse_it_qualification(text[:asked.start()].rstrip(" ,;-"))
        return NOT_SURE if held in (YES, NOT_SURE) else None
    if is_not_sure(text):
        return NOT_SURE
    denied_then = NO_EXAMPLE_BUT.match(text)
    if denied_then:
        # "no btec in IT or anything like that, just the HND and comptia A+": the example denied, another
        # held (an exploratory tester's was read as no: "not eligible")
        rest = text[denied_then.end():]
        held = parse_it_qualification(rest)
        if held in (YES, NO):
            return held  # ("no, only the comptia course which isnt finished": none held yet)
        named = LEVEL_NAMED.search(rest) or IT_VENDOR.search(rest) or \
            re.search(r"\b(?:certificat\w*|certs?|qualifications?)\b", rest)
        in_it = IT_SUBJECT.search(rest) or IT_VENDOR.search(rest) or BARE_HIGHER_QUALIFICATION.search(rest)
        if named and in_it:
            return NOT_SURE  # (one in another subject, "no, only my business A levels", stays a no)
    if NOT_YET_FIRST.match(text):
        return NO  # "not yet, planning to do one": none held now
    if _only_wanted(text):
        return None
    if re.search(r"\b(only got|got) an? [1-3u]\b|\bfailed\b", text):
        return NO  # a grade below a pass
    if IN_PROGRESS.search(text) and not re.search(r"\b(already|also) (have|got)\b", text):
        held = [part for part in re.split(r",|;|\band\b|\bbut\b", text) if not IN_PROGRESS.search(part)]
        if any(part.strip() and parse_it_qualification(part) == YES for part in held):
            return YES  # "yes level 2 BTEC IT and I'm doing level 3 now": one held, another under way
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
        if NOT_FINISHED.search(text) and not level:
            return NO  # "only the comptia course which isnt finished": no certificate held yet
        return NOT_SURE  # "a Google IT support certificate", "CompTIA A+": at what level is for the team
    in_part = _without_similar_parts(text, IT_SUBJECT) if it else None
    if in_part is not None and LEVEL_NAMED.search(in_part):
        return NOT_SURE  # "some IT modules in my business diploma": IT a part of another course
    if it and level and not is_negated(text, it.start()) and not NO_WORDS.search(text):
        return YES
    if re.search(r"\bself[- ]taught\b|\bno (formal )?qualifications?\b|\bnothing formal\b|"
                 r"\btaught myself\b", text):
        return NO
    if level and not it and ONLY_HELD.match(text) and not BARE_HIGHER_QUALIFICATION.search(text):
        return NO  # "only a first aid certificate": the one qualification held, not in IT
    if level and not it and re.search(r"\b(were|was|in|are)\b", text) and not YES_WORDS.search(text):
        return NO  # qualifications named, none of them in IT
    if not it and re.search(r"\bqualifications?\b[^.;]{0,20}\b(all |only |just |mainly )?in\s+[a-z]",
                            text) and \
            not YES_WORDS.search(text):
        return NO  # "my qualifications are all in business": in a subject, not IT
    if not it and ONLY_OTHER_SUBJECTS.search(text) and not YES_WORDS.search(text):
        return NO  # "just in history and French": subjects named, none of them IT
    return parse_yes_no(text)
