"""Remove personal data from a question before it is stored: names (spaCy's PERSON entities, with
the same spaCy model config.yml loads, plus "my name is ..."), emails, UK phone numbers, National
Insurance numbers and long digit runs become [name], [email], [phone], [NI number] and [number]."""

from __future__ import annotations

import re
import sys
import threading
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from bot.paths import ROOT

EMAIL = re.compile(r"[\w.+'-]+@[\w-]+(?:\.[\w-]+)+")
# Two letters, six digits (spaces allowed between pairs), a suffix letter A-D; e.g. QQ 12 34 56 C.
NI_NUMBER = re.compile(r"\b[A-Z]{2}\s?\d{2}\s?\d{2}\s?\d{2}\s?[A-D]\b", re.IGNORECASE)
# UK numbers: +44 or 0, then 9-10 more digits in the usual groupings, with spaces, dashes or ().
PHONE = re.compile(r"(?<![\w+])(?:\+44\s?(?:\(0\)\s?)?|\(?0)\d{2,4}\)?[\s-]?\d{3,4}[\s-]?\d{3,4}\b")
LONG_DIGITS = re.compile(r"\d(?:[\s-]?\d){5,}")
# The intro in any case, then a name of one or two words that are not ordinary small words.
_SMALL_WORDS = (r"(?!(?i:and|but|or|i|i'm|im|from|my|is|am|the|a|an|can|could|how|what|when|where|"
                r"why|to|in|at|on|by|back|here|there|please|thanks|if|about)\b)")
NAME_INTRO = re.compile(
    r"\b((?i:my name is|my name's|i am called|call me|this is))\s+(?!\[)"
    + _SMALL_WORDS + r"([A-Za-z][A-Za-z'-]+(?:\s+" + _SMALL_WORDS + r"[A-Za-z][A-Za-z'-]+)?)"
)
# "this is" is usually followed by ordinary words ("this is about pay"): only take capitalised names.
LOWERCASE_OK_INTROS = {"my name is", "my name's", "i am called", "call me"}

PATTERNS = ((EMAIL, "[email]"), (NI_NUMBER, "[NI number]"), (PHONE, "[phone]"),
            (LONG_DIGITS, "[number]"))

# Names of the programme, its providers and roles that spaCy's small model sometimes takes for people.
NOT_NAMES = {"makers", "bpp", "estio", "techtrack", "civil service", "devops", "gcse", "gcses"}

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


def _replace_intro(match: re.Match[str]) -> str:
    intro, name = match.group(1), match.group(2)
    if intro.lower() not in LOWERCASE_OK_INTROS and not name[0].isupper():
        return match.group(0)
    return f"{intro} [name]"


def scrub(text: str) -> str:
    for pattern, placeholder in PATTERNS:
        text = pattern.sub(placeholder, text)
    text = NAME_INTRO.sub(_replace_intro, text)
    doc = _nlp()(text)
    for entity in reversed([e for e in doc.ents if e.label_ == "PERSON"]):
        if entity.text.lower() in NOT_NAMES or re.fullmatch(r"(\[[^\]]*\]\s*)+", entity.text):
            continue
        text = text[: entity.start_char] + "[name]" + text[entity.end_char :]
    return text
