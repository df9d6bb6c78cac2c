"""The quick part of `make security` (bot/dev/security.py), against one start of both servers as the
replay starts them: 127.0.0.1, a throwaway database and log folder, the default input limits, and a
rate limit of 5 messages a minute per conversation that applies to loopback too.

Each test runs one group of the replay's attacks and fails with the replay's own FAIL lines. Left to
`make security`: the large-body timings (seconds of measurements) and pip-audit (the network).
tests/integration/test_public_safety.py and test_log_safety.py test the same defences in more
detail under other settings (a 2 MiB body cap, the address limit, Slack, debug logging).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from bot.dev import security
from bot.dev.security import Outcome, Target


@pytest.fixture(scope="module")
def target(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Target]:
    config = security.replay_config(tmp_path_factory.mktemp("security"))
    with security.running(config) as running:
        yield running


def assert_passed(outcomes: list[Outcome]) -> None:
    assert outcomes
    failed = [outcome.line() for outcome in outcomes if not outcome.passed]
    assert not failed, "\n".join(failed)


def test_malformed_rest_requests_get_400_and_a_restart_is_quiet(target: Target) -> None:
    assert_passed(security.malformed_requests(target))


def test_a_rest_sender_cannot_name_another_channels_conversation(target: Target) -> None:
    assert_passed(security.forged_rest_senders(target))


def test_a_web_chat_session_id_the_server_did_not_sign_gets_a_new_one(target: Target) -> None:
    pytest.importorskip("aiohttp")  # python-socketio's asyncio client
    assert_passed(security.forged_web_sessions(target))


def test_the_action_server_wants_its_secret_an_uncompressed_body_and_a_bounded_one(target: Target) -> None:
    assert_passed(security.action_server_attacks(target))


def test_rasa_http_api_is_off_without_a_token(target: Target) -> None:
    assert_passed(security.rasa_api_attacks(target))


def test_the_message_over_the_rate_limit_gets_the_polite_refusal(target: Target) -> None:
    assert_passed([security.rate_limit(target)])


# --- pip-audit's findings against the accepted list (no server, no network) ------------------------

def test_only_advisories_accepted_in_the_doc_pass(tmp_path: Path) -> None:
    assert isinstance(security.accepted_advisories(), dict)  # the real doc's table can be read
    doc = tmp_path / "security.md"
    doc.write_text("\n".join([
        "# Security checks", "", "## Accepted advisories", "",
        "| ID | Package | Decision | Why |", "| --- | --- | --- | --- |",
        "| `GHSA-aaaa-bbbb-cccc` | tensorflow | accepted | a crafted model file only |",
        "| PYSEC-2099-2 | aiohttp | must fix | reachable |", "", "## Later", "",
        "| PYSEC-2099-3 | sanic | accepted | not in the table above |",
    ]))
    accepted = security.accepted_advisories(doc)
    assert accepted == {"GHSA-aaaa-bbbb-cccc": ("tensorflow", "accepted"),
                        "PYSEC-2099-2": ("aiohttp", "must fix")}

    def vuln(id_: str, *aliases: str) -> dict[str, Any]:
        return {"id": id_, "aliases": list(aliases), "fix_versions": ["9.9"], "description": ""}

    report = {"dependencies": [
        {"name": "tensorflow", "version": "2.12.0", "vulns": [vuln("PYSEC-2099-1", "GHSA-aaaa-bbbb-cccc")]},
        {"name": "aiohttp", "version": "3.9.5", "vulns": [vuln("PYSEC-2099-2")]},
        {"name": "sanic", "version": "21.12.2", "vulns": [vuln("PYSEC-2099-3")]},
        {"name": "rasa", "version": "3.6.21", "vulns": []},
    ]}
    [coverage, verdict], details = security.audit_outcomes(report, accepted)
    assert coverage.passed
    assert not verdict.passed and "not accepted: PYSEC-2099-2, PYSEC-2099-3" in verdict.happened
    assert [line.rsplit("; ", 1)[-1] for line in details] == ["accepted", "must fix", "NOT LISTED"]

    skipped = {"name": "numpy", "skip_reason": "Dependency not found on PyPI and could not be audited: numpy"}
    report["dependencies"] = [report["dependencies"][0], skipped]
    [coverage, verdict], _ = security.audit_outcomes(report, accepted)
    assert not coverage.passed and "1 of 2 audited" in coverage.happened
    assert verdict.passed  # the one advisory found is accepted, but the audit as a whole fails
