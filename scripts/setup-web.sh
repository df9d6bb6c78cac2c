#!/usr/bin/env bash
# Install the web page's packages (pinned in web/package-lock.json: the chat widget rasa-webchat,
# GOV.UK Frontend, and for building and testing, sass and axe-core) into web/node_modules with
# `npm ci`, then compile GOV.UK Frontend's styles for the page (web/govuk-frontend.scss) into
# web/build/govuk-frontend.css. The Rasa server serves them from there: nothing is fetched from a
# CDN at run time.
# Idempotent: does nothing when the stamps match the lock file's hash (and the styles' sources'),
# and then says "up to date" to scripts/step.sh, which runs it for `make setup`.
set -euo pipefail
cd "$(dirname "$0")/../web"
lock=package-lock.json
stamp=node_modules/.installed-package-lock
bundle=node_modules/rasa-webchat/lib/index.js
styles=build/govuk-frontend.css
styles_stamp=build/.govuk-frontend.inputs
want=$(sha256sum "$lock" | cut -d' ' -f1)
did_something=false

need_node() {
  if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
    echo "error: the web chat widget needs Node.js and npm (Debian: apt-get install nodejs npm)." >&2
    exit 1
  fi
}

if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ] || [ ! -f "$bundle" ]; then
  need_node
  echo "Installing the web chat widget and GOV.UK Frontend into web/node_modules (npm ci)..."
  npm ci --no-audit --no-fund --loglevel=error
  if [ ! -f "$bundle" ]; then
    echo "error: npm ci finished but $bundle is missing." >&2
    exit 1
  fi
  echo "$want" > "$stamp"
  echo "Web chat widget installed."
  did_something=true
fi

styles_want=$(cat "$lock" govuk-frontend.scss | sha256sum | cut -d' ' -f1)
if [ ! -f "$styles" ] || [ ! -f "$styles_stamp" ] || [ "$(cat "$styles_stamp")" != "$styles_want" ]; then
  need_node
  echo "Compiling GOV.UK Frontend's styles into web/$styles (sass)..."
  mkdir -p build
  node_modules/.bin/sass --no-source-map --style=compressed --quiet-deps --load-path=node_modules \
    govuk-frontend.scss "$styles"
  echo "$styles_want" > "$styles_stamp"
  did_something=true
fi
if ! $did_something && [ -n "${STEP_NOTE:-}" ]; then
  echo "up to date" > "$STEP_NOTE"
fi
