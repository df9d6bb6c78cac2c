"""The FAQ corpus in faq_corpus/: loading, checking, and generating the Rasa training data from it."""

from bot.corpus.model import FaqEntry, load_corpus

__all__ = ["FaqEntry", "load_corpus"]
