"""`python -m bot.dev.rasa_server run|shell ARGS`: Rasa's `rasa run ARGS` (or our `rasa shell`,
bot/dev/shell.py), with three differences (and the speed-ups of bot/dev/rasa_speedups.py):

- the logs are redacted (bot/logs.py): no message text, tracker or slot value gets into them;
- the HTTP API's token comes from RASA_API_TOKEN in the environment. Rasa 3.6 reads it only from
  `--auth-token`, where every user of the machine can see it (`ps`, /proc/<pid>/cmdline); this
  entry adds it to the arguments inside the process, so it is never on the command line.
  `--enable-api` without RASA_API_TOKEN is refused: the API would hand out every conversation;
- the action server's timeout is endpoints.yml's `action_endpoint.timeout`. Rasa 3.6 ignores that
  key and waits DEFAULT_REQUEST_TIMEOUT (5 minutes) for every action, far past the conversation
  lock's lifetime (TICKET_LOCK_LIFETIME, 60 s); the value is put where Rasa's RemoteAction reads it
  (rasa.core.actions.action.DEFAULT_REQUEST_TIMEOUT). bot/dev/serve.py checks that it is shorter
  than the lock's lifetime.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from bot import known_warnings, logs

API_TOKEN_ENV = "RASA_API_TOKEN"
DEFAULT_ENDPOINTS = "endpoints.yml"


def endpoints_file(argv: list[str]) -> Path:
    """The endpoints file Rasa is given (`--endpoints FILE`), else Rasa's default."""
    for index, argument in enumerate(argv):
        if argument == "--endpoints" and index + 1 < len(argv):
            return Path(argv[index + 1])
        if argument.startswith("--endpoints="):
            return Path(argument.partition("=")[2])
    return Path(DEFAULT_ENDPOINTS)


def action_timeout(path: Path) -> float | None:
    """endpoints.yml's `action_endpoint.timeout` in seconds; None when it is not set."""
    import yaml

    try:
        content = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except FileNotFoundError:
        return None
    endpoint = content.get("action_endpoint") or {}
    value = endpoint.get("timeout") if isinstance(endpoint, dict) else None
    if value is None:
        return None
    seconds = float(value)
    if seconds <= 0:
        raise SystemExit(f"error: action_endpoint.timeout in {path} must be a number of seconds above 0")
    return seconds


def model_file(argv: list[str]) -> Path:
    """The model Rasa is given (`--model FILE`), else Rasa's default folder."""
    for index, argument in enumerate(argv):
        if argument in ("--model", "-m") and index + 1 < len(argv):
            return Path(argv[index + 1])
        if argument.startswith("--model="):
            return Path(argument.partition("=")[2])
    return Path("models")


def apply_action_timeout(argv: list[str]) -> float | None:
    """Make Rasa's custom actions give up after the endpoints file's timeout; returns it."""
    seconds = action_timeout(endpoints_file(argv))
    if seconds is not None:
        import rasa.core.actions.action

        rasa.core.actions.action.DEFAULT_REQUEST_TIMEOUT = seconds  # type: ignore[attr-defined]
    return seconds


def arguments(argv: list[str], env: dict[str, str] | os._Environ[str] = os.environ) -> list[str]:
    """Rasa's arguments, with the API token from the environment (for `run` with the API on)."""
    if "--auth-token" in argv or "-t" in argv or any(a.startswith("--auth-token=") for a in argv):
        raise SystemExit(f"error: give the API token in {API_TOKEN_ENV}, not on the command line")
    token = env.get(API_TOKEN_ENV, "").strip()
    if argv[:1] == ["run"] and "--enable-api" in argv:
        if not token:
            raise SystemExit(f"error: --enable-api needs {API_TOKEN_ENV}: without a token the API "
                             "would hand out every conversation")
        return [*argv, "--auth-token", token]
    return argv


def main(argv: list[str] | None = None) -> None:
    argv = list(sys.argv[1:] if argv is None else argv)
    shell = argv[:1] == ["shell"]
    logs.install(wrap_streams=not shell)  # the shell needs the terminal as it is
    known_warnings.install()  # the irrelevant ones, by exact message (bot/known_warnings.py)
    argv = arguments(argv)
    from bot.dev import rasa_speedups

    model = model_file(argv)
    if not shell:  # with skops imported first, Rasa's start-up lines reach the shell's terminal
        rasa_speedups.import_early(model)  # skops.io, while few modules are loaded (not TensorFlow)
    rasa_speedups.skip_tensorflow(model)  # before anything imports Rasa
    rasa_speedups.lazy_imports()  # matplotlib, through Rasa's evaluation plots, when first used
    known_warnings.install_for_rasa()  # ours again, in front of Sanic's and Rasa's catch-alls
    apply_action_timeout(argv)
    rasa_speedups.apply()  # per-turn work Rasa repeats for nothing (docs/design/performance.md)
    if shell:
        from bot.dev.shell import main as shell_main

        shell_main(argv)
        return
    import rasa.__main__

    sys.argv = ["rasa", *argv]  # Python's copy only: /proc/<pid>/cmdline keeps the original
    rasa.__main__.main()


if __name__ == "__main__":
    main()
