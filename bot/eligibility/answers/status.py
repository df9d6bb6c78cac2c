"""The status and permission questions: EU Settlement Scheme status, other permission to be in the
UK, the immigration status held, and whether it lasts the whole apprenticeship ("my visa runs out in
8 months").
"""

from __future__ import annotations

import re
from datetime import date

from bot.eligibility.answers.text import (
    BNO,
    NEGATION,
    clauses,
    is_negated,
    is_not_sure,
    normalise,
    parse_yes_no,
)
from bot.eligibility.numbers import MONTH_NUMBERS, MONTHS, numbers
from bot.eligibility.questions import NO, NOT_SURE, YES

FUTURE = re.compile(r"\b(going to|gonna|will|soon|planning|plan to|hope to|hopefully|hoping|want to|"
                    r"switch(ing)? to|"
                    r"apply(ing)? for|next year|in future|eligible (for|to)|be able to|can apply|"
                    r"could (get|apply)|would|in (\d+|a|one|two) (months?|years?)|"
                    # "should turn into settled next spring": a change expected, not held yet
                    r"should (?:turn|become|get|change|convert|switch|upgrade|move|go)|turns? into|"
                    r"next (?:spring|summer|autumn|winter|month|" + MONTHS + r"))\b")


def parse_euss_status(text: str) -> str | None:
    # ("my settled application is pending (got pre-settled now)": what is in brackets, a clause of its own)
    text = normalise(re.sub(r"\s?[()]\s?", ", ", text))
    if is_not_sure(text):
        return NOT_SURE
    if re.search(r"\b(haven'?t|have not|never|didn'?t|did not|not) (yet )?(applied|apply)\b", text):
        return "none"
    text = _respelt_status(text)
    if REFUSED.search(text) and not re.search(r"\b(appeal\w*|review|reapplied|re-?applied|applied again|"
                                              r"reapplying|waiting|pending|awaiting)\b|settled", text):
        return "none"  # "applied but was refused": no status, and no application waiting either
    # "pre-settled, applied to upgrade it to settled": the upgrade waited on is not the status held
    parts = [part.strip() for clause in clauses(text) for part in re.split(r"\band\b", clause)
             if part.strip()]
    upgrading = [clause for clause in parts if PENDING.search(clause) and UPGRADE.search(clause)]
    if upgrading and any(re.search(r"\bpre[- ]?settled\b", clause) and not PENDING.search(clause) and
                         not NEGATION.search(clause) and not FUTURE.search(clause) for clause in parts):
        # ("..., applied to upgrade to settled, waiting": a bare wait said with it is the upgrade's too)
        text = ", ".join(clause for clause in parts if clause not in upgrading and not _bare_wait(clause))
    waiting = [clause for clause in clauses(text)
               if PENDING.search(clause) and not HYPOTHETICAL.search(clause)]
    # "applied years ago and got something by email": an application answered long since, no wait
    # ("applied back in 2019 and was granted settled status": the application's outcome, no wait)
    answered = [clause for clause in waiting
                if (_past_application(clause) and OUTCOME_RECEIVED.search(clause))
                or (GRANTED.search(clause) and not NEGATION.search(clause))]
    waiting = [clause for clause in waiting if clause not in answered]
    named = [clause for clause in clauses(text) if re.search(
        r"\b(have|got|'ve|has|hold|granted|given|received)\b.{0,25}settled\b", clause)]
    if waiting and not (named and all(_past_application(clause) for clause in waiting)):
        return "pending"  # unless the application was how they got the status they name
    upgraded = any(re.search(r"\bfrom pre[- ]?settled (status )?to (full )?settled\b|\bto settled\b|"
                             r"\bnow (i have |got |have )?(full )?settled\b|"
                             # "pre-settled in 2021 and then settled this year": the later one held now
                             r"\bpre[- ]?settled\b[^.;]{0,60}?\b(?:then|later|since)\s(?:i\s)?(?:got\s|"
                             r"received\s|was given\s|was granted\s)?(?:full\s)?settled\b", clause)
                   for clause in [text, *clauses(text)] if not FUTURE.search(clause))
    if upgraded:
        return "settled"
    value: str | None = None
    for clause in clauses(text):
        if FUTURE.search(clause) or HYPOTHETICAL.search(clause):
            continue  # "applying for settled next year": not the status they have
        status = ("pre_settled" if re.search(r"\bpre[- ]?settled\b|\bpresettled\b|\blimited leave\b",
                                               clause) or TEMPORARY_STATUS.search(clause) else
                  "settled" if re.search(r"\bsettled\b|\bindefinite leave\b|\bilr\b|\bpermanent\b",
                                         clause) else None)
        before = clause.split("settled")[0].split("status")[0] + " "
        if status and (NEGATION.search(before) or OUT_OF_REACH.search(before)):
            # ("too late for settled status": a status they could not get)
            value = value or "none"
            continue
        if status:
            value = status
    if value == "pre_settled" and ENDED.search(text) and not STILL_LEAVE.search(unrenewed(text)):
        return "none"  # "I had pre-settled but it expired and I never renewed": no status now
    if value:
        return value
    five_years = FIVE_YEAR_GRANT.search(text)
    if five_years and not NEGATION.search(text) and not FUTURE.search(text):
        return "pre_settled"  # "I got the 5 year one": pre-settled status is granted for five years
    if answered:
        return NOT_SURE  # an outcome received, the status it gave not named
    if re.search(r"\b(neither|none|no status|nothing|not got (one|either|any))\b", text):
        return "none"
    if re.search(r"\b(?:missed|past|after|too late for) the (?:deadline|cut[- ]?off)\b|"
                 r"\b(?:didn'?t|did not|never) apply (?:in time|before the deadline)\b|\btoo late to apply\b",
                 text):
        return "none"  # the scheme's deadline passed without an application (one made late is pending)
    yes_no = parse_yes_no(text)
    if yes_no == NO:
        return "none"
    return None


# Pre-settled status by what it is, the temporary one of the two (settled is the permanent one): "the
# temporary one", "temporary status" (not "a temporary work visa")
TEMPORARY_STATUS = re.compile(r"\b(?:the|my|a|got|have)\s(?:temporary|temp)\s(?:one|status|version|kind|type|"
                              r"thing|leave)\b|\btemporary (?:status|leave)\b")
# A status said to be out of their reach: "too late for settled status", "missed out on pre-settled",
# "wasn't eligible for settled"
OUT_OF_REACH = re.compile(r"\b(?:too late (?:for|to (?:get|apply for))|missed (?:out on|the deadline for)|"
                          r"(?:wasn'?t|was not|weren'?t|not) eligible for|"
                          r"(?:couldn'?t|could not) (?:get|apply for)|(?:didn'?t|did not) qualify for)\s"
                          r"(?:the\s|a\s|any\s)?(?:pre[- ]?|full\s)?\s?$")
UPGRADE = re.compile(r"\b(upgrad\w*|(?:to|for) (?:full )?settled|"
                     r"(?<!pre )(?<!pre-)(?:full )?settled (?:status )?(?:application|app|claim))\b")
# Pre-settled status by its length: "the 5 year one", "got five years", "a five-year status"
FIVE_YEAR_GRANT = re.compile(r"\b(?:the|a|my)\s(?:5|five)[\s-]?(?:years?|yrs?)\s(?:one|status|leave|grant|"
                             r"thing|version|kind|type|permission)\b|"
                             r"\b(?:got|given|granted|gave me|awarded)\s(?:the\s|a\s)?(?:5|five)\s"
                             r"(?:years?|yrs?)\b")
# A decision received: "was granted", "got given", "been awarded"
GRANTED = re.compile(r"\b(?:was|were|been|got|have been|has been)\s(?:granted|given|awarded|approved)\b")
REFUSED = re.compile(r"\b(refused|rejected|denied|turned down|declined|unsuccessful)\b")
# "if I'd applied", "I would have": what would be, not what is.
HYPOTHETICAL = re.compile(r"\b(would|could|might|if i'?d|if i had|i'?d have|should have)\b")
PENDING = re.compile(r"\b(applied|waiting|pending|awaiting|application|in progress|not heard|submitted|"
                     r"sent (?:it|mine|my \w+) off|no (?:answer|reply|response|word) (?:yet|back)|"
                     r"certificate of application|still processing|being processed|no decision)\b")
# An answer to an application received: "got something by email", "heard back", "got a letter"
OUTCOME_RECEIVED = re.compile(r"\b(?:got|received|had|heard)\s(?:back|something|an? (?:email|e-mail|letter|"
                              r"decision|reply|response|answer|grant)|my (?:decision|letter|email|grant)|"
                              r"it|one)\b")
STATUS_SPELLINGS = {"settled": "settled", "presettled": "pre-settled", "pre-settled": "pre-settled"}
REAL_WORDS = frozenset({"settle", "settler", "settlers", "settles", "settling", "startled", "shuttled"})


def _bare_wait(clause: str) -> bool:
    """ "waiting", "still pending", "no decision yet": a wait that names no status of its own."""
    return bool(PENDING.search(clause)) and not re.search(r"settled|\bstatus\b|\beuss\b|\bscheme\b", clause)


def _past_application(clause: str) -> bool:
    """ "I applied in 2021", "applied years ago": how they got a status they name, not a wait."""
    # ("we applied together": with the one whose status they name)
    return bool(re.search(r"\bapplied\b.{0,20}\b((?:19|20)\d\d|ago|last year|back in)\b|"
                          r"\bapplied (?:together|at the same time|jointly|as a family|"
                          r"with (?:my|her|him|them)\b)",
                          clause)) and \
        not re.search(r"\b(waiting|pending|awaiting|not heard|no decision|in progress|still|for)\b",
                      clause)


def _respelt_status(text: str) -> str:
    """ "setled", "presetled": a word one slip away from a status name, spelt right."""
    import difflib

    def respell(match: re.Match[str]) -> str:
        word = match.group(0)
        if word in STATUS_SPELLINGS or word in REAL_WORDS or word[0] not in "sp":
            return word
        close = difflib.get_close_matches(word, list(STATUS_SPELLINGS), n=1, cutoff=0.85)
        return STATUS_SPELLINGS[close[0]] if close else word

    # "pre settle", and "the pre one" said of the two statuses the question names
    text = re.sub(r"\bpre[- ]?settle\b", "pre-settled", text)
    text = re.sub(r"^(?:the )?pre(?: one)?([\s.!]*)$", r"pre-settled\1", text)
    return re.sub(r"[a-z][a-z-]{4,14}", respell, text)


VISA_WORDS = (r"\b(visa|work permit|tier (1|2|5|one|two|five)|skilled worker|spouse|family|partner|"
              r"dependa[nt]+|graduate|"
              r"ilr|indefinite leave|leave to remain|permanent residen\w*|brp|residence permit|"
              r"health and care|care worker|youth mobility|ancestry|global talent|settled|"
              r"settlement|right to work|british citizen|naturali[sz]ed)\b")


# A visit visa (or a visit without one) is no permission to live here.
VISIT_VISA = re.compile(r"\b(visit|visitor|visitors|tourist|holiday)\s(visa|permit|leave)\b|\bvisa[- ]free\b|"
                        r"\bon an? (e-?)?visa waiver\b")


ENDED_PERMISSION = re.compile(r"\b(?:it|that|mine|which|visa|permission|leave|permit|one)\s+"
                              r"(?:has\s+|had\s+|'s\s+)?(?:expired|ran out|run out|lapsed|ended|"
                              r"ran its course|was cancelled|was revoked|was curtailed|isn'?t valid|"
                              r"is no longer valid)\b")


def parse_other_permission(text: str) -> str | None:
    text = normalise(text)
    if is_not_sure(text):
        return NOT_SURE
    if re.search(r"\b(no|not|don'?t|haven'?t|without)\b[^,.;]{0,20}\b(visa|permission|leave)\b|"
                 r"^(i )?(don'?t|do not|haven'?t|have not) (have|got) (one|any|it)\b|^(i have )?none\b",
                 text):
        return NO
    text = _respelt_visas(text)
    if ENDED_PERMISSION.search(text) and not re.search(
            r"\b(now|new|renewed|another|extended|extension|currently|still|applied|applying|pending|"
            r"waiting|awaiting|i have|i'?ve got)\b", unrenewed(text)):
        return NO  # "I had one but it ran out": not one they hold (nor a new one, nor one applied for)
    if VISIT_VISA.search(text) and not NEGATION.search(text) and not re.search(r"\b(also|and|now)\b", text):
        return NO  # "on a visitor visa": no permission to live here
    if _only_an_identity_document(text):
        return NO  # "just my Italian ID card": a citizen's own document is no other permission
    if PARTNER_HELD.search(text) and not PERMISSION_WORDS.search(text):
        return None  # "I have a British partner": a family, not yet a permission; ask which
    answer = parse_yes_no(text)
    if answer is not None:
        return answer
    if re.search(VISA_WORDS, text) or BNO.search(text) or OTHER_PERMISSION_NAMED.search(text):
        return YES
    return None


# A partner said as someone they have ("I've got a British partner", "married to a Brit"), and words
# of a permission said beside one
PARTNER_HELD = re.compile(r"\b(?:i (?:have|'ve got|got)|i'?ve got|ive got|i have got)\s(?:a|an)\s(?:\w+\s)?"
                          r"(?:partner|wife|husband|spouse|boyfriend|girlfriend|fianc\w*)\b|"
                          r"\b(?:i'?m|im|i am)\s(?:married|engaged)\sto\b")
PERMISSION_WORDS = re.compile(r"\b(?:visa|permit|leave|route|permission|status|brp|ilr|settled|settlement|"
                              r"sponsor\w*|applied|applying)\b")
# Permissions named without a visa word: "refugee", "Homes for Ukraine", "ARAP"
OTHER_PERMISSION_NAMED = re.compile(r"\b(refugee|humanitarian|asylum granted|granted asylum|ukrain\w*|"
                                    r"afghan\w*|arap|acrs|stateless|discretionary leave|dlr)\b")
# A citizen's own document: "my Italian ID card", "national identity card", "Polish passport"
ID_DOCUMENT = re.compile(r"\b(?:(?:national\s)?(?:id|identity|identification)(?:\s(?:card|document))?|"
                         r"passport)s?\b")
# Said to be all they have: "just", "only", "nothing else", "that's it"
ONLY_THAT = re.compile(r"\b(?:just|only|nothing else|nothing more|that'?s (?:it|all)|no other)\b")
# Words of a permission, or of one on its way, besides the document
PERMISSION_BESIDES = re.compile(r"\b(?:residen\w*|permit|permission|leave|status|applied|applying|pending|"
                                r"waiting|awaiting|sponsor\w*|euss|scheme)\b")


def _only_an_identity_document(text: str) -> bool:
    """ "just my Italian ID card", "only my passport, that's it": a national ID card or passport,
    said as all they hold (or as the whole answer), and no permission named besides."""
    if not ID_DOCUMENT.search(text) or re.search(VISA_WORDS, text) or BNO.search(text) or \
            OTHER_PERMISSION_NAMED.search(text) or PERMISSION_BESIDES.search(text):
        return False
    return bool(ONLY_THAT.search(text)) or (len(text.split()) <= 5 and "?" not in text and
                                            not NEGATION.search(text))


# Not allowed to work while the claim is decided: "I am not allowed to work yet", "no right to work"
NO_WORK = re.compile(r"\b(?:not (?:allowed|permitted) to work|no (?:permission|right) to work|"
                     r"(?:can'?t|cannot|can not) work|(?:don'?t|do not|haven'?t|have not) (?:got |have )?"
                     r"(?:the |a )?(?:right|permission) to work|"
                     r"without (?:the |a )?(?:right|permission) to work|"
                     r"(?:no|without|don'?t have|haven'?t got|not got) (?:a |any )?work "
                     r"(?:permit|permission|rights?)|"
                     r"(?:not|never) (?:been )?(?:given|granted) (?:the |a )?(?:right|permission) to work)\b")


def parse_immigration_status(text: str) -> str | None:
    """The permission they hold; an asylum claim said with no permission to work is its own answer
    (they can't apply until they have it)."""
    status = _permission_held(text)
    lowered = normalise(text)
    # ("asylum, no work permission", "asylum - no right to work": the claim named, its "right to work"
    # no visa)
    if NO_WORK.search(lowered) and (status == "asylum_seeker" or (
            status in (None, "other_permission") and re.search(r"\basylum\b", lowered))):
        return "asylum_no_work"
    if status in ("other_permission", "study") and _a_students_dependant(lowered):
        return "student_dependant"
    if status == "other_permission" and DEPENDANT.search(lowered) and not SPONSOR_SAID.search(lowered):
        return None  # "dependant visa": a student's dependant's or a worker's? Asked again, with the options
    return status


# What a dependant's visa depends on, said beside it: "dependant visa, my husband is a skilled worker"
SPONSOR_SAID = re.compile(r"\b(?:work\w*|skilled|worker|health|care|spouse|partner visa|family visa|british|"
                          r"settled|citizen|ilr|indefinite|refugee|protection|graduate|global talent|"
                          r"employ\w*|job|nurse|doctor|engineer)\b")


def _a_students_dependant(text: str) -> bool:
    """ "dependant on my wife's student visa", "I'm a dependant, my husband is doing his masters": here
    as the family of a student (whether that permission counts as not for study is the admissions
    team's to say)."""
    now = [clause for clause in clauses(text) if not HELD_BEFORE.search(clause)]
    return any(any(not is_negated(clause, m.start()) for m in DEPENDANT.finditer(clause)) for clause in now) \
        and any(not is_negated(clause, m.start()) for clause in now for m in STUDENT_NAMED.finditer(clause))


def _permission_held(text: str) -> str | None:
    text = normalise(text)
    if is_not_sure(text):
        return NOT_SURE
    if re.search(r"\basylum\b", text) and re.search(r"\b(waiting|wait|pending|awaiting|no (decision|answer)|"
                                                   r"for (an? |my )?(answer|decision))\b", text) and \
            not re.search(r"\b(granted|accepted|approved|successful|got)\b", text):
        return "asylum_seeker"  # "asylum, still waiting for an answer"
    if re.search(r"\basylum\b", text) and APPEALING.search(text) and not APPEAL_ENDED.search(text):
        return "asylum_seeker"  # "refused asylum, appealing now": the claim is still open
    text = _respelt_visas(unquoted(text))
    # ("came on a student visa in 2019 then switched to a skilled worker visa": two statements, the later
    # one held now)
    text = SWITCHED_LATER.sub(", then ", text)
    # ("switched from a student visa to a skilled worker one", "skilled worker now, switched from student
    # visa in 2024": the one switched from held before)
    text = SWITCHED_FROM.sub(lambda m: f", previously on {m.group(1)}, then switched to" if m.group(2)
                             else f", previously on {m.group(1)},", text)
    # a status they may have later is not the one they have ("no new visa" names none held)
    said = [(clause, _status_in(NO_NEW_ONE.sub(" ", clause))) for clause in clauses(text) or [text]
            if not FUTURE.search(clause)]
    said = [(clause, value) for clause, value in said if value is not None]
    if any(not HELD_BEFORE.search(clause) for clause, _ in said):
        # "graduate visa now, I was on a student one before": the status held now, not the one before
        said = [(clause, value) for clause, value in said if not HELD_BEFORE.search(clause)]
    found = [value for _, value in said]
    scheme = SCHEME_BY_ITS_LETTERS.search(text)
    if scheme and "exempt_leave" not in found and not is_negated(text, scheme.start()) and \
            not any(FUTURE.search(clause) for clause in clauses(text) if scheme.group(0) in clause):
        # "indefinite leave to remain, i got it ... through the ARAP relocation because i was interpreter":
        # leave through an Afghan scheme, however it is worded (an exploratory tester's was kept as another
        # visa: "not eligible" on two years)
        found.append("exempt_leave")
    if re.search(r"\b(?:ukrain\w*|afghan\w*)\b", text) and \
            any(SCHEME_NAMED.search(clause) and not FUTURE.search(clause) for clause in clauses(text)) and \
            not any(SCHEME_NAMED.search(clause) for clause, _ in said):
        found.append("exempt_leave")  # "Ukrainian, came over in 2022 on the sponsorship scheme"
    if not found and ENDED.search(text) and not STILL_LEAVE.search(unrenewed(text)):
        # "my visa expired", "it ran out and I haven't renewed", "... haven't got a new one": no
        # permission now
        return "none"
    # A specific status said anywhere ("ARAP, came over with my family") wins over a generic one;
    # otherwise the latest statement wins ("I was on a student visa, now a graduate visa").
    if "asylum_seeker" in found and GRANTED_PROTECTION.search(text) and \
            not re.search(r"\b(?:waiting|pending|hoping|hope|awaiting|if|when|not|never)\b", text):
        return "protection"  # "came as an asylum seeker but was granted refugee status": the claim is decided
    for specific in ("asylum_seeker", "protection", "exempt_leave"):
        if specific in found:
            return specific
    return found[-1] if found else None


# A status switched from: "switched from a student visa to...", "changed from tier 4"
SWITCHED_FROM = re.compile(r"\b(?:i\s|i'?ve\s|have\s)?(?:switched|changed|moved|transferred)\s(?:over\s)?"
                           r"from\s((?:a\s|an\s|my\s|the\s)?(?:[a-z0-9'-]+\s){0,3}?(?:visa|leave|status|permit|"
                           r"route|student|tier 4))\b(\s(?:to|onto|into)\b)?")
# A later status said after an earlier one in the same clause: "... then switched to", "... and now on"
SWITCHED_LATER = re.compile(r"\s(?:and |but )?(?:then|later|since then|after that|and now|but now)\s"
                            r"(?=(?:i\s)?(?:switched|changed|moved|transferred|got|went|now|have|am|'m|on|onto)\b)|"
                            r"\s(?:and|but)\s(?=(?:i\s|have\s|i'?ve\s|since\s)?(?:switched|changed|transferred)\b)")
# Protection granted, ending an asylum claim: "was granted refugee status", "got humanitarian protection"
GRANTED_PROTECTION = re.compile(r"\b(?:granted|given|got|awarded|received)\b[^,.;]{0,20}\b(?:refugee|"
                                r"humanitarian protection|protection)\b|\brecogni[sz]ed as a refugee\b")
# A status said to be held before, not now: "I was on a student one before", "previously a dependant"
HELD_BEFORE = re.compile(r"\b(?:i was(?! (?:granted|given|awarded|issued|approved|accepted|recognised))|"
                         r"i were|i'?d been|i had been|used to (?:be|have)|previously|formerly|"
                         r"originally|at first|before that)\b|\bbefore\s*$")
# Quote marks round words, not apostrophes inside them: "leave 'outside the rules'"
QUOTE_MARKS = re.compile(r"\"|(?<![a-z])'|'(?![a-z])")


def unquoted(text: str) -> str:
    """ "leave 'outside the rules'": the words, their quote marks left out."""
    return " ".join(QUOTE_MARKS.sub("", text).split())


APPEALING = re.compile(r"\b(?:appealing|appealed|(?:on|in|under|lodged an|lodged|waiting on|waiting for|"
                       r"awaiting) (?:the |an |my )?appeal)\b")
APPEAL_ENDED = re.compile(r"\b(?:no|not|never|didn'?t|without)\b[^,.;]{0,15}\bappeal|"
                          r"\bappeal\w*\b[^,.;]{0,20}\b(?:refused|rejected|dismissed|failed|lost|unsuccessful|exhausted|granted|won|"
                          r"successful|allowed)\b|\bappeal rights\b")
# A permission that has ended; and what keeps one going (an application made in time, a renewal).
ENDED = re.compile(r"\b(?:visa|leave|permission|permit|status|brp|it|mine|that)\b[^,;]{0,25}?\b(?:ran out|"
                   r"has run out|run out|expired|lapsed|ended|was cancelled|was revoked|was curtailed|"
                   r"(?:is|isn'?t) (?:no longer )?valid)\b|\bexpired (?:visa|leave|permission)\b")
STILL_LEAVE = re.compile(r"\b(?:applied|applying|pending|waiting|awaiting|extended|extension|in progress|"
                         r"3c|appeal\w*|new|now|another|switched|currently|still valid|valid until|"
                         r"renew(?:ed|ing|al))\b")
NOT_RENEWED = re.compile(r"\b(?:haven'?t|havent|have not|hasn'?t|not|never|didn'?t|did not|no)\s+"
                         r"(?:yet\s+|been\s+)?renew(?:ed|ing|al)?\b")
# No permission since the one that ended: "haven't got a new one", "never got another", "no new visa"
NO_NEW_ONE = re.compile(r"\b(?:haven'?t|havent|have not|hasn'?t|has not|didn'?t|did not|don'?t|do not|"
                        r"never|not)\s(?:yet\s|ever\s)?(?:got|get|gotten|have|had|received|"
                        r"been (?:given|granted))\s(?:(?:a\s|any\s)?(?:new|another|other|replacement|fresh)\b"
                        r"(?:\s(?:one|visa|permit|permission|leave))?|(?:anything|something)\s(?:new|else)\b)|"
                        r"\bnothing\s(?:new|else)\b|"
                        r"\bno\s(?:new|other|replacement|fresh)\s(?:one|visa|permit|permission|leave)\b|"
                        r"\bwithout\s(?:a\s|any\s)?(?:new|another)\b(?:\s(?:one|visa))?")
VISA_SPELLINGS = ("skilled", "worker", "refugee", "humanitarian", "indefinite", "discretionary",
                  "dependant", "asylum", "spouse", "student", "graduate", "settlement", "ukrainian",
                  "afghan", "stateless", "permission", "protection")
NOT_VISA_WORDS = frozenset({"worked", "workers", "works", "students", "graduated", "graduates", "studied",
                            "spouses", "skills", "settled", "dependent", "afghans", "killed", "refuge",
                            "refuges", "sponsor", "sponsored", "stated", "states"})


def unrenewed(text: str) -> str:
    """The text without what says no renewal or new permission came ("haven't got a new one",
    "nothing new"), so that its "new" is not read as one held."""
    return NO_NEW_ONE.sub(" ", NOT_RENEWED.sub(" ", text))


def _respelt_visas(text: str) -> str:
    """ "skiled worker", "refugge": a word one slip from a word that names a status, spelt right."""
    import difflib

    def respell(match: re.Match[str]) -> str:
        word = match.group(0)
        if word in VISA_SPELLINGS or word in NOT_VISA_WORDS:
            return word
        close = difflib.get_close_matches(word, [v for v in VISA_SPELLINGS if v[0] == word[0]], n=1,
                                          cutoff=0.85)
        return close[0] if close else word

    return re.sub(r"\b[a-z]{5,14}\b", respell, text)


# A student, said by itself as the status: "student", "I'm an international student", "here as a student",
# "I'm a student here"
STUDENT_ALONE = re.compile(r"(?:i'?m |i am |im )?(?:(?:just |only )?(?:here|in the uk|over here) as )?"
                           r"(?:an? |on an? )?(?:international |overseas |foreign |child )?"
                           r"(?:student|students)(?: one| status| here| in the uk)?[.!]*")


def _status_in(clause: str) -> str | None:
    if re.search(r"\b(asylum seeker|seeking asylum|claimed asylum|claim(ing)? asylum|applied for "
                 r"asylum|asylum (claim|application|case|interview|hearing|appeal)|"
                 r"waiting for (an |my )?asylum|"
                 r"awaiting (an |my )?asylum|pending asylum)\b", clause) and not re.search(
                     r"\b(granted|accepted|approved|successful)\b", clause):
        return "asylum_seeker"
    if re.search(r"\b(refugee|refuge status|humanitarian protection|hp|granted asylum|got asylum|"
                 r"asylum granted)\b",
                 clause) or (re.search(r"\basylum\b", clause) and re.search(
                     r"\b(granted|accepted|approved|successful)\b", clause) and not NEGATION.search(clause)
                                 and not ASYLUM_REFUSED.search(clause)):
        # ("granted after my asylum claim was refused": what was granted is some other leave)
        return "protection"
    # ("DLR": discretionary leave to remain, by its letters)
    if re.search(r"\b(stateless|homes for ukraine|arap|acrs|discretionary leave|dlr|"
                 r"calais|section 67|"
                 r"leave outside (the )?(immigration )?rules|lotr)\b", clause) or \
            NATIONAL_SCHEME.search(clause):
        # ("Ukrainian", "Afghan" by themselves are a nationality, not the scheme)
        return "exempt_leave"
    if re.search(r"\b(visa|leave|permission|permit|status)\b[^,;]{0,25}\b(ran out|run out|runs out|"
                 r"expired|lapsed|ended|was cancelled|was revoked|was curtailed)\b|\bexpired (visa|leave)\b",
                 clause) or NOT_VALID.search(clause):
        if re.search(r"\b(overstay\w*|stayed( on)?|still here|remained)\b", clause):
            return "none"  # "my visa ran out and I stayed on": no permission now
        return None  # a permission that has ended is not one they hold (said with what they hold now)
    if re.search(r"\bgraduate (visa|route)\b|\bpost[- ]study\b|\btier (1|2|5|one|two|five)\b", clause) or \
            BNO.search(clause):
        return "other_permission"
    dependant = DEPENDANT.search(clause)
    if dependant and not is_negated(clause, dependant.start()):
        return "other_permission"  # "student dependant visa": a student's family member is not here to study
    if STUDENT_ALONE.fullmatch(clause):
        return "study"  # the status named by itself, as the option says it: "student", "here as a student"
    if re.search(r"\b(student|study|studying|tier 4|tier four)\b.{0,15}\b(visa|permit|route|leave)\b|"
                 r"\b(student|study) visa\b|\bon a student\b|\btier 4\b|\bchild student\b", clause) or \
            STUDYING_ON_A_VISA.search(clause):
        # "not a student visa" says what it isn't: another clause may say what it is
        return None if is_negated(clause, clause.find("stud")) else "study"
    if NO_VALID_ONE.search(clause) or re.search(r"\b(no permission|no visa|no status|no leave|undocumented|"
                 r"no (?:legal )?papers|without papers|overstay\w*|nothing|none|"
                 # (not "i dont have any it quals": something else they haven't got)
                 r"(?:don'?t have|do not have|haven'?t got) any(?!\s(?:it|ict|computing|tech\w*|gcses?|"
                 r"qualifications?|quals?|degrees?|experience|loans?|student))|i have none|"
                 r"don'?t have (a |any )?(visa|permission|status)|haven'?t got (a |any )?"
                 r"(visa|permission))\b", clause):
        return "none"
    visitor = re.search(r"\b(?:i'?m|i am|im) (?:just |only )?(?:a |here as a )?(?:visitor|tourist)\b", clause)
    if (VISIT_VISA.search(clause) or visitor) and not NEGATION.search(clause):
        return "none"  # a visit visa is no permission to live here
    generic = re.fullmatch(r"(i (have|got) |i'?ve got |(?:i'?m |i am |im )?(?:here |living here )?on )?"
                           r"(a |an |my )?(visa|brp( card)?|biometric residence "
                           r"(permit|card)|residence (permit|card)|leave to remain)( card)?", clause)
    if re.search(VISA_WORDS, clause) and not generic:
        return "other_permission"  # a bare "I have a visa" or "a BRP" doesn't say which: asked again
    return None


# Ukraine's and Afghanistan's schemes by the nation's name: "Ukraine scheme", "Ukraine Permission
# Extension", "Afghan citizens resettlement scheme" (the nationality alone, "Afghan", names none)
NATIONAL_SCHEME = re.compile(r"\b(?:ukrain\w*|afghan\w*)\s(?:[a-z]+\s){0,2}?(?:scheme|visa|route|permission|"
                             r"leave|extension|sponsorship|relocation\w*|resettlement|family)\b")
# The Afghan schemes by their letters: the Afghan Relocations and Assistance Policy, the Afghan Citizens
# Resettlement Scheme
SCHEME_BY_ITS_LETTERS = re.compile(r"\b(?:arap|acrs)\b")
# A scheme named without its nation: "the sponsorship scheme", "came on the resettlement scheme"
SCHEME_NAMED = re.compile(r"\b(?:scheme|sponsorship|relocation\w*|resettlement)\b")
# An asylum claim refused, and no appeal said to have won it: "after my asylum claim was refused"
ASYLUM_REFUSED = re.compile(r"\basylum\b(?:\s(?:claim|application|case))?\s(?:was\s|got\s|been\s|"
                            r"had been\s)?(?:refused|rejected|denied|turned down|unsuccessful)\b"
                            r"(?![^,.;]{0,40}\bappeal)|"
                            r"\b(?:refused|rejected|denied)\s(?:my\s|me\s)?asylum\b(?![^,.;]{0,40}\bappeal)")
# A family member of a visa holder: "student dependant visa", "I'm a dependant", "dependent visa",
# "dependent on my husband's student visa"
DEPENDANT = re.compile(r"\bdependa[nt]+s?\b|\bdependents?\s(?:visa|route|permit|leave|of)\b|"
                       r"\bdependents?\son\s(?:my|her|his|their|our)\s(?:husband|wife|partner|spouse|parents?|"
                       r"mum|mom|dad|father|mother)\b")
STUDENT_NAMED = re.compile(r"\b(?:student|study|studying|students|tier 4|phd|masters?|uni|university)\b")
# Studying here on a visa whose kind is not named, so the study one: "studying at uni here on a visa",
# "at college on a visa", "here on a visa for my degree"
STUDYING_ON_A_VISA = re.compile(r"\b(?:studying|student|at uni\w*|at college|doing (?:a|my) "
                                r"(?:degree|masters?|course))\b[^,;.]{0,30}?\bon (?:a|an|my) visa\b|"
                                r"\bon (?:a|an|my) visa\s(?:to study|for (?:my )?(?:studies|uni\w*|course|"
                                r"degree|masters?))\b")
# A permission said to be valid no more: "my visa isn't valid any more", "it's no longer valid"
NOT_VALID = re.compile(r"\b(?:visa|leave|permission|permit|status|brp|it|mine)(?:'s|\sis)?\s(?:isn'?t|"
                       r"is not|not|no longer|wasn'?t|not even)\s(?:valid|current|in date)\b|"
                       r"\binvalid (?:visa|leave|permission|permit|status)\b|"
                       r"\b(?:visa|leave|permission|permit|status)\s(?:is\s)?invalid\b")
# None held that is valid: "no valid visa", "without a current visa", "no legal status"
NO_VALID_ONE = re.compile(r"\b(?:no|without (?:a|any)|not got (?:a|any)|don'?t have (?:a|any)|haven'?t got "
                          r"(?:a|any))\s(?:valid|current|legal|in[- ]date|active|lawful)\s(?:visa|leave|"
                          r"permission|permit|status|papers|right to (?:stay|remain|be here))\b")


# "it expires before that", "runs out before the end": before the apprenticeship ends
EXPIRES_BEFORE = re.compile(r"\b(expir\w*|ends?|runs? out|running out|lapses?|finish\w*)\s(?:\w+\s){0,2}?"
                            r"before\s(?:that|then|it (?:(?:would|will|'d|'ll|could) )?"
                            r"(?:ends?|finish(?:es)?|does|be over|be done|be finished)|the end|"
                            r"the apprenticeship|techtrack|the programme|the course)\b|"
                            # "it ends half way through", "runs out in the middle of it"
                            r"\b(?:expir\w*|ends?|runs? out|running out|lapses?|finish\w*)\s(?:\w+\s){0,2}?"
                            r"(?:(?:half|part|mid)[- ]?way(?: through)?|in the middle(?: of it| of the "
                            r"apprenticeship)?|during (?:it|the apprenticeship|techtrack|the programme))\b")


# A lasting status applied for, not yet held: "I already applied for settled status"
UPGRADE_APPLIED_FOR = re.compile(r"\b(?:already applied|(?:i'?ve|i have|i) applied|(?:i'?m|i am) waiting|"
                                 r"still waiting|awaiting)\s(?:for\s|on\s)?(?:my\s|the\s|a\s)?(?:settled|ilr|"
                                 r"indefinite|citizenship|british citizenship|naturali[sz]ation)\b")
# An extension or renewal applied for: "applied for the Ukraine Permission Extension", "waiting on my
# renewal" ("I'll be applying for an extension" is one to come)
EXTENSION_APPLIED = re.compile(r"\b(?:applied|(?<!be )applying|(?<!be )waiting|awaiting)\b[^.;]{0,30}?"
                               r"\b(?:extension|renewal|to extend|to renew|new visa)\b")
# An old document's date set against the current one: "my old BRP says 2024 but my eVisa says 2032"
OLD_DOCUMENT_THEN = re.compile(r"\b(?:old|previous|expired|first)\b[^.;]{0,60}?\bbut\s(?=(?:my |the |now |"
                               r"it |i )?(?:new|current|e-?visa|ukvi|online|latest|updated|renewed|now|"
                               r"extension|it'?s been|it was))")


# An amount in words, as lengths of time left are said: "a year", "two years", "twelve months"
TIME_LEFT_WORDS = r"a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"


def parse_permission_lasts(text: str, today: date | None = None) -> str | None:
    """Whether their status lasts the whole apprenticeship: yes/no, or an expiry ("my visa runs
    out in 8 months", "it expires in 2029") compared with the apprenticeship's length."""
    text = normalise(text)
    today = today or date.today()
    if is_not_sure(text):
        return NOT_SURE
    old_then_new = OLD_DOCUMENT_THEN.search(text)
    if old_then_new:
        # "my old BRP says it expired in 2024 but my eVisa shows leave until 2032": the current one
        later = parse_permission_lasts(text[old_then_new.end():], today)
        if later in (YES, NO):
            return later
    if (UPGRADE_APPLIED_FOR.search(text) or EXTENSION_APPLIED.search(text)) and \
            not re.search(r"\b(got|granted|received|approved)\b", text):
        # "it runs out in spring, but I already applied for settled status", "applied for the Ukraine
        # Permission Extension, still waiting": a decision due
        return NOT_SURE
    lasting = re.search(r"\b(no expiry|doesn'?t expire|never expires|indefinite|permanent|settled|"
                        r"for life|ilr|forever|british citizen|citizenship|naturali[sz]ed)\b", text)
    hoped = [match.span() for match in RENEWAL_PLANNED.finditer(text)]
    if lasting and (any(start <= lasting.start() < end for start, end in hoped) or
                    (STATUS_TO_COME.search(text[max(0, lasting.start() - 30):lasting.start()]) and not
                     re.match(r"[^,.;]{0,20}\b(?:got|granted|received|approved)\b", text[lasting.end():]))):
        # "hopefully I'll have settled before then", "runs out next autumn, ... apply for ilr": an upgrade
        # to come, not held (an exploratory tester's was read as lasting: "eligible")
        lasting = None
    if lasting and not re.search(r"\bpre[- ]?settled\b", text) and (
            lasting.group(1) in ("no expiry", "doesn't expire", "doesnt expire", "never expires") or
            not NEGATION.search(text[:lasting.start()])):
        return YES  # ("not settled yet" is no such status)
    if UNLESS_GRANTED.search(text):
        return NOT_SURE  # "only if my extension gets approved": lasting hangs on a decision to come
    renewal = RENEWAL_PLANNED.search(text)
    if renewal and UPGRADE_EXPECTED.search(renewal.group(0)) and not NEGATION.search(text):
        # "i think yes, i will get settled next year anyway": the status to come, not the one held,
        # is what would last; whether it is granted in time is for the admissions team
        return NOT_SURE
    if renewal and EXPECTED_FINE.search(text):
        return NOT_SURE  # "I'll renew it halfway through, should be fine": for the team to check
    if renewal and RENEWED_DURING.search(text) and not re.search(
            r"\b(applied|extended|renewed|pending|waiting|awaiting|in progress)\b", text):
        return NO  # "I'd have to renew it halfway through": it runs out during the apprenticeship
    before_the_end = EXPIRES_BEFORE.search(text)
    if before_the_end and not is_negated(text, before_the_end.start(), verbs=True) and not re.search(
            r"\b(applied|extended|renewed|pending|waiting|awaiting|in progress)\b", text):
        return NO  # "it runs out before then, I'll have to extend it": an extension not yet held
    if before_the_end and is_negated(text, before_the_end.start(), verbs=True) and not renewal and \
            not re.search(r"\b(but|though|unless|until|if|applied|pending|waiting)\b", text):
        return YES  # "it won't expire before then, no": it lasts (the "no" says it won't run out)
    grant = next((found for found in (grant.search(text) for grant in GRANTS) if found), None)
    if grant:
        return _left_of_a_grant(grant, today)  # (asked again when what is left may be either side)
    months = None
    match = re.search(r"\b(in|after|another|for|left|got)\s+(?:about |around |only |just )?"
                      r"(\d+(?:\.\d+)?|" + TIME_LEFT_WORDS + r")\s+(months?|years?|weeks?)\b", text)
    if not match:
        # "5 years left on it", "about a year to go": what is left, said first
        match = re.search(r"(?:^|\s)(?:about |around |only |just |roughly )?()(\d+(?:\.\d+)?|" +
                          TIME_LEFT_WORDS + r")\s+(months?|years?|weeks?)\s+(?:left|remaining|to go|more)\b",
                          text)
    if not match:
        # "valid 3 more years", "another two years on it"
        match = re.search(r"(?:^|\s)()(\d+(?:\.\d+)?|" + TIME_LEFT_WORDS +
                          r")\s+more\s+(months?|years?|weeks?)\b", text)
    if not match:
        match = TIME_ON_IT.search(text)  # "pre-settled still has 3 years on it"
    if not match:
        # "1 year", said alone: how long it has left
        match = re.match(r"^(?:about |around |only |just |roughly |like )?()(\d{1,3}(?:\.\d{1,2})?|" +
                         TIME_LEFT_WORDS + r") ?(months?|years?|weeks?)[.!]{0,3}$", text.strip())
    if match:
        amount_text = match.group(2)
        amount = float({"a": 1, "an": 1}.get(amount_text, 0) or
                       (numbers(amount_text)[0][0] if numbers(amount_text) else 0))
        unit = match.group(3)
        months = amount * (12 if unit.startswith("year") else 1 / 4.3 if unit.startswith("week") else 1)
        if months == 24 and " more " not in match.group(0) and not renewal and \
                not re.search(r"\b(over|more than)\s*$", text[:match.start(2)]):
            return NOT_SURE  # "2 years left": just the apprenticeship's length, which is up to two years
    if months is None and (re.search(r"\b(expir\w*|ends?|runs? out|valid|until|till|to)\b", text) or
                           DOCUMENT_SAYS.search(text)):
        months = _months_to_expiry(text, today)
    if months is None and re.search(r"\b(next year|this year|soon|few months|(next|this|in the) "
                                    r"(spring|summer|autumn|winter|month)|next (january|february|march|"
                                    r"april|may|june|july|august|september|october|november|december))\b",
                                    text) and \
            re.search(r"\b(expir\w*|ends?|runs? out|renew)\b", text):
        if renewal and re.search(r"\bnext year\b", text):
            return NOT_SURE  # "ends next year, I'll apply to extend": a rough date and an extension to come
        months = 6
    if months is None and renewal and re.search(r"\b(expir\w*|ends?|runs? out|running out)\b", text):
        months = _months_to_a_month(text, today)  # "it runs out in june": the next June to come
    if months is not None and months < 24 and renewal and (
            months >= 12 or re.search(r"\bpre[- ]?settled\b", text) or
            LASTING_UPGRADE.search(renewal.group(0))):
        # "pre-settled ends in 2027, I'll apply for settled before", "expires in 2028, I'll renew it",
        # "runs out in June, I'll be applying for ILR before then": upgraded or renewed in time? (one
        # running out within the year, only renewed, is a no)
        return NOT_SURE
    if months is not None:
        return YES if months >= 24 else NO
    return parse_yes_no(text)


# Words before a status that say it is still to come: "apply for ilr", "waiting on settled", "hoping to get"
STATUS_TO_COME = re.compile(r"\b(?:apply\w*|applied|waiting|awaiting|hoping|hope|want|get|getting|go for|"
                            r"eligible|qualify)\s(?:\w+\s){0,2}?(?:for\s|on\s|to\s|to get\s)?"
                            r"(?:my\s|full\s|the\s)?$")
# A lasting status to come, after "I'll" or "hopefully": "have settled", "get ILR", "be granted
# indefinite leave"
LASTING_STATUS_TO_COME = (r"(?:hopefully\s)?(?:have|get|be)\s(?:got\s|been granted\s|upgraded to\s|"
                          r"moved to\s|switched to\s)?(?:full\s)?(?:settled|ilr|indefinite leave)\b")
# Lasting only if a decision to come goes their way: "only if my extension gets approved", "if the
# renewal goes through", "if they extend it"
UNLESS_GRANTED = re.compile(r"\bif\s(?:my\s|the\s|our\s)?(?:extension|renewal|application|new visa|visa|"
                            r"leave|it|settled status|upgrade)\s(?:\w+\s)?(?:gets?|is|goes|comes|will be)\s"
                            r"(?:approved|granted|accepted|through|renewed|extended|back)\b|"
                            r"\bif\s(?:they|the home office)\s(?:extend|renew|approve|grant)\b|"
                            # "unless I get settled by then", "unless we're granted ILR"
                            r"\bunless\s(?:i|we|she|he)\s(?:get|am granted|'?m granted|'?re granted|"
                            r"are granted|upgrade to|switch to|move to)\s(?:full\s|my\s|an?\s)?"
                            r"(?:settled|ilr|indefinite leave|extension|renewal|new visa)\b")
# Time left on a permission, said as what it still has: "pre-settled still has 3 years on it", "my visa
# has got 2 years on it", "there's 30 months on the card" (the unit after the amount)
TIME_ON_IT = re.compile(r"\b(?:has|have|got|still|there'?s|there is)\s(?:got\s)?"
                        r"(?:about |around |only |just |roughly |another |over )?"
                        r"()(\d+(?:\.\d+)?|" + TIME_LEFT_WORDS +
                        r")\s(months?|years?|weeks?)\s(?:left\s)?on\s"
                        r"(?:it|the\s\w+|my\s\w+|mine)\b")
# A renewal or an upgrade to come ("I'll have to renew it", "I'll apply for settled before then", "I'll
# be applying for an extension"), or open to them ("I can extend it", "it can be renewed")
# ("then I apply ILR": the next step said in the present, "for" left out)
RENEWAL_PLANNED = re.compile(r"\b(?:i'?ll|i will|i'?m going to|going to|gonna|i'?d|have to|need to|"
                             r"planning to|plan to|i can|i could|i'?m able to|i am able to|then i)\s(?:be\s)?"
                             r"(?:have to\s|need to\s)?(?:apply to\s)?"
                             r"(?:renew(?:ing)?|extend(?:ing)?|"
                             r"apply(?:ing)? (?:for )?(?:full )?(?:settled|settlement|ilr|indefinite leave|"
                             r"(?:british )?citizenship|naturali[sz]ation)|"
                             r"apply(?:ing)? for (?:an? )?(?:extension|renewal)|"
                             r"upgrad(?:e|ing))\b|\b(?:it|which|that)\s(?:can|could)\sbe\s(?:renewed|extended)\b|"
                             r"\b(?:renewable|extendable)\b|"
                             # "hopefully I'll have settled before then": the upgrade, hoped for
                             r"\b(?:i'?ll|i will|i should|i'?d|hopefully)\s" + LASTING_STATUS_TO_COME)
# An upgrade to a lasting status said to come: "I'll get settled", "hopefully I'll have ILR"
UPGRADE_EXPECTED = re.compile(r"\b(?:i'?ll|i will|i should|hopefully)\s" + LASTING_STATUS_TO_COME)
# A renewal said to fall within the apprenticeship: "halfway through", "partway through", "during it"
RENEWED_DURING = re.compile(r"\b(?:halfway|half way|half-way|partway|part way|part-way|midway|mid-way|"
                            r"mid way)(?:\sthrough)?\b|\bin the middle(?:\sof (?:it|the apprenticeship|"
                            r"the course|the programme|techtrack))?\b|"
                            r"\b(?:during|before the end of)\s(?:it|the apprenticeship|the course|"
                            r"the programme|techtrack)\b")
# A document showing the expiry: "my BRP says 2030", "the card shows march 2028"
DOCUMENT_SAYS = re.compile(r"\b(?:brp|card|visa|permit|e-?visa|it)\s(?:says|shows|reads)\b")
# An expiry's year, its month perhaps named before it: "expires in 2028", "ends march 2027"
EXPIRY_YEAR = re.compile(r"\b(?:(" + MONTHS + r")\.?\s)?(20\d\d)\b")


# An upgrade to a status with no end: "apply for ILR", "have settled", "apply for citizenship"
LASTING_UPGRADE = re.compile(r"\b(?:settled|settlement|ilr|indefinite leave|citizenship|naturali[sz]ation)\b")
# An expiry said by its month alone: "runs out in june", "expires at the end of march"
EXPIRY_MONTH = re.compile(r"\b(?:expir\w*|ends?|runs? out|running out)\s(?:in\s|on\s|at the end of\s|"
                          r"the end of\s|end of\s)?(" + MONTHS + r")\b"
                          r"(?!\.?,?\s(?:\d{1,2}(?:st|nd|rd|th)?,?\s)?(?:19|20)\d\d)")


def _months_to_a_month(text: str, today: date) -> int | None:
    """Months from now to an expiry said by its month alone ("it runs out in june"): the next such
    month to come (within the year)."""
    expiry = EXPIRY_MONTH.search(text)
    if not expiry or re.search(r"\b(?:19|20)\d\d\b", text):
        return None
    return (MONTH_NUMBERS[expiry.group(1)] - today.month) % 12 or 12


def _months_to_expiry(text: str, today: date) -> int | None:
    """Months from now to an expiry said by its year: to its month when named, else to the year's
    start (the earliest it may be: "runs out in 2028" may not cover a start still to come)."""
    expiry = EXPIRY_YEAR.search(text)
    if not expiry:
        return None
    month = MONTH_NUMBERS.get(expiry.group(1) or "", 1)
    return (int(expiry.group(2)) - today.year) * 12 + month - today.month
# The renewal expected or hoped to go through: "should be fine", "hopefully that goes through"
EXPECTED_FINE = re.compile(r"\b(?:should be (?:fine|ok|okay|alright|no problem)|shouldn'?t be (?:a|an) "
                           r"(?:problem|issue)|no problem|will be fine|fingers crossed|"
                           r"hopefully\s(?:\w+\s){0,3}?(?:goes through|go through|gets? (?:approved|accepted|"
                           r"granted)|(?:will )?be (?:fine|ok|okay|alright|approved|granted)|works? out))\b")
AMOUNT_WORDS = r"\d{1,2}|a|an|one|two|three|four|five|six|seven|eight|nine|ten"
GRANT_VERBS = r"(?:granted|given|awarded|issued|approved)"
LENGTH = (r"(?P<amount>" + AMOUNT_WORDS + r")[\s-](?P<unit>years?|months?)"
          r"(?: (?:of )?(?:leave|visa|status|permission))?")
WHEN_GRANTED = (r"(?P<when>last year|this year|last month)|(?:in )?(?P<year>(?:19|20)\d\d)|"
                r"(?P<ago>\d{1,2}|a|one|two|three|four|five|a few|a couple of|couple of|few) "
                r"(?P<ago_unit>years?|months?|weeks?) ago|(?P<recently>recently|just now)")
# A permission said to be got: "I got it", "was granted it", "received mine"
GOT_IT = (r"(?:got|received|had|(?:was|were) (?:granted|given|awarded))\s(?:it|mine|that|this|them|my "
          r"(?:status|leave|visa|permission|brp))")
# "5 years granted last year", "granted 30 months of leave in 2025", "given 3 years ago for 5 years"
GRANTS = (re.compile(r"\b" + LENGTH + r",? (?:was |were |that was )?" + GRANT_VERBS + r" (?:to me )?(?:"
                     + WHEN_GRANTED + r")\b"),
          re.compile(r"\b" + GRANT_VERBS + r" (?:for )?" + LENGTH + r" (?:" + WHEN_GRANTED + r")\b"),
          re.compile(r"\b" + GRANT_VERBS + r" (?:" + WHEN_GRANTED + r") for " + LENGTH + r"\b"),
          re.compile(r"\b" + LENGTH + r" (?:from|starting(?: in)?|since) (?:" + WHEN_GRANTED + r")\b"),
          # "refugee status is 5 years, I got it last year": the length, then when they got it
          re.compile(r"\b" + LENGTH + r"[,;.]? (?:and |but )?(?:i |we )?" + GOT_IT + r" (?:"
                     + WHEN_GRANTED + r")\b"),
          # "my leave is 5 years and it was only granted last year"
          re.compile(r"\b" + LENGTH + r"[,;.]? (?:and |but )?(?:it|that|mine|this) (?:was|got) "
                     r"(?:only |just )?" + GRANT_VERBS + r" (?:" + WHEN_GRANTED + r")\b"),
          # "got it in 2024 for 5 years", "I got it last year, it's 5 years"
          re.compile(r"\b" + GOT_IT + r" (?:" + WHEN_GRANTED + r")[,;]? (?:and )?(?:for |it'?s |it is |"
                     r"it lasts |which is )" + LENGTH + r"\b"))


def _left_of_a_grant(grant: re.Match[str], today: date) -> str | None:
    """ "refugee status, 5 years granted last year": what is left of a permission of a length granted
    at a time, against the apprenticeship's two years; None when what is left could fall either side."""
    said = grant.groupdict()
    length = _count(said["amount"]) * (12 if said["unit"].startswith("year") else 1)
    if said["when"] == "last year":
        elapsed = (today.month, today.month + 11)
    elif said["when"] == "this year":
        elapsed = (0, today.month - 1)
    elif said["when"] == "last month":
        elapsed = (1, 2)
    elif said["year"]:
        year = int(said["year"])
        if year > today.year:
            return None
        elapsed = (max(0, (today.year - year - 1) * 12 + today.month),
                   (today.year - year) * 12 + today.month - 1)
    elif said["recently"] or said["ago_unit"].startswith("week"):
        elapsed = (0, 3)  # "granted recently", "a few weeks ago"
    elif said["ago"] in ("a few", "few", "a couple of", "couple of"):
        elapsed = (1, 6) if said["ago_unit"].startswith("month") else (18, 54)
    else:
        yearly = said["ago_unit"].startswith("year")
        ago = _count(said["ago"]) * (12 if yearly else 1)
        elapsed = (max(0, ago - (6 if yearly else 1)), ago + (6 if yearly else 1))
    least, most = length - elapsed[1], length - elapsed[0]
    return YES if least >= 24 else NO if most < 24 else None


def _count(amount: str) -> int:
    return {"a": 1, "an": 1}.get(amount) or int(numbers(amount)[0][0])
