"""The web chat: the demo careers page with the chat widget, and the socket.io channel it talks to.

Rasa imports both classes from credentials.yml. `WebPageInput` serves the page at /chat, the
privacy notice at /chat/privacy, and the widget's script from web/node_modules (installed by `make
setup`; nothing comes from a CDN).
`WebChatInput` is Rasa's socketio channel with these changes: conversations are sessions the server
issues and signs (a client cannot pick or guess another's); messages go through the shared input
limits (length, clean-up, rate limits; bot/channels/limits.py) and client metadata is dropped;
frames are bounded (engine.io's max_http_buffer_size, and no binary attachments); bot text is
escaped so the widget can never turn it into a link or HTML; a turn that produces no reply gets an
apology, as on REST. Works with python-socketio 5.9 (enter_room returns None) and 5.10+ (a
coroutine).
"""

from __future__ import annotations

import inspect
import logging
import re
from collections.abc import Awaitable, Callable
from functools import cache
from pathlib import Path
from typing import Any

import rasa.core.channels.channel as rasa_channel
from rasa.core.channels.channel import InputChannel, UserMessage
from rasa.core.channels.socketio import SocketBlueprint, SocketIOInput, SocketIOOutput
from sanic import Blueprint, Sanic, response
from sanic.request import Request
from sanic.response import HTTPResponse
from socketio import AsyncServer

from bot.channels.common import handle_or_apologise
from bot.channels.identity import SessionSigner, is_development, session_key
from bot.channels.limits import InputLimits, apply_request_limits, client_address, guard_for
from bot.privacy import PrivacySettings, privacy_page
from bot.web_pages import WEB_DIR, careers_page

logger = logging.getLogger(__name__)

WIDGET_BUNDLE = WEB_DIR / "node_modules" / "rasa-webchat" / "lib" / "index.js"
# GOV.UK Frontend (web/package.json): its script as published, and its styles as scripts/setup-web.sh
# compiles them for the page (from web/govuk-frontend.scss: Arial, so no font files to serve).
GOVUK_FRONTEND_DIST = WEB_DIR / "node_modules" / "govuk-frontend" / "dist" / "govuk"
GOVUK_FRONTEND_SCRIPT = GOVUK_FRONTEND_DIST / "govuk-frontend.min.js"
GOVUK_FRONTEND_STYLES = WEB_DIR / "build" / "govuk-frontend.css"
PAGE_PATH = "/chat"
PRIVACY_PAGE = "privacy"  # /chat/privacy, made from web/privacy.html (bot/privacy.py)

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

# (file under web/, the widget bundle or GOV.UK Frontend, content type) for each address under /chat.
FILES: dict[str, tuple[Path, str]] = {
    "careers.css": (WEB_DIR / "careers.css", "text/css; charset=utf-8"),
    "careers.js": (WEB_DIR / "careers.js", "text/javascript; charset=utf-8"),
    "webchat.js": (WIDGET_BUNDLE, "text/javascript; charset=utf-8"),
    "govuk-frontend.css": (GOVUK_FRONTEND_STYLES, "text/css; charset=utf-8"),
    "govuk-frontend.js": (GOVUK_FRONTEND_SCRIPT, "text/javascript; charset=utf-8"),
    "govuk-init.js": (WEB_DIR / "govuk-init.js", "text/javascript; charset=utf-8"),
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
        PrivacySettings.from_env()  # a wrong privacy setting stops start-up, naming the variable
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
    if name == PRIVACY_PAGE:
        return response.html(privacy_page(PrivacySettings.from_env()),
                             headers={**SECURITY_HEADERS, "Cache-Control": "no-cache"})
    if name == "":
        return response.raw(careers_page(), content_type="text/html; charset=utf-8",
                            headers={**SECURITY_HEADERS, "Cache-Control": "no-cache"})
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


# socket.io packet types BINARY_EVENT (5) and BINARY_ACK (6), the first character of a text packet.
_BINARY_PACKETS = ("5", "6")


class BoundedSocketServer(AsyncServer):
    """python-socketio's server accepting text packets only. The widget never sends binary data, and a
    binary packet announces how many attachments follow (up to ten digits' worth), each of which the
    server would keep until the last arrives; such a client is disconnected instead."""

    async def _handle_eio_message(self, eio_sid: str, data: Any) -> None:
        if isinstance(data, (bytes, bytearray)) or (isinstance(data, str) and data[:1] in _BINARY_PACKETS):
            logger.warning("Disconnected a socket.io client that sent binary data.")
            await self.eio.disconnect(eio_sid)
            return
        await super()._handle_eio_message(eio_sid, data)



async def _maybe_await(result: Any) -> None:
    """python-socketio 5.10+ made enter_room and leave_room coroutines; 5.9 returns None."""
    if inspect.isawaitable(result):
        await result


class WebChatInput(SocketIOInput):
    """Rasa's socketio channel (same name, address and settings) with server-issued sessions, the
    input limits, and answers through WebChatOutput.

    Sessions: the widget asks for one (`session_request`, with the id it kept from last time) and
    keeps whatever id the server confirms (`session_confirm`). The server confirms a signed token it
    issued (bot/channels/identity.py) and answers anything else, including no id, with a new one, so
    a client can neither pick nor guess another person's conversation. A message is always handled
    in the session confirmed to its socket; the `session_id` inside a message is only used by a
    socket that skipped `session_request`, and only when signed.
    """

    def __init__(self, *args: Any, limits: InputLimits | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.guard = guard_for(limits)
        self._signer: SessionSigner | None = None
        self._conversations: dict[str, str] = {}  # socket id -> conversation id, while connected
        self._addresses: dict[str, str | None] = {}  # socket id -> client address, while connected

    @classmethod
    def from_credentials(cls, credentials: dict[str, Any] | None) -> InputChannel:
        if not is_development():
            session_key()  # outside development, a missing key stops start-up here
        return super().from_credentials(credentials)

    @property
    def signer(self) -> SessionSigner:
        # In development the key file is only created once a web chat actually starts.
        if self._signer is None:
            self._signer = SessionSigner(session_key())
        return self._signer

    def get_output_channel(self) -> WebChatOutput | None:
        if self.sio is None:
            return None
        return WebChatOutput(self.sio, self.bot_message_evt)

    def socket_server(self) -> BoundedSocketServer:
        # cors_allowed_origins=[]: as Rasa does, leaving CORS to Sanic-CORS (`--cors`).
        return BoundedSocketServer(
            async_mode="sanic", cors_allowed_origins=[],
            max_http_buffer_size=self.guard.limits.max_request_bytes,
        )

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        sio = self.socket_server()
        webhook = LimitedSocketBlueprint(
            sio, self.socketio_path, "socketio_webhook", __name__, limits=self.guard.limits
        )
        self.sio = sio
        namespace = self.namespace

        @webhook.route("/", methods=["GET"])
        async def health(_: Request) -> HTTPResponse:
            return response.json({"status": "ok"})

        @sio.on("connect", namespace=namespace)
        async def connect(sid: str, environ: dict[str, Any], auth: Any = None) -> bool:
            if self.jwt_key and not self._token_accepted(auth):
                return False
            self._addresses[sid] = _address(environ, self.guard.limits)
            return True

        @sio.on("disconnect", namespace=namespace)
        async def disconnect(sid: str, *reason: Any) -> None:
            self._conversations.pop(sid, None)
            self._addresses.pop(sid, None)

        @sio.on("session_request", namespace=namespace)
        async def session_request(sid: str, data: Any) -> None:
            token = data.get("session_id") if isinstance(data, dict) else None
            await self._confirm_session(sid, token)

        @sio.on(self.user_message_evt, namespace=namespace)
        async def handle_message(sid: str, data: Any) -> None:
            if not isinstance(data, dict) or not isinstance(data.get("message"), str):
                logger.warning("Ignored a web chat message without text.")
                return
            conversation = self._conversations.get(sid)
            if conversation is None:
                conversation = await self._confirm_session(sid, data.get("session_id"))
            output = WebChatOutput(self.sio, self.bot_message_evt)
            admission = self.guard.admit(data["message"], conversation, self._addresses.get(sid))
            if not admission.admitted:
                if admission.reply:
                    await output.send_text_message(conversation, admission.reply)
                return
            message = UserMessage(admission.text, output, conversation, input_channel=self.name())
            await handle_or_apologise(on_new_message, message, lambda: output.sent)

        return webhook

    async def _confirm_session(self, sid: str, token: Any) -> str:
        """Put the socket in the conversation `token` names when this server signed it, else in a new
        one, and tell the widget which (it keeps the id it is sent). Without session persistence
        every socket is a new conversation. Returns the conversation id, which is also the room
        replies go to."""
        conversation = self.signer.conversation_id(token) if self.session_persistence else None
        if conversation is None:
            token = self.signer.issue()
            conversation = self.signer.conversation_id(token)
            assert conversation is not None
        previous = self._conversations.get(sid)
        if previous is not None and previous != conversation:
            await _maybe_await(self.sio.leave_room(sid, previous, namespace=self.namespace))
        self._conversations[sid] = conversation
        await _maybe_await(self.sio.enter_room(sid, conversation, namespace=self.namespace))
        await self.sio.emit("session_confirm", token, room=sid, namespace=self.namespace)
        return conversation

    def _token_accepted(self, auth: Any) -> bool:
        token = auth.get("token") if isinstance(auth, dict) else None
        if not token:
            return False
        return bool(rasa_channel.decode_bearer_token(token, self.jwt_key, self.jwt_algorithm))


class LimitedSocketBlueprint(SocketBlueprint):
    """Rasa's socket.io blueprint (attaches the server to the app) with the request size limits."""

    def __init__(self, *args: Any, limits: InputLimits, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.ctx.limits = limits

    def register(self, app: Sanic, options: dict[str, Any]) -> None:
        apply_request_limits(app, self.ctx.limits)
        super().register(app, options)


def _address(environ: dict[str, Any], limits: InputLimits) -> str | None:
    """The client's address, from the Sanic request engine.io keeps in the WSGI-style environ."""
    request = environ.get("sanic.request")
    if request is None:
        return environ.get("REMOTE_ADDR")
    return client_address(request.headers, request.ip, limits)
