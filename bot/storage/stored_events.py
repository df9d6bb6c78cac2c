"""What the tracker store keeps of an event: the event as Rasa gives it, less what nothing reads
back (docs/design/performance.md, "Storage").

- Rasa stamps every event's metadata with the model's and the assistant's ids; nothing reads them
  from stored events (a 15-event conversation spent 1.5 KB on them).
- A message's rankings: the classifier lists 10 intents and 10 FAQ entries, as Rasa's own
  classifiers do, for the turn in hand (the FallbackClassifier and bot/nlu/faq_decision.py read
  them there, never from stored events: a turn's actions see its own message). The stored copy
  keeps the first STORED_RANKING_LENGTH of each, enough to see later why the bot answered as it
  did, and drops the FAQ entry's canonical question (`response.responses`), which the corpus holds.

The intent, entities, text, channel, slots, actions and replies are kept as they are, so a
conversation read back is the same to Rasa's policies and to the actions.
"""

from __future__ import annotations

from typing import Any

STORED_RANKING_LENGTH = 3
RASA_STAMPS = frozenset({"model_id", "assistant_id"})
UNREAD_RESPONSE_KEYS = frozenset({"responses", "response_templates"})


def stored_form(data: dict[str, Any]) -> dict[str, Any]:
    """An event's dict (`Event.as_dict()`) as it is stored; the argument is left unchanged."""
    data = dict(data)
    metadata = data.get("metadata")
    if isinstance(metadata, dict) and RASA_STAMPS & metadata.keys():
        data["metadata"] = {k: v for k, v in metadata.items() if k not in RASA_STAMPS}
    parse = data.get("parse_data")
    if data.get("event") == "user" and isinstance(parse, dict):
        data["parse_data"] = _stored_parse(parse)
    return data


def _stored_parse(parse: dict[str, Any]) -> dict[str, Any]:
    parse = dict(parse)
    if isinstance(parse.get("intent_ranking"), list):
        parse["intent_ranking"] = parse["intent_ranking"][:STORED_RANKING_LENGTH]
    selector = parse.get("response_selector")
    if isinstance(selector, dict):
        parse["response_selector"] = {
            key: _stored_selection(value) if isinstance(value, dict) else value
            for key, value in selector.items()
        }
    return parse


def _stored_selection(selection: dict[str, Any]) -> dict[str, Any]:
    selection = dict(selection)
    if isinstance(selection.get("ranking"), list):
        selection["ranking"] = selection["ranking"][:STORED_RANKING_LENGTH]
    response = selection.get("response")
    if isinstance(response, dict):
        selection["response"] = {k: v for k, v in response.items() if k not in UNREAD_RESPONSE_KEYS}
    return selection
