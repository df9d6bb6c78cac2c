"""Our database: migrations, what is stored (scrubbed, hashed), the recorder when the database is
down, purge and report. Against SQLite always and PostgreSQL when TEST_DATABASE_URL is set."""

from __future__ import annotations

import html
import stat
import uuid
from datetime import datetime, timedelta
from pathlib import Path

import pytest
import sqlalchemy as sa

from bot.__main__ import main
from bot.corpus import FaqEntry
from bot.storage import analytics, migrate
from bot.storage.ids import conversation_hash
from bot.storage.models import EligibilityOutcome, FaqAnswer, Feedback, Unanswered
from bot.storage.recorder import Row
from bot.storage.scrub import scrub
from bot.storage.settings import StorageConfigError, id_hash_key
from tests.helpers.db_support import DATABASES, KEY, fresh_database, recorder_for, rows

PERSONAL = ("Hi, my name is Sarah Connor, my email is sarah.connor@example.com and my NI number "
            "is QQ 12 34 56 C. Can I apply while I finish my degree?")


# --- migrations --------------------------------------------------------------------------------

@pytest.mark.parametrize("kind", DATABASES)
def test_migrations_go_from_empty_to_head_and_back(kind: str, tmp_path: Path) -> None:
    with fresh_database(kind, tmp_path) as url:
        ours = {"tt_faq_answers", "tt_unanswered", "tt_feedback", "tt_eligibility_outcomes"}

        def tables() -> set[str]:
            engine = sa.create_engine(url)
            try:
                return set(sa.inspect(engine).get_table_names())
            finally:
                engine.dispose()

        assert migrate.current_revision(url) is None
        migrate.upgrade(url)
        assert migrate.current_revision(url) == migrate.head_revision()
        assert ours <= tables()
        assert "looking_for" in feedback_columns(url)
        migrate.downgrade(url, "0001")  # the column goes; the tables stay
        assert "looking_for" not in feedback_columns(url) and ours <= tables()
        migrate.upgrade(url)
        assert "looking_for" in feedback_columns(url)
        migrate.upgrade(url)  # again: nothing to do
        migrate.downgrade(url)
        assert migrate.current_revision(url) is None
        assert not ours & tables()
        migrate.upgrade(url)
        assert ours <= tables()


def feedback_columns(url: str) -> set[str]:
    engine = sa.create_engine(url)
    try:
        return {column["name"] for column in sa.inspect(engine).get_columns("tt_feedback")}
    finally:
        engine.dispose()


def test_db_command_upgrades_and_reports_the_revision(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'cli.db'}")
    assert main(["db", "upgrade"]) == 0
    assert f"schema revision {migrate.head_revision()}" in capsys.readouterr().out
    assert main(["db", "downgrade"]) == 0
    assert "schema revision (empty)" in capsys.readouterr().out


# --- what is stored ----------------------------------------------------------------------------

def test_scrubbing_removes_names_emails_phones_ni_numbers_and_long_numbers() -> None:
    assert scrub(PERSONAL) == (
        "Hi, my name is [name], my email is [email] and my NI number is [NI number]. "
        "Can I apply while I finish my degree?"
    )
    assert scrub("call me on 07700 900123 or +44 20 7946 0958") == "call me on [phone] or [phone]"
    assert scrub("my reference is 12345678") == "my reference is [number]"
    assert scrub("I spoke to John Smith about it") == "I spoke to [name] about it"
    # ordinary questions are left alone
    for text in ("Is the salary 25,000 in 2024?", "what does Makers do?", "I'm 23 and British"):
        assert scrub(text) == text


def test_a_question_with_personal_data_is_stored_without_it(database: str) -> None:
    recorder = recorder_for(database)
    recorder.record(Row(Unanswered.__table__, {"text": PERSONAL, "kind": "unanswered",
                                               "created_at": datetime.utcnow()},
                        sender_id="sarah@example.com", scrub_field="text"))
    assert recorder.wait_idle(30)
    stored = rows(database, "SELECT text, conversation FROM tt_unanswered")
    assert len(stored) == 1
    text, conversation = stored[0]
    for personal in ("Sarah", "Connor", "sarah.connor@example.com", "QQ 12 34 56 C", "sarah@example.com"):
        assert personal not in str(text)
        assert personal not in str(conversation)
    assert "[name]" in str(text) and "[email]" in str(text) and "[NI number]" in str(text)
    assert conversation == conversation_hash("sarah@example.com", KEY)
    recorder.close()


def test_conversation_ids_are_keyed_hashes() -> None:
    one, two = b"key-one-0123456789", b"key-two-0123456789"
    assert conversation_hash("user-1", one) != conversation_hash("user-1", two)
    assert conversation_hash("user-1", KEY) != conversation_hash("user-2", KEY)
    assert len(conversation_hash("user-1", KEY)) == 64


def test_a_developer_key_is_generated_once_and_private(tmp_path: Path) -> None:
    key_file = tmp_path / "var" / "id-hash.key"
    first = id_hash_key({}, key_file)
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    assert id_hash_key({}, key_file) == first
    assert id_hash_key({"TECHTRACK_ID_HASH_KEY": "from-the-environment-123"}, key_file) == (
        b"from-the-environment-123"
    )


def test_production_without_a_key_refuses_with_a_clear_message(tmp_path: Path) -> None:
    with pytest.raises(StorageConfigError, match="TECHTRACK_ID_HASH_KEY is not set"):
        id_hash_key({"DATABASE_URL": "postgresql://db/techtrack"}, tmp_path / "id-hash.key")
    assert not (tmp_path / "id-hash.key").exists()


def test_analytics_records_answers_feedback_and_outcomes(
    database: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    recorder = recorder_for(database)
    monkeypatch.setattr(analytics, "_recorder", recorder)

    answer_id = analytics.faq_answered("user-42@teams", "rest", "salary", None, 0.93)
    analytics.feedback(answer_id, True)
    analytics.feedback(answer_id, False)
    analytics.eligibility_outcome("user-42@teams", "not_eligible", "business_analyst", ["gcses"])
    assert recorder.wait_idle(30)

    assert rows(database, "SELECT entry_id, role, confidence, channel FROM tt_faq_answers") == [
        ("salary", None, 0.93, "rest")]
    # the second feedback on the same answer replaces the first
    assert rows(database, "SELECT answer_id, helpful FROM tt_feedback") == [(answer_id, False)]
    outcome = rows(database, "SELECT verdict, role, failed_criteria FROM tt_eligibility_outcomes")
    assert outcome == [("not_eligible", "business_analyst", "gcses")]
    recorder.close()


def test_what_people_were_looking_for_is_stored_scrubbed_and_cut_with_the_answer(
    database: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    recorder = recorder_for(database)
    monkeypatch.setattr(analytics, "_recorder", recorder)
    answer_id = analytics.faq_answered("user-42@teams", "rest", "salary", None, 0.93)
    other_id = analytics.faq_answered("user-42@teams", "rest", "duration", None, 0.93)
    analytics.feedback(answer_id, False)
    # the phone number sits across the cut (500 characters): it is scrubbed first, then cut
    text = "mail jo@example.com " + "x" * 470 + " call 07700 900123 about the London salary"
    assert analytics.looking_for(answer_id, text)
    analytics.feedback(other_id, False)
    assert not analytics.looking_for(other_id, "   ")  # nothing to store: the "No" stays as it was
    assert not analytics.looking_for(other_id, "/deny")
    assert recorder.wait_idle(30)
    stored = dict(rows(database, "SELECT answer_id, looking_for FROM tt_feedback"))
    assert stored == {answer_id: "mail [email] " + "x" * 470 + " call [phone]…", other_id: None}
    assert len(stored[answer_id]) <= analytics.LOOKING_FOR_MAX
    helpful = f"SELECT helpful, looking_for IS NULL FROM tt_feedback WHERE answer_id = '{answer_id}'"
    assert rows(database, helpful) == [(False, False)]
    # rated again (another click on the same answer): the rating changes, the text stays
    analytics.feedback(answer_id, True)
    assert recorder.wait_idle(30)
    assert rows(database, helpful) == [(True, False)]
    recorder.close()


def test_button_payloads_are_not_recorded_as_questions(monkeypatch: pytest.MonkeyPatch) -> None:
    recorded: list[Row] = []
    monkeypatch.setattr(analytics, "recorder", lambda: type("R", (), {"record": recorded.append})())
    analytics.question_not_answered("someone", "rest", '/feedback{"helpful": "yes"}', "unanswered")
    analytics.question_not_answered("someone", "rest", "   ", "unanswered")
    assert recorded == []
    analytics.question_not_answered("someone", "rest", "x" * 5000, "unanswered")
    assert len(recorded[0].values["text"]) == analytics.MAX_TEXT


def test_a_database_url_that_makes_no_sense_gets_a_clear_message(tmp_path: Path) -> None:
    from bot.storage.startup import StorageNotReady, prepare

    with pytest.raises(StorageNotReady, match="DATABASE_URL is not a database URL"):
        prepare({"DATABASE_URL": "not a url", "TECHTRACK_ID_HASH_KEY": "0123456789abcdefgh"})
    with pytest.raises(StorageNotReady, match="DATABASE_URL is not a database URL"):
        prepare({"DATABASE_URL": "mongodb://x/y", "TECHTRACK_ID_HASH_KEY": "0123456789abcdefgh"})


def answer_row(entry: str = "salary") -> Row:
    return Row(FaqAnswer.__table__, {"id": str(uuid.uuid4()), "entry_id": entry, "confidence": 0.9,
                                     "created_at": datetime.utcnow()}, sender_id="someone")


def test_a_refused_row_is_dropped_without_holding_up_the_others(database: str) -> None:
    recorder = recorder_for(database)
    recorder.record(answer_row("first"))
    recorder.record(Row(Feedback.__table__, {"answer_id": str(uuid.uuid4()), "helpful": True,
                                             "created_at": datetime.utcnow()}))
    recorder.record(answer_row("second"))
    assert recorder.wait_idle(30)
    stored = rows(database, "SELECT entry_id FROM tt_faq_answers ORDER BY entry_id")
    assert stored == [("first",), ("second",)]
    assert rows(database, "SELECT count(*) FROM tt_feedback") == [(0,)]
    assert recorder.stats.dropped_refused == 1
    recorder.close()


# --- retention ---------------------------------------------------------------------------------

LOOKED_FOR = "pay for Quokka-Zanzibar shifts"  # what someone was looking for, in the feedback


def seed(url: str, now: datetime) -> None:
    """Rows 100 days old and 10 days old in every table, and two Rasa conversations: one that
    ended 100 days ago, one that started 100 days ago and is still going."""
    from rasa.core.tracker_store import SQLTrackerStore

    engine = sa.create_engine(url, future=True)
    SQLTrackerStore.Base.metadata.create_all(engine)
    old, recent = now - timedelta(days=100), now - timedelta(days=10)
    with engine.begin() as connection:
        for age, tag in ((old, "old"), (recent, "new")):
            connection.execute(sa.insert(FaqAnswer.__table__).values(
                id=f"{tag}-answer", conversation="c", entry_id="salary", confidence=0.9, created_at=age))
            connection.execute(sa.insert(Feedback.__table__).values(
                answer_id=f"{tag}-answer", helpful=False, looking_for=f"{tag} {LOOKED_FOR}",
                created_at=age))
            connection.execute(sa.insert(Unanswered.__table__).values(
                conversation="c", text="can I bring my dog", kind="unanswered", created_at=age))
            connection.execute(sa.insert(EligibilityOutcome.__table__).values(
                conversation="c", verdict="eligible", role="devops_engineer", failed_criteria="",
                created_at=age))
        events = sa.table("events", sa.column("sender_id"), sa.column("type_name"),
                          sa.column("timestamp"), sa.column("data"))
        stamp = (old - datetime(1970, 1, 1)).total_seconds()
        fresh = (recent - datetime(1970, 1, 1)).total_seconds()
        for sender, stamps in (("ended", [stamp, stamp + 1]), ("ongoing", [stamp, fresh])):
            for t in stamps:
                connection.execute(sa.insert(events).values(
                    sender_id=sender, type_name="user", timestamp=t, data="{}"))
    engine.dispose()


def test_purge_removes_what_is_older_than_the_period(
    database: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    seed(database, datetime.utcnow())
    monkeypatch.setenv("DATABASE_URL", database)
    assert main(["purge", "--older-than", "90d"]) == 0
    printed = capsys.readouterr().out
    assert "conversation trackers (Rasa's events table): 1 conversations, 3 events" in printed
    for table in ("tt_faq_answers", "tt_feedback", "tt_unanswered", "tt_eligibility_outcomes"):
        assert f"{table}: 1 rows" in printed
        assert rows(database, f"SELECT count(*) FROM {table}") == [(1,)]
    # a conversation still going on loses its old events and keeps its recent ones
    assert rows(database, "SELECT sender_id, count(*) FROM events GROUP BY sender_id") == [("ongoing", 1)]
    # what people were looking for goes with the feedback it belongs to, on the same schedule
    assert rows(database, "SELECT looking_for FROM tt_feedback") == [(f"new {LOOKED_FOR}",)]
    if database.startswith("sqlite:///"):  # and is gone from the database's files too
        path = Path(database.removeprefix("sqlite:///"))
        for file in (path, path.with_name(path.name + "-wal")):
            if file.exists():
                assert f"old {LOOKED_FOR}".encode() not in file.read_bytes()


def test_purge_uses_the_configured_default_and_rejects_bad_periods(
    database: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    seed(database, datetime.utcnow())
    monkeypatch.setenv("DATABASE_URL", database)
    monkeypatch.setenv("TECHTRACK_RETENTION_DAYS", "200")
    assert main(["purge"]) == 0
    assert "tt_faq_answers: 0 rows" in capsys.readouterr().out
    assert main(["purge", "--older-than", "ninety"]) == 2
    assert "--older-than takes a number of days" in capsys.readouterr().err


# --- report ------------------------------------------------------------------------------------

def test_report_shows_faqs_helpfulness_grouped_questions_and_outcomes(
    database: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
    corpus: dict[str, FaqEntry],
) -> None:
    day = datetime(2026, 11, 2, 12)
    engine = sa.create_engine(database, future=True)
    with engine.begin() as connection:
        # "retired_entry" is no longer in the corpus
        for n, entry in enumerate(["salary", "salary", "salary", "duration", "retired_entry"]):
            connection.execute(sa.insert(FaqAnswer.__table__).values(
                id=f"a{n}", conversation="c", entry_id=entry, confidence=0.9, created_at=day))
        for answer, helpful, looking_for in (
            ("a0", True, None), ("a1", True, None), ("a2", False, "the salary in London"),
            ("a3", False, "how long the <b>cyber</b> one is"), ("a4", False, "something old"),
        ):
            connection.execute(sa.insert(Feedback.__table__).values(
                answer_id=answer, helpful=helpful, looking_for=looking_for, created_at=day))
        for text in ("can I bring my dog to work", "can I bring my dog to the office?",
                     "Can I bring my dog to work?", "what is the meaning of life"):
            connection.execute(sa.insert(Unanswered.__table__).values(
                conversation="c", text=text, kind="unanswered", created_at=day))
        for failed in ("gcses", "gcses,level3", ""):
            connection.execute(sa.insert(EligibilityOutcome.__table__).values(
                conversation="c", verdict="not_eligible" if failed else "eligible",
                role="business_analyst", failed_criteria=failed, created_at=day))
        # outside the range
        connection.execute(sa.insert(FaqAnswer.__table__).values(
            id="late", conversation="c", entry_id="duration", confidence=0.9,
            created_at=datetime(2026, 12, 1)))
    engine.dispose()
    monkeypatch.setenv("DATABASE_URL", database)
    assert main(["report", "--from", "2026-11-01", "--to", "2026-11-30"]) == 0
    printed = capsys.readouterr().out
    salary, duration = corpus["salary"].title, corpus["duration"].title
    retired = "[no longer in the FAQ: retired_entry]"
    # titles, never ids
    assert f"      3  {salary}\n      1  {duration}\n      1  {retired}" in printed
    assert f"{salary}: 2 / 1, 67%" in printed and f"{duration}: 0 / 1, 0%" in printed
    assert f"{retired}: 0 / 1, 0%" in printed
    assert "  salary" not in printed and "duration:" not in printed
    # what people were looking for, next to the answer's title
    assert f"  {salary} (1):\n    2026-11-02  the salary in London" in printed
    assert f"  {duration} (1):\n    2026-11-02  how long the <b>cyber</b> one is" in printed
    assert f"  {retired} (1):\n    2026-11-02  something old" in printed
    assert "    3  can I bring my dog to work" in printed  # three wordings, one group
    assert "    1  what is the meaning of life" in printed
    assert "    2  Business Analyst: not_eligible" in printed  # role names, not keys
    assert "    2  Business Analyst: gcses" in printed and "    1  Business Analyst: level3" in printed
    page = Path(printed.rsplit("HTML report: ", 1)[1].strip())
    try:
        content = page.read_text()
        assert "data:image/png;base64," in content and "can I bring my dog to work" in content
        assert f"<td>{html.escape(salary)}</td><td>the salary in London</td><td>2026-11-02</td>" in content
        assert "how long the &lt;b&gt;cyber&lt;/b&gt; one is" in content  # escaped, as all text is
        assert f"<td>{html.escape(retired)}</td><td>something old</td>" in content
        assert f"<td>{html.escape(salary)}</td><td>3</td>" in content  # the answers table, by title
        assert "<td>salary</td>" not in content and "business_analyst" not in content
    finally:
        page.unlink()


def test_report_rejects_a_backwards_range(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["report", "--from", "2026-11-30", "--to", "2026-11-01"]) == 2
    assert "is after --to" in capsys.readouterr().err


def test_report_and_purge_say_clearly_when_there_is_no_database_to_use(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'empty.db'}")
    assert main(["report"]) == 2
    assert "has no analytics tables yet: `make run` or `python -m bot db upgrade`" in capsys.readouterr().err
    monkeypatch.setenv("DATABASE_URL", "postgresql://postgres:secret@127.0.0.1:1/techtrack")
    monkeypatch.setenv("TECHTRACK_ID_HASH_KEY", "0123456789abcdefgh")
    assert main(["purge"]) == 1
    error = capsys.readouterr().err
    assert "cannot use the database at postgresql://postgres:***@127.0.0.1:1/techtrack" in error
    assert "secret" not in error


def test_a_process_that_exits_right_after_recording_writes_the_row_and_exits_cleanly(
    tmp_path: Path,
) -> None:
    """The writer may still be loading spaCy when the action server stops: it must finish, write,
    and let the process exit normally (it used to crash the interpreter on exit)."""
    import subprocess
    import sys

    from bot.paths import ROOT

    url = f"sqlite:///{tmp_path / 'exit.db'}"
    migrate.upgrade(url)
    script = (
        "from bot.storage import analytics\n"
        "analytics.question_not_answered('someone', 'rest',\n"
        "                                'I spoke to John Smith about a pet iguana', 'unanswered')\n"
    )
    env = {"DATABASE_URL": url, "TECHTRACK_ID_HASH_KEY": "exit-test-key-0123456789",
           "PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"}
    result = subprocess.run([sys.executable, "-c", script], env=env, cwd=ROOT, timeout=120,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr[-2000:]
    assert rows(url, "SELECT text FROM tt_unanswered") == [("I spoke to [name] about a pet iguana",)]


def test_the_recorder_keeps_its_sqlite_connections_open_between_batches(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'pooled.db'}"
    migrate.upgrade(url)
    recorder = recorder_for(url)
    recorder.record(Row(EligibilityOutcome.__table__, {
        "verdict": "eligible", "role": "ba", "failed_criteria": "", "created_at": datetime.now()},
        sender_id="someone"))
    assert recorder.wait_idle(30)
    engine = recorder._engine
    assert engine is not None
    connects: list[object] = []
    sa.event.listen(engine, "connect", lambda *_: connects.append(1))
    for verdict in ("eligible", "not_eligible", "eligible"):  # one batch each
        recorder.record(Row(EligibilityOutcome.__table__, {
            "verdict": verdict, "role": "ba", "failed_criteria": "", "created_at": datetime.now()},
            sender_id="someone"))
        assert recorder.wait_idle(30)
    assert connects == []  # each batch on a connection kept from the one before
    assert rows(url, "SELECT verdict FROM tt_eligibility_outcomes ORDER BY id") == [
        ("eligible",), ("eligible",), ("not_eligible",), ("eligible",)]
    with engine.connect() as connection:  # the connect listeners ran on the pooled connection
        assert connection.exec_driver_sql("PRAGMA secure_delete").scalar() == 1
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    recorder.close()
