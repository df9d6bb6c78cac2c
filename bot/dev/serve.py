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

The console gets a line per start-up step with its time (bot/dev/steps.py, as `make`'s set-up steps
do), then where to chat, where the logs are and how to stop, and last "TechTrack Assistant is
running." The servers' own output goes to their logs, without the warnings we know to be irrelevant
(bot/known_warnings.py). `--shell` shows `rasa shell`'s conversation and its warnings and errors;
its Rasa log is logs/rasa-shell.log.

Rasa processes one message per conversation at a time, under a lock that expires after
TICKET_LOCK_LIFETIME seconds (set here, 60 unless given). A turn must end before its lock does, or
the next message of the conversation is processed beside it and one of the two turns is lost: so
the action server's timeout (endpoints.yml, `action_endpoint.timeout`, applied by
bot/dev/rasa_server.py) plus the time replies may spend being sent again (bot/channels/delivery.py)
must stay below it, which start-up checks.
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
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from bot.dev.steps import Console
from bot.dev.train import MODEL_PATH
from bot.paths import ROOT
from bot.settings import LOCAL_HOSTS

READY_TIMEOUT_SECONDS = 300
STOP_TIMEOUT_SECONDS = 20
LOCK_LIFETIME_ENV = "TICKET_LOCK_LIFETIME"  # read by rasa.core.lock_store at import
DEFAULT_LOCK_LIFETIME_SECONDS = 60


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
            # What the servers print reaches their logs at once, not when a buffer fills.
            "PYTHONUNBUFFERED": "1",
            **self.config.extra_env,
        }
        # Explicit, so that the relation to the action timeout (check_settings) holds for what runs.
        if not env.get(LOCK_LIFETIME_ENV, "").strip():
            env[LOCK_LIFETIME_ENV] = str(DEFAULT_LOCK_LIFETIME_SECONDS)
        # SQLAlchemy's switch for its one summary warning about the 1.4 APIs Rasa 3.6 uses (Rasa
        # pins SQLAlchemy 1.4), as the Makefile sets it: for `python -m bot.dev.serve` too.
        env.setdefault("SQLALCHEMY_SILENCE_UBER_WARNING", "1")
        env["ACTION_SERVER_TOKEN"] = self.action_token()
        # Where the privacy notice's link points (bot/privacy.py): this server when it is local,
        # unless configured.
        if self.config.rasa_host in LOCAL_HOSTS:
            env.setdefault("TECHTRACK_PUBLIC_URL", self.config.rasa_url)
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
        else:  # the shell's Rasa log goes to a file, its warnings and errors to the terminal
            command += ["--log-file", str(self.log_path("rasa-shell"))]
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
        """Refuse to start with a bot setting the bot must not use (a contact that is not one), or
        with a conversation lock that a slow turn could outlive."""
        from bot.settings import SettingsError, load_settings

        try:
            load_settings(self.env())
        except SettingsError as error:
            raise ServerError(str(error)) from None
        self.check_lock_lifetime()

    def check_lock_lifetime(self) -> None:
        from bot.channels.delivery import DEFAULT_POLICY
        from bot.dev.rasa_server import action_timeout

        raw = self.env()[LOCK_LIFETIME_ENV]
        try:
            lifetime = int(raw)
        except ValueError:
            raise ServerError(f"{LOCK_LIFETIME_ENV} must be a whole number of seconds, not {raw!r}") from None
        timeout = action_timeout(ROOT / "endpoints.yml")
        if timeout is None:
            raise ServerError("endpoints.yml must set action_endpoint.timeout (seconds)")
        if timeout + DEFAULT_POLICY.budget >= lifetime:
            raise ServerError(
                f"{LOCK_LIFETIME_ENV}={lifetime} is too short: a turn may wait {timeout:g} s for an "
                f"action and {DEFAULT_POLICY.budget:g} s to send its replies; set it above "
                f"{timeout + DEFAULT_POLICY.budget:g} (or leave it unset for {DEFAULT_LOCK_LIFETIME_SECONDS})"
            )

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

    def wait_ready(
        self, timeout: float = READY_TIMEOUT_SECONDS, on_ready: Callable[[str, float], None] | None = None
    ) -> float:
        """Block until every started server answers over HTTP; returns the seconds it took.
        `on_ready(name, seconds)` is called as each one ("actions", "rasa") first answers."""
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
                    if on_ready:
                        on_ready(name, time.monotonic() - started)
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


def shown(path: Path) -> str:
    """`path` relative to the project when it is inside it (as `make` is run from there)."""
    try:
        return str(path.relative_to(ROOT))
    except ValueError:
        return str(path)


RUNNING = "TechTrack Assistant is running."


def how_to_talk(config: ServeConfig) -> str:
    """What `make run` prints once both servers answer: where to chat, the logs, how to stop, and
    last the line that says it is running."""
    logs, setup = shown(config.log_dir), shown(ROOT / "logs")  # the set-up's: scripts/step.sh
    example = '{"sender": "me", "message": "how long is the devops apprenticeship?"}'
    indent = " " * 23
    return "\n".join([
        "",
        f"Chat in a browser:  {config.web_chat_page}  (the demo careers page with the chat widget)",
        f"Or over REST:       curl -s -X POST {config.rest_webhook} \\",
        f"{indent}-H 'Content-Type: application/json' \\",
        f"{indent}-d '{example}'",
        f"Logs:               {logs}/rasa.log, {logs}/actions.log "
        f"(set-up: {setup}/setup-*.log, {setup}/train.log)",
        "Press Ctrl-C to stop both servers.",
        RUNNING,
    ])


SERVER_NAMES = {"actions": "action server", "rasa": "Rasa server"}


def _start_up_lines(console: Console, config: ServeConfig, names: list[str]) -> Callable[[str, float], None]:
    """Prints a line as each of the servers `names` first answers (on a terminal, "… ... starting"
    shows while they start)."""
    addresses = {"actions": config.action_url, "rasa": config.rasa_url}
    waiting = [SERVER_NAMES[name] for name in names]
    console.pending(" and ".join(waiting) + " starting")

    def ready(name: str, seconds: float) -> None:
        loaded = ", model loaded" if name == "rasa" else ""
        console.done(f"{SERVER_NAMES[name]} on {addresses[name]}{loaded}", seconds)
        waiting.remove(SERVER_NAMES[name])
        if waiting:
            console.pending(" and ".join(waiting) + " starting")

    return ready


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
    console = Console()
    try:
        started = time.monotonic()
        console.pending("settings and database")
        servers.start()  # checks the settings, migrates the tables, starts both servers
        console.done("settings and database", time.monotonic() - started)
        servers.wait_ready(on_ready=_start_up_lines(console, config, ["actions", "rasa"]))
        console.line(how_to_talk(config))
        while True:
            servers._check_alive()
            time.sleep(1)
    except KeyboardInterrupt:
        console.line("\nStopping...")
        return 0
    except ServerError as exc:
        console.clear()
        print(f"error: {exc}", file=sys.stderr)
        return 1
    finally:
        servers.stop()


def shell(config: ServeConfig) -> int:
    """`rasa shell` in this terminal, with the action server running behind it."""
    servers = Servers(config)
    console = Console()
    try:
        servers.check_model()
        started = time.monotonic()
        console.pending("settings and database")
        servers.check_settings()
        servers.prepare_storage()
        console.done("settings and database", time.monotonic() - started)
        servers.start_actions()
        servers.wait_ready(on_ready=_start_up_lines(console, config, ["actions"]))
        console.line(f"Starting rasa shell (its log: {shown(servers.log_path('rasa-shell'))}); "
                     "/stop or Ctrl-D leaves.")
        return subprocess.call(servers.rasa_command("shell"), cwd=ROOT, env=servers.env(), umask=0o077)
    except KeyboardInterrupt:
        return 0
    except ServerError as exc:
        console.clear()
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
