#!/usr/bin/env bash
# Create .venv with Python 3.10 and install requirements/requirements.txt (exact pins, hashes) with
# uv, which is itself installed, pinned and hash-checked, from requirements/tools.txt into .venv-tools.
# Idempotent: does nothing when the stamp in .venv matches the lock file's hash (and says "up to
# date" to scripts/step.sh, which runs it for `make setup`).
# `scripts/setup-venv.sh --tools` only makes sure of .venv-tools (for `make lock`).
set -euo pipefail
cd "$(dirname "$0")/.."
lock=requirements/requirements.txt
tools=requirements/tools.txt
stamp=.venv/.installed-requirements
tools_stamp=.venv-tools/.installed-tools
uv=.venv-tools/bin/uv
is_310() { "$1" -c 'import sys; sys.exit(sys.version_info[:2] != (3, 10))' >/dev/null 2>&1; }
hash_of() { sha256sum "$1" | cut -d' ' -f1; }

ensure_tools() {
  if [ -x "$uv" ] && [ -f "$tools_stamp" ] && [ "$(cat "$tools_stamp")" = "$(hash_of "$tools")" ]; then
    return
  fi
  echo "Installing uv into .venv-tools..."
  rm -rf .venv-tools
  "$(scripts/python310.sh)" -m venv .venv-tools
  .venv-tools/bin/python -m pip install --quiet --disable-pip-version-check --require-hashes --no-deps \
    -r "$tools"
  hash_of "$tools" > "$tools_stamp"
}

if [ "${1:-}" = --tools ]; then
  ensure_tools
  exit 0
fi
want=$(hash_of "$lock")
if is_310 .venv/bin/python && [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then
  [ -n "${STEP_NOTE:-}" ] && echo "up to date" > "$STEP_NOTE"
  exit 0
fi
python=$(scripts/python310.sh)
ensure_tools
if ! is_310 .venv/bin/python; then
  echo "Creating .venv with $python"
  rm -rf .venv
  "$python" -m venv .venv
fi
echo "Installing pinned packages into .venv with uv..."
# sync: exactly the lock (stale packages removed; venv's pip kept); bytecode compiled as pip would,
# since the Makefile sets PYTHONDONTWRITEBYTECODE.
"$uv" pip sync --quiet --require-hashes --compile-bytecode --python .venv/bin/python "$lock"
"$uv" pip check --quiet --python .venv/bin/python || "$uv" pip check --python .venv/bin/python
echo "$want" > "$stamp"
echo "Packages installed."
