"""`python -m bot.dev.load` (`make cluster-bench`): throughput of `make cluster`'s topology with one and
with two Rasa replicas behind the balancer, and a count of the events PostgreSQL stored.

For each replica count a cluster is started (bot/dev/cluster.py: HAProxy, the replicas, two action
servers, PostgreSQL, Redis), warmed up, and then CONVERSATIONS conversations (50) of TURNS turns
(10: an FAQ question and a whole eligibility check to its verdict) run at once over REST through the
balancer. Printed, and written to reports/cluster-bench.json: messages per second, latency p50/p95,
errors and retries, which replicas answered, the resident memory of each server, and the user events
expected against those stored (with duplicates and turns out of order, both of which must be 0).

The same functions drive the cluster tests (tests/integration/test_cluster.py). Timings on a shared
machine are noisy; nothing here asserts a time.
"""

from __future__ import annotations

import argparse
import json
import statistics
import threading
import time
import urllib.error
import urllib.request
import uuid
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any

from bot.paths import ROOT

REPORT = ROOT / "reports" / "cluster-bench.json"
REQUEST_TIMEOUT = 180  # above the balancer's server timeout: a turn may wait for a dead replica's lock
RETRY_STATUSES = (502, 503, 504)
MAX_ATTEMPTS = 5
# An FAQ question, then a whole eligibility check to its verdict: ten turns, every one of which
# reads the conversation's state left by the one before (on whichever replica ran it).
ELIGIBILITY_SCRIPT = ("will I be paid?", "am I eligible?", "software developer", "I'm 23", "British",
                      "all my life", "no", "nope", "no I don't", "yes")
ELIGIBLE_VERDICT = "From what you've told me, you meet the TechTrack eligibility criteria."
# Ten FAQ questions (with the corpus entry each is answered from): a turn sent twice (see
# Turn.attempts) leaves the rest of the conversation as it was.
FAQ_TURNS = (
    ("age_requirement", "How old do I need to be?"),
    ("based_in_england", "Do I have to be based in England?"),
    ("continued_learning", "Can I keep learning after I finish?"),
    ("contract_type", "Are the roles fixed-term or permanent contracts?"),
    ("department_choice", "Can I choose which department I work in?"),
    ("eligibility_criteria", "What are the eligibility criteria?"),
    ("how_to_apply", "How do I apply?"),
    ("leaving_the_programme", "What happens if I want to leave the programme?"),
    ("level_4_meaning", "What does a Level 4 apprenticeship mean?"),
    ("locations", "Where are the roles located?"),
)
FAQ_SCRIPT = tuple(question for _, question in FAQ_TURNS)


@dataclass
class Turn:
    text: str
    status: int  # the HTTP status of the last attempt (0: no answer at all)
    replies: list[dict[str, Any]]
    seconds: float
    attempts: int
    replica: str | None

    @property
    def reply(self) -> str:
        return "\n\n".join(m.get("text", "") for m in self.replies)


def say(url: str, sender: str, text: str) -> Turn:
    """One REST turn through the balancer, sent again (as a person would) when it gets no answer."""
    body = json.dumps({"sender": sender, "message": text}).encode()
    started = time.perf_counter()
    status, replies, replica = 0, [], None
    for attempt in range(1, MAX_ATTEMPTS + 1):
        request = urllib.request.Request(url, data=body, headers={"Content-Type": "application/json"})
        try:
            with urllib.request.urlopen(request, timeout=REQUEST_TIMEOUT) as response:
                status, replica = response.status, response.headers.get("X-TechTrack-Replica")
                replies = list(json.loads(response.read()))
                break
        except urllib.error.HTTPError as error:
            status = error.code
            if error.code not in RETRY_STATUSES:
                break
        except (urllib.error.URLError, ConnectionError, TimeoutError, OSError):
            status = 0
        time.sleep(0.5 * attempt)
    return Turn(text, status, replies, time.perf_counter() - started, attempt, replica)


@dataclass
class LoadResult:
    conversations: dict[str, list[Turn]]
    seconds: float

    @property
    def turns(self) -> list[Turn]:
        return [t for turns in self.conversations.values() for t in turns]

    @property
    def messages(self) -> int:
        return len(self.turns)

    @property
    def per_second(self) -> float:
        return self.messages / self.seconds if self.seconds else 0.0

    @property
    def errors(self) -> int:
        return sum(1 for t in self.turns if t.status != 200)

    @property
    def resent(self) -> int:
        return sum(t.attempts - 1 for t in self.turns)

    @property
    def replicas(self) -> Counter[str]:
        return Counter(t.replica for t in self.turns if t.replica)

    def latency(self, fraction: float) -> float:
        values = sorted(t.seconds for t in self.turns)
        return values[min(len(values) - 1, int(fraction * len(values)))] if values else 0.0

    def summary(self) -> dict[str, Any]:
        return {
            "messages": self.messages, "seconds": round(self.seconds, 2),
            "messages_per_second": round(self.per_second, 2),
            "p50_seconds": round(self.latency(0.5), 3), "p95_seconds": round(self.latency(0.95), 3),
            "mean_seconds": round(statistics.fmean(t.seconds for t in self.turns), 3) if self.turns else 0,
            "errors": self.errors, "resent": self.resent, "answered_by": dict(self.replicas),
        }


def run_load(url: str, senders: Sequence[str], script: Sequence[str], concurrency: int | None = None,
             progress: Callable[[int], None] | None = None) -> LoadResult:
    """Every sender's conversation (the script's turns, one after the other) at once."""
    done = 0
    done_lock = threading.Lock()

    def conversation(sender: str) -> list[Turn]:
        nonlocal done
        turns = []
        for text in script:
            turns.append(say(url, sender, text))
            with done_lock:
                done += 1
                count = done
            if progress is not None:
                progress(count)
        return turns

    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=concurrency or len(senders)) as pool:
        results = list(pool.map(conversation, senders))
    return LoadResult(dict(zip(senders, results, strict=True)), time.perf_counter() - started)


def burst(url: str, sender: str, text: str, count: int) -> list[Turn]:
    """`count` copies of one message to one conversation, all sent at the same moment."""
    gate = threading.Barrier(count)

    def one(_: int) -> Turn:
        gate.wait()
        return say(url, sender, text)

    with ThreadPoolExecutor(max_workers=count) as pool:
        return list(pool.map(one, range(count)))


def new_senders(prefix: str, count: int) -> list[str]:
    run = uuid.uuid4().hex[:8]
    return [f"{prefix}-{run}-{n:03d}" for n in range(count)]


# --- what PostgreSQL stored ----------------------------------------------------------------------

@dataclass
class StoredEvents:
    """The tracker store's events of some conversations, in the order they were stored."""

    events: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    duplicates: int = 0  # rows stored twice (same conversation, type, timestamp and content)

    def user_texts(self, sender: str) -> list[str]:
        return [e.get("text") or "" for e in self.events.get(sender, []) if e.get("event") == "user"]

    @property
    def user_events(self) -> int:
        return sum(len(self.user_texts(s)) for s in self.events)

    @property
    def total(self) -> int:
        return sum(len(e) for e in self.events.values())

    def out_of_order(self, sender: str) -> list[str]:
        """What is wrong with one conversation's order: timestamps going back, or a user message
        stored before the previous turn ended (its action_listen)."""
        problems, listening, last = [], True, 0.0
        for event in self.events.get(sender, []):
            if event.get("timestamp", 0) < last:
                problems.append(f"timestamp back in time at {event.get('event')}")
            last = max(last, event.get("timestamp", 0))
            if event.get("event") == "user":
                if not listening:
                    problems.append(f"user message {event.get('text')!r} inside another turn")
                listening = False
            elif event.get("event") == "action" and event.get("name") == "action_listen":
                listening = True
        return problems

    def slot_values(self, sender: str, slot: str) -> list[Any]:
        return [e.get("value") for e in self.events.get(sender, [])
                if e.get("event") == "slot" and e.get("name") == slot]


def stored_events(database_url: str, senders: Sequence[str]) -> StoredEvents:
    import sqlalchemy as sa

    engine = sa.create_engine(database_url, future=True)
    senders_param = sa.bindparam("senders", expanding=True)
    try:
        with engine.connect() as connection:
            rows = connection.execute(
                sa.text("SELECT sender_id, data FROM events WHERE sender_id IN :senders ORDER BY id")
                .bindparams(senders_param), {"senders": list(senders)},
            ).all()
            duplicates = connection.execute(sa.text(
                "SELECT coalesce(sum(n - 1), 0) FROM (SELECT count(*) AS n FROM events "
                "WHERE sender_id IN :senders GROUP BY sender_id, type_name, timestamp, data) AS g"
            ).bindparams(senders_param), {"senders": list(senders)}).scalar_one()
    finally:
        engine.dispose()
    events: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for sender, data in rows:
        events[sender].append(json.loads(data))
    return StoredEvents(dict(events), int(duplicates))


# --- `make cluster-bench` ------------------------------------------------------------------------

def measure(replicas: int, conversations: int, script: Sequence[str], database_url: str) -> dict[str, Any]:
    from bot.dev.bench import tree_rss_mib
    from bot.dev.cluster import Cluster, ClusterConfig
    from bot.dev.serve import free_port

    config = ClusterConfig.from_env()
    config = ClusterConfig(**{**config.__dict__, "replicas": replicas, "port": free_port(),
                              "database_url": database_url})
    with Cluster(config) as cluster:
        warm = run_load(config.rest_webhook, new_senders("warm", 4), script[:3])  # first-turn costs
        assert warm.errors == 0, "the warm-up got errors: see logs/cluster/"
        senders = new_senders("load", conversations)
        result = run_load(config.rest_webhook, senders, script)
        stored = stored_events(database_url, senders)
        memory = {servers.config.log_dir.name: round(tree_rss_mib(process.pid))
                  for servers in [*cluster.replicas, *cluster.action_servers]
                  for process in servers.processes.values()}
    expected = len(senders) * len(script)
    finished = sum(1 for turns in result.conversations.values()
                   if turns[-1].reply.startswith(ELIGIBLE_VERDICT))
    return {
        "replicas": replicas, **result.summary(),
        "conversations": len(senders), "turns_per_conversation": len(script),
        "verdicts": finished,
        "user_events_expected": expected, "user_events_stored": stored.user_events,
        "events_stored": stored.total, "duplicate_rows": stored.duplicates,
        "out_of_order": sum(len(stored.out_of_order(s)) for s in senders),
        "resident_mib": memory,
    }


def print_table(rows: list[dict[str, Any]]) -> None:
    print("\nreplicas  msg/s   p50 s  p95 s  errors  user events expected/stored  duplicates  "
          "out of order  verdicts")
    for r in rows:
        print(f"{r['replicas']:>8}  {r['messages_per_second']:>5.1f}  {r['p50_seconds']:>5.2f}  "
              f"{r['p95_seconds']:>5.2f}  {r['errors']:>6}  {r['user_events_expected']:>14}/"
              f"{r['user_events_stored']:<13}  {r['duplicate_rows']:>10}  {r['out_of_order']:>12}  "
              f"{r['verdicts']}/{r['conversations']}")
    for r in rows:
        print(f"  {r['replicas']} replica(s): answered by {r['answered_by']}; resident MiB "
              f"{r['resident_mib']}; {r['events_stored']} events stored in all")


def main(argv: list[str] | None = None) -> int:
    import os

    from bot.dev.cluster import DEFAULT_DATABASE_URL, ensure_database

    parser = argparse.ArgumentParser(prog="python -m bot.dev.load", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--replicas", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--conversations", type=int, default=50)
    args = parser.parse_args(argv)
    database_url = os.environ.get("DATABASE_URL", "").strip() or DEFAULT_DATABASE_URL
    ensure_database(database_url)
    rows = []
    for count in args.replicas:
        print(f"Starting the cluster with {count} Rasa replica(s)...", flush=True)
        rows.append(measure(count, args.conversations, ELIGIBILITY_SCRIPT, database_url))
    print_table(rows)
    REPORT.parent.mkdir(exist_ok=True)
    REPORT.write_text(json.dumps(rows, indent=2) + "\n")
    print(f"\nWritten to {REPORT.relative_to(ROOT)}")
    failed = [r for r in rows if r["user_events_expected"] != r["user_events_stored"] or r["duplicate_rows"]
              or r["out_of_order"] or r["errors"]]
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
