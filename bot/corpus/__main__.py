"""`python -m bot.corpus check|build [--check]`: validate the corpus, generate the Rasa data."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from bot.corpus.build import display, stale_files, write_generated
from bot.corpus.load import load_corpus
from bot.corpus.model import CorpusInvalid
from bot.paths import CORPUS_DIR, DATA_DIR


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bot.corpus", description=__doc__)
    parser.add_argument("command", choices=["check", "build"])
    parser.add_argument("--corpus", type=Path, default=CORPUS_DIR, help="corpus folder")
    parser.add_argument("--data", type=Path, default=DATA_DIR, help="Rasa data folder to write")
    parser.add_argument(
        "--check", action="store_true", help="with build: write nothing, fail if files are stale"
    )
    args = parser.parse_args(argv)

    try:
        entries = load_corpus(args.corpus)
    except CorpusInvalid as invalid:
        for problem in invalid.problems:
            print(problem, file=sys.stderr)
        print(f"{len(invalid.problems)} problem(s) in the FAQ corpus", file=sys.stderr)
        return 1
    if args.command == "check":
        print(f"FAQ corpus OK: {len(entries)} entries")
        return 0
    if args.check:
        stale = stale_files(entries, args.data)
        for path in stale:
            print(f"stale: {display(path)} (run `python -m bot.corpus build`)", file=sys.stderr)
        return 1 if stale else 0
    written = write_generated(entries, args.data)
    for path in written:
        print(f"wrote {display(path)}")
    if not written:
        from bot.dev.steps import note

        note("up to date")  # for `make setup`'s line (scripts/step.sh)
    return 0


if __name__ == "__main__":
    sys.exit(main())
