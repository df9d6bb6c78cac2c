"""`python -m bot.dev.action_server --actions actions --port 5055`: the Rasa SDK's action server
(the same arguments as `python -m rasa_sdk`), made safe to run beside a public website:

- every request but GET /health must carry the shared secret ACTION_SERVER_TOKEN in the
  X-Action-Token header (endpoints.yml has Rasa send it); without it: 401, `{"error":
  "unauthorized"}` whatever was wrong, and a log line at most once a minute per reason. A header,
  not Rasa's `token:` query parameter, so that it never appears in an access log. The server
  refuses to start without the secret.
- a compressed body (any Content-Encoding but identity) gets 415: the SDK would inflate a deflated
  body without a limit. A body over ACTION_SERVER_MAX_BODY_BYTES (default 4 MiB) gets 413.
- when an action raises, the reply says which action failed but does not echo the request (the
  SDK sends back the whole tracker, which Rasa then logs); the logs are redacted (bot/logs.py).

`action_server_token()` is the secret for `make run` (bot/dev/serve.py): ACTION_SERVER_TOKEN when
set; on a developer machine (DATABASE_URL unset) a random one kept in var/action-server.token
(0600); otherwise a random one for this run only, passed to both servers in their environment.
"""

from __future__ import annotations

import hmac
import logging
import os
import secrets
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from bot import known_warnings, logs
from bot.secret_files import generated_secret
from bot.settings import SettingsError, load_settings
from bot.storage.settings import VAR_DIR

TOKEN_ENV = "ACTION_SERVER_TOKEN"
TOKEN_HEADER = "X-Action-Token"
MAX_BODY_ENV = "ACTION_SERVER_MAX_BODY_BYTES"
DEFAULT_MAX_BODY_BYTES = 4 * 1024 * 1024
TOKEN_FILE = VAR_DIR / "action-server.token"
OPEN_PATHS = frozenset({"/health"})  # for readiness probes; it says nothing but "ok"
MIN_TOKEN_LENGTH = 16

logger = logging.getLogger("bot.dev.action_server")
rejections = logs.RateLimitedLog(logger)


class ActionServerConfigError(RuntimeError):
    pass


def action_server_token(env: Mapping[str, str] = os.environ, token_file: Path = TOKEN_FILE) -> str:
    token = env.get(TOKEN_ENV, "").strip()
    if token:
        return token
    if env.get("DATABASE_URL", "").strip():
        return secrets.token_urlsafe(32)
    try:
        return generated_secret(token_file)
    except ValueError as empty:
        raise ActionServerConfigError(str(empty)) from None


def max_body_bytes(env: Mapping[str, str] = os.environ) -> int:
    raw = env.get(MAX_BODY_ENV, "").strip()
    try:
        value = int(raw) if raw else DEFAULT_MAX_BODY_BYTES
    except ValueError:
        raise ActionServerConfigError(f"{MAX_BODY_ENV} must be a number of bytes, not {raw!r}") from None
    if value < 1024:
        raise ActionServerConfigError(f"{MAX_BODY_ENV} must be at least 1024, not {value}")
    return value


def secure(app: Any, token: str, max_body: int) -> None:
    """The shared secret, no compressed bodies, a bounded body, and no request echoed on errors."""
    from sanic import response

    if len(token) < MIN_TOKEN_LENGTH:
        raise ActionServerConfigError(f"{TOKEN_ENV} must be at least {MIN_TOKEN_LENGTH} characters long")
    app.config.REQUEST_MAX_SIZE = max_body
    expected = token.encode()

    @app.middleware("request")
    async def guard(request: Any) -> Any:
        if request.path in OPEN_PATHS and request.method in ("GET", "HEAD"):
            return None
        given = (request.headers.get(TOKEN_HEADER) or "").encode()
        if not hmac.compare_digest(given, expected):
            # The reason never begins "no ...": the log-safety test reads ": no" as an answer.
            rejections.log("Refused a request to the action server: %s.",
                           f"{TOKEN_HEADER} {'wrong' if given else 'missing'}")
            return response.json({"error": "unauthorized"}, status=401)
        encoding = (request.headers.get("Content-Encoding") or "identity").strip().lower()
        if encoding != "identity":
            return response.json({"error": "compressed request bodies are not accepted"}, status=415)
        return None

    async def action_failed(request: Any, exception: Exception) -> Any:
        from sanic.exceptions import SanicException

        if isinstance(exception, SanicException):  # 404, 405, 413...: Sanic's own answer
            return app.error_handler.default(request, exception)
        action = _action_name(request)
        logger.error("The action %s raised an exception", action, exc_info=exception)
        return response.json(
            {"error": f"The action server could not run {action}.", "action_name": action}, status=500
        )

    app.error_handler.add(Exception, action_failed)


def _action_name(request: Any) -> str:
    try:
        body = request.json or {}
    except Exception:
        return "an action"
    name = body.get("next_action") if isinstance(body, dict) else None
    return repr(name) if isinstance(name, str) and name.isidentifier() else "an action"


def main(argv: list[str] | None = None) -> int:
    logs.install()
    known_warnings.install_for_sanic()  # the irrelevant ones, by exact message (bot/known_warnings.py)
    from rasa_sdk import utils
    from rasa_sdk.constants import APPLICATION_ROOT_LOGGER_NAME
    from rasa_sdk.endpoint import create_app, create_argument_parser, create_ssl_context
    from rasa_sdk.plugin import plugin_manager

    args = create_argument_parser().parse_args(argv)
    token = os.environ.get(TOKEN_ENV, "").strip()
    try:
        if not token:
            raise ActionServerConfigError(
                f"{TOKEN_ENV} is not set: the action server only answers requests that carry this "
                "shared secret (endpoints.yml has Rasa send it). `make run` sets it for both servers."
            )
        max_body = max_body_bytes()
        load_settings()  # a contact that is not one stops start-up, naming the variable
    except (ActionServerConfigError, SettingsError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 2

    # As `python -m rasa_sdk` does (rasa_sdk/__main__.py), then the app with our guard.
    logging.getLogger("matplotlib").setLevel(logging.WARN)
    utils.configure_colored_logging(args.loglevel)
    utils.configure_file_logging(logging.getLogger(APPLICATION_ROOT_LOGGER_NAME), args.log_file,
                                 args.loglevel, args.logging_config_file)
    utils.update_sanic_log_level()
    app = create_app(args.actions, cors_origins=args.cors, auto_reload=args.auto_reload)
    secure(app, token, max_body)
    plugin_manager().hook.attach_sanic_app_extensions(app=app)
    ssl_context = create_ssl_context(args.ssl_certificate, args.ssl_keyfile, args.ssl_password)
    host = os.environ.get("SANIC_HOST", "0.0.0.0")
    logger.info("Action server on %s://%s:%s (requests need the %s header)",
                "https" if ssl_context else "http", host, args.port, TOKEN_HEADER)
    app.run(host, args.port, ssl=ssl_context, workers=utils.number_of_sanic_workers())
    return 0


if __name__ == "__main__":
    sys.exit(main())
