"""The work questions: whether their current job is relevant to the role ("I do some data work in my
job"), and whether they will work mainly in England ("3 days in Bristol, 2 in Cardiff" is 60%).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from bot.eligibility.answers.text import (
    NEGATION,
    PAST_JOB,
    WANTED,
    clauses,
    is_negated,
    is_not_sure,
    mentions,
    normalise,
    parse_yes_no,
)
from bot.eligibility.places import AMBIGUOUS, DEMONYMS, ENGLAND, OUTSIDE_ENGLAND, nicknames_as_names
from bot.eligibility.questions import NO, NOT_SURE, YES
from bot.eligibility.wording import RULES

EMPLOYED_NO = re.compile(
    r"\b(unemployed|not (currently )?(working|employed|in work)|out of work|between jobs|"
    r"job ?hunting|looking for (a )?(job|work)|jobless|student|at (uni|university|college|school)|"
    r"stay[- ]at[- ]home|full[- ]time (mum|dad|parent|carer)|carer|retired|on benefits|"
    r"career break|made redundant|redundant|no job|don'?t have a job|not got a job|lost my job|"
    r"laid off|let go|sacked|fired|"
    # a job still to get: "working on it, got an interview next week"
    r"(?:got|have|had) an? (?:job )?interview|working on it|applying for (?:jobs|roles|work)|"
    r"year 1[0-3]|sixth form|in school|at school|doing (my )?a[- ]?levels)\b"
)
NOT_RELEVANT_JOBS = re.compile(
    r"\b(shop|retail|supermarket|wareho\w*|picking and packing|pick and pack|restaurant|cafe|bar|pub|"
    r"hospitality|waiter|waitress|"
    r"barista|chef|cleaner|cleaning|driver|(?<!project )delivery|courier|care home|carer|"
    r"care (worker|assistant)|"
    r"support worker|healthcare assistant|nurse|nursing|"
    r"construction|builder|labourer|factory|hairdresser|beautician|security guard|receptionist|"
    r"call centre|cashier|sales assistant|teacher|teaching assistant|plumber|electrician|"
    r"mechanic|joiner|carpenter|painter|decorator|gardener|farmer|postman|postwoman|bus driver|"
    r"taxi|uber|hgv|forklift|nanny|childminder|bartender|kitchen|tesco|sainsbury'?s|asda|aldi|lidl|"
    r"morrisons|mcdonald'?s|costa|greggs|primark|boots|argos|b&q|nando'?s|starbucks|pret|"
    # ("network admin", "sysadmin" and "database admin" are IT jobs)
    r"(?<!network )(?<!networks )(?<!system )(?<!systems )(?<!database )(?<!server )(?<!it )admin|"
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
    r"project (support|officer|manager|delivery)|product|change team|transformation|testing|tester|qa|"
    r"requirements (gathering|analysis|capture)|process (improvement|mapping|analysis|design)|"
    r"business process\w*|user research|service design|reporting|dashboards?|spreadsheets?|mi reports?)\b"
)
# A relevant job named as the whole answer, or with where it is: "IT support at a school".
ROLE_NAMED = re.compile(
    # ("I'm IT support for the NHS trust": the job said as what they are)
    r"(?:(?:i'?m|im|i am) )?(?:i do |doing |in |working in |work in )?"
    r"(?:it|ict|tech|technical|desktop|network|infrastructure)"
    r"\s(?:support|helpdesk|help desk|service desk|technician|operations)|"
    r"(?:(?:i'?m|im|i am) )?(?:an? )?(?:(?:network|systems?|database|server|it)\s|sys\s?)admin(?:istrator)?|"
    r"(?:i do |doing |in |working in |work in )?(?:service desk|helpdesk|help desk|infosec|"
    r"information security|cyber security|cybersecurity|devops|software development|web development|"
    r"data analysis|data analytics|business analysis|software testing|networking)"
    r"(?=\s*$|\s*[,.!]|\s+(?:at|for|in|with|role|job|team|work)\b)")
# The person says their job is not a relevant one.
NOT_RELEVANT_SAID = re.compile(
    r"\b(not|isn'?t|nothing)\s+(really\s+|very\s+|that\s+|at all\s+|particularly\s+)?(?:in anything\s+)?"
    r"(relevant|related|"
    r"in (tech|it|digital|technology|a tech role|an it role)|a tech (job|role)|an it (job|role)|"
    r"tech(nical|y)?|it[- ]related|tech[- ]related|to do with (it|tech|computers|data|digital|software|"
    r"security|analysis))\b|"
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


def work_by_part(text: str) -> str | None:
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
                                     r"(?:my (?:role|job|position)|it|i|the role)"
                                     r"(?:'s\s|\s(?:(?:would|will|does|should|is|'d|'ll)\s(?:be\s)?)?)"
                                     r"(?:count|counts|qualify|qualifies|relevant|eligible)\b")


# A qualification said not to be held yet, beside the job: "just not qualified", "not certified yet"
NOT_QUALIFIED = re.compile(r"\b(?:not|un)\s?(?:yet\s|formally\s|officially\s|properly\s|fully\s)?"
                           r"(?:qualified|certified|accredited|chartered)(?:\syet)?\b|"
                           r"\b(?:no|without\s(?:any|a))\s(?:formal\s)?(?:qualifications?|certifications?|"
                           r"certificates?)(?:\syet)?\b")


# The job said to be in a related team or field: "I work in a related team, yes"
RELATED_WORK = re.compile(r"\b(?:work|working|i'?m|im|i am|employed)\s(?:in|on|with)\s(?:an?\s|the\s)?"
                          r"(?:related|relevant|similar)\s(?:team|role|job|field|area|department|function)\b")


# Not quite the role, then a part of it done: "not really a BA role but i do some requirements stuff",
# "not exactly IT but I handle some of the systems work"
NOT_QUITE_BUT_SOME = re.compile(r"\bnot (?:really|exactly|quite|strictly|officially|technically)\b"
                                r"[^.;]{0,40}?\bbut\b[^.;]{0,20}?\b(?:some|a bit of|a little|bits of|"
                                r"elements of|parts of|occasional\w*|a lot of|loads of)\b|"
                                # "not really BA but i do process mapping sometimes"
                                r"\bnot (?:really|exactly|quite|strictly|officially|technically)\b"
                                r"[^.;]{0,40}?\bbut\b[^.;]{0,50}?\b(?:sometimes|at times|now and then|"
                                r"occasionally|from time to time)\b")


# Qualifications talked about, with no word of a job or of studying now: an answer to another
# question ("i got 4 gcses, failed maths first time but resat at college": no student now)
QUALIFICATIONS_TALK = re.compile(r"\b(?:gcses?|a[- ]?levels?|btecs?|grades?|resat|resit|retook)\b")
JOB_OR_STUDY_NOW = re.compile(r"\b(?:work\w*|job|role|employ\w*|team|office|company|manager|i'?m|im|i am|"
                              r"currently|still|doing|studying|now)\b")


# Their job said to be relevant, as their own view: "I think that's relevant", "which is relevant"
RELEVANCE_SAID = re.compile(r"\b(?:it'?s|its|that'?s|thats|it is|that is|which is|which'?s|it'?d be|"
                            r"it would be|should be)\s(?:pretty\s|quite\s|very\s|fairly\s|definitely\s|"
                            r"totally\s|really\s)?relevant\b")


def parse_employed_relevant(text: str) -> str | None:
    text = normalise(text)
    if QUALIFICATIONS_TALK.search(text) and not JOB_OR_STUDY_NOW.search(text):
        return None
    by_part = work_by_part(text)
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
    if RELATED_WORK.search(text) and not NEGATION.search(text):
        return YES
    if NOT_QUITE_BUT_SOME.search(text):
        return NOT_SURE  # "not really a BA role but i do some requirements stuff": in part, for the team
    if ON_LEAVE_FROM.search(text) and not NEGATION.search(text):
        return NOT_SURE  # "on maternity leave from a project support role": employed, not at work now
    counts = EMPLOYER_SAYS_IT_COUNTS.search(text)
    if counts and not NEGATION.search(text) and not is_not_sure(text[counts.end():]):
        return YES  # "my employer said my role would count": their employer's word on it
    if NOT_RELEVANT_SAID.search(text) and not re.search(r"\b(analyst|engineer|developer|technician|"
                                                         r"administrator|tester|architect)\b", text):
        return NO  # "employed, but not in tech", "an admin role, not really relevant"
    said_relevant = RELEVANCE_SAID.search(text)
    if said_relevant and not NEGATION.search(text) and "?" not in text[said_relevant.start():]:
        return YES  # "a project coordinator in the Home Office, I think that's relevant" (asked back)
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
            and not is_negated(text, relevant.start()):
        if NO_FIRST.match(text):
            return NOT_SURE  # "no, I work in a bank as a data analyst": a no, then a job that may count
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


# A plain no said first, the rest after it: "no, I work in a bank", "nope I'm an analyst"
NO_FIRST = re.compile(r"^(?:no|nope|nah)\b[\s,.!-]")
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
ONLY_DAYS_IN_ENGLAND = re.compile(r"\b(?:only|just|at most|max(?:imum)?)\s"
                                  r"(?:do\s|work\s|manage\s|spend\s|be\s)?(?:about\s|around\s)?(\d(?:\.\d)?)\s?days?\s"
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
# Working from home most of the time: "working from home mostly", "mainly remote", "wfh most days"
MOSTLY_FROM_HOME = re.compile(r"\b(?:work\w*\s(?:from\s)?home|wfh|remote\w*)\s"
                              r"(?:mostly|mainly|most of the time|most days|most of the week)\b|"
                              r"\b(?:mostly|mainly)\s(?:work\w*\s)?(?:from home|remote\w*|wfh)\b")
# The place said as where they are is where they would work: "and would work from there"
WORK_THERE = re.compile(r"\b(?:work|working|based)\s(?:(?:from|in|out of)\s)?(?:there|here)\b|"
                        r"\b(?:work|working|based)\s(?:from|in|out of)\shome\b")
# Bristol, across the Severn from Newport in Wales: said with it, that is the Newport meant (Newport on
# the Isle of Wight or in Shropshire is far from it)
WELSH_NEWPORT_BESIDE = re.compile(r"\bbristol\b")
# A "probably" before the days said: "probably 2 days in Bristol, 3 in Newport"
LEANING_TO_DAYS = re.compile(r"^(?:probably|prob|probs|prolly|most likely|likely)\s(?=\d|one\b|two\b|three\b|"
                             r"four\b|five\b)")
LEANING_TO_A_PLACE = re.compile(r"^(?:probably|prob|probs|prolly|most likely|likely)\s(?=(?:the\s)?[a-z])")
# "I commute from North Wales": home, the start of the commute
COMMUTE_FROM = re.compile(r"\bcommut\w*\s(?:in\s|daily\s|every day\s)?from\s(?:the\s)?$")
HOME_BEFORE = re.compile(r"\b(live|living|lives|home|house|grew up|born|raised|from)\b")
# The rest of the week worked from home: "rest wfh", "the other days from home", "wfh the rest"
REST_AT_HOME = re.compile(r"\b(?:rest|remainder|other days|remaining days|other \d days)\b[^,.;]{0,20}?"
                          r"\b(?:wfh|from home|at home|remote\w*)\b|"
                          r"\b(?:wfh|work from home|working from home)\b[^,.;]{0,15}?"
                          r"\b(?:the rest|other days|remainder)\b")


LIVES_BY_DEMONYM = re.compile(r"\b(?:i'?m|im|i am)\s(?:a\s)?(?:proper\s|proud\s|true\s|real\s|"
                              r"born and bred\s|born and raised\s)?(" + "|".join(DEMONYMS) + r")\b")


# "Mostly" said first, as the answer: "mostly, I'm in London but...", "yes mainly"
MOSTLY_FIRST = re.compile(r"^(?:(?:yes|yeah|yep)[,!.]?\s)?(?:mostly|mainly|for the most part|"
                          r"most of the time|majority of the time)"
                          r"(?:[,.!;:-]\s?|\s(?=(?:i|im|i'?m|in|at|yes)\b)|$)")


WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
WEEKDAY = r"(mon|tue|wed|thu|fri|sat|sun)(?:day|s|sday|nesday|rsday|r|rs|urday)?s?"
WEEKDAY_RANGE = re.compile(r"\b" + WEEKDAY + r"\s?(?:to|-|–|through|thru|till|until)\s?" + WEEKDAY + r"\b")
WEEKDAY_ALONE = re.compile(r"\b" + WEEKDAY + r"\b(?!\s?(?:to|-|–|through|thru|till|until)\b)")


def weekdays_as_days(text: str) -> str:
    """ "Monday to Thursday in Leeds, Friday in Glasgow" as "4 days in Leeds, 1 day in Glasgow": the days
    of the week named, as a count (a day named alone is counted only beside a range or a count of days)."""
    def days(match: re.Match[str]) -> str:
        return f"{(WEEKDAYS.index(match.group(2)) - WEEKDAYS.index(match.group(1))) % 7 + 1} days"

    ranged = WEEKDAY_RANGE.sub(days, text)
    if ranged == text and not re.search(r"\b\d\s?days?\b", text):
        return text
    # ("4 days in london and fridays from our glasgow office": a day named beside a count of days)
    return WEEKDAY_ALONE.sub("1 day", ranged)


# Only a liking for a place: "I love England", "love london tbh"
PLACE_LIKED = re.compile(r"^(?:i |i really |i just |really |just )?(?:love|like|adore|enjoy)\s(?:[a-z]+)"
                         r"(?:\s(?:tbh|lol|haha|mate|honestly|so much|a lot))?\s?[.!]*$")


def parse_works_in_england(text: str) -> str | None:
    """Where they will work: yes when at least the rule's share of working time is in England
    ("3 days in Bristol, 2 in Cardiff" is 60%); where they live is not the test."""
    text = normalise(text)
    leaning = LEANING_TO_DAYS.match(text)
    if leaning:
        # "probably 2 days in the bristol office and 3 from home in newport": the days, leant towards
        # (asked back for the "probably")
        value = parse_works_in_england(text[leaning.end():])
        if value in (YES, NO):
            return value
    leaning_to = LEANING_TO_A_PLACE.match(text)
    if leaning_to and mentions(text, [*ENGLAND, *OUTSIDE_ENGLAND]):
        # "probably the Croydon office": the place leant towards (asked back for the "probably")
        value = parse_works_in_england(text[leaning_to.end():])
        if value in (YES, NO):
            return value
    if is_not_sure(text) or WHERE_NOT_TOLD.search(text):
        return NOT_SURE
    if PLACE_LIKED.match(text):
        return None  # "I love England": a feeling about the place, not where they'd work
    mostly_first = MOSTLY_FIRST.match(text)
    if mostly_first:
        # "mostly, im in london but i travel to our edinburgh office one week a month": "mostly" is
        # the answer (most of the time in England), the first place said is where that is
        named = mentions(text[mostly_first.end():], [*ENGLAND, *OUTSIDE_ENGLAND, *AMBIGUOUS])
        if not named or named[0][1] in ENGLAND or re.match(r"(?:yes|yeah|yep)\b", text[mostly_first.end():]):
            # ("mostly yes, maybe one day a week from home in wales": the yes, and the rest elsewhere)
            return YES
        if named[0][1] in OUTSIDE_ENGLAND:
            return NO
    # "I'm a Londoner": where they live, by the name its people go by ("I live in London")
    text = LIVES_BY_DEMONYM.sub(lambda match: "i live in " + DEMONYMS[match.group(1)], text)
    text = nicknames_as_names(text)  # "Brum": Birmingham
    text = weekdays_as_days(text)  # "Monday to Thursday in Leeds, Friday in Glasgow": 4 days and 1
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
    trips = _trips_to_england(text)
    if trips is not None:
        # "i'm in glasgow but happy to go down to newcastle one day a week": the trips' share of the week
        return YES if trips * 100 >= RULES.england_share_percent else NO
    if WELSH_NEWPORT_BESIDE.search(text) and mentions(text, AMBIGUOUS):
        # "2 days in Bristol, 3 in Newport": the Newport across the Severn from Bristol, in Wales
        share = _share_of_days(text, ENGLAND, (*OUTSIDE_ENGLAND, *AMBIGUOUS))
        if share is not None:
            return share
    if any(name in AMBIGUOUS and not HOME_BEFORE.search(_clause_before(text, pos, 30))
           for pos, name in mentions(text, [*ENGLAND, *OUTSIDE_ENGLAND, *AMBIGUOUS])):
        # "3 days in Newport": in Wales or in England? Asked again, never guessed (a home there,
        # "I live in Newport and commute to Bristol", is not where they work), unless the days said
        # give the same answer either way ("2 days in Newport, 3 from home in Wales" is a no)
        return _share_either_way(text)
    share = _office_days_rest_at_home(text)
    if share is None:
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
    places = [p for p in places if not is_negated(text, p[0], verbs=True) and
              not re.match(r"\s{1,3}border\b", text[p[0] + len(p[1]):])]  # "near the Welsh border"
    # Each place is read with the words of its own clause: in "London office, I have family in
    # Scotland" the office is London's, and Scotland is only mentioned in passing.
    mostly = [p for p in places if re.search(r"\b(mostly|mainly|majority|most of)\b",
                                             _clause_before(text, p[0], 20) + " " +
                                             _clause_after(text, p[0] + len(p[1]), 15)) or
              MOST_OF_THE_TIME.search(_after_other_places(text, p[0], 45, places))]
    moving = [p for p in places if re.search(r"\b(move|moving|relocat\w*)\s+to\s*$",
                                             text[max(0, p[0] - 25):p[0]]) or _moving_to(text, p[0])]
    commuted_from = [p for p in places if COMMUTE_FROM.search(_clause_before(text, p[0], 40))]
    work = [p for p in places if p not in commuted_from and (re.search(
        r"\b(work\w*|job|office|based|placement|role|commut\w*|employ\w*|department|team|remote\w*|wfh|"
        r"from home)\b", _clause_before(text, p[0], 40)) or re.search(
        r"^[\s-]*(office|based|site|hub|team|department|placement|job|role)\b", text[p[0] + len(p[1]):]))]
    home = [p for p in places if re.search(r"\b(live|living|home|house|flat\w*|apartment|moved|from|"
                                           r"at the moment|family|parents|mum|dad|relatives|friends|"
                                           r"grew up|born|raised|uni|university|studied|school|"
                                           r"holiday\w*|visit\w*)\b",
                                           _clause_before(text, p[0], 25)) and p not in work]
    # "I live just over the border in Wales": a home said a little further from its place
    home += [p for p in places if p not in work and p not in home and (re.search(
        r"\b(i|we) (live|living|'m living|am living|reside)\b", _clause_before(text, p[0], 45)) or
        p in commuted_from)]
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
    mostly_home = MOSTLY_FROM_HOME.search(text)
    if mostly_home and home and len({p[2] for p in home}) == 1 and \
            not NEGATION.search(text[:mostly_home.end()]):
        # "I live in Edinburgh, working from home mostly, the Newcastle office once a month": most of
        # the time where home is
        return YES if home[0][2] else NO
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
    verdicts = {_share_of_days(text, (*ENGLAND, *AMBIGUOUS), OUTSIDE_ENGLAND),
                _share_of_days(text, ENGLAND, (*OUTSIDE_ENGLAND, *AMBIGUOUS))}
    return verdicts.pop() if len(verdicts) == 1 else None


def _share_of_days(text: str, england: Sequence[str], outside: Sequence[str]) -> str | None:
    """Yes or no from the shares of the week said of the places in and outside England given."""
    share = _ratio_share(text, england, outside)
    if share is None:
        share = _england_share(text, england, outside)
    if share is None:
        share = _percent_in_england(text, england, outside)
    if share is None:
        return None
    return YES if share * 100 >= RULES.england_share_percent else NO


# "I'd travel to Newcastle 2 days a week", "commuting into Leeds twice a week": days at a place
# travelled to, in a week otherwise worked from home
DAYS_TRAVELLED = re.compile(r"\b(?:(?:travel\w*|commut\w*) (?:in)?to|go(?:ing)? (?:in)?to|"
                            r"com(?:e|ing) (?:in)?to|head\w* (?:in)?to|be in|fly(?:ing)? (?:over )?to|"
                            r"flew (?:over )?to)\s(?:the office in\s|the\s)?$")
DAYS_A_WEEK = re.compile(r"\s{0,3}(?:(?:office|site|hub|team)\s)?(?:for\s)?(?:(\d(?:\.\d)?)\s?days?|"
                         r"(once|twice))\s"
                         r"(?:a|per|each|every)\sweek\b")


def _home_sides(text: str, england_names: Sequence[str] = ENGLAND,
                outside: Sequence[str] = OUTSIDE_ENGLAND) -> set[bool]:
    """Whether each place said as home ("I live in Chepstow") is in England: {False} for a home in Wales."""
    return {name in england_names for pos, name in mentions(text, [*england_names, *outside])
            if HOME_BEFORE.search(_clause_before(text, pos, 30))}


# Days a week somewhere: "2 days a week", "twice a week", "three times a week"
OFFICE_DAYS = re.compile(r"\b(\d|one|two|three|four|once|twice)\s(?:(?:days?|times)\s)?"
                         r"(?:a|per|each|every)\sweek\b")
# The rest of the week at home, however said: "wfh the other 3", "the rest from home", "home the other days"
REST_FROM_HOME = re.compile(r"\b(?:wfh|from home|at home|remote\w*|home)\b[^,.;]{0,10}?\b(?:the\s)?"
                            r"(?:other|rest|remaining|remainder)\b|"
                            r"\b(?:the\s)?(?:other|rest|remaining|remainder)\b[^,.;]{0,15}?"
                            r"\b(?:wfh|from home|at home|remote\w*)\b")
DAY_WORDS = {"one": 1.0, "two": 2.0, "three": 3.0, "four": 4.0, "once": 1.0, "twice": 2.0}


def _office_days_rest_at_home(text: str) -> float | None:
    """ "i live in llanelli, the office would be gloucester, id go in twice a week and wfh the rest": a
    home outside England, one office in England, the days a week there, the rest at home (2 of 5 in
    England; exploratory testers' were kept as working in England)."""
    places = mentions(text, [*ENGLAND, *OUTSIDE_ENGLAND])
    homes = [name for pos, name in places if HOME_BEFORE.search(_clause_before(text, pos, 30))]
    offices = [name for pos, name in places if name not in homes]
    days = OFFICE_DAYS.search(text)
    if not homes or any(name in ENGLAND for name in homes) or len(offices) != 1 or \
            offices[0] not in ENGLAND or not days or not REST_FROM_HOME.search(text):
        return None
    count = DAY_WORDS.get(days.group(1)) or float(days.group(1))
    return min(count, 5.0) / 5


def _share_travelling_from_home(text: str) -> float | None:
    """ "home in Edinburgh, I'd travel to Newcastle 2 days a week": the days a week travelled to a
    place across the border from home, the rest of a five-day week at home (2 of 5 in England)."""
    from bot.eligibility.numbers import words_to_digits

    text = words_to_digits(text)
    places = mentions(text, [*ENGLAND, *OUTSIDE_ENGLAND])
    homes = _home_sides(text)
    travelled = []
    for pos, name in places:
        days = DAYS_A_WEEK.match(text, pos + len(name))
        if days and DAYS_TRAVELLED.search(text[max(0, pos - 30):pos]) and \
                not is_negated(text, pos, verbs=True):
            count = float(days.group(1)) if days.group(1) else {"once": 1.0, "twice": 2.0}[days.group(2)]
            travelled.append((name in ENGLAND, count))
    if len(homes) != 1 or len(travelled) != 1 or travelled[0][0] in homes or not 0 < travelled[0][1] < 5:
        return None
    in_england, days = travelled[0]
    return days / 5 if in_england else 1 - days / 5


def _only_days_in_england(text: str) -> float | None:
    """ "only 1 day a week in England": those days of a five-day week, the rest (not said) outside
    England; None when the rest is said (read by `_england_share`) or another place in England is
    named."""
    from bot.eligibility.numbers import words_to_digits

    text = words_to_digits(text)
    only = ONLY_DAYS_IN_ENGLAND.search(text)
    named = [name for _, name in mentions(text, [*ENGLAND, *OUTSIDE_ENGLAND, *AMBIGUOUS])]
    # (a home outside England said besides: "a carer in Cardiff, so only 1 day a week in England")
    if not only or REST_OF_THE_WEEK.search(text) or is_negated(text, only.start(), verbs=True) or \
            any((name in ENGLAND and name != "england") or name in AMBIGUOUS for name in named):
        return None
    days = float(only.group(1))
    return days / 5 if 0 < days < 5 else None


# Trips to a place said with how often: "happy to go down to newcastle one day a week", "pop over to
# the bristol office twice a month"
TRIPS_TO = re.compile(r"\b(?:go|going|come|coming|travel\w*|commut\w*|pop|popping|head|heading|get)\s"
                      r"(?:down\s|up\s|over\s|across\s|in\s)?to\s(?:the\s)?([a-z]+(?:\s[a-z]+)??)\s"
                      r"(?:office\s|hub\s)?(\d|once|twice)\s?(?:days?\s|times?\s)?(?:a|per|each|every)\s"
                      r"(week|month|fortnight)\b")


def _trips_to_england(text: str) -> float | None:
    """ "i'm in glasgow but happy to go down to newcastle one day a week": trips to a place in England,
    from one outside it, as a share of a five-day week; None unless both places are said."""
    from bot.eligibility.numbers import words_to_digits

    text = words_to_digits(text)
    trips = TRIPS_TO.search(text)
    if not trips or trips.group(1) not in (*ENGLAND, *AMBIGUOUS) or \
            re.search(r"\b(?:not|never|won'?t|wouldn'?t|can'?t|don'?t)\s(?:\w+\s){0,2}$",
                      text[:trips.start()]) or \
            not mentions(text[:trips.start()], list(OUTSIDE_ENGLAND)):
        return None
    days = {"once": 1.0, "twice": 2.0}.get(trips.group(2)) or float(trips.group(2))
    per_week = {"week": 5.0, "fortnight": 10.0, "month": 21.0}[trips.group(3)]
    return days / per_week if days < per_week else None


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
        not is_negated(text, position, verbs=True)


# Two shares of the time that make a whole: "60/40", "70-30", "80%/20%"
RATIO = re.compile(r"(?<![\d.])(\d{1,3})\s?%?\s?[/:-]\s?(\d{1,3})\s?%?(?![\d.])")


def _ratio_share(text: str, england: Sequence[str] = ENGLAND,
                 outside: Sequence[str] = OUTSIDE_ENGLAND) -> float | None:
    """ "splitting 60/40 Scotland/England", "Leeds and Cardiff, 70-30": two shares said with two
    places, the first place taking the first share."""
    ratio = RATIO.search(text)
    if not ratio or int(ratio.group(1)) + int(ratio.group(2)) != 100 or is_negated(text, ratio.start()):
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
# A percentage said alone, as the share in England: "then yes 60%", "about 70 percent"
PERCENT_ALONE = re.compile(r"(?:(?:then|so|yes|yeah|yep|about|around|roughly|maybe|probably|like|at least|"
                           r"it'?s|it would be|it'?d be)[\s,]{1,3}){0,3}(\d{1,3})\s?(?:%|percent|per cent)"
                           r"(?:\sin england)?[\s.!]*")
# An amount of days or hours: a number, not a percentage ("40% in England" is a share, not 40 days)
DAYS_AMOUNT = re.compile(r"(?<![\d.])(\d+(?:\.\d+)?)(?![\d.]|\s?(?:%|percent|per cent))")


def _percent_in_england(text: str, england: Sequence[str] = ENGLAND,
                        outside: Sequence[str] = OUTSIDE_ENGLAND) -> float | None:
    """ "60% in England", "about 30 percent in Leeds, the rest in Cardiff": a percentage said of a
    place; None when the percentages disagree or name no place."""
    shares = set()
    said = list(PERCENT.finditer(text))
    alone = PERCENT_ALONE.fullmatch(text.strip())
    if alone and int(alone.group(1)) <= 100:
        return int(alone.group(1)) / 100  # "then yes 60%": the share the question asks about, in England
    for match in said:
        percent = int(match.group(1))
        after = text[match.end():match.end() + 30]
        places = mentions(after, [*england, *outside])
        if percent > 100 or not places or is_negated(text, match.start()):
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
            # ("the Newcastle office 3 days a week": the days said after the office)
            after = re.match(r"\s{0,3}(?:(?:office|site|hub|team|base)\s{1,3})?(?:for\s{1,3})?"
                             r"(\d{1,2}(?:\.\d{1,2})?)\s{0,3}(?:days?|hours?)\b",
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
    if rest_in_england is None and counted == 1 and REST_AT_HOME.search(text):
        # "I live in Chepstow and would do 2 days a week in the Bristol office, rest wfh": the rest of
        # the week at home
        homes = _home_sides(text, england_names, outside)
        if len(homes) == 1:
            rest_in_england = homes.pop()
            counted += 1
    if rest_in_england is not None and england + other < 5:
        remaining = 5 - (england + other)
        england, other = (england + remaining, other) if rest_in_england else (england, other + remaining)
    if counted < 2 or england + other == 0:
        return None
    return england / (england + other)
