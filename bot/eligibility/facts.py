"""Facts people volunteer in one message ("Am I eligible? I'm 24, British, lived here all my life,
interested in software development"), so the check asks only what is left.

Only statements that can mean one thing are taken; anything doubtful is left for its question.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from bot.eligibility.answers.nationality import (
    hyphens_between_names_spaced,
    nationalities_named,
    parse_nationality,
)
from bot.eligibility.answers.residence import STUDIED_HERE, parse_residence_years
from bot.eligibility.answers.status import parse_euss_status, parse_immigration_status
from bot.eligibility.answers.text import clauses, mentions, normalise, own_clauses
from bot.eligibility.nationalities import NAMES
from bot.eligibility.numbers import UK_PLACES, parse_duration_years
from bot.eligibility.places import ENGLAND, FAR_COUNTRIES, UK_OUTSIDE_ENGLAND, counted_beyond_uk
from bot.eligibility.questions import NO, NOT_SURE, YES
from bot.roles import find_role, find_roles

AGE = re.compile(r"\b(?:i'?m|i am|im|aged?|age is)\s+(?:actually\s+|really\s+|only\s+|just\s+)?(\d{2})\b"
                 r"(?!\s*(?:years?|yrs?)\s+(?:in|here|living))|"
                 r"\b(\d{2})\s*(?:years? old|yrs? old|yo|y/o)\b")
# A parent checking for their child: "checking for my daughter", "asking for my son"
THEIR_CHILD = r"(?:my|our) (?:son|daughter|child|kid|boy|girl|teenager)"
FOR_A_CHILD = re.compile(r"\b(?:for|on behalf of) " + THEIR_CHILD + r"\b|"
                         # "can my daughter apply for devops? she's 15"
                         r"\b(?:can|could|would|will|is|does) " + THEIR_CHILD +
                         r" (?:apply|be eligible|qualify|do|join|go for|get on)\b|"
                         # "my son is 17 and wants to do the software developer one"
                         r"\b" + THEIR_CHILD + r"(?: is|'s) (?:\d{1,2}|sixteen|seventeen|eighteen|"
                         r"nineteen)\b")
CHILDS_WORDS_AS_OWN = {"my son is": "i am", "my daughter is": "i am", "my child is": "i am",
                       "my son's": "i'm", "my daughter's": "i'm",
                       "she's": "i'm", "shes": "i'm", "he's": "i'm", "hes": "i'm", "she is": "i am",
                       "he is": "i am", "all her life": "all my life", "all his life": "all my life",
                       "her whole life": "my whole life", "his whole life": "my whole life"}
CHILDS_WORDS = re.compile(r"\b(?:" + "|".join(re.escape(w) for w in CHILDS_WORDS_AS_OWN) + r")(?!\w)")
# Nationality names as a regex alternation, longest first
NATIONALITY_WORDS = "|".join(re.escape(name) for name in sorted(NAMES, key=len, reverse=True))
# An age said alone as one of a list of facts: "30, british, devops", "I'm Irish, 24, moved over..."
# ("... cyber security technologist. 24, british", "26 swiss, ...": after a full stop, or before a
# nationality)
AGE_IN_A_LIST = re.compile(r"(?:^|[,;!?]|\.\s)\s*(\d{2})\s*(?=,|;|$|\s(?:and|&)\s|\s(?:" + NATIONALITY_WORDS +
                           r")\b)")
# A whole life in the UK, said without a length: "always lived in manchester", "born and bred here"
ALWAYS_HERE = re.compile(r"\b(?:always lived|lived all my life|born and (?:bred|raised)|"
                         # "born here never left"
                         r"born here,? (?:and )?(?:never left|never moved away|been here ever since|"
                         r"always lived here))"
                         r"(?:\s(?:here|in (?:the )?([a-z]+(?: [a-z]+)?)))?")
# A whole life in a place, said after it: "lived in Birmingham my whole life", "lived here all my life"
WHOLE_LIFE_IN = re.compile(r"\blived (?:here|in (?:the )?([a-z]+(?: [a-z]+)?)) (?:all my life|my whole life|"
                           r"my entire life|all of my life)\b")
EXCEPT_AFTER = re.compile(r"\b(?:apart from|except|other than|besides|but)\b")
# The years said before "here" or the UK: "5 years here", "6 years in the uk"
YEARS_HERE = re.compile(r"(?:^|[\s,;(])((?:\d{1,2}(?:\.\d)?|a|one|two|three|four|five|six|seven|eight|nine|"
                        r"ten|a couple of) (?:years?|yrs?|months?)) (?:here|in (?:the )?uk|in england|"
                        r"in britain|in the united kingdom|living here)\b")
# Other places named: a stay there is for the residence question to count ("5 years here, 2 in Spain")
OTHER_PLACE_SAID = re.compile(r"\b(?:in|from|to) (?!the uk\b|uk\b|england\b|britain\b|the united kingdom\b|"
                              r"here\b)(?:the )?[a-z]+\b")
# No student loan, and no other course, said of themselves: "no student loan", "not on any course"
NO_LOAN = re.compile(r"\b(?:no|not on an?y?|not getting an?y?|don'?t have an?y?|never had an?y?) "
                     r"(?:student )?(?:loans?|student finance)\b")
NO_OTHER_PROGRAMME = re.compile(r"\b(?:not on|not doing|not studying|no) (?:any|another|an?y? other) "
                                r"(?:courses?|programmes?|apprenticeships?|training)\b|"
                                r"\bno (?:other )?(?:courses?|apprenticeships?)\b")
# A course or apprenticeship they are on now, said to end: "currently on a level 3 apprenticeship, it
# finishes in 3 weeks"
COURSE_NOW_ENDING = re.compile(r"\b(?:i'?m|im|i am|currently|now)\b[^.;?]{0,30}\b(?:on|doing)\s(?:a|an|my)\s"
                               r"[^.;?]{0,30}?\b(?:apprenticeship|course|programme|traineeship)\b[^.;?]{0,30}?"
                               r"\b(?:finish\w*|ends?|ending|done|over|completes?)\b")
# Indefinite leave, named in an answer or an opening message: it cannot run out, so whether it lasts
# the whole apprenticeship is not asked ("ILR", "settlement visa")
INDEFINITE_LEAVE = re.compile(r"\b(?:indefinite leave|ilr|settlement (?:visa|status)|permanent residen\w*)\b")
# The UK and its countries: places, said as nationalities only with "I'm from" or "born in"
UK_COUNTRIES = frozenset({*UK_PLACES, "united kingdom"})
UK_NAMES = (*UK_COUNTRIES, "this country")
UK_STAY = (*UK_NAMES, *ENGLAND, *UK_OUTSIDE_ENGLAND)
FROM_BEFORE = re.compile(r"\b(?:(?:i'?m|im|i am) (?:originally )?from|born in)\s(?:the\s)?$")
QUALIFICATION_AFTER = re.compile(r"\s(?:highers?|advanced highers?|nationals?|gcses?|a[- ]?levels?|degree|"
                                 r"qualifications?|diploma|certificates?|school|college|uni|university|exams?|"
                                 r"equivalents?|baccalaureate|bac)\b")
RESIDENCE = re.compile(
    r"\b(lived|living|been|resident|here)\b[^.;?!]{0,40}?\b(all my life|my whole life|since (i was )?born|"
    r"since (19|20)\d\d|for (\d+|a|one|two|three|four|five|six|seven|eight|nine|ten|a couple of)"
    r"(\.\d+)? (years?|months?)|(\d+) (years?|months?))"
)
NATIONALITY_CUES = re.compile(r"\b(i'?m|i am|im|as an?|citizen|national|nationality|passport)\b")
# A scheme by name, not the nationality alone: "Afghan" answers the nationality question.
STATUS_CUES = re.compile(r"\b(visa|refugee|asylum|settled|pre-?settled|leave to remain|ilr|"
                         r"(?:as|on) an? dependant|dependant (?:of|on)|"
                         r"humanitarian|stateless|permit|arap|acrs|homes for ukraine)\b|"
                         r"\b(ukraine|ukrainian|afghan|afghanistan)\b[^.;?!]{0,30}\b(scheme|resettlement|relocation)")


# Time spent somewhere else, said beside the years: which years are in the UK is for the residence
# question to ask ("lived in the US for ten years, back six months", "came back last year").
TIME_ELSEWHERE = re.compile(r"\b(abroad|overseas|back (?:to|in|from|home)|came back|moved back|returned|"
                            r"before that|prior to that|went back|away from the uk)\b|"
                            r"\b(?:lived|living|been|spent)\b[^.;?!]{0,20}\bin (?!the uk\b|uk\b|england\b|"
                            r"britain\b|great britain\b|the united kingdom\b|here\b)(?:the )?"
                            r"([a-z]+(?: [a-z]+)?)")


def time_elsewhere(text: str) -> bool:
    """Time said to be spent somewhere other than the UK ("lived in the US for ten years", "came
    back last year"); a place in the UK ("lived in belfast 10 years") is no elsewhere."""
    for found in TIME_ELSEWHERE.finditer(text):
        place = found.group(2)
        if place is None or not any(place == name or place.startswith(name + " ") for name in UK_STAY):
            return True
    return False


# A length of time said: "18 months", "4 yrs"
LENGTH_SAID = re.compile(r"\b\d{1,2}(?:\.\d)?\s?(?:years?|yrs?|months?)\b")


def _years_in_the_uk_and_the_eea(text: str) -> float | None:
    """For an EU, EEA or Swiss citizen, the years here and in the EEA together, when the message tells
    both and no time anywhere else (an exploratory tester's "18 months" here after "4 yrs in berlin"
    was then answered alone: "not eligible")."""
    told = ", ".join(part for part in clauses(text) if LENGTH_SAID.search(part))
    if len(LENGTH_SAID.findall(told)) < 2 or not mentions(told, counted_beyond_uk("eu_eea")) or \
            mentions(told, FAR_COUNTRIES) or re.search(r"\b(?:abroad|overseas|travell\w*)\b", told):
        return None
    years = parse_residence_years(told)
    return years if isinstance(years, float) else None


def said_of_themselves(text: str, entities: Sequence[tuple[str, str]]) -> bool:
    """Whether a nationality only spaCy found ("Nigerian") is said as theirs: "I'm Nigerian", "a
    Nigerian national". spaCy also tags words such as a shop's name or a job as nationalities."""
    for label, value in entities:
        name = re.escape(value.lower())
        if label == "NORP" and re.search(rf"\b(?:i'?m|i am|im|as an?|from)\s+(?:an?\s+)?{name}\b|"
                                         rf"\b{name}\s+(?:citizen|national|passport|nationality)\b", text):
            return True
    return False


# A status asked about, not said to be held: "do I need pre settled status", "should I get settled
# status first", "would I have to have refugee status", "is a visa required"
STATUS_ASKED_ABOUT = re.compile(
    r"\b(?:do|does|would|will|should|must|can|could)\s(?:i|you|we|one|they|he|she)\s(?:still\s|also\s)?"
    r"(?:need|have to (?:have|get|hold)|require|get|apply for|be given|qualify for)\b|"
    r"\b(?:is|are)\s[^,.;?!]{1,30}\b(?:needed|required|necessary|a must)\b|"
    r"\b(?:what|which)\s(?:status|visa|permission|leave)\b")


# A number said, then corrected at once: "72, sorry I mean 27", "27, no wait 28", "42 typo 24"
NUMBER_CORRECTED = re.compile(r"(?<![\d.])\d{1,3}\s?[,.!-]?\s(?:sorry|oops|typo|no wait|wait|i mean|i meant)"
                              r"[\s,.!-]{1,3}(?:i mean\s|i meant\s|i'?m\s|it'?s\s|make that\s)?(\d{1,3})"
                              r"(?!\d|\.\d)")


# British citizenship gained, said beside the nationality before it
BECAME_BRITISH = re.compile(r"\b(?:became|become|got|was granted|naturali[sz]ed as|now)\s(?:a\s)?british"
                            r"(?:\s(?:citizen|citizenship))?\b(?!\s(?:soon|next|in the future))|"
                            r"\bbritish (?:now|citizen now)\b|\bnaturali[sz]ed\b")
# A case supposed, not told: "what if I was a refugee?", "suppose I had settled status"
SUPPOSED = re.compile(r"^\s*(?:so\s|and\s|but\s|ok\s|okay\s)?(?:what if|what about if|suppose|supposing|"
                      r"imagine|hypothetically|let'?s say|if (?:i|she|he|they|we|you) (?:was|were|had|got|"
                      r"became|did|switched|change[ds]?))\b")


def volunteered_facts(text: str, entities: Sequence[tuple[str, str]] = (),
                      nationality: str | None = None) -> dict[str, Any]:
    """The facts a message gives about the person. `nationality`, noted from an earlier message,
    reads a status said alone ("settled", after "swiss") as that group's."""
    lowered = normalise(text)
    parts = clauses(lowered)
    said = [part for part in parts if not SUPPOSED.match(part)]
    if len(said) < len(parts):
        lowered = ", ".join(said)  # "what if she was a refugee?": a case supposed, no fact of theirs
    if FOR_A_CHILD.search(lowered):
        # "checking for my daughter, shes 15, british, lived here all her life": the child's facts are the
        # applicant's, said as the parent says them
        lowered = CHILDS_WORDS.sub(lambda match: CHILDS_WORDS_AS_OWN[match.group(0)], lowered)
    own = own_clauses(lowered)
    if len(own) < len(clauses(lowered)):
        # "my husband has settled status, I'm 30": what is said of someone else is no fact of theirs
        lowered = ", ".join(own)
    # "age 72, sorry I mean 27": the number said last is the one meant
    lowered = NUMBER_CORRECTED.sub(r"\1", lowered)
    facts: dict[str, Any] = {}
    role = find_role(lowered)
    if role is not None:
        facts["role"] = role
    age = AGE.search(lowered)
    if age:
        value = int(age.group(1) or age.group(2))
        if 10 <= value <= 100:
            facts["age"] = value
    listed = [int(found.group(1)) for found in AGE_IN_A_LIST.finditer(lowered)]
    if "age" not in facts and len(listed) == 1 and 14 <= listed[0] <= 80:
        facts["age"] = listed[0]  # ("30, british, lived here all my life": the one number said alone)
    # not "in the UK", nor the UK's countries said as places ("3 days in England and Wales 2"), nor a
    # qualification's ("scottish highers")
    groups = {NAMES[name] for pos, name in nationalities_named(lowered)
              if (name not in UK_COUNTRIES or FROM_BEFORE.search(lowered[max(0, pos - 20):pos])) and
              not QUALIFICATION_AFTER.match(lowered, pos + len(name))}
    named = groups or any(label == "NORP" for label, _ in entities)
    dual = hyphens_between_names_spaced(lowered) != lowered or bool(re.search(r"\bdual\b", lowered))
    # ("Nigerian originally but became a British citizen in March": the nationality they have now)
    became = len(groups) > 1 and BECAME_BRITISH.search(lowered) is not None
    if named and (NATIONALITY_CUES.search(lowered) or entities) and (len(groups) <= 1 or dual or became):
        # Only a nationality by name: "I'm on another apprenticeship" is no nationality. Two groups
        # named ("Portuguese, came back to the UK", "on a spouse visa, married to a British
        # citizen") are left for the nationality question to settle.
        nationality = parse_nationality(lowered, entities)
        if nationality not in (None, NOT_SURE) and not (
                nationality == "uk" and STATUS_CUES.search(lowered)) and (  # no visa for the British
                groups or said_of_themselves(lowered, entities)):
            facts["nationality"] = nationality
    residence = RESIDENCE.search(lowered)
    if residence and not time_elsewhere(lowered) and not EXCEPT_AFTER.search(lowered[residence.end():]):
        years = parse_duration_years(residence.group(2))
        if years is not None:
            facts["residence_years"] = years
    always = ALWAYS_HERE.search(lowered)
    if always and "residence_years" not in facts and \
            not time_elsewhere(lowered[:always.start()] + lowered[always.end():]) and \
            (always.group(1) is None or always.group(1) in UK_NAMES or
             always.group(1) in (*ENGLAND, *UK_OUTSIDE_ENGLAND)):
        facts["residence_years"] = "all_my_life"
    whole_life = WHOLE_LIFE_IN.search(lowered)
    if whole_life and "residence_years" not in facts and \
            not time_elsewhere(lowered[:whole_life.start()] + lowered[whole_life.end():]) and \
            not EXCEPT_AFTER.search(lowered[whole_life.end():]) and \
            (whole_life.group(1) is None or whole_life.group(1) in UK_NAMES or
             whole_life.group(1) in (*ENGLAND, *UK_OUTSIDE_ENGLAND)):
        facts["residence_years"] = "all_my_life"  # "lived in Birmingham my whole life"
    here = YEARS_HERE.search(lowered)
    if here and "residence_years" not in facts and not time_elsewhere(lowered) and \
            len(YEARS_HERE.findall(lowered)) == 1 and \
            not OTHER_PLACE_SAID.search(lowered[here.end():here.end() + 30]):
        years = parse_duration_years(here.group(1))
        if isinstance(years, float):
            facts["residence_years"] = years  # "I have ILR, 5 years here"
    if "residence_years" not in facts and facts.get("nationality", nationality) == "eu_eea":
        together = _years_in_the_uk_and_the_eea(lowered)
        if together is not None:
            facts["residence_years"] = together  # "18 months in the uk, 4 yrs in berlin before that": 5.5
    if "residence_years" in facts and facts.get("nationality", nationality) in ("other", None) and \
            STUDIED_HERE.search(lowered):
        # "5 years - came on a student visa for my bsc, switched to skilled worker in 2024": years on a
        # student visa don't count, so the years are asked, without them (an exploratory tester's total
        # was kept: "eligible")
        del facts["residence_years"]
    # (not what is asked: "can I apply with no student loan?")
    said = [clause for sentence in re.split(r"(?<=[.!?])\s*", lowered) if "?" not in sentence
            for clause in clauses(sentence) if not re.search(r"\b(if|what|whether)\b", clause)]
    if any(NO_LOAN.search(clause) and not re.search(r"\b(but|repay\w*|paying)\b", clause) for clause in said):
        facts["student_loan"] = NO  # "no student loan"
    if any(NO_OTHER_PROGRAMME.search(clause) for clause in said):
        facts["other_programme"] = NO  # "not on any other course"
    elif COURSE_NOW_ENDING.search(lowered):
        # "im currently on a level 3 data apprenticeship, it finishes in 3 weeks": ending soon (an
        # exploratory tester's, said before the check, was asked again and answered "yes")
        from bot.eligibility.answers.funding import parse_other_programme

        ending = parse_other_programme(lowered)
        if ending in ("ending_soon", NO):
            facts["other_programme"] = ending
    # ("I'm Swiss, do I need pre-settled status?": a status asked about is not one held)
    held = ", ".join(clause for clause in clauses(lowered) if not STATUS_ASKED_ABOUT.search(clause))
    # ("I'm Swiss, ... applied to the EU settlement scheme and waiting": the scheme named, for an EU citizen)
    if STATUS_CUES.search(held) or (facts.get("nationality", nationality) == "eu_eea" and
                                    re.search(r"\b(?:settlement scheme|euss)\b", held)):
        lowered = held
        group = facts.get("nationality", nationality)
        if group == "eu_eea" or \
                re.search(r"\bpre[- ]?settled|\bsettled status\b", lowered):
            status = parse_euss_status(lowered)
            if status not in (None, NOT_SURE) and status != "none":
                facts["euss_status"] = status
        elif group is not None or not re.search(r"\bsettled\b", lowered):
            # ("settled" with no nationality known is the EU scheme's status or indefinite leave:
            # neither is noted)
            status = parse_immigration_status(lowered)
            if status == "study":
                # "a spouse visa, ... the first 2 years were on a student visa": the visa held now
                now = ", ".join(part for part in clauses(lowered) if not STUDY_IN_THE_PAST.search(part))
                status_now = parse_immigration_status(now) if now != lowered else None
                status = status_now if status_now not in (None, NOT_SURE, "study") else status
            if status not in (None, NOT_SURE):
                facts["immigration_status"] = status
                if "nationality" not in facts and status not in ("none",) and nationality is None:
                    facts["nationality"] = "other"
                if status == "other_permission" and INDEFINITE_LEAVE.search(lowered):
                    facts["permission_lasts"] = YES  # indefinite leave never runs out
    return facts


# Time on a student visa told as past: "the first 2 of those 4 years i was on a student visa", "came as a
# student", "3 on a student visa then 2 on skilled worker"
STUDY_IN_THE_PAST = re.compile(r"\b(?:i was|was|were|first|those|at first|before|came|originally)\b"
                               r"[^.;]{0,40}?\b(?:student|study|tier 4)\b|"
                               # "3 on a student visa then 2 on skilled worker"
                               r"\b(?:student|study|tier 4)\b[^.;,]{0,20}?"
                               r"\b(?:then|before switching|until)\b")


# "eligible" and "eligibility" as typed: "elgible", "eligable", "eligibilty"
ELIGIBLE = r"(?:eligible|elligible|eligable|elligable|elgible|eligble|elegible|elegable|eligeble|eligibile)"
ELIGIBILITY = r"(?:eligibility|eligibilty|eligability|elegibility|eligiblity|elgibility)"
ASKS_ABOUT_ELIGIBILITY = re.compile(
    r"\b(am i|would i be|will i be|could i be|i'?m i|is it possible for me to be|is (?:he|she|my (?:son|"
    r"daughter|child)) )\b[^.?!]{0,25}"
    r"\b(" + ELIGIBLE + r"|qualif\w*)|"
    r"\bdo i (qualify|meet the (criteria|requirements))\b|\bcheck (if|whether) (?:i|i'?m|im)\b|"
    r"\b(check|see|checking) (?:my |the |for )?" + ELIGIBILITY + r"\b(?! criteria| rules| requirements)|"
    # "business analyst eligibility pls", "is devops open to me?"
    r"\b" + ELIGIBILITY + r" (?:pls|please|plz|check)\b|\bopen to me\b|"
    r"\b(?:if|whether) (?:i'?m|im|i am|i'?d be|i would be) " + ELIGIBLE + r"\b|"
    # "I am eligible for devops?": the question in the words of a statement
    r"^\s*(?:hi |hello )?i(?:'?m| am) " + ELIGIBLE + r"\b[^.!?]{0,40}\?|"
    # "great, lets check then", "ok start the check": the check the bot offered
    r"\blet'?s (?:do |start |run )?(?:the |a |an |my )?(?:eligibility )?check\b|"
    r"\b(?:do|start|run) (?:the|a|an|my) (?:eligibility )?check\b"
)
ASKS_TO_APPLY = re.compile(
    # ("can I do it part time?" asks how, not whether: "do it" counts only when nothing follows)
    r"\b(can|could|may) (?:i|my (?:son|daughter|child|kid)|he|she) (apply|(?:do|join) (this|it|techtrack|"
    r"the apprenticeship|the programme)"
    r"(?=\s*(?:[?.!]|$|please\b)))|"
    r"\b(am i|would i be) (able|allowed) to apply\b"
)
# The check asked for, for a role: "check me for devops", "can you check for BA"
CHECK_FOR_A_ROLE = re.compile(r"\bcheck(?:ing)? (?:me |us |him |her |my eligibility )?for\b")
# Asking for the check for one role: "can i apply for the business analyst role?", "can i do the
# software dev apprenticeship", "I'd like to know if I am eligible for devops".
ASKS_FOR_A_ROLE = re.compile(
    r"\b(can|could|may) (?:i|he|she|my (?:son|daughter|child|kid)) (apply|do|go for|try for|join|sign up)\b|"
    r"\b(if|whether) i(?:'?m| am| would be| could be| can be| qualify| can| could| may)\b"
)
# "...if I already hold a qualification?", "what are the rules?": a question about one rule.
# ("I'd like to know if I'm eligible": that "if" asks for the check.)
ABOUT_A_RULE = re.compile(r"\b((?<!know )(?<!see )(?<!out )(?<!check )(?<!wondering )(?<!tell me )if|unless|"
                          r"rules?|criteria|requirements?)\b")


# Saying which role they want to do, as a statement: "I'd like to do the Business Analyst apprenticeship"
WANTS_TO_DO_A_ROLE = re.compile(r"\b(?:i'?d like to|i would like to|i want to|i wanna|i'?m keen to|"
                                r"i'?m hoping to|i hope to) (?:do|apply for|go for|start|join|try for)\b")


# What may follow the role's name in a request for the check ("...the BA role please?").
AFTER_THE_ROLE = re.compile(r"^(?:\s|[?.!]|\b(?:role|roles|apprenticeship|apprenticeships|position|job|one|"
                            r"programme|course|scheme|pathway|please|pls|then|instead|too|as well)\b)*$")


# What may come before "can I apply": a greeting or a polite lead-in, not a situation ("I did a
# level 2 apprenticeship, can I do the devops one?" is the FAQ's to answer).
PREAMBLE = re.compile(
    r"^(?:\s|[,.!]|\b(?:hi|hello|hey|hiya|bonjour|salam|yo|ok|okay|so|um|hmm|please)\b)*"
    r"(?:(?:(?:i'?d|i would|i want|i wanna|just want|i wanted)(?: like)? to (?:know|check|see|find out)|"
    r"(?:i'?m |i was |just )?wondering|can you (?:tell me|check)|tell me)[\s,]*)?$")


# What may come between "can I apply" and the role: "for the", "to do the", "eligible for"
# ("can I do it from Scotland and do I need A levels for cyber?" asks two questions)
BEFORE_THE_ROLE = re.compile(r"^(?:\s|\b(?:for|the|a|an|to|eligible|be|do|on|onto|into|in|apply|join|"
                             r"go)\b)*$")


POLITE_LEAD_IN = re.compile(r"^(?:(?:hi|hello|hey|please)\b[\s,!]*)?(?:can you tell me|could you tell me|"
                            r"please tell me|i'?d like to know|i want to know|i wanna know|tell me)\s+|"
                            r" for (?:this|the|it|techtrack)(?: programme| apprenticeship| scheme)? ?\??$")


def names_the_role_next(text: str, position: int) -> bool:
    """Whether the first role named after `position` follows it with nothing but filler between."""
    roles = [role for role in find_roles(text) if role[0] >= position]
    return bool(roles) and bool(BEFORE_THE_ROLE.match(text[position:roles[0][0]]))


def ends_with_the_role(text: str) -> bool:
    """Whether nothing but filler follows the last role named: "can i do the software dev
    apprenticeship" asks for the check, "can i do devops from wales" asks about a rule."""
    roles = find_roles(text)
    return bool(roles) and bool(AFTER_THE_ROLE.match(text[roles[-1][1]:]))


# Facts the check asks for that no situation entry answers on their own
PLAIN_FACTS = frozenset({"role", "age", "nationality", "residence_years"})


# A role's name, then "eligibility" and nothing else: "business analyst eligibility", "devops eligibility?"
ROLE_THEN_ELIGIBILITY = re.compile(r"^(?:(?:hi|hello|hey)[,!]?\s)?"
                                   r"(?!what|which|how|where|when|why|is\b|are\b)(?:the\s)?"
                                   r"(?:[a-z+-]+\s){1,4}?" + ELIGIBILITY +
                                   r"(?:\s(?:pls|please|plz))?\s*[?.!]*$")


def asks_to_check(text: str, facts: dict[str, Any]) -> bool:
    """Whether a message asks for the check rather than about one rule: "Am I eligible? I'm 24,
    British...", "do I qualify?", or a bare "can I apply?". A question that gives a situation
    ("I'm an EU citizen with pre-settled status, can I apply?") or names a rule ("can I apply if I
    have a student loan?") is the FAQ's to answer; the check is then offered with the facts."""
    lowered = normalise(text)
    if ABOUT_A_RULE.search(lowered):
        return False
    short = len(lowered.split()) <= 6
    if CHECK_FOR_A_ROLE.search(lowered) and "role" in facts:
        return True  # "I want to check for business analyst", "check me for software dev"
    if ASKS_ABOUT_ELIGIBILITY.search(lowered):
        # ("can you tell me if I'm eligible?": the polite words are no situation)
        short = short or len(POLITE_LEAD_IN.sub("", lowered).split()) <= 6
        # A situation the check's questions don't cover ("finished my L2 IT apprenticeship, am I
        # eligible?") gets the FAQ's specific answer; facts the check asks for start it.
        return short or bool(facts)
    wants = WANTS_TO_DO_A_ROLE.search(lowered)
    if wants and "role" in facts and len(facts) > 1 and "?" not in lowered and \
            ends_with_the_role(lowered) and names_the_role_next(lowered, wants.end()):
        return True  # "I'm 45, a project coordinator, and I'd like to do the BA apprenticeship."
    asked = ASKS_FOR_A_ROLE.search(lowered)
    if set(facts) == {"role"} and ROLE_THEN_ELIGIBILITY.match(lowered):
        return True  # "business analyst eligibility": the role's check, asked for in two words
    if set(facts) == {"role"} and asked and ends_with_the_role(lowered) and \
            names_the_role_next(lowered, asked.end()) and PREAMBLE.match(lowered[:asked.start()]):
        return True  # nothing but the role they would apply for
    # ("can i apply? im 24, british, lived in leeds all my life": the check's own facts, no situation
    # an FAQ entry answers)
    plain = bool(facts) and set(facts) <= PLAIN_FACTS and facts.get("nationality") in (None, "uk", "irish")
    # ("uk citizen lived abroad can i apply": the returners' answer)
    return bool(ASKS_TO_APPLY.search(lowered)) and ((not facts and short) or plain) and \
        not time_elsewhere(lowered)
