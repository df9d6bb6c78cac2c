"""The FAQ corpus in faq_corpus/: loading, checking, and generating the Rasa training data from it."""

from bot.corpus.load import load_corpus
from bot.corpus.model import CorpusError, CorpusInvalid, FaqEntry

__all__ = ["CorpusError", "CorpusInvalid", "FaqEntry", "load_corpus"]
