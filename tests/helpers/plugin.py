"""The shared fixtures, loaded as a pytest plugin by tests/conftest.py (`pytest_plugins`): a throwaway
analytics database for the whole session, the FAQ corpus, and the running bot with Teams and Slack
pointed at local fakes. Test modules never import from here or from a conftest.py; the helpers they
import live beside this file."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from bot.corpus import FaqEntry, load_corpus
from bot.storage import migrate
from tests.helpers.db_support import DATABASES, TEST_DATABASE_URL, fresh_database

if TYPE_CHECKING:
    from tests.helpers.channel_fakes import ChannelBot

TEST_ID_HASH_KEY = "test-id-hash-key-0123456789"
TEST_SESSION_KEY = "test-session-key-0123456789"


@pytest.fixture(scope="session", autouse=True)
def analytics_database(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """What the actions record (and the servers the tests start, tracker store included) goes to a
    throwaway database, never to var/: a schema of its own in TEST_DATABASE_URL's PostgreSQL when
    that is set (as in CI), else a SQLite file. The servers lock conversations in Redis when REDIS_URL
    is set (they inherit the environment)."""
    kind = "postgresql" if TEST_DATABASE_URL else "sqlite"
    with fresh_database(kind, tmp_path_factory.mktemp("database")) as url:
        yield from _database_for_the_session(url)


def _database_for_the_session(url: str) -> Iterator[str]:
    names = ("DATABASE_URL", "TECHTRACK_ID_HASH_KEY", "TECHTRACK_SESSION_KEY")
    saved = {name: os.environ.get(name) for name in names}
    os.environ.update(DATABASE_URL=url, TECHTRACK_ID_HASH_KEY=TEST_ID_HASH_KEY,
                      TECHTRACK_SESSION_KEY=TEST_SESSION_KEY)
    migrate.upgrade(url)
    yield url
    for name, value in saved.items():
        if value is None:
            os.environ.pop(name, None)
        else:
            os.environ[name] = value


@pytest.fixture(scope="session", autouse=True)
def no_configured_contact() -> Iterator[None]:
    """The tests start from no contact for the admissions team and the default route to a person,
    whatever the shell running them has set; the tests that need one set it themselves."""
    names = ("TECHTRACK_CONTACT_URL", "TECHTRACK_CONTACT_EMAIL", "TECHTRACK_CONTACT_PHONE",
             "TECHTRACK_HUMAN_ROUTE")
    saved = {name: os.environ.pop(name) for name in names if name in os.environ}
    yield
    os.environ.update(saved)


@pytest.fixture(scope="session")
def corpus() -> dict[str, FaqEntry]:
    return load_corpus()


@pytest.fixture(scope="session")
def channel_bot(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ChannelBot]:
    """One running bot, with Teams and Slack pointed at local fakes, shared by the integration
    modules that talk to it. Imported only when a test asks for it, so that the unit lane never
    loads the servers' helpers."""
    from tests.helpers.channel_fakes import running_channel_bot

    with running_channel_bot(Path(tmp_path_factory.mktemp("logs"))) as bot:
        yield bot


@pytest.fixture(params=DATABASES)
def database(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A fresh, migrated database: SQLite, and PostgreSQL when TEST_DATABASE_URL is set."""
    with fresh_database(request.param, tmp_path) as url:
        migrate.upgrade(url)
        yield url

