"""The route to a person: the admissions team's contact when one is configured (TECHTRACK_CONTACT_*),
and with none, no button that promises a person and a plain statement of where to look."""

from __future__ import annotations

import asyncio
import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from rasa_sdk import Action
from rasa_sdk.executor import CollectingDispatcher

from actions.eligibility import ActionEligibilityNextSteps, ActionEligibilityVerdict
from actions.faq import ActionDontKnow, ActionHumanHandoff, ActionSpecialCase
from bot.eligibility.conversation import slot_for, verdict, verdict_next_steps
from bot.settings import NO_CONTACT_ROUTE, Contact, SettingsError, load_settings
from tests.helpers.trackers import make_tracker

ROOT = Path(__file__).resolve().parents[2]
URL = "https://forms.example.gov.uk/techtrack"
EMAIL = "techtrack-admissions@example.gov.uk"
PHONE = "+44 20 7946 0000"
ELIGIBLE = {"role": "software_developer", "age": 30, "nationality": "uk",
            "residence_years": "all_my_life", "student_loan": "no", "other_programme": "no",
            "prior_qualification": "no", "works_in_england": "yes"}
AFTER_VERDICT = [{"event": "action", "name": "action_listen"}, {"event": "user"},
                 {"event": "action", "name": "action_eligibility_verdict"},
                 {"event": "action", "name": "action_listen"}, {"event": "user"}]


def run(action: Action, **tracker_args: Any) -> list[dict[str, Any]]:
    dispatcher = CollectingDispatcher()
    asyncio.run(action.run(dispatcher, make_tracker(**tracker_args), domain={}))
    return dispatcher.messages


def payloads(message: dict[str, Any]) -> list[str]:
    return [button["payload"] for button in message.get("buttons") or []]


def configure(monkeypatch: pytest.MonkeyPatch, url: str | None = URL, email: str | None = EMAIL,
              phone: str | None = PHONE) -> None:
    for name, value in (("URL", url), ("EMAIL", email), ("PHONE", phone)):
        if value is not None:
            monkeypatch.setenv(f"TECHTRACK_CONTACT_{name}", value)


def run_verdict() -> dict[str, Any]:
    slots = {slot_for(q): v for q, v in ELIGIBLE.items()}
    return run(ActionEligibilityVerdict(), text="no", intent="deny", slots=slots, active_loop={})[0]


# Settings


def test_no_contact_is_configured_by_default() -> None:
    settings = load_settings({})
    assert settings.contact == Contact()
    assert not settings.offers_person
    assert settings.human_route == NO_CONTACT_ROUTE


def test_any_subset_of_the_contact_can_be_configured() -> None:
    settings = load_settings({"TECHTRACK_CONTACT_EMAIL": f"  {EMAIL} "})
    assert settings.offers_person
    assert settings.contact == Contact(email=EMAIL)
    assert settings.human_route.endswith(f"contact the TechTrack admissions team: email {EMAIL}.")
    everything = load_settings({"TECHTRACK_CONTACT_URL": URL, "TECHTRACK_CONTACT_EMAIL": EMAIL,
                                "TECHTRACK_CONTACT_PHONE": PHONE}).human_route
    assert f"web form {URL}, email {EMAIL}, phone {PHONE}." in everything


def test_a_local_web_form_is_allowed_for_development() -> None:
    url = "http://localhost:8000/contact"
    assert load_settings({"TECHTRACK_CONTACT_URL": url}).contact.url == url


@pytest.mark.parametrize(("name", "value"), [
    ("TECHTRACK_CONTACT_URL", "http://forms.example.gov.uk/techtrack"),
    ("TECHTRACK_CONTACT_URL", "forms.example.gov.uk"),
    ("TECHTRACK_CONTACT_URL", "javascript:alert(1)"),
    ("TECHTRACK_CONTACT_URL", "https://"),
    ("TECHTRACK_CONTACT_URL", "https://example.gov.uk/a form"),
    ("TECHTRACK_CONTACT_EMAIL", "admissions"),
    ("TECHTRACK_CONTACT_EMAIL", "admissions@example"),
    ("TECHTRACK_CONTACT_EMAIL", "a b@example.gov.uk"),
    ("TECHTRACK_CONTACT_PHONE", "call us"),
    ("TECHTRACK_CONTACT_PHONE", "020-7946-0000"),
    ("TECHTRACK_CONTACT_PHONE", "44+20"),
])
def test_a_contact_that_is_not_one_stops_start_up_naming_the_variable(name: str, value: str) -> None:
    with pytest.raises(SettingsError, match=name):
        load_settings({name: value})


# What the bot says


def test_with_a_contact_the_handoff_gives_it(monkeypatch: pytest.MonkeyPatch) -> None:
    configure(monkeypatch)
    text = run(ActionHumanHandoff(), text="how do I contact the admissions team then?",
               intent="human_handoff")[0]["text"]
    assert text == ("I can't put you through to a person from this chat, but you can contact the "
                    f"TechTrack admissions team: web form {URL}, email {EMAIL}, phone {PHONE}.")


def test_with_a_contact_the_dont_know_and_own_application_replies_give_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    configure(monkeypatch, url=None, phone=None)
    assert EMAIL in run(ActionDontKnow(), text="zzz", intent="nlu_fallback")[0]["text"]
    assert EMAIL in run(ActionSpecialCase(), text="did I pass?", intent="own_application")[0]["text"]


def test_with_a_contact_the_verdict_offers_it(monkeypatch: pytest.MonkeyPatch) -> None:
    configure(monkeypatch, url=None, email=None)
    assert payloads(run_verdict())[-1] == "/human_handoff"
    _, reply = verdict(ELIGIBLE, offer_person=True)
    assert reply.buttons[-1].payload == "/human_handoff"
    next_steps = run(ActionEligibilityNextSteps(), text="what now?", intent="next_steps",
                     slots={slot_for(q): v for q, v in ELIGIBLE.items()}, active_loop={},
                     events=AFTER_VERDICT)[0]
    assert payloads(next_steps)[-1] == "/human_handoff"


def test_without_a_contact_the_verdict_offers_no_person() -> None:
    assert "/human_handoff" not in payloads(run_verdict())
    _, reply = verdict(ELIGIBLE)
    assert "/human_handoff" not in [b.payload for b in reply.buttons]
    assert "/human_handoff" not in [b.payload for b in verdict_next_steps(ELIGIBLE).buttons]
    assert [b.payload for b in reply.buttons] == ["/ask_question"]


def invented_address(text: str) -> list[str]:
    """Anything that looks like an address, an email or a phone number."""
    return re.findall(r"https?://|www\.|\S+@\S+|\.(?:gov|co|org)\.uk|\d{3,}", text)


def test_without_a_contact_the_handoff_says_where_to_look_and_invents_nothing() -> None:
    text = run(ActionHumanHandoff(), text="can I speak to a real person", intent="human_handoff")[0]
    assert text["text"] == NO_CONTACT_ROUTE
    assert "I have no contact details for the TechTrack admissions team" in text["text"]
    assert not text.get("buttons")
    for message in (text, run(ActionDontKnow(), text="zzz", intent="nlu_fallback")[0],
                    run(ActionSpecialCase(), text="did I pass?", intent="own_application")[0]):
        assert invented_address(message["text"]) == []


# No button promises a person from a static response or a hard-coded reply


def test_no_static_response_offers_a_person() -> None:
    domain = yaml.safe_load((ROOT / "domain.yml").read_text())
    for name, variants in domain["responses"].items():
        for variant in variants:
            assert "/human_handoff" not in [b["payload"] for b in variant.get("buttons", [])], name


def test_talk_to_a_person_is_promised_nowhere() -> None:
    files = [ROOT / "domain.yml", *(ROOT / "data").rglob("*.yml"),
             *(ROOT / "bot").rglob("*.py"), *(ROOT / "actions").rglob("*.py")]
    assert [f for f in files if "Talk to a person" in f.read_text()] == []
