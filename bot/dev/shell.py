"""`python -m bot.dev.shell shell ARGS`: Rasa's `rasa shell ARGS`, except that Ctrl-D leaves it as `/stop`
does. (In Rasa 3.6 Ctrl-D prints an EOFError traceback and leaves the shell hanging.)"""

from __future__ import annotations

import sys
from typing import Any

import rasa.__main__
from rasa.core.channels import console

_get_user_input = console._get_user_input


async def _input_or_none_at_end_of_input(previous_response: Any) -> str | None:
    try:
        return await _get_user_input(previous_response)
    except EOFError:
        return None  # the console's loop ends on None, as on /stop


def main(argv: list[str]) -> None:
    console._get_user_input = _input_or_none_at_end_of_input  # type: ignore[assignment]
    sys.argv = ["rasa", *argv]
    rasa.__main__.main()


if __name__ == "__main__":
    main(sys.argv[1:])
