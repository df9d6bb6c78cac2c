"""When a typed answer is read with doubt, so the bot asks "is that right?" before it counts.

A reading is doubted when the words around it pull another way:
- a hedge ("I think", "probably") or a question whether it counts ("does that count?");
- a part of the message that, read alone, gives a different answer ("4 in total, 3 on the student
  visa and 1 on the graduate one");
- a part said of someone else ("my daughter has a student loan": a parent answering for their
  child, or not);
- years in Europe that don't count for the person's group ("4 years in Germany then 1 here" from
  someone not from the EEA: the parser can't tell which group asks); what is asked back is then the
  years the other parts of the answer give (`years_counted`).
"Not sure" and "undecided" are never doubted (they decide nothing by themselves), nor is a pressed
button or an answer the person corrected themselves.

Chosen on the typed-answer sets already looked at, each read with the parser it was first measured
with (docs/design/eligibility-check.md has the figures): the signal caught about a third of the
readings that were wrong, at the cost of a confirmation for about one answer in twenty.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from bot.eligibility.answers.age import TO_BE_EXACT
from bot.eligibility.answers.nationality import said_only_as_a_place
from bot.eligibility.answers.residence import NOT_COUNTED, STUDY_NAMED, years_since_coming_back
from bot.eligibility.answers.text import clauses, mentions, normalise, own_clauses
from bot.eligibility.numbers import parse_duration_years, words_to_digits
from bot.eligibility.parsing import RESTATED_AFTER_NO, SELF_CORRECTION, parse_answer, parse_choice_by_label
from bot.eligibility.places import (
    CROWN_DEPENDENCIES,
    EEA,
    ENGLAND,
    FAR_AWAY,
    IRELAND,
    OUTSIDE_ENGLAND,
    OVERSEAS_TERRITORIES,
    northern_ireland_left_out,
    not_counted_nearby,
)
from bot.eligibility.questions import NO, NOT_SURE, ROLE_UNDECIDED, YES
from bot.eligibility.wording import RULES

NEVER_DOUBTED = frozenset({NOT_SURE, ROLE_UNDECIDED})
# Permission to work said of an asylum claim: "I have permission to work", "allowed to work"
WORK_ALLOWED_SAID = re.compile(r"\b(?:permission to work|right to work|work permit|work permission|"
                               r"allowed to work|can work|able to work|work rights|working)\b")
# A part read as less than the whole says: "asylum seeker, not allowed to work" is no disagreement
SAME_STORY = frozenset({("asylum_seeker", "asylum_no_work"), ("other_permission", "student_dependant"),
                        ("study", "student_dependant")})
HEDGE = re.compile(r"\b(?:think|probably|maybe|might|not sure|unsure|can'?t be sure|guess|reckon|believe|"
                   r"perhaps|possibly|i suppose|not certain|don'?t remember|can'?t remember|not 100)\b")
# A student loan said as one they have, and words of funding for a course now
LOAN_HELD = re.compile(r"\b(?:i (?:have|'ve got|got|have got)|i'?ve got|ive got)\s(?:a\s)?"
                       r"(?:student\s)?loan\b")
LOAN_NOW = re.compile(r"\b(?:now|currently|at the moment|this year|studying|course|at uni\w*|at college|"
                      r"getting|receiving|get|receive|funding|finance|pays?|paying for|tuition|maintenance|"
                      r"degree|masters?|phd|finish\w*|final year)\b")
# A few weeks, about the weeks a course may run into the apprenticeship
FEW_WEEKS = re.compile(r"\b(?:by|for|within|overlap\w*(?: of)?) (?:about |around |like )?(?:a )?few weeks\b|"
                       r"\bfew weeks (?:of|after|into|past)\b")
# Asking whether what they said qualifies: "CompTIA A+, does that count?", "might be similar?"
COUNTS_QUESTION = re.compile(r"\b(?:count|counts|relevant|similar|enough|qualify|valid|accepted|"
                             r"equivalent|same)\b[^?]{0,60}\?")


def doubted(question: str, text: str, value: object, entities: Sequence[tuple[str, str]] = (),
            answers: Mapping[str, object] | None = None) -> bool:
    """Whether `value`, read from `text` as the answer to `question`, should be confirmed first.
    `answers` are those given so far (the nationality decides which years abroad count)."""
    if value is None or value in NEVER_DOUBTED or parse_choice_by_label(question, text) is not None:
        return False
    lowered = normalise(text)
    nationality = (answers or {}).get("nationality")
    if question == "residence_years" and (abroad_not_counted(lowered, nationality) or
                                          study_years_in_the_count(lowered, value, nationality)):
        return True
    if HEDGE.search(lowered) or COUNTS_QUESTION.search(lowered):
        return True
    if question == "immigration_status" and value == "asylum_seeker" and \
            not WORK_ALLOWED_SAID.search(lowered):
        return True  # "I'm an asylum seeker": whether they may work is not said (most may not)
    if question == "other_programme" and value == "ending_soon" and FEW_WEEKS.search(lowered):
        return True  # "it finishes within a few weeks of the start": about the rule's weeks, maybe more
    if question == "nationality" and said_only_as_a_place(text, entities):
        return True  # "I'm from Dublin": born or raised there, not always a citizen
    if question == "student_loan" and value == YES and LOAN_HELD.search(lowered) and \
            not LOAN_NOW.search(lowered):
        return True  # "I have a student loan": maybe one being repaid, which doesn't count
    if question != "works_in_england" and value in (YES, NO) and _only_a_place_after(lowered, entities):
        return True  # "yea sheffield" to the student loan question: likely an answer to another question
    if question == "works_in_england" and value in (YES, NO) and LIVES_NOT_WORKS.search(lowered) and \
            not WORK_SAID.search(lowered) and not MOSTLY_OR_SHARE.search(lowered):
        # "i live where the home office put me, in Glasgow", "yeah i live in england, chester": a home, not
        # where they'd work (exploratory testers working in Wales, living in England, were told "eligible")
        return True
    if question == "employed_relevant" and value == NO and RELEVANT_SOUNDING_WORK.search(lowered) and \
            not NEGATION_BEFORE_WORK.search(lowered):
        # "admin assistant at the council, i help with processes and reports": a job read as not relevant,
        # with work in it that may be (an exploratory tester's was kept: "not eligible" for Business Analyst)
        return True
    if value in (YES, NO) and _another_answer_after(question, lowered, entities):
        return True  # "yes I live in Birmingham" to the other-programme question: the same
    if SELF_CORRECTION.search(lowered) or RESTATED_AFTER_NO.search(lowered) or \
            (question == "age" and TO_BE_EXACT.search(words_to_digits(lowered))):
        # "25, sorry 26", "in my 30s, 37 to be exact": the parts disagree because the person
        # corrected or narrowed what they said
        return False
    parts = clauses(lowered)
    if len(own_clauses(lowered, children_too=True)) < len(parts):
        return True  # "my daughter is 16": often a parent answering for their child, but maybe not
    if len(parts) < 2:
        return False
    for index, part in enumerate(parts):
        if not re.search(r"[a-z0-9]", part):
            continue  # "No. 👍": an emoji after the answer is no answer of its own
        named = [entity for entity in entities if entity[1].lower() in part]
        if question == "nationality" and said_only_as_a_place(part, named):
            continue  # "born in Lagos, but I'm a British citizen now": where from, then the nationality
        reading = parse_answer(question, part, named)
        if (reading, value) in SAME_STORY:
            continue
        if reading is not None and reading != value and \
                not (reading == NOT_SURE and _settled_by_the_next(question, parts, index, value)):
            return True
    return False


def _settled_by_the_next(question: str, parts: list[str], index: int, value: object) -> bool:
    """ "my T level ends in June, way before": a part read as not sure by itself (an end with no start
    to set it against), settled by the part after it: no other answer given."""
    return index + 1 < len(parts) and parse_answer(question, f"{parts[index]}, {parts[index + 1]}") == value


# A yes or a no, then the rest of the answer: "yea sheffield", "yes, in birmingham"
YES_OR_NO_THEN = re.compile(r"^(?:yes|yeah|yea|yep|yup|yh|ye|no|nope|nah)\b[\s,.!-]{0,3}"
                            r"(?:(?:in|at|from|near)\s)?([a-z][a-z' -]{1,30}?)[\s.!]{0,3}$")
# Towns, regions and countries (not "english" or "abroad": words said of other things too)
PLACE_NAMES = tuple(name for name in (*ENGLAND, *OUTSIDE_ENGLAND, *CROWN_DEPENDENCIES, *OVERSEAS_TERRITORIES,
                                      *IRELAND, *EEA, *FAR_AWAY, "the uk", "uk", "britain")
                    if name not in ("english", "welsh", "scottish", "abroad", "overseas"))


def _only_a_place_after(text: str, entities: Sequence[tuple[str, str]]) -> bool:
    """Whether the answer is a yes or a no and only a place's name after it ("yes, birmingham")."""
    said = YES_OR_NO_THEN.match(text)
    if not said:
        return False
    rest = said.group(1)
    return rest in PLACE_NAMES or any(label in ("GPE", "LOC") and name.lower() == rest
                                      for label, name in entities)


# Where they live, said with nothing of where they would work
LIVES_NOT_WORKS = re.compile(r"\b(?:i live|i'?m living|we live|living|my home is|home is|housed|put me)\b")
WORK_SAID = re.compile(r"\b(?:work\w*|(?<!home )office|job|commut\w*|based|remote\w*|wfh|hybrid|employer|"
                       r"team|relocat\w*|move|moving)\b")
# Work that may be relevant to Business Analyst or Cyber, said beside a job read as not relevant
RELEVANT_SOUNDING_WORK = re.compile(r"\b(?:process(?:es)?|reports?|reporting|data|spreadsheets?|"
                                    r"systems?|requirements|dashboards?|analysis|security)\b")
NEGATION_BEFORE_WORK = re.compile(r"\b(?:no|not|nothing|never|don'?t)\b[^,.;]{0,20}" +
                                  RELEVANT_SOUNDING_WORK.pattern)
# A share of the week or "mostly" said: where the time goes, not only a home
MOSTLY_OR_SHARE = re.compile(r"\b(?:mostly|mainly|half|all|everything|100|\d+ ?%|days?|hours?|time)\b")
# A yes or a no, then more: "yes I live in Birmingham", "yes i have permission to work"
YES_OR_NO_AND_MORE = re.compile(r"^(?:yes|yeah|yea|yep|yup|yh|ye|no|nope|nah)\b[\s,.!-]*(?=[a-z])(.{3,80})$")
# Where they live or work, said as a statement: "I live in Birmingham", "I'm based in London"
WHERE_THEY_ARE = re.compile(r"^(?:i live in|i'?m living in|living in|i'?m in|im in|i'?m based in|im based in|"
                            r"based in|i work in|i'?m working in)\s")
# Questions about a permission or status, where a status said after the yes may be the yes's reason
ABOUT_STATUS = frozenset({"nationality", "euss_status", "other_permission", "immigration_status",
                          "permission_lasts", "residence_years"})


def _another_answer_after(question: str, text: str, entities: Sequence[tuple[str, str]]) -> bool:
    """Whether what follows a yes or a no answers another question and not this one ("yes I live in
    Birmingham" to the loan question, "yes i have permission to work" to the loan question), so the
    yes may be that question's."""
    said = YES_OR_NO_AND_MORE.match(text)
    if not said or question == "works_in_england":
        return False
    rest = said.group(1)
    if parse_answer(question, rest, entities) is not None:
        return False
    if (WHERE_THEY_ARE.match(rest) or WORK_SAID.search(rest)) and \
            parse_answer("works_in_england", rest, entities) not in (None, NOT_SURE):
        return True  # ("yes hybrid, london office" to the loan question: where they'd work)
    return question not in ABOUT_STATUS and (
        bool(re.search(r"\b(?:permission|right) to (?:work|remain|stay)\b", rest)) or
        parse_answer("immigration_status", rest, entities) not in (None, NOT_SURE, "none"))


def _names_one_of(text: str, places: tuple[str, ...]) -> bool:
    """Whether the text names one of the places (Northern Ireland is the UK, not Ireland)."""
    return bool(places) and bool(mentions(northern_ireland_left_out(text), places))


def years_counted(text: str, nationality: object, entities: Sequence[tuple[str, str]] = ()) -> object:
    """The years lived here read from the parts of the answer that name no place whose years don't
    count for their group ("Madrid for 2 years, then moved to Manchester 1 year ago" from an Irish
    citizen: 1), or None when no part is left or it says no length."""
    places = not_counted_nearby(nationality)
    parts = clauses(normalise(text))
    kept = [part for part in parts if not _names_one_of(part, places)]
    if not places or not kept or len(kept) == len(parts):
        return None
    named = [entity for entity in entities if any(entity[1].lower() in part for part in kept)]
    return parse_answer("residence_years", ", ".join(kept), named)


# Counted from the end of their study: "3 years since I finished my masters", "since graduating"
STUDY_ENDED = re.compile(r"\b(?:since|after)\s(?:i\s)?(?:finish\w*|graduat\w*|complet\w*|left|switch\w*)\b")


def study_years_in_the_count(text: str, value: object, nationality: object) -> bool:
    """Whether an answer about years lived here from someone neither British, Irish nor from the EEA
    tells of study here ("4 years, since 2022 (bachelor then masters)") and reads as the plain count,
    the study years not taken off: years on a study visa don't count for their group."""
    if nationality != "other" or value == "all_my_life" or not STUDY_NAMED.search(text) or \
            NOT_COUNTED.search(text) or STUDY_ENDED.search(text) or years_since_coming_back(text) is not None:
        return False  # (born here; or counted from the study's end, or from coming back after it)
    return value == parse_duration_years(text, rule_years=RULES.residence_years)


def abroad_not_counted(text: str, nationality: object) -> bool:
    """Whether an answer about years lived here names a place in Europe whose years don't count for
    their group ("4 years in Germany then 1 here" from someone neither Irish nor from the EEA): Ireland
    counts for Irish and EU/EEA citizens, the EEA and Switzerland for EU/EEA citizens."""
    return _names_one_of(text, not_counted_nearby(nationality))
