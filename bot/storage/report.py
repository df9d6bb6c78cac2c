"""`python -m bot report`: what people ask, what helps (and, when an answer did not, what they were
looking for), what the bot cannot answer and how eligibility checks end, for a date range; as text
and as a stand-alone HTML page with charts.

FAQ entries are shown by their title from faq_corpus/ and roles by their name, never by id; an
entry no longer in the corpus shows as "[no longer in the FAQ: <id>]".
"""

from __future__ import annotations

import base64
import html
import io
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

import sqlalchemy as sa

from bot.corpus import load_corpus
from bot.roles import ROLES
from bot.storage.db import make_engine
from bot.storage.models import EligibilityOutcome, FaqAnswer, Feedback, Unanswered

UNKNOWN_FAQ = "[no longer in the FAQ: {id}]"
NO_ROLE = "(no role)"

# Questions whose TF-IDF character n-gram vectors are closer than this (cosine distance) share a group.
GROUP_DISTANCE = 0.6


@dataclass(frozen=True)
class Group:
    example: str  # the most frequent wording (the shortest among equals)
    count: int
    texts: tuple[str, ...]


@dataclass(frozen=True)
class LookingFor:
    """What people were looking for when one FAQ's answer did not help, newest first."""

    faq: str  # the entry's title
    texts: tuple[tuple[date, str], ...]  # (day, scrubbed text)


@dataclass
class Report:
    start: date
    end: date
    asked: list[tuple[str, int]] = field(default_factory=list)  # FAQ title, answers
    helpfulness: list[tuple[str, int, int]] = field(default_factory=list)  # FAQ title, yes, no
    looking_for: list[LookingFor] = field(default_factory=list)
    unanswered: list[Group] = field(default_factory=list)
    clarified: list[Group] = field(default_factory=list)
    outcomes: list[tuple[str, str, int]] = field(default_factory=list)  # role name, verdict, count
    failed: list[tuple[str, str, int]] = field(default_factory=list)  # role name, criterion, count


def faq_titles() -> dict[str, str]:
    """Each FAQ entry's title by id, from faq_corpus/ (the corpus the bot answers from)."""
    return {entry_id: entry.title for entry_id, entry in load_corpus().items()}


def faq_label(entry_id: str, titles: Mapping[str, str]) -> str:
    return titles.get(entry_id) or UNKNOWN_FAQ.format(id=entry_id)


def role_label(role: str | None) -> str:
    if not role:
        return NO_ROLE
    return ROLES[role].name if role in ROLES else role


def group_similar(texts: Sequence[str], distance: float = GROUP_DISTANCE) -> list[Group]:
    """Similar questions together (TF-IDF over character n-grams, cosine distance, average-linkage
    agglomerative clustering), largest group first."""
    if not texts:
        return []
    if len(texts) == 1:
        labels = [0]
    else:
        from sklearn.cluster import AgglomerativeClustering
        from sklearn.feature_extraction.text import TfidfVectorizer

        vectors = TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 5), lowercase=True)
        matrix = vectors.fit_transform([t.lower() for t in texts]).toarray()
        clustering = AgglomerativeClustering(
            n_clusters=None, distance_threshold=distance, affinity="cosine", linkage="average"
        )
        labels = list(clustering.fit_predict(matrix))
    members: dict[int, list[str]] = {}
    for label, text in zip(labels, texts, strict=True):
        members.setdefault(int(label), []).append(text)
    groups = []
    for group in members.values():
        counts = Counter(group)
        example = min(counts, key=lambda t: (-counts[t], len(t), t))
        groups.append(Group(example, len(group), tuple(sorted(counts, key=lambda t: -counts[t]))))
    return sorted(groups, key=lambda g: (-g.count, g.example))


def build(
    database_url: str, start: date, end: date, titles: Mapping[str, str] | None = None
) -> Report:
    """The report for start..end inclusive (UTC days). `titles`: FAQ titles by id (default: from
    faq_corpus/)."""
    titles = faq_titles() if titles is None else titles
    since, until = datetime.combine(start, time.min), datetime.combine(end + timedelta(days=1), time.min)
    answers, feedback = FaqAnswer.__table__, Feedback.__table__
    questions, outcomes = Unanswered.__table__, EligibilityOutcome.__table__
    report = Report(start, end)
    engine = make_engine(database_url)
    try:
        with engine.connect() as connection:
            def in_range(table: sa.Table) -> sa.sql.ColumnElement[bool]:
                return (table.c.created_at >= since) & (table.c.created_at < until)

            count = sa.func.count().label("n")
            asked = [(faq_label(r[0], titles), int(r[1])) for r in connection.execute(
                sa.select(answers.c.entry_id, count).where(in_range(answers))
                .group_by(answers.c.entry_id)
            )]
            report.asked = sorted(asked, key=lambda a: (-a[1], a[0]))
            yes = sa.func.sum(sa.case((feedback.c.helpful, 1), else_=0)).label("yes")
            no = sa.func.sum(sa.case((feedback.c.helpful, 0), else_=1)).label("no")
            rated = feedback.join(answers, feedback.c.answer_id == answers.c.id)
            report.helpfulness = sorted((faq_label(r[0], titles), int(r[1]), int(r[2])) for r in (
                connection.execute(
                    sa.select(answers.c.entry_id, yes, no).select_from(rated)
                    .where(in_range(answers)).group_by(answers.c.entry_id)
                )
            ))
            wanted = list(connection.execute(
                sa.select(answers.c.entry_id, feedback.c.created_at, feedback.c.looking_for)
                .select_from(rated)
                .where(in_range(answers), feedback.c.looking_for.is_not(None))
                .order_by(feedback.c.created_at.desc())
            ))
            for kind in ("unanswered", "clarified"):
                texts = [r[0] for r in connection.execute(
                    sa.select(questions.c.text).where(in_range(questions), questions.c.kind == kind)
                    .order_by(questions.c.created_at)
                )]
                setattr(report, kind, group_similar(texts))
            rows = list(connection.execute(
                sa.select(outcomes.c.role, outcomes.c.verdict, outcomes.c.failed_criteria)
                .where(in_range(outcomes))
            ))
    finally:
        engine.dispose()
    report.looking_for = _looking_for(wanted, titles)
    by_verdict: Counter[tuple[str, str]] = Counter()
    by_failure: Counter[tuple[str, str]] = Counter()
    for role, verdict, failed in rows:
        role = role_label(role)
        by_verdict[(role, verdict)] += 1
        for criterion in filter(None, (failed or "").split(",")):
            by_failure[(role, criterion)] += 1
    report.outcomes = [(r, v, n) for (r, v), n in sorted(by_verdict.items())]
    report.failed = [(r, c, n) for (r, c), n in sorted(by_failure.items(), key=lambda i: (i[0][0], -i[1]))]
    return report


def _looking_for(rows: Sequence[Any], titles: Mapping[str, str]) -> list[LookingFor]:
    """Rows of (entry id, when, text), newest first, gathered by FAQ: most texts first."""
    by_faq: dict[str, list[tuple[date, str]]] = {}
    for entry_id, when, text in rows:
        by_faq.setdefault(faq_label(entry_id, titles), []).append((when.date(), text))
    gathered = [LookingFor(faq, tuple(texts)) for faq, texts in by_faq.items()]
    return sorted(gathered, key=lambda g: (-len(g.texts), g.faq))


def as_text(report: Report) -> str:
    lines = [f"TechTrack Assistant report, {report.start} to {report.end} (UTC)", ""]
    lines.append("Most asked FAQs (answers given):")
    lines += [f"  {n:5d}  {entry}" for entry, n in report.asked] or ["  none"]
    lines += ["", "Was this helpful? (yes / no, share helpful):"]
    lines += [f"  {entry}: {y} / {n}, {y / (y + n):.0%}" for entry, y, n in report.helpfulness] or ["  none"]
    lines += ["", "When an answer didn't help, what people were looking for (by FAQ, newest first):"]
    for group in report.looking_for:
        lines.append(f"  {group.faq} ({len(group.texts)}):")
        lines += [f"    {day}  {' '.join(text.split())}" for day, text in group.texts]
    if not report.looking_for:
        lines.append("  none")
    for title, groups in (("Unanswered questions", report.unanswered),
                          ("Questions the bot asked to clarify", report.clarified)):
        lines += ["", f"{title}, similar ones grouped (count, example):"]
        lines += [f"  {g.count:5d}  {g.example}" for g in groups] or ["  none"]
    lines += ["", "Eligibility checks by role and verdict:"]
    lines += [f"  {n:5d}  {role}: {verdict}" for role, verdict, n in report.outcomes] or ["  none"]
    lines += ["", "Failed criteria by role:"]
    lines += [f"  {n:5d}  {role}: {criterion}" for role, criterion, n in report.failed] or ["  none"]
    return "\n".join(lines)


def _chart(labels: Sequence[str], values: Sequence[float], title: str, xlabel: str) -> str:
    """A horizontal bar chart as a PNG data URI, so the page stands alone."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from matplotlib.ticker import MaxNLocator

    figure, axes = plt.subplots(figsize=(8, 0.4 * len(labels) + 1.2))
    axes.barh(list(reversed(labels)), list(reversed(values)), color="#1d70b8")
    axes.set_title(title)
    axes.set_xlabel(xlabel)
    axes.xaxis.set_major_locator(MaxNLocator(integer=True))  # counts, not 0.25 of a check
    figure.tight_layout()
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=90)
    plt.close(figure)
    return "data:image/png;base64," + base64.b64encode(buffer.getvalue()).decode()


def _table(headers: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    if not rows:
        return "<p>None in this period.</p>"
    head = "".join(f"<th>{html.escape(h)}</th>" for h in headers)
    body = "".join(
        "<tr>" + "".join(f"<td>{html.escape(str(c))}</td>" for c in row) + "</tr>" for row in rows
    )
    return f"<table><tr>{head}</tr>{body}</table>"


def _image(alt: str, labels: Sequence[str], values: Sequence[float], xlabel: str) -> str:
    return f"<img alt='{html.escape(alt)}' src='{_chart(labels, values, alt, xlabel)}'>"


def as_html(report: Report) -> str:
    parts = [
        "<!doctype html><html lang='en'><head><meta charset='utf-8'>",
        f"<title>TechTrack Assistant report {report.start} to {report.end}</title>",
        "<style>body{font-family:sans-serif;max-width:60em;margin:2em auto}table{border-collapse:"
        "collapse}td,th{border:1px solid #ccc;padding:.3em .6em;text-align:left}</style></head><body>",
        f"<h1>TechTrack Assistant report</h1><p>{report.start} to {report.end} (UTC)</p>",
        "<h2>Most asked FAQs</h2>",
    ]
    if report.asked:
        top = report.asked[:20]
        parts.append(_image("Answers per FAQ", [e for e, _ in top], [n for _, n in top], "answers"))
    parts.append(_table(["FAQ", "answers"], report.asked))
    parts.append("<h2>Was this helpful?</h2>")
    if report.helpfulness:
        labels = [e for e, _, _ in report.helpfulness]
        shares = [100 * y / (y + n) for _, y, n in report.helpfulness]
        parts.append(_image("Share of feedback saying helpful", labels, shares, "% helpful"))
    parts.append(_table(["FAQ", "helpful", "not helpful"], report.helpfulness))
    parts.append("<h3>When an answer didn't help, what people were looking for</h3><p>Personal "
                 "data was removed before it was stored.</p>")
    parts.append(_table(["FAQ", "what they were looking for", "day"], [
        (group.faq, text, day) for group in report.looking_for for day, text in group.texts
    ]))
    for title, groups in (("Unanswered questions", report.unanswered),
                          ("Questions the bot asked to clarify", report.clarified)):
        parts.append(f"<h2>{title}</h2><p>Similar questions are grouped; personal data was removed "
                     "before they were stored.</p>")
        parts.append(_table(["count", "example", "wordings"],
                            [(g.count, g.example, " | ".join(g.texts[:5])) for g in groups]))
    parts.append("<h2>Eligibility checks</h2>")
    if report.outcomes:
        labels = [f"{r}: {v}" for r, v, _ in report.outcomes]
        parts.append(_image("Eligibility outcomes by role", labels, [n for *_, n in report.outcomes],
                            "checks"))
    parts.append(_table(["role", "verdict", "checks"], report.outcomes))
    parts.append("<h3>Failed criteria</h3>")
    parts.append(_table(["role", "criterion", "checks"], report.failed))
    parts.append("</body></html>")
    return "\n".join(parts)


def write_html(report: Report, out_dir: Path) -> Path:
    out_dir.mkdir(parents=True, exist_ok=True)
    path = out_dir / f"report-{report.start}-to-{report.end}.html"
    path.write_text(as_html(report))
    return path
