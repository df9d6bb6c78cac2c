"""`python -m bot.eligibility.domain [--check]`: the eligibility check's part of domain.yml — one
slot per question, the form's required slots and one ask action per question — generated from
the flow in routing.py, between BEGIN/END GENERATED markers."""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

from bot.eligibility.conversation import slot_for
from bot.eligibility.routing import QUESTION_ORDER
from bot.paths import ROOT

DOMAIN = ROOT / "domain.yml"


def blocks() -> dict[str, str]:
    slots = "".join(
        f"  {slot_for(q)}:\n    type: any\n    influence_conversation: false\n"
        "    mappings:\n      - type: custom\n" for q in QUESTION_ORDER
    )
    required = "".join(f"      - {slot_for(q)}\n" for q in QUESTION_ORDER)
    asks = "".join(f"  - action_ask_{slot_for(q)}\n" for q in QUESTION_ORDER)
    return {"eligibility slots": slots, "eligibility required slots": required,
            "eligibility ask actions": asks}


def render(text: str) -> str:
    for name, body in blocks().items():
        pattern = re.compile(
            r"(?P<begin>^(?P<indent>[ ]*)# BEGIN GENERATED: " + re.escape(name) + r"\b[^\n]*\n)"
            r".*?(?P<end>^[ ]*# END GENERATED: " + re.escape(name) + r"\n?)",
            re.MULTILINE | re.DOTALL,
        )
        if not pattern.search(text):
            raise ValueError(f"domain.yml has no BEGIN/END GENERATED markers for {name}")
        text = pattern.sub(lambda m, body=body: m.group("begin") + body + m.group("end"), text, count=1)
    return text


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bot.eligibility.domain", description=__doc__)
    parser.add_argument("--check", action="store_true", help="fail if domain.yml is stale")
    parser.add_argument("--domain", type=Path, default=DOMAIN)
    args = parser.parse_args(argv)
    current = args.domain.read_text()
    wanted = render(current)
    if args.check:
        if wanted != current:
            print("stale: domain.yml's eligibility blocks (run `python -m bot.eligibility.domain`)",
                  file=sys.stderr)
            return 1
        return 0
    if wanted != current:
        args.domain.write_text(wanted)
        print("wrote domain.yml's eligibility blocks")
    return 0


if __name__ == "__main__":
    sys.exit(main())
