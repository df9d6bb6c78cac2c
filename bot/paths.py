"""Where the project's files live, relative to the repository root."""

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS_DIR = ROOT / "faq_corpus"
DATA_DIR = ROOT / "data"
SEED_PAGE = ROOT / "docs" / "source" / "techtrack-faq.txt"
