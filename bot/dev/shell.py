"""`python -m bot.dev.shell shell ARGS [--log-file PATH]`: Rasa's `rasa shell ARGS`, except that
Ctrl-D leaves it as `/stop` does (in Rasa 3.6 Ctrl-D prints an EOFError traceback and leaves the
shell hanging), and that with `--log-file` the terminal shows the conversation and only the
warnings and errors of Rasa's log: all of the log goes to PATH (0600; Rasa's own `--log-file`
would catch one logger's lines only). bot/dev/serve.py runs it with logs/rasa-shell.log."""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path
from typing import Any

import rasa.__main__
import rasa.utils.io
from rasa.core.channels import console

from bot.logs import private_log_file

_get_user_input = console._get_user_input
LOG_FORMAT = "%(asctime)s %(levelname)-8s %(name)s  - %(message)s"  # Rasa's


async def _input_or_none_at_end_of_input(previous_response: Any) -> str | None:
    try:
        return await _get_user_input(previous_response)
    except EOFError:
        return None  # the console's loop ends on None, as on /stop


def take_log_file(argv: list[str]) -> tuple[list[str], Path | None]:
    """`argv` without `--log-file PATH` (or `--log-file=PATH`), and PATH."""
    rest: list[str] = []
    path: Path | None = None
    arguments = iter(argv)
    for argument in arguments:
        if argument == "--log-file":
            path = Path(next(arguments))
        elif argument.startswith("--log-file="):
            path = Path(argument.partition("=")[2])
        else:
            rest.append(argument)
    return rest, path


def log_to_file(path: Path) -> None:
    """Once Rasa has set up its logging to the terminal: only warnings and errors there, and every
    line at Rasa's log level to `path`."""
    configure = rasa.utils.io.configure_colored_logging

    def terminal_and_file(loglevel: str) -> None:
        configure(loglevel)
        root = logging.getLogger()
        for handler in root.handlers:
            handler.setLevel(max(handler.level, logging.WARNING))
        to_file = logging.StreamHandler(os.fdopen(private_log_file(path), "w", buffering=1))
        to_file.setFormatter(logging.Formatter(LOG_FORMAT, datefmt="%Y-%m-%d %H:%M:%S"))
        root.addHandler(to_file)

    rasa.utils.io.configure_colored_logging = terminal_and_file  # type: ignore[assignment]


def main(argv: list[str]) -> None:
    argv, log_file = take_log_file(argv)
    console._get_user_input = _input_or_none_at_end_of_input  # type: ignore[assignment]
    if log_file is not None:
        log_to_file(log_file)
    sys.argv = ["rasa", *argv]
    rasa.__main__.main()


if __name__ == "__main__":
    main(sys.argv[1:])
