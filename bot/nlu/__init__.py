"""The NLU side of the bot: the classifier, the safety net over it, and how an FAQ answer is chosen."""
