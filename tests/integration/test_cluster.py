"""`make cluster`'s topology, started once for this module (bot/dev/cluster.py): HAProxy in front of
two Rasa replicas and two action servers, the tracker store in PostgreSQL (a schema of its own in
TEST_DATABASE_URL's database) and the conversation locks in Redis (REDIS_URL, else this machine's
127.0.0.1:6379).

- a conversation whose turns alternate between the replicas goes through a whole eligibility check;
  the web chat, through the balancer, stays on one replica (the sticky cookie) and would break
  without it;
- 50 conversations of 10 turns at once, with bursts of simultaneous messages in single
  conversations, store every event exactly once and in order, and no turn works on a stale state;
- a replica killed mid-load loses no conversation.

PostgreSQL and Redis are required: without them the module is skipped on a developer's machine and
fails in CI (CI=true), which has both (.ci/run).
"""

from __future__ import annotations

import asyncio
import itertools
import os
import subprocess
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from bot.corpus import FaqEntry
from bot.dev.cluster import DEFAULT_REDIS_URL, Cluster, ClusterConfig
from bot.dev.load import (
    ELIGIBILITY_SCRIPT,
    ELIGIBLE_VERDICT,
    FAQ_SCRIPT,
    FAQ_TURNS,
    burst,
    new_senders,
    run_load,
    say,
    stored_events,
)
from bot.dev.serve import free_port
from bot.dev.socketio_polling import hang_up
from tests.helpers.db_support import TEST_DATABASE_URL, fresh_database

REDIS_URL = os.environ.get("REDIS_URL", "").strip() or DEFAULT_REDIS_URL
LOCK_LIFETIME = 45  # the shortest the action timeout allows: how long a dead replica's lock lasts
BURST = 8


def _missing(what: str) -> None:
    if os.environ.get("CI"):
        pytest.fail(f"{what}: CI must run the cluster tests (.ci/run provides it)")
    pytest.skip(what)


def _redis_answers(url: str) -> bool:
    from sqlalchemy.engine import make_url

    parsed = make_url(url)
    result = subprocess.run(["redis-cli", "-h", parsed.host or "127.0.0.1", "-p", str(parsed.port or 6379),
                             "ping"], capture_output=True, text=True)
    return result.stdout.strip() == "PONG"


@pytest.fixture(scope="module")
def cluster(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Cluster, str]]:
    if not TEST_DATABASE_URL:
        _missing("TEST_DATABASE_URL is not set")
    if not _redis_answers(REDIS_URL):
        _missing(f"no Redis answers at {REDIS_URL}")
    directory = tmp_path_factory.mktemp("cluster")
    with fresh_database("postgresql", directory) as url:
        config = ClusterConfig(
            replicas=2, action_servers=2, port=free_port(), database_url=url, redis_url=REDIS_URL,
            run_dir=directory / "run", log_dir=directory / "logs",
            extra_env={"TICKET_LOCK_LIFETIME": str(LOCK_LIFETIME),
                       "ACTION_SERVER_TOKEN": "cluster-test-action-token-0123456789"},
        )
        with Cluster(config) as running:
            yield running, url


def test_a_conversation_alternating_between_replicas_finishes_its_eligibility_check(
    cluster: tuple[Cluster, str],
) -> None:
    running, _ = cluster
    sender = new_senders("alternate", 1)[0]
    turns = [say(running.config.rest_webhook, sender, text) for text in ELIGIBILITY_SCRIPT]
    assert all(t.status == 200 for t in turns)
    middle = [t.replica for t in turns[2:9]]  # inside the eligibility check
    assert set(middle) == {"rasa-1", "rasa-2"}, middle
    assert any(a != b for a, b in itertools.pairwise(middle))
    assert "How old are you?" in turns[2].reply
    assert "What is your nationality?" in turns[3].reply
    verdict = turns[-1].reply
    assert verdict.startswith(ELIGIBLE_VERDICT)
    assert "- Age: 23" in verdict  # said to one replica, remembered by the other


# --- the web chat through the balancer ----------------------------------------------------------

async def _web_chat(url: str, keep_cookies: bool) -> tuple[list[str], set[str]]:
    """The widget's protocol over long-polling only (every request a new HTTP request through the
    balancer, so each must reach the replica holding the socket); returns what the bot said and
    the replica cookies the client holds."""
    import aiohttp
    import socketio

    jar = aiohttp.CookieJar(unsafe=True) if keep_cookies else aiohttp.DummyCookieJar()
    wait = 20 if keep_cookies else 5  # without the cookie the session is expected to fail early
    async with aiohttp.ClientSession(cookie_jar=jar) as http:
        client = socketio.AsyncClient(reconnection=False, handle_sigint=False, http_session=http)
        said: list[str] = []
        confirmed: asyncio.Queue[Any] = asyncio.Queue()
        client.on("session_confirm", confirmed.put_nowait)
        client.on("bot_uttered", lambda message: said.append(message.get("text", "")))
        try:
            await client.connect(url, socketio_path="/socket.io", transports=["polling"], wait_timeout=wait)
            await client.emit("session_request", {})
            token = await asyncio.wait_for(confirmed.get(), wait)
            for text in ("am I eligible?", "devops"):
                before = len(said)
                await client.emit("user_uttered", {"message": text, "session_id": token})
                deadline = time.monotonic() + 3 * wait
                while len(said) == before and time.monotonic() < deadline:
                    await asyncio.sleep(0.1)
                await asyncio.sleep(0.3)  # the rest of the turn's replies
        finally:
            await hang_up(client)
        return said, {c.value for c in jar if c.key == "techtrack_replica"}


def test_the_web_chat_through_the_balancer_sticks_to_one_replica(cluster: tuple[Cluster, str]) -> None:
    running, _ = cluster
    said, replicas = asyncio.run(_web_chat(running.config.url, keep_cookies=True))
    assert len(replicas) == 1 and replicas <= {"rasa-1", "rasa-2"}
    assert any("Which role" in s for s in said)
    assert any("How old are you?" in s for s in said)  # the second turn knew of the first


def test_without_the_sticky_cookie_the_web_chat_breaks(cluster: tuple[Cluster, str]) -> None:
    """Why the balancer is sticky: socket.io's long-polling session lives in one replica."""
    running, _ = cluster
    try:
        said, _ = asyncio.run(_web_chat(running.config.url, keep_cookies=False))
    except Exception:  # the second request reached the other replica: "Invalid session"
        return
    assert not any("How old are you?" in s for s in said)


# --- load ----------------------------------------------------------------------------------------

def test_fifty_conversations_and_bursts_store_every_event_once_and_in_order(
    cluster: tuple[Cluster, str],
) -> None:
    running, url = cluster
    senders = new_senders("load", 50)
    bursting = new_senders("burst", 4)
    box: dict[str, Any] = {}
    started = threading.Event()

    def load() -> None:
        box["result"] = run_load(running.config.rest_webhook, senders, ELIGIBILITY_SCRIPT,
                                 progress=lambda done: started.set() if done >= 50 else None)

    thread = threading.Thread(target=load)
    thread.start()
    assert started.wait(300), "the load did not get going"
    # while the load runs: eight identical messages to each of four conversations at the same moment
    bursts = {sender: burst(running.config.rest_webhook, sender, "something else", BURST)
              for sender in bursting}
    thread.join(600)
    result = box["result"]
    print(f"\n50 x 10 through the balancer: {result.summary()}")

    assert result.errors == 0 and result.resent == 0
    assert set(result.replicas) == {"rasa-1", "rasa-2"}
    assert all(turns[-1].reply.startswith(ELIGIBLE_VERDICT) for turns in result.conversations.values())
    stored = stored_events(url, [*senders, *bursting])
    print(f"user events expected {50 * 10 + 4 * BURST}, stored {stored.user_events}; "
          f"{stored.total} events in all, {stored.duplicates} duplicated")
    assert stored.duplicates == 0
    for sender in senders:
        assert stored.user_texts(sender) == list(ELIGIBILITY_SCRIPT), sender
        assert stored.out_of_order(sender) == [], sender
    for sender, turns in bursts.items():
        assert all(t.status == 200 for t in turns)
        assert {t.replica for t in turns} == {"rasa-1", "rasa-2"}  # the burst was split between both
        assert stored.user_texts(sender) == ["something else"] * BURST
        assert stored.out_of_order(sender) == [], sender
        # Each turn counted the user turns it saw: a turn run on a stale tracker repeats a number.
        assert stored.slot_values(sender, "failed_turn") == [float(n) for n in range(1, BURST + 1)]
        replies = sorted(t.reply for t in turns)
        assert sum("put your question another way" in r for r in replies) == 1  # only the first
    assert stored.user_events == 50 * 10 + 4 * BURST


# --- a replica dies --------------------------------------------------------------------------------

def test_killing_a_replica_mid_load_loses_no_conversation(
    cluster: tuple[Cluster, str], corpus: dict[str, FaqEntry]
) -> None:
    """Last in the module: it leaves one replica dead. Turns the dead replica was running are sent
    to the other one (the balancer's retry-on), which waits for their conversation locks to expire
    (TICKET_LOCK_LIFETIME); so every turn gets its answer, late at worst."""
    running, url = cluster
    expected = [corpus[entry].answer[:60] for entry, _ in FAQ_TURNS]
    apply = corpus["how_to_apply"].answer[:60]
    senders = new_senders("kill", 20)
    box: dict[str, Any] = {}
    halfway = threading.Event()

    def load() -> None:
        box["result"] = run_load(running.config.rest_webhook, senders, FAQ_SCRIPT,
                                 progress=lambda done: halfway.set() if done >= 60 else None)

    thread = threading.Thread(target=load)
    thread.start()
    assert halfway.wait(300), "the load did not get going"
    running.kill_replica(0)
    thread.join(LOCK_LIFETIME + 300)
    result = box["result"]
    print(f"\nrasa-1 killed mid-load: {result.summary()}")
    assert running.backend_states()["rasa-1"].startswith("DOWN")

    assert result.errors == 0
    for sender, turns in result.conversations.items():
        assert [t.reply[:60] for t in turns] == expected, sender
        # and the conversation goes on
        assert say(running.config.rest_webhook, sender, "How do I apply?").reply.startswith(apply)
    stored = stored_events(url, senders)
    assert stored.duplicates == 0
    resent = 0
    for sender in senders:
        texts = stored.user_texts(sender)
        # A turn the dead replica had stored just before dying may be stored again by the other
        # one (the balancer sent it again): next to itself, never lost, never out of order.
        collapsed = [t for n, t in enumerate(texts) if n == 0 or t != texts[n - 1]]
        assert collapsed == [*FAQ_SCRIPT, "How do I apply?"], sender
        assert stored.out_of_order(sender) == [], sender
        # at most the one turn that was in flight on the replica when it died
        assert len(texts) - len(collapsed) <= 1, sender
        resent += len(texts) - len(collapsed)
    print(f"user events expected {len(senders) * 11}, stored {stored.user_events} ({resent} sent twice)")


def test_the_cluster_logs_hold_no_message_text(cluster: tuple[Cluster, str]) -> None:
    running, _ = cluster
    logs = "\n".join(p.read_text(errors="replace") for p in Path(running.config.log_dir).rglob("*.log"))
    for text in ("I'm 23", "software developer", "What happens if I want to leave"):
        assert text not in logs
