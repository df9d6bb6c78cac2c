"""The privacy notice: who runs the bot (as configured, never invented), what it keeps and for how
long, and the rights people have. It is said in the chat before the first reply of a widget, Teams
or Slack conversation, and served in full as a page at /chat/privacy (web/privacy.html).

Settings (environment):
- TECHTRACK_PUBLIC_URL: the address the bot is reached at from outside (https://…), so that the
  notice can link to the page in every channel; http://localhost:5005 in development.
- TECHTRACK_CONTROLLER_NAME and TECHTRACK_CONTROLLER_CONTACT: the data controller (the organisation
  responsible for the data) and how to contact them about it (an email address or an https:// web
  page). With none set the page says so plainly rather than naming anybody.
- TECHTRACK_RETENTION_DAYS (bot/storage/settings.py): how long conversations are kept.
"""

from __future__ import annotations

import html
import os
from collections.abc import Mapping
from dataclasses import dataclass
from urllib.parse import urlsplit

from bot.settings import LOCAL_HOSTS, SettingsError, looks_like_email
from bot.storage.settings import StorageSettings
from bot.web_pages import PRIVACY_TITLE, page, privacy_content

PUBLIC_URL_ENV = "TECHTRACK_PUBLIC_URL"
CONTROLLER_NAME_ENV = "TECHTRACK_CONTROLLER_NAME"
CONTROLLER_CONTACT_ENV = "TECHTRACK_CONTROLLER_CONTACT"
DEVELOPMENT_PUBLIC_URL = "http://localhost:5005"
PRIVACY_PATH = "/chat/privacy"
MAX_SETTING_CHARS = 200

# Channels whose people see the notice in the chat. The REST API's client shows its own notice, and
# `rasa shell` is for staff.
NOTICE_CHANNELS = frozenset({"socketio", "teams", "slack"})
NOTICE_SHOWN_SLOT = "privacy_notice_shown"
SESSION_START_METADATA_SLOT = "session_started_metadata"


def session_channel(slots: Mapping[str, object]) -> str | None:
    """The channel that started this session (set by bot/channels/common.py, never by a client)."""
    metadata = slots.get(SESSION_START_METADATA_SLOT)
    channel = metadata.get("channel") if isinstance(metadata, dict) else None
    return channel if isinstance(channel, str) else None


def notice_due(slots: Mapping[str, object]) -> bool:
    """Whether a new session shows the notice: on a notice channel, once per conversation. Decided
    here for the action server's `action_session_start` and for the Rasa server, which starts the
    sessions that show none itself (bot/dev/rasa_speedups.py)."""
    return not slots.get(NOTICE_SHOWN_SLOT) and session_channel(slots) in NOTICE_CHANNELS


@dataclass(frozen=True)
class PrivacySettings:
    public_url: str
    retention_days: int
    controller_name: str | None = None
    controller_contact: str | None = None

    @classmethod
    def from_env(cls, env: Mapping[str, str] = os.environ) -> PrivacySettings:
        return cls(
            public_url=_public_url(env),
            retention_days=StorageSettings.from_env(env).retention_days,
            controller_name=_plain(env, CONTROLLER_NAME_ENV),
            controller_contact=_contact(env),
        )

    @property
    def page_url(self) -> str:
        return self.public_url + PRIVACY_PATH


def _plain(env: Mapping[str, str], name: str) -> str | None:
    value = " ".join(env.get(name, "").split())
    if len(value) > MAX_SETTING_CHARS:
        raise SettingsError(f"{name} must be at most {MAX_SETTING_CHARS} characters")
    return value or None


def _is_web_address(value: str) -> bool:
    try:
        parts = urlsplit(value)
        host = parts.hostname
    except ValueError:
        return False
    if not host or any(c.isspace() for c in value):
        return False
    return parts.scheme == "https" or (parts.scheme == "http" and host in LOCAL_HOSTS)


def _public_url(env: Mapping[str, str]) -> str:
    raw = env.get(PUBLIC_URL_ENV, "").strip().rstrip("/")
    if not raw:
        return DEVELOPMENT_PUBLIC_URL
    if not _is_web_address(raw) or urlsplit(raw).query or urlsplit(raw).fragment:
        raise SettingsError(f"{PUBLIC_URL_ENV} must be the bot's https:// address (http://localhost "
                            f"only in development), not {raw!r}")
    return raw


def _contact(env: Mapping[str, str]) -> str | None:
    value = _plain(env, CONTROLLER_CONTACT_ENV)
    if value and not (looks_like_email(value) or _is_web_address(value)):
        raise SettingsError(f"{CONTROLLER_CONTACT_ENV} must be an email address or an https:// web "
                            f"page, not {value!r}")
    return value


def chat_notice(settings: PrivacySettings) -> str:
    """What the chat says before its first reply."""
    return (
        f"Before we start: this chat keeps what you type for {settings.retention_days} days, to answer "
        "you and to improve the answers, and then deletes it. Please don't type your name, email "
        "address or phone number. You can ask \"what have you stored about me?\" or say \"delete my "
        f"conversation\" at any time. Privacy notice: {settings.page_url}"
    )


def _controller_html(settings: PrivacySettings) -> str:
    if not settings.controller_name:
        return ("<p class=\"govuk-body\">The organisation running this service has not configured "
                "its details on this server, so this page cannot name it. Ask whoever pointed you "
                "to this chat who runs it.</p>")
    name = html.escape(settings.controller_name)
    text = f"<p class=\"govuk-body\">The data controller is {name}."
    contact = settings.controller_contact
    if contact and looks_like_email(contact):
        address = html.escape(contact, quote=True)
        text += (f" To ask about your data, email <a class=\"govuk-link\" href=\"mailto:{address}\">"
                 f"{address}</a>.")
    elif contact:
        address = html.escape(contact, quote=True)
        text += (f" To ask about your data, use <a class=\"govuk-link\" href=\"{address}\">their "
                 "contact page</a>.")
    return text + "</p>"


def privacy_page(settings: PrivacySettings) -> str:
    """The privacy page: web/privacy.html with this server's settings filled in, in the layout."""
    content = privacy_content({"retention_days": str(settings.retention_days),
                               "controller": _controller_html(settings)})
    return page(content, PRIVACY_TITLE)


# --- data rights in the chat ----------------------------------------------------------------------

CONFIRM_DELETE = (
    "Do you want me to delete this conversation? I'll delete everything you've told me in it, your "
    "answers included, and every statistics record linked to it. This can't be undone."
)
DELETE_BUTTONS = (("Yes, delete it", "/affirm"), ("No, keep it", "/deny"))
DELETED = (
    "Done: I've deleted this conversation and every statistics record linked to it. If you carry "
    "on chatting, it starts a new conversation."
)
DELETE_FAILED = (
    "Sorry, I couldn't delete your conversation just now: our database isn't answering. Nothing "
    "has been deleted. Please try again in a few minutes."
)
DELETE_CANCELLED = "OK, I haven't deleted anything."


def stored_summary(messages: int, role: str | None, answers: list[tuple[str, str]],
                   settings: PrivacySettings) -> str:
    """What "what have you stored about me?" says: the answers this conversation keeps."""
    lines = [f"In this conversation I've kept the {messages} message{'s' if messages != 1 else ''} "
             "you've sent and my replies"]
    kept = ([("Role you're interested in", role)] if role else []) + answers
    if kept:
        lines[0] += ", and these answers:"
        lines += [f"- {label}: {value}" for label, value in kept]
        lines.append("")
    else:
        lines[0] += ". You haven't told me any answers yet."
    lines.append(
        f"Everything is deleted once it is {settings.retention_days} days old. The statistics kept "
        "about the service (which answers were given, whether they helped) carry a scrambled id, "
        "never your answers. Say \"delete my conversation\" to delete it all now. More in the "
        f"privacy notice: {settings.page_url}"
    )
    return "\n".join(lines)
