"""The FAQ conversation's actions: answer, ask which role, "I don't know", and the special cases."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.common import (
    last_bot_buttons,
    last_bot_text,
    latest_intent,
    latest_text,
    remembered_role,
    role_events,
    role_in_message,
    role_kept_from_before,
    role_named_before_the_button,
    send,
    spacy_entities,
    verdict_given,
)
from bot import replies
from bot.corpus import FaqEntry, load_corpus
from bot.eligibility import conversation as check
from bot.eligibility.facts import asks_to_check
from bot.followups import (
    asks_for_the_other,
    asks_if_same_for_every_role,
    asks_who_to_ask,
    bare_acknowledgement,
    contacts_named,
    follows_up_for_a_role,
    means_every_role,
    moving_to,
    names_only_a_role,
    no_words,
    only_emoji,
    takes_up_the_offer,
)
from bot.nlu.faq_decision import (
    FaqRoute,
    decide_faq,
    faq_candidates,
    faq_parts,
    faq_parts_with_text,
    question_parts,
)
from bot.nlu.unknown_topics import OUTSIDE_TECHTRACK, names_techtrack, unknown_topic
from bot.roles import ROLES, find_role, find_roles, provider_named_for_another_role
from bot.settings import Settings, load_settings
from bot.storage import analytics


@lru_cache(maxsize=1)
def corpus() -> dict[str, FaqEntry]:
    return load_corpus()


def record_not_answered(tracker: Tracker, kind: str, candidates: list[str] | None = None) -> None:
    analytics.question_not_answered(
        tracker.sender_id, tracker.get_latest_input_channel(), latest_text(tracker), kind,
        candidates or (),
    )


def answered(tracker: Tracker, reply: replies.Reply, entry_id: str, role: str | None,
             confidence: float) -> replies.Reply:
    """Record the answer; add "Was this helpful?" buttons carrying its id (not during the
    eligibility check, where a button press would be taken for an answer)."""
    answer_id = analytics.faq_answered(
        tracker.sender_id, tracker.get_latest_input_channel(), entry_id, role, confidence
    )
    if (tracker.active_loop or {}).get("name"):
        return reply
    return replies.with_feedback_buttons(reply, answer_id)


LAST_FAQ_SLOT = "last_faq"
PENDING_QUESTIONS_SLOT = "pending_questions"


def questions_left(tracker: Tracker) -> list[FaqEntry]:
    """The questions still unanswered from a "That's more than one question... Which first?"."""
    left = tracker.get_slot(PENDING_QUESTIONS_SLOT) or []
    return [corpus()[i] for i in left if isinstance(i, str) and i in corpus()]


def answer_entry(dispatcher: CollectingDispatcher, tracker: Tracker, entry: FaqEntry,
                 role: str | None, confidence: float, facts: dict[str, Any] | None = None,
                 ) -> list[EventType]:
    """Answer `entry` for `role`, then offer what is left of several questions asked at once."""
    offer_check = entry.offers_check and not tracker.active_loop.get("name")
    answer = replies.faq_answer(entry, role, offer_check=offer_check)
    if entry.id == "locations":
        # "is there one in bristol?": said plainly when the place is not on the FAQ's list
        unlisted = replies.place_not_listed(latest_text(tracker), answer.text)
        answer = replies.Reply(f"{unlisted}\n\n{answer.text}", answer.buttons) if unlisted else answer
    send(dispatcher, answered(tracker, answer, entry.id, role, confidence))
    facts = facts if offer_check else {}
    if facts:
        # The question described the person: the check can start from what they said.
        send(dispatcher, replies.Reply(check.noted(facts), (replies.CHECK_BUTTON,)))
    before = questions_left(tracker)
    left = [other for other in before if other.id != entry.id]
    if left and len(left) < len(before):
        send(dispatcher, replies.also_asked(left))
    else:
        left = []
    # Facts noted from an earlier question are kept until the check starts (it said it noted them),
    # unless a later question brings facts of its own: those replace them, never merge with them
    # (an adviser asking about one client, then another).
    kept = facts or tracker.get_slot("pending_facts") or {}
    return [SlotSet("pending_faq", None), SlotSet("pending_facts", kept or None),
            SlotSet(LAST_FAQ_SLOT, entry.id), SlotSet(PENDING_QUESTIONS_SLOT, [e.id for e in left] or None)]


def not_in_the_faq(dispatcher: CollectingDispatcher, tracker: Tracker, topic: str) -> list[EventType]:
    """ "how much annual leave do apprentices get?": the FAQ doesn't say, rather than the nearest entry.
    Another employer's apprenticeships are declined as off-topic: the admissions team can't help."""
    if topic == OUTSIDE_TECHTRACK:
        send(dispatcher, replies.out_of_scope())  # (not recorded: no question about TechTrack)
        return [SlotSet("pending_faq", None), *role_kept_from_before(tracker)]
    record_not_answered(tracker, "unanswered")
    send(dispatcher, replies.not_in_the_faq(topic, load_settings().human_route))
    return [SlotSet("pending_faq", None)]


def about_it_alone(text: str) -> bool:
    """A short question about "it" or the person alone, naming nothing else: "is it free?", "can I do
    it part time", "what's the pass rate" (in this chat, TechTrack)."""
    words = re.findall(r"[a-z']+", text.lower())
    return len(words) <= 7 and not re.search(r"\b(?:for|at|in|of|with|on) (?:a|an|my|the|your)\b|"
                                             r"\bto (?:a|an|the)\b", text.lower())


def talked_about_techtrack(tracker: Tracker) -> bool:
    """Whether the conversation so far was about TechTrack: an answer given, a role named or the check."""
    return bool(tracker.get_slot(LAST_FAQ_SLOT) or tracker.get_slot("role") or
                check.answers_from_slots(tracker.slots))


def disputes_the_verdict(tracker: Tracker) -> bool:
    """After the verdict, an answer said again or corrected, unplaced by the classifier: "why? I
    said it ends in march"."""
    return not (tracker.active_loop or {}).get("name") and check.corrects_an_answer(
        latest_text(tracker), check.answers_from_slots(tracker.slots))


# No role chosen, said to "Which role are you asking about?": "not sure", "dunno yet", "any", "no idea"
ROLE_NOT_KNOWN = re.compile(r"^\W*(?:i'?m |im )?(?:not sure|unsure|dunno|don'?t know|no idea|"
                            r"haven'?t decided|not decided|undecided|any|any of them|doesn'?t matter|"
                            r"no preference|idk)\b(?:\s(?:yet|tbh|really|lol))?\W*$")


def names_the_answer_to_change(tracker: Tracker) -> bool:
    """ "the years one. 6 months amsterdam then 2 years uk", said to "Which answer would you like to
    change?" after a verdict: the answer named (not the FAQ's answer about the words it shares)."""
    return not (tracker.active_loop or {}).get("name") and \
        last_bot_text(tracker).startswith(check.which_answer().text) and \
        bool(check.mentioned_questions(latest_text(tracker), list(check.answers_from_slots(tracker.slots))))


def place_followup(dispatcher: CollectingDispatcher, tracker: Tracker) -> list[EventType] | None:
    """ "what about bristol?", "bham?" after the office locations: whether the FAQ's list names it."""
    text = latest_text(tracker)
    if tracker.get_slot(LAST_FAQ_SLOT) != "locations" or "locations" not in corpus() or \
            len(text.split()) > 6 or moving_to(text) or unknown_topic(text) is not None:
        return None  # ("is the bootcamp in london?": where the training is, which the FAQ doesn't say)
    said = replies.place_followed_up(text, corpus()["locations"].answer)
    if said is None:
        return None
    send(dispatcher, replies.Reply(said))
    return [SlotSet("pending_faq", None)]


def answer_followup(dispatcher: CollectingDispatcher, tracker: Tracker) -> list[EventType] | None:
    """Events when the latest message is a follow-up to what came before, else None: "and the
    other one?" after "Which first?", "what about cyber?" after a role-specific answer, a bare
    "ok"."""
    if (tracker.active_loop or {}).get("name"):
        return None
    text = latest_text(tracker)
    if names_the_answer_to_change(tracker):
        return [FollowupAction("action_change_answer")]
    waiting_for_a_role = corpus().get(tracker.get_slot("pending_faq") or "")
    if waiting_for_a_role is not None and role_in_message(tracker) is None and \
            ROLE_NOT_KNOWN.search(text.lower()):
        # "not sure", "dunno yet" to "Which role are you asking about?": the answer for every role
        return answer_entry(dispatcher, tracker, waiting_for_a_role, None, 1.0)
    if only_emoji(text):  # whatever the classifier made of it: no letters, no question
        send(dispatcher, replies.emoji_reply())
        return [SlotSet("pending_faq", None)]
    place = place_followup(dispatcher, tracker)
    if place is not None:
        return place
    moved_to = moving_to(text)
    entry_id = check.place_rule_entry(moved_to) if moved_to else None
    if entry_id and entry_id in corpus():
        # "what if I moved to Carlisle?": where they would work is the rule, not leaving the programme
        return answer_entry(dispatcher, tracker, corpus()[entry_id], remembered_role(tracker), 1.0)
    if asks_who_to_ask(text) and tracker.get_slot(LAST_FAQ_SLOT):
        # "who do I ask about that?" after an answer: whom it names, else the way to a person
        contacts = contacts_named(last_bot_text(tracker))
        if not contacts:
            return [FollowupAction("action_human_handoff")]
        send(dispatcher, replies.who_to_ask(contacts))
        return [SlotSet("pending_faq", None)]
    left = questions_left(tracker)
    if left and (asks_for_the_other(text) or (
            takes_up_the_offer(text) and replies.offered_the_rest(last_bot_text(tracker)))):
        # ("both please" to "Which first?", "yes" to "Shall I answer it next?": the first one left)
        entry, role = left[0], remembered_role(tracker)
        if entry.needs_role and role is None:
            send(dispatcher, replies.ask_which_role(entry))
            return [SlotSet("pending_faq", entry.id)]
        return answer_entry(dispatcher, tracker, entry, role, 1.0)
    last = corpus().get(tracker.get_slot(LAST_FAQ_SLOT) or "")
    if not left and last is not None and last.role_specific and asks_if_same_for_every_role(text):
        # "is that the same for all roles?" after a role's answer: the answer for every role
        return answer_entry(dispatcher, tracker, last, None, 1.0)
    other_role = role_before(tracker)
    if not left and last is not None and last.role_specific and other_role is not None and \
            asks_for_the_other(text) and re.search(r"\bthe other\b", text.lower()) and \
            role_in_message(tracker) is None:
        # "and the other one?" after answers for DevOps, then Cyber: the last answer for DevOps
        return [*role_events(tracker, other_role), *answer_entry(dispatcher, tracker, last, other_role, 1.0)]
    waiting = corpus().get(tracker.get_slot("pending_faq") or "")
    if waiting is not None and means_every_role(text):
        # "all of them" to "Which role are you asking about?": the answer for every role
        return answer_entry(dispatcher, tracker, waiting, None, 1.0)
    named = role_in_message(tracker)
    if waiting is not None and named and named != replies.ALL_ROLES and names_only_a_role(text):
        # "for cyber" to "Which role are you asking about?", whatever the classifier made of it
        return [*role_events(tracker, named), SlotSet("pending_faq", None),
                *answer_entry(dispatcher, tracker, waiting, named, 1.0)]
    if (last is not None and last.role_specific and named and named != replies.ALL_ROLES
            and names_only_a_role(text)):
        return [*role_events(tracker, named), *answer_entry(dispatcher, tracker, last, named, 1.0)]
    if (last is not None and not last.role_specific and named and named != replies.ALL_ROLES
            and follows_up_for_a_role(text)):
        # "and for devops?" after the providers' answer, which covers every role
        send(dispatcher, replies.same_for_every_role(named))
        return [*role_events(tracker, named), *answer_entry(dispatcher, tracker, last, named, 1.0)]
    if bare_acknowledgement(text):
        send(dispatcher, replies.acknowledged())
        return [SlotSet("pending_faq", None)]
    return None


def role_before(tracker: Tracker) -> str | None:
    """The role remembered before the one remembered now (DevOps, after "what about cyber?"), or None."""
    roles = [e.get("value") for e in tracker.events or []
             if e.get("event") == "slot" and e.get("name") == "role"]
    now = remembered_role(tracker)
    return next((role for role in reversed(roles) if role in ROLES and role != now), None)


def if_waiting(dispatcher: CollectingDispatcher, tracker: Tracker) -> list[EventType]:
    """ "what if I wait a year?" after the verdict: what time can change (not "leaving the
    programme", whose words it shares, nor a new check)."""
    send(dispatcher, check.if_waiting(check.answers_from_slots(tracker.slots)))
    return []


def more_about_themselves(dispatcher: CollectingDispatcher, tracker: Tracker) -> list[EventType] | None:
    """Events when the message only tells more about the person after an answer that offered the
    check ("I've been here 2 years" after the dependant-visa answer): the facts noted with the
    earlier ones and the check offered, not the answer whose words the fact shares (the age entry's
    "years"); else None."""
    text = latest_text(tracker)
    last = corpus().get(tracker.get_slot(LAST_FAQ_SLOT) or "")
    if last is None or not last.offers_check or check.QUESTION_LIKE.search(text.lower()) or \
            check.ASKS_SOMETHING.search(text.lower()):
        return None  # ("im 15, can i do it": a question, answered as one)
    # (the check's answers are known too: "I've been here 4 years on the visa" after an EU citizen's
    # verdict is no other nationality's)
    known = {**check.answers_from_slots(tracker.slots), **(tracker.get_slot("pending_facts") or {})}
    noted = check.with_more_facts(text, spacy_entities(tracker), known)
    if noted is None:
        return None
    return facts_noted_and_check_offered(dispatcher, noted)


def facts_noted_and_check_offered(dispatcher: CollectingDispatcher, facts: dict[str, Any]) -> list[EventType]:
    """The check's facts a message told, said back with what they already decide, and the check offered;
    they are kept until it starts."""
    send(dispatcher, replies.Reply(check.noted_and_what_it_means(facts), (replies.CHECK_BUTTON,)))
    return [SlotSet("pending_faq", None), SlotSet("pending_facts", facts)]


class ActionAnswerFaq(Action):
    """Answer the FAQ entry the classifier ranked first, tailored to the person's role where it differs;
    or ask "Did you mean...?" when it is unsure, or which question first when there are several."""

    def name(self) -> str:
        return "action_answer_faq"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        settings = load_settings()
        message = tracker.latest_message or {}
        text = str(message.get("text") or "")
        in_check = bool((tracker.active_loop or {}).get("name"))
        facts = {} if in_check else check.prefilled(text, spacy_entities(tracker),
                                                    tracker.get_slot("pending_facts"))
        if not in_check and no_words(text) and not (any(ch.isdigit() for ch in text) and
                                                    check.answers_from_slots(tracker.slots)):
            # "?", "...", "123": not the nearest entry's answer (a number after the check's answers may
            # correct one of them)
            send(dispatcher, replies.no_words())
            return [SlotSet("pending_faq", None)]
        if not in_check and asks_to_check(text, facts):
            # "Am I eligible? I'm 24, British...": they asked for the check, not the criteria.
            return [FollowupAction("action_start_eligibility")]
        if verdict_given(tracker) and check.asks_about_waiting(text):
            return if_waiting(dispatcher, tracker)
        if disputes_the_verdict(tracker):
            # "actually I've only lived here 1 year" after the verdict: a correction, not an FAQ
            return [FollowupAction("action_change_answer")]
        if switches_role_after_the_verdict(tracker, find_role(text)):
            # "what about devops then?" after a Cyber verdict: not the last FAQ answer for DevOps
            return [FollowupAction("action_start_eligibility")]
        followup = answer_followup(dispatcher, tracker)
        if followup is not None:
            return followup
        added = more_about_themselves(dispatcher, tracker)
        if added is not None:
            return added
        topic = unknown_topic(text)
        # "do I need to code already? what language is the coding challenge in": the question the FAQ
        # covers is answered, and the other said to be outside it
        covered = [(part, ranking) for part, ranking in faq_parts_with_text(message)
                   if unknown_topic(part) is None] if topic not in (None, OUTSIDE_TECHTRACK) else []
        if topic is not None and not covered:
            return not_in_the_faq(dispatcher, tracker, topic)
        known = [c for c in faq_candidates(message) if c.faq_id in corpus()]
        parts = faq_parts(message)
        known_parts = None if parts is None else [
            [c for c in ranking if c.faq_id in corpus()] for ranking in parts
        ]
        if covered:
            known, known_parts = [c for c in covered[0][1] if c.faq_id in corpus()], None
        decision = decide_faq(covered[0][0] if covered else text, known, settings.faq_thresholds, known_parts)
        if covered and topic is not None and decision.action is not FaqRoute.ANSWER:
            return not_in_the_faq(dispatcher, tracker, topic)
        if decision.action is not FaqRoute.ANSWER and len(facts) >= MANY_FACTS and "?" not in text:
            # "hiya im 34, indian national on a skilled worker visa, been in uk 5 yrs ...": the check's facts,
            # told with no question, are noted and the check offered (not "Did you mean...?")
            return facts_noted_and_check_offered(dispatcher, facts)
        entries = [corpus()[c.faq_id] for c in decision.candidates]
        if decision.action is FaqRoute.DONT_KNOW:
            record_not_answered(tracker, "unanswered")
            send(dispatcher, failure_reply(tracker, settings))
            return [SlotSet("pending_faq", None), *failure_events(tracker)]
        if decision.action in (FaqRoute.CLARIFY, FaqRoute.SEVERAL):
            record_not_answered(tracker, "clarified", [entry.id for entry in entries])
            if decision.action is FaqRoute.CLARIFY:
                send(dispatcher, replies.did_you_mean(entries))
                return [SlotSet("pending_faq", None)]
            send(dispatcher, replies.several_questions(entries))
            return [SlotSet("pending_faq", None), SlotSet(PENDING_QUESTIONS_SLOT, [e.id for e in entries])]

        entry = entries[0]
        named = role_in_message(tracker) or role_named_before_the_button(tracker)
        role = named if named and named != replies.ALL_ROLES else remembered_role(tracker)
        several = len({key for *_, key in find_roles(text)}) > 1 and entry.role_specific
        if several:
            # "how long is devops and how long is BA?": the answer for every role, not the first one's
            # (the role remembered is kept)
            named, role = replies.ALL_ROLES, None
        events = [] if several else role_events(tracker, role)
        # "whats devops and how long is it": a part the FAQ doesn't cover is said so, not dropped
        uncovered = list(dict.fromkeys(t for part in question_parts(text)
                                       if (t := unknown_topic(part)) and t != OUTSIDE_TECHTRACK))
        if entry.needs_role and role is None and named != replies.ALL_ROLES:
            for topic in uncovered:  # (said first: the role question's buttons stay last)
                send(dispatcher, replies.not_in_the_faq(topic, load_settings().human_route))
            send(dispatcher, replies.ask_which_role(entry))
            return [*events, SlotSet("pending_faq", entry.id)]
        # ("who are BPP?" with DevOps remembered: the answer for a role BPP trains, the role kept; "who
        # provides the cyber training, is it makers?" names the role asked about)
        shown = role if named and named != replies.ALL_ROLES else \
            provider_named_for_another_role(text, role) or role
        answering = answer_entry(dispatcher, tracker, entry, shown, decision.candidates[0].confidence, facts)
        for topic in uncovered:
            send(dispatcher, replies.not_in_the_faq(topic, load_settings().human_route))
        return [*events, *answering]


# A role taken up instead of the one checked: "ok lets say software developer then", "go for devops"
SWITCH_TO_A_ROLE = re.compile(r"\b(?:let'?s say|lets say|let'?s go (?:with|for)|go (?:with|for)|try|"
                              r"switch(?:ing)? to|change (?:it )?to|then|instead)\b")


# Another role asked about, right after the verdict: "what about devops?", "and for software dev?"
ANOTHER_ROLE_ASKED = re.compile(r"^\s*(?:ok\s|okay\s|so\s|hmm\s)?(?:what|how) about\b|"
                                r"^\s*(?:and|ok|okay) (?:for|with)\b")


def switches_role_after_the_verdict(tracker: Tracker, role: str | None) -> bool:
    """ "ok lets say software developer then" after a Cyber verdict, or "what about devops?" said
    straight after it: that role's check asked for."""
    text = latest_text(tracker).lower()
    return verdict_given(tracker) and role is not None and \
        check.answers_from_slots(tracker.slots).get("role") not in (None, role) and \
        bool(SWITCH_TO_A_ROLE.search(text) or (ANOTHER_ROLE_ASKED.search(text) and
                                               check.texts()["verdict"]["told"] in last_bot_text(tracker)))


class ActionRoleChosen(Action):
    """The person named a role: answer the question waiting for it, or note it for later answers."""

    def name(self) -> str:
        return "action_role_chosen"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        if unknown_topic(latest_text(tracker)) == OUTSIDE_TECHTRACK:
            # "how do I become a cyber security analyst at a bank": a role's words, another employer's job
            return not_in_the_faq(dispatcher, tracker, OUTSIDE_TECHTRACK)
        chosen = role_in_message(tracker)
        text = latest_text(tracker)
        if not (tracker.active_loop or {}).get("name") and asks_to_check(text, check.prefilled(text)):
            # "hiya want to check for software dev": the check for that role, asked for
            return [FollowupAction("action_start_eligibility")]
        if chosen is None and means_every_role(text):
            chosen = replies.ALL_ROLES  # "all of them"
        pending = corpus().get(tracker.get_slot("pending_faq") or "")
        if chosen is None:
            send(dispatcher, replies.which_role_unclear())
            return role_events(tracker, remembered_role(tracker))
        role = None if chosen == replies.ALL_ROLES else chosen
        switching = switches_role_after_the_verdict(tracker, role)
        if role is not None and (check.asked_which_other_role(last_bot_text(tracker)) or switching):
            # "software developer", typed after "Which role would you like me to check instead?", or "ok
            # lets say software developer then" after a Cyber verdict: the check for that role
            return [FollowupAction("action_start_eligibility")]
        events = [*role_events(tracker, role), SlotSet("pending_faq", None)]
        last = corpus().get(tracker.get_slot(LAST_FAQ_SLOT) or "")
        if pending is None and role is not None and last is not None and last.role_specific \
                and names_only_a_role(text):
            pending = last  # "what about cyber?" after a role-specific answer: that answer again
        if pending is not None:
            return [*events, *answer_entry(dispatcher, tracker, pending, role, 1.0)]
        if role is not None and last is not None and follows_up_for_a_role(text):
            # "and for devops?" after the providers' answer, which covers every role
            send(dispatcher, replies.same_for_every_role(role))
            return [*events, *answer_entry(dispatcher, tracker, last, role, 1.0)]
        if role is not None:
            send(dispatcher, replies.role_noted(role))
        else:
            send(dispatcher, replies.all_roles_noted())
        return events


class ActionHumanHandoff(Action):
    """ "Can I speak to a person?", "how do I contact admissions?": the configured contact, or, with
    none, where to find it (never an invented address)."""

    def name(self) -> str:
        return "action_human_handoff"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        text = latest_text(tracker)
        contacts = contacts_named(last_bot_text(tracker)) if asks_who_to_ask(text) and \
            tracker.get_slot(LAST_FAQ_SLOT) else []
        if contacts:
            send(dispatcher, replies.who_to_ask(contacts))  # "who do I ask about that?": whom it named
            return []
        send(dispatcher, replies.human_handoff(load_settings().human_route, text))
        return []


class ActionDontKnow(Action):
    """The honest answer when the bot did not understand or the corpus has no answer; after
    "Something else", a request to rephrase. A second failure in a row offers a person."""

    def name(self) -> str:
        return "action_dont_know"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        followup = answer_followup(dispatcher, tracker)
        if followup is not None:
            return followup
        added = more_about_themselves(dispatcher, tracker)
        if added is not None:
            return added
        text = latest_text(tracker)
        in_check = bool((tracker.active_loop or {}).get("name"))
        if not in_check and asks_to_check(text, check.prefilled(text, spacy_entities(tracker))):
            # "great, lets check then", "I want to check for business analyst", unplaced
            return [FollowupAction("action_start_eligibility")]
        if switches_role_after_the_verdict(tracker, find_role(text)):
            return [FollowupAction("action_start_eligibility")]  # "ok try software dev then", unplaced
        if verdict_given(tracker) and check.asks_about_waiting(text):
            return if_waiting(dispatcher, tracker)
        if disputes_the_verdict(tracker):
            return [FollowupAction("action_change_answer")]
        intent, confidence = latest_intent(tracker)
        if intent in ("affirm", "deny") and confidence >= ACKNOWLEDGE_CONFIDENCE:
            if intent == "affirm" and not replies.asked_anything_else(last_bot_text(tracker)) and \
                    "/check_eligibility" in last_bot_buttons(tracker) and \
                    not (tracker.active_loop or {}).get("name"):
                # "ok go on then" to an answer that offered the check: the check
                return [FollowupAction("action_start_eligibility")]
            if replies.asked_anything_else(last_bot_text(tracker)):
                # The answer to "Is there anything else...?": not the same question again.
                send(dispatcher, replies.nothing_else() if intent == "deny" else replies.go_ahead())
            else:
                # "yes" or "no" with no question pending: acknowledged, not "I don't know".
                send(dispatcher, replies.acknowledged())
            return [SlotSet("pending_faq", None)]
        if intent != "something_else":
            record_not_answered(tracker, "unanswered")
        send(dispatcher, failure_reply(tracker, load_settings()))
        return [SlotSet("pending_faq", None), *failure_events(tracker)]


def user_turns(tracker: Tracker) -> int:
    return sum(1 for event in tracker.events if event.get("event") == "user")


def failure_reply(tracker: Tracker, settings: Settings) -> replies.Reply:
    if tracker.get_slot("failed_turn") == user_turns(tracker) - 1:
        return replies.still_stuck(settings.human_route, settings.offers_person)
    if latest_intent(tracker)[0] == "something_else":
        return replies.rephrase()
    return replies.dont_know(settings.human_route)


def failure_events(tracker: Tracker) -> list[EventType]:
    """Note the turn that failed, so the next failure knows it is the second in a row."""
    return [SlotSet("failed_turn", float(user_turns(tracker)))]


ACKNOWLEDGE_CONFIDENCE = 0.6

# What staff see as unanswered questions (scrubbed of personal data). Distress, abuse and messages
# about someone's own application are never stored.
RECORDED_AS_UNANSWERED = frozenset({"out_of_scope", "non_english"})
# The check's facts in a message declined as off-topic that make it about the person: a role and two more
MANY_FACTS = 3
SPECIAL_CASES = {
    "out_of_scope": lambda route: replies.out_of_scope(),
    "non_english": lambda route: replies.non_english(),
    "own_application": replies.own_application,
    "abuse": lambda route: replies.abuse(),
    "distress": lambda route: replies.distress(),
}


class ActionSpecialCase(Action):
    """A short, honest reply, never an FAQ answer, to what the bot must not try to answer:
    off-topic, another language, someone's own application, abuse, and distress."""

    def name(self) -> str:
        return "action_special_case"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        intent = latest_intent(tracker)[0]
        if intent == "out_of_scope" and disputes_the_verdict(tracker):
            return [FollowupAction("action_change_answer")]  # "why? I said it ends in march"
        if intent == "out_of_scope" and names_the_answer_to_change(tracker):
            return [FollowupAction("action_change_answer")]  # "the years one ...", asked which to change
        place = place_followup(dispatcher, tracker) if intent == "out_of_scope" else None
        if place is not None:
            return place  # "what about bristol?" after the office locations
        topic = unknown_topic(latest_text(tracker)) if intent == "out_of_scope" else None
        if topic is not None and topic != OUTSIDE_TECHTRACK and (
                talked_about_techtrack(tracker) or names_techtrack(latest_text(tracker)) or
                about_it_alone(latest_text(tracker))):
            # "is there london weighting", asked after TechTrack answers, "what's the pass rate for
            # the coding challenge" or, in this chat, "can I do it part time": the FAQ's gap, not off-topic
            return not_in_the_faq(dispatcher, tracker, topic)
        facts = check.prefilled(latest_text(tracker), spacy_entities(tracker)) \
            if intent == "out_of_scope" and not (tracker.active_loop or {}).get("name") else {}
        if "role" in facts and len(facts) >= MANY_FACTS:
            # "I have indefinite leave to remain ... BA role. I'm 40 and work as a business analyst": a
            # person telling the check's facts, not an off-topic message; noted, and the check offered
            return facts_noted_and_check_offered(dispatcher, facts)
        if intent != "distress" and only_emoji(latest_text(tracker)):
            send(dispatcher, replies.emoji_reply())  # no letters at all: not another language
            return [SlotSet("pending_faq", None)]
        if intent in ("out_of_scope", "non_english") and no_words(latest_text(tracker)):
            send(dispatcher, replies.no_words())  # "...": not another language
            return [SlotSet("pending_faq", None)]
        if intent in ("out_of_scope", "non_english") and bare_acknowledgement(latest_text(tracker)):
            send(dispatcher, replies.acknowledged())  # "k": not another language
            return [SlotSet("pending_faq", None)]
        if intent in RECORDED_AS_UNANSWERED:
            record_not_answered(tracker, "unanswered")
        reply = SPECIAL_CASES.get(intent, SPECIAL_CASES["out_of_scope"])
        send(dispatcher, reply(load_settings().human_route))
        kept = role_kept_from_before(tracker) if intent == "out_of_scope" else []
        return [SlotSet("pending_faq", None), *kept]
