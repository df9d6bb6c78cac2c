"""What the bot says for FAQ answers, role questions and "I don't know", as plain data.

The Rasa actions in actions/ only read the tracker and send these replies.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from bot.corpus.model import FaqEntry
from bot.roles import ROLES

ALL_ROLES = "all"


@dataclass(frozen=True)
class Button:
    title: str
    payload: str


@dataclass(frozen=True)
class Reply:
    text: str
    buttons: tuple[Button, ...] = field(default_factory=tuple)


def role_payload(role: str) -> str:
    return "/inform_role" + json.dumps({"role": role})


def role_buttons() -> tuple[Button, ...]:
    return (
        *(Button(role.name, role_payload(role.key)) for role in ROLES.values()),
        Button("All roles", role_payload(ALL_ROLES)),
    )


def ask_which_role(entry: FaqEntry) -> Reply:
    return Reply(
        f"The answer to that depends on the role ({entry.title.lower()}). "
        "Which role are you asking about?",
        role_buttons(),
    )


CHECK_BUTTON = Button("Check if I'm eligible", "/check_eligibility")


def faq_answer(entry: FaqEntry, role: str | None, offer_check: bool = False) -> Reply:
    """The entry's answer for `role`; the all-roles answer when no role is given."""
    return Reply(entry.answer_for(role), (CHECK_BUTTON,) if offer_check else ())


def role_noted(role: str) -> Reply:
    chosen = ROLES[role]
    return Reply(
        f"Thanks: I'll tailor my answers to the {chosen.name} role (training provider: "
        f"{chosen.provider}). What would you like to know?"
    )


def all_roles_noted() -> Reply:
    return Reply("OK: I'll answer for all four roles. What would you like to know?")


def which_role_unclear() -> Reply:
    return Reply("Sorry, I didn't catch which role you mean. Please pick one:", role_buttons())


def dont_know(human_route: str) -> Reply:
    return Reply(
        "Sorry, I don't know the answer to that. I can only answer from the published TechTrack "
        f"FAQ, and I'd rather not guess.\n\n{human_route}"
    )

