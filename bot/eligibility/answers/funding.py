"""The funding questions: a student loan held now ("I'm still paying it back" is not one), and
another apprenticeship or funded course at the start: still on it, ending within the rule's weeks of
the start ("it overlaps for the first couple of weeks"), or paid for themselves.
"""

from __future__ import annotations

import re
from datetime import date

from bot.eligibility.answers.text import (
    NEGATION,
    PAST_JOB,
    RELATIVES,
    YES_WORDS,
    is_negated,
    is_not_sure,
    normalise,
    parse_yes_no,
)
from bot.eligibility.numbers import MONTH_NUMBERS, MONTHS, numbers
from bot.eligibility.questions import NO, NOT_SURE, YES
from bot.eligibility.wording import RULES


def parse_student_loan(text: str) -> str | None:
    text = normalise(text)
    still_paid = LAST_PAYMENT_TO_COME.search(text)
    if still_paid and not NEGATION.search(still_paid.group(0)):
        # "dropped out in november but i think i still get the last maintenance payment in jan": a loan
        # still paid now (an exploratory tester's was read as no); with a hedge, for the admissions team
        return NOT_SURE if LOAN_HEDGED.search(text) else YES
    if _doubted_loan_held(text):
        return YES  # "not sure if a master's loan counts, I'm getting one": student finance, held now
    doubt = LOAN_COUNT_DOUBTED.search(text)
    if doubt and REPAYING.search(doubt.group(1)) and REPAYING.search(text[doubt.end():]) and \
            not LOAN_HELD_AFTER.search(text[doubt.end():]):
        return NO  # "not sure if repaying counts... I'm repaying mine": one paid back is no loan now
    if REPAYING.search(text) and ANOTHER_HELD_NOW.search(text) and not NEGATION.search(text):
        return YES  # "repaying one from my undergrad and also getting one for my masters": one held now
    if LOAN_FOR_A_COURSE_STARTED.search(text) and not NEGATION.search(text) and not REPAYING.search(text) \
            and not COURSE_OVER_SAID.search(text):
        return YES  # "Student loan for a Masters I started in September": a course under way on a loan
    if LOAN_APPROVED.search(text) and not NEGATION.search(text) and not REPAYING.search(text) and \
            not LOAN_GIVEN_UP.search(text):
        return YES  # "just been approved for a postgrad loan for a master's starting in January"
    if LOAN_RUNNING_TO.search(text) and not NEGATION.search(text) and not REPAYING.search(text) and \
            not COURSE_OVER_BEFORE_START.search(text):
        return YES  # "I'm in final year, the loan ends in May": held now, to its end
    if LOAN_FUNDED.search(text) and (STUDYING_ON_A_LOAN.search(text) or re.search(
            r"\b(?:currently|right now|at the moment)\b", text)) and not NEGATION.search(text) and \
            not REPAYING.search(text) and not COURSE_OVER_BEFORE_START.search(text):
        return YES  # "currently in final year of my BSc, loan funded"
    held = LOAN_FOR_A_COURSE.search(text)
    if held and STUDYING_ON_A_LOAN.search(text) and not NEGATION.search(text):
        return YES  # "got one for my nursing degree, still studying"
    if YES_TILL_A_MONTH.search(text) and not NEGATION.search(text) and not REPAYING.search(text):
        return YES  # "final year, so yes till June": held now, to the course's end
    if is_not_sure(text):
        return NOT_SURE
    loan_said = STUDY_LOAN.search(text) or re.search(r"\b(?:loans?|finance|funding)\b", text)
    over = COURSE_OVER_BEFORE_START.search(text)
    leaving_said = LEAVING_FOR_THIS.search(text)
    leaving = leaving_said and not LOAN_NOW_AFFIRMED.search(text)
    if leaving_said and YES_WORDS.search(text) and not NEGATION.search(text):
        # "ye i said, but id quit uni before starting": a yes to the question, as asked (the verdict
        # says that once the loan stops, it no longer stands in the way)
        return YES
    if not NEGATION.search(text) and ((loan_said and (over or leaving)) or (over and YES_WORDS.search(text))):
        # "final year, got a maintenance loan, but I graduate in June before it starts", "a loan for
        # my degree but I'd drop out to do this": a loan now, for a course that ends (or would be
        # left) before the start: whether it still runs then is the admissions team's to check (a
        # yes said to the question, "I'd drop out to do this but yes I'm getting the loan right
        # now", answers it as asked; "yes, but I graduate before it starts" is the loan, then its end)
        return NOT_SURE
    if re.search(r"\b(repay\w*|paying (it |that |them |mine |my loan )?(back|off)|pay (it|mine) back|"
                 r"paid (it |mine |them |that |my loan )?(?:all |fully |completely |in full )?off|"
                 r"paid (it |mine |them |that |my loan )?off in full|"
                 r"still paying|finished|graduated|old loan|(?:an |my )?old one|from the (?:19)?[5-9]0s|"
                 r"(?:being |been |i'?ve |have |has )?repaid|"
                 r"(?:wish i'?d|wish i had|didn'?t|did not|never) (?:gone|go|went|been) to "
                 r"(?:uni|university)|"
                 r"pay (it |them |mine )?back|course ended|ended in|"
                 r"from uni|years ago|(loan|finance|funding) (has )?(stopped|ended|finished)|"
                 r"(left|dropped out of|quit|finished) (uni|university|college|my course|my degree)|"
                 r"dropped out|not (at|in) (uni|university|college|higher education)|"
                 r"not (a )?(uni |university )?student|not studying|"
                 r"(?:haven'?t|have not|havent|hasn'?t|wasn'?t|was not) been (?:a |an )?(?:uni |university |"
                 r"college |mature )?student|"
                 r"(?:stopped|withdrew from|quit|left|dropped) (?:my |the )?(?:uni |university |college )?"
                 r"(?:course|degree|studies)|cancel\w* (?:the |my )?(?:loan|finance|funding)|"
                 r"(?:done|finished) with (?:uni|university|college|my course|my degree|studying|studies)|"
                 r"previous|used to|use to|(?:uni|university|student|college) days (?:are |were )?"
                 r"(?:long )?(?:gone|over|behind me)|" + FROM_PAY + r")\b", text) and not re.search(
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
    if YES_THEN_LOAN.search(text) and not NEGATION.search(text) and not PAST_JOB.search(text):
        return YES  # "final year of computer science, yes student finance": a yes, the loan named after it
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
        if not re.search(r"\bloans?\b|\bfinance\b", others):
            return NO
        got = LOAN_GOT.search(others)
        # "my parents pay my fees but I get a maintenance loan": a loan had all the same
        return YES if got and not NEGATION.search(others) and not without.group(0).startswith(
            ("no", "not", "without", "don", "never")) else None
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
    getting = LOAN_GOT.search(text) or (
        loan and re.search(r"\b(getting|receiving|get|receive|on|have|got)\b.{0,25}$", text[:loan.start()]))
    if getting and not is_negated(text, getting.start(), verbs=True) and \
            not NEGATION.search(getting.group(0)):
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
# A loan for a course begun: "student loan for a Masters I started in September"
LOAN_FOR_A_COURSE_STARTED = re.compile(r"\b(?:loan|student finance|funding)\sfor\s(?:my|a|an|the)\s"
                                       r"(?:[a-z']+\s){0,2}?(?:masters?|master'?s|msc|ma|mba|degree|course|phd|pgce|"
                                       r"foundation year|diploma)\s(?:i|that i|which i)\s(?:just\s)?"
                                       r"(?:started|began|start\w*)\b")
# A course said to be over, or begun in a year named: "paid off", "graduated", "started in 2010"
COURSE_OVER_SAID = re.compile(r"\b(?:paid|finished|graduat\w*|dropped|left|quit|over|ended|(?:19|20)\d\d)\b")
# A loan granted for a course: "just been approved for a postgrad loan", "student finance approved my loan"
LOAN_APPROVED = re.compile(r"\b(?:approved|accepted|granted)\s(?:for\s)?(?:a|an|my|the)\s(?:[a-z']+\s){0,2}?"
                           r"(?:loan|student finance|funding)\b|"
                           r"\b(?:loan|student finance|funding)\s(?:has\s|was\s|got\s|is\s)?(?:been\s)?"
                           r"(?:approved|granted|confirmed)\b")
# A loan given up: "approved but I turned it down", "cancelled it"
LOAN_GIVEN_UP = re.compile(r"\b(?:turned (?:it |that |them )?down|declined|rejected|refused|cancel\w*|"
                           r"withdr[ae]w|gave (?:it )?up|giving (?:it )?up)\b")
# A loan being repaid, and another held now: "repaying one from my undergrad and also getting one"
ANOTHER_HELD_NOW = re.compile(r"\balso\b.{0,10}\b(?:getting|receiving)\s(?:one|another|a (?:new |second )?"
                              r"(?:postgrad\w* |master'?s )?loan|student finance|finance)\b")
# A loan held now that ends at a time to come: "the loan ends in May", "my funding runs out next summer"
LOAN_RUNNING_TO = re.compile(r"\b(?:loan|student finance|funding)\s(?:ends|finishes|runs out|stops)\s"
                             r"(?:in|at|next|this|after)\b")
# A loan said to be had: "I get a maintenance loan", "on student finance"
LOAN_GOT = re.compile(r"\b(getting|receiving|get|gets|receive|receives|on|have|has)\b.{0,25}\b("
                      r"student (loan|finance)|maintenance loan|tuition (fee )?loan|sfe|the loan|a loan|"
                      r"my loan)\b")
# A yes drawn as a conclusion, with the month the loan runs to: "final year, so yes till June"
YES_TILL_A_MONTH = re.compile(r"\bso (?:yes|yeah|yep),?\s(?:till|until|to|through)\s(?:the end of\s)?" +
                              MONTHS + r"\b")
# Studying now: "still studying", "currently at uni", "in my second year"
STUDYING_ON_A_LOAN = re.compile(r"\b(?:still|currently|now)\s(?:studying|at uni\w*|at college|doing it|"
                                r"on the course|in (?:uni|university|college))\b|"
                                r"\bin (?:my |the )?(?:first|second|third|final|last|\d(?:st|nd|rd|th)) "
                                r"year\b")
# Study said to be paid for by a loan: "loan funded", "funded by student finance"
LOAN_FUNDED = re.compile(r"\bloan[- ]?funded\b|\bfunded (?:by|through|with|on) (?:a |an |my |the )?"
                         r"(?:student |tuition |maintenance |postgrad\w* )?(?:loans?|finance)\b")
# A yes said straight after the loan it is to: "postgrad loan yes", "maintenance loan - yeah"
LOAN_AFFIRMED = re.compile(r"\s?[:,=-]?\s?(?:yes|yeah|yep|yup|yh|aye)\b")
# Jobseeker's Allowance, claimed while looking for work (not by students on student finance)
JOBSEEKING = re.compile(r"\bjob ?seekers?'?s?'? allowance\b|\bjsa\b")
# One kind of student loan, said to be the only one: "maintenance loan only", "just the tuition loan"
ONE_LOAN_ONLY = re.compile(r"\b(?:maintenance|tuition(?: fee)?) loan only\b|"
                           r"^(?:only|just) (?:the |a |my )?(?:maintenance|tuition(?: fee)?) loan\b|"
                           # "no tuition loan but I get a maintenance loan"
                           r"^no (?:maintenance|tuition(?: fee)?) loan,? but (?:i |i'?m )?"
                           r"(?:get|have|on|getting|receive|receiving) (?:a |the )?"
                           r"(?:maintenance|tuition(?: fee)?) loan\b")
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
STUDY_LOAN = re.compile(r"\b(advanced learner loan|24\s?(?:\+|plus)\s(?:advanced learner\s)?loan|"
                        r"tuition (fee )?loan|maintenance loan|"
                        # (the nations' names first: "student finance wales" is one name)
                        r"student finance (?:england|wales|ni|northern ireland|scotland)|"
                        r"student (loan|finance)|sfe|sf|"
                        r"saas|student awards agency|sfw|sfni|(?:postgrad\w* )?master'?s loan|"
                        r"postgrad\w* loan|"
                        r"(?:postgrad\w* )?doctoral loan|phd loan)\b")
# Student finance named just before what it funds: "SAAS funding for my course"
LOAN_NAMED_LAST = re.compile(STUDY_LOAN.pattern + r"\s$")
# A yes said straight before the loan it is to: "yes student finance", "yeah, on a maintenance loan"
YES_THEN_LOAN = re.compile(r"(?:^|[,;.]\s?)(?:yes|yeah|yep|yup|yh|aye)\s?[,:-]?\s?"
                           r"(?:(?:i'?m on|i get|i have|on|getting)\s)?(?:a\s|the\s|my\s)?" +
                           STUDY_LOAN.pattern)
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
PROGRAMME_NAMED = re.compile(r"\b(?:apprenticeship|course|programme|bootcamp|degree|training|btec|esol|"
                             r"t[- ]?level|a[- ]?levels?|nvq|diploma|hnd|hnc|qualification|studies)\b")
# Ending in the very week or on the day the apprenticeship starts: "finishes the same week TechTrack starts",
# "finishes the same month TechTrack starts"
SAME_WEEK_AS_START = re.compile(r"\b(?:ends?|ending|finish\w*|wraps? up|done|over|complete\w*|epa|"
                                r"end[- ]?point(?: assessment)?)\b[^.;]{0,25}?\b(?:(?:the )?(?:same|very) "
                                r"(?:week|day|time|month)\b(?: as)?|(?:around|about|roughly|right|just) "
                                r"(?:when|the time))\s"
                                r"(?:(?:techtrack|the apprenticeship|this|it|yours|you|the new one)"
                                r"\s(?:starts?|begins?|kicks off)|the start)\b")
# A level said with its number, not a length of time: "level 3", "l3"
LEVEL_NAMED_NUMBER = re.compile(r"\b(?:level|l)\s?[1-8]\b")
NOT_DONE_UNTIL = re.compile(r"\b(?:i|it|i'?m|it'?s)?\s?(?:won'?t|wont|will not|not going to|isn'?t going to|"
                            r"am not going to)\s(?:be\s(?:done|finished|over|complete|completed)|finish|end|"
                            r"complete(?: it)?|have finished)\s(?:it\s)?until\b")
# A yes, then how long it goes on: "yeah for about a week", "yes but only for 2 weeks after"
YES_FOR_WEEKS = re.compile(r"^(?:yes|yeah|yea|yep|yup|yh|ye)\b[^.;?]{0,15}?\b(?:only\s|just\s)?for\s"
                           r"(?:about\s|around\s|roughly\s|maybe\s|like\s|another\s|the first\s)?"
                           r"(a|an|one|two|three|four|five|six|\d{1,2}|a couple of|a few)\s(weeks?|days?)\b"
                           r"(?!\s(?:a|per|each|every)\s)")
# Training said not to be state-funded: "nothing government", "not DfE funded"
NOT_PUBLICLY_FUNDED = re.compile(r"\b(?:nothing|not|nowt)\s(?:government|gov|govt|dfe|state|publicly)"
                                 r"(?:[- ]funded)?\b")
# Self-funding said of the person answered for: "he pays for it himself", "she funds it herself"
PAID_BY_THEM = re.compile(r"\b(?:he|she|they) (pays?|funds?)\b|\b(?:himself|herself|themselves|themself)\b")
# A yes, by less than some weeks: "yes but only by a few weeks, definitely under 4"
YES_BY_UNDER = re.compile(r"^(?:yes|yeah|yea|yep|yup|yh|ye)\b[^.;?]{0,40}?\b(?:under|less than|fewer than|"
                          r"within)\s(\d|one|two|three|four)(?:\s(?:weeks?|wks?))?"
                          r"(?:\s(?:for sure|definitely|i think|tbh))?\s?[.!]*$")
# "won't finish until well after TechTrack starts", "it ends months after the start": on it for long
LONG_AFTER_START = re.compile(r"\b(?:finish\w*|ends?|ending|done|over|complete\w*|until|till|til)\b"
                              r"[^.;]{0,20}?\b(?:well|long|way|months|ages|a long time|a good while|a year|"
                              r"years) after\s"
                              r"(?:it|techtrack|the apprenticeship|the start|that|then|yours|this)\b")
# "well before then", "long before it starts": ended before the start by more than a few weeks
WELL_BEFORE = re.compile(r"\b(?:well|long|way|ages|months|a long time|a good while|a while|loads of "
                         r"time) before\b")


# Halfway through a course when TechTrack starts: "I'll be halfway through my NVQ", "will still be
# part way through the apprenticeship then"
HALFWAY_THROUGH_THEN = re.compile(r"\b(?:i'?ll|i will|will|would|i'?d)\s(?:still\s)?(?:only\s)?be\s"
                                  r"(?:about\s|roughly\s)?(?:half ?way|part ?way|mid ?way|"
                                  r"in the middle of)\b")


# A payment of the loan still to come: "i still get the last maintenance payment in jan"
LAST_PAYMENT_TO_COME = re.compile(r"\b(?:still\s(?:get|getting|receiv\w*|due)|(?:will|i'?ll|going to)\s"
                                  r"(?:still\s)?(?:get|receive))\s(?:the\s|my\s|one\s|a\s)?"
                                  r"(?:last|final|next|one more)\s(?:\w+\s)?"
                                  r"(?:payment|instalment|installment)\b")
LOAN_HEDGED = re.compile(r"\b(?:i think|i believe|maybe|might|probably|not sure)\b")
# An end and TechTrack's start, both by their months: "finishes in june, TechTrack would start in
# september"
ENDS_THEN_STARTS = re.compile(r"\b(?:finish\w*|ends?|ending|done|over|complete\w*)\s"
                              r"(?:in\s|by\s|at the end of\s)?(" + MONTHS + r")\b[^.?]{0,40}?"
                              r"\b(?:techtrack|it|this|the apprenticeship|yours)\s"
                              r"(?:would\s|will\s|should\s|is due to\s|is going to\s)?(?:start|begin)s?\s"
                              r"(?:in\s)?(" + MONTHS + r")\b")
NUMBER_WORDS = r"\d{1,2}|a|one|two|three|four|five|six|a couple of"
WEEKS_OVERLAP = re.compile(r"\b(" + NUMBER_WORDS + r")(?:\s(?:or|to|-)\s(" + NUMBER_WORDS + r"))?\s?weeks?\s"
                           r"(?:of\s)?overlap\b|\boverlaps?\sby\s(?:about\s|around\s|roughly\s|only\s|just\s)?"
                           r"(" + NUMBER_WORDS + r")\sweeks?\s(?:then|and then)\b")

# "an overlap of about a fortnight", "overlapping for 3 weeks", "would overlap, about 3 weeks": how long
# it runs into the apprenticeship
OVERLAP_OF = re.compile(r"\boverlap\w*(?:\s(?:of|by|for)|,)\s(?:about\s|around\s|roughly\s|only\s|just\s|"
                        r"maybe\s|like\s)?(?:(" + NUMBER_WORDS + r"|few|a few)\s(weeks?|days?|months?)|"
                        r"a fortnight|fortnight)\b")
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


def ends_months_before(text: str, today: date | None = None) -> bool:
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
                         r"(?:this|techtrack|the apprenticeship|it|that|then|yours|you|the start)\b"
                         r"(?: (?:one )?(?:starts?|begins?))?", text[end.end():]))


# A programme's end said by its month, perhaps with its year: "it ends in march", "finishes in june next
# year", "on it until february 2027", "finish in summer" (not "finished in June": that one is over)
MONTH_END_SAID = re.compile(r"\b(?:ends?|ending|finish|finishes|finishing|wraps? up|completes?|completing|"
                            r"(?:be|is) (?:done|over|finished|completed)|until|till|til)\s"
                            r"(?:in\s|by\s|at the end of\s|the end of\s|end of\s)?(" + MONTHS +
                            r"|(?:the\s)?(?:summer|spring|autumn|winter))\b"
                            r"(?:\s(next year|this year|(?:19|20)\d\d))?")


def _ends_in_a_month_near_the_start(text: str, today: date | None = None) -> bool:
    """ "it ends in march", "her BTEC finishes in june next year": an end within the next year or so,
    said by its month; TechTrack's start is not known, so it may end before the start or after it
    ("ends in march 2029" is well past any start, "no, it ends in march" answers as a no)."""
    end = MONTH_END_SAID.search(text)
    if not end or NEGATION.search(text[:end.start()][-30:]):
        return False
    year = end.group(2)
    this_year = (today or date.today()).year
    return year is None or not year[0].isdigit() or this_year <= int(year) <= this_year + 1


def _a_date_follows(text: str, position: int) -> bool:
    """ "the first 2 weeks of July": a date, not weeks of the apprenticeship."""
    return bool(re.match(r"\s*(?:of|in)\s+" + MONTHS, text[position:position + 20]))


# Only a little more of it to go: "for another fortnight", "for another 2 weeks", "for 3 more weeks"
FOR_A_LITTLE_MORE = re.compile(r"\bfor\s(?:(?:just|only)\s)?(?:another|a further)\s"
                               r"(?:(\d+|a|one|two|three|four|five|six|a couple of)\s)?"
                               r"(weeks?|days?|fortnight)\b|"
                               r"\bfor\s(?:(?:just|only)\s)?(\d+|one|two|three|four|five|six)\smore\s"
                               r"(weeks?|days?)\b")


# The answer they draw from what they said: "it finishes in march so no"
CONCLUDED_NO = re.compile(r"[\s,.;-]so\s(?:no|nope|nah|not really)[\s.!]*$")


def parse_other_programme(text: str) -> str | None:
    text = normalise(text)
    # "he pays for it himself", said by a parent or partner: their own money, as "I pay for it myself" is
    text = PAID_BY_THEM.sub(lambda match: "i pay" if match.group(1) else "myself", text)
    both = ENDS_THEN_STARTS.search(text)
    if both and not NEGATION.search(text):
        # "my access to HE course finishes in june, TechTrack would start in september": its end set against
        # the start they were told (an exploratory tester's was read as not sure)
        gap = (MONTH_NUMBERS[both.group(2)] - MONTH_NUMBERS[both.group(1)]) % 12
        if 2 <= gap <= 6:
            return NO
        if gap == 1:
            return "ending_soon"
    concluded = CONCLUDED_NO.search(text)
    if concluded and not is_not_sure(text[:concluded.start()]) and \
            parse_other_programme(text[:concluded.start()]) in (NOT_SURE, None):
        return NO  # an end date with no start to set it against, and their conclusion that it's over
    if re.search(r"\besol\b", text) and not NEGATION.search(text) and \
            not re.search(r"^(?:yes|yeah|yep)\b|\bfinished\b", text):
        # English classes (ESOL), said without a yes: whether they count as DfE-funded training, and
        # run on at the start, is the team's
        return NOT_SURE
    if NOT_PUBLICLY_FUNDED.search(text) and not re.search(r"^(?:yes|yeah|yep)\b|\bapprenticeship\b|"
                                                          r"\b(?:myself|my own|self|i pay|out of pocket)\b",
                                                          text):
        return NO  # "only a first aid course my employer runs, nothing government": no funded training
    # "a week or two after it starts": the longer of the two ("the first week or two" is read below)
    text = re.sub(r"(?<!first )\b(?:a|one) (week|day) or two\b", r"2 \1s", text)
    text = re.sub(r"\b(weeks?|days?|months?) or so\b", r"\1", text)  # "a week or so after the start"
    if re.search(r"\b(not sure|don'?t know|no idea|unsure|not certain)\s+(when|how long)\b", text):
        return NOT_SURE  # on a course, ending who knows when: the admissions team checks
    if re.search(r"\b(might|may|could|thinking (of|about)|considering)\s+(be\s+)?(leav\w*|quit\w*|"
                 r"drop\w*( out)?|stop\w*|switch\w*|finish\w*|defer\w*|end\w*)\b|"
                 r"\bit'?s complicated\b", text):
        return None  # on a course they may or may not leave: where they will be is not said yet
    if is_not_sure(text):
        return NOT_SURE
    # "I won't be done until after it starts": when it ends, said with a "not" that is no "no"
    text = NOT_DONE_UNTIL.sub("it runs until", text)
    if LONG_AFTER_START.search(text) and not re.search(r"\b(if|unless|might|may|could)\b", text):
        return YES  # "won't finish until well after TechTrack starts": on it at the start, for long
    if HALFWAY_THROUGH_THEN.search(text) and not NEGATION.search(text):
        return YES  # "I'll be halfway through my NVQ": on it at the start, with half of it to go
    under = YES_BY_UNDER.search(text)
    if under and int(numbers(under.group(1))[0][0]) <= RULES.programme_end_weeks:
        return "ending_soon"  # "yes but only by a few weeks, definitely under 4": within the rule's weeks
    for_weeks = YES_FOR_WEEKS.search(text)
    if for_weeks:
        # "yeah for about a week": on it at the start, for that long after it
        return "ending_soon" if _within_end_weeks(for_weeks.group(1), for_weeks.group(2)) else YES
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
            # ("a few months": beyond the rule's weeks; "a few weeks" about them, so asked back)
            return YES if unit.startswith("month") else "ending_soon"
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
    if ends_months_before(text):
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
    if FAMILY_PAYS.search(text) and not NEGATION.search(text) and \
            not re.search(r"\b(?:loan|apprenticeship|government|council|free)\b", text):
        return "self_funded"  # "an AAT course that my mum is paying for": privately paid
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
    after_start = re.search(r"\b(ends?|ending|finish\w*|wrap\w* up|done|over|complete\w*|until|till|til)\b"
                            r".{0,40}?\b(\d+|a few|a|an|one|two|three|four|a couple of)\s+"
                            r"(weeks?|days?|months?|fortnight)\s+(after|into)\b", text)
    if after_start:
        # ("wrapping up my apprenticeship a fortnight into TechTrack": two weeks into it)
        amount, unit = after_start.group(2), after_start.group(3)
        if unit == "fortnight":
            amount, unit = "2", "weeks"
        return "ending_soon" if _within_end_weeks(amount, unit) else YES
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
                             FINAL_ASSESSMENT + r")\b.{0,35}?"
                             r"(\d+|a|the|one|two|three|four|a couple of|a few)\s+(weeks?|days?|months?)"
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
    if _ends_in_a_month_near_the_start(text):
        return NOT_SURE  # "it ends in march": before TechTrack starts or not, the admissions team checks
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
# Paid for by their family: "a course my mum is paying for", "my parents fund it", "paid for by my dad"
# (private money, as their own is; an employer's may be a levy-funded place), named as elsewhere
# ("side", as in "my mum's side", is no one)
FAMILY = r"(?:" + "|".join(sorted((RELATIVES - {"side"}) | {"aunt", "auntie", "uncle"}, key=len,
                                  reverse=True)) + ")"
FAMILY_PAYS = re.compile(r"\b(?:my|our) " + FAMILY + r"(?:'s)? (?:is |are |has |have )?"
                         r"(?:paying|pays|paid|pay|funding|funds|funded|covering|covers|covered)\b|"
                         r"\b(?:paid|funded|covered) (?:for )?by my " + FAMILY + r"\b")
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
    r"study programme|programme|apprenticeship)\b|"
    # "I'm in the first year of a 2 year T Level at college": a year in, more to go
    r"\bin (?:the|my) (?:first|1st) year of (?:a|an|my|the) (?:[\w-]+\s){0,3}?(?:btec|t[- ]?levels?|"
    r"a[- ]?levels?|nvq|diploma|access course|course|study programme|apprenticeship)\b")
