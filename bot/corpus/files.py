"""Reading the corpus files: each faq_corpus/<id>.yml as parsed YAML, unchecked."""

from __future__ import annotations

from pathlib import Path

import yaml

from bot.corpus.model import CorpusError
from bot.paths import CORPUS_DIR

RawEntries = list[tuple[Path, object]]


def read_raw(corpus_dir: Path = CORPUS_DIR) -> RawEntries:
    """Each corpus file with its parsed YAML, in file-name order (no validation)."""
    out: RawEntries = []
    for path in sorted(corpus_dir.glob("*.yml")):
        try:
            out.append((path, yaml.safe_load(path.read_text(encoding="utf-8"))))
        except yaml.YAMLError as exc:
            raise CorpusError(path, "file", f"not valid YAML ({exc})") from exc
    return out
