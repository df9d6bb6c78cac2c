"""A question that names a role ("how long is cyber security technologist", "residency rules for the
business analyst one") is a question about that role, not the choice of a role.

The classifier learns `inform_role` from messages that are little more than a role's name, so a
short question whose longest words are a role's name can be scored as `inform_role`, and the person
gets "I'll tailor my answers..." instead of the answer. When the FAQ entries together still hold a
real share of the probability and the message is more than a role, the role's probability is
moved to the FAQ entries, in proportion to theirs: the role then only tailors the answer (its
entity is kept). Messages that only name a role keep `inform_role`; their FAQ share is close to 0.
"""

from __future__ import annotations

from collections.abc import Mapping

from bot.followups import names_only_a_role

ROLE_INTENT = "inform_role"
# The FAQ entries' combined probability above which a message scored as `inform_role` is taken as
# a question. Chosen on the development sets (tests/dev/): their role-naming questions scored 0.11
# to 0.38, and messages that only name a role score under 0.01.
MIN_FAQ_SHARE = 0.1


def as_role_question(text: str, probabilities: Mapping[str, float], winner: str,
                     retrieval_intent: str = "faq") -> dict[str, float]:
    """The probabilities, with `inform_role`'s moved to the FAQ entries when `text` is a question
    about a role rather than a choice of one. winner: the top-level intent the probabilities rank
    first (the classifier's `intent_ranking`)."""
    result = dict(probabilities)
    if winner != ROLE_INTENT:
        return result
    prefix = f"{retrieval_intent}/"
    entries = {label: p for label, p in probabilities.items() if label.startswith(prefix)}
    share = sum(entries.values())
    if share < MIN_FAQ_SHARE or names_only_a_role(text):
        return result
    moved, result[ROLE_INTENT] = result[ROLE_INTENT], 0.0
    for label, p in entries.items():
        result[label] = p + moved * p / share
    return result
