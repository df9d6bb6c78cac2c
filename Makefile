# TechTrack Assistant. `make help` lists the targets; `make run` and `make test` do all set-up first.
SHELL := /bin/bash
.DEFAULT_GOAL := help

VENV := .venv
PYTHON := $(VENV)/bin/python
RASA := $(PYTHON) -m rasa

export RASA_TELEMETRY_ENABLED := false
export PYTHONPATH := $(CURDIR)
export PYTHONDONTWRITEBYTECODE := 1
export SQLALCHEMY_SILENCE_UBER_WARNING := 1
export ACTION_SERVER_HOST ?= localhost
export ACTION_SERVER_PORT ?= 5055
export ACTION_SERVER_URL ?= http://$(ACTION_SERVER_HOST):$(ACTION_SERVER_PORT)/webhook

.PHONY: help setup generate train run shell test lint validate unit browser conversations eval \
	tune-classifier compare-pipelines bench diagram lock clean report purge

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-18s %s\n", $$1, $$2}'

setup: ## Create .venv (Python 3.10), install pinned packages and the web chat widget (npm), generate data
	@scripts/setup-venv.sh
	@scripts/setup-web.sh
	@$(PYTHON) -m bot.corpus build

generate: setup ## Regenerate data/ from faq_corpus/ (also part of setup)

train: setup ## Train the model when config, domain, data or the classifier's code changed
	@$(PYTHON) -m bot.dev.train

run: train ## Serve the bot (action server + Rasa server, web chat page at /chat) and print how to talk to it
	@$(PYTHON) -m bot.dev.serve

shell: train ## Talk to the bot in this terminal (rasa shell, with the action server)
	@$(PYTHON) -m bot.dev.serve --shell

lint: setup ## ruff over the Python code
	@$(PYTHON) -m ruff check bot actions tests

validate: setup ## Check the corpus, the generated files and Rasa's data validation
	@$(PYTHON) -m bot.corpus build --check
	@$(PYTHON) -m bot.eligibility.diagram --check
	@scripts/validate-data.sh

unit: train browser ## pytest: corpus, rules, actions, the running servers, the web chat in Chromium, make shell
	@$(PYTHON) -m pytest

browser: ## Install Debian's chromium for the browser test when it is missing (apt-get)
	@scripts/ensure-chromium.sh

conversations: train ## Conversation tests (rasa test stories in tests/conversations/)
	@$(RASA) test core --model models/techtrack.tar.gz --stories tests/conversations \
		--fail-on-prediction-errors --out reports/conversations --no-plot

test: lint validate unit conversations ## Everything: lint, validation, pytest and conversation tests

eval: train ## Held-out figures: FAQ accuracy, macro-F1, out-of-scope recall, false rejection (reports/)
	@$(PYTHON) -m bot.dev.evaluate

compare-pipelines: setup ## Train and evaluate five NLU pipelines; writes docs/nlu-evaluation.md (~20 min)
	@$(PYTHON) -m bot.dev.compare_pipelines

tune-classifier: train ## Cross-validate the linear classifier's C on the training data (never the held-out sets)
	@$(PYTHON) -m bot.dev.tune_classifier

bench: train ## Server start-up time, resident memory of both servers, REST response times
	@$(PYTHON) -m bot.dev.bench

report: setup ## Analytics for FROM..TO (YYYY-MM-DD; default the last 30 days): text here, HTML in reports/
	@$(PYTHON) -m bot report $(if $(FROM),--from $(FROM)) $(if $(TO),--to $(TO))

purge: setup ## Delete conversations and analytics older than OLDER_THAN (e.g. 90d; default TECHTRACK_RETENTION_DAYS)
	@$(PYTHON) -m bot purge $(if $(OLDER_THAN),--older-than $(OLDER_THAN))

diagram: setup ## Regenerate docs/eligibility-flow.md from the eligibility rules
	@$(PYTHON) -m bot.eligibility.diagram

lock: ## Regenerate requirements/requirements.txt (exact pins, hashes) from requirements/requirements.in
	@scripts/lock.sh

clean: ## Remove the virtual env, models, caches, reports and the installed web chat widget
	rm -rf $(VENV) models .rasa reports logs .pytest_cache .ruff_cache web/node_modules
