"""One answer, many renderings: the corpus's plain text turned into what Slack and Teams display.

Answers are written once (faq_corpus/): paragraphs separated by a blank line, lines starting with
`- ` as bullets, and optionally **bold** and [text](https://...) links. These pure functions render
that for each channel. Characters that mean something in the channel's markup are escaped, so text
from a message is shown as typed.

Long answers: every channel sends one message per paragraph (as Rasa's REST and socket.io channels
do), and a paragraph longer than MAX_PART_CHARS is split between its lines (a list between items),
and a line longer than that between sentences. Buttons go with the last message.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

MAX_PART_CHARS = 600

# Slack: an actions block holds at most 25 elements; button text at most 75 characters, value 2000.
SLACK_BUTTONS_PER_BLOCK = 25
SLACK_BUTTON_TEXT_CHARS = 75
SLACK_BUTTON_VALUE_CHARS = 2000

HERO_CARD = "application/vnd.microsoft.card.hero"

_BULLET = "- "
_INLINE = re.compile(r"\*\*(?P<bold>.+?)\*\*|\[(?P<label>[^\]\n]+)\]\((?P<url>https?://[^)\s]+)\)")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
_TEAMS_SPECIAL = re.compile(r"([\\`*_\[\]<>~#|])")


# --- long answers --------------------------------------------------------------------------------

def message_parts(text: str, limit: int = MAX_PART_CHARS) -> list[str]:
    """The messages `text` is sent as: one per paragraph, long paragraphs split to fit `limit`."""
    parts: list[str] = []
    for paragraph in _paragraphs(text):
        if len(paragraph) <= limit:
            parts.append(paragraph)
        else:
            lines = [piece for line in paragraph.split("\n") for piece in _split_line(line, limit)]
            parts += _pack(lines, "\n", limit)
    return parts


def _paragraphs(text: str) -> list[str]:
    return [p.strip("\n") for p in re.split(r"\n\s*\n", text.strip()) if p.strip()]


def _split_line(line: str, limit: int) -> list[str]:
    if len(line) <= limit:
        return [line]
    sentences = _SENTENCE_END.split(line)
    # A single sentence longer than the limit is cut at the last space that fits.
    pieces: list[str] = []
    for sentence in sentences:
        while len(sentence) > limit:
            cut = sentence.rfind(" ", 0, limit)
            cut = cut if cut > 0 else limit
            pieces.append(sentence[:cut])
            sentence = sentence[cut:].lstrip()
        pieces.append(sentence)
    return _pack(pieces, " ", limit)


def _pack(pieces: Iterable[str], separator: str, limit: int) -> list[str]:
    """Join consecutive pieces while they fit within `limit`."""
    packed: list[str] = []
    for piece in pieces:
        if packed and len(packed[-1]) + len(separator) + len(piece) <= limit:
            packed[-1] += separator + piece
        else:
            packed.append(piece)
    return packed


# --- inline markup -------------------------------------------------------------------------------

def _line(
    raw: str, bullet_mark: str, escape: Callable[[str], str], bold: Callable[[str], str],
    link: Callable[[str, str], str],
) -> str:
    """One line of an answer with its inline markup rendered; a "- " bullet gets `bullet_mark`."""
    if raw.startswith(_BULLET):
        return bullet_mark + _inline(raw[len(_BULLET):], escape, bold, link)
    return _inline(raw, escape, bold, link)


def _inline(
    text: str, escape: Callable[[str], str], bold: Callable[[str], str],
    link: Callable[[str, str], str],
) -> str:
    out: list[str] = []
    position = 0
    for match in _INLINE.finditer(text):
        out.append(escape(text[position:match.start()]))
        if match["bold"] is not None:
            out.append(bold(escape(match["bold"])))
        else:
            out.append(link(match["url"], escape(match["label"])))
        position = match.end()
    out.append(escape(text[position:]))
    return "".join(out)


# --- Slack ---------------------------------------------------------------------------------------

def slack_escape(text: str) -> str:
    """Slack's three control characters; everything else is shown as typed."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def slack_mrkdwn(text: str) -> str:
    """Slack mrkdwn: *bold*, <url|text> links, bullets as "•" (Slack has no list markup)."""

    def line(raw: str) -> str:
        return _line(
            raw, "• ", slack_escape,
            lambda inner: f"*{inner}*", lambda url, label: f"<{slack_escape(url)}|{label}>",
        )

    return "\n\n".join("\n".join(line(raw) for raw in p.split("\n")) for p in _paragraphs(text))


def slack_blocks(text: str, buttons: Sequence[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """Block Kit: the text as a mrkdwn section, then the buttons (value = the payload)."""
    blocks: list[dict[str, Any]] = [
        {"type": "section", "text": {"type": "mrkdwn", "text": slack_mrkdwn(text)}}
    ]
    elements = [
        {
            "type": "button",
            "text": {"type": "plain_text", "text": _clip(str(b["title"]), SLACK_BUTTON_TEXT_CHARS)},
            "value": _clip(str(b["payload"]), SLACK_BUTTON_VALUE_CHARS),
            "action_id": f"button-{index}",
        }
        for index, b in enumerate(buttons)
    ]
    for start in range(0, len(elements), SLACK_BUTTONS_PER_BLOCK):
        blocks.append({"type": "actions", "elements": elements[start:start + SLACK_BUTTONS_PER_BLOCK]})
    return blocks


def _clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[:limit - 1] + "…"


# --- Microsoft Teams -----------------------------------------------------------------------------

def teams_escape(text: str) -> str:
    """Backslash-escape the characters Teams' markdown would read as markup (or HTML)."""
    return _TEAMS_SPECIAL.sub(r"\\\1", text)


def teams_markdown(text: str) -> str:
    """Markdown for a Teams message (textFormat "markdown").

    Teams joins lines separated by a single newline, so only consecutive bullets stay on adjacent
    lines (a markdown list); every other line break becomes a blank line.
    """

    def line(raw: str) -> str:
        return _line(
            raw, "- ", teams_escape,
            lambda inner: f"**{inner}**", lambda url, label: f"[{label}]({url})",
        )

    rendered: list[str] = []
    for paragraph in _paragraphs(text):
        previous_bullet = False
        for raw in paragraph.split("\n"):
            bullet = raw.startswith(_BULLET)
            if rendered:
                rendered.append("\n" if bullet and previous_bullet else "\n\n")
            rendered.append(line(raw))
            previous_bullet = bullet
    return "".join(rendered)


def teams_hero_card(buttons: Sequence[Mapping[str, Any]]) -> dict[str, Any]:
    """A Hero Card attachment with one messageBack button per choice.

    A click shows the title in the chat as the person's message and sends the bot an activity
    with empty text and `value` {"payload": ...}, which the Teams channel reads back.
    """
    return {
        "contentType": HERO_CARD,
        "content": {
            "buttons": [
                {
                    "type": "messageBack",
                    "title": str(b["title"]),
                    "displayText": str(b["title"]),
                    "value": {"payload": str(b["payload"])},
                }
                for b in buttons
            ]
        },
    }
