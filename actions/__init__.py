"""Rasa SDK actions: thin adapters between the Rasa tracker and the bot package."""
