"""`python -m bot.dev.bench [--train]`: measure what a newcomer and an operator feel.

Prints: (with --train) a full retraining's time; the time from starting both servers until both
answer; the resident memory of each server; and the REST round-trip time for held-out questions.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from bot.dev.evaluate import FAQ_SETS, load_yaml
from bot.dev.serve import ServeConfig, Servers, free_port
from bot.dev.train import train


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


def post(url: str, sender: str, text: str) -> float:
    body = json.dumps({"sender": sender, "message": text}).encode()
    request = urllib.request.Request(url, data=body, headers={"Content-Type": "application/json"})
    started = time.perf_counter()
    with urllib.request.urlopen(request, timeout=60) as response:
        response.read()
    return time.perf_counter() - started


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bot.dev.bench", description=__doc__)
    parser.add_argument("--train", action="store_true", help="also time a full retraining")
    parser.add_argument("--messages", type=int, default=100, help="REST messages to time")
    args = parser.parse_args(argv)

    if args.train:
        started = time.monotonic()
        if train(force=True) != 0:
            return 1
        print(f"full training (--force): {time.monotonic() - started:.0f} s")

    config = ServeConfig(
        rasa_host="127.0.0.1", rasa_port=free_port(), action_host="127.0.0.1",
        action_port=free_port(), log_dir=Path(tempfile.mkdtemp(prefix="techtrack-bench-")),
    )
    with Servers(config) as servers:
        startup = servers.wait_ready()
        print(f"server start-up (both answering): {startup:.1f} s")
        texts = [item["text"] for item in load_yaml(FAQ_SETS[0], "questions")]
        timings = [post(config.rest_webhook, f"bench-{n % 10}", texts[n % len(texts)])
                   for n in range(args.messages)]
        for name, process in servers.processes.items():
            print(f"resident memory, {name} server: {tree_rss_mib(process.pid):.0f} MiB")
        timings.sort()
        print(f"REST round trip over {len(timings)} messages: median "
              f"{statistics.median(timings) * 1000:.0f} ms, "
              f"p95 {timings[int(len(timings) * 0.95) - 1] * 1000:.0f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
