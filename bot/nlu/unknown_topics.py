"""Topics people ask about that the published FAQ does not cover: annual leave, visa sponsorship, fees,
equipment, negotiating the salary, London weighting, reasonable adjustments, the coding challenge's
language, how competitive it is, applying for more than one role, failing, the number of places, working
hours, what each role involves day to day, what the coding challenge involves, how the providers compare,
doing it part-time, when it starts, a probation period, applying again, recognition outside the Civil
Service, pensions, help writing an application, security clearance, asylum decision times, pass marks,
where the bootcamp takes place,
which departments take apprentices, other Civil Service schemes (the Fast Stream), a dress code, whether
a department must agree to release you.
Another employer's apprenticeships or jobs, other careers and other services asked in TechTrack's words
("salary of a software developer at Google", "how do I get a student loan for uni?") are declined as
off-topic (OUTSIDE_TECHTRACK).
A question on one of them gets an honest "the FAQ doesn't say" and the route to the admissions team,
not the nearest entry's answer (an exploratory tester's "Does TechTrack sponsor visas?" got the
answer about work visas, and "how much annual leave do apprentices get?" the salary answer).
"""

from __future__ import annotations

import re

NEEDS = r"(?:extra time|adjustments?|support|accommodations?|help)"
# Another employer's apprenticeships: not the FAQ's gap but another subject, declined as off-topic
OUTSIDE_TECHTRACK = "apprenticeships outside TechTrack"
# Employers and trades with apprenticeships of their own, not TechTrack's
OTHER_SECTORS = (r"(?:police|army|military|navy|royal navy|raf|nhs|nursing|plumb\w*|electrician|hairdress\w*|"
                 r"construction|mechanic\w*|carpentry|joinery|bricklay\w*|chef|catering|accountan\w*|"
                 r"law|legal|solicitor|banking|retail|teaching|childcare|veterinary|farming|butcher)")
OTHER_EMPLOYERS = (r"(?:bt|bbc|google|amazon|microsoft|ibm|apple|meta|barclays|lloyds|hsbc|natwest|santander|"
                   r"deloitte|pwc|kpmg|ey|accenture|capgemini|sky|vodafone|network rail|tesco|sainsbury|"
                   r"jaguar land rover|jlr|rolls[- ]royce|bae|bae systems|airbus|openreach|the nhs|nhs)")
# Careers with their own routes in: "what qualifications do I need to be a doctor"
OTHER_CAREERS = (r"(?:doctor|nurse|teacher|lawyer|solicitor|barrister|pilot|dentist|vet|police officer|"
                 r"paramedic|midwife|pharmacist|architect|accountant|electrician|plumber|chef|firefighter|"
                 r"soldier|social worker|physio\w*|surgeon)")
CONDITIONS = r"(?:dyslexi\w*|adhd|autis\w*|disab\w*|neurodiver\w*)"
ROLE_NAMES = (r"(?:software dev\w*|software engineer\w*|dev ?ops(?: engineer\w*)?|business analysts?|ba|"
              r"cyber(?: security)?(?: technologist)?|cyber ?sec\w*)")

# (what the FAQ doesn't cover, said in the reply; the words that ask about it; words that make it
# a question the FAQ does answer)
TOPICS: tuple[tuple[str, re.Pattern[str], re.Pattern[str] | None], ...] = (
    ("annual leave or holidays", re.compile(
        r"\bannual leave\b|\bholiday (?:entitlement|allowance|days)\b|\bhow many (?:days'? )?holidays?\b|"
        r"\bdays'? (?:holiday|annual leave)\b|"
        r"\bdo (?:i|we|you|apprentices) get (?:any )?(?:holidays?|leave)\b"),
     # ("do I keep my annual leave if I join?": a civil servant's terms, which the FAQ covers)
     re.compile(r"\b(?:keep|existing|current|t&cs|terms|still have|change|built up|my own department)\b")),
    ("visa sponsorship", re.compile(
        r"\bsponsor (?:my |a |me|visas?|people|apprentices|international)|\bvisa sponsorship\b|"
        r"\bsponsorship (?:for|of) (?:a |my |the )?(?:skilled worker )?visa\b|\bwhat is sponsorship\b"),
     re.compile(r"\bukrain\w*|\bhomes for\b")),
    ("fees or costs for the training", re.compile(
        r"\b(?:course|tuition|training|programme|apprenticeship) (?:fees?|costs?)\b|"
        r"\bpays? (?:for|towards) (?:the )?(?:training|course|apprenticeship|programme)\b|"
        r"\bany (?:course |training )?fees\b|\bcost (?:me )?anything\b|\bapplication fees?\b|"
        r"\b(?:course|training|apprenticeship|programme|it) cost me\b|"
        r"\b(?:do|will|would) (?:i|we|apprentices) (?:have to |need to )?pay "
        r"(?:anything|for anything|any money)\b|"
        r"\bhow much (?:does|will|would|is) (?:it|techtrack|tech track|the apprenticeship|the course|"
        r"the training|the programme) (?:cost|be)\b|"
        r"\bis (?:it|techtrack|tech track|the apprenticeship|the course|the training|the programme) free\b"),
     re.compile(r"\bloans?\b|\bstudent finance\b|\bfunded\b")),
    ("equipment such as a laptop", re.compile(
        r"\b(?:my own|own|provided with a|give (?:me|us|you) a|get a|need a)\s(?:laptop|computer|pc|"
        r"work phone)\b(?! science| club| course)|"
        # "what laptop do i get", "which computer will we be given"
        r"\b(?:what|which)\s(?:kind of\s|sort of\s|type of\s)?(?:laptop|computer|pc|work phone)\s(?:do|will|"
        r"would|are|is)\s(?:i|we|you|apprentices)\s(?:get|be given|be provided|have|use)\b"), None),
    ("negotiating the salary", re.compile(r"\bnegotiat\w*\b[^.?!]{0,25}\b(?:salary|pay|wage)\b"), None),
    ("London weighting", re.compile(r"\blondon weight(?:ing|ed)\b|\b(?:paid|pay) more in london\b"), None),
    ("reasonable adjustments", re.compile(
        r"\breasonable adjustments?\b|\b" + NEEDS + r"\b[^.?!]{0,40}\b" + CONDITIONS + r"|\b" + CONDITIONS +
        r"[^.?!]{0,40}\b" + NEEDS + r"\b"), None),
    ("the programming languages used in the coding challenge or the training", re.compile(
        r"\b(?:programming|coding) languages?\b|\bwhat language\b[^.?!]{0,30}\b(?:coding|challenge|code|"
        r"test)\b|\b(?:coding challenge|challenge)\b[^.?!]{0,30}\blanguage\b|"
        r"\bwhat languages? (?:do|will|would|does) (?:they|you|makers|it|i|we) (?:teach|use|learn|cover)\b"),
     None),
    ("how competitive it is", re.compile(
        r"\bacceptance rate\b|\bhow competitive\b|\bsuccess rate\b|\bpass rates?\b|"
        r"\bhow many (?:people|applicants) (?:apply|applied|get (?:in|accepted|a place))\b|"
        r"\bchances? of getting (?:in|a place|accepted)\b"),
     None),
    ("applying for more than one role", re.compile(
        r"\b(?:more than one|multiple|several|two|both) (?:roles?|of the roles)\b[^.?!]{0,25}"
        r"\b(?:apply|at (?:the same|once)|same time)\b|\bapply (?:for|to) (?:more than one|multiple|several|"
        r"two|both) (?:roles?|of the roles|of them)\b|"
        # "can I apply for both BA and cyber at the same time?"
        r"\bapply (?:for|to) both\b[^.?!]{0,40}\b(?:at (?:the same time|once)|together)\b"), None),
    ("what happens if you fail the apprenticeship or its assessment", re.compile(
        r"\bwhat (?:happens )?if (?:i|you|we|he|she|they|someone|an apprentice) "
        r"(?:fails?|doesn'?t pass|don'?t pass)\b|"
        r"\bfail(?:s|ed|ing)? (?:the |my |an? )?(?:epa|end[- ]point(?: assessment)?|exam|apprenticeship|"
        r"programme)\b|\bresit (?:the |my |an? )?(?:epa|end[- ]point|exam)\b"),
     re.compile(r"\bgcses?\b|\bmaths\b|\benglish\b|\bleave\b|\bquit\b")),
    ("how many places there are", re.compile(
        r"\bhow many (?:places|spaces|spots|vacancies|positions|apprentices (?:do you|are|will be) "
        r"(?:take|taken|hired|recruited|accepted))\b|"
        r"\bnumber of (?:apprenticeship |techtrack )?(?:places|spaces|vacancies|positions)\b"), None),
    ("working hours", re.compile(
        r"\bworking hours\b|\bwhat (?:are the )?hours\b|\bhours (?:would|will|do|does) (?:i|we|you|he|she|"
        r"apprentices?) (?:work|do)\b|\b(?:9|nine) ?(?:to|till?|-|–) ?(?:5|five)\b"),
     re.compile(r"\bstudy\w*|\blearning\b|\bwebinars?\b|\boff[- ]the[- ]job\b|\btraining\b|"
                r"\bpart[- ]time\b|\bengland\b|\bscotland\b|\bwales\b|\bsplit\b|\bhalf\b")),
    ("what each role involves day to day", re.compile(
        r"\bwhat (?:does|do|would) (?:a |an )?" + ROLE_NAMES + r"s? (?:actually |really |even )?do\b|"
        r"\bwhat(?:'?s| is) (?:a |an )?" + ROLE_NAMES + r"(?: role| job)?\s?(?:\?|$)|"
        r"\b" + ROLE_NAMES + r"\b[^.?!]{0,30}\bday[- ]to[- ]day\b|\bday[- ]to[- ]day\b[^.?!]{0,30}\b" +
        ROLE_NAMES + r"|"
        r"\bwhich (?:role|one|apprenticeship) (?:is|would be|will be|should i|suits|fits)\b[^.?!]{0,30}"
        r"\b(?:best|right|better|suit|pick|choose|go for|for me)\b"),
     # (the training's week, the programme's structure or the apprenticeship itself, which the FAQ gives:
     # "what is the devops one like day to day")
     # ("which role is best with no experience?": the entry requirements, which the FAQ gives)
     re.compile(r"\b(?:training|study\w*|learning|webinars?|course|structure|how long|duration|salary|pay|"
                r"experience|qualifications?|"
                r"provider|providers|who (?:runs|delivers)|one|apprenticeships?|programmes?|route|scheme|"
                r"bootcamp|placement)\b")),
    ("what the coding challenge involves", re.compile(
        r"\bwhat(?:'s| is| will be) (?:in|on) (?:the )?coding challenge\b|"
        r"\bwhat (?:does|is) (?:the )?coding challenge (?:involve|like|consist|about|test)\b|"
        r"\b(?:how (?:hard|difficult|long) is|what kind of|what type of|what sort of)\b[^.?!]{0,25}"
        r"\bcoding challenge\b|\bcoding challenge\b[^.?!]{0,20}\b(?:hard|difficult|questions|tasks)\b"),
     re.compile(r"\blanguages?\b|\bpass rate\b")),
    ("how the training providers compare", re.compile(
        r"\b(?:makers|bpp|estio)\b[^.?!]{0,30}\b(?:any good|better|worse|reputation|reviews?|rated|"
        r"recommend\w*)\b|\b(?:better|best|worse|prefer)\b[^.?!]{0,20}\b(?:makers|bpp|estio)\b"), None),
    ("doing the apprenticeship part-time", re.compile(
        r"\b(?:do|study)\s(?:it|this|techtrack|tech track|the apprenticeship|the programme|an apprenticeship)"
        r"\s(?:on a\s)?part[- ]?time\b|\bpart[- ]?time\s(?:option|apprenticeship|route|version)\b|"
        r"\bis (?:it|there|techtrack) (?:a )?part[- ]?time\b"),
     re.compile(r"\bengland\b|\bwales\b|\bscotland\b|\bnorthern ireland\b|\bborder\b|\bsplit\b|"
                r"\boffice\b|\bdays? in\b|\bdegree\b|\buni\w*\b|\bloans?\b|\bmba\b")),
    ("when the apprenticeship starts", re.compile(
        r"\bwhen (?:does|do|will|is) (?:the )?(?:next )?(?:cohort|apprenticeship|programme|techtrack|"
        r"tech track|bootcamp|course|it) (?:start|begin|kick off|commence)\b|\bnext cohort\b|"
        r"\bstart dates? (?:for|of) (?:the )?(?:apprenticeship|programme|techtrack|cohort|bootcamp)\b"),
     re.compile(r"\bapplications?\b|\bapply\b")),
    ("a probation period", re.compile(
        r"\bprobation(?:ary)? (?:period|periods)\b|\bis there (?:a |any )?probation\b"), None),
    ("applying again after an unsuccessful application", re.compile(
        r"\b(?:rejected|unsuccessful|not successful|turned down|don'?t get (?:in|it|a place|through)|"
        r"fail\w*)\b[^.?!]{0,40}\b(?:re-?apply|apply again|try again)\b|"
        r"\b(?:re-?apply|apply again|try again)\b[^.?!]{0,20}\bnext (?:year|time|round|intake)\b"), None),
    ("how the qualification is recognised outside the Civil Service", re.compile(
        r"\brecogni[sz]ed\b[^.?!]{0,40}\b(?:outside|elsewhere|private sector|industry|other employers)\b|"
        r"\b(?:transferable|valued) (?:outside|elsewhere|in the private sector)\b"), None),
    # (asked about, not said of themselves: "retired on a pension, am I too old?" is the age entry's)
    ("pensions", re.compile(
        r"\b(?:what'?s|what is|how'?s|how is|is there|are there|do (?:i|you|we|apprentices) get|will i get|"
        r"does it (?:come with|include)|what about) (?:the |a |any )?pensions?\b|"
        r"\bpension (?:scheme|contributions?) (?:for|on) (?:apprentices|techtrack|the apprenticeship)\b"),
     # ("do I keep my pension if I join?": a civil servant's terms, which the FAQ covers)
     # (nor the state's pension, credit or transfers: everyday requests, and "past state pension age")
     re.compile(r"\b(?:keep|existing|current|stay|my own department|civil serv\w+|t&cs|terms|state|credit|"
                r"transfer\w*|contributions?)\b")),
    ("help writing your application", re.compile(
        r"\b(?:write|draft) me (?:a |an )?(?:cover letter|cv|personal statement|supporting statement)\b|"
        r"\b(?:write|draft|do|check|review) (?:a |an |my )?(?:cover letter|cv|personal statement|supporting "
        r"statement|application)\b[^.?!]{0,30}\b(?:techtrack|apprenticeship|this role|this application)\b"),
     None),
    ("security clearance or vetting", re.compile(
        r"\b(?:security|sc|dv|bpss|ctc) (?:clearance|cleared|vetting|vetted|check)\b|\bvetting\b|"
        r"\bneed (?:to be )?(?:security )?cleared\b"), None),
    ("where the training or bootcamp takes place", re.compile(
        # (every role's training "in person" is left to the FAQ: Business Analyst's and Cyber's is online)
        r"\b(?:is|are|will|would)\s(?:the\s)?bootcamp\s(?:be\s)?(?:held\s)?"
        r"(?:in person|face to face|on ?site|in (?:london|manchester|leeds|birmingham|bristol|newcastle|"
        r"sheffield|glasgow|cardiff|an office|a classroom))\b|"
        r"\b(?:is|are|will|would)\s(?:the\s)?(?:training|classes|lessons)\s(?:be\s)?(?:held\s)?"
        r"in (?:london|manchester|leeds|birmingham|bristol|newcastle|sheffield|glasgow|cardiff)\b|"
        r"\bwhere(?:'s|s| is| are| will| would| does)?\s(?:the\s)?(?:bootcamp|makers|bpp|estio)\b|"
        r"\bwhere (?:is|does|will) (?:the )?(?:bootcamp|training) (?:be )?"
        r"(?:held|based|take place|happen)\b"),
     # (Business Analyst and Cyber: the FAQ says their training is online)
     re.compile(r"\bonline\b|\bbusiness analyst|\bba\b|\bcyber")),
    ("pass marks for the application's tests", re.compile(
        r"\bpass ?marks?\b|\bwhat (?:score|mark|percentage) (?:do|would|will) (?:i|you|we) need\b|"
        r"\b(?:minimum|required) (?:score|mark)\b"), None),
    ("which departments take apprentices", re.compile(
        r"\b(?:which|what) (?:government |civil service )?departments? (?:are there|are involved|"
        r"are taking part|take part|are part of|take (?:on )?apprentices|have places|are hiring|"
        r"are recruiting)\b|"
        r"\blist (?:of )?(?:the )?(?:participating )?departments\b"), None),
    ("other Civil Service schemes such as the Fast Stream", re.compile(r"\bfast ?stream\b"), None),
    ("a dress code", re.compile(
        r"\bdress ?code\b|\bwhat (?:do|should|would) (?:i|we|apprentices) (?:need to )?wear\b"), None),
    ("whether your department has to agree to release you", re.compile(
        r"\b(?:department|dept|manager|line manager|team|director)\b[^.?!]{0,20}\b(?:won'?t|wont|doesn'?t|"
        r"refuses? to|will not|does not|might not|may not)\s(?:release|let me go|agree|sign (?:it )?off|"
        r"approve|support)\b|\b(?:release|sign[- ]off|approval) from (?:my |the )?(?:department|dept|"
        r"line manager|manager)\b"), None),
    ("how long asylum decisions take", re.compile(
        r"\bhow long (?:does|do|will|would|can) (?:an? |the |my |his |her )?asylum (?:decision|claim|"
        r"application|case)s? (?:take|last)\b"), None),
    (OUTSIDE_TECHTRACK, re.compile(
        r"\brecommend (?:any |some )?(?:other |different )?apprenticeships?\b|\b(?:other|different) "
        r"apprenticeships?\b[^.?!]{0,30}\b(?:like|in|at|with) the nhs\b|"
        # another employer's or trade's: "any police officer apprenticeships?", "apprenticeships in the nhs"
        r"\b" + OTHER_SECTORS + r"\s(?:[a-z]+\s)?apprenticeships?\b|"
        r"\bapprenticeships?\s(?:in|at|with|for|in the|with the|at the)\s" + OTHER_SECTORS + r"\b|"
        # another employer's, whatever the subject: "does BT offer apprenticeships in cyber security?",
        # "does the British Army do cyber apprenticeships?", "does the BBC do apprenticeships too?"
        r"\b(?:does|do|is|are)\s(?:the\s)?(?!techtrack\b|civil\b|you\b|u\b|they\b|makers\b|bpp\b|estio\b|"
        r"my\b|your\b|it\b|i\b|we\b|this\b|there\b|any\b|government\b|departments?\b)"
        r"[a-z&]+(?:\s[a-z&]+)?\s(?<!\bto\s)(?:do|does|offer|offers|have|has|run|runs|provide|provides|doing|"
        r"offering|running)\s(?:any\s|an?\s)?(?:[a-z]+\s){0,3}apprenticeships?\b|"
        # a named employer's own: "what's BT's apprenticeship salary?", "the NHS's digital apprenticeship"
        r"\b" + OTHER_EMPLOYERS + r"(?:'s|s')?\s(?:[a-z]+\s){0,2}apprenticeships?\b"),
     # (their own, done or under way: "i did a level 2 hairdressing apprenticeship", "my son finished
     # his plumbing apprenticeship": a situation the FAQ answers)
     re.compile(r"^\s*(?:had|did|done|finished|completed)\b|"  # ("had an apprenticeship in catering yrs ago")
                r"\b(?:i|i'?ve|i have|he|she|they|he'?s|she'?s|my|his|her|their)\s(?:\w+\s){0,2}?(?:did|done|"
                r"completed|compleated|finished|finishing|doing|started|had|got)\b|\b(?:my|his|her|their)\s"
                r"(?:\w+\s){0,3}apprenticeship\b")),
    # Another employer's jobs, another career, or something else altogether that shares TechTrack's words:
    # "salary of a software developer at Google", "can I work remotely at Tesco", "what qualifications
    # do I need to be a doctor", "how is a driving test assessed", "how do I apply for a student loan"
    (OUTSIDE_TECHTRACK, re.compile(
        r"\b(?:at|for|with)\s(?:the\s)?" + OTHER_EMPLOYERS + r"\b|"
        r"\b(?:at|for)\s(?:a|an)\s(?:bank|supermarket|hospital|shop|restaurant|law firm|tech company|"
        r"startup|start-up)\b|"
        r"\b(?:to be|to become|become|becoming) an?\s" + OTHER_CAREERS + r"\b|"
        r"\b(?:driving|theory) (?:test|lessons?|licen[cs]e)\b|"
        # small talk and the market's pay: "how's your day going?", "average developer salary in london"
        r"^(?:hi |hey |hello )?how(?:'s|s| is| has)\s(?:your|ur)\s(?:day|week|weekend|morning|afternoon|"
        r"evening)(?: going| been)?\s?[?!.]*$|"
        r"\baverage\b[^.?!]{0,40}\b(?:salary|salaries|pay|wages?)\b|"
        r"(?:\bhow (?:do|can|would|to) (?:i |you |we )?get|\bapply for|\btake out) (?:a |my )?"
        r"(?:student loan|student finance|mortgage|credit card|passport)\b|"
        r"\bhelp me (?:write|with|do) (?:my |a |an )?(?:cv|homework|essay|assignment|dissertation|"
        r"cover letter|tax return)\b|"
        r"^(?:what'?s|what is|calculate|work out)\s\d+\s?[-+*/x]\s?\d+\s?\??$"),
     # (their own job there, or TechTrack named: "I work at Tesco, can I apply?")
     re.compile(r"(?<!can )(?<!could )\b(?:i|i'?m|im|i am|i'?ve|i have|i'?d|she|he)\s(?:currently\s|been\s)?"
                r"(?:work|working|employed|worked)\b[^.?!]{0,20}\b(?:at|for|in)\b|"
                r"\bmy (?:job|employer|company|manager)\b|"
                r"(?<!can )(?<!could )\b(?:i'?m|im|i am|she'?s|he'?s) an? [a-z ]{2,30}\b(?:at|for)\b|"
                r"\btech ?track\b|\bapprentice\w*|\bcivil serv\w*|\bprogramme\b|"
                r"\bcan (?:i|she|he) (?:do|apply|join|start)\b")),
)


# Words that place a question in TechTrack, whatever the classifier made of it
TECHTRACK_WORDS = re.compile(r"\b(?:techtrack|tech track|apprentices?|apprenticeships?|coding challenge|"
                             r"bootcamp|makers|bpp|estio|the programme|the scheme)\b")


def names_techtrack(text: str) -> bool:
    return bool(TECHTRACK_WORDS.search(text.lower()))


def unknown_topic(text: str) -> str | None:
    """What the FAQ doesn't cover that `text` asks about, or None."""
    lowered = " ".join(text.lower().replace("’", "'").split())
    return next((name for name, asks, answered in TOPICS
                 if asks.search(lowered) and not (answered and answered.search(lowered))), None)
