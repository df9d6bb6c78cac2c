"""Databases for storage tests: SQLite always, PostgreSQL too when TEST_DATABASE_URL is set (each
test run in a schema of its own, dropped afterwards), and a TCP proxy that can take a database
"down" and bring it back without touching the server behind it."""

from __future__ import annotations

import contextlib
import os
import socket
import threading
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
import sqlalchemy as sa
from sqlalchemy.engine import make_url

from bot.storage.recorder import Recorder
from bot.storage.scrub import scrub

TEST_DATABASE_URL = os.environ.get("TEST_DATABASE_URL", "").strip()

DATABASES = [
    "sqlite",
    pytest.param("postgresql", marks=pytest.mark.skipif(
        not TEST_DATABASE_URL, reason="TEST_DATABASE_URL is not set (.ci/run sets it)")),
]


def with_schema(url: str, schema: str) -> str:
    parsed = make_url(url)
    return parsed.update_query_dict({"options": f"-csearch_path={schema}"}).render_as_string(
        hide_password=False
    )


@contextmanager
def fresh_database(kind: str, directory: Path) -> Iterator[str]:
    """An empty database: a new SQLite file, or a new schema in TEST_DATABASE_URL's database."""
    if kind == "sqlite":
        yield f"sqlite:///{directory / 'test.db'}"
        return
    schema = f"tt_test_{uuid.uuid4().hex[:12]}"
    admin = sa.create_engine(TEST_DATABASE_URL, future=True)
    with admin.begin() as connection:
        connection.execute(sa.text(f"CREATE SCHEMA {schema}"))
    try:
        yield with_schema(TEST_DATABASE_URL, schema)
    finally:
        with admin.begin() as connection:
            connection.execute(sa.text(f"DROP SCHEMA {schema} CASCADE"))
        admin.dispose()


def through(url: str, port: int) -> str:
    """The same PostgreSQL URL, but connecting to 127.0.0.1:port (a proxy)."""
    return make_url(url).set(host="127.0.0.1", port=port).render_as_string(hide_password=False)


class TcpProxy:
    """Forwards 127.0.0.1:port to target. `down()` closes every connection and stops listening
    (clients get "connection refused"); `up()` listens on the same port again."""

    def __init__(self, target_host: str, target_port: int) -> None:
        self.target = (target_host, target_port)
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = int(probe.getsockname()[1])
        self._listener: socket.socket | None = None
        self._connections: list[socket.socket] = []
        self._lock = threading.Lock()

    def up(self) -> None:
        listener = socket.socket()
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind(("127.0.0.1", self.port))
        listener.listen(50)
        self._listener = listener
        threading.Thread(target=self._accept, args=(listener,), daemon=True).start()

    def down(self) -> None:
        with self._lock:
            listener, self._listener = self._listener, None
            connections, self._connections = self._connections, []
        if listener is not None:
            listener.close()
        for connection in connections:
            with contextlib.suppress(OSError):
                connection.shutdown(socket.SHUT_RDWR)
            connection.close()

    def _accept(self, listener: socket.socket) -> None:
        while True:
            try:
                client, _ = listener.accept()
            except OSError:
                return
            try:
                server = socket.create_connection(self.target, timeout=5)
            except OSError:
                client.close()
                continue
            server.settimeout(None)
            with self._lock:
                if self._listener is not listener:
                    client.close()
                    server.close()
                    return
                self._connections += [client, server]
            for source, sink in ((client, server), (server, client)):
                threading.Thread(target=_pipe, args=(source, sink), daemon=True).start()


def _pipe(source: socket.socket, sink: socket.socket) -> None:
    try:
        while data := source.recv(65536):
            sink.sendall(data)
    except OSError:
        pass
    finally:
        for sock in (source, sink):
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)


def rows(url: str, query: str) -> list[tuple[object, ...]]:
    engine = sa.create_engine(url, future=True)
    try:
        with engine.connect() as connection:
            return [tuple(r) for r in connection.execute(sa.text(query))]
    finally:
        engine.dispose()


KEY = b"a-test-key-for-hashing-ids"


def recorder_for(url: str, **kwargs: object) -> Recorder:
    """A recorder writing to `url`, hashing ids with the test key and scrubbing as in production."""
    return Recorder(url, key=lambda: KEY, scrubber=scrub, **kwargs)  # type: ignore[arg-type]

