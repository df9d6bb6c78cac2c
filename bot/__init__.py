"""TechTrack Assistant: corpus, rules and tools behind the Rasa bot (no Rasa imports at module level)."""
