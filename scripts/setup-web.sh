#!/usr/bin/env bash
# Install the chat widget (rasa-webchat, pinned in web/package-lock.json) into web/node_modules with
# `npm ci`. The Rasa server serves it from there: nothing is fetched from a CDN at run time.
# Idempotent: does nothing when the stamp in web/node_modules matches the lock file's hash.
set -euo pipefail
cd "$(dirname "$0")/../web"
lock=package-lock.json
stamp=node_modules/.installed-package-lock
bundle=node_modules/rasa-webchat/lib/index.js
want=$(sha256sum "$lock" | cut -d' ' -f1)

if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ] && [ -f "$bundle" ]; then
  exit 0
fi
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  echo "error: the web chat widget needs Node.js and npm (Debian: apt-get install nodejs npm)." >&2
  exit 1
fi
echo "Installing the web chat widget into web/node_modules (npm ci)..."
npm ci --no-audit --no-fund --loglevel=error
if [ ! -f "$bundle" ]; then
  echo "error: npm ci finished but $bundle is missing." >&2
  exit 1
fi
echo "$want" > "$stamp"
echo "Web chat widget installed."
