"""`python -m bot.dev.rasa_server run|shell ARGS`: Rasa's `rasa run ARGS` (or our `rasa shell`,
bot/dev/shell.py), with two differences:

- the logs are redacted (bot/logs.py): no message text, tracker or slot value gets into them;
- the HTTP API's token comes from RASA_API_TOKEN in the environment. Rasa 3.6 reads it only from
  `--auth-token`, where every user of the machine can see it (`ps`, /proc/<pid>/cmdline); this
  entry adds it to the arguments inside the process, so it is never on the command line.
  `--enable-api` without RASA_API_TOKEN is refused: the API would hand out every conversation.
"""

from __future__ import annotations

import os
import sys

from bot import logs

API_TOKEN_ENV = "RASA_API_TOKEN"


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
    argv = arguments(argv)
    if shell:
        from bot.dev.shell import main as shell_main

        shell_main(argv)
        return
    import rasa.__main__

    sys.argv = ["rasa", *argv]  # Python's copy only: /proc/<pid>/cmdline keeps the original
    rasa.__main__.main()


if __name__ == "__main__":
    main()
