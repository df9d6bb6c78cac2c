"""The web chat's server side without a browser: what the socketio channel emits and what the page
address serves. The browser test (test_web_widget.py) checks what a person sees."""

from __future__ import annotations

import asyncio
from typing import Any

from bot.channels.web import CONTENT_SECURITY_POLICY, WebChatInput, _serve, escape_for_widget
from bot.dev.serve import ServeConfig, Servers


class RecordingSocketServer:
    """Stands in for python-socketio's AsyncServer: records what would be emitted to whom."""

    def __init__(self) -> None:
        self.emitted: list[tuple[str, Any, str]] = []

    async def emit(self, event: str, data: Any, room: str) -> None:
        self.emitted.append((event, data, room))


def test_markdown_links_images_and_html_in_bot_text_are_escaped() -> None:
    text = "See [the form](javascript:alert(1)) ![x](data:x) <javascript://%0Aalert(1)> <img src=x>"
    assert escape_for_widget(text) == (
        r"See \[the form](javascript:alert(1)) !\[x](data:x) &lt;javascript://%0Aalert(1)> &lt;img src=x>"
    )


def test_answers_keep_their_paragraphs_and_bullets() -> None:
    answer = "It depends on the role:\n- Software Developer: 16 weeks.\n\nAsk the admissions team."
    assert escape_for_widget(answer) == answer


def test_each_paragraph_is_its_own_message_with_buttons_on_the_last() -> None:
    sio = RecordingSocketServer()
    output = WebChatInput(session_persistence=True)
    output.sio = sio  # type: ignore[assignment]
    channel = output.get_output_channel()
    assert channel is not None
    asyncio.run(channel.send_text_with_buttons(
        "session-1", "First <b>part</b>.\n\nWhich role?", [{"title": "All roles", "payload": "/x"}]
    ))
    assert [(event, room) for event, _, room in sio.emitted] == [("bot_uttered", "session-1")] * 2
    assert sio.emitted[0][1] == {"text": "First &lt;b>part&lt;/b>.", "quick_replies": []}
    assert sio.emitted[1][1]["quick_replies"] == [
        {"content_type": "text", "title": "All roles", "payload": "/x"}
    ]


def test_the_page_is_served_with_a_content_security_policy() -> None:
    page = _serve("")
    assert page.status == 200
    assert page.headers["Content-Security-Policy"] == CONTENT_SECURITY_POLICY
    assert "script-src 'self'" in CONTENT_SECURITY_POLICY
    assert "unsafe-inline" not in CONTENT_SECURITY_POLICY.split("script-src")[1].split(";")[0]
    body = page.body.decode()
    assert '<script src="/chat/webchat.js"' in body and "<script>" not in body
    assert "Demo page." in body


def test_the_widget_bundle_is_served_from_node_modules_without_a_cdn_import() -> None:
    bundle = _serve("webchat.js")
    assert bundle.status == 200
    assert bundle.content_type.startswith("text/javascript")
    assert b"WebChat" in bundle.body
    assert b"@import url(http" not in bundle.body


def test_gov_uk_frontend_is_served_from_the_bot() -> None:
    for name, kind in (("govuk-frontend.css", "text/css"), ("govuk-frontend.js", "text/javascript"),
                       ("govuk-init.js", "text/javascript")):
        served = _serve(name)
        assert served.status == 200, name
        assert served.content_type.startswith(kind)


def test_other_names_are_not_found() -> None:
    assert _serve("../credentials.yml").status == 404
    assert _serve("package.json").status == 404


def test_sites_that_embed_the_widget_are_allowed_by_rasa_cors_origins() -> None:
    config = ServeConfig.from_env({"RASA_CORS_ORIGINS": "https://careers.example https://b.example"})
    command = Servers(config).rasa_command("run")
    assert command[command.index("--cors"):][:3] == ["--cors", "https://careers.example", "https://b.example"]
    assert "--cors" not in Servers(ServeConfig.from_env({})).rasa_command("run")
