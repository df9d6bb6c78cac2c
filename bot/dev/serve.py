"""`python -m bot.dev.serve [--shell]`: start the action server and the Rasa server, wait until both
answer, say how to talk to the bot, and stop both cleanly on Ctrl-C.

Hosts and ports come from the environment: RASA_HOST (localhost), RASA_PORT (5005),
ACTION_SERVER_HOST (localhost), ACTION_SERVER_PORT (5055). Rasa's HTTP API is enabled only when
RASA_API_TOKEN is set, and then requires that token (passed in the environment, never on a command
line: bot/dev/rasa_server.py). RASA_CORS_ORIGINS (space-separated) lists the other websites allowed
to embed the web chat widget. Before either server starts, the storage settings are checked and our
tables migrated (bot/storage/startup.py), so a database that cannot be reached stops start-up within
30 s with a clear message.

Both servers start through entries that redact their logs (bot/logs.py); the action server
requires the shared secret ACTION_SERVER_TOKEN from Rasa (bot/dev/action_server.py), which is
generated when unset. The logs folder is 0700, its files and whatever the servers create 0600.
"""

from __future__ import annotations

import argparse
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from bot.dev.train import MODEL_PATH
from bot.paths import ROOT

READY_TIMEOUT_SECONDS = 300
STOP_TIMEOUT_SECONDS = 20


@dataclass(frozen=True)
class ServeConfig:
    rasa_host: str = "localhost"
    rasa_port: int = 5005
    action_host: str = "localhost"
    action_port: int = 5055
    api_token: str | None = None
    cors_origins: tuple[str, ...] = ()
    model: Path = MODEL_PATH
    log_dir: Path = ROOT / "logs"
    extra_env: Mapping[str, str] = field(default_factory=dict)
    action_package: str = "actions"  # the module or package the action server loads actions from

    @classmethod
    def from_env(cls, env: Mapping[str, str] = os.environ) -> ServeConfig:
        return cls(
            rasa_host=env.get("RASA_HOST") or "localhost",
            rasa_port=int(env.get("RASA_PORT") or 5005),
            action_host=env.get("ACTION_SERVER_HOST") or "localhost",
            action_port=int(env.get("ACTION_SERVER_PORT") or 5055),
            api_token=env.get("RASA_API_TOKEN") or None,
            cors_origins=tuple((env.get("RASA_CORS_ORIGINS") or "").split()),
        )

    @property
    def rasa_url(self) -> str:
        return f"http://{self.rasa_host}:{self.rasa_port}"

    @property
    def action_url(self) -> str:
        return f"http://{self.action_host}:{self.action_port}"

    @property
    def rest_webhook(self) -> str:
        return f"{self.rasa_url}/webhooks/rest/webhook"

    @property
    def web_chat_page(self) -> str:
        return f"{self.rasa_url}/chat"


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on now (for benchmarks and tests)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class ServerError(RuntimeError):
    pass


class Servers:
    """The action server and the Rasa server as child processes, logging to files in log_dir."""

    def __init__(self, config: ServeConfig) -> None:
        self.config = config
        self.processes: dict[str, subprocess.Popen[bytes]] = {}
        self._action_token: str | None = None

    def action_token(self) -> str:
        """The secret Rasa sends the action server: the same for both, for as long as we run."""
        if self._action_token is None:
            from bot.dev.action_server import action_server_token

            self._action_token = action_server_token({**os.environ, **self.config.extra_env})
        return self._action_token

    def env(self) -> dict[str, str]:
        env = {
            **os.environ,
            "RASA_TELEMETRY_ENABLED": "false",
            "PYTHONPATH": str(ROOT),
            "ACTION_SERVER_URL": f"{self.config.action_url}/webhook",
            "SANIC_HOST": self.config.action_host,
            # Rasa's action calls uncompressed: the action server refuses compressed bodies.
            "COMPRESS_ACTION_SERVER_REQUEST": "false",
            **self.config.extra_env,
        }
        env["ACTION_SERVER_TOKEN"] = self.action_token()
        if self.config.api_token:  # read by bot/dev/rasa_server.py, never put on a command line
            env["RASA_API_TOKEN"] = self.config.api_token
        else:
            env.pop("RASA_API_TOKEN", None)
        return env

    def log_path(self, name: str) -> Path:
        return self.config.log_dir / f"{name}.log"

    def _spawn(self, name: str, command: list[str]) -> None:
        from bot.logs import private_log_file

        log = private_log_file(self.log_path(name))  # 0600, in a 0700 folder
        try:
            self.processes[name] = subprocess.Popen(
                command, cwd=ROOT, env=self.env(), stdout=log, stderr=subprocess.STDOUT,
                start_new_session=True, umask=0o077,
            )
        finally:
            os.close(log)

    def action_command(self) -> list[str]:
        return [sys.executable, "-m", "bot.dev.action_server", "--actions", self.config.action_package,
                "--port", str(self.config.action_port)]

    def start_actions(self) -> None:
        self._spawn("actions", self.action_command())

    def rasa_command(self, subcommand: str) -> list[str]:
        # `rasa shell` also runs a server (its console talks to it over REST): on our host and
        # port, not on Rasa's default of every interface, port 5005. bot.dev.rasa_server redacts
        # the logs and takes the API token from the environment (and, for the shell, runs
        # bot.dev.shell, where Ctrl-D leaves).
        command = [
            sys.executable, "-m", "bot.dev.rasa_server", subcommand, "--model", str(self.config.model),
            "--endpoints", "endpoints.yml",
            "--interface", self.config.rasa_host, "--port", str(self.config.rasa_port),
        ]
        if subcommand == "run":
            command += ["--credentials", "credentials.yml"]
            if self.config.cors_origins:  # sites that embed the web chat widget
                command += ["--cors", *self.config.cors_origins]
            if self.config.api_token:  # the token itself goes in the environment (env())
                command += ["--enable-api"]
        return command

    def check_model(self) -> None:
        if not self.config.model.exists():
            raise ServerError(f"no trained model at {self.config.model}: run `make train` first")

    def start_rasa(self) -> None:
        self.check_model()
        self._spawn("rasa", self.rasa_command("run"))

    def prepare_storage(self) -> None:
        """Check the storage settings and migrate our tables before either server starts."""
        from bot.storage.startup import StorageNotReady, prepare

        try:
            prepare(self.env())
        except StorageNotReady as error:
            raise ServerError(str(error)) from None

    def check_settings(self) -> None:
        """Refuse to start with a bot setting the bot must not use (a contact that is not one)."""
        from bot.settings import SettingsError, load_settings

        try:
            load_settings(self.env())
        except SettingsError as error:
            raise ServerError(str(error)) from None

    def start(self) -> None:
        self.check_settings()
        self.prepare_storage()
        self.start_actions()
        self.start_rasa()

    def _check_alive(self) -> None:
        for name, process in self.processes.items():
            if process.poll() is not None:
                tail = self.log_path(name).read_text(errors="replace")[-3000:]
                raise ServerError(
                    f"the {name} server exited with code {process.returncode}; "
                    f"last lines of {self.log_path(name)}:\n{tail}"
                )

    def wait_ready(self, timeout: float = READY_TIMEOUT_SECONDS) -> float:
        """Block until every started server answers over HTTP; returns the seconds it took."""
        started = time.monotonic()
        probes = {"actions": f"{self.config.action_url}/health", "rasa": f"{self.config.rasa_url}/"}
        waiting = {name: url for name, url in probes.items() if name in self.processes}
        while waiting:
            self._check_alive()
            if time.monotonic() - started > timeout:
                raise ServerError(f"not ready after {timeout:.0f} s: {', '.join(waiting)}")
            for name, url in list(waiting.items()):
                if _answers(url):
                    del waiting[name]
            time.sleep(0.5)
        return time.monotonic() - started

    def stop(self) -> None:
        for process in self.processes.values():
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGINT)
        deadline = time.monotonic() + STOP_TIMEOUT_SECONDS
        for process in self.processes.values():
            try:
                process.wait(timeout=max(0.1, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()

    def __enter__(self) -> Servers:
        self.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.stop()


def _answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return bool(response.status == 200)
    except (urllib.error.URLError, ConnectionError, TimeoutError, OSError):
        return False


def how_to_talk(config: ServeConfig) -> str:
    return "\n".join([
        "",
        "TechTrack Assistant is running.",
        f"  Rasa server:    {config.rasa_url}  (logs: {config.log_dir}/rasa.log)",
        f"  Action server:  {config.action_url}  (logs: {config.log_dir}/actions.log)",
        "",
        f"Open the demo careers page with the chat widget: {config.web_chat_page}",
        "",
        "Or talk to it over the REST channel, for example:",
        f"  curl -s -X POST {config.rest_webhook} \\",
        "       -H 'Content-Type: application/json' \\",
        "       -d '{\"sender\": \"me\", \"message\": \"how long is the devops apprenticeship?\"}'",
        "or in a terminal with `make shell`.",
        "",
        "Press Ctrl-C to stop both servers.",
    ])


def _stop_on_signals() -> None:
    """Ctrl-C (SIGINT) and SIGTERM both stop the servers cleanly, even where the shell started us
    with SIGINT ignored (a background job)."""

    def interrupt(signum: int, frame: object) -> None:
        raise KeyboardInterrupt

    signal.signal(signal.SIGINT, interrupt)
    signal.signal(signal.SIGTERM, interrupt)


def serve(config: ServeConfig) -> int:
    _stop_on_signals()
    servers = Servers(config)
    try:
        servers.start()
        seconds = servers.wait_ready()
        print(how_to_talk(config), f"\n(Both servers answered after {seconds:.1f} s.)", flush=True)
        while True:
            servers._check_alive()
            time.sleep(1)
    except KeyboardInterrupt:
        print("\nStopping...", flush=True)
        return 0
    except ServerError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    finally:
        servers.stop()


def shell(config: ServeConfig) -> int:
    """`rasa shell` in this terminal, with the action server running behind it."""
    servers = Servers(config)
    try:
        servers.check_model()
        servers.check_settings()
        servers.prepare_storage()
        servers.start_actions()
        servers.wait_ready()
        return subprocess.call(servers.rasa_command("shell"), cwd=ROOT, env=servers.env(), umask=0o077)
    except KeyboardInterrupt:
        return 0
    except ServerError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    finally:
        servers.stop()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bot.dev.serve", description=__doc__)
    parser.add_argument("--shell", action="store_true", help="run `rasa shell` instead of the server")
    args = parser.parse_args(argv)
    config = ServeConfig.from_env()
    return shell(config) if args.shell else serve(config)


if __name__ == "__main__":
    sys.exit(main())
