#!/usr/bin/env bash
# `make cluster` and its tests put Debian's HAProxy (/usr/sbin/haproxy) in front of the Rasa replicas,
# run as the current user with its configuration, pid and log under var/cluster/ (never the system
# service). Install the Debian package when it is missing (as root, or with sudo).
set -euo pipefail
if command -v haproxy >/dev/null 2>&1 || [ -x /usr/sbin/haproxy ]; then
  exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "error: make cluster needs HAProxy (2.4 or later); install your system's haproxy package." >&2
  exit 1
fi
sudo=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then
    sudo="sudo"
  else
    echo "error: make cluster needs Debian's haproxy package; as root run: apt-get install haproxy" >&2
    exit 1
  fi
fi
echo "Installing Debian's haproxy package for make cluster (once)..."
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
# policy-rc.d 101: the package must not start (or enable) the system service; we run our own.
policy=/usr/sbin/policy-rc.d
created_policy=""
if [ ! -e "$policy" ]; then
  printf '#!/bin/sh\nexit 101\n' | $sudo tee "$policy" >/dev/null
  $sudo chmod 755 "$policy"
  created_policy=1
fi
status=0
$sudo apt-get install -y -qq --no-install-recommends haproxy >/dev/null || status=$?
if [ -n "$created_policy" ]; then
  $sudo rm -f "$policy"
fi
if [ "$status" -ne 0 ]; then
  echo "error: could not install Debian's haproxy package; install it (apt-get install haproxy) and retry." >&2
  exit 1
fi
/usr/sbin/haproxy -v | head -1
