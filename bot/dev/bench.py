"""`python -m bot.dev.bench [--train] [--rounds N] [--scale X]` (`make bench`): our bot against a
stock `rasa init` bot served by the same .venv, side by side in one run.

The stock bot is built once with `rasa init --no-prompt` (its default DIET/TED pipeline, trained)
and kept in var/bench/stock-rasa-<version>/, so a new Rasa version builds a new one. Both bots are
started one after the other (start-up: from launching to the first REST reply), then the same
workloads run against each in turn, alternating which goes first each round:

- one-turn: held-out FAQ questions, each in a new conversation;
- multi-turn: for ours a full eligibility check (a held-out persona, typed, to its verdict, which
  must be the expected one); for stock the greet / mood / affirm / goodbye conversation it knows;

each at 1, 8 and 32 conversations at a time. Printed, and written to reports/bench.json: p50, p95,
p99, throughput, errors, start-up, resident memory of each server (after the run) and the ratios
ours/stock; and the bytes our database stores for a one-question and for a full-check conversation.

Timings on a shared machine are noisy: only the ratios of one run mean much. Nothing here asserts a
time.
"""

from __future__ import annotations

import argparse
import json
import os
import secrets
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
import uuid
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from importlib.metadata import version
from pathlib import Path
from typing import Any

from bot.paths import ROOT

REPORT = ROOT / "reports" / "bench.json"
STOCK_ROOT = ROOT / "var" / "bench"
CONCURRENCY = (1, 8, 32)
# Messages each workload sends per round at concurrency 1, 8, 32 (times --scale).
MESSAGES = {1: 20, 8: 80, 32: 160}
STOCK_CONVERSATION = ("hello", "I am feeling sad", "yes", "great, thanks", "bye")
REQUEST_TIMEOUT = 60
READY_TIMEOUT = 300


# --- measuring --------------------------------------------------------------------------------------

def tree_rss_mib(pid: int) -> float:
    """Resident memory of a process and its descendants, in MiB (Linux /proc)."""
    total_kib, pending = 0, [pid]
    while pending:
        current = pending.pop()
        try:
            status = Path(f"/proc/{current}/status").read_text()
            total_kib += int(next(line.split()[1] for line in status.splitlines()
                                  if line.startswith("VmRSS:")))
            for task in Path(f"/proc/{current}/task").iterdir():
                pending += [int(c) for c in (task / "children").read_text().split()]
        except (FileNotFoundError, StopIteration, ProcessLookupError):
            continue
    return total_kib / 1024


def post(url: str, sender: str, text: str) -> tuple[float, list[dict[str, Any]] | None]:
    """Seconds for one REST round trip, and the replies (None when the request failed)."""
    body = json.dumps({"sender": sender, "message": text}).encode()
    request = urllib.request.Request(url, data=body, headers={"Content-Type": "application/json"})
    started = time.perf_counter()
    try:
        with urllib.request.urlopen(request, timeout=REQUEST_TIMEOUT) as response:
            replies = json.loads(response.read())
    except (urllib.error.URLError, OSError, ValueError):
        return time.perf_counter() - started, None
    return time.perf_counter() - started, replies if isinstance(replies, list) else None


def percentile(values: list[float], fraction: float) -> float:
    """Nearest-rank percentile of values (seconds); 0 for none."""
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(fraction * len(ordered) + 0.5) - 1))]


@dataclass
class Outcome:
    """What one conversation gave: each turn's seconds, how many turns failed (no answer, or for
    ours a check that did not end in the expected verdict), and how many got an empty reply."""

    latencies: list[float] = field(default_factory=list)
    errors: int = 0
    empty: int = 0


Conversation = Callable[[str], Outcome]  # given the REST webhook


@dataclass
class Result:
    latencies: list[float] = field(default_factory=list)
    errors: int = 0
    empty: int = 0
    seconds: float = 0.0

    def add(self, outcomes: list[Outcome], seconds: float) -> None:
        for outcome in outcomes:
            self.latencies += outcome.latencies
            self.errors += outcome.errors
            self.empty += outcome.empty
        self.seconds += seconds

    def summary(self) -> dict[str, float]:
        count = len(self.latencies)
        return {
            "messages": count, "errors": self.errors, "empty_replies": self.empty,
            "p50_ms": round(statistics.median(self.latencies) * 1000, 1) if count else 0.0,
            "p95_ms": round(percentile(self.latencies, 0.95) * 1000, 1),
            "p99_ms": round(percentile(self.latencies, 0.99) * 1000, 1),
            "msg_per_s": round(count / self.seconds, 2) if self.seconds else 0.0,
        }


def run_workload(url: str, conversations: list[Conversation],
                 concurrency: int) -> tuple[list[Outcome], float]:
    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=concurrency) as pool:
        outcomes = list(pool.map(lambda conversation: conversation(url), conversations))
    return outcomes, time.perf_counter() - started


# --- the conversations ------------------------------------------------------------------------------

def one_question(text: str) -> Conversation:
    def run(url: str) -> Outcome:
        seconds, replies = post(url, f"bench-{uuid.uuid4().hex}", text)
        return Outcome([seconds], errors=replies is None, empty=replies == [])

    return run


def scripted(texts: tuple[str, ...]) -> Conversation:
    """The stock bot's multi-turn conversation: a failed request is an error (its replies vary)."""
    def run(url: str) -> Outcome:
        sender, outcome = f"bench-{uuid.uuid4().hex}", Outcome()
        for text in texts:
            seconds, replies = post(url, sender, text)
            outcome.latencies.append(seconds)
            outcome.errors += replies is None
            outcome.empty += replies == []
        return outcome

    return run


def eligibility_check(persona: dict[str, Any], sender: str | None = None) -> Conversation:
    """Ours: a whole eligibility check, typed, answering whatever is asked, to its verdict. A failed
    request, or a check that does not end in the persona's expected verdict, is an error."""
    from bot.dev.evaluate_eligibility import drive_check

    def run(url: str) -> Outcome:
        who, outcome = sender or f"bench-{uuid.uuid4().hex}", Outcome()

        def say(text: str) -> str | None:
            seconds, replies = post(url, who, text)
            outcome.latencies.append(seconds)
            if replies is None:
                return None
            return "\n\n".join(str(r.get("text") or "") for r in replies)

        outcome.errors += drive_check(say, persona) != persona["expected_verdict"]
        return outcome

    return run


# --- the two bots -----------------------------------------------------------------------------------

def stock_dir() -> Path:
    return STOCK_ROOT / f"stock-rasa-{version('rasa')}"


def stock_bot() -> Path:
    """The stock `rasa init` bot for this Rasa version, built (and trained) on first use."""
    target = stock_dir()
    if any((target / "models").glob("*.tar.gz")):
        return target
    building = target.with_name(target.name + ".tmp")
    shutil.rmtree(building, ignore_errors=True)
    building.mkdir(parents=True)
    print(f"building the stock `rasa init` bot in {target} (once; a few minutes)...", flush=True)
    env = {**os.environ, "RASA_TELEMETRY_ENABLED": "false"}
    with open(STOCK_ROOT / "stock-init.log", "wb") as log:
        code = subprocess.call([sys.executable, "-m", "rasa", "init", "--no-prompt", "--init-dir", "."],
                               cwd=building, env=env, stdout=log, stderr=subprocess.STDOUT)
    if code != 0 or not any((building / "models").glob("*.tar.gz")):
        raise SystemExit(f"error: `rasa init` failed; see {STOCK_ROOT / 'stock-init.log'}")
    shutil.rmtree(target, ignore_errors=True)
    building.rename(target)
    return target


def wait_for_reply(url: str, processes: dict[str, subprocess.Popen[bytes]], started: float) -> float:
    """Seconds from `started` until the bot answers a REST message."""
    while time.monotonic() - started < READY_TIMEOUT:
        for name, process in processes.items():
            if process.poll() is not None:
                raise SystemExit(f"error: the {name} server exited with code {process.returncode}")
        _, replies = post(url, f"bench-ready-{uuid.uuid4().hex}", "hello")
        if replies:
            return time.monotonic() - started
        time.sleep(0.25)
    raise SystemExit(f"error: no reply from {url} after {READY_TIMEOUT} s")


class StockServer:
    def __init__(self, directory: Path, log_dir: Path) -> None:
        from bot.dev.serve import free_port

        self.directory, self.port, self.log = directory, free_port(), log_dir / "stock.log"
        self.processes: dict[str, subprocess.Popen[bytes]] = {}

    @property
    def rest_webhook(self) -> str:
        return f"http://127.0.0.1:{self.port}/webhooks/rest/webhook"

    def start(self) -> float:
        started = time.monotonic()
        with open(self.log, "wb") as log:
            self.processes["rasa"] = subprocess.Popen(
                [sys.executable, "-m", "rasa", "run", "--model", "models", "--interface", "127.0.0.1",
                 "--port", str(self.port), "--credentials", "credentials.yml",
                 "--endpoints", "endpoints.yml"],
                cwd=self.directory, env={**os.environ, "RASA_TELEMETRY_ENABLED": "false"},
                stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
            )
        return wait_for_reply(self.rest_webhook, self.processes, started)

    def stop(self) -> None:
        import signal

        for process in self.processes.values():
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGINT)
        for process in self.processes.values():
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()


# --- stored bytes -----------------------------------------------------------------------------------

def stored_bytes(database: Path, sender: str) -> dict[str, int]:
    """What the tracker store keeps for one conversation: events and their bytes (the JSON and the
    indexed columns beside it)."""
    with sqlite3.connect(database) as connection:
        count, size = connection.execute(
            "SELECT count(*), coalesce(sum(length(data) + length(sender_id) + length(type_name) + "
            "coalesce(length(intent_name), 0) + coalesce(length(action_name), 0) + 8), 0) "
            "FROM events WHERE sender_id = ?", (sender,),
        ).fetchone()
    return {"events": int(count), "bytes": int(size)}


# --- the run ----------------------------------------------------------------------------------------

def workloads(scale: float) -> dict[str, dict[str, Callable[[int], list[Conversation]]]]:
    """For each workload and bot: given the concurrency, the conversations of one round."""
    from bot.dev.evaluate import FAQ_SETS, load_yaml
    from bot.dev.evaluate_eligibility import load_personas

    texts = [item["text"] for item in load_yaml(FAQ_SETS[0], "questions")]
    persona = load_personas()[0]
    check_turns = 10  # about what a full check takes

    def messages(concurrency: int) -> int:
        return max(concurrency, int(MESSAGES[concurrency] * scale))

    def questions(concurrency: int) -> list[Conversation]:
        offset = {1: 0, 8: 50, 32: 120}[concurrency]
        return [one_question(texts[(offset + n) % len(texts)]) for n in range(messages(concurrency))]

    def checks(concurrency: int) -> list[Conversation]:
        count = max(concurrency, messages(concurrency) // check_turns)
        return [eligibility_check(persona) for _ in range(count)]

    def greetings(concurrency: int) -> list[Conversation]:
        turns = len(STOCK_CONVERSATION)
        return [scripted(STOCK_CONVERSATION) for _ in range(max(concurrency, messages(concurrency) // turns))]

    return {
        "one-turn": {"ours": questions, "stock": questions},
        "multi-turn": {"ours": checks, "stock": greetings},
    }


def ratio(ours: float, stock: float) -> float | None:
    return round(ours / stock, 2) if stock else None


def print_table(results: dict[str, Any]) -> None:
    print()
    print(f"{'workload':<22}{'bot':<7}{'msgs':>6}{'errors':>8}{'empty':>7}{'p50 ms':>9}{'p95 ms':>9}"
          f"{'p99 ms':>9}{'msg/s':>8}")
    for name, entry in results.items():
        for bot in ("ours", "stock"):
            s = entry[bot]
            print(f"{name:<22}{bot:<7}{s['messages']:>6}{s['errors']:>8}{s['empty_replies']:>7}{s['p50_ms']:>9.0f}"
                  f"{s['p95_ms']:>9.0f}{s['p99_ms']:>9.0f}{s['msg_per_s']:>8.1f}")
        r = entry["ratio_ours_to_stock"]
        print(f"{'':<22}{'ratio':<7}{'':>6}{'':>8}{'':>7}" + "".join(
            f"{(r[k] if r[k] is not None else float('nan')):>9.2f}" for k in ("p50_ms", "p95_ms", "p99_ms"))
            + f"{(r['msg_per_s'] if r['msg_per_s'] is not None else float('nan')):>8.2f}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bot.dev.bench", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--train", action="store_true", help="also time a full retraining of ours")
    parser.add_argument("--rounds", type=int, default=2, help="rounds of every workload (default 2)")
    parser.add_argument("--scale", type=float, default=1.0, help="multiply the messages per round")
    parser.add_argument("--output", type=Path, default=REPORT, help="the JSON report (reports/bench.json)")
    args = parser.parse_args(argv)

    from bot.dev.evaluate_eligibility import load_personas
    from bot.dev.serve import ServeConfig, Servers, free_port

    report: dict[str, Any] = {"rasa": version("rasa"), "rounds": args.rounds, "scale": args.scale,
                              "cpus": os.cpu_count()}
    if args.train:
        from bot.dev.train import train

        started = time.monotonic()
        if train(force=True) != 0:
            return 1
        report["full_training_s"] = round(time.monotonic() - started, 1)
        print(f"full training of ours (--force): {report['full_training_s']:.0f} s")

    stock_path = stock_bot()
    scratch = Path(tempfile.mkdtemp(prefix="techtrack-bench-"))
    database = scratch / "bench.db"
    config = ServeConfig(
        rasa_host="127.0.0.1", rasa_port=free_port(), action_host="127.0.0.1", action_port=free_port(),
        log_dir=scratch / "logs",
        extra_env={"DATABASE_URL": f"sqlite:///{database}", "TECHTRACK_ID_HASH_KEY": secrets.token_hex(16)},
    )
    ours, stock = Servers(config), StockServer(stock_path, scratch)
    (scratch / "logs").mkdir(mode=0o700, exist_ok=True)
    try:
        started = time.monotonic()
        ours.start()
        startup = {"ours": wait_for_reply(config.rest_webhook, ours.processes, started)}
        print(f"start-up to the first reply: ours {startup['ours']:.1f} s", flush=True)
        startup["stock"] = stock.start()
        print(f"start-up to the first reply: stock {startup['stock']:.1f} s", flush=True)
        urls = {"ours": config.rest_webhook, "stock": stock.rest_webhook}

        plans = workloads(args.scale)
        results: dict[str, dict[str, Result]] = {}
        for round_number in range(args.rounds):
            order = ("ours", "stock") if round_number % 2 == 0 else ("stock", "ours")
            for workload, by_bot in plans.items():
                for concurrency in CONCURRENCY:
                    name = f"{workload} c={concurrency}"
                    for bot in order:
                        outcomes, seconds = run_workload(urls[bot], by_bot[bot](concurrency), concurrency)
                        results.setdefault(name, {}).setdefault(bot, Result()).add(outcomes, seconds)
            print(f"round {round_number + 1} of {args.rounds} done", flush=True)

        memory = {
            "ours": {name: round(tree_rss_mib(p.pid)) for name, p in ours.processes.items()},
            "stock": {name: round(tree_rss_mib(p.pid)) for name, p in stock.processes.items()},
        }
        # Stored bytes: one conversation of each kind, on its own, once the others are done.
        eligibility_check(load_personas()[0], "bench-storage-check")(urls["ours"])
        post(urls["ours"], "bench-storage-one", "how long is the devops apprenticeship?")
        storage = {
            "one_question": stored_bytes(database, "bench-storage-one"),
            "full_check": stored_bytes(database, "bench-storage-check"),
        }
    finally:
        ours.stop()
        stock.stop()

    summaries: dict[str, Any] = {}
    for name, by_bot in results.items():
        s = {bot: by_bot[bot].summary() for bot in ("ours", "stock")}
        s["ratio_ours_to_stock"] = {k: ratio(s["ours"][k], s["stock"][k])
                                    for k in ("p50_ms", "p95_ms", "p99_ms", "msg_per_s")}
        summaries[name] = s
    memory_total = {bot: sum(by_name.values()) for bot, by_name in memory.items()}
    report.update({
        "startup_s": {k: round(v, 1) for k, v in startup.items()},
        "startup_ratio": ratio(startup["ours"], startup["stock"]),
        "memory_mib": memory, "memory_total_mib": memory_total,
        "memory_ratio": ratio(memory_total["ours"], memory_total["stock"]),
        "workloads": summaries, "stored_per_conversation": storage,
    })

    print_table(summaries)
    print()
    print(f"start-up to first reply: ours {startup['ours']:.1f} s, stock {startup['stock']:.1f} s "
          f"(ratio {report['startup_ratio']})")
    parts = " + ".join(f"{name} {mib} MiB" for name, mib in memory["ours"].items())
    print(f"resident memory after the run: ours {parts} = {memory_total['ours']} MiB; "
          f"stock {memory_total['stock']} MiB (ratio {report['memory_ratio']})")
    for kind, figures in storage.items():
        print(f"stored by ours, {kind.replace('_', ' ')} conversation: {figures['bytes']:,} bytes in "
              f"{figures['events']} events")
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(report, indent=2) + "\n")
    shown = args.output.relative_to(ROOT) if args.output.is_relative_to(ROOT) else args.output
    print(f"\nwritten to {shown}")
    shutil.rmtree(scratch, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
