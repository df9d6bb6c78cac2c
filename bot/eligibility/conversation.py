"""How a message during the eligibility check is understood, and what the bot says back.

Pure functions over plain data: the Rasa form in actions/eligibility.py only adapts them.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from bot.eligibility.answers.nationality import nationalities_named
from bot.eligibility.answers.qualifications import LEVEL4_SWAPPED
from bot.eligibility.answers.residence import (
    NOT_COUNTED,
    STUDY_NAMED,
    counted_place_named,
    told_of_study_here,
    untimed_time_in,
)
from bot.eligibility.answers.status import NO_WORK
from bot.eligibility.answers.text import clauses, mentions, normalise, parse_yes_no
from bot.eligibility.criteria import Status, at_least, findings
from bot.eligibility.doubt import doubted, years_counted
from bot.eligibility.facts import INDEFINITE_LEAVE, STUDY_IN_THE_PAST, volunteered_facts
from bot.eligibility.numbers import UK_PLACE_NAMES
from bot.eligibility.outcome import Outcome, Verdict, decide
from bot.eligibility.parsing import parse_answer, parse_choice_by_label
from bot.eligibility.places import (
    EEA,
    ENGLAND,
    FAR_AWAY,
    IRELAND,
    OUTSIDE_ENGLAND,
    OVERSEAS_TERRITORIES,
    counted_beyond_uk,
)
from bot.eligibility.questions import NO, NOT_SURE, QUESTIONS, YES
from bot.eligibility.routing import (
    FLOW,
    next_question,
    previous_question,
    relevant_answers,
    relevant_questions,
)
from bot.eligibility.wording import RULES, say, texts
from bot.nlu.safety import in_distress
from bot.replies import HANDOFF_BUTTON, Button, Reply, person_buttons
from bot.roles import ROLES, find_roles

SLOT_PREFIX = "elig_"
FAILURES_SLOT = "elig_failures"
# An answer read with doubt, waiting for the person's "yes, that's right": {"question": q, "value": v}.
UNCONFIRMED_SLOT = "elig_unconfirmed"

# Intents that always interrupt the check (handled by rules, then the pending question is asked again).
COMMANDS = {"stop_check", "restart_check", "explain_question", "human_handoff"}
# Intents that interrupt only when the message is not an answer to the pending question
# ("Irish" can look like "actually I'm Irish", a correction).
QUESTIONS_ASIDE = {
    "faq", "help", "bot_challenge", "change_answer", "non_english", "own_application", "abuse",
    "distress", "next_steps", "delete_my_data", "what_stored",
}
ASIDE_CONFIDENCE = 0.6

# Words that name a question, for "change my nationality answer" or "change where I'll work".
QUESTION_WORDS: dict[str, tuple[str, ...]] = {
    "role": ("role", "job i want", "apprenticeship role"),
    "age": ("age", "how old"),
    "age_at_start": ("turn 16", "by the start"),
    "nationality": ("nationality", "citizenship", "citizen", "passport"),
    "euss_status": ("settled", "pre-settled", "settlement", "euss"),
    "other_permission": ("other permission",),
    "immigration_status": ("visa", "permission", "immigration", "refugee", "status"),
    "residence_years": ("years", "residence", "lived", "living here", "how long", "came back", "moved back",
                        "moved here", "came here", "came over", "arrived"),
    "permission_lasts": ("expire", "expires", "expiry", "end date", "last", "lasts", "permission lasts",
                         "lasts the whole", "whole apprenticeship", "runs out", "valid until", "valid till"),
    "student_loan": ("loan", "student loan", "student finance"),
    "other_programme": ("other apprenticeship", "programme", "course", "training", "end date",
                        "finish date", "apprenticeship ends", "course ends"),
    "prior_qualification": ("degree", "prior qualification", "hnd", "level 4", "my qualification",
                            "qualification answer", "similar qualification", "similar subject"),
    "works_in_england": ("england", "where i work", "where i'll work", "where i will work",
                         "where i'll be working", "where i will be working", "location",
                         "work location", "based", "workplace", "office"),
    "employed_relevant": ("employed", "employment", "my job", "relevant role"),
    "gcses": ("gcse", "gcses"),
    "level3": ("level 3", "a level", "a levels", "btec"),
    "it_qualification": ("it qualification",),
}
CORRECTION = re.compile(r"\b(actually|sorry|i meant|i mean|correction|wait|oops|change|wrong|"
                        r"update|instead|forgot)\b")
# Something said of themselves: "I'm not on another programme", "I do have a student loan"
STATEMENT = re.compile(r"\bi(?:'m| am| do| have| don'?t| haven'?t| get| work| live)\b")
# (not "a change team", "change management": a job's name, said in an answer)
CHANGE_REQUEST = re.compile(r"\b(change|update|correct|fix|edit|redo|wrong)\b(?!\s(?:team|teams|management|"
                            r"manager|managers|programme|programmes|project|projects|lead|analyst|"
                            r"agent|request|requests|control|initiatives?|function|and transformation))")
# "change that to no", "make it a yes": the answer just given, and its new value after
CHANGE_THAT = re.compile(r"\b(?:change|make|put|set|switch)\s(?:that|it|this)(?:\sanswer)?\s(?:to|as|into)\b")
GO_BACK = re.compile(r"^\s*(please\s+)?(go back|back|previous( question)?|last question|undo|"
                     r"go to the previous question|take me back|back one|step back)\s*(please)?[.!]*\s*$")
# A word said before a question that thinks again: "wait, how long is it?"
AFTERTHOUGHT = re.compile(r"^(?:wait|hang on|hold on|sorry|ok|okay|oh|actually)\b[,.!]*\s?"
                          r"(?:(?:quick|one) (?:q|question)\b\s?[,.:!-]*\s?)?")
QUESTION_LIKE = re.compile(r"\?|^\s*(what|how|why|when|where|who|which|can|could|do|does|is|are|"
                           r"will|would|should)\b")
# A question asked after a fact, with no question mark: "im 15, can i do it"
ASKS_SOMETHING = re.compile(r"\b(?:can|could|am|do|does|is|will|would|should|may)\s(?:i|we|he|she|they|it|"
                            r"that|this)\s(?:still\s|even\s)?(?:do|apply|join|get|be|qualify|count|matter|"
                            r"work|affect|eligible|ok|okay|allowed)\b")
MOVED = re.compile(r"\b(came|come|coming|moved|moving|back|lived|living|returned|arrived|visit\w*|holiday)\b")
# The payloads of the check's own yes/no buttons ("Yes, stop", "No, carry on"): pressed while a
# question is pending, they answer a confirmation asked earlier
EARLIER_BUTTONS = ("/affirm", "/deny")
BARE_NUMBER = re.compile(r"^\s*\d{1,6}\s*[.!?]*\s*$")
# Intents of a message the classifier could not place, or placed outside TechTrack: said as a
# question, it is declined ("I don't know") and the pending question asked again.
UNPLACED = {"nlu_fallback", "out_of_scope"}
# Questions whose value can be recognised without being asked ("actually I'm 44").
SELF_EVIDENT = ("age", "role", "nationality")
# The questions asked only of those neither British nor Irish
STATUS_QUESTIONS = frozenset({"euss_status", "other_permission", "immigration_status"})
# British or Irish citizenship said as theirs: "I'm British", "i am an irish citizen"
CITIZEN_SAID = re.compile(r"^(?:but |no,? |actually,? )?(?:i'?m|im|i am)\s(?:a\s|an\s)?(?:british|irish|uk)"
                          r"(?:\s(?:citizen|national))?\b(?!\s(?:visa|passport holder'?s? (?:wife|husband)))")
# Days of the working week said in a place: "3 days in Bristol"
DAYS_IN_A_PLACE = re.compile(r"\b\d\s?days?\s(?:a week\s)?(?:in|at|from)\s[a-z]")


# An answer, then a question about something else: "no. btw how long is the course?", "no also is it
# paid?" (a question about the answer itself, "yes, does that count?", is the answer's own doubt)
# Words that turn from an answer to a question: "btw", "also", "quick q"
ASIDE_WORDS = r"btw|by the way|also|oh and|quick question|quick q|one more thing|another thing|ps"
ANSWER_ENDS = re.compile(r"[.!;,]+|\b(?:" + ASIDE_WORDS + r")\b")
CONNECTOR = re.compile(r"[\s,:.-]*(?:(?:" + ASIDE_WORDS + r"|and also|and)\b[\s,:.-]*)*")
# (a question word first, the question mark may be left out: "how many hours a week is the study")
A_QUESTION = re.compile(r"(?:(?:can|could|do|does|is|are|will|would|should|may|am)\b[^?]{3,150}\?|"
                        r"(?:what|what'?s|whats|how|why|when|where|who|which)\b[^?]{3,150}\??)[\s?!]*")
ABOUT_THE_ANSWER = re.compile(r"\b(?:that|this|it|mine|which|that one)\s(?:\w+\s)?(?:count|counts|matter|"
                              r"matters|ok|okay|enough|relevant|qualify|fine|right|correct|alright|a problem|"
                              # ("does it matter that I live in Wales?" asks about something else)
                              r"an issue)\b(?!\s(?:that|if|whether)\b)|\b(?:next|other) questions?\b|"
                              r"\bwhat else\b|\bwhat now\b|"
                              r"\b(?:am i|is (?:he|she))\s(?:still\s)?eligible\b|"
                              r"\bhow (?:would|do|should|could|can|am) i (?:know|supposed to know|tell)\b")


def ends_with_a_question(lowered: str) -> bool:
    """Whether the message's last sentence is a question ("... right? so yes" is not)."""
    last = [part for part in re.split(r"[.!?]+", lowered) if re.search(r"\w", part)]
    return lowered.rstrip(" !)").endswith("?") or bool(last and QUESTION_LIKE.match(last[-1].strip()))


def answer_then_question(lowered: str, pending: str) -> tuple[str, str] | None:
    """The answer and the question of a message that gives an answer and then asks about something
    else; None when it doesn't, or when the question is about the answer or the pending question."""
    text = lowered.strip()
    for end in ANSWER_ENDS.finditer(text):
        answer = text[:end.start()].strip()
        if not answer or len(answer) > 60 or "?" in answer:
            return None
        question = text[CONNECTOR.match(text, end.start()).end():]
        if A_QUESTION.fullmatch(question):
            if ABOUT_THE_ANSWER.search(question) or says_any(question, QUESTION_WORDS.get(pending, ())):
                return None
            return answer, question
    return None


# "yeah I work in london", typed one question early: where they work is no answer to another yes/no
# question. (Only this topic is distinctive enough: qualifications, jobs and statuses overlap.)
WORKPLACE = re.compile(r"\b(work|working|based|office|job)\b[^,.;]{0,20}\b(in|at|from)\b")


def about_another_question(text: str, pending: str) -> bool:
    """Whether a yes/no answer is about where they will work, or an apprenticeship they are on, while
    another question is pending ("yes i am on a level 3 apprenticeship now" to the loan question)."""
    if pending not in ("other_programme", "level3", "prior_qualification", "it_qualification") and \
            ON_AN_APPRENTICESHIP.search(text) and not says_any(text, QUESTION_WORDS[pending]):
        return True
    if pending == "works_in_england" and SUBJECT_SAID.search(text) and not WORKPLACE.search(text) and \
            not mentions(text, [*ENGLAND, *OUTSIDE_ENGLAND]):
        return True  # "no its civil engineering, bridges n stuff not computers": the degree asked before
    if pending not in (*STATUS_QUESTIONS, "permission_lasts", "residence_years") and \
            VISA_ENDING.search(text) and not says_any(text, QUESTION_WORDS[pending]):
        return True  # "my visa ends next spring but i'll apply to extend it" at the loan question
    if pending in ("works_in_england", "employed_relevant") or not WORKPLACE.search(text):
        return False
    return bool(mentions(text, [*ENGLAND, *OUTSIDE_ENGLAND]))


# A visa's end or extension: what the question about permission lasting was about
VISA_ENDING = re.compile(r"\b(?:visa|permission|leave to remain|brp|permit|pre[- ]?settled(?: status)?)\b"
                         r"[^,.;]{0,30}?\b(?:ends?|ending|"
                         r"expires?|expiring|runs? out|extension|extended)\b|"
                         r"\b(?:extend|renew)\w*\s(?:my\s|the\s)(?:visa|permission|leave|status)\b")
# A subject or qualification said: what the question before was about, not where they will work
SUBJECT_SAID = re.compile(r"\b(?:degree|engineering|physics|chemistry|biology|maths|mathematics|history|"
                          r"computing|computers?|computer science|subject|qualification|hnd|hnc|masters?|"
                          r"bsc|msc|gcses?|a levels?|btec)\b")
# On an apprenticeship now: "i am on level 3 apprenticeship", "doing an apprenticeship"
ON_AN_APPRENTICESHIP = re.compile(r"\b(?:on|doing)\s(?:a\s|an\s|my\s)?(?:level\s\d\s)?(?:[a-z]+\s)?"
                                  r"apprenticeship\b")


# What the question's own words cover: "what counts as level 3?", "what's a relevant role?", "what
# do you mean by similar?"
ASKS_WHAT_COUNTS = re.compile(r"^\s*(?:so\s|but\s|and\s)?(?:what'?s|which'?s|(?:what|which)\s(?:counts?|"
                              r"qualifies|is|are|do you mean by|does [a-z0-9 ]{1,25} mean|kind of|sort of|"
                              r"type of))\b")


# Living here since an age, with no age now: "since i was 12", "since she was 2"
SINCE_AN_AGE = re.compile(r"\bsince (i|he|she|they) (?:was|were) (?:about |around )?\d{1,2}\b")


def _short_of_the_rule(value: object) -> bool:
    """Whether a residence answer is fewer years than the rule asks ("2", "<3")."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        return value < RULES.residence_years
    return isinstance(value, str) and value.startswith("<")


def slot_for(question: str) -> str:
    return SLOT_PREFIX + question


def answers_from_slots(slots: Mapping[str, Any]) -> dict[str, Any]:
    return {q: slots[slot_for(q)] for q, _ in FLOW if slots.get(slot_for(q)) is not None}


def next_slot(answers: Mapping[str, Any], cleared: Sequence[str] = ()) -> str | None:
    """The slot the form asks for next, from the routing; None when the check is decided.
    cleared: questions just cleared to be asked again ("change my years"), asked even when another
    answer already decides the outcome: the person asked to change it, and said they would be."""
    following = next_question(answers)
    if following is None:
        relevant = relevant_questions(answers)
        following = next((q for q in cleared if q in relevant and q not in answers), None)
    return slot_for(following) if following else None


@dataclass(frozen=True)
class AnswerReading:
    """What a message means for the check: new answers (None clears one), or an interruption;
    `acknowledgement` is said before the next question (a change, going back); `to_confirm` is an
    answer read with doubt, {question: value}, asked back before it counts; `asked_beside`, a
    question asked after the answer ("no. btw how long is it?"), answered before the next question."""

    updates: dict[str, Any] = field(default_factory=dict)
    interrupt: bool = False
    understood: bool = True
    acknowledgement: str | None = None
    to_confirm: dict[str, Any] = field(default_factory=dict)
    asked_beside: str | None = None

    @property
    def cleared(self) -> tuple[str, ...]:
        """The questions this message clears, to be asked again."""
        return tuple(question for question, value in self.updates.items() if value is None)


def says_any(lowered: str, words: Sequence[str]) -> bool:
    """Whether the normalised text says one of the words or phrases, as a whole word."""
    return any(re.search(rf"(?<![\w-]){re.escape(word)}(?![\w-])", lowered) for word in words)


def mentioned_questions(text: str, among: Sequence[str] | None = None) -> list[str]:
    lowered = normalise(text)
    return [question for question, words in QUESTION_WORDS.items()
            if (among is None or question in among) and says_any(lowered, words)]


def acknowledge(question: str, value: object) -> str:
    spec = QUESTIONS[question]
    if value is None:
        return say("cleared", summary=spec.summary)
    return say("updated", summary=spec.summary, value=spec.label_for(value))


# Two corrections in one message, joined: "actually I'm 24 not 20, and I finished uni last year so no
# loan now"
TWO_CORRECTIONS = re.compile(r",\s?(?:and|also|plus)\s|\.\s(?:and\s|also\s)?(?=\w)")


def _two_corrections(lowered: str, answers: Mapping[str, Any], pending: str | None) -> AnswerReading | None:
    """Two corrections said together, each changing another answer to a new value: both applied."""
    pieces = [piece for piece in TWO_CORRECTIONS.split(lowered) if piece.strip()]
    if len(pieces) != 2:
        return None
    readings = [read_correction(piece, answers, pending) for piece in pieces]
    if not all(reading is not None and len(reading.updates) == 1 and
               None not in reading.updates.values() and not reading.to_confirm for reading in readings):
        return None
    first, second = (reading.updates for reading in readings if reading is not None)
    if first.keys() == second.keys() or \
            any(answers.get(question) == value for question, value in (*first.items(), *second.items())):
        return None  # the same answer twice, or one left as it was: not two changes
    updates = {**first, **second}
    return AnswerReading(updates=updates, acknowledgement=" ".join(
        reading.acknowledgement or "" for reading in readings if reading is not None).strip())


def read_correction(text: str, answers: Mapping[str, Any], pending: str | None) -> AnswerReading | None:
    """ "change my age to 30" (a new value), "change my nationality" (asked again), "actually I'm
    44" (a value only one question can take); None when the message names no answer to change."""
    lowered = normalise(text)
    both = _two_corrections(lowered, answers, pending)
    if both is not None:
        return both
    named = mentioned_questions(lowered, [q for q in answers if q != pending])
    if len(named) > 1:
        # "change my england answer": prefer the question whose own words were used; then the one
        # named by the longest phrase ("permission lasts the whole..." over "permission").
        exact = [q for q in named if any(w in lowered for w in QUESTION_WORDS[q] if len(w) > 4)]
        named = exact if len(exact) == 1 else named
    if len(named) > 1:
        longest = {q: max(len(w) for w in QUESTION_WORDS[q] if w in lowered) for q in named}
        best = max(longest.values())
        if sum(length == best for length in longest.values()) == 1:
            named = [q for q in named if longest[q] == best]
    if len(named) == 1:
        question = named[0]
        # ("the years one. 6 months amsterdam then 2 years uk": the answer named, then its new value; the
        # "one" of "the years one" is no number)
        lowered = re.sub(r"^(?:the\s)?(?:" + "|".join(re.escape(w) for w in QUESTION_WORDS[question]) +
                         r")\s(?:one|answer|question|bit|part)\b[\s.,:;!-]*", "", lowered)
        if question == "prior_qualification" and LEVEL4_SWAPPED.search(lowered):
            # "sorry not HNC, HND actually": one Level 4 qualification for another, its subject not
            # said again (its "not HNC" is no "no"): asked again
            return AnswerReading(updates={question: None}, acknowledgement=acknowledge(question, None))
        rest = re.split(r"\b(to|is|should be|=|:)\b", lowered, maxsplit=1)
        value = parse_answer(question, rest[-1]) if len(rest) > 1 else None
        stated = [part for part in clauses(lowered) if STATEMENT.search(part)]
        if value is None and stated:
            # "sorry I was wrong, I'm not on another programme": the new answer, said as a statement
            # (the last one: "I was wrong" comes first)
            value = parse_answer(question, CORRECTION.sub(" ", stated[-1]))
            value = None if value == NOT_SURE else value
        if value is None and not CHANGE_REQUEST.search(lowered):
            # "oh wait i just checked my end date, it's only 2 weeks after the start": the new
            # answer, said about the thing the answer was about
            value = parse_answer(question, CORRECTION.sub(" ", lowered))
            value = None if value == NOT_SURE else value
        for part in reversed(clauses(lowered)) if value is None else ():
            # "i got the year wrong, i came back from spain in march 2024": the new answer, said
            # in a clause of its own after saying what was wrong
            if not CHANGE_REQUEST.search(part):
                value = parse_answer(question, CORRECTION.sub(" ", part))
                value = None if value == NOT_SURE else value
                if value is not None:
                    break
        if value is not None:
            return AnswerReading(updates={question: value}, acknowledgement=acknowledge(question, value))
        return AnswerReading(updates={question: None}, acknowledgement=acknowledge(question, None))
    if len(named) > 1:
        return AnswerReading(interrupt=True)  # which one? the change-answer rule asks
    that = CHANGE_THAT.search(lowered)
    latest = previous_question(answers, pending) if that else None
    if that and latest:
        # "..., so change that to no": the answer given last
        value = parse_answer(latest, lowered[that.end():])
        if value is not None:
            return AnswerReading(updates={latest: value}, acknowledgement=acknowledge(latest, value))
    week = bool(DAYS_IN_A_PLACE.search(lowered)) or (bool(re.search(r"\b\d\s?days?\b", lowered)) and
                                                     bool(mentions(lowered, [*ENGLAND, *OUTSIDE_ENGLAND])))
    for question in SELF_EVIDENT:
        if question == "nationality" and (MOVED.search(lowered) or week):
            # "i came back from spain in 2024", "other way round, 2 days edinburgh 3 newcastle": where
            # they were or will work, not their nationality
            continue
        if question in answers and question != pending:
            value = parse_answer(question, CORRECTION.sub(" ", lowered))
            if value not in (None, NOT_SURE) and value != answers[question]:
                return AnswerReading(updates={question: value}, acknowledgement=acknowledge(question, value))
    if "works_in_england" in answers and pending != "works_in_england" and week:
        # "ok actually I could go 3 days in Bristol, 2 in Swansea": a working week, which only the
        # England question takes
        value = parse_answer("works_in_england", CORRECTION.sub(" ", lowered))
        if value in ("yes", "no") and value != answers["works_in_england"]:
            return AnswerReading(updates={"works_in_england": value},
                                 acknowledgement=acknowledge("works_in_england", value))
    return None


def asks_to_go_back(text: str) -> bool:
    return bool(GO_BACK.search(normalise(text)))


def went_back_after_verdict(answers: Mapping[str, Any]) -> AnswerReading | None:
    """ "Go back" after the verdict: the last question answered is asked again."""
    previous = previous_question(answers, None)
    if previous is None:
        return None
    return AnswerReading(updates={previous: None}, acknowledgement=say("went_back"))


def corrects_an_answer(text: str, answers: Mapping[str, Any]) -> bool:
    """After the verdict: a statement that corrects an answer given ("actually I've only lived here
    1 year"), which the classifier may take for an FAQ; a question ("actually, how long...?") is not.
    Also "why? I said it ends in march": the verdict disputed with what they said."""
    lowered = normalise(text)
    if answers and read_dispute(text, answers) is not None:
        return True
    if not answers or not CORRECTION.search(lowered) or QUESTION_LIKE.search(lowered):
        return False
    reading = read_correction(text, answers, None)
    return reading is not None and bool(reading.updates)


# "why? I said it ends in march", "but I told you I'm repaying it": the verdict disputed by saying
# an answer again
# ("no! it ends within 2 weeks of the start": a "no" and its punctuation, then the answer said again)
DISPUTE = re.compile(r"^\s*(?:(?:(?:why|what|how|huh|eh|but|wait|hang on)\b[?!.,\s]*)+"
                     r"(?:i (?:said|told you|already said|mentioned|did say)|"
                     r"i'?ve (?:said|told you))\b[\s,:]*|(?:no+|nope|nah)\s?[!.,]{1,3}\s?)")
# Answers a dispute never changes: who they are, not what the verdict turned on
NOT_DISPUTED = ("role", "age", "nationality")
# Words that put a disputed answer on a question's topic, besides the words that name it
DISPUTE_TOPICS: dict[str, tuple[str, ...]] = {
    "other_programme": ("ends", "finishes", "finished", "bootcamp", "apprenticeship", "it ends"),
    "permission_lasts": ("ends", "expires", "runs out", "visa", "valid"),
    "student_loan": ("student finance", "loans", "repaying", "graduate", "graduated"),
    "prior_qualification": ("masters", "bachelors", "hnd", "subject", "unrelated"),
    "works_in_england": ("days", "work from", "working from", "based in", "in england"),
}


def read_dispute(text: str, answers: Mapping[str, Any]) -> AnswerReading | None:
    """After the verdict, an answer said again with "why? I said...": the one answer it gives a new
    value to (None when it gives none, or more than one)."""
    lowered = normalise(text)
    disputed = DISPUTE.match(lowered)
    if not disputed or not lowered[disputed.end():].strip():
        return None
    rest = lowered[disputed.end():]
    changed = {}
    for question, value in answers.items():
        topic = (*QUESTION_WORDS.get(question, ()), *DISPUTE_TOPICS.get(question, ()))
        if question in NOT_DISPUTED or question not in QUESTIONS or not says_any(rest, topic):
            continue  # ("why? I said I don't have a loan" is no answer about another programme)
        new = parse_answer(question, rest)
        if new not in (None, value):
            changed[question] = new
    if len(changed) != 1:
        return None
    (question, value), = changed.items()
    return AnswerReading(updates={question: value}, acknowledgement=acknowledge(question, value))


# "does my time in the US count?", "would the years in Spain count", "do years spent in Dublin count too"
TIME_THERE_ASKED = re.compile(r"\b(?:does|do|would|will|can)\s(?:my\s|the\s)?(?:time|years?|months?)\s"
                              r"(?:i\s(?:spent|lived)\s|living\s|spent\s|lived\s)?in\s(?:the\s)?"
                              r"([a-z]+(?:\s[a-z]+)?)\s(?:count|counts|matter|be counted|go towards)\b")


NOT_PLACES = frozenset({"that", "this", "there", "it", "those", "them", "my", "a", "an", "total", "all"})


def time_there_place(said: str) -> str | None:
    """The place named in "does my time in <place> count?"."""
    known = (*UK_PLACE_NAMES, *OVERSEAS_TERRITORIES, *IRELAND, *EEA, *FAR_AWAY)
    found = next((name for name in sorted(known, key=len, reverse=True)
                  if said == name or said.startswith(name + " ")), None)
    # (a country the lists don't name, "the US", is far away; "that" or "there" names no place)
    return found or (said.split()[0] if said.split()[0] not in NOT_PLACES else None)


def counted_places(nationality: object) -> tuple[str, ...]:
    """The places whose years count towards the residence rule for a nationality group."""
    return (*UK_PLACE_NAMES, *counted_beyond_uk(nationality))


def read_answer(
    text: str, intent: str, confidence: float, answers: Mapping[str, Any], pending: str | None,
    entities: Sequence[tuple[str, str]] = (), unconfirmed: Mapping[str, Any] | None = None,
    studied_here: bool = False, study_told_before: bool = False,
) -> AnswerReading:
    """Make sense of `text`, said while `pending` was asked (None after the check ended).
    `entities` are spaCy's (label, text) pairs for the message; `unconfirmed` is the answer asked
    back ("is that right?"), when the message replies to that; `studied_here`, that an earlier
    message told of time here on a student visa, not yet reminded of; `study_told_before`, that
    an earlier message told of it at all (the years were then read or asked without it)."""
    reading = _read_answer(text, intent, confidence, answers, pending, entities, unconfirmed, studied_here)
    lowered = normalise(text)
    reading = _told_later(reading, lowered, answers, pending)
    if study_told_before:
        return reading
    return _study_years_told_later(reading, lowered, answers, pending)


# Facts told at a later question than theirs: a student loan held now, a visa or status that runs out
TOLD_LATER = {"student_loan": re.compile(r"\b(?:student (?:loan|finance)|maintenance loan|"
                                         r"tuition (?:fee )?loan)\b"),
              "permission_lasts": VISA_ENDING}
# Where a sentence told in passing starts: "yes, leeds. btw i should mention ..."
ASIDE_START = re.compile(r"[.!?;]|\b(?:btw|by the way|oh wait|also|actually|i should (?:say|mention))\b")


def _told_later(reading: AnswerReading, lowered: str, answers: Mapping[str, Any],
                pending: str | None) -> AnswerReading:
    """ "yes i work in manchester. btw ... still getting student finance" after "no" to the loan question,
    "my visa ends next spring" at the loan question after "yes" to whether it lasts: the earlier answer
    changes too (exploratory testers were told "eligible" on the first answers). `lowered`: the
    message, normalised."""
    if QUESTION_LIKE.match(lowered) or "?" in lowered:
        return reading
    updates, said = dict(reading.updates), []
    for question, topic in TOLD_LATER.items():
        found = topic.search(lowered)
        if question == pending or question not in answers or question in updates or not found or \
                (question == "permission_lasts" and pending in STATUS_QUESTIONS):
            continue
        starts = [m.end() for m in ASIDE_START.finditer(lowered, 0, found.start())]
        value = parse_answer(question, lowered[starts[-1] if starts else 0:])
        if value is not None and value != answers[question]:
            updates[question] = value
            said.append(acknowledge(question, value))
        elif value is not None and pending in updates and \
                _yes_or_no_said_of(question, lowered, pending, found):
            # "no, i finished paying off my student loan" at the England question: the "no" is the loan's
            # (an exploratory tester was told "not eligible: not working in England")
            spec = QUESTIONS[pending]
            earlier = say("noted", summary=spec.summary, value=spec.label_for(updates.pop(pending)))
            left = (reading.acknowledgement or "").replace(earlier, "").strip()
            reading = replace(reading, acknowledgement=left or None)
            said.append(say("kept_as_before", summary=QUESTIONS[question].summary,
                            value=QUESTIONS[question].label_for(value)))
    if not said:
        return reading
    if reading.interrupt or not reading.understood:
        # (nothing else read from the message: the pending question is asked again after the change)
        reading = AnswerReading()
    return replace(reading, updates=updates,
                   acknowledgement=" ".join(part for part in (reading.acknowledgement, *said) if part))


# A bare yes or no, then what it is said of: "no, i finished paying off my student loan"
YES_OR_NO_THEN = re.compile(r"^(?:yes|yeah|yep|yup|no|nope|nah)\b[\s,.!-]+")


def _yes_or_no_said_of(question: str, lowered: str, pending: str | None, topic: re.Match[str]) -> bool:
    """Whether the message is a bare yes or no followed by `question`'s topic, the rest saying nothing
    of the pending question: the yes or no answers the topic's question again, not the pending one."""
    said = YES_OR_NO_THEN.match(lowered)
    if not said or pending is None or topic.start() < said.end() or \
            QUESTIONS[pending].option_values[:2] != (YES, NO):
        return False
    return parse_answer(pending, lowered[said.end():]) is None


# A student visa said not to have been held: "never had a student visa", "wasn't on a student visa"
NO_STUDY_VISA = re.compile(r"\b(?:never|not|wasn'?t|weren'?t|no|didn'?t|without)\b[^.;,]{0,25}"
                           r"\b(?:student|study|tier 4)\b")


SOMEONE_ELSE = re.compile(r"\b(?:he|she|his|her|him|husband|wife|partner|spouse|son|daughter|friend)\b")


def _study_years_told_later(reading: AnswerReading, lowered: str, answers: Mapping[str, Any],
                            pending: str | None) -> AnswerReading:
    """ "the first 2 of those 4 years I was on a student visa", told after someone with a visa
    answered the years (first mention): those years don't count, so the years are asked again (two
    exploratory testers were told "eligible" on the total, study years and all)."""
    years = answers.get("residence_years")
    if pending == "residence_years" or answers.get("nationality") != "other" or years is None or \
            answers.get("immigration_status") == "student_dependant" or \
            "residence_years" in reading.updates or not told_of_study_here([lowered]) or \
            NO_STUDY_VISA.search(lowered) or SOMEONE_ELSE.search(lowered) or \
            QUESTION_LIKE.search(lowered) or "?" in lowered:
        return reading  # (a dependant's partner's visa, "unless he gets a graduate visa", is not theirs)
    if years != "all_my_life" and not at_least(years, RULES.residence_years):
        return reading  # (fewer years without the study ones change nothing)
    updates, earlier = dict(reading.updates), reading.acknowledgement
    if updates.get("immigration_status") == "study" and STUDY_IN_THE_PAST.search(lowered) and \
            answers.get("immigration_status") not in (None, "study"):
        # "oh wait actually the first 2 of those years i was on a student visa": years past, not the visa
        # held now (an exploratory tester's skilled worker visa was changed to a student visa)
        del updates["immigration_status"]
        earlier = None
    if updates.get("immigration_status") == "study":
        return reading  # (a student visa now: its years are not asked)
    said = " ".join(part for part in (earlier, say("study_years_told_later")) if part)
    return replace(reading, updates={**updates, "residence_years": None}, interrupt=False,
                   understood=True, acknowledgement=said)


def _age_corrected_at_the_start_question(lowered: str, answers: Mapping[str, Any],
                                         pending: str | None) -> AnswerReading | None:
    """ "oops typo hes 19" when asked whether a 15-year-old will be 16 by the start: the age corrected
    (an exploratory tester's was read as a yes to the start question, the age kept at 15)."""
    if pending != "age_at_start" or not CORRECTION.search(lowered) or not isinstance(answers.get("age"), int):
        return None
    age = parse_answer("age", CORRECTION.sub(" ", lowered))
    if not isinstance(age, int) or age == answers["age"]:
        return None
    return AnswerReading(updates={"age": age}, acknowledgement=acknowledge("age", age))


def _read_answer(
    text: str, intent: str, confidence: float, answers: Mapping[str, Any], pending: str | None,
    entities: Sequence[tuple[str, str]], unconfirmed: Mapping[str, Any] | None, studied_here: bool,
) -> AnswerReading:
    lowered = normalise(text)
    # ("wait, how long does the course last?": a question, not a step back nor a correction)
    asked = "?" in lowered and bool(QUESTION_LIKE.match(AFTERTHOUGHT.sub("", lowered)))
    if pending and (GO_BACK.search(lowered) or (intent == "go_back" and not asked)):
        previous = previous_question(answers, pending)
        if previous is None:
            return AnswerReading(updates={}, acknowledgement=say("nothing_to_go_back_to"))
        return AnswerReading(updates={previous: None}, acknowledgement=say("went_back"))
    if intent in COMMANDS or (intent == "distress" and in_distress(text)):
        return AnswerReading(interrupt=True)
    if text.strip() in EARLIER_BUTTONS:
        # "Yes, stop" pressed after a question asked in between: the confirmation it answered is
        # gone, and "/affirm" is no answer to the pending question
        return AnswerReading(updates={}, acknowledgement=say("earlier_button"))
    value = parse_answer(pending, text, entities) if pending else None
    # ("no. btw how long is the course?": an answer, then a question about something else)
    split = answer_then_question(lowered, pending) if pending else None
    if pending and unconfirmed and unconfirmed.get("question") == pending:
        confirmed = read_confirmation(split[0], pending, unconfirmed.get("value"), entities) \
            if split else None
        if confirmed is not None and split:
            # "yes, in England. where are the offices?": the answer asked back confirmed, then the question
            return replace(confirmed, asked_beside=split[1])
        confirmed = read_confirmation(text, pending, unconfirmed.get("value"), entities)
        if confirmed is not None:
            return confirmed
        if value is None and len(lowered.split()) <= 3 and not CHANGE_REQUEST.search(lowered):
            # "what?", "sorry?", "huh": the answer asked back is asked again, not dropped
            return AnswerReading(understood=False)
    asked_about = TIME_THERE_ASKED.search(lowered) if pending == "residence_years" else None
    place = time_there_place(asked_about.group(1)) if asked_about else None
    if place is not None:
        # "does my time living in the US count?": whether it does for their group, said plainly (an
        # exploratory tester from the US got the EEA answer); years said with it are kept
        counts = place in counted_places(answers.get("nationality"))
        shown = place.upper() if len(place) <= 3 else place.title()  # ("the US", "Spain")
        said = say("time_there_counts" if counts else "time_there_not_counted", place=shown)
        if value is not None and not counts:
            reading = answered_or_asked_back(pending, value, text, answers, entities)
            return AnswerReading(updates=reading.updates, to_confirm=reading.to_confirm,
                                 acknowledgement=" ".join(p for p in (said, reading.acknowledgement) if p))
        return AnswerReading(updates={}, acknowledgement=said)
    if pending == "residence_years" and value is None and isinstance(answers.get("age"), int):
        since = SINCE_AN_AGE.search(lowered)
        if since:
            # "since i was 12": the years from the age said before ("she's" for a parent's child)
            who = "she's" if since.group(1) == "she" else "he's" if since.group(1) == "he" else "i'm"
            value = parse_answer(pending, f"{text}, {who} {answers['age']} now", entities)
    if pending == "residence_years" and _short_of_the_rule(value):
        # (or with the years there in dates the reading may have left out: "UK 2019-2022, then Zurich
        # 2022-2024, then UK again since 2024" was kept as 2 years)
        place = untimed_time_in(text, answers.get("nationality")) or \
            counted_place_named(text, answers.get("nationality"))
        if place is not None:
            # "lived in uk 2 years, before that madrid" from an EU citizen: the years in Madrid count
            # too, so the total is asked for, not the UK years kept (a "not eligible" on 2 years)
            return AnswerReading(updates={}, acknowledgement=say("untimed_years", place=place.title()))
    if pending == "residence_years" and studied_here and answers.get("nationality") == "other" and \
            at_least(value, RULES.residence_years) and not STUDY_NAMED.search(lowered) and \
            not NOT_COUNTED.search(lowered):
        # "4 years", from someone who said they came as a student: the total, study years and all,
        # would pass a rule they may not meet, so the years without them are asked for once
        return AnswerReading(updates={}, acknowledgement=say("study_years_reminder"))
    citizen = CITIZEN_SAID.search(lowered) if pending in STATUS_QUESTIONS else None
    nationality = parse_answer("nationality", citizen.group(0)) if citizen else None
    if nationality in ("uk", "irish") and nationality != answers.get("nationality"):
        # "I'm British, I don't need a visa" when asked for a visa: the nationality was misread, so it
        # changes (and a visa is no longer asked)
        return AnswerReading(updates={"nationality": nationality},
                             acknowledgement=acknowledge("nationality", nationality))
    if pending and value in ("yes", "no") and len(lowered.split()) > 2 and \
            about_another_question(lowered, pending):
        value = None  # "yeah I work in london" is no answer to "do you have a degree?"
    asks_to_change = intent == "change_answer" or bool(CHANGE_REQUEST.search(lowered))
    # (a bare number, "19" at the role question, is no question about anything: not an aside)
    aside = intent in QUESTIONS_ASIDE and confidence >= ASIDE_CONFIDENCE and not BARE_NUMBER.match(lowered)
    # A question about something else is not an answer, even when it contains one (but "IT support,
    # does that count?" asks about the answer, and "bristol is england right? so yes" ends with one).
    question_aside = aside and bool(QUESTION_LIKE.search(lowered)) and not (
        value is not None and (ABOUT_THE_ANSWER.search(lowered) or not ends_with_a_question(lowered)))
    said_first = parse_answer(pending, split[0], entities) if split and not asks_to_change else None
    if split and said_first is not None:
        # "no. btw how long is the course?": the answer kept, and the question answered before the next
        reading = answered_or_asked_back(pending, said_first, split[0], answers, entities)
        return replace(reading, asked_beside=split[1])
    age_corrected = _age_corrected_at_the_start_question(lowered, answers, pending)
    if age_corrected is not None:
        return age_corrected
    if value is not None and not asks_to_change and not question_aside:
        # An answer to the pending question wins ("sorry, 2 years" while years are asked).
        return answered_or_asked_back(pending, value, text, answers, entities)
    if asks_to_change or (CORRECTION.search(lowered) and not asked):
        correction = read_correction(text, answers, pending)
        if correction is not None:
            return correction
    if value is not None and not question_aside:
        return answered_or_asked_back(pending, value, text, answers, entities)
    if pending and value is None and ASKS_WHAT_COUNTS.search(lowered) and \
            says_any(lowered, (*QUESTION_WORDS[pending], "similar", "relevant", "equivalent")):
        # "what counts as level 3?" while Level 3 is asked: the question's hint, then the question
        # (not the FAQ's answer about Level 4, whose words it shares)
        return AnswerReading(updates={}, acknowledgement=explain(pending, "what does that mean").text)
    if pending and value is None and asks_about_waiting(text) and QUESTION_LIKE.search(lowered):
        # "what if I wait?" mid-check: not the FAQ's answer about leaving the programme, whose words
        # it shares; what time could change is said with the verdict's reasons
        return AnswerReading(updates={}, acknowledgement=say("waiting_mid_check"))
    if pending and intent == "check_eligibility" and confidence >= ASIDE_CONFIDENCE:
        # "Check if I'm eligible" pressed or said again mid-check: no answer, and no "Sorry".
        return AnswerReading(updates={}, acknowledgement=say("already_checking"))
    if pending and value is None and not QUESTION_LIKE.search(lowered) and intent != "change_answer" and \
            not BARE_NUMBER.match(lowered):  # ("19" alone at the role question may be anything)
        told = facts_beside(pending, None, text, answers, entities)
        if told:
            # "I'm 24" at the role question: kept, and the question asked again (not the FAQ's
            # answer about age)
            return AnswerReading(updates=told, acknowledgement=noted(told))
    if pending == "residence_years" and value is None and grew_up_where_it_counts(lowered, answers):
        # "grew up in cork, moved to london in 2020", from an Irish citizen: the UK and Ireland together,
        # all their life (asked back: a break between is not said)
        return AnswerReading(updates={}, to_confirm={pending: "all_my_life"})
    if pending == "residence_years" and value is None and intent != "change_answer" and \
            not QUESTION_LIKE.search(lowered) and RESIDENCE_TOLD.search(lowered):
        # "grew up in galway, only moved to leeds in september 2025": an answer not understood, asked
        # again with its hint (not the FAQ answer whose words it shares)
        return AnswerReading(understood=False)
    if aside or intent == "change_answer" or (intent in UNPLACED and QUESTION_LIKE.search(lowered)) or \
            (intent == "faq" and asked and len(lowered.split()) >= 3):
        # ("do I get a laptop?": a question the bot can't answer, not a wrong answer to this one; "sorry
        # quick q - is the devops one remote?": a question, however unsure the classifier is of it)
        return AnswerReading(interrupt=True)
    return AnswerReading(understood=False)


# Grown up in a place, then moved to the UK: "grew up in cork, moved to london in 2020"
GREW_UP_THEN_MOVED = re.compile(r"^(?:i\s)?(?:grew up|was born and raised|born and raised|was raised|raised|"
                                r"was brought up|brought up)\s(?:in|near)\s([a-z]+(?:\s[a-z]+)?)\s?[,;]?\s"
                                r"(?:and\s|then\s|but\s)?(?:i\s)?(?:moved|came|relocated)\s(?:over\s)?"
                                r"(?:to|here)\b")


def grew_up_where_it_counts(lowered: str, answers: Mapping[str, Any]) -> bool:
    """Whether the answer says they grew up in a place whose years count for their group (Ireland for an
    Irish citizen, Ireland or the EEA for an EU one) and moved here from there."""
    grew = GREW_UP_THEN_MOVED.search(lowered)
    return bool(grew) and bool(mentions(grew.group(1), list(counted_beyond_uk(answers.get("nationality")))))


# Where and how long they have lived, told: a year, a length, an arrival or a whole life
RESIDENCE_TOLD = re.compile(r"\b(?:(?:19|20)\d\d|\d{1,2}\s?(?:years?|yrs?|months?)|life|grew up|born|moved|"
                            r"came|arrived|since|lived|living)\b")


def read_confirmation(text: str, question: str, value: object,
                      entities: Sequence[tuple[str, str]] = ()) -> AnswerReading | None:
    """The reply to "I've understood ...: is that right?": a yes keeps the answer; a no with an
    answer after it takes that one ("no, 6 years"; "no, I don't" to "Student loan: No" says it
    again), a bare no asks the question again. None for anything else, read as a new answer."""
    buttons = {normalise(label): answer for answer, label in confirm_labels().items()}
    said = buttons.get(normalise(text)) or parse_yes_no(text)
    if said == "yes":
        rest = YES_FIRST.sub("", normalise(text))
        if rest and "yes" not in QUESTIONS[question].option_values:
            # "yes but more like 3 and a half really": the value said after the yes is the answer
            closer = parse_answer(question, rest, entities)
            if closer is not None and closer != NOT_SURE:
                return AnswerReading(updates={question: closer})
        return AnswerReading(updates={question: value})
    if said != "no":
        return None
    rest = NO_FIRST.sub("", normalise(text))
    if question == "immigration_status" and value == "asylum_seeker" and NO_WORK.search(rest):
        # "no, not allowed to work yet" to "an asylum seeker with permission to work?"
        return AnswerReading(updates={question: "asylum_no_work"})
    corrected = parse_answer(question, rest, entities) if rest else None
    if corrected is not None:
        return AnswerReading(updates={question: corrected})
    return AnswerReading(updates={}, acknowledgement=say("not_confirmed"))


def confirm_labels() -> dict[str, str]:
    """The confirmation's buttons: {"yes": "Yes, that's right", "no": "No"}."""
    return {"yes": texts()["confirm_yes"], "no": texts()["confirm_no"]}


YES_FIRST = re.compile(r"^\s*(?:yes|yeah|yep|yup|yh|correct|right|that'?s right)\b[\s,.;:!-]*"
                       r"(?:but\b)?[\s,]*")
NO_FIRST = re.compile(r"^\s*(?:no|nope|nah|not right|that'?s (?:not right|wrong)|wrong)\b[\s,.;:!-]*")


# An answer of this many words or more, whose understood value the person didn't type as such, is
# said back before the next question ("came in 2019, no sorry 2020" -> "Noted: Years living here:
# 6."): a misreading shows at once, not only in the verdict's summary. Buttons and "yes" are not.
SAID_BACK_FROM_WORDS = 3


def answered(question: str, value: object, text: str) -> AnswerReading:
    """The pending question answered; said back when it was read from a sentence."""
    spec = QUESTIONS[question]
    label = spec.label_for(value)
    lowered = normalise(text)
    if len(re.findall(r"\w+", lowered)) < SAID_BACK_FROM_WORDS or \
            re.search(rf"(?<![\w-]){re.escape(normalise(label))}(?![\w-])", lowered):
        return AnswerReading(updates={question: value})
    return AnswerReading(updates={question: value},
                         acknowledgement=say("noted", summary=spec.summary, value=label))


def answered_or_asked_back(question: str, value: object, text: str, answers: Mapping[str, Any],
                           entities: Sequence[tuple[str, str]] = ()) -> AnswerReading:
    """The pending question answered, or, when the reading is doubted, asked back first."""
    if doubted(question, text, value, entities, answers):
        if question == "residence_years":
            # (asked back as the years that count for their group, when the answer names others)
            counted = years_counted(text, answers.get("nationality"), entities)
            value = value if counted is None else counted
        extra = facts_beside(question, value, text, answers, entities)
        return AnswerReading(updates=extra, to_confirm={question: value},
                             acknowledgement=noted(extra) if extra else None)
    return answered_with_facts(question, value, text, answers, entities)


def facts_beside(question: str, value: object, text: str, answers: Mapping[str, Any],
                 entities: Sequence[tuple[str, str]] = (), said: Mapping[str, Any] | None = None,
                 ) -> dict[str, Any]:
    """What a message answering `question` says of the questions not yet asked ("I'm 26, British, ...
    I'd like DevOps please" at the role question), as far as it applies with the answers given;
    with `value` None, what it says instead of an answer ("I'm 24" at the role question). `said`: the
    message's facts, when already read."""
    if parse_choice_by_label(question, text) is not None:
        return {}  # a button pressed: its label ("...indefinite leave)") says nothing more
    facts = dict(prefilled(text, entities) if said is None else said)
    # (only what applies with the answers given: no visa for someone with EU Settlement Scheme status)
    applies = relevant_answers({**facts, **answers, **({} if value is None else {question: value})})
    return {q: v for q, v in facts.items() if q != question and q not in answers and q in applies}


def answered_with_facts(question: str, value: object, text: str, answers: Mapping[str, Any],
                        entities: Sequence[tuple[str, str]] = ()) -> AnswerReading:
    """The pending question answered, with what the same message says of questions not yet asked
    ("34, British, been here all my life" at the age question) and, for indefinite leave, that it
    lasts: each noted and said back, so nothing is asked twice or dropped unsaid."""
    reading = answered(question, value, text)
    if parse_choice_by_label(question, text) is not None:
        return reading  # a button pressed: its label ("...indefinite leave)") says nothing more
    lowered = normalise(text)
    facts = prefilled(text, entities)
    extra = facts_beside(question, value, text, answers, entities, facts)
    # "actually I'm 24 not 42, typo. I'm on a skilled worker visa": an earlier answer corrected too
    # (not a nationality only inferred from a visa: "no, skilled worker visa instead" from a Greek citizen)
    corrected = {q: v for q, v in facts.items() if q != question and q in answers and answers[q] != v and
                 (q != "nationality" or nationalities_named(lowered))} if CORRECTION.search(lowered) else {}
    if question == "immigration_status" and value == "other_permission" and INDEFINITE_LEAVE.search(lowered):
        extra["permission_lasts"] = "yes"
    if not extra and not corrected:
        return reading
    said = " ".join(part for part in (*(acknowledge(q, v) for q, v in corrected.items()),
                                      reading.acknowledgement, noted(extra) if extra else None) if part)
    return AnswerReading(updates={**corrected, **reading.updates, **extra}, acknowledgement=said)


# Answers that depend on the role: whether a subject is "similar" to the apprenticeship (a computer
# science degree is similar to Software Developer, maybe not to Business Analyst), and whether a job is
# relevant to it (IT support is relevant to Cyber Security, maybe not to Business Analyst).
ROLE_RELATIVE = ("prior_qualification", "employed_relevant")


def apply_updates(answers: Mapping[str, Any], updates: Mapping[str, Any]) -> dict[str, Any]:
    """The answers after `updates`, without those that no longer apply (a new role clears the
    answers that depend on it, to be asked again)."""
    merged = {**answers, **updates}
    if "role" in updates and answers.get("role") not in (None, updates["role"]):
        merged = {q: a for q, a in merged.items() if q not in ROLE_RELATIVE or q in updates}
    if "nationality" in updates and answers.get("nationality") not in (None, updates["nationality"]) and \
            "residence_years" not in updates:
        # The years were asked for the places that count for the old group (the UK and the EEA for
        # an EU citizen): asked again for the new one's
        merged.pop("residence_years", None)
    return relevant_answers({q: a for q, a in merged.items() if a is not None})


def slot_events(before: Mapping[str, Any], after: Mapping[str, Any]) -> dict[str, Any]:
    """Slot values to set so the slots hold `after` (None clears a slot)."""
    changed = {slot_for(q): a for q, a in after.items() if before.get(q) != a}
    cleared = {slot_for(q): None for q in before if q not in after}
    return {**changed, **cleared}


def prefilled(text: str, entities: Sequence[tuple[str, str]] = (),
              known: Mapping[str, Any] | None = None) -> dict[str, Any]:
    """Facts the person volunteered when asking to start ("I'm 24, British, ..."). With `known`,
    the facts noted from an earlier message, a status said alone ("settled", after "I'm Swiss") is
    read as that nationality's and added to them."""
    known = known or {}
    facts = volunteered_facts(text, entities, known.get("nationality"))
    if known and facts and set(facts) <= {"euss_status", "immigration_status"}:
        facts = {**known, **facts}
    return relevant_answers(facts)


def with_more_facts(text: str, entities: Sequence[tuple[str, str]],
                    known: Mapping[str, Any]) -> dict[str, Any] | None:
    """The facts noted so far with what a statement adds ("I've been here 2 years" after "I'm on a
    dependant visa"), or None when it adds nothing."""
    said = volunteered_facts(text, entities, known.get("nationality"))
    before = relevant_answers(dict(known))
    after = relevant_answers({**known, **said})
    return after if said and after != before else None


def role_among_several(text: str) -> str | None:
    """For a message naming more than one role ("thinking cyber or devops, prob devops since ..."), the
    one chosen, or undecided; None when it names fewer (an exploratory tester's first-named role was
    checked, not the one leant to)."""
    if len({key for _, _, key in find_roles(text)}) < 2:
        return None
    return parse_answer("role", text)


def noted(facts: Mapping[str, Any]) -> str:
    """ "From what you said, I've noted: Age: 24, Nationality: British..." """
    shown = [f"{QUESTIONS[q].summary}: {QUESTIONS[q].label_for(v)}" for q, v in facts.items()]
    return say("prefilled", facts="; ".join(shown))


def noted_and_what_it_means(facts: Mapping[str, Any]) -> str:
    """The facts noted and, where they already fail a criterion on their own ("I'm on a student
    visa"), why: a fact told is not just filed away when it decides something."""
    reasons = texts()["reasons"]
    failed = dict.fromkeys(reasons[f.reason] for f in findings(facts) if f.status is Status.FAIL)
    said = noted(facts)
    return f"{said} {say('noted_fail', reasons=' '.join(failed))}" if failed else said


# --- what the bot says ---------------------------------------------------------------------------

def _buttons(question: str) -> tuple[Button, ...]:
    return tuple(Button(o.label, o.label) for o in QUESTIONS[question].choices())


def ask(question: str, answers: Mapping[str, Any] | None = None, failures: int = 0,
        first: bool = False, unconfirmed: Mapping[str, Any] | None = None) -> Reply:
    """The question (worded for the person's group), with a hint after an answer that didn't fit,
    and more help after two; or, for an answer to it read with doubt, that answer asked back."""
    spec = QUESTIONS[question]
    if unconfirmed and unconfirmed.get("question") == question:
        labels = confirm_labels()
        text = say("confirm", summary=spec.summary, value=spec.label_for(unconfirmed.get("value")))
        if failures:
            text = say("not_understood", hint=texts()["confirm_hint"]) + "\n\n" + text
        return Reply(text, (Button(labels["yes"], labels["yes"]), Button(labels["no"], labels["no"])))
    prompt = spec.prompt_for(dict(answers or {}))
    text = prompt
    if first:
        text = texts()["intro"] + "\n\n" + prompt
    if failures == 1:
        text = say("not_understood", hint=spec.hint) + "\n\n" + prompt
    elif failures >= 2:
        text = say("still_not_understood", why=spec.why, hint=spec.hint) + "\n\n" + prompt
    return Reply(text, _buttons(question))


def which_answer() -> Reply:
    return Reply(texts()["which_answer"])


# Asking what the question means rather than why it is asked: "what does that mean?", "what's that?"
ASKS_MEANING = re.compile(r"\b(?:mean|means|meaning|understand|explain|what'?s that|what is that|"
                          r"what are (?:they|those))\b")


def explain(question: str | None, text: str = "", asked_back: bool = False) -> Reply:
    """ "Why?": why the question is asked; "what does that mean?": that, and how to answer it;
    while an answer is asked back, why it is."""
    if question is None:
        return Reply(texts()["why_default"])
    if asked_back:
        return Reply(texts()["why_confirm"])
    spec = QUESTIONS[question]
    why = say("why_prefix", why=spec.why)
    if ASKS_MEANING.search(normalise(text)):
        return Reply(f"{why} {spec.hint}", _buttons(question))
    return Reply(why)


def _role_button(role: str) -> Button:
    return Button(say("check_for_role", role=ROLES[role].name),
                  '/check_eligibility{"role": "' + role + '"}')


# "Can I apply for another role instead?" after a verdict, no role named: which one, answers kept.
# ("another apprenticeship" is the other-programme rule's, not a role)
ANOTHER_ROLE = re.compile(r"\b(?:another|a different|the other|other|different)\s(?:role|one|job|route)s?\b")


# "What if I wait a year?", "so if I wait another year I can apply?", "could I apply next year?",
# "what about when I'm 16?", "what if she waits a year?"
WAITING = re.compile(r"\b(?:if (?:i|he|she|they|we) waits?|wait(?:s|ing)? (?:(?:another|a|one|a few|"
                     r"a couple of|until|till|til) )?(?:year|years|months?|next year)|next year|"
                     r"in a year(?:'s time)?|a year from now|"
                     r"when (?:i'?m|she'?s|he'?s|they'?re) (?:\d{2}|older)|"
                     r"when (?:i|she|he|they) turns? \d{2}|(?:later|next|another|future) intake)\b")


def asks_about_waiting(text: str) -> bool:
    """ "what if I wait a year?", "could I apply next year?" ("she'll get settled status next year
    anyway", said to correct an answer, asks nothing)."""
    lowered = normalise(text)
    said = WAITING.search(lowered)
    if said is None:
        return False
    if said.group(0) in ("next year", "in a year", "in a year's time", "a year from now"):
        return "?" in lowered or bool(re.search(r"\bwhat if\b|^(?:so |and |but )?(?:can|could|would|will|"
                                                r"should|do|does|is|am)\b", lowered))
    return True


def if_waiting(answers: Mapping[str, Any]) -> Reply:
    """ "What if I wait a year?" after the verdict: which of its reasons time alone can change,
    never a promise (the rules can't see the future), and how to try a different answer."""
    words = texts()["if_waiting"]
    standing = [f.reason for f in findings(answers) if f.status is not Status.PASS]
    keys = ["residence_short" if reason.endswith("_residence_short") else
            "age_fail" if reason.startswith("age_at_start") else reason for reason in standing]
    changing = [key for key in keys if key in words["how"]]
    how = f"{words['how'][changing[0] if changing else 'none']} {words['intake']}"
    if not changing:
        return Reply(f"{words['none']} {how}")
    lines = [words["intro"], *_bullets([words[key] for key in changing])]
    if len(changing) < len(standing):
        lines += [words["rest"], ""]
    return Reply("\n".join([*lines, how]))


def asks_for_another_role(text: str) -> bool:
    return bool(ANOTHER_ROLE.search(normalise(text)))


def asked_which_other_role(bot_text: str) -> bool:
    """Whether the bot's last message asked which role to check instead (a role typed next is that)."""
    return say("which_other_role") in bot_text


def which_other_role(answers: Mapping[str, Any]) -> Reply:
    """The roles to check instead, one button each; the answers that still apply are kept."""
    others = [role for role in ROLES if role != answers.get("role")]
    return Reply(say("which_other_role"), tuple(_role_button(role) for role in others))


PERSON_BUTTON = HANDOFF_BUTTON  # only offered when a contact is configured (offer_person)
QUESTION_BUTTON = Button("Ask a question", "/ask_question")


def _bullets(items: Sequence[str]) -> list[str]:
    return [f"- {item}" for item in items] + [""]


def _follow_up_buttons(outcome: Outcome, offer_person: bool) -> tuple[Button, ...]:
    return (*(_role_button(role) for role in outcome.other_roles), QUESTION_BUTTON,
            *person_buttons(offer_person))


def verdict(answers: Mapping[str, Any], offer_person: bool = False) -> tuple[Outcome, Reply]:
    """The verdict; `offer_person` adds the button to contact the admissions team (only when a
    contact is configured: Settings.offers_person)."""
    outcome = decide(answers)
    words = texts()["verdict"]
    lines = [outcome.headline, ""]
    if outcome.reasons:
        lines.append(words["why"] if outcome.verdict is not Verdict.ELIGIBLE else words["note"])
        lines += _bullets(outcome.reasons)
    if outcome.also_check:
        lines.append(words["also_check"])
        lines += _bullets(outcome.also_check)
    lines.append(words["told"])
    lines += _bullets([f"{asked}: {said}" for asked, said in outcome.answered])
    lines += [words["change"], "", words["next"]]
    lines += _bullets(outcome.next_steps)
    lines.append(words["follow_up"])
    return outcome, Reply("\n".join(lines), _follow_up_buttons(outcome, offer_person))


def verdict_reasons(answers: Mapping[str, Any]) -> Reply:
    """ "why?" after the verdict: the reasons again (or that nothing stood in the way)."""
    outcome = decide(answers)
    words = texts()["verdict"]
    if not outcome.reasons:
        # ("why?" after "you meet the criteria": which answers met them, not the headline alone)
        met = [f"{summary}: {value}" for summary, value in outcome.answered]
        return Reply("\n".join([outcome.headline, "", words["all_met"], *_bullets(met)]).strip() if met
                     else outcome.headline)
    label = words["why"] if outcome.verdict is not Verdict.ELIGIBLE else words["note"]
    also = [words["also_check"], *_bullets(outcome.also_check)] if outcome.also_check else []
    return Reply("\n".join([outcome.headline, "", label, *_bullets(outcome.reasons), *also]).strip())


def verdict_next_steps(answers: Mapping[str, Any], offer_person: bool = False) -> Reply:
    """ "what now?" after the verdict: the next steps again."""
    outcome = decide(answers)
    return Reply("\n".join([texts()["verdict"]["next"], *_bullets(outcome.next_steps)]).strip(),
                 _follow_up_buttons(outcome, offer_person))


def place_rule_entry(place: str) -> str | None:
    """The FAQ entry for a move to `place` ("Carlisle": being based in England; "Cardiff": working
    partly outside England), or None for a place the check doesn't know."""
    named = mentions(place, [*ENGLAND, *OUTSIDE_ENGLAND])
    if not named:
        return None
    return "based_in_england" if named[0][1] in ENGLAND else "part_time_in_england"
