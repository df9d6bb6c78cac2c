"""A second out-of-scope signal besides the classifier: how much TechTrack content a message has.

The classifier weighs every n-gram it saw, so a message with nothing about TechTrack in it can win
an FAQ entry by one shared word ("what's the minimum card payment this month" -> the salary
answer, by "pay"). This signal asks a different question: of the message's content words (lemmas,
less stop words, numbers and punctuation), how many are TechTrack words, and how specific to
TechTrack are they?

- Each lemma's *specificity* is how much more often it occurs in the in-scope training examples
  (FAQ entries, the eligibility check, roles: every label except the out-of-scope ones) than in the
  out-of-scope ones, as the share of in-scope among the two document rates, the out-of-scope count
  smoothed by one: a lemma only ever seen in-scope scores near 1 when it is frequent ("apprenticeship",
  "visa", "salary"), about 0.5 when it was seen once; a word seen often on both sides ("pay",
  "long", "apply") scores in between; a word never seen in-scope scores 0. A word not in the
  vocabulary takes the specificity of a close in-scope spelling ("aprenticeship"), if there is one.
- A message's *coverage* is the mean specificity of its content words: "how long does it take to
  boil an egg" has one half-specific word ("long") among three, "how long is the apprenticeship"
  two, one of them very specific.
- A message lacks TechTrack content when its coverage is below `coverage` and none of its words is
  at least `strong` specific (one very specific word, "apprenticeship" or "HEO", in a long message
  about something else still makes it a TechTrack question). A message with a single content word
  ("how long is it?", "how many hours?": the "it" is the programme) lacks TechTrack content only
  when that word is hardly a TechTrack word at all (below `single`). A message with no content
  words ("what is it?") is left to the classifier.

`bot.nlu.scope_guard.ScopeGuard` (config.yml) learns the vocabulary at training time and, when the
classifier chose an intent that would answer, ask for a role or change an eligibility answer but
the message lacks TechTrack content, makes the intent `out_of_scope`. The thresholds were chosen on
the development sets (`python -m bot.dev.tune_scope`), never on the held-out sets.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from spacy.lang.en.stop_words import STOP_WORDS

# Labels whose examples are not TechTrack content: what the vocabulary's out-of-scope side learns.
OUT_OF_SCOPE_LABELS = frozenset({"out_of_scope", "abuse", "distress", "non_english"})
# Chat filler that says nothing about the topic, on top of spaCy's English stop words.
FILLER = frozenset({
    "pls", "plz", "hi", "hey", "hello", "thanks", "thank", "thx", "ok", "okay", "u", "ur", "im",
    "ive", "id", "dont", "cant", "wont", "wanna", "gonna", "lol", "yeah", "yes", "yep", "nope",
    "want", "need", "know", "like", "tell", "let", "mean", "think", "wonder", "wondering", "question",
    "ask", "help", "anyone", "somebody", "guy", "mate", "sorry", "just", "actually", "basically",
    "btw", "tho", "anyway", "anyways", "quick", "q",
})
_WORD = re.compile(r"^[a-z][a-z'\-]*[a-z]$|^[a-z]$")
# A word not in the vocabulary counts as a close in-scope spelling when difflib's ratio is at least
# this (a typo: "aprenticeship", "salery"), for words of at least FUZZY_MIN_LENGTH letters.
FUZZY_RATIO = 0.86
FUZZY_MIN_LENGTH = 6
# Shorter words (SHORT_TYPO_MIN_LENGTH letters and up) count as an in-scope word one edit away with
# the same first letter: one letter changed, added or dropped, or two neighbours swapped ("aplly",
# "wrok"). difflib's ratio is too coarse at these lengths: one typo in five letters is 0.8.
SHORT_TYPO_MIN_LENGTH = 4
# Close-spelling lookups per message, at most: each compares the word with the in-scope words of
# about its length (difflib), so a long message of made-up words must not cost seconds. Later unknown
# words count as unknown (specificity 0), as if misspelt beyond recognition.
MAX_FUZZY_LOOKUPS = 20


def content_lemmas(tokens: Iterable[tuple[str, str | None]]) -> list[str]:
    """The content words of a message, as lower-case lemmas: not stop words or filler, not numbers
    or punctuation. tokens: (text, lemma) pairs, as the pipeline's tokenizer gives them."""
    lemmas = []
    for text, lemma in tokens:
        word, base = text.lower().strip("'-"), (lemma or text).lower().strip("'-")
        if not _WORD.match(word) or not _WORD.match(base):
            continue
        if word in STOP_WORDS or base in STOP_WORDS or word in FILLER or base in FILLER:
            continue
        lemmas.append(base)
    return lemmas


@dataclass(frozen=True)
class Vocabulary:
    """Document frequencies of content lemmas in the in-scope and the out-of-scope training
    examples, and how many examples each side has."""

    in_scope: Mapping[str, int]
    out_of_scope: Mapping[str, int]
    in_documents: int
    out_documents: int
    _by_length: dict[int, list[str]] = field(default_factory=dict, compare=False, repr=False)

    @classmethod
    def learn(cls, examples: Iterable[tuple[Sequence[str], str]]) -> Vocabulary:
        """From (content lemmas, label) pairs: a label in OUT_OF_SCOPE_LABELS is out of scope,
        anything else (`faq/<id>`, an eligibility or role intent) in scope."""
        inside: dict[str, int] = {}
        outside: dict[str, int] = {}
        counts = [0, 0]
        for lemmas, label in examples:
            out = label in OUT_OF_SCOPE_LABELS
            counts[out] += 1
            side = outside if out else inside
            for lemma in set(lemmas):
                side[lemma] = side.get(lemma, 0) + 1
        return cls(inside, outside, counts[0], counts[1])

    def as_json(self) -> dict[str, object]:
        return {"in_scope": dict(self.in_scope), "out_of_scope": dict(self.out_of_scope),
                "in_documents": self.in_documents, "out_documents": self.out_documents}

    @classmethod
    def from_json(cls, data: Mapping[str, object]) -> Vocabulary:
        return cls(dict(data["in_scope"]), dict(data["out_of_scope"]),  # type: ignore[arg-type]
                   int(data["in_documents"]), int(data["out_documents"]))  # type: ignore[arg-type]

    def known_specificity(self, lemma: str) -> float:
        """How specific to TechTrack a lemma is, 0 to 1, from the counts alone."""
        inside = self.in_scope.get(lemma, 0)
        if not inside or not self.in_documents:
            return 0.0
        rate_in = inside / self.in_documents
        rate_out = (self.out_of_scope.get(lemma, 0) + 1) / max(self.out_documents, 1)
        return rate_in / (rate_in + rate_out)

    def needs_lookup(self, lemma: str) -> bool:
        """Whether `specificity` would look for a close spelling of `lemma`."""
        return not (lemma in self.in_scope or lemma in self.out_of_scope
                    or len(lemma) < SHORT_TYPO_MIN_LENGTH)

    def specificity(self, lemma: str) -> float:
        """As known_specificity; a word in neither side's vocabulary takes a close in-scope
        spelling's."""
        if not self.needs_lookup(lemma):
            return self.known_specificity(lemma)
        # One edit with the same first letter counts at every length: two neighbours swapped
        # ("englnad") is one typo, but a difflib ratio below FUZZY_RATIO at 7 letters.
        edited = [w for w in self._candidates(len(lemma), 1)
                  if w[0] == lemma[0] and one_edit_apart(lemma, w)]
        if edited or len(lemma) < FUZZY_MIN_LENGTH:
            return max((self.known_specificity(w) for w in edited), default=0.0)
        close = difflib.get_close_matches(lemma, self._candidates(len(lemma)), n=1, cutoff=FUZZY_RATIO)
        return self.known_specificity(close[0]) if close else 0.0

    def _candidates(self, length: int, spread: int = 2) -> list[str]:
        if not self._by_length:
            for word in self.in_scope:
                self._by_length.setdefault(len(word), []).append(word)
        return [w for n in range(length - spread, length + spread + 1) for w in self._by_length.get(n, ())]


def one_edit_apart(a: str, b: str) -> bool:
    """Whether b is a with one letter changed, added or dropped, or two neighbouring letters swapped."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    start = 0
    while start < min(len(a), len(b)) and a[start] == b[start]:
        start += 1
    if len(a) == len(b):
        if a[start + 1:] == b[start + 1:]:
            return True  # one letter changed
        swapped = start + 1 < len(a) and a[start] == b[start + 1] and a[start + 1] == b[start]
        return swapped and a[start + 2:] == b[start + 2:]
    longer, shorter = (a, b) if len(a) > len(b) else (b, a)
    return longer[start + 1:] == shorter[start:]


@dataclass(frozen=True)
class Coverage:
    """coverage: the mean specificity of the content words; strongest: the highest one; weakest:
    the lowest one."""

    words: int
    coverage: float
    strongest: float
    weakest: float = 0.0


def coverage(lemmas: Sequence[str], vocabulary: Vocabulary) -> Coverage:
    """Each distinct word scored once; at most MAX_FUZZY_LOOKUPS close-spelling lookups."""
    scored: dict[str, float] = {}
    lookups = 0
    for lemma in dict.fromkeys(lemmas):
        if vocabulary.needs_lookup(lemma):
            lookups += 1
            scored[lemma] = vocabulary.specificity(lemma) if lookups <= MAX_FUZZY_LOOKUPS else 0.0
        else:
            scored[lemma] = vocabulary.known_specificity(lemma)
    scores = [scored[lemma] for lemma in lemmas]
    if not scores:
        return Coverage(0, 1.0, 1.0, 1.0)
    return Coverage(len(scores), sum(scores) / len(scores), max(scores), min(scores))


@dataclass(frozen=True)
class ScopeThresholds:
    """coverage: below it (and with no word at least `strong` specific) a message of two or more
    content words lacks TechTrack content, if one of its words is below `foreign` (a word from
    elsewhere: "blood" in "is there an age limit for giving blood", where "age limit?" alone has
    only TechTrack words, if not very specific ones); single: below it a message of one content
    word does.
    Chosen on the development sets: `python -m bot.dev.tune_scope`."""

    coverage: float = 0.4
    strong: float = 0.9
    single: float = 0.2
    foreign: float = 1.01


def lacks_content(measured: Coverage, thresholds: ScopeThresholds) -> bool:
    """Whether a message has no TechTrack content worth answering from: some content words, too
    few of them TechTrack words, none of them a strongly specific one."""
    if measured.words == 0:
        return False
    if measured.words == 1:
        return measured.coverage < thresholds.single
    return measured.coverage < thresholds.coverage and measured.strongest < thresholds.strong and \
        measured.weakest < thresholds.foreign
