"""`python -m bot.dev.cluster` (`make cluster`): the production topology on this machine, in the
foreground; Ctrl-C stops it all.

- HAProxy (Debian's package, installed by `make haproxy`) in front, on CLUSTER_HOST:CLUSTER_PORT
  (127.0.0.1:8080): the web chat page, its socket.io channel (sticky sessions: a cookie names the
  replica) and the REST channel. Its configuration is made from bot/dev/haproxy.cfg.template into
  var/cluster/haproxy.cfg; it runs as the current user, its pid and socket in var/cluster/.
- CLUSTER_REPLICAS Rasa servers (2) and CLUSTER_ACTION_SERVERS action servers (2), each started as
  `make run` starts it (bot/dev/serve.py), on free loopback ports; the replicas reach the action
  servers through a second, loopback-only frontend of the balancer.
- The tracker store in PostgreSQL (DATABASE_URL; by default the `techtrack` database on
  127.0.0.1:5432, created when missing) and the conversation locks in Redis (REDIS_URL; by default
  redis://127.0.0.1:6379/1), both shared by every replica.

Every replica must hold the same secrets: the action server token, the conversation id hash key and
the web chat session key. They come from the environment (ACTION_SERVER_TOKEN,
TECHTRACK_ID_HASH_KEY, TECHTRACK_SESSION_KEY; required when TECHTRACK_ENV=production); in
development the ones `make run` generates into var/ are used.

`Cluster` is also what the cluster tests (tests/integration/test_cluster.py) and the throughput
measurement (bot/dev/load.py) start.
"""

from __future__ import annotations

import argparse
import csv
import io
import os
import shutil
import signal
import socket
import string
import subprocess
import sys
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from bot.channels.identity import SESSION_KEY_FILE, is_development
from bot.dev.action_server import TOKEN_FILE as ACTION_TOKEN_FILE
from bot.dev.serve import (
    DEFAULT_LOCK_LIFETIME_SECONDS,
    LOCK_LIFETIME_ENV,
    STOP_TIMEOUT_SECONDS,
    ServeConfig,
    ServerError,
    Servers,
    _stop_on_signals,
    free_port,
)
from bot.dev.train import MODEL_PATH
from bot.paths import ROOT
from bot.secret_files import generated_secret
from bot.storage.settings import KEY_FILE as ID_HASH_KEY_FILE
from bot.storage.settings import VAR_DIR

TEMPLATE = Path(__file__).with_name("haproxy.cfg.template")
CLUSTER_DIR = VAR_DIR / "cluster"
LOG_DIR = ROOT / "logs" / "cluster"
DEFAULT_DATABASE_URL = "postgresql://postgres@127.0.0.1:5432/techtrack"
DEFAULT_REDIS_URL = "redis://127.0.0.1:6379/1"
REPLICA_HEADER = "X-TechTrack-Replica"
# (environment variable, development file) of each secret every replica must share.
SHARED_SECRETS = (
    ("ACTION_SERVER_TOKEN", ACTION_TOKEN_FILE),
    ("TECHTRACK_ID_HASH_KEY", ID_HASH_KEY_FILE),
    ("TECHTRACK_SESSION_KEY", SESSION_KEY_FILE),
)


@dataclass(frozen=True)
class ClusterConfig:
    replicas: int = 2
    action_servers: int = 2
    host: str = "127.0.0.1"
    port: int = 8080
    database_url: str = DEFAULT_DATABASE_URL
    redis_url: str = DEFAULT_REDIS_URL
    model: Path = MODEL_PATH
    run_dir: Path = CLUSTER_DIR
    log_dir: Path = LOG_DIR
    extra_env: Mapping[str, str] = field(default_factory=dict)

    @classmethod
    def from_env(cls, env: Mapping[str, str] = os.environ) -> ClusterConfig:
        return cls(
            replicas=int(env.get("CLUSTER_REPLICAS") or 2),
            action_servers=int(env.get("CLUSTER_ACTION_SERVERS") or 2),
            host=env.get("CLUSTER_HOST") or "127.0.0.1",
            port=int(env.get("CLUSTER_PORT") or 8080),
            database_url=env.get("DATABASE_URL", "").strip() or DEFAULT_DATABASE_URL,
            redis_url=env.get("REDIS_URL", "").strip() or DEFAULT_REDIS_URL,
        )

    @property
    def url(self) -> str:
        return f"http://{self.host}:{self.port}"

    @property
    def rest_webhook(self) -> str:
        return f"{self.url}/webhooks/rest/webhook"

    @property
    def web_chat_page(self) -> str:
        return f"{self.url}/chat"


def shared_secrets(env: Mapping[str, str] = os.environ) -> dict[str, str]:
    """The secrets every replica must share: from the environment, or (development only) the files
    `make run` generates into var/."""
    found = {}
    for name, development_file in SHARED_SECRETS:
        value = env.get(name, "").strip()
        if not value:
            if not is_development(env):
                raise ServerError(f"{name} is not set: outside development every replica takes it from "
                                  "the environment, the same for all")
            value = generated_secret(development_file)
        found[name] = value
    return found


def haproxy_binary() -> str:
    found = shutil.which("haproxy") or ("/usr/sbin/haproxy" if Path("/usr/sbin/haproxy").exists() else None)
    if found is None:
        raise ServerError("HAProxy is not installed: run make haproxy (make cluster does)")
    return found


def ensure_database(url: str) -> None:
    """Create the default PostgreSQL database when it is missing (development convenience)."""
    import sqlalchemy as sa
    from sqlalchemy.engine import make_url

    parsed = make_url(url)
    if not parsed.drivername.startswith("postgresql") or not parsed.database:
        return
    admin = sa.create_engine(parsed.set(database="postgres"), isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as connection:
            exists = connection.execute(sa.text("SELECT 1 FROM pg_database WHERE datname = :name"),
                                        {"name": parsed.database}).first()
            if not exists:
                connection.execute(sa.text(f'CREATE DATABASE "{parsed.database}"'))
    except sa.exc.SQLAlchemyError as error:
        raise ServerError(f"cannot reach PostgreSQL for the cluster's tracker store "
                          f"({error.__class__.__name__}); check DATABASE_URL") from None
    finally:
        admin.dispose()


class Cluster:
    """The balancer, the Rasa replicas and the action servers as child processes."""

    def __init__(self, config: ClusterConfig) -> None:
        self.config = config
        self.secrets = shared_secrets({**os.environ, **config.extra_env})
        self.actions_port = free_port()  # the balancer's loopback frontend for the action servers
        self.action_servers = [self._servers(f"actions-{n}", action_port=free_port())
                               for n in range(1, config.action_servers + 1)]
        self.replicas = [self._servers(f"rasa-{n}", rasa_port=free_port(), action_port=self.actions_port)
                         for n in range(1, config.replicas + 1)]
        self.balancer: subprocess.Popen[bytes] | None = None

    # --- configuration --------------------------------------------------------------------------

    def env(self) -> dict[str, str]:
        """What every server of the cluster is given on top of the environment."""
        env = {
            "DATABASE_URL": self.config.database_url,
            "REDIS_URL": self.config.redis_url,
            **self.secrets,
            "TECHTRACK_PUBLIC_URL": self.config.url,
            # The balancer adds the client's address last (option forwardfor): rate limits use it.
            "TECHTRACK_TRUSTED_PROXY_HEADER": "X-Forwarded-For",
            **self.config.extra_env,
        }
        env.setdefault(LOCK_LIFETIME_ENV, os.environ.get(LOCK_LIFETIME_ENV, "").strip()
                       or str(DEFAULT_LOCK_LIFETIME_SECONDS))
        return env

    def _servers(self, name: str, rasa_port: int = 0, action_port: int = 0) -> Servers:
        config = ServeConfig(
            rasa_host="127.0.0.1", rasa_port=rasa_port, action_host="127.0.0.1", action_port=action_port,
            model=self.config.model, log_dir=self.config.log_dir / name, extra_env=self.env(),
        )
        return Servers(config)

    def lock_lifetime(self) -> int:
        return int(self.env()[LOCK_LIFETIME_ENV])

    def haproxy_config(self) -> str:
        rasa = "\n".join(
            f"    server rasa-{n} 127.0.0.1:{r.config.rasa_port} check cookie rasa-{n}"
            for n, r in enumerate(self.replicas, 1))
        actions = "\n".join(
            f"    server actions-{n} 127.0.0.1:{a.config.action_port} check"
            for n, a in enumerate(self.action_servers, 1))
        from bot.dev.rasa_server import action_timeout

        timeout = action_timeout(ROOT / "endpoints.yml") or 20
        return string.Template(TEMPLATE.read_text(encoding="utf-8")).substitute(
            pidfile=self.config.run_dir / "haproxy.pid",
            stats_socket=self.stats_socket,
            server_timeout=int(self.lock_lifetime() + 2 * timeout),
            public_bind=f"{self.config.host}:{self.config.port}",
            actions_bind=f"127.0.0.1:{self.actions_port}",
            rasa_servers=rasa, action_servers=actions,
        )

    @property
    def stats_socket(self) -> Path:
        return self.config.run_dir / "haproxy.sock"

    @property
    def haproxy_config_path(self) -> Path:
        return self.config.run_dir / "haproxy.cfg"

    # --- starting and stopping ------------------------------------------------------------------

    def start(self) -> None:
        first = self.replicas[0]
        first.check_model()
        first.check_settings()
        ensure_database(self.config.database_url)
        first.prepare_storage()  # checks the settings, migrates our tables (once, for all)
        for servers in self.action_servers:
            servers.start_actions()
        self.start_balancer()
        for servers in self.replicas:
            servers.start_rasa()

    def start_balancer(self) -> None:
        self.config.run_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
        self.haproxy_config_path.write_text(self.haproxy_config(), encoding="utf-8")
        binary = haproxy_binary()
        check = subprocess.run([binary, "-c", "-q", "-f", str(self.haproxy_config_path)],
                               capture_output=True, text=True)
        if check.returncode != 0:
            raise ServerError(f"HAProxy refused {self.haproxy_config_path}:\n{check.stdout}{check.stderr}")
        from bot.logs import private_log_file

        log = private_log_file(self.config.log_dir / "haproxy.log")
        try:
            self.balancer = subprocess.Popen([binary, "-db", "-f", str(self.haproxy_config_path)],
                                             cwd=ROOT, stdout=log, stderr=subprocess.STDOUT,
                                             stdin=subprocess.DEVNULL, start_new_session=True)
        finally:
            os.close(log)

    def wait_ready(self, timeout: float = 300) -> float:
        """Until every server answers and the balancer counts each one up; returns the seconds."""
        started = time.monotonic()
        for servers in [*self.action_servers, *self.replicas]:
            servers.wait_ready(max(1.0, timeout - (time.monotonic() - started)))
        while True:
            self._check_balancer()
            states = self.backend_states()
            if states and all(state == "UP" for state in states.values()):
                return time.monotonic() - started
            if time.monotonic() - started > timeout:
                raise ServerError(f"the balancer does not count every server up: {states}")
            time.sleep(0.3)

    def _check_balancer(self) -> None:
        if self.balancer is not None and self.balancer.poll() is not None:
            tail = (self.config.log_dir / "haproxy.log").read_text(errors="replace")[-3000:]
            raise ServerError(f"HAProxy exited with code {self.balancer.returncode}:\n{tail}")

    def check_alive(self) -> None:
        self._check_balancer()
        for servers in [*self.action_servers, *self.replicas]:
            servers._check_alive()

    def backend_states(self) -> dict[str, str]:
        """{server name: UP, DOWN, ...} as the balancer sees them now (its stats socket)."""
        try:
            with socket.socket(socket.AF_UNIX) as sock:
                sock.settimeout(2)
                sock.connect(str(self.stats_socket))
                sock.sendall(b"show stat\n")
                data = b""
                while chunk := sock.recv(65536):
                    data += chunk
        except OSError:
            return {}
        rows = csv.DictReader(io.StringIO(data.decode().lstrip("# ")))
        return {row["svname"]: row["status"] for row in rows
                if row.get("svname") not in (None, "FRONTEND", "BACKEND")}

    def kill_replica(self, index: int) -> None:
        """SIGKILL one Rasa replica (0-based): a crash, not a clean stop."""
        process = self.replicas[index].processes["rasa"]
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()
        del self.replicas[index].processes["rasa"]

    def restart_replica(self, index: int) -> None:
        self.replicas[index].start_rasa()
        self.replicas[index].wait_ready()

    def stop(self) -> None:
        for servers in [*self.replicas, *self.action_servers]:
            servers.stop()
        if self.balancer is not None and self.balancer.poll() is None:
            os.killpg(self.balancer.pid, signal.SIGTERM)
            try:
                self.balancer.wait(STOP_TIMEOUT_SECONDS)
            except subprocess.TimeoutExpired:
                os.killpg(self.balancer.pid, signal.SIGKILL)
                self.balancer.wait()

    def __enter__(self) -> Cluster:
        try:
            self.start()
            self.wait_ready()
        except BaseException:
            self.stop()
            raise
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.stop()


def how_to_use(cluster: Cluster) -> str:
    config = cluster.config
    replicas = ", ".join(f"rasa-{n} :{r.config.rasa_port}" for n, r in enumerate(cluster.replicas, 1))
    actions = ", ".join(f"actions-{n} :{a.config.action_port}"
                        for n, a in enumerate(cluster.action_servers, 1))
    return "\n".join([
        "",
        "The TechTrack cluster is running.",
        f"  Balancer (HAProxy): {config.url}  (config: {cluster.haproxy_config_path})",
        f"  Rasa replicas:      {replicas}",
        f"  Action servers:     {actions}  (behind 127.0.0.1:{cluster.actions_port})",
        f"  Tracker store:      PostgreSQL; locks in Redis ({config.redis_url})",
        f"  Logs:               {config.log_dir}/",
        "",
        f"Open the web chat through the balancer: {config.web_chat_page}",
        f"REST through the balancer: curl -s -X POST {config.rest_webhook} \\",
        "       -H 'Content-Type: application/json' -d '{\"sender\": \"me\", \"message\": \"hello\"}'",
        "Measure throughput: make cluster-bench",
        "",
        "Press Ctrl-C to stop everything.",
    ])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bot.dev.cluster", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--replicas", type=int, help="Rasa replicas (CLUSTER_REPLICAS, 2)")
    parser.add_argument("--action-servers", type=int, help="action servers (CLUSTER_ACTION_SERVERS, 2)")
    args = parser.parse_args(argv)
    config = ClusterConfig.from_env()
    if args.replicas:
        config = ClusterConfig(**{**config.__dict__, "replicas": args.replicas})
    if args.action_servers:
        config = ClusterConfig(**{**config.__dict__, "action_servers": args.action_servers})
    _stop_on_signals()
    cluster = None
    try:
        cluster = Cluster(config)
        cluster.start()
        seconds = cluster.wait_ready()
        print(how_to_use(cluster), f"\n(Everything answered after {seconds:.1f} s.)", flush=True)
        while True:
            cluster.check_alive()
            time.sleep(1)
    except KeyboardInterrupt:
        print("\nStopping...", flush=True)
        return 0
    except ServerError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    finally:
        if cluster is not None:
            cluster.stop()


if __name__ == "__main__":
    sys.exit(main())
