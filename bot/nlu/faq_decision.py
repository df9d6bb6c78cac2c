"""What to do with a message the NLU pipeline parsed as a FAQ question: answer, ask "Did you
mean...?", ask which of several questions to take first, or say "I don't know".

Pure functions over the parse result (the shape Rasa 3.6 gives both `Agent.parse_message` and the
action server's `tracker.latest_message`), so `make eval` measures exactly what the bot does.
Rasa's FallbackClassifier looks only at the intent's confidence, never at the FAQ entries' (the
response selector output), so the FAQ's own confidence checks live here.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import Enum
from typing import Any

from bot.corpus.model import RETRIEVAL_INTENT


class FaqRoute(str, Enum):
    ANSWER = "answer"
    CLARIFY = "clarify"
    SEVERAL = "several"
    DONT_KNOW = "dont_know"


@dataclass(frozen=True)
class Candidate:
    faq_id: str
    confidence: float


@dataclass(frozen=True)
class Thresholds:
    """answer: the confidence at or above which the best candidate is answered outright, provided
    it leads the runner-up by `margin`; clarify: the least confidence worth offering as "Did you
    mean...?"; below it the bot says it doesn't know."""

    answer: float = 0.4
    margin: float = 0.2
    clarify: float = 0.2
    max_options: int = 3
    # A message of one content word ("work", "job") names a topic, not a question: answered outright
    # only this confident, else "Did you mean...?".
    single_word_answer: float = 0.7


@dataclass(frozen=True)
class FaqDecision:
    action: FaqRoute
    candidates: tuple[Candidate, ...] = ()

    @property
    def faq_id(self) -> str | None:
        return self.candidates[0].faq_id if self.action is FaqRoute.ANSWER else None


def faq_candidates(parsed: Mapping[str, Any]) -> list[Candidate]:
    """The ranking of FAQ entries (the response selector output), best first. A button payload such as
    `/faq/duration` names the entry itself and is taken as certain."""
    intent = str((parsed.get("intent") or {}).get("name") or "")
    if intent.startswith(f"{RETRIEVAL_INTENT}/"):
        return [Candidate(intent.split("/", 1)[1], 1.0)]
    selector = (parsed.get("response_selector") or {}).get(RETRIEVAL_INTENT) or {}
    ranking = selector.get("ranking") or []
    if not ranking and selector.get("response"):
        ranking = [selector["response"]]
    return _ranked(ranking)


def _ranked(items: Sequence[Mapping[str, Any]]) -> list[Candidate]:
    candidates = []
    for item in items:
        key = str(item.get("intent_response_key") or "")
        if key.startswith(f"{RETRIEVAL_INTENT}/"):
            candidates.append(Candidate(key.split("/", 1)[1], float(item.get("confidence") or 0.0)))
    return sorted(candidates, key=lambda c: c.confidence, reverse=True)


def faq_parts(parsed: Mapping[str, Any]) -> list[list[Candidate]] | None:
    """For a message with several questions in it, each question's own ranking of FAQ entries, in
    the order asked (questions that are not about an FAQ are left out). None when the parse has
    no per-question classification (a button payload, or an older model)."""
    selector = (parsed.get("response_selector") or {}).get(RETRIEVAL_INTENT) or {}
    parts = selector.get("parts")
    if parts is None:
        return None
    return [
        ranking for part in parts
        if part.get("intent") == RETRIEVAL_INTENT and (ranking := _ranked(part.get("ranking") or []))
    ]


def faq_parts_with_text(parsed: Mapping[str, Any]) -> list[tuple[str, list[Candidate]]]:
    """As `faq_parts`, each question's text with its ranking (none for a message of one question)."""
    selector = (parsed.get("response_selector") or {}).get(RETRIEVAL_INTENT) or {}
    return [
        (str(part.get("text") or ""), ranking) for part in selector.get("parts") or []
        if part.get("intent") == RETRIEVAL_INTENT and (ranking := _ranked(part.get("ranking") or []))
    ]


_QUESTION_WORDS = (
    r"what|whats|what's|how|when|where|which|who|why|is|are|do|does|did|can|could|will|would|"
    r"should|shall|am|have|has"
)
# Pieces of a message: sentences, and clauses joined by "and"/"also"/"plus" (or "n", "&") before a
# question word.
# `(?<!\s)`: the joining whitespace is tried from the start of a run only. Without it every position
# inside a long run of whitespace re-scanned the rest of the run (quadratic: "a" + 20,000 spaces + "a"
# took seconds); a match found from inside a run is also found from its start, so the pieces are
# the same.
_PIECES = re.compile(
    rf"(?<=[?.!;])\s+|(?<!\s)\s+(?:and\s+also|also|and|plus|n|&)\s+(?=(?:{_QUESTION_WORDS})\b)",
    re.IGNORECASE,
)
_STARTS_AS_QUESTION = re.compile(rf"^(?:also\s+|and\s+)?(?:{_QUESTION_WORDS})\b", re.IGNORECASE)
# A piece that starts with an auxiliary verb is a question only when the subject follows it ("is it
# paid", "do I need a degree", "are there exams"); otherwise it is the rest of a statement whose
# subject came before the "and": "my son was born in Ireland and has an Irish passport", "most are 15
# and will be 16 by the summer". A piece ending with "?" is a question whatever its first words.
_AUXILIARY = r"is|are|do|does|did|can|could|will|would|should|shall|am|have|has"
_SUBJECT = (
    r"i|you|u|we|they|he|she|it|there|this|that|these|those|the|my|your|our|their|his|her|its|"
    r"techtrack|apprentices|applicants|people|anyone|someone|everyone"
)
# "have"/"has" before a noun phrase is possession ("and has the certificate"): a pronoun must follow.
_PRONOUN = r"i|you|u|we|they|he|she|it|there|anyone|someone|everyone"
_AUXILIARY_STATEMENT = re.compile(
    rf"^(?:also\s+|and\s+)?(?:(?:{_AUXILIARY})\s+(?!(?:{_SUBJECT})\b)|(?:have|has)\s+(?!(?:{_PRONOUN})\b))",
    re.IGNORECASE,
)


# A question of two words, a question word with "is" in it and what it asks about: "whats devops"
_SHORT_QUESTION = re.compile(r"(?:what'?s|where'?s|who'?s|how'?s)\s+\S+\??", re.IGNORECASE)


SEVERAL_FLOOR = 0.02


def question_parts(text: str) -> list[str]:
    """The separate questions in a message: pieces of three or more words that end with "?" or
    start with a question word (an auxiliary verb only when the subject follows it). Statements
    around a question ("I work in retail.", "...and has an Irish passport.") don't count."""
    pieces = [piece.strip(" ,.;!-") for piece in _PIECES.split(text)]
    return [
        piece for piece in pieces
        if (len(piece.split()) >= 3 or _SHORT_QUESTION.fullmatch(piece)) and (
            piece.endswith("?")
            or (_STARTS_AS_QUESTION.match(piece) and not _AUXILIARY_STATEMENT.match(piece))
        )
    ]


def _distinct(candidates: Sequence[Candidate]) -> tuple[Candidate, ...]:
    seen: dict[str, Candidate] = {}
    for c in candidates:
        seen.setdefault(c.faq_id, c)
    return tuple(seen.values())


def answerable(ranking: Sequence[Candidate], thresholds: Thresholds) -> bool:
    """Whether the best of a ranking would be answered outright: confident, and well ahead."""
    if not ranking:
        return False
    runner_up = ranking[1].confidence if len(ranking) > 1 else 0.0
    return (ranking[0].confidence >= thresholds.answer
            and ranking[0].confidence - runner_up >= thresholds.margin)


def several_topics(
    text: str, candidates: Sequence[Candidate], parts: Sequence[Sequence[Candidate]] | None,
    thresholds: Thresholds,
) -> tuple[Candidate, ...]:
    """The FAQ entries a message with several questions asks about, or () when it asks one."""
    if len(question_parts(text)) < 2:
        return ()
    if parts is not None:
        # Each question classified on its own. A question counts as a topic of its own only when
        # the bot would answer it on its own; a vague one ("how is it split up") is read with the
        # rest of the message.
        topics = _distinct([ranking[0] for ranking in parts if answerable(ranking, thresholds)])
    else:
        # Only the whole message's ranking, which spreads over the questions asked, so the
        # second may be weak on its own.
        topics = tuple(c for c in candidates[: thresholds.max_options] if c.confidence >= SEVERAL_FLOOR)
    return topics[: thresholds.max_options] if len(topics) >= 2 else ()


def decide_faq(
    text: str, candidates: Sequence[Candidate], thresholds: Thresholds = Thresholds(),
    parts: Sequence[Sequence[Candidate]] | None = None,
) -> FaqDecision:
    """parts: each question's own ranking, for a several-question message (`faq_parts`)."""
    if not candidates or candidates[0].confidence < thresholds.clarify:
        return FaqDecision(FaqRoute.DONT_KNOW)
    best = candidates[0]
    offered = tuple(
        c for c in candidates[: thresholds.max_options] if c.confidence >= thresholds.clarify
    )
    topics = several_topics(text, candidates, parts, thresholds)
    if topics:
        return FaqDecision(FaqRoute.SEVERAL, topics)
    if answerable(candidates, thresholds) and not (
            best.confidence < thresholds.single_word_answer and len(content_words(text)) == 1):
        return FaqDecision(FaqRoute.ANSWER, (best,))
    return FaqDecision(FaqRoute.CLARIFY, offered)


_WORDS = re.compile(r"[a-z][a-z'-]*")


def content_words(text: str) -> list[str]:
    """The content words of a message, as the scope signal counts them (without lemmas)."""
    from bot.nlu.scope import content_lemmas  # spaCy's stop words: loaded only when needed

    return content_lemmas((word, None) for word in _WORDS.findall(text.lower()))
