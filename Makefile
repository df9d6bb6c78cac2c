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

.PHONY: help setup generate train run shell test lint validate unit integration browser conversations eval \
	tune-classifier compare-pipelines bench security diagram lock clean report purge cluster cluster-bench haproxy

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-18s %s\n", $$1, $$2}'

# Set-up steps print a line each (scripts/step.sh); their output goes to logs/<name>.log.
setup: ## Create .venv (Python 3.10), install pinned packages (uv) and the web chat widget (npm), generate data; logs in logs/setup-*.log
	@scripts/step.sh setup-python "Python packages (uv)" scripts/setup-venv.sh
	@scripts/step.sh setup-web "web chat widget (npm)" scripts/setup-web.sh
	@scripts/step.sh setup-data "FAQ training data (data/)" $(PYTHON) -m bot.corpus build

generate: setup ## Regenerate data/ from faq_corpus/ (also part of setup)

train: setup ## Train the model when config, domain, data or the classifier's code changed; log in logs/train.log
	@scripts/step.sh train "model (rasa train)" $(PYTHON) -m bot.dev.train

run: train ## Serve the bot (action server + Rasa server, web chat page at /chat); prints where to chat and the logs
	@$(PYTHON) -m bot.dev.serve

shell: train ## Talk to the bot in this terminal (rasa shell, with the action server)
	@$(PYTHON) -m bot.dev.serve --shell

lint: setup ## ruff over the Python code
	@$(PYTHON) -m ruff check bot actions tests

validate: setup ## Check the corpus and every generated file (data, diagram, domain) and Rasa's data validation
	@$(PYTHON) -m bot.corpus build --check
	@$(PYTHON) -m bot.eligibility.diagram --check
	@$(PYTHON) -m bot.eligibility.domain --check
	@scripts/validate-data.sh

unit: setup ## pytest's fast lane, tests/unit: corpus, rules, actions, storage; needs no model, servers or browser
	@$(PYTHON) -m pytest tests/unit

integration: train browser haproxy ## pytest, tests/integration: trained model, running servers, channel fakes, Chromium, make shell, the cluster
	@$(PYTHON) -m pytest tests/integration

browser: ## Install Debian's chromium for the browser test when it is missing (apt-get)
	@scripts/ensure-debian-package.sh chromium /usr/bin/chromium 'the browser test'

haproxy: ## Install Debian's haproxy for make cluster and its tests when it is missing (apt-get)
	@scripts/ensure-debian-package.sh haproxy /usr/sbin/haproxy 'make cluster'

cluster: train haproxy ## Production topology here: HAProxy, 2 Rasa replicas, 2 action servers, PostgreSQL, Redis; web chat via the balancer
	@$(PYTHON) -m bot.dev.cluster

cluster-bench: train haproxy ## Throughput of make cluster with 1 and 2 Rasa replicas (50 conversations x 10 turns), events counted in PostgreSQL
	@$(PYTHON) -m bot.dev.load

conversations: train ## Conversation tests (rasa test stories in tests/conversations/)
	@$(RASA) test core --model models/techtrack.tar.gz --stories tests/conversations \
		--fail-on-prediction-errors --out reports/conversations --no-plot

test: lint validate unit integration conversations ## Everything: lint, validation, both pytest lanes and conversation tests

eval: train ## Held-out figures: FAQ, out-of-scope, everyday off-topic, eligibility answers, personas (starts the servers)
	@$(PYTHON) -m bot.dev.evaluate

compare-pipelines: setup ## Train and evaluate five NLU pipelines; writes docs/nlu-evaluation.md (~20 min)
	@$(PYTHON) -m bot.dev.compare_pipelines

tune-classifier: train ## Cross-validate the linear classifier's C on the training data (never the held-out sets)
	@$(PYTHON) -m bot.dev.tune_classifier

bench: train ## Ours against a stock rasa init bot side by side: latency, throughput, start-up, memory, bytes stored
	@$(PYTHON) -m bot.dev.bench

security: train ## Replay attacks on both servers (127.0.0.1 only) and pip-audit the lock; a PASS/FAIL line each
	@scripts/setup-venv.sh --tools
	@$(PYTHON) -m bot.dev.security

report: setup ## Analytics for FROM..TO (YYYY-MM-DD; default the last 30 days): text here, HTML in reports/
	@$(PYTHON) -m bot report $(if $(FROM),--from $(FROM)) $(if $(TO),--to $(TO))

purge: setup ## Delete conversations and analytics older than OLDER_THAN (e.g. 90d; default TECHTRACK_RETENTION_DAYS)
	@$(PYTHON) -m bot purge $(if $(OLDER_THAN),--older-than $(OLDER_THAN))

diagram: setup ## Regenerate docs/eligibility-flow.md from the eligibility rules
	@$(PYTHON) -m bot.eligibility.diagram

lock: ## Regenerate requirements/*.txt (exact pins, hashes) from requirements/*.in with uv, keeping pins
	@scripts/lock.sh

clean: ## Remove the virtual envs (.venv, .venv-tools), models, caches, reports and the web chat widget
	rm -rf $(VENV) .venv-tools models .rasa reports logs .pytest_cache .ruff_cache web/node_modules web/build
