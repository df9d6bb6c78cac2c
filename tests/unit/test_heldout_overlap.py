"""The held-out sets in tests/data/ measure the model only if they share no message with its training
data: no exact, normalised (case, punctuation and spacing folded) or near (difflib ratio >= 0.9 on
the normalised texts) copy of a training example with the same label.

Training data: data/nlu/*.yml intents (entity markup stripped) and faq_corpus/*.yml examples
(label faq/<id>). The situation questions are labelled by rule, not intent, so they are checked for
exact and normalised copies of any training example whatever its label.

The situation questions are checked in the development sets (tests/dev/situation_questions_dev*.yml)
and in the held-out situation_questions_heldout_v2.yml,
which is never opened while developing: an overlap with it is reported by the training example's
file and label only, never by its text. (The off-topic development sets in tests/dev/ are not
checked here: some of their messages are everyday phrasings the training data had first, which
makes the development figures a little optimistic, not the held-out ones.) Pure: no model."""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from difflib import SequenceMatcher
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "data"
DEV = ROOT / "tests" / "dev"
SITUATION_SETS = ((DEV, "situation_questions_dev.yml"), (DEV, "situation_questions_dev_v3.yml"),
                  (DATA, "situation_questions_heldout_v2.yml"))
UNSEEN = frozenset({"situation_questions_heldout_v2.yml"})
NEAR = 0.9
# A ratio of 2*matches/(len(a)+len(b)) >= NEAR needs min/max length >= NEAR / (2 - NEAR).
LENGTH_RATIO = NEAR / (2 - NEAR)
# scope_heldout.yml categories as intents; "several questions at once" items have no one label.
CATEGORY_INTENT = {
    "off_topic": "out_of_scope", "non_english": "non_english", "own_application": "own_application",
    "abuse": "abuse", "distress": "distress",
}
SKIPPED_CATEGORIES = frozenset({"several", "multiple_questions"})

ENTITY = re.compile(r"\[([^\]]*)\](?:\([^)]*\)|\{[^}]*\})")
APOSTROPHES = re.compile(r"['\u2018\u2019`\u00b4]")
NOT_WORD = re.compile(r"[\W_]+")


def normalise(text: str) -> str:
    """Lower case; apostrophes dropped ("what's" = "whats"); other punctuation and spacing folded
    to single spaces."""
    text = unicodedata.normalize("NFKC", text).casefold()
    return NOT_WORD.sub(" ", APOSTROPHES.sub("", text)).strip()


@dataclass(frozen=True)
class Example:
    source: str
    label: str
    text: str


def training_examples() -> list[Example]:
    examples = []
    for path in sorted((ROOT / "data" / "nlu").glob("*.yml")):
        for block in yaml.safe_load(path.read_text(encoding="utf-8")).get("nlu") or []:
            if "intent" not in block:
                continue  # synonyms and lookup tables are not training messages
            for line in str(block.get("examples") or "").splitlines():
                line = line.strip()
                if line.startswith("- "):
                    text = ENTITY.sub(r"\1", line[2:])
                    examples.append(Example(path.name, str(block["intent"]), text))
    for path in sorted((ROOT / "faq_corpus").glob("*.yml")):
        entry = yaml.safe_load(path.read_text(encoding="utf-8"))
        for text in entry.get("examples") or []:
            examples.append(Example(path.name, f"faq/{entry['id']}", str(text)))
    return examples


def heldout_items() -> list[Example]:
    """Held-out messages with the label the model should give them."""
    items = []
    for name in ("faq_heldout.yml", "faq_heldout_extra.yml"):
        for item in yaml.safe_load((DATA / name).read_text(encoding="utf-8"))["questions"]:
            items.append(Example(name, f"faq/{item['expect']}", str(item["text"])))
    for item in yaml.safe_load((DATA / "scope_heldout.yml").read_text(encoding="utf-8"))["messages"]:
        if item["category"] in SKIPPED_CATEGORIES:
            continue
        items.append(Example("scope_heldout.yml", CATEGORY_INTENT[item["category"]], str(item["text"])))
    name = "offtopic_everyday_heldout.yml"
    for item in yaml.safe_load((DATA / name).read_text(encoding="utf-8"))["messages"]:
        items.append(Example(name, "out_of_scope", str(item["text"])))
    return items


def situation_questions() -> list[Example]:
    items = []
    for folder, name in SITUATION_SETS:
        if (folder / name).exists():
            for item in yaml.safe_load((folder / name).read_text(encoding="utf-8"))["questions"]:
                items.append(Example(name, "(rule)", str(item["text"])))
    return items


@dataclass(frozen=True)
class Overlap:
    heldout: Example
    training: Example
    kind: str  # "exact", "normalised" or "near (0.93)"

    def __str__(self) -> str:
        if self.heldout.source in UNSEEN:  # never shown: the set stays unseen
            return (f"{self.heldout.source} (its text not shown) ~ {self.kind} ~ "
                    f"{self.training.source} [{self.training.label}]")
        return (f"{self.heldout.source} [{self.heldout.label}] {self.heldout.text!r} ~ {self.kind} ~ "
                f"{self.training.source} [{self.training.label}] {self.training.text!r}")


def near_matches(text: str, candidates: dict[int, list[tuple[str, Example]]]
                 ) -> Iterator[tuple[float, Example]]:
    """Training examples (normalised text, example) whose normalised text is within NEAR of `text`;
    `candidates` is bucketed by normalised length, so only plausible lengths are compared."""
    matcher = SequenceMatcher(None, autojunk=False)
    matcher.set_seq2(text)  # SequenceMatcher caches its analysis of the second sequence
    size = len(text)
    low, high = int(size * LENGTH_RATIO), int(size / LENGTH_RATIO) + 1
    for length in range(low, high + 1):
        for normal, example in candidates.get(length, ()):
            matcher.set_seq1(normal)
            if matcher.real_quick_ratio() >= NEAR and matcher.quick_ratio() >= NEAR:
                ratio = matcher.ratio()
                if ratio >= NEAR:
                    yield ratio, example


def find_overlaps() -> list[Overlap]:
    training = training_examples()
    exact: dict[tuple[str, str], Example] = {}
    normal: dict[tuple[str, str], Example] = {}
    any_label_exact: dict[str, Example] = {}
    any_label_normal: dict[str, Example] = {}
    by_label: dict[str, dict[int, list[tuple[str, Example]]]] = defaultdict(lambda: defaultdict(list))
    for example in training:
        folded = normalise(example.text)
        exact.setdefault((example.label, example.text), example)
        normal.setdefault((example.label, folded), example)
        any_label_exact.setdefault(example.text, example)
        any_label_normal.setdefault(folded, example)
        by_label[example.label][len(folded)].append((folded, example))
    overlaps = []
    for item in heldout_items():
        folded = normalise(item.text)
        if (item.label, item.text) in exact:
            overlaps.append(Overlap(item, exact[item.label, item.text], "exact"))
        elif (item.label, folded) in normal:
            overlaps.append(Overlap(item, normal[item.label, folded], "normalised"))
        else:
            best = max(near_matches(folded, by_label.get(item.label, {})), default=None,
                       key=lambda match: match[0])
            if best:
                overlaps.append(Overlap(item, best[1], f"near ({best[0]:.2f})"))
    for item in situation_questions():
        text = item.text
        if text in any_label_exact:
            overlaps.append(Overlap(item, any_label_exact[text], "exact"))
        elif normalise(text) in any_label_normal:
            overlaps.append(Overlap(item, any_label_normal[normalise(text)], "normalised"))
    return overlaps


def test_normalise_folds_case_punctuation_and_spacing() -> None:
    assert normalise("  What's   the SALARY?! ") == normalise("whats the salary") == "whats the salary"
    assert normalise("self-assessment, please") == "self assessment please"


def test_entity_markup_is_stripped() -> None:
    marked = 'can I do [devops](role) or [dev]{"entity": "role"}'
    assert ENTITY.sub(r"\1", marked) == "can I do devops or dev"


def test_the_sets_are_read() -> None:
    labels = {item.label for item in heldout_items()}
    assert {"out_of_scope", "non_english", "distress", "faq/salary"} <= labels
    assert len(training_examples()) > 1000
    assert situation_questions()


def test_no_heldout_message_overlaps_the_training_data() -> None:
    overlaps = find_overlaps()
    assert not overlaps, f"{len(overlaps)} held-out messages overlap the training data:\n" + "\n".join(
        map(str, overlaps))
