"""The privacy notice (in the chat and at /chat/privacy), "what have you stored about me?" and
"delete my conversation": what people are told, and what is deleted."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from rasa_sdk import Action
from rasa_sdk.events import ActionExecuted, SessionStarted, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import privacy as privacy_actions
from actions.privacy import (
    ActionConfirmDelete,
    ActionDeleteConversation,
    ActionSessionStart,
    ActionShowStored,
)
from bot.channels.web import CONTENT_SECURITY_POLICY, _serve
from bot.eligibility.conversation import slot_for
from bot.privacy import (
    CONTROLLER_CONTACT_ENV,
    CONTROLLER_NAME_ENV,
    PUBLIC_URL_ENV,
    PrivacySettings,
    chat_notice,
    privacy_page,
)
from bot.settings import SettingsError
from bot.storage.erase import ERASE_SLOT, erase_analytics
from bot.storage.ids import conversation_hash
from bot.storage.migrate import upgrade
from bot.storage.models import EligibilityOutcome, FaqAnswer, Feedback, Unanswered, utcnow
from tests.helpers.db_support import DATABASES, fresh_database, rows
from tests.helpers.trackers import make_tracker

SETTINGS = PrivacySettings(public_url="https://chat.example.gov.uk", retention_days=30)


def run(action: Action, **tracker: Any) -> tuple[list[dict[str, Any]], list[Any]]:
    dispatcher = CollectingDispatcher()
    events = asyncio.run(action.run(dispatcher, make_tracker(**tracker), {}))
    return dispatcher.messages, events


# --- settings --------------------------------------------------------------------------------------

def test_without_settings_the_page_link_is_the_development_server_and_nobody_is_named() -> None:
    settings = PrivacySettings.from_env({})
    assert settings.page_url == "http://localhost:5005/chat/privacy"
    assert settings.retention_days == 90
    assert settings.controller_name is None


@pytest.mark.parametrize(("name", "value"), [
    (PUBLIC_URL_ENV, "http://chat.example.gov.uk"),  # not https, not local
    (PUBLIC_URL_ENV, "javascript:alert(1)"),
    (PUBLIC_URL_ENV, "https://chat.example.gov.uk/?x=1"),
    (CONTROLLER_CONTACT_ENV, "call us"),
    (CONTROLLER_NAME_ENV, "x" * 201),
])
def test_a_wrong_setting_is_refused_naming_the_variable(name: str, value: str) -> None:
    with pytest.raises(SettingsError, match=name):
        PrivacySettings.from_env({name: value})


# --- what the chat says -----------------------------------------------------------------------------

def test_the_chat_notice_says_how_long_links_the_page_and_names_the_rights() -> None:
    notice = chat_notice(SETTINGS)
    assert "keeps what you type for 30 days" in notice
    assert notice.endswith("Privacy notice: https://chat.example.gov.uk/chat/privacy")
    assert '"delete my conversation"' in notice and '"what have you stored about me?"' in notice


@pytest.mark.parametrize("channel", ["socketio", "teams", "slack"])
def test_a_new_conversation_in_the_widget_teams_or_slack_starts_with_the_notice(channel: str) -> None:
    messages, events = run(ActionSessionStart(), slots={
        "session_started_metadata": {"channel": channel}, "role": "devops_engineer"})
    assert len(messages) == 1 and messages[0]["text"].startswith("Before we start: this chat keeps")
    assert events[0] == SessionStarted()
    assert SlotSet("role", "devops_engineer") in events  # carried over, as Rasa's own does
    assert SlotSet("privacy_notice_shown", True) in events
    assert events[-1] == ActionExecuted("action_listen")


def test_the_notice_is_shown_once_per_conversation() -> None:
    messages, events = run(ActionSessionStart(), slots={
        "session_started_metadata": {"channel": "teams"}, "privacy_notice_shown": True})
    assert messages == []
    assert SlotSet("privacy_notice_shown", True) in events  # still remembered in the new session


@pytest.mark.parametrize("metadata", [{"channel": "rest"}, {"channel": "cmdline"}, None, "socketio"])
def test_the_rest_api_and_the_shell_get_no_notice(metadata: object) -> None:
    messages, _ = run(ActionSessionStart(), slots={"session_started_metadata": metadata})
    assert messages == []


def test_what_is_stored_lists_the_answers_kept_in_words() -> None:
    messages, events = run(ActionShowStored(), intent="what_stored", slots={
        "role": "business_analyst", slot_for("age"): 24, slot_for("residence_years"): "all_my_life",
    }, events=[{"event": "user"}, {"event": "bot"}, {"event": "user"}])
    text = messages[0]["text"]
    assert text.startswith("In this conversation I've kept the 2 messages you've sent and my replies, "
                           "and these answers:")
    assert "- Role you're interested in: Business Analyst" in text
    assert "- Age: 24" in text
    assert "all my life" in text and "99" not in text
    assert "deleted once it is 90 days old" in text
    assert events == []


def test_what_is_stored_before_any_answer_says_so() -> None:
    messages, _ = run(ActionShowStored(), intent="what_stored", events=[{"event": "user"}])
    assert "the 1 message you've sent and my replies. You haven't told me any answers yet." in (
        messages[0]["text"])


def test_deleting_is_confirmed_with_buttons() -> None:
    messages, _ = run(ActionConfirmDelete(), intent="delete_my_data")
    assert messages[0]["text"].startswith("Do you want me to delete this conversation?")
    assert [(b["title"], b["payload"]) for b in messages[0]["buttons"]] == [
        ("Yes, delete it", "/affirm"), ("No, keep it", "/deny")]


def test_a_confirmed_delete_erases_the_analytics_and_marks_the_tracker_for_deletion(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    erased: list[str] = []
    monkeypatch.setattr(privacy_actions.analytics, "erase_conversation",
                        lambda sender: erased.append(sender) or True)
    messages, events = run(ActionDeleteConversation(), intent="affirm")
    assert erased == ["test-user"]
    assert messages[0]["text"].startswith("Done: I've deleted this conversation")
    assert SlotSet(ERASE_SLOT, True) in events


def test_when_the_database_is_down_nothing_is_promised(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(privacy_actions.analytics, "erase_conversation", lambda sender: False)
    messages, events = run(ActionDeleteConversation(), intent="affirm")
    assert messages[0]["text"].startswith("Sorry, I couldn't delete your conversation just now")
    assert events == []


# --- the page ---------------------------------------------------------------------------------------

def test_the_page_says_what_is_kept_for_how_long_and_who_is_responsible() -> None:
    settings = PrivacySettings(public_url="https://x.example", retention_days=45,
                               controller_name="Example Department <script>",
                               controller_contact="dpo@example.gov.uk")
    page = privacy_page(settings)
    assert "deleted once it is 45 days old" in page
    assert "The data controller is Example Department &lt;script&gt;." in page
    assert 'href="mailto:dpo@example.gov.uk"' in page
    for heading in ("What the assistant keeps", "Why", "How long", "Your rights"):
        assert f">{heading}</h2>" in page


def test_without_a_configured_controller_the_page_names_nobody() -> None:
    page = privacy_page(PrivacySettings(public_url="https://x.example", retention_days=90))
    assert "has not configured its details on this server" in page
    assert "mailto:" not in page


def test_the_page_is_served_at_chat_privacy_with_the_content_security_policy(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("TECHTRACK_RETENTION_DAYS", "14")
    served = _serve("privacy")
    assert served.status == 200
    assert served.headers["Content-Security-Policy"] == CONTENT_SECURITY_POLICY
    body = served.body.decode()
    assert "deleted once it is 14 days old" in body and "<script>" not in body
    assert "$" not in body  # every placeholder filled


def test_the_careers_page_links_the_privacy_notice() -> None:
    assert 'href="/chat/privacy"' in _serve("").body.decode()


# --- deleting a conversation's analytics -----------------------------------------------------------

@pytest.mark.parametrize("kind", DATABASES)
def test_erasing_a_conversation_leaves_no_row_with_its_hashed_id(kind: str, tmp_path: Path) -> None:
    key = b"test-key"
    with fresh_database(kind, tmp_path) as url:
        upgrade(url)
        engine = sa.create_engine(url, future=True)
        mine, theirs = conversation_hash("rest:me", key), conversation_hash("rest:them", key)
        with engine.begin() as connection:
            for answer, who in (("a1", mine), ("a2", theirs)):
                connection.execute(sa.insert(FaqAnswer.__table__).values(
                    id=answer, conversation=who, entry_id="salary", confidence=0.9, created_at=utcnow()))
                connection.execute(sa.insert(Feedback.__table__).values(
                    answer_id=answer, helpful=False, created_at=utcnow()))
                connection.execute(sa.insert(Unanswered.__table__).values(
                    conversation=who, text="x", kind="unanswered", created_at=utcnow()))
                connection.execute(sa.insert(EligibilityOutcome.__table__).values(
                    conversation=who, verdict="eligible", failed_criteria="", created_at=utcnow()))
        deleted = erase_analytics(engine, mine)
        assert deleted == {"tt_feedback": 1, "tt_faq_answers": 1, "tt_unanswered": 1,
                           "tt_eligibility_outcomes": 1}
        with engine.connect() as connection:
            for table in ("tt_faq_answers", "tt_unanswered", "tt_eligibility_outcomes"):
                left = connection.execute(sa.text(f"SELECT conversation FROM {table}")).scalars().all()
                assert left == [theirs], table
            assert connection.execute(sa.text("SELECT answer_id FROM tt_feedback")).scalars().all() == ["a2"]
        engine.dispose()


@pytest.mark.parametrize("kind", DATABASES)
def test_the_tracker_store_deletes_a_conversation_instead_of_saving_it_once_confirmed(
    kind: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from rasa.shared.core.domain import Domain
    from rasa.shared.core.events import SlotSet as RasaSlotSet
    from rasa.shared.core.events import UserUttered

    from bot.storage.tracker_store import TechTrackTrackerStore

    with fresh_database(kind, tmp_path) as url:
        monkeypatch.setenv("DATABASE_URL", url)
        domain = Domain.from_dict({"slots": {ERASE_SLOT: {
            "type": "bool", "influence_conversation": False, "mappings": [{"type": "custom"}]}}})
        store = TechTrackTrackerStore(domain=domain)

        async def conversation() -> tuple[object, object]:
            for sender, said in (("rest:me", "I'm 24 and British"), ("rest:them", "hello")):
                tracker = await store.get_or_create_tracker(sender)
                tracker.update(UserUttered(said))
                await store.save(tracker)
            mine = await store.get_or_create_tracker("rest:me")
            mine.update(UserUttered("delete my conversation"))
            mine.update(RasaSlotSet(ERASE_SLOT, True))
            await store.save(mine)
            return await store.retrieve("rest:me"), await store.retrieve("rest:them")

        gone, kept = asyncio.run(conversation())
        assert gone is None and kept is not None
        assert rows(url, "SELECT count(*) FROM events WHERE sender_id = 'rest:me'") == [(0,)]
        assert rows(url, "SELECT count(*) FROM events WHERE sender_id = 'rest:them' "
                         "AND type_name = 'user'") == [(1,)]
        store.engine.dispose()


def test_the_role_is_listed_once_when_the_check_has_it() -> None:
    messages, _ = run(ActionShowStored(), intent="what_stored", slots={
        "role": "devops_engineer", slot_for("role"): "devops_engineer"}, events=[{"event": "user"}])
    text = messages[0]["text"]
    assert "- Role: DevOps Engineer" in text and "interested in" not in text
