"""`python -m bot.dev.evaluate` (`make eval`): how the trained model handles held-out messages.

The held-out sets in tests/data/ were written separately from the training examples and are never
trained on:
- faq_heldout.yml and faq_heldout_extra.yml: in-scope questions and the FAQ entry each should get
  (the extra set is tagged by style: typo, informal, long, role_specific);
- scope_heldout.yml: off-topic messages and special cases (another language, someone's own
  application, several questions at once, abuse, distress);
- offtopic_everyday_heldout.yml: everyday off-topic messages (banking, cooking, small talk, ...), reported
  on their own: the share handled safely (declined or clarified) and how many got an FAQ answer,
  a role question, a change-answer prompt or the start of an eligibility check;
- situation_questions_heldout_v2.yml: questions describing the asker's circumstances, and the rule
  that applies (reported by rule, when the set is there);
- eligibility_answers_heldout*.yml and eligibility_personas_heldout.yml: typed answers to the
  eligibility check's questions, and whole checks through the running bot (evaluate_eligibility.py).

The development sets in tests/dev/ (off-topic everyday messages, and the situation questions that
were looked at) are for choosing thresholds and checking changes: reported apart, with their misses.
The held-out sets' misses are never printed or written, only their figures: reading them would make
them tuning data.

Each message goes through the model and then through the same decision the bot's actions make
(bot/nlu/faq_decision.py), so a message counts as answered only when the bot would answer it.
Prints the figures the NLU has targets for and the worst-confused pairs; writes
reports/nlu-eval.json and reports/confusion-matrix.png.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import logging
import sys
import time
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import yaml

from bot.dev.evaluate_eligibility import (
    LAST_UNSEEN,
    LOOKED_AT,
    evaluate_answers,
    evaluate_personas,
    load_answers,
    running_bot,
)
from bot.dev.train import MODEL_PATH
from bot.eligibility.conversation import prefilled
from bot.eligibility.facts import asks_to_check
from bot.eligibility.parsing import spacy_entities
from bot.nlu.faq_decision import FaqRoute, Thresholds, decide_faq, faq_candidates, faq_parts
from bot.nlu.unknown_topics import unknown_topic
from bot.paths import ROOT
from bot.roles import role_in_parse
from bot.settings import load_settings

DATA = ROOT / "tests" / "data"
FAQ_SETS = (DATA / "faq_heldout.yml", DATA / "faq_heldout_extra.yml")
SCOPE_SET = DATA / "scope_heldout.yml"
OFFTOPIC_SET = DATA / "offtopic_everyday_heldout.yml"
# Written by someone who never saw the code; never opened while developing (its misses are not shown).
SITUATION_SET = DATA / "situation_questions_heldout_v2.yml"
# Development sets (tests/dev/): for choosing thresholds and checking changes, never trained on and
# reported apart from the held-out figures, with their misses.
DEV = ROOT / "tests" / "dev"
OFFTOPIC_DEV_SETS = (DEV / "offtopic_everyday_dev.yml", DEV / "offtopic_everyday_dev_v2.yml")
SITUATION_DEV_SETS = (DEV / "situation_questions_dev.yml", DEV / "situation_questions_dev_v3.yml")
FAQ_DEV_SET = DEV / "faq_dev.yml"
# The lists of held-out messages a summary holds, dropped before anything is printed or written.
HELDOUT_TEXTS = ("faq_misses", "scope_misses", "dangerous", "misses")
REPORTS = ROOT / "reports"

# Intents other than `faq` that answer an FAQ entry's question: "am I eligible?" is answered by
# the step-by-step eligibility check.
INTENT_ANSWERS = {"check_eligibility": "eligibility_criteria"}
SPECIAL_INTENTS = ("out_of_scope", "non_english", "own_application", "abuse", "distress")
# What the bot does with a message, as a label: `faq/<id>` (answered), `clarify`, `several`,
# `dont_know`, a special-case intent, or `other:<intent>`.
DECLINES = frozenset({"dont_know", *SPECIAL_INTENTS})
# The label each held-out category should get; `dont_know` is as good as `out_of_scope` for an
# off-topic message (both decline without guessing).
CATEGORY_LABEL = {"off_topic": "out_of_scope", "multiple_questions": "several"}
# An off-topic message is handled safely when the bot declines it or asks which FAQ entry was meant;
# it is handled dangerously when the bot answers an FAQ entry (including starting the eligibility
# check, which bot_label counts as the eligibility_criteria answer, or restarting it: outside the
# check, "start again" starts one) or treats the text as a role or a change of answer.
OFFTOPIC_SAFE = DECLINES | {"clarify", "several"}
OFFTOPIC_DANGEROUS = frozenset({"other:inform_role", "other:change_answer", "other:check_eligibility",
                                "other:restart_check"})


# The situation questions' rule keys, and the entries that answer each specifically
# (docs/design/situations.md). Starting the eligibility check is also a right answer: the check
# asks about exactly that situation.
SITUATION_ENTRIES: dict[str, tuple[str, ...]] = {
    "study_visa_years": ("study_visa_years",),
    "dependant_or_family_visa": ("dependant_family_visa",),
    "exempt_statuses": ("exempt_statuses",),
    "asylum_seeker": ("asylum_seekers",),
    "eea_time": ("eea_time",),
    "euss_pending_or_none": ("euss_pending_or_no_status",),
    "irish_citizen": ("irish_citizens",),
    "uk_returner": ("uk_returner_time_abroad",),
    "indefinite_leave": ("indefinite_leave",),
    "permission_duration": ("permission_lasting",),
    "work_location_england": ("part_time_in_england", "based_in_england"),
    "student_loan_current_vs_repaying": ("student_loan_repaying", "student_loan"),
    "other_programme_ending_or_self_funded": ("other_programme_ending_or_self_funded",
                                              "other_funded_programme"),
    "completed_apprenticeship": ("completed_apprenticeship", "level_2_apprentices"),
    "prior_qualification_similar": ("prior_qualification",),
    "equivalent_qualifications": ("equivalent_qualifications",),
    "ba_cyber_employment": ("ba_cyber_employment_requirement",),
    "age_minimum": ("age_requirement",),
    "age_maximum": ("age_requirement",),
}
CHECK_STARTED = "check"
# Situation entries and the broader entry each refines (docs/design/situations.md). A held-out
# question labelled with the broader entry, answered with the refinement, is counted apart: the
# held-out labels were written before the refinements existed.
REFINES: dict[str, str] = {
    "study_visa_years": "residency_requirements", "dependant_family_visa": "residency_requirements",
    "exempt_statuses": "residency_requirements", "asylum_seekers": "residency_requirements",
    "eea_time": "residency_requirements", "euss_pending_or_no_status": "residency_requirements",
    "irish_citizens": "residency_requirements", "uk_returner_time_abroad": "residency_requirements",
    "indefinite_leave": "residency_requirements", "permission_lasting": "residency_requirements",
    "part_time_in_england": "based_in_england", "student_loan_repaying": "student_loan",
    "other_programme_ending_or_self_funded": "other_funded_programme",
    "completed_apprenticeship": "level_2_apprentices",
    "equivalent_qualifications": "entry_requirements",
    "ba_cyber_employment_requirement": "entry_requirements",
}


@dataclass(frozen=True)
class Judged:
    text: str
    gold: str
    label: str
    confidence: float
    offered: tuple[str, ...]
    style: str | None = None
    role_expected: str | None = None
    role: str | None = None


def bot_label(parsed: Mapping[str, Any], thresholds: Thresholds) -> tuple[str, float, tuple[str, ...]]:
    """What the bot would do with this parse: the label, the confidence behind it, and the FAQ
    entries it would offer as buttons."""
    intent = parsed.get("intent") or {}
    name = str(intent.get("name") or "")
    confidence = float(intent.get("confidence") or 0.0)
    if name in INTENT_ANSWERS:
        return f"faq/{INTENT_ANSWERS[name]}", confidence, ()
    if name == "nlu_fallback":
        return "dont_know", confidence, ()
    if name in SPECIAL_INTENTS:
        return name, confidence, ()
    if name != "faq" and not name.startswith("faq/"):
        return f"other:{name}", confidence, ()
    text = str(parsed.get("text") or "")
    if asks_to_check(text, prefilled(text, spacy_entities(parsed))):
        # As actions/faq.py does: "Am I eligible? I'm 24..." starts the check, which counts as the
        # check_eligibility intent does.
        return f"faq/{INTENT_ANSWERS['check_eligibility']}", confidence, ()
    if unknown_topic(text) is not None:
        return "dont_know", confidence, ()  # as actions/faq.py does: a topic the FAQ doesn't cover
    candidates = faq_candidates(parsed)
    decision = decide_faq(str(parsed.get("text") or ""), candidates, thresholds, faq_parts(parsed))
    best = candidates[0].confidence if candidates else 0.0
    offered = tuple(c.faq_id for c in decision.candidates)
    if decision.action is FaqRoute.ANSWER:
        return f"faq/{decision.faq_id}", best, ()
    return decision.action.value, best, offered


def load_yaml(path: Path, key: str) -> list[dict[str, Any]]:
    return list(yaml.safe_load(path.read_text(encoding="utf-8"))[key])


def judge_faq(items: Sequence[dict[str, Any]], parsed: Sequence[Mapping[str, Any]],
              thresholds: Thresholds) -> list[Judged]:
    judged = []
    for item, result in zip(items, parsed, strict=True):
        label, confidence, offered = bot_label(result, thresholds)
        judged.append(Judged(
            text=item["text"], gold=f"faq/{item['expect']}", label=label, confidence=round(confidence, 3),
            offered=offered, style=item.get("style"), role_expected=item.get("role"),
            role=role_in_parse(result),
        ))
    return judged


def judge_scope(items: Sequence[dict[str, Any]], parsed: Sequence[Mapping[str, Any]],
                thresholds: Thresholds) -> list[Judged]:
    judged = []
    for item, result in zip(items, parsed, strict=True):
        label, confidence, offered = bot_label(result, thresholds)
        category = item["category"]
        judged.append(Judged(
            text=item["text"], gold=CATEGORY_LABEL.get(category, category), label=label,
            confidence=round(confidence, 3), offered=offered,
            style=",".join(item.get("expect_any") or []) or None,
        ))
    return judged


def scope_correct(j: Judged) -> bool:
    if j.gold == "out_of_scope":
        return j.label in ("out_of_scope", "dont_know")
    if j.gold == "several":
        wanted = set((j.style or "").split(","))
        return j.label in ("several", "clarify") and bool(wanted & set(j.offered))
    return j.label == j.gold


def judge_offtopic(items: Sequence[dict[str, Any]], parsed: Sequence[Mapping[str, Any]],
                   thresholds: Thresholds) -> list[Judged]:
    judged = []
    for item, result in zip(items, parsed, strict=True):
        label, confidence, offered = bot_label(result, thresholds)
        intent = str((result.get("intent") or {}).get("name") or "")
        judged.append(Judged(
            text=item["text"], gold="out_of_scope", label=label, confidence=round(confidence, 3),
            offered=offered, style=f"{item.get('domain') or ''} (intent {intent})",
        ))
    return judged


def judge_situations(items: Sequence[dict[str, Any]], parsed: Sequence[Mapping[str, Any]],
                     thresholds: Thresholds) -> list[Judged]:
    judged = []
    for item, result in zip(items, parsed, strict=True):
        label, confidence, offered = bot_label(result, thresholds)
        text = str(result.get("text") or "")
        if str((result.get("intent") or {}).get("name")) == "check_eligibility" or asks_to_check(
                text, prefilled(text, spacy_entities(result))):
            label = CHECK_STARTED
        judged.append(Judged(
            text=item["text"], gold=item["rule"], label=label, confidence=round(confidence, 3),
            offered=offered, style=item.get("voice"),
        ))
    return judged


def situation_right(j: Judged) -> bool:
    return j.label == CHECK_STARTED or j.label in {f"faq/{e}" for e in SITUATION_ENTRIES.get(j.gold, ())}


def summarise_situations(situations: list[Judged]) -> dict[str, Any]:
    by_rule: dict[str, dict[str, int]] = {}
    for j in situations:
        counts = by_rule.setdefault(j.gold, {"questions": 0, "right": 0})
        counts["questions"] += 1
        counts["right"] += situation_right(j)
    right = [j for j in situations if situation_right(j)]
    return {
        "questions": len(situations),
        "right": rate(len(right), len(situations)),
        "check_started": sum(j.label == CHECK_STARTED for j in situations),
        "by_rule": by_rule,
        "misses": [asdict(j) for j in situations if not situation_right(j)],
    }


def offtopic_dangerous(j: Judged) -> bool:
    return j.label.startswith("faq/") or j.label in OFFTOPIC_DANGEROUS


def summarise_offtopic(offtopic: list[Judged]) -> dict[str, Any]:
    safe = [j for j in offtopic if j.label in OFFTOPIC_SAFE]
    dangerous = [j for j in offtopic if offtopic_dangerous(j)]
    return {
        "messages": len(offtopic),
        "safe": rate(len(safe), len(offtopic)),
        "dangerous_count": len(dangerous),
        "dangerous": [asdict(j) for j in dangerous],
        "by_label": dict(Counter(j.label for j in offtopic).most_common()),
    }


def macro_f1(gold: Sequence[str], predicted: Sequence[str]) -> float:
    from sklearn.metrics import f1_score

    labels = sorted(set(gold))
    return float(f1_score(gold, predicted, labels=labels, average="macro", zero_division=0))


def as_intent(j: Judged) -> str:
    """The predicted label compared with the gold intent: a decline counts as out_of_scope unless
    it is the special case itself; clarification offering the gold entry counts as neither."""
    if j.label == "dont_know":
        return "out_of_scope"
    if j.gold == "several" and scope_correct(j):
        return "several"
    return j.label


def rate(part: int, whole: int) -> float:
    return part / whole if whole else 0.0


def answered_by_style(results: Iterable[tuple[str | None, bool]]) -> dict[str, dict[str, int]]:
    """(style, answered rightly) pairs counted per style."""
    by_style: dict[str, dict[str, int]] = {}
    for style, right in results:
        counts = by_style.setdefault(style or "plain", {"questions": 0, "answered": 0})
        counts["questions"] += 1
        counts["answered"] += right
    return by_style


def summarise(faq: list[Judged], scope: list[Judged]) -> dict[str, Any]:
    answered = [j for j in faq if j.label == j.gold]
    refined = [j for j in faq if j.label.startswith("faq/") and REFINES.get(j.label[4:]) == j.gold[4:]]
    offered = [j for j in faq if j.label in ("clarify", "several") and j.gold[4:] in j.offered]
    rejected = [j for j in faq if j.label in DECLINES]
    clarified = [j for j in faq if j.label in ("clarify", "several")]
    with_role = [j for j in faq if j.role_expected]
    role_right = [j for j in with_role if j.role == j.role_expected and j.label == j.gold]
    declining = [j for j in scope if j.gold != "several"]
    declined = [j for j in declining if j.label in DECLINES or j.label.startswith("other:")]
    everything = faq + scope
    gold = [j.gold for j in everything]
    predicted = [as_intent(j) for j in everything]
    confused = Counter((g, p) for g, p in zip(gold, predicted, strict=True) if g != p)
    by_category: dict[str, dict[str, int]] = {}
    for j in scope:
        counts = by_category.setdefault(j.gold, {"messages": 0, "handled": 0})
        counts["messages"] += 1
        counts["handled"] += scope_correct(j)
    return {
        "faq_questions": len(faq),
        "faq_answer_accuracy": rate(len(answered), len(faq)),
        "faq_answered_by_refinement": len(refined),
        "faq_accuracy_with_refinements": rate(len(answered) + len(refined), len(faq)),
        "faq_answered_or_offered": rate(len(answered) + len(offered), len(faq)),
        "faq_clarified": rate(len(clarified), len(faq)),
        "false_rejection": rate(len(rejected), len(faq)),
        "role_questions": len(with_role),
        "role_accuracy": rate(len(role_right), len(with_role)),
        "out_of_scope_messages": len(declining),
        "out_of_scope_recall": rate(len(declined), len(declining)),
        "intent_macro_f1": macro_f1(gold, predicted),
        "by_style": answered_by_style((j.style, j.label == j.gold) for j in faq),
        "by_category": by_category,
        "worst_confused": [
            {"gold": g, "predicted": p, "count": n} for (g, p), n in confused.most_common(10)
        ],
        "faq_misses": [asdict(j) for j in faq if j.label != j.gold],
        "scope_misses": [asdict(j) for j in scope if not scope_correct(j)],
    }


def plot_confusion(faq: list[Judged], scope: list[Judged], path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from sklearn.metrics import confusion_matrix

    everything = faq + scope
    gold = [j.gold for j in everything]
    predicted = [as_intent(j) for j in everything]
    labels = sorted(set(gold) | set(predicted))
    matrix = confusion_matrix(gold, predicted, labels=labels)
    size = max(8, len(labels) * 0.32)
    figure, axes = plt.subplots(figsize=(size, size))
    axes.imshow(matrix, cmap="Blues")
    axes.set_xticks(range(len(labels)), labels, rotation=90, fontsize=7)
    axes.set_yticks(range(len(labels)), labels, fontsize=7)
    axes.set_xlabel("what the bot did")
    axes.set_ylabel("what it should have done")
    axes.set_title("Held-out messages: confusion matrix")
    for row in range(len(labels)):
        for col in range(len(labels)):
            if matrix[row, col]:
                axes.text(col, row, str(matrix[row, col]), ha="center", va="center", fontsize=6,
                          color="white" if matrix[row, col] > matrix.max() / 2 else "black")
    figure.tight_layout()
    path.parent.mkdir(parents=True, exist_ok=True)
    figure.savefig(path, dpi=110)
    plt.close(figure)


async def parse_all(model: Path, texts: list[str]) -> list[dict[str, Any]]:
    from rasa.core.agent import Agent
    from rasa.utils.log_utils import configure_structlog

    configure_structlog(logging.WARNING)  # not a debug line per message parsed
    agent = Agent.load(str(model))
    return [await agent.parse_message(text) for text in texts]


@dataclass(frozen=True)
class Evaluation:
    faq: list[Judged]
    scope: list[Judged]
    summary: dict[str, Any]
    eligibility: dict[str, Any]


def heldout_figures(summary: dict[str, Any]) -> dict[str, Any]:
    """A held-out summary without its messages: figures only."""
    return {key: value for key, value in summary.items() if key not in HELDOUT_TEXTS}


def load_if_there(path: Path, key: str) -> list[dict[str, Any]]:
    return load_yaml(path, key) if path.exists() else []


def dev_sets() -> list[tuple[Path, list[dict[str, Any]]]]:
    """The development sets that exist, with their items."""
    sets = ([(FAQ_DEV_SET, "questions")] + [(path, "messages") for path in OFFTOPIC_DEV_SETS]
            + [(path, "questions") for path in SITUATION_DEV_SETS])
    return [(path, items) for path, key in sets if (items := load_if_there(path, key))]


def summarise_dev(sets: Sequence[tuple[Path, list[dict[str, Any]]]],
                  parsed: Sequence[Mapping[str, Any]], thresholds: Thresholds) -> dict[str, Any]:
    """Each development set summarised, with its misses; parsed: their texts' parses, in order."""
    dev: dict[str, Any] = {}
    start = 0
    for path, items in sets:
        results, start = parsed[start:start + len(items)], start + len(items)
        if path == FAQ_DEV_SET:
            dev[path.stem] = summarise_faq_dev(items, judge_faq(items, results, thresholds))
        elif path in SITUATION_DEV_SETS:
            dev[path.stem] = summarise_situations(judge_situations(items, results, thresholds))
        else:
            dev[path.stem] = summarise_offtopic(judge_offtopic(items, results, thresholds))
    return dev


def summarise_faq_dev(items: Sequence[Mapping[str, Any]], faq: list[Judged]) -> dict[str, Any]:
    """The FAQ development set: answered with the expected entry (or one its writer also accepted,
    or a situation entry refining it), declined, and the misses to look at."""
    def right(item: Mapping[str, Any], j: Judged) -> bool:
        accepted = {j.gold[4:], *(item.get("also") or ())}
        entry = j.label[4:] if j.label.startswith("faq/") else None
        return entry in accepted or (entry is not None and REFINES.get(entry) in accepted)

    judged = list(zip(items, faq, strict=True))
    answered = [j for item, j in judged if right(item, j)]
    return {
        "questions": len(faq),
        "accuracy": rate(len(answered), len(faq)),
        "false_rejection": rate(sum(j.label in DECLINES for j in faq), len(faq)),
        "by_style": answered_by_style((j.style, right(item, j)) for item, j in judged),
        "misses": [asdict(j) for item, j in judged if not right(item, j)],
    }


def evaluate_model(model: Path, thresholds: Thresholds) -> Evaluation:
    faq_items = [item for path in FAQ_SETS for item in load_yaml(path, "questions")]
    scope_items = load_yaml(SCOPE_SET, "messages")
    answer_items = load_answers()
    offtopic_items = load_yaml(OFFTOPIC_SET, "messages")
    situation_items = load_if_there(SITUATION_SET, "questions")
    development = dev_sets()
    dev_items = [item for _, items in development for item in items]
    texts = [item["text"] for item in
             faq_items + scope_items + answer_items + offtopic_items + situation_items + dev_items]
    parsed = asyncio.run(parse_all(model, texts))
    dev = summarise_dev(development, parsed[len(parsed) - len(dev_items):], thresholds)
    parsed = parsed[: len(parsed) - len(dev_items)]
    situations = judge_situations(situation_items, parsed[len(parsed) - len(situation_items):], thresholds)
    parsed = parsed[: len(parsed) - len(situation_items)]
    faq = judge_faq(faq_items, parsed[: len(faq_items)], thresholds)
    scope_end = len(faq_items) + len(scope_items)
    scope = judge_scope(scope_items, parsed[len(faq_items):scope_end], thresholds)
    answers_end = scope_end + len(answer_items)
    eligibility = evaluate_answers(answer_items, parsed[scope_end:answers_end])
    offtopic = judge_offtopic(offtopic_items, parsed[answers_end:], thresholds)
    summary = {**heldout_figures(summarise(faq, scope)),
               "offtopic_everyday": heldout_figures(summarise_offtopic(offtopic))}
    if situations:
        summary["situations"] = heldout_figures(summarise_situations(situations))
    summary["dev"] = dev
    return Evaluation(faq, scope, summary, eligibility)


def answered(counts: Mapping[str, int]) -> int:
    """How many typed answers a set's counts cover (each is right, asked again or wrong)."""
    return sum(counts.get(kind, 0) for kind in ("right", "asked_again", "wrong"))


def print_report(summary: dict[str, Any], eligibility: dict[str, Any], seconds: float) -> None:
    s = summary
    print(f"Held-out evaluation: {s['faq_questions']} in-scope questions, "
          f"{s['out_of_scope_messages']} out-of-scope messages ({seconds:.0f} s)\n")
    print(f"  FAQ answer accuracy        {s['faq_answer_accuracy']:7.1%}   (target >= 97%)")
    print(f"  ...or a more specific entry {s['faq_accuracy_with_refinements']:6.1%}   "
          f"({s['faq_answered_by_refinement']} answered by a situation entry that refines the "
          f"expected one)")
    print(f"  out-of-scope recall        {s['out_of_scope_recall']:7.1%}   (target >= 95%)")
    print(f"  in-scope false rejection   {s['false_rejection']:7.1%}   (target <= 2%)")
    print(f"  intent macro-F1            {s['intent_macro_f1']:7.3f}")
    print(f"  answered or offered        {s['faq_answered_or_offered']:7.1%}   "
          f"(clarified: {s['faq_clarified']:.1%})")
    print(f"  role tailoring             {s['role_accuracy']:7.1%}   ({s['role_questions']} questions)")
    unseen = Counter()
    for name, counts in eligibility["per_set"].items():
        if name not in LOOKED_AT:
            unseen.update(counts)
    where = "in the sets never looked at"
    if not unseen:  # every set has prompted fixes: the last measure taken before that
        unseen.update({key: value for key, value in LAST_UNSEEN.items() if key not in ("set", "answers")})
        where = (f"{LAST_UNSEEN['set']} when still unseen; every set has been looked at since, "
                 "so write a new one")
    total = answered(unseen)
    print(f"  eligibility answers        {rate(unseen['right'], total):7.1%}   "
          f"({unseen['right']}/{total} typed answers understood, {where}; target >= 97%)")
    print(f"  ...understood wrongly      {rate(unseen['wrong'], total):7.1%}   "
          f"({unseen['wrong']} a different value kept, {unseen['asked_again']} asked again; "
          f"target <= 0.5%)")
    if "confirmed" in unseen:
        print(f"  ...asked back first        {rate(unseen['confirmed'], total):7.1%}   "
              f"({unseen['confirmed']} read with doubt and asked back: \"is that right?\"; without "
              f"that, {unseen['wrong_if_not_asked_back']} would be a different value kept)")
    print(f"  ...all sets                {eligibility['accuracy']:7.1%}   "
          f"({eligibility['understood']}/{eligibility['answers']}, {eligibility['wrong']} wrong: "
          f"optimistic, most of them prompted fixes)")
    offtopic = s.get("offtopic_everyday")
    if offtopic:
        print(f"  off-topic everyday messages {offtopic['safe']:6.1%}  safe (target >= 98%; "
              f"{offtopic['messages']} messages, declined or clarified)")
        print(f"  ...dangerous               {offtopic['dangerous_count']:7d}   (an FAQ answer, a role "
              f"question, a change-answer prompt or a check start)")
    situations = s.get("situations")
    if situations:
        print(f"  situation questions        {situations['right']:7.1%}   (target >= 90%; "
              f"{situations['questions']} questions: the specific rule's answer, or the check "
              f"started ({situations['check_started']}))")
    else:
        print(f"  situation questions            -     ({SITUATION_SET.name} is not there yet)")
    dev = s.get("dev") or {}
    if dev:
        print("\nDevelopment sets (tests/dev/, used to choose thresholds and examples; not held-out "
              "figures):")
    for name, figures in dev.items():
        if "accuracy" in figures:
            print(f"  {name:32} {figures['accuracy']:6.1%}  answered ({figures['questions']} questions, "
                  f"{figures['false_rejection']:.1%} declined)")
        elif "safe" in figures:
            print(f"  {name:32} {figures['safe']:6.1%}  safe ({figures['messages']} messages, "
                  f"{figures['dangerous_count']} dangerous)")
        else:
            print(f"  {name:32} {figures['right']:6.1%}  right ({figures['questions']} questions, "
                  f"check started {figures['check_started']})")
    if situations:
        print("\nHeld-out situation questions by rule (right/questions; the texts are not printed, so "
              "that the set stays unseen):")
        for rule, counts in sorted(situations["by_rule"].items()):
            print(f"  {rule:40} {counts['right']:>3}/{counts['questions']:<3}")
    print("\nIn-scope, by style:")
    for style, counts in s["by_style"].items():
        print(f"  {style:16} {counts['answered']:>4}/{counts['questions']:<4}")
    print("\nOut of scope and special cases, handled as they should be:")
    for category, counts in s["by_category"].items():
        print(f"  {category:16} {counts['handled']:>4}/{counts['messages']:<4}")
    print("\nWorst-confused pairs (should be -> was):")
    for pair in s["worst_confused"]:
        print(f"  {pair['count']:>3}  {pair['gold']} -> {pair['predicted']}")
    print("\n(The held-out sets' misses are not printed: reading them would make them tuning data.)")
    print_dev_misses(dev)
    for name, counts in eligibility["per_set"].items():
        total = answered(counts)
        note = "  (its misses prompted fixes: optimistic)" if name in LOOKED_AT else ""
        print(f"    {name:32} {counts.get('right', 0):>4}/{total:<4} right, "
              f"{counts.get('wrong', 0)} wrong, {counts.get('asked_again', 0)} asked again, "
              f"{counts.get('confirmed', 0)} asked back{note}")
    shown = [miss for miss in eligibility["misses"] if miss.get("set") in LOOKED_AT]
    if shown:
        print("\nEligibility answers not understood, from the sets already looked at "
              "(wrong = a different value):")
    for miss in shown:
        print(f"  {miss['kind']:11} {miss['question']}: expected {miss['expected']!r}, "
              f"got {miss['got']!r}: {miss['text']}")
    withheld = len(eligibility["misses"]) - len(shown)
    if withheld:
        print(f"\n{withheld} misses in the sets never looked at are not printed: reading them "
              "would make those sets tuning data.")


def print_dev_misses(dev: Mapping[str, Any]) -> None:
    """The development sets' misses: what to look at when choosing thresholds and examples."""
    for name, figures in dev.items():
        if figures.get("dangerous"):
            print(f"\n{name}: handled dangerously (an answer, a role question, a change-answer prompt "
                  "or a check start):")
            for miss in figures["dangerous"]:
                print(f"  {miss['label']} ({miss['confidence']:.2f}) [{miss['style']}]: {miss['text']}")
        if figures.get("misses") and "accuracy" in figures:
            print(f"\n{name}: not answered with the expected entry (expected -> got):")
            for miss in figures["misses"]:
                offered = f" offering {', '.join(miss['offered'])}" if miss["offered"] else ""
                print(f"  {miss['gold'][4:]} -> {miss['label']}{offered} ({miss['confidence']:.2f}) "
                      f"[{miss['style']}]: {miss['text']}")
        elif figures.get("misses"):
            print(f"\n{name}: not answered with the rule's entry nor the check started:")
            for miss in figures["misses"]:
                print(f"  {miss['gold']} -> {miss['label']} ({miss['confidence']:.2f}): {miss['text']}")
        if "by_rule" in figures:
            print(f"\n{name} by rule (right/questions):")
            for rule, counts in sorted(figures["by_rule"].items()):
                print(f"  {rule:40} {counts['right']:>3}/{counts['questions']:<3}")


def print_personas(personas: dict[str, Any]) -> None:
    print(f"\nPersonas through the running bot ({personas['personas']} people, target 100%):")
    for mode, counts in personas["by_mode"].items():
        print(f"  {mode:8} {counts['right']:>3}/{counts['runs']:<3} right verdicts")
    if personas["misses"]:
        # Held out: the misses are counted, not shown (reports/nlu-eval.json has them for whoever
        # owns the eligibility check and decides to look).
        print(f"  {len(personas['misses'])} persona runs with a wrong verdict (not printed: held out)")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bot.dev.evaluate", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--model", type=Path, default=MODEL_PATH)
    parser.add_argument("--reports", type=Path, default=REPORTS)
    parser.add_argument("--no-personas", action="store_true",
                        help="skip the personas (they start the servers)")
    args = parser.parse_args(argv)
    if not args.model.exists():
        print(f"error: no model at {args.model}: run `make train`", file=sys.stderr)
        return 1
    started = time.monotonic()
    thresholds = load_settings().faq_thresholds
    evaluation = evaluate_model(args.model, thresholds)
    eligibility = evaluation.eligibility
    print_report(evaluation.summary, eligibility, time.monotonic() - started)
    personas: dict[str, Any] = {}
    if not args.no_personas:
        with running_bot() as url:
            personas = evaluate_personas(url)
        print_personas(personas)
    args.reports.mkdir(parents=True, exist_ok=True)
    report = args.reports / "nlu-eval.json"
    report.write_text(json.dumps(
        {"thresholds": asdict(thresholds), **evaluation.summary, "eligibility_answers": eligibility,
         "eligibility_personas": personas},
        indent=2, default=str,
    ))
    plot_confusion(evaluation.faq, evaluation.scope, args.reports / "confusion-matrix.png")
    print(f"\nWrote {report} and {args.reports / 'confusion-matrix.png'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
