"""`python -m bot.dev.rasa_cli ARGS`: Rasa's `rasa ARGS` without the warnings we know to be
irrelevant (bot/known_warnings.py), so that what it prints, or what its log holds, shows the ones
that matter. `make train` runs `rasa train` through it (bot/dev/train.py); the servers have their
own entries, which also redact their logs (bot/dev/rasa_server.py, bot/dev/action_server.py).
"""

from __future__ import annotations

import sys

from bot import known_warnings


def main(argv: list[str] | None = None) -> None:
    known_warnings.install_for_rasa()  # before Rasa's imports, which raise most of them
    import rasa.__main__

    sys.argv = ["rasa", *(sys.argv[1:] if argv is None else argv)]
    rasa.__main__.main()


if __name__ == "__main__":
    main()
