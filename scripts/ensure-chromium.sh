#!/usr/bin/env bash
# The browser test drives Debian's Chromium (/usr/bin/chromium) with Playwright; it never downloads a
# browser of its own. Install the Debian package when it is missing (as root, or with sudo).
set -euo pipefail
if [ -x /usr/bin/chromium ]; then
  exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "error: the browser test needs Chromium at /usr/bin/chromium; install your system's chromium package." >&2
  exit 1
fi
sudo=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then
    sudo="sudo"
  else
    echo "error: the browser test needs Debian's chromium package; as root run: apt-get install chromium" >&2
    exit 1
  fi
fi
echo "Installing Debian's chromium package for the browser test (once)..."
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
if ! $sudo apt-get install -y -qq --no-install-recommends chromium >/dev/null; then
  echo "error: could not install Debian's chromium package; install it (apt-get install chromium) and retry." >&2
  exit 1
fi
/usr/bin/chromium --version
