"""Helpers for tests that talk to the running bot: free ports, servers started as `make run`
starts them, and a REST conversation."""

from __future__ import annotations

import json
import urllib.request
import uuid
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from bot.dev.serve import ServeConfig, Servers, free_port
from bot.dev.train import MODEL_PATH


def local_config(log_dir: Path, extra_env: Mapping[str, str] | None = None) -> ServeConfig:
    """Both servers on 127.0.0.1, on free ports, logging to log_dir."""
    return ServeConfig(
        rasa_host="127.0.0.1", rasa_port=free_port(), action_host="127.0.0.1",
        action_port=free_port(), log_dir=log_dir, extra_env=dict(extra_env or {}),
    )


@contextmanager
def running_servers(config: ServeConfig) -> Iterator[Servers]:
    """Start both servers, wait until they answer, stop them afterwards."""
    assert MODEL_PATH.exists(), "no trained model: `make test` trains one first"
    servers = Servers(config)
    servers.start()
    try:
        servers.wait_ready()
        yield servers
    finally:
        servers.stop()


class Conversation:
    def __init__(self, config: ServeConfig, sender: str | None = None) -> None:
        self.config = config
        self.sender = sender or f"test-{uuid.uuid4().hex[:8]}"

    def say(self, text: str) -> list[dict[str, Any]]:
        body = json.dumps({"sender": self.sender, "message": text}).encode()
        request = urllib.request.Request(
            self.config.rest_webhook, data=body, headers={"Content-Type": "application/json"}
        )
        with urllib.request.urlopen(request, timeout=60) as response:
            return list(json.loads(response.read()))

    def reply(self, text: str) -> str:
        """All the bot's text in reply to `text`. Rasa's REST channel sends each paragraph of a
        reply as its own message; joined, they are the answer as written in the corpus."""
        return "\n\n".join(m["text"] for m in self.say(text) if "text" in m)
