"""Start-up refusals that need neither the trained model nor a running server: the tracker store
against a database that cannot be reached, and production without an id hash key. What the running
bot stores is in tests/integration/test_persistence_server.py."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from bot.dev.serve import ServeConfig, Servers, free_port


def test_the_tracker_store_gives_up_with_a_clear_message(monkeypatch: pytest.MonkeyPatch) -> None:
    from bot.storage import tracker_store

    monkeypatch.setenv("DATABASE_URL", f"postgresql://postgres@127.0.0.1:{free_port()}/techtrack")
    monkeypatch.setattr(tracker_store, "BARE_RASA_DATABASE_WAIT_SECONDS", 3)
    started = time.monotonic()
    with pytest.raises(SystemExit, match="TechTrack tracker store: cannot reach the database"):
        tracker_store.TechTrackTrackerStore()
    assert time.monotonic() - started < 10


def test_production_without_an_id_hash_key_refuses_to_start(tmp_path: Path) -> None:
    config = ServeConfig(rasa_host="127.0.0.1", rasa_port=free_port(), action_host="127.0.0.1",
                         action_port=free_port(), log_dir=tmp_path,
                         extra_env={"DATABASE_URL": f"sqlite:///{tmp_path / 'x.db'}",
                                    "TECHTRACK_ID_HASH_KEY": ""})
    with pytest.raises(Exception, match="TECHTRACK_ID_HASH_KEY is not set"):
        Servers(config).start()
    assert not list(tmp_path.glob("*.log"))  # neither server was started
