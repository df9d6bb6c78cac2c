"""The role question: a role named, misspelt or described ("the one where you gather requirements"),
one left out ("anything but cyber"), and a choice not made yet ("torn between BA and cyber").
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from bot.eligibility.answers.text import clauses, is_negated, is_not_sure, normalise, own_clauses, undotted
from bot.eligibility.questions import ROLE_UNDECIDED
from bot.roles import find_roles

# A choice said to be made, its role named after it: "settled on", "decided on", "going with", "I'll
# go for", "put me down for"
DECIDED_ON = re.compile(r"\b(?:settled on|decided on|(?:i'?ve |i have )?decided (?:to go for|to go with|"
                        r"to do)|(?:i'?m |i am |im |i'?ll |i will )?(?:going|go) with|gone with|"
                        r"opted for|plumped for|landed on|chosen|chose|"
                        r"(?:i'?ll|i will|i'?d|i'?m going to|i am going to|im going to|i'?m gonna|let'?s) "
                        r"(?:go for|pick|choose|take)|(?:put|sign) me (?:down|up) for)\s")
# A choice put off until they know more: "I'd like to hear about all four before I choose"
CHOICE_PUT_OFF = re.compile(r"\bbefore (?:i |we )?(?:choose|choosing|decide|deciding|pick|picking|"
                            r"commit\w*|settle on|settling on|make (?:a|my|the) (?:choice|decision))\b|"
                            r"\b(?:hear|know|learn|find out|read) (?:more |a bit |a little )?about "
                            r"(?:all|each|every one|them all|the roles|all the roles|the options)\b")

# A lean, then the choice confirmed: "leaning cyber, put me down for that", "leaning towards BA so I'll
# go with that" (a lean alone is not a choice)
LEANING_TO_ROLE = re.compile(r"\b(?:leaning|edging|veering)\s(?:more\s)?(?:towards?\s|to\s)?"
                             r"([^,.;!?]{2,40}?)[\s,.;!-]{1,4}(?:so\s|and\s)?(?:just\s)?"
                             r"(?:put me down for|sign me up for|(?:i'?ll |let'?s )?go with|(?:i'?ll )?take|"
                             r"pick)\s(?:that|it|this)(?:\sone)?\b")


# A lean said after two roles, in a clause of its own: "cyber or devops, prob devops since i dont have any IT
# quals"
PROBABLY_AFTER_TWO = re.compile(r"[,.;]\s*(?:but\s|so\s|and\s)?(?:prob(?:ably)?|probs|prolly|most likely|"
                                r"more likely|likely|preferably|ideally)\s(?!not\b|never\b)(?:the\s)?"
                                r"([^,.;!?]{2,30}?)"
                                r"(?=\s(?:since|as|because|cos|coz|cause)\b|[,.;!?]|$)")


# A switch to another role only thought of for later: "though I might switch to software dev later",
# "although I'm open to cyber later on", "but I might consider devops down the line", "perhaps cyber
# later on", "though I could see myself moving over to BA down the line"
LATER_SWITCH = re.compile(r"[,;]?\s?\b(?:though|although|but|and)?\s?(?:i\s|i'?d\s|i'?m\s|im\s|i am\s)?"
                          r"(?:(?:might|may|could|would like to|want to|hope to|maybe)\s"
                          r"(?:(?:see|imagine|picture)\smyself\s|\w+\s)?"
                          r"(?:switch(?:ing)?|chang(?:e|ing)|mov(?:e|ing)|go(?:ing)?|transfer(?:ring)?|"
                          r"swap(?:ping)?|cross(?:ing)?)\s(?:over\s|across\s)?(?:to|into)|"
                          r"(?:(?:might|may|could|would|will|maybe)\s)?(?:also\s)?(?:consider|look at|"
                          r"look into|think about|explore)|(?:also\s)?open to|considering|maybe|perhaps|"
                          r"possibly)\s[^,.;!?]{1,40}?\s"
                          r"(?:later(?: on)?|eventually|down the line|in (?:the )?future|one day|"
                          r"at some point|after)\b")
# Torn between two choices, one of them perhaps not a role's name: "50 50 between software and devops",
# "fifty-fifty between BA and cyber", "torn between coding and devops"
TORN_BETWEEN = re.compile(r"\b(?:torn|50\s?[/-]?\s?50|fifty[\s-]fifty|split|undecided|unsure|"
                          r"(?:still\s)?deciding|can'?t (?:decide|choose|pick)|choosing)\s(?:\w+\s)?between\s"
                          r"[^,.;!?]{1,40}?\s(?:and|or|&)\s")
# Unsure which of two: "not sure between software dev and BA", "not really sure between cyber and devops"
NOT_SURE_BETWEEN = re.compile(r"\bnot (?:really |quite |too )?sure between\b")
# Two choices offered as either/or, or left to whichever suits: "either software or devops", "BA or
# cyber, whichever has more places", "devops or software, not sure which" (the span read to the next
# stop, for a role named in it)
EITHER_OR = re.compile(r"\beither\s[^,.;!?]{1,40}?\sor\s[^,.;!?]{1,40}|"
                       r"[^,.;!?]{1,40}?\sor\s[^,.;!?]{1,40}?[,;-]?\s?(?:whichever|not sure|unsure|idk|"
                       r"dunno|can'?t decide|undecided)\b")


# A role left out of the choice: "anything but cyber", "any except BA", "all apart from devops"
EXCLUDED_ROLE = re.compile(r"\b(?:anything|any(?: of them| one| role)?|all(?: of them)?|everything|"
                           r"whichever)\s(?:but|except|bar|apart from|other than|besides|excluding)\s"
                           r"(?:for\s)?(?:the\s)?$|"
                           # "the DevOps one rather than the software one": the one not chosen
                           r"\b(?:rather than|instead of)\s(?:the\s|doing\s(?:the\s)?)?$")
# Someone else's opinion, reported in its own clause: "my lad says devops is dull", "my mum thinks BA
# would suit me", "my mate reckons cyber's the one"
# (the opinion ends at a "but" that turns to their own choice: "my son reckons I should do DevOps but I
# want the software developer one")
OTHERS_OPINION = re.compile(r"\b(?:my|our|the)\s[a-z]+(?:\s[a-z]+)?\s(?:says?|said|thinks?|thought|reckons?|"
                            r"reckoned|told me|tells me|suggests?|suggested|recommends?|recommended|"
                            r"keeps saying)\b(?:(?!\s(?:but|though|although|whereas)\b)[^,.;!?])*")


# An analyst's job TechTrack has no role for: "data analyst", "financial analyst" (the Business
# Analyst role is not every analyst's; asked again, with the roles)
OTHER_ANALYST = re.compile(r"\b(?:data|financial|finance|policy|research|credit|investment|marketing|"
                           r"insight|insights|pricing|economic)\s+analysts?\b")


def parse_role(text: str) -> str | None:
    text = undotted(normalise(text))
    if OTHER_ANALYST.search(text) and not re.search(r"\b(?:business|ba|cyber|security|soc)\b", text):
        return None  # "data analyst": no such role
    text = re.sub(r"\beng\b\.?", "engineer", text)  # "software eng": the word cut short
    # "not sure between software dev and BA": unsure of the choice, not a "not" said of the roles
    text = NOT_SURE_BETWEEN.sub("unsure between", text)
    excluded = {key for start, _, key in find_roles(text)
                if EXCLUDED_ROLE.search(text[max(0, start - 30):start])}
    named_roles = {key for start, _, key in find_roles(text) if not is_negated(text, start)} - excluded
    named_roles |= _misspelt_roles(text)
    if "business_analyst" in named_roles and not re.search(r"\b(business|ba)\b", text) and \
            _role_hint(text) == "cyber_security_technologist":
        # "SOC analyst", "SOC analyst type role so cyber I guess": "analyst" alone gives way to a cyber word
        named_roles = (named_roles - {"business_analyst"}) | {"cyber_security_technologist"}
    if len(named_roles) > 1:
        own = own_clauses(text)
        if len(own) < len(clauses(text)):
            # "my brother did software dev with Makers, but I'm after the cyber one": theirs, not his
            chosen = parse_role(", ".join(own))
            if chosen is not None and chosen != ROLE_UNDECIDED:
                return chosen
        opinion = OTHERS_OPINION.search(text)
        if opinion:
            # "software dev, my lad says devops is dull": someone else's view names no choice of theirs
            chosen = parse_role(text[:opinion.start()] + text[opinion.end():])
            if chosen is not None and chosen != ROLE_UNDECIDED:
                return chosen
        switch = LATER_SWITCH.search(text)
        if switch:
            # "devops, though I might switch to software dev later": the choice made now
            chosen = parse_role(text[:switch.start()] + text[switch.end():])
            if chosen is not None and chosen != ROLE_UNDECIDED:
                return chosen
        decided = list(DECIDED_ON.finditer(text))
        if decided:
            # "torn between BA and cyber but I've settled on cyber": the role chosen in the end
            chosen = parse_role(text[decided[-1].end():])
            if chosen is not None and chosen != ROLE_UNDECIDED:
                return chosen
        leaning = LEANING_TO_ROLE.search(text)
        if leaning and not is_not_sure(text[leaning.start():]):
            chosen = parse_role(leaning.group(1))  # "leaning software, put me down for that"
            if chosen is not None and chosen != ROLE_UNDECIDED:
                return chosen
        probably = PROBABLY_AFTER_TWO.search(text)
        if probably and not is_not_sure(text[probably.start():]):
            chosen = parse_role(probably.group(1))  # "thinking cyber or devops, prob devops since ..."
            if chosen is not None and chosen != ROLE_UNDECIDED:
                return chosen
        return ROLE_UNDECIDED  # "software developer or maybe DevOps": not decided yet
    if len(named_roles) == 1:
        torn = TORN_BETWEEN.search(text) or next(
            (either for either in EITHER_OR.finditer(text)
             if any(either.start() <= start < either.end() for start, _, _ in find_roles(text))), None)
        if torn:
            # "50 50 between software and devops" ("software" alone is no role's name): not chosen,
            # unless a choice is said after it ("..., going with devops")
            decided = list(DECIDED_ON.finditer(text, torn.end()))
            chosen = parse_role(text[decided[-1].end():]) if decided else None
            return chosen if chosen is not None and chosen != ROLE_UNDECIDED else ROLE_UNDECIDED
        return named_roles.pop()
    hinted = _role_hint(text, excluded=bool(excluded))
    if hinted:
        return hinted
    if excluded:
        return ROLE_UNDECIDED  # "anything but cyber": any of the others, none chosen
    if is_not_sure(text) or CHOICE_PUT_OFF.search(text) or re.search(
            r"\b(open to anything|anything really|"
            r"undecided|haven'?t decided|not decided|any of them|any|either|whichever|"
            r"(?:still )?weighing (?:it |them |things |everything )?up|weighing up (?:my )?options|"
            r"still (?:thinking|deciding|choosing|considering)|torn|on the fence|can'?t decide|"
            r"made my mind up|make my mind up|not sure yet|no idea yet|still deciding|"
            r"don'?t mind|no preference|open to all|all of them|not yet|whatever|up to you|"
            r"(?:all|every|each) (?:the )?(?:four |4 )?(?:roles?|of the roles|options|one)|all (?:four|4)|"
            r"(?:you|u) (?:recommend|suggest|think is best|pick|choose|decide)|your (?:call|choice|"
            r"recommendation|suggestion))\b", text):
        return ROLE_UNDECIDED
    return None


def _role_hint(text: str, excluded: bool = False) -> str | None:
    """The role a description names ("the one where you gather requirements"), leaving out a
    description said with "not" ("not the coding one") and, with `excluded`, one said with "anything
    but" (so "anything but cyber" names no role)."""
    for pattern, role in ROLE_HINTS:
        if any(not is_negated(text, match.start()) and
               not (excluded and EXCLUDED_ROLE.search(text[max(0, match.start() - 30):match.start()]))
               for match in pattern.finditer(text)):
            return role
    return None


FUNCTION_WORDS = frozenset({"not", "no", "the", "a", "an", "one", "i", "im", "and", "or", "but", "please",
                            "role", "for", "like", "be", "to", "as", "is", "it", "maybe", "prob"})


def _misspelt_roles(text: str) -> set[str]:
    """ "busness analist", "devopps": one to three words close to a role's name (not negated)."""
    import difflib

    from bot.roles import normalise_role, phrases_longest_first

    phrases = [p for p in phrases_longest_first() if len(p) >= 5]
    words = list(re.finditer(r"[a-z]+", text))
    found = set()
    for size in (3, 2, 1):
        for index in range(len(words) - size + 1):
            span = text[words[index].start():words[index + size - 1].end()]
            if len(span) < 5 or find_roles(span):
                continue
            if {words[index].group(0), words[index + size - 1].group(0)} & FUNCTION_WORDS:
                continue  # "not sofware", "the devopps": the name is in a shorter span
            close = difflib.get_close_matches(span, phrases, n=1, cutoff=0.85) or (
                _close_word_by_word(span, phrases) if size > 1 else [])
            if close and not is_negated(text, words[index].start()):
                found.add(normalise_role(close[0]))
    return {role for role in found if role}


def _close_word_by_word(span: str, phrases: Sequence[str]) -> list[str]:
    """ "bussiness anylist": a name of two or three words, each word one or two slips away."""
    import difflib

    words = span.split()
    for phrase in phrases:
        names = phrase.split()
        if len(names) == len(words) and all(
                difflib.SequenceMatcher(None, word, name).ratio() >= 0.7
                for word, name in zip(words, names, strict=True)) \
                and difflib.SequenceMatcher(None, span, phrase).ratio() >= 0.8:
            return [phrase]
    return []


# How people describe a role without naming it (the role question only: in FAQ questions these
# words mean other things).
ROLE_HINTS = (
    (re.compile(r"\b(coding|coder|programmer|programming|"
                # "write code", "writing the actual code"
                r"(write|writes|writing) (?:(?:the|actual|real|proper|some|all) ){0,2}code|"
                r"(build|builds|building|make|makes|making|develop|developing) (software|apps|applications|"
                r"websites)|app development|swe|sde|"
                # "web development", "front end", "full-stack"
                r"web (?:development|dev|developing|developer)|front[- ]?end|back[- ]?end|full[- ]?stack|"
                # "software like i said", "the software one": the only role named for software
                r"^(?:the )?software(?: one| role| route| apprenticeship)?"
                r"(?=\s*(?:[,.!]|$|like i said|pls|please)))\b"),
     "software_developer"),
    # ("move into security": the field, not a job's security or a clearance)
    (re.compile(r"\b(the security (one|role|side)|security role|security side|^security$|"
                r"(?:move|moving|get|getting|go|going|switch|switching|career) (?:in)?to "
                r"security(?! clearance)|"
                r"(?:it|computer|network|online|digital) security|hackers?|"
                r"protect\w* (?:\w+ )?(?:systems|networks|computers|servers) from|"
                r"hacking|ethical hack\w*|cyber ?sec\w*|cyber|"
                r"info ?sec|information security|netsec|security analyst|soc|security operations|"
                r"monitor\w* for (attacks|threats|intrusions)|threats?|attacks|intrusions?|malware|"
                r"incident response|defen[cd]\w* and respond\w*|blue team|pen ?test\w*|"
                r"penetration test\w*)\b"),
     "cyber_security_technologist"),
    (re.compile(r"\b(analys\w*|requirements)\b.{0,40}\b(business|requirements|processes)\b|"
                r"\b(business|stakeholders?|users?|clients?)\b.{0,25}\b(needs|requirements|processes|problems)\b"
                r".{0,40}\b(requirements|analys\w*|document\w*|writ\w*|map\w*|improv\w*)\b|"
                r"\b(gather\w*|writ\w*|captur\w*|document\w*|map\w*) (up )?(the )?(business )?requirements\b|"
                r"\bstakeholders?\b|\bprocess improvements?\b|\bimprov\w* (business )?processes\b|"
                r"\brequirements (analysis|gathering|elicitation|capture)\b|\buser stories\b"),
     "business_analyst"),
    (re.compile(r"\b(infrastructure|pipelines|cloud|deployments?|automation|kubernetes|k8s|aws|azure|"
                r"terraform|docker|site reliability|sre|platform engineer\w*)\b"), "devops_engineer"),
)
