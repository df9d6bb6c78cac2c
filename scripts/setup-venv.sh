#!/usr/bin/env bash
# Create .venv with Python 3.10 and install requirements/requirements.txt (exact pins, hashes).
# Idempotent: does nothing when the stamp in .venv matches the lock file's hash.
set -euo pipefail
cd "$(dirname "$0")/.."
lock=requirements/requirements.txt
stamp=.venv/.installed-requirements
want=$(sha256sum "$lock" | cut -d' ' -f1)
venv_is_310() { .venv/bin/python -c 'import sys; sys.exit(sys.version_info[:2] != (3, 10))' >/dev/null 2>&1; }

if venv_is_310 && [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then
  exit 0
fi
python=$(scripts/python310.sh)
if ! venv_is_310; then
  echo "Creating .venv with $python"
  rm -rf .venv
  "$python" -m venv .venv
fi
echo "Installing pinned packages into .venv (the first time takes a few minutes)..."
.venv/bin/python -m pip install --quiet --disable-pip-version-check --require-hashes --no-deps -r "$lock"
.venv/bin/python -m pip check >/dev/null || .venv/bin/python -m pip check
echo "$want" > "$stamp"
echo "Packages installed."
