"""Settings read from the environment (never secrets in files), with their defaults."""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from dataclasses import dataclass
from urllib.parse import urlsplit

from bot.nlu.faq_decision import Thresholds

CONTACT_URL_ENV = "TECHTRACK_CONTACT_URL"
CONTACT_EMAIL_ENV = "TECHTRACK_CONTACT_EMAIL"
CONTACT_PHONE_ENV = "TECHTRACK_CONTACT_PHONE"
HUMAN_ROUTE_ENV = "TECHTRACK_HUMAN_ROUTE"

# Said when no contact is configured: where to look, never an invented address.
NO_CONTACT_ROUTE = (
    "I can't put you through to a person from this chat, and I have no contact details for the "
    "TechTrack admissions team to give you. Where you found the TechTrack vacancy is the place to "
    "look for them."
)
# Kept for the tests and anything else that imported the old name.
DEFAULT_HUMAN_ROUTE = NO_CONTACT_ROUTE

PHONE = re.compile(r"\+?[0-9][0-9 ]*[0-9]")
LOCAL_HOSTS = ("localhost", "127.0.0.1")


class SettingsError(ValueError):
    """A setting has a value the bot must not use; the message names the variable."""


@dataclass(frozen=True)
class Contact:
    """How to reach the TechTrack admissions team, as configured (any subset, or none)."""

    url: str | None = None
    email: str | None = None
    phone: str | None = None

    @property
    def configured(self) -> bool:
        return bool(self.url or self.email or self.phone)

    def details(self) -> str:
        parts = [
            f"{label} {value}" for label, value in
            (("web form", self.url), ("email", self.email), ("phone", self.phone)) if value
        ]
        return ", ".join(parts)


@dataclass(frozen=True)
class Settings:
    human_route: str
    faq_thresholds: Thresholds
    contact: Contact = Contact()

    @property
    def offers_person(self) -> bool:
        """Whether to offer the button to contact the admissions team: only when there is a contact."""
        return self.contact.configured


def contact_route(contact: Contact) -> str:
    return (
        "I can't put you through to a person from this chat, but you can contact the TechTrack "
        f"admissions team: {contact.details()}."
    )


def _float(env: Mapping[str, str], name: str, default: float) -> float:
    raw = env.get(name, "").strip()
    if not raw:
        return default
    try:
        value = float(raw)
    except ValueError as exc:
        raise SettingsError(f"{name} must be a number between 0 and 1, not {raw!r}") from exc
    if not 0.0 <= value <= 1.0:
        raise SettingsError(f"{name} must be between 0 and 1, not {value}")
    return value


def _url(env: Mapping[str, str]) -> str | None:
    raw = env.get(CONTACT_URL_ENV, "").strip()
    if not raw:
        return None
    try:
        parts = urlsplit(raw)
        host = parts.hostname
    except ValueError:
        parts, host = None, None
    secure = parts is not None and parts.scheme == "https" and bool(host)
    local = parts is not None and parts.scheme == "http" and host in LOCAL_HOSTS
    if any(c.isspace() for c in raw) or not (secure or local):
        raise SettingsError(
            f"{CONTACT_URL_ENV} must be the web form's https:// address (http://localhost only in "
            f"development), not {raw!r}"
        )
    return raw


def looks_like_email(value: str) -> bool:
    """name@domain.tld, without spaces (checked without a regex: a search for one is quadratic)."""
    local, at, domain = value.partition("@")
    labels = domain.split(".")
    return (bool(at and local) and "@" not in domain and not any(c.isspace() for c in value)
            and len(labels) > 1 and all(labels))


def _email(env: Mapping[str, str]) -> str | None:
    raw = env.get(CONTACT_EMAIL_ENV, "").strip()
    if raw and not looks_like_email(raw):
        raise SettingsError(f"{CONTACT_EMAIL_ENV} must be an email address like name@example.gov.uk, "
                            f"not {raw!r}")
    return raw or None


def _phone(env: Mapping[str, str]) -> str | None:
    raw = " ".join(env.get(CONTACT_PHONE_ENV, "").split())
    if raw and not PHONE.fullmatch(raw):
        raise SettingsError(f"{CONTACT_PHONE_ENV} must be a phone number (digits, spaces and a "
                            f"leading +), not {raw!r}")
    return raw or None


def load_contact(env: Mapping[str, str] = os.environ) -> Contact:
    return Contact(url=_url(env), email=_email(env), phone=_phone(env))


def human_route(env: Mapping[str, str], contact: Contact) -> str:
    """What the bot says when someone asks for a person or it cannot answer: the configured contact;
    with none, TECHTRACK_HUMAN_ROUTE if set, else where to look. TECHTRACK_HUMAN_ROUTE set as well as
    a contact comes first, then the contact."""
    custom = env.get(HUMAN_ROUTE_ENV, "").strip()
    if not contact.configured:
        return custom or NO_CONTACT_ROUTE
    route = contact_route(contact)
    return f"{custom}\n\n{route}" if custom else route


def load_settings(env: Mapping[str, str] = os.environ) -> Settings:
    """The bot's settings; a SettingsError naming the variable when one has a value it must not use."""
    contact = load_contact(env)
    return Settings(
        human_route=human_route(env, contact),
        faq_thresholds=Thresholds(
            answer=_float(env, "TECHTRACK_FAQ_ANSWER_CONFIDENCE", Thresholds.answer),
            margin=_float(env, "TECHTRACK_FAQ_ANSWER_MARGIN", Thresholds.margin),
            clarify=_float(env, "TECHTRACK_FAQ_MIN_CONFIDENCE", Thresholds.clarify),
            single_word_answer=_float(env, "TECHTRACK_FAQ_ONE_WORD_CONFIDENCE",
                                      Thresholds.single_word_answer),
        ),
        contact=contact,
    )
