"""Validation of the FAQ corpus: every problem named by file and field."""

from __future__ import annotations

import re
from pathlib import Path

from bot.corpus.files import RawEntries, read_raw
from bot.corpus.model import CorpusError
from bot.paths import CORPUS_DIR
from bot.roles import ROLES

MIN_EXAMPLES = 15
MAX_TITLE_LENGTH = 40
REQUIRED = ("id", "title", "question", "seed_question", "answer", "examples")
OPTIONAL = ("answers", "offers_check", "asks_role")
ID_PATTERN = re.compile(r"^[a-z][a-z0-9_]*$")
# Rasa reads these as entity markup inside training examples.
MARKUP = re.compile(r"[\[\]{}]")
# An answer that opens with a bare yes or no reads wrong for half the questions it answers: an entry
# answers "must I be based in England?" and "can I do it from Wales?" alike, and "what's the
# salary?" is no yes/no question at all. The first sentence states the rule instead.
YES_NO_OPENER = re.compile(r"^\s*(?:yes|no|not if|only if)\b", re.IGNORECASE)


OPENER_PROBLEM = "opens with yes or no: state the rule, so it reads right for every question it answers"


def normalise_example(text: str) -> str:
    """Case, punctuation and spacing folded, so near-identical examples count as the same."""
    return " ".join(re.sub(r"[^\w\s]", " ", text.lower()).split())


def _text(value: object) -> bool:
    return isinstance(value, str) and bool(value.strip())


def check_entry(path: Path, raw: object) -> list[CorpusError]:
    """Problems within one entry, independent of the others."""
    if not isinstance(raw, dict):
        return [CorpusError(path, "file", "expected a mapping of fields")]
    problems = [CorpusError(path, key, f"missing {key}") for key in REQUIRED if key not in raw]
    problems += [
        CorpusError(path, key, f"unknown field (allowed: {', '.join(REQUIRED + OPTIONAL)})")
        for key in raw
        if key not in REQUIRED + OPTIONAL
    ]
    entry_id = raw.get("id")
    if "id" in raw and not (isinstance(entry_id, str) and ID_PATTERN.match(entry_id)):
        problems.append(CorpusError(path, "id", "must be lower_snake_case"))
    elif isinstance(entry_id, str) and entry_id != path.stem:
        problems.append(CorpusError(path, "id", f"'{entry_id}' does not match the file name"))
    for key in ("title", "question", "answer"):
        if key in raw and not _text(raw[key]):
            problems.append(CorpusError(path, key, f"missing {key} (empty)"))
    if _text(raw.get("answer")) and YES_NO_OPENER.match(str(raw["answer"])):
        problems.append(CorpusError(path, "answer", OPENER_PROBLEM))
    title = raw.get("title")
    if _text(title) and len(str(title)) > MAX_TITLE_LENGTH:
        problems.append(CorpusError(path, "title", f"longer than {MAX_TITLE_LENGTH} characters"))
    seed = raw.get("seed_question")
    if seed is not None and not _text(seed):
        problems.append(CorpusError(path, "seed_question", "must be the seed's question or null"))
    if "offers_check" in raw and not isinstance(raw["offers_check"], bool):
        problems.append(CorpusError(path, "offers_check", "must be true or false"))
    if "asks_role" in raw and not isinstance(raw["asks_role"], bool):
        problems.append(CorpusError(path, "asks_role", "must be true or false"))
    if raw.get("asks_role") is False and not raw.get("answers"):
        problems.append(CorpusError(path, "asks_role", "only for an entry with role variants (answers)"))
    problems += _check_answers(path, raw.get("answers"))
    problems += _check_examples(path, raw.get("examples"), "examples" in raw)
    return problems


def _check_answers(path: Path, answers: object) -> list[CorpusError]:
    if answers is None:
        return []
    if not isinstance(answers, dict):
        return [CorpusError(path, "answers", "expected a mapping of role to answer")]
    problems = [
        CorpusError(path, "answers", f"unknown role '{role}' (roles: {', '.join(ROLES)})")
        for role in answers
        if role not in ROLES
    ]
    missing = [role for role in ROLES if role not in answers]
    if missing:
        problems.append(CorpusError(path, "answers", f"missing role(s): {', '.join(missing)}"))
    for role, text in answers.items():
        if role not in ROLES:
            continue
        if not _text(text):
            problems.append(CorpusError(path, f"answers.{role}", "missing answer (empty)"))
        elif YES_NO_OPENER.match(str(text)):
            problems.append(CorpusError(path, f"answers.{role}", OPENER_PROBLEM))
        elif ROLES[role].name.lower() not in str(text).lower():
            # A tailored answer names its role, so the reader sees which role it is for.
            problems.append(
                CorpusError(path, f"answers.{role}", f"must mention '{ROLES[role].name}'")
            )
    return problems


def _check_examples(path: Path, examples: object, present: bool) -> list[CorpusError]:
    if not present:
        return []
    if not isinstance(examples, list) or not all(_text(e) for e in examples):
        return [CorpusError(path, "examples", "expected a list of non-empty strings")]
    problems: list[CorpusError] = []
    if len(examples) < MIN_EXAMPLES:
        problems.append(
            CorpusError(path, "examples", f"only {len(examples)} examples (minimum {MIN_EXAMPLES})")
        )
    seen: dict[str, str] = {}
    for example in examples:
        key = normalise_example(example)
        if key in seen:
            problems.append(
                CorpusError(path, "examples", f"'{example}' repeats '{seen[key]}' in this entry")
            )
        seen[key] = example
        if MARKUP.search(example):
            problems.append(CorpusError(path, "examples", f"'{example}' contains [ ] {{ or }}"))
    return problems


def check_corpus(corpus_dir: Path = CORPUS_DIR) -> list[CorpusError]:
    """Every problem in the corpus folder's files."""
    try:
        raw_entries = read_raw(corpus_dir)
    except CorpusError as exc:
        return [exc]
    return check_entries(raw_entries, corpus_dir)


def check_entries(raw_entries: RawEntries, corpus_dir: Path = CORPUS_DIR) -> list[CorpusError]:
    """Every problem in the entries read: per entry, then across entries (ids, titles, examples)."""
    if not raw_entries:
        return [CorpusError(corpus_dir, "corpus", "no *.yml entries found")]
    problems: list[CorpusError] = []
    ids: dict[str, Path] = {}
    titles: dict[str, Path] = {}
    examples: dict[str, tuple[Path, str]] = {}
    for path, raw in raw_entries:
        problems += check_entry(path, raw)
        if not isinstance(raw, dict):
            continue
        entry_id = raw.get("id")
        if isinstance(entry_id, str):
            if entry_id in ids:
                also = ids[entry_id].name
                problems.append(CorpusError(path, "id", f"duplicate id '{entry_id}' (also {also})"))
            ids.setdefault(entry_id, path)
        title = raw.get("title")
        if _text(title):
            key = str(title).strip().lower()
            if key in titles:
                problems.append(CorpusError(path, "title", f"same title as {titles[key].name}"))
            titles.setdefault(key, path)
        if isinstance(raw.get("examples"), list):
            for example in {normalise_example(str(e)): str(e) for e in raw["examples"]}.items():
                key, text = example
                if key in examples and examples[key][0] != path:
                    other = examples[key][0].name
                    problems.append(
                        CorpusError(path, "examples", f"'{text}' is also an example in {other}")
                    )
                examples.setdefault(key, (path, text))
    return problems
