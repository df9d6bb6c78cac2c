"""The dispatcher of typed answers to the eligibility questions: `parse_answer` reads what every
question shares (an option's label or value, a question asked back, a joke or a slip corrected
("25, sorry 26"), an answer said of someone else), then hands the text to its question's reader in
`PARSERS`.

The readers live in bot/eligibility/answers/, a module per concept (role, age, nationality, status,
funding, qualifications, work, residence; their shared helpers in answers/text.py). Each returns the
answer's value, or None when the text does not clearly answer the question (the bot then asks again
with a hint: a wrong value is worse than a second question). Every pattern is linear in the text's
length, and `parse_answer` caps the length first.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from bot.eligibility.answers.age import parse_age, parse_age_at_start
from bot.eligibility.answers.funding import REPAYING, STUDY_LOAN, parse_other_programme, parse_student_loan
from bot.eligibility.answers.nationality import parse_nationality
from bot.eligibility.answers.qualifications import (
    parse_gcses,
    parse_it_qualification,
    parse_level3,
    parse_prior_qualification,
)
from bot.eligibility.answers.residence import parse_residence_years
from bot.eligibility.answers.role import parse_role
from bot.eligibility.answers.status import (
    DEPENDANT,
    parse_euss_status,
    parse_immigration_status,
    parse_other_permission,
    parse_permission_lasts,
)
from bot.eligibility.answers.text import (
    AFFIRMING,
    DENYING,
    MAX_ANSWER,
    NEGATION,
    NO_WORDS,
    NOT_SURE_PATTERN,
    YES_WORDS,
    about_someone_else,
    clauses,
    is_not_sure,
    normalise,
    own_clauses,
    short_answer,
)
from bot.eligibility.answers.work import (
    NOT_RELEVANT_JOBS,
    parse_employed_relevant,
    parse_works_in_england,
    work_by_part,
)
from bot.eligibility.questions import NO, NOT_SURE, QUESTIONS, YES

# "kind of", "sort of": half a yes, to a yes/no question; asked again.
PARTLY = re.compile(r"^\s*(kind of|kinda|sort of|sorta|partly|in a way|a bit|a little|ish)\b")


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
                        r"does (a|an|my)\b|do you mean|how do i know|is (a|an)\b[^?]*\?)")


# The check itself refused, not a question answered: "I didn't ask to do a check", "I never asked for
# this", "I don't want to do this quiz" (its "didn't" is no answer)
CHECK_NOT_WANTED = re.compile(r"\b(?:didn'?t|did not|never|don'?t|dont|do not)\s(?:ask|asked|want|wanna)\s"
                              r"(?:to\s(?:do|start|take|answer)\s|for\s)?(?:an?|the|this|that|these|any|"
                              r"your)\s(?:eligibility\s)?(?:check|quiz|questions?|questionnaire|form|test)\b|"
                              r"\b(?:didn'?t|did not|never)\s(?:ask|asked)\sfor\s(?:this|that|it)\b")


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
    lowered = normalise(text)
    asked_back = QUESTION_BACK.search(lowered) and not (
        question_id == "role" and ASKING_FOR_A_ROLE.search(lowered))
    asked_back = asked_back or TAG_QUESTION.search(lowered) or NOT_UNDERSTOOD.search(lowered)
    if CHECK_NOT_WANTED.search(lowered):
        return None
    counts_asked = QUALIFICATION_COUNTS_ASKED.search(lowered) \
        if question_id in ("level3", "it_qualification") else None
    if counts_asked and _parse_one(question_id, lowered[:counts_asked.start(1)], entities) != YES:
        # "French Bac - does that count?": one held, whether it counts is for the admissions team
        # ("Level 3 IT diploma, does that count?" is a yes, asked back)
        return NOT_SURE
    if ASKED_BACK.search(lowered) or asked_back:
        doubt = DOUBT_AFTER_QUESTION.search(lowered)
        if doubt and is_not_sure(doubt.group(1)) and not QUESTION_BACK.search(doubt.group(1)):
            return NOT_SURE  # "does a diploma from Poland count? not sure": asked, and unsure of it
        if doubt and question_id == "student_loan" and REPAYING.search(doubt.group(1)) and \
                _parse_one(question_id, doubt.group(1), entities) == NO:
            return NO  # "does an old loan from 2012 count? I'm still paying it off": one repaid is none now
        return None  # "what's level 3?": a question back, answered by the hint when asked again
    unsure_of_the_question = QUESTION_NOT_FOLLOWED.match(lowered)
    if unsure_of_the_question:
        # "not sure what you mean by without a break, I've been here 9 years...": the question's
        # wording doubted, then the answer given all the same
        value = _parse_one(question_id, lowered[unsure_of_the_question.end():], entities)
        if value not in (None, NOT_SURE):
            return value
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
    emphatic = NO_THEN_EMPHATIC_YES.match(lowered)
    if emphatic and _parse_one(question_id, lowered[emphatic.start(1):], entities) == YES:
        return YES  # "no, I do get a loan": the "no" takes back a doubt, the emphatic "do" answers
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
    if echoed and question_id == "age" and QUESTION_BACK.search(echoed.group(0)):
        # "Does age matter? I'm 61": a question, then the age itself (a bound or a hedge is asked again)
        value = _parse_one(question_id, lowered[echoed.end():], entities)
        if isinstance(value, int):
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


# A "no", then an emphatic "do" that says the opposite: "no, I do get a loan", "nah she does have one"
NO_THEN_EMPHATIC_YES = re.compile(r"^\s*(?:no|nope|nah)\b[,.!-]*\s((?:i|she|he) (?:do|does) "
                                  r"(?:get|have|receive|hold|need)\b)")
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


# Whether a qualification named as theirs counts, asked: "French Bac - does that count?" ("does a Google
# certificate count?" names none held: the hint answers it)
QUALIFICATION_COUNTS_ASKED = re.compile(
    r"\b(?:bac|baccalaureate|abitur|matura|diploma|certificate|cert|certification|a\+|ccna|comptia|"
    r"google|aws|azure|cisco|microsoft|btec|nvq|gcse|highers?|leaving cert)\b[^?]{0,40}"
    r"\b((?:does|would|will|do))\s(?:that|it|this|they|those)\s(?:count|qualify|be accepted|work)\b")


# Doubt of what the question means, said in a clause before an answer: "I'm not sure what you mean by
# without a break, ...", "not sure what counts as relevant but ..."
QUESTION_NOT_FOLLOWED = re.compile(r"^(?:i'?m\s|im\s|i am\s)?(?:not sure|unsure|confused)\s"
                                   r"(?:what|about what)\s(?:you mean|is meant|counts|it means|that means|"
                                   r"they mean)\b[^,.;]{0,40}"
                                   r"(?:[,.;]|\bbut\b)\s*(?=\S)")


# A "no" set between two things said: "British, no, Irish", "5... no, 6", "36 I think, no 35"
RESTATED_AFTER_NO = re.compile(r"(?<=\S)\s*(?:[,;!-]|\.{1,3})\s*no(?:\s*[,.;!-]+\s*(?=\S)|\s+(?=\d))")
# A joke answer taken back before the real one: "jk", "only joking", "ok fine", "ok really", "but seriously"
JOKE_TAKEN_BACK = re.compile(r"(?:^|[\s,.;!-])(?:jk|jks|just kidding|just joking|only joking|only kidding|"
                             r"joking aside|kidding aside|"
                             r"(?:ok|okay|alright)\s?,?\s?(?:fine|really|seriously)|"
                             r"but seriously|seriously though|in all seriousness)\b[\s,.:;!-]*")
# (", well" corrects what came before it: "three, well 3 and a half actually")
SELF_CORRECTION = re.compile(r"(?:^|[\s,.;!-])(?:sorry|i mean|i meant|no wait|wait|correction|scratch that|"
                             r"oops|my mistake|actually|(?<=, )well)\b[\s,.:;!-]*")


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
    if yes_no and some and (re.search(r"\b(job|work|role|employer|office|team|position|shop|business|firm|"
                                      r"reporting|reports|excel|spreadsheets?|dashboards?|"
                                      r"department|in (?:finance|hr|sales|marketing|accounts|"
                                      r"operations|admin))\b", described) or
                            NOT_RELEVANT_JOBS.search(described[:some.start()])) and \
            not re.search(r"\b(mostly|mainly|main)\b", described) and \
            not re.search(r"\b(but|though|although)\b", UNOFFICIAL.sub(" ", described[some.end():])):
        # "sort of, I do some data work in my job", "kind of? I'm a receptionist but do a bit of
        # data entry": a part of their job, for the team to check ("sort of, I fix laptops for
        # friends" is no job, and "some data work but mostly sales" leans no)
        return NOT_SURE
    if yes_no and partly and (is_not_sure(described) or re.fullmatch(r"[?!.\s]*", described)):
        return NOT_SURE  # "sort of? not sure it counts", "kind of?", "kind of": a half yes, doubted
    if question_id == "employed_relevant" and partly and JOB_SAID.match(described) and \
            not re.search(r"\b(but|though|mostly|mainly|not)\b", described):
        return NOT_SURE  # "kind of, I'm an admin officer": a job they think counts in part
    by_part = work_by_part(lowered) if question_id == "employed_relevant" else None
    if by_part is not None:
        return by_part  # "employed yes, relevant no": each part answered, not a "yes and no"
    if question_id == "student_loan" and partly and STUDY_LOAN.search(described) and \
            parse_student_loan(described) == YES:
        return YES  # "kind of? my parents pay my fees but I get a maintenance loan": a loan all the same
    if yes_no and (partly or _yes_and_no(lowered)):
        return None  # "sort of", "yes and no": neither yes nor no
    if question_id == "nationality":
        return parse_nationality(text, entities)
    reported = REPORTED_ANSWER.match(lowered) if yes_no else None
    if reported:
        text = lowered = lowered[reported.end():]  # "my dad says no": their answer, passed on
    whole = parse_immigration_status(lowered) if question_id == "immigration_status" else None
    if whole == "student_dependant" or (whole == "other_permission" and DEPENDANT.search(lowered)):
        # ("a dependant, my wife is on a student visa": hers is said for theirs, and tells which)
        return whole
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


# Their job said after "kind of": ", I'm an admin officer", "? I work as a receptionist"
JOB_SAID = re.compile(r"[\s?,.!:;-]{0,4}(?:i'?m an?|im an?|i am an?|i work as|i'?m working as)\s")
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
    child = any(about_someone_else(part, children_too=True) and not about_someone_else(part)
                for part in parts)
    return child and any(re.match(r"i\b", part) and short_answer(part) in (YES, NO) for part in parts)


def _yes_and_no(text: str) -> bool:
    """ "yes and no", "yes no maybe", "no/yes": a yes and a no given together as the answer."""
    words = re.sub(r"[^\w' ]", " ", text).split()
    said = {YES if word in AFFIRMING else NO for index, word in enumerate(words[:5])
            if word in AFFIRMING | DENYING and not (  # "yes, no problem" is a yes
                word == "no" and words[index + 1:index + 2] in NOT_A_NO)}
    # ("yes - sorry, no" is read from its correction first; "no but yes" turns)
    return len(said) == 2 and not any(word in ("but", "though", "however") for word in words[:5])
