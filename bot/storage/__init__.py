"""Persistence: Rasa's SQL tracker store on our database, our own analytics tables (tt_*) with
Alembic migrations, the PII scrubber, the background recorder, reports and retention."""
