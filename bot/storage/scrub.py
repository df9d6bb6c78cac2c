"""Remove personal data from a question before it is stored.

What goes, and what takes its place:

- emails, written normally or spelled out ("john dot smith at gmail dot com",
  "jane_doe [at] outlook [dot] co [dot] uk") -> [email]
- links to a person's profile (LinkedIn, GitHub, ...) -> [link]; social handles (@name) -> [handle]
- National Insurance numbers -> [NI number]; UK postcodes -> [postcode]
- phone numbers: UK (07700 900123, 020 7946 0958, (020) 7946 0958, +44 (0)20 ..., 0044 ...) and any
  number written with a leading + -> [phone]
- dates of birth: a full date (3/3/2001, 3 March 2001, 3rd of March 2001, March 3rd, 2001) whose
  year makes it a birth date, and any date or year right after "born", "date of birth", "DOB" or
  "birthday" -> [date]
- house-number-and-street addresses -> [address]; ids mixing letters and digits (passport, BRP,
  share codes) and runs of six or more digits -> [number]
- names: after "my name is", "call me", "name:" (any case); after "I'm", "I am", "this is" (a
  capitalised name that is not an ordinary word: "I'm British", "I'm 24", "I'm Not sure" and
  "I'm Currently Employed" stay); after a sign-off ("Regards, Ahmed Khan"); and whatever spaCy's
  NER (the model config.yml loads) tags PERSON -> [name]

Every regular expression runs in linear time: each repetition is bounded, or repeats a piece that
starts with a character the piece before it cannot match, so there is only one way to match.

Microsoft Presidio (presidio-analyzer) was weighed against this: its releases from 2.2.361 on need
pydantic 2 (Rasa 3.6 pins pydantic < 1.10.10), 2.2.360 would install but adds phonenumbers, runs
the same spaCy NER for names, and has nothing for UK postcodes, spelled-out emails, dates of birth
as distinct from other dates, or introduced names, which are most of what people type here.
"""

from __future__ import annotations

import re
import sys
import threading
from collections.abc import Callable
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from bot.paths import ROOT

Replacement = Callable[[re.Match[str]], "str | None"]  # None: not personal data after all


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# --- emails, links, handles ------------------------------------------------------------------------

EMAIL = re.compile(r"(?<![\w.+'-])[\w.+'-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){1,8}")

# Spelled out: the local part, "at" in some form, then a domain of two to five parts joined by
# "dot" in some form. Each joiner is spaces or brackets around a keyword, or a bare "." / "@".
_DOT = r"(?:\s{0,3}[\[({<]\s{0,2}dot\s{0,2}[\])}>]\s{0,3}|\s{1,3}dot\s{1,3}|\.)"
_AT = r"(?:\s{0,3}[\[({<]\s{0,2}at\s{0,2}[\])}>]\s{0,3}|\s{1,3}at\s{1,3}|\s{0,3}@\s{0,3})"
_LOCAL_WORD = r"[\w+'-]{1,40}"
_DOMAIN_WORD = r"[a-z0-9-]{1,63}"
SPELLED_EMAIL = re.compile(
    rf"(?<![\w.+'-])(?P<local>{_LOCAL_WORD}(?:{_DOT}{_LOCAL_WORD}){{0,4}})(?P<at>{_AT})"
    rf"(?P<domain>{_DOMAIN_WORD}(?:{_DOT}{_DOMAIN_WORD}){{1,4}})(?![\w-])",
    re.IGNORECASE,
)
# The last part of a domain people give as their email's.
EMAIL_ENDINGS = _words("""
com co uk org net io gov ac edu me info biz de fr pl ie eu in ng pk ro es it nl us ca au nz za
tech dev app ai xyz online email mail live pt lt lv bg hu cz sk gr tr br mx ae sa eg ke gh ch at
be se no dk fi ru ua cn jp kr sg my ph vn th id bd lk np
""")
# With a bare "at" ("look at bbc dot co dot uk" is not an email), the domain must be a mail
# provider's, or the local part must look like an address's (a dot, underscore or digit in it).
MAIL_PROVIDERS = _words("""
gmail googlemail hotmail outlook yahoo ymail icloud me mac live msn aol protonmail proton pm
btinternet btopenworld sky virginmedia talktalk ntlworld blueyonder tiscali gmx mail yandex zoho
fastmail hey qq 163 126 rediffmail wp onet interia o2
""")

PROFILE_LINK = re.compile(
    r"(?<![\w/.-])(?:https?://)?(?:[a-z]{2,3}\.)?(?:linkedin\.com/in|github\.com|twitter\.com|x\.com|"
    r"facebook\.com|fb\.com|instagram\.com|tiktok\.com|youtube\.com/(?:c|user|channel)|medium\.com)"
    r"/@?[\w.%-]{1,100}/?",
    re.IGNORECASE,
)
HANDLE = re.compile(r"(?<![\w@.])@[A-Za-z][A-Za-z0-9_]{1,29}(?![\w@])")


# --- numbers: NI, postcodes, phones, ids ---------------------------------------------------------

# Two letters, six digits (spaces or dashes allowed between pairs), a suffix letter A-D.
NI_NUMBER = re.compile(r"\b[A-Z]{2}[\s-]?\d{2}[\s-]?\d{2}[\s-]?\d{2}[\s-]?[A-D]\b", re.IGNORECASE)
# Outward code (A9, A9A, A99, AA9, AA9A, AA99), an optional space, inward code (9AA).
POSTCODE = re.compile(
    r"\b(?:[A-Z]{1,2}\d[A-Z\d]?|GIR) {0,2}\d[ABD-HJLNP-UW-Z]{2}\b", re.IGNORECASE
)
# UK numbers: a 0 (perhaps in brackets) and nine or ten more digits; or +44 / 0044 and nine or
# ten digits, "(0)" allowed; any other number with a leading + (eight to fifteen digits). Each
# digit may be followed by up to two separators (space, dot, dash, bracket).
_DIGIT = r"\d[ \t.)(-]{0,2}"
PHONE = re.compile(
    rf"(?<![\w+])(?:\+|\b00)(?:{_DIGIT}){{7,14}}\d(?!\d)"  # international
    rf"|(?<![\w+])\(?0(?:{_DIGIT}){{8,9}}\d(?!\d)"  # UK, from the leading 0
)
# A word of letters and digits with at least five digits: passport, BRP, licence, share codes.
ID_LIKE = re.compile(r"\b[A-Za-z0-9]{6,20}\b")
# Home Office share codes: nine letters and digits, in threes ("W7X 4YZ 9AB").
SHARE_CODE = re.compile(r"\b[A-Z0-9]{3}[ -]?[A-Z0-9]{3}[ -]?[A-Z0-9]{3}\b")
LONG_DIGITS = re.compile(r"\d(?:[ \t-]?\d){5,}")
YEAR_RANGE = re.compile(r"(?:19|20)\d\d\s?-\s?(?:19|20)\d\d")


# --- dates of birth -----------------------------------------------------------------------------

_MONTH = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
          r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)")
_ORDINAL = r"(?:st|nd|rd|th)"
DATE = re.compile(
    # 3 March 2001, 3rd of March 2001, the 3rd of March, 03 Mar '01
    rf"\b(?:the\s{{1,3}})?(?P<d1>\d{{1,2}}){_ORDINAL}?(?:\s{{1,3}}of)?[\s,]{{1,3}}(?P<m1>{_MONTH})\.?"
    rf"(?:,?\s{{1,3}}(?P<y1>\d{{4}}|'\d{{2}}))?(?![\w'])"
    # March 3rd, 2001; March 3 2001; March 3rd
    rf"|\b(?P<m2>{_MONTH})\.?\s{{1,3}}(?P<d2>\d{{1,2}}){_ORDINAL}?(?:,?\s{{1,3}}(?P<y2>\d{{4}}))?(?![\w'])"
    # 03/03/2001, 3-3-01, 3.3.2001
    r"|\b(?P<d3>\d{1,2})(?P<sep>[/.-])(?P<m3>\d{1,2})(?P=sep)(?P<y3>\d{4}|\d{2})(?![\w/.-]\d)\b"
    # 2001-03-03
    r"|\b(?P<y4>(?:19|20)\d\d)-(?P<m4>\d{1,2})-(?P<d4>\d{1,2})\b"
    # March 2001 (only after a cue: "born in March 2001")
    rf"|\b(?P<m5>{_MONTH})\.?,?\s{{1,3}}(?P<y5>(?:19|20)\d\d)\b",
    re.IGNORECASE,
)
BIRTH_CUE = re.compile(
    r"(?:\bborn\b|\bbirth|\bb-?day\b|\bd\.?o\.?b\b|\bdate of birth\b|\bbirthday\b)[^.!?\n]{0,25}$",
    re.IGNORECASE,
)
BORN_YEAR = re.compile(
    r"(?P<cue>\b(?:born|birth ?year|year of birth|yob)\b(?:\s{1,3}(?:was|is|in|on|during))?"
    r"(?:\s{1,3}the\s{1,3}year)?[\s:,]{1,3})(?P<year>(?:19|20)\d\d)\b(?![-/.]\d)",
    re.IGNORECASE,
)
YOUNGEST_BIRTH_AGE = 12  # a full date with a year at least this long ago is taken for a birth date


# --- addresses ----------------------------------------------------------------------------------

ADDRESS = re.compile(
    r"\b(?P<flat>(?:flat|apartment|apt|unit)[ \t]{1,3}\d{1,4}[a-z]?,?[ \t]{1,3})?"
    r"\d{1,4}[a-z]?,?[ \t]{1,3}(?P<street>(?:[^\W\d_][\w'’-]{1,20}[ \t]{1,3}){1,3})"
    r"(?:Street|St|Road|Rd|Avenue|Ave|Lane|Ln|Close|Drive|Dr|Way|Crescent|Cres|Court|Ct|Place|Pl|"
    r"Gardens|Gdns|Grove|Terrace|Hill|Square|Sq|Park|Row|Mews|Walk|Green|Rise|View|Parade|"
    r"Boulevard|Vale|Gate|Wharf|Yard|Quay|Circus|Embankment|Broadway|Parkway)\b\.?",
    re.IGNORECASE,
)
_STREET_NOT_NAMES = _words("the on in at of and to for a an my our their his her its")


# --- names --------------------------------------------------------------------------------------

_NAME_WORD = r"[^\W\d_][\w'’-]{0,30}\.?"  # a word or an initial ("D."), in any alphabet
NAME_TOKEN = re.compile(r"[^\W\d_][\w'’-]*")
# Introductions that are followed by a name whatever its case.
STRONG_INTRO = re.compile(
    r"\b(?P<intro>my\s{1,3}(?:full\s{1,3})?name\s{1,3}is|my\s{1,3}name's|my\s{1,3}names|"
    r"i\s{1,3}am\s{1,3}called|i'?m\s{1,3}called|call\s{1,3}me|they\s{1,3}call\s{1,3}me|"
    r"(?:full\s{1,3})?name\s{0,2}:|signed\s{0,2}[:,])"
    rf"[ \t]{{1,3}}(?P<name>{_NAME_WORD}(?:[ \t]{{1,3}}{_NAME_WORD}){{0,2}})",
    re.IGNORECASE,
)
# Introductions followed by a name only when it is capitalised and not an ordinary word.
WEAK_INTRO = re.compile(
    r"(?i:\b(?P<intro>i'm|i’m|i\s{1,3}am|im|this\s{1,3}is|it's|it\s{1,3}is|here\s{1,3}is))"
    r"[ \t]{1,3}(?P<name>[^\W\d_][\w'’-]{0,30}(?:[ \t]{1,3}[^\W\d_][\w'’-]{0,30}){0,2})"
)
# A sign-off, then a name ending the message (or its line).
SIGN_OFF = re.compile(
    r"(?i:\b(?P<sign>(?:kind|best|warm|many|warmest)?\s{0,3}(?:regards|wishes|thanks|thank\s{1,3}you|"
    r"cheers|sincerely|faithfully|truly|ta|thx|best))"
    r"(?:[ \t]{0,3}[,.!:-]{1,3}[ \t]{0,3}\n?[ \t]{0,3}|\s{1,3}))"
    rf"(?P<name>{_NAME_WORD}(?:[ \t]{{1,3}}{_NAME_WORD}){{0,2}})[ \t]{{0,3}}[.!]?[ \t]{{0,3}}(?=\n|$)"
)
_FORMAL_SIGN_OFFS = ("regards", "wishes", "sincerely", "faithfully", "truly")

# Ordinary words that may stand capitalised where a name could ("I'm Self Employed",
# "Thanks, Team") or that spaCy's small model sometimes tags PERSON.
COMMON_WORDS = _words("""
a an the and or but not no yes so very really just still also only now here there back home from
at in on by to of for with about over under around into out up down off again too much many all
any some every both each few more most less least other another such what which who whom i im
i'm me my mine we us our you your he him his she her they them their it its this that these
those am is are was were be been being have has had do does did can could will would shall
should may might must ok okay fine good great well sure unsure not currently presently already
always never ever soon probably maybe perhaps definitely actually basically hopefully honestly
literally self employed unemployed underemployed retired student students graduate apprentice
apprentices apprenticeship trainee intern working looking hoping trying thinking planning
interested keen happy glad sorry afraid worried confused curious eligible ineligible able unable
available new old young older younger single married divorced disabled deaf blind pregnant
settled pre status british english scottish welsh irish polish european foreign citizen national
resident refugee asylum seeker visa holder based living staying moving born raised aged age
years year old full part time partly mostly nearly almost quite rather fairly pretty totally
completely level levels gcse gcses a-level a-levels degree diploma btec nvq hnd hnc maths math
english civil service servant devops software developer engineer data analyst business cyber
security digital tech techtrack makers bpp estio qa network networks cloud it team sir madam
dear hello hi hey thanks thank cheers regards best wishes bye goodbye mate buddy pal guys
everyone bot assistant anyway anyways advance loads lots lot alot heaps tons x xx xxx if when
whenever please pls plz asap later today tonight tomorrow anytime employer employee manager
worker jobseeker parent carer mum dad mother father dyslexic dyspraxic autistic adhd
neurodivergent diabetic epileptic asthmatic
""")

# Endings of adjectives the tagger may take for proper nouns when capitalised ("I'm Dyslexic"); a
# word with one counts as a name after "I'm" only when spaCy's NER says PERSON ("I'm Ahmed").
ADJECTIVE_ENDINGS = ("ic", "ous", "ive", "ful", "able", "ible", "ish", "ese", "ed", "less")

# Names of the programme, its providers and roles that spaCy's small model sometimes takes for people.
NOT_NAMES = {"makers", "bpp", "estio", "techtrack", "civil service", "devops", "gcse", "gcses"}
PLACEHOLDER = re.compile(r"\[[a-zA-Z ]{1,20}\]")

_load_lock = threading.Lock()


def spacy_model_path(config_file: Path = ROOT / "config.yml") -> Path:
    """The spaCy model config.yml's SpacyNLP component loads (a path relative to the repository)."""
    config = yaml.safe_load(config_file.read_text())
    for component in config.get("pipeline") or []:
        if component.get("name") == "SpacyNLP" and component.get("model"):
            path = Path(component["model"])
            return path if path.is_absolute() else ROOT / path
    raise RuntimeError(f"{config_file} has no SpacyNLP component with a model")


def _import_spacy_without_tensorflow() -> Any:
    """spaCy's thinc imports TensorFlow when it is installed (Rasa installs it), which costs the
    action server ~370 MiB and ~10 s; the small English pipeline does not use it. A None entry in
    sys.modules makes that import fail, so thinc goes without."""
    if "spacy" in sys.modules or "tensorflow" in sys.modules:
        import spacy

        return spacy
    sys.modules["tensorflow"] = None  # type: ignore[assignment]
    try:
        import spacy
    finally:
        del sys.modules["tensorflow"]
    return spacy


@lru_cache(maxsize=1)
def _nlp() -> Any:
    with _load_lock:
        spacy = _import_spacy_without_tensorflow()
        return spacy.load(spacy_model_path(), disable=["parser", "lemmatizer"])


# --- the pieces ---------------------------------------------------------------------------------

def _substitute(
    pattern: re.Pattern[str], text: str, replace: Replacement, retry_inside: bool = True
) -> str:
    """pattern.sub, except that `replace` may turn a match down (None). A turned-down match is
    searched again from its second character (`retry_inside`), so that it does not hide a real
    one that overlaps it, or else from its end."""
    out: list[str] = []
    position = kept = 0
    while (match := pattern.search(text, position)) is not None:
        replacement = replace(match)
        if replacement is None:
            position = match.start() + 1 if retry_inside else max(match.end(), match.start() + 1)
            continue
        out += [text[kept : match.start()], replacement]
        kept = position = max(match.end(), match.start() + 1)
    out.append(text[kept:])
    return "".join(out)


def _spelled_email(match: re.Match[str]) -> str | None:
    at = match.group("at").strip().lower()
    domain_words = [w for w in re.split(r"[^a-z0-9-]+", match.group("domain").lower()) if w and w != "dot"]
    if len(domain_words) < 2 or domain_words[-1] not in EMAIL_ENDINGS:
        return None
    if at == "at":  # a bare "at": only a provider's domain, or a local part shaped like an address
        local = match.group("local")
        shaped = bool(re.search(r"[._\d]|\sdot\s|[\[({<]dot", local, re.IGNORECASE))
        if domain_words[0] not in MAIL_PROVIDERS and not shaped:
            return None
        if local.lower() in COMMON_WORDS and not shaped:  # "me at gmail dot com"
            return None
    return "[email]"


def _phone(match: re.Match[str]) -> str | None:
    text = match.group(0)
    digits = re.sub(r"\D", "", text)
    if text.startswith(("+", "00")):
        return "[phone]" if 8 <= len(digits.removeprefix("00")) <= 15 else None
    return "[phone]" if 10 <= len(digits) <= 11 else None


def _id_like(match: re.Match[str]) -> str | None:
    word = match.group(0)
    digits = sum(c.isdigit() for c in word)
    return "[number]" if digits >= 5 and digits < len(word) else None


def _share_code(match: re.Match[str]) -> str | None:
    code = re.sub(r"[ -]", "", match.group(0))
    digits = sum(c.isdigit() for c in code)
    return "[number]" if 2 <= digits <= 7 else None


def _long_digits(match: re.Match[str]) -> str | None:
    return None if YEAR_RANGE.fullmatch(match.group(0)) else "[number]"


def _year(text: str | None) -> int | None:
    if not text:
        return None
    number = int(text.lstrip("'"))
    if len(text.lstrip("'")) == 2:
        number += 2000 if number <= date.today().year % 100 else 1900
    return number


def _day_and_month(first: int, second: int) -> bool:
    """Whether two numbers make a day and a month, in either order (3/12 or 12/3)."""
    return (1 <= first <= 31 and 1 <= second <= 12) or (1 <= second <= 31 and 1 <= first <= 12)


def _date(text: str) -> Replacement:
    latest_birth_year = date.today().year - YOUNGEST_BIRTH_AGE

    def replace(match: re.Match[str]) -> str | None:
        groups = match.groupdict()
        year = _year(groups["y1"] or groups["y2"] or groups["y3"] or groups["y4"] or groups["y5"])
        day = groups["d1"] or groups["d2"] or groups["d3"] or groups["d4"]
        if groups["d3"] and not _day_and_month(int(groups["d3"]), int(groups["m3"])):
            return None
        if day is not None and not 1 <= int(day) <= 31:
            return None
        cue = BIRTH_CUE.search(text, max(0, match.start() - 40), match.start()) is not None
        if cue:
            return "[date]"
        full = day is not None and year is not None
        return "[date]" if full and 1900 <= year <= latest_birth_year else None

    return replace


def _address(match: re.Match[str]) -> str | None:
    if match.group("flat"):  # "Flat 3, 45 High Street": an address whatever the case
        return "[address]"
    words = NAME_TOKEN.findall(match.group("street"))
    if any(w.lower() in _STREET_NOT_NAMES for w in words) or not all(w[0].isupper() for w in words):
        return None
    return "[address]"


def _is_ordinary(word: str) -> bool:
    """A word that is not a name: a common word, or one ending -ing ("I'm Working Part Time")."""
    lowered = word.lower().strip("'-")
    return lowered in COMMON_WORDS or lowered.endswith("ing") or len(lowered) < 2


def _name_words(match: re.Match[str], capitalised: bool) -> str | None:
    """The match with the name group's leading name-like words replaced by [name] (the words from
    the first ordinary one on are kept); None when the first word is not a name."""
    name = match.group("name")
    end = 0
    for word in NAME_TOKEN.finditer(name):
        initial = len(word.group(0)) == 1 and word.group(0).isupper() and name[word.end() :][:1] == "."
        if (_is_ordinary(word.group(0)) and not initial) or (capitalised and not word.group(0)[0].isupper()):
            break
        end = word.end()
    if end == 0:
        return None
    whole, offset = match.group(0), match.start("name") - match.start()
    return whole[:offset] + "[name]" + whole[offset + end :]


def _strong_intro(match: re.Match[str]) -> str | None:
    return _name_words(match, capitalised=False)


def _sign_off(match: re.Match[str]) -> str | None:
    formal = match.group("sign").strip().lower().endswith(_FORMAL_SIGN_OFFS)
    return _name_words(match, capitalised=not formal)


def scrub_patterns(text: str) -> str:
    """Everything but the names that need spaCy: emails, links, numbers, dates, addresses, and the
    names an introduction gives ("my name is ...", a sign-off)."""
    text = EMAIL.sub("[email]", text)
    text = _substitute(SPELLED_EMAIL, text, _spelled_email)
    text = PROFILE_LINK.sub("[link]", text)
    text = HANDLE.sub("[handle]", text)
    text = NI_NUMBER.sub("[NI number]", text)
    text = _substitute(BORN_YEAR, text, lambda m: m.group("cue") + "[date]")
    text = _substitute(DATE, text, _date(text))
    text = _substitute(SHARE_CODE, text, _share_code)
    text = POSTCODE.sub("[postcode]", text)
    text = _substitute(PHONE, text, _phone)
    text = _substitute(ADDRESS, text, _address)
    text = _substitute(ID_LIKE, text, _id_like)
    text = _substitute(LONG_DIGITS, text, _long_digits, retry_inside=False)
    text = _substitute(STRONG_INTRO, text, _strong_intro)
    return _substitute(SIGN_OFF, text, _sign_off)


def _weak_intro_names(text: str, doc: Any) -> list[tuple[int, int]]:
    """Character spans of names after "I'm", "I am", "this is": capitalised words the tagger takes
    for proper nouns, that are not a nationality, a place or an ordinary word."""
    not_people = {(e.start_char, e.end_char) for e in doc.ents if e.label_ not in ("PERSON",)}
    people = [(e.start_char, e.end_char) for e in doc.ents if e.label_ == "PERSON"]
    spans = []
    for match in WEAK_INTRO.finditer(text):
        end = None
        for word in NAME_TOKEN.finditer(match.group("name")):
            start_char, end_char = match.start("name") + word.start(), match.start("name") + word.end()
            token = doc.char_span(start_char, end_char, alignment_mode="expand")
            tagged_proper = token is not None and all(t.tag_ in ("NNP", "NNPS") for t in token)
            in_other_entity = any(s <= start_char < e for s, e in not_people)
            in_person = any(s <= start_char < e for s, e in people)
            adjective = word.group(0).lower().endswith(ADJECTIVE_ENDINGS)
            if not word.group(0)[0].isupper() or _is_ordinary(word.group(0)) or in_other_entity or not (
                in_person or (tagged_proper and not adjective)
            ):
                break
            end = end_char
        if end is not None:
            spans.append((match.start("name"), end))
    return spans


def _person_spans(entity: Any) -> list[tuple[int, int]]:
    """The words of a PERSON entity, less any placeholder inside it; none when every word is an
    ordinary one ("Self Employed") or the entity is one of NOT_NAMES."""
    if entity.text.lower() in NOT_NAMES:
        return []
    words = [w for w in NAME_TOKEN.finditer(entity.text) if entity.text[: w.start()].count("[") ==
             entity.text[: w.start()].count("]")]  # not inside a placeholder
    if not words or all(_is_ordinary(w.group(0)) for w in words):
        return []
    return [(entity.start_char + w.start(), entity.start_char + w.end()) for w in words]


def scrub(text: str) -> str:
    text = scrub_patterns(text)
    doc = _nlp()(text)
    spans = _weak_intro_names(text, doc)
    for entity in doc.ents:
        if entity.label_ == "PERSON":
            spans += _person_spans(entity)
    for start, end in _merge(spans, text)[::-1]:
        text = text[:start] + "[name]" + text[end:]
    return text


def _merge(spans: list[tuple[int, int]], text: str) -> list[tuple[int, int]]:
    """Overlapping spans, and spans with only spaces or initials' dots between them, as one."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and (start <= merged[-1][1] or not text[merged[-1][1] : start].strip(" \t.-")):
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged
