"""What the bot says for FAQ answers, role questions and "I don't know", as plain data.

The Rasa actions in actions/ only read the tracker and send these replies.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field

from bot.corpus.model import FaqEntry
from bot.roles import ALL_ROLES, ROLES


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


def place_not_listed(text: str, answer: str) -> str | None:
    """ "is there one in bristol?" with the locations answer: a place in England the FAQ's list of
    offices doesn't name is said not to be on it (the list says "include", so not that there is
    none there)."""
    lowered = " ".join(text.lower().split())
    in_england, elsewhere = _places_named(lowered, countries_elsewhere=True)
    missing = [name for name in in_england if name not in answer.lower()]
    if not missing and elsewhere and not in_england and not re.search(r"\b(?:england|english)\b", lowered):
        # "is there an office in scotland?": not in England, where every apprentice is based
        return outside_england(elsewhere[0])
    if not missing:
        return None
    place = missing[0].title()
    return (f"{place} isn't one of the office locations the FAQ names. The list isn't complete, and "
            f"your office depends on the department you're matched with, so the admissions team can "
            f"say whether there are roles near {place}.")


def _places_named(lowered: str, countries_elsewhere: bool) -> tuple[list[str], list[str]]:
    """The places in England a message names (not England itself), and those in the UK outside it
    (their adjectives never; the countries themselves only with `countries_elsewhere`)."""
    from bot.eligibility.answers.text import mentions
    from bot.eligibility.places import ENGLAND, UK_OUTSIDE_ENGLAND

    countries = {"wales", "scotland", "northern ireland"}
    not_places = {"welsh", "scottish"} | (set() if countries_elsewhere else countries)
    return ([name for _, name in mentions(lowered, ENGLAND) if name not in ("england", "english", "uk")],
            [name for _, name in mentions(lowered, UK_OUTSIDE_ENGLAND) if name not in not_places])


def outside_england(place: str) -> str:
    """A place in the UK outside England, asked about as an office's: not in England, where the FAQ
    says every apprentice is based."""
    return (f"{place.title()} isn't in England: the FAQ says all apprentices are expected to be based in "
            f"England for the duration of their apprenticeship, and its office locations are across England.")


def place_followed_up(text: str, answer: str) -> str | None:
    """ "what about bristol?", "bham?" after the locations answer: whether the FAQ's list of offices names
    the place ("what about glasgow?": that it isn't in England); None when the message names no place."""
    from bot.eligibility.places import nicknames_as_names

    lowered = nicknames_as_names(" ".join(text.lower().split()))
    # ("what about scotland?" may not be about an office: only a town there is said to be outside England)
    named, elsewhere = _places_named(lowered, countries_elsewhere=False)
    if not named and elsewhere:
        return outside_england(elsewhere[0])  # "what about glasgow?"
    if not named:
        return None
    if named[0] in answer.lower():
        return (f"Yes: {named[0].title()} is one of the office locations the FAQ names. Your office depends "
                f"on the department you're matched with.")
    return place_not_listed(lowered, answer)


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


def not_in_the_faq(topic: str, human_route: str) -> Reply:
    """A question on a topic the FAQ doesn't cover ("how much annual leave do apprentices get?")."""
    return Reply(f"The published TechTrack FAQ doesn't cover {topic}, so I don't know, and I'd rather not "
                 f"guess.\n\n{human_route}")


def dont_know(human_route: str) -> Reply:
    return Reply(
        "Sorry, I don't know the answer to that. I can only answer from the published TechTrack "
        f"FAQ, and I'd rather not guess.\n\n{human_route}"
    )



SOMETHING_ELSE = Button("Something else", "/something_else")


def faq_button(entry: FaqEntry) -> Button:
    return Button(entry.title, f"/faq/{entry.id}")


def did_you_mean(entries: list[FaqEntry]) -> Reply:
    return Reply("Did you mean one of these?", (*map(faq_button, entries), SOMETHING_ELSE))


def several_questions(entries: list[FaqEntry]) -> Reply:
    return Reply(
        SEVERAL_QUESTIONS,
        (*map(faq_button, entries), SOMETHING_ELSE),
    )


def rephrase() -> Reply:
    return Reply(
        "OK. Could you put your question another way? A short question about one thing works best."
    )


# Offered only when a contact is configured (bot/settings.py): with none, there is nobody to offer.
HANDOFF_BUTTON = Button("Contact the admissions team", "/human_handoff")


def person_buttons(offer_person: bool) -> tuple[Button, ...]:
    return (HANDOFF_BUTTON,) if offer_person else ()


# "r u a real person", "am I talking to a human?": whether the bot is a person, not a request for one
ASKS_IF_A_PERSON = re.compile(r"\b(?:are|r)\s(?:you|u|ya)\s(?:a\s|an\s)?(?:real|human|person|bot|robot|ai|"
                              r"machine|computer)\b|\bam i (?:talking|speaking|chatting) (?:to|with)\b|"
                              r"^\s*(?:is this|is that) (?:a\s)?(?:real|human|bot|robot)\b")


def human_handoff(human_route: str, text: str = "") -> Reply:
    """ "Can I speak to a person?": the configured contact, or where to look for it; said to be a
    bot first when asked whether it is a person."""
    if ASKS_IF_A_PERSON.search(text.lower()):
        return Reply(f"No, I'm a bot: TechTrack Assistant, an automated helper.\n\n{human_route}")
    return Reply(human_route)


def still_stuck(human_route: str, offer_person: bool = False) -> Reply:
    """The second failure in a row: stop trying and give the route to a person."""
    return Reply(
        "Sorry, I still can't find an answer to that, and I don't want to guess. A person can "
        f"help.\n\n{human_route}",
        person_buttons(offer_person),
    )


WHAT_I_CAN_DO = (
    "I can answer questions about TechTrack, the Civil Service digital apprenticeship programme, "
    "and check whether you're eligible."
)
HELP_BUTTONS = (CHECK_BUTTON, Button("Ask a question", "/ask_question"))


def out_of_scope() -> Reply:
    return Reply(f"Sorry, that's not something I can help with. {WHAT_I_CAN_DO}", HELP_BUTTONS)


def non_english() -> Reply:
    return Reply(
        "Sorry, I can only answer in English for now. "
        f"{WHAT_I_CAN_DO} Please ask your question in English.",
    )


def own_application(human_route: str) -> Reply:
    return Reply(
        "I can't see applications or anyone's personal details, so I can't tell you about yours."
        f"\n\n{human_route}"
    )


def abuse() -> Reply:
    return Reply(f"I'm a bot, so I may not always get it right. {WHAT_I_CAN_DO}", HELP_BUTTONS)


def distress() -> Reply:
    return Reply(
        "I'm sorry you're feeling like this. You don't have to go through it alone.\n\n"
        "- Samaritans: call 116 123, free, any time, day or night.\n"
        "- NHS 111: call 111, or 999 if you or someone else is in danger right now.\n\n"
        "I'm only a bot about apprenticeships, so please talk to one of them."
    )


FEEDBACK_INTENT = "feedback"
HELPFUL_ENTITY = "helpful"
ANSWER_ENTITY = "answer_ref"
FEEDBACK_THANKS = "Thanks for letting me know. It helps us improve the answers."
FEEDBACK_NOTHING_TO_RATE = (
    "Thanks. I couldn't tell which answer you meant: use the buttons under an answer to say "
    "whether it helped."
)


def feedback_payload(answer_id: str, helpful: bool) -> str:
    return "/" + FEEDBACK_INTENT + json.dumps(
        {HELPFUL_ENTITY: "yes" if helpful else "no", ANSWER_ENTITY: answer_id}
    )


def with_feedback_buttons(reply: Reply, answer_id: str) -> Reply:
    """The reply with "Was this helpful?" buttons that carry the recorded answer's id."""
    return Reply(reply.text, (
        *reply.buttons,
        Button("Yes, this helped", feedback_payload(answer_id, True)),
        Button("No, this didn't help", feedback_payload(answer_id, False)),
    ))


def feedback_thanks() -> Reply:
    return Reply(FEEDBACK_THANKS)


def feedback_nothing_to_rate() -> Reply:
    return Reply(FEEDBACK_NOTHING_TO_RATE)


# After "No, this didn't help": one optional question (feedback_detail_form, actions/feedback.py).
# The Skip button sends `deny`, an intent the domain already has.
SKIP_BUTTON = Button("Skip", "/deny")
LOOKING_FOR_QUESTION = (
    "Thanks for letting me know. What were you looking for? A few words help us improve the "
    "answers (please leave out personal details). This is optional: press Skip to carry on."
)
LOOKING_FOR_THANKS = "Thanks, I've noted that. It helps us improve the answers."
# Asked after a skip, an acknowledgement or thanks; a "no" to it ends the chat (actions/faq.py).
ANYTHING_ELSE = "Is there anything else you'd like to know"
LOOKING_FOR_SKIPPED = f"No problem. {ANYTHING_ELSE}?"


def ask_looking_for() -> Reply:
    return Reply(LOOKING_FOR_QUESTION, (SKIP_BUTTON,))


def looking_for_thanks() -> Reply:
    return Reply(LOOKING_FOR_THANKS)


def looking_for_skipped() -> Reply:
    return Reply(LOOKING_FOR_SKIPPED)


# Follow-ups (bot/followups.py, actions/faq.py).
def acknowledged() -> Reply:
    return Reply(f"OK. {ANYTHING_ELSE} about TechTrack?", HELP_BUTTONS)


def asked_anything_else(bot_text: str) -> bool:
    """Whether the bot's last message asked whether there is anything else (so "no" ends the chat)."""
    return ANYTHING_ELSE in bot_text


def nothing_else() -> Reply:
    """ "No" to "anything else?": the conversation ends, politely and without asking again."""
    return Reply("OK, thanks for chatting. Good luck with your application! If anything else comes "
                 "up, just ask me here.")


def go_ahead() -> Reply:
    """ "Yes" to "anything else?": an invitation to ask, not the same question again."""
    return Reply("Go ahead: ask me anything about TechTrack in your own words, or I can check "
                 "whether you can apply.", (CHECK_BUTTON,))


def who_to_ask(contacts: list[str]) -> Reply:
    """ "who do I ask about that?" after an answer that names whom to ask."""
    named = contacts[0] if len(contacts) == 1 else ", ".join(contacts[:-1]) + " or " + contacts[-1]
    return Reply(f"The answer above says to ask {named}.")


def same_for_every_role(role: str) -> Reply:
    """ "and for devops?" after an answer that doesn't differ by role."""
    return Reply(f"That answer is the same for every role, {ROLES[role].name} included:")


def emoji_reply() -> Reply:
    return Reply(
        "🙂 I'm here when you have a question about TechTrack. Ask me in your own words, or I can "
        "check whether you can apply.",
        HELP_BUTTONS,
    )


def no_words() -> Reply:
    """ "?", "...", "42" said on their own: no question to answer (not the nearest entry's answer)."""
    return Reply(
        "I didn't catch a question there. Ask me about TechTrack in your own words, or I can check "
        "whether you can apply.",
        HELP_BUTTONS,
    )


ALSO_ASKED_ONE = "You also asked about this. Shall I answer it next?"
ALSO_ASKED_SEVERAL = "You also asked about these. Which next?"
SEVERAL_QUESTIONS = "That's more than one question: I'll answer them one at a time. Which first?"


def also_asked(entries: list[FaqEntry]) -> Reply:
    """After answering one of several questions: the others, one button each."""
    return Reply(ALSO_ASKED_ONE if len(entries) == 1 else ALSO_ASKED_SEVERAL, tuple(map(faq_button, entries)))


def offered_the_rest(bot_text: str) -> bool:
    """Whether the bot's last message offered to answer questions asked together, one at a time."""
    return any(offer in bot_text for offer in (ALSO_ASKED_ONE, ALSO_ASKED_SEVERAL, SEVERAL_QUESTIONS))
