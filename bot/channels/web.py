"""The web chat: the demo careers page with the chat widget, and the socket.io channel it talks to.

Rasa imports both classes from credentials.yml. `WebPageInput` serves the page at /chat and the
widget's script from web/node_modules (installed by `make setup`; nothing comes from a CDN).
`WebChatInput` is Rasa's socketio channel with two changes: bot text is escaped so the widget can
never turn it into a link or HTML, and a turn that produces no reply gets an apology, as on REST.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Awaitable, Callable
from functools import cache
from pathlib import Path
from typing import Any

from rasa.core.channels.channel import InputChannel, UserMessage
from rasa.core.channels.socketio import SocketIOInput, SocketIOOutput
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from bot.channels.rest import NO_REPLY
from bot.paths import ROOT
from bot.settings import load_settings

logger = logging.getLogger(__name__)

WEB_DIR = ROOT / "web"
WIDGET_BUNDLE = WEB_DIR / "node_modules" / "rasa-webchat" / "lib" / "index.js"
PAGE_PATH = "/chat"

# Only the page's own files may run; the widget injects its styles as <style> elements, so inline
# styles are allowed. This also blocks the web font the widget's CSS imports from a CDN.
CONTENT_SECURITY_POLICY = "; ".join([
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
])
SECURITY_HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}

# (file under web/ or the widget bundle, content type) for each address under /chat.
FILES: dict[str, tuple[Path, str]] = {
    "": (WEB_DIR / "careers.html", "text/html; charset=utf-8"),
    "careers.css": (WEB_DIR / "careers.css", "text/css; charset=utf-8"),
    "careers.js": (WEB_DIR / "careers.js", "text/javascript; charset=utf-8"),
    "webchat.js": (WIDGET_BUNDLE, "text/javascript; charset=utf-8"),
}


# The widget's bundled CSS imports a web font from a font CDN; the page uses its own fonts, and
# nothing may be fetched from a CDN at run time (the CSP would block it anyway).
_CDN_IMPORT = re.compile(rb"@import url\(https?://[^)]*\);")


@cache
def _read(path: Path) -> bytes:
    body = path.read_bytes()
    return _CDN_IMPORT.sub(b"", body) if path == WIDGET_BUNDLE else body


class WebPageInput(InputChannel):
    """Serves the demo careers page at /chat, with its script, styles and the widget bundle.

    It receives no messages itself: the widget talks to the socketio channel.
    """

    @classmethod
    def name(cls) -> str:
        return "careers_page"

    def url_prefix(self) -> str:
        return PAGE_PATH

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        if not WIDGET_BUNDLE.exists():
            logger.error("The chat widget is not installed (%s is missing): run `make setup`.",
                         WIDGET_BUNDLE)
        page = Blueprint("careers_page", url_prefix=PAGE_PATH)

        @page.route("/", methods=["GET"])
        async def careers_page(_: Request) -> HTTPResponse:
            return _serve("")

        @page.route("/<name:str>", methods=["GET"])
        async def page_file(_: Request, name: str) -> HTTPResponse:
            return _serve(name)

        return page


def _serve(name: str) -> HTTPResponse:
    if name not in FILES:
        return response.text("Not found", status=404, headers=SECURITY_HEADERS)
    path, content_type = FILES[name]
    try:
        body = _read(path)
    except FileNotFoundError:
        return response.text(
            "The chat widget is not installed on this server: run `make setup`.", status=503,
            headers=SECURITY_HEADERS,
        )
    return response.raw(body, content_type=content_type,
                        headers={**SECURITY_HEADERS, "Cache-Control": "no-cache"})


def escape_for_widget(text: str) -> str:
    """Bot text as the widget's Markdown renderer will show it literally.

    The widget renders bot messages as Markdown. It shows raw HTML as text, but it does not check
    link addresses, so `[x](javascript:...)` or `<javascript://...>` would become live links.
    Escaping `[` (a backslash) and `<` (an entity: its renderer does not take a backslash before
    `<`) leaves no Markdown link, image or autolink, while paragraphs, `- ` bullets and plain web
    addresses (which it links on its own, http and https only) render as before.
    """
    return text.replace("[", "\\[").replace("<", "&lt;")


class WebChatOutput(SocketIOOutput):
    """Rasa's socketio output with bot text escaped for the widget; remembers whether it sent."""

    def __init__(self, sio: Any, bot_message_evt: str) -> None:
        super().__init__(sio, bot_message_evt)
        self.sent = False

    async def _send_message(self, socket_id: str, response: Any) -> None:
        self.sent = True
        await super()._send_message(socket_id, response)

    async def send_text_message(self, recipient_id: str, text: str, **kwargs: Any) -> None:
        await super().send_text_message(recipient_id, escape_for_widget(text), **kwargs)

    async def send_text_with_buttons(
        self, recipient_id: str, text: str, buttons: list[dict[str, Any]], **kwargs: Any
    ) -> None:
        await super().send_text_with_buttons(recipient_id, escape_for_widget(text), buttons, **kwargs)


class WebChatInput(SocketIOInput):
    """Rasa's socketio channel (same name, address and settings) answering through WebChatOutput."""

    def get_output_channel(self) -> WebChatOutput | None:
        if self.sio is None:
            return None
        return WebChatOutput(self.sio, self.bot_message_evt)

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        async def answer_something(message: UserMessage) -> None:
            output = WebChatOutput(self.sio, self.bot_message_evt)
            message.output_channel = output
            try:
                await on_new_message(message)
            finally:
                if not output.sent:
                    logger.error("A web chat message got no reply; sent the apology instead.")
                    await output.send_text_message(
                        message.sender_id, f"{NO_REPLY}\n\n{load_settings().human_route}"
                    )

        return super().blueprint(answer_something)
