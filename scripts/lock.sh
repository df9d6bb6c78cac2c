#!/usr/bin/env bash
# `make lock`: regenerate requirements/requirements.txt (see scripts/lock.py).
set -euo pipefail
cd "$(dirname "$0")/.."
python=$(scripts/python310.sh)
"$python" scripts/lock.py
