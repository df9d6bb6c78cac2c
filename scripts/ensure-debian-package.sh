#!/usr/bin/env bash
# Install one of Debian's packages when the program it provides is missing (as root, or with sudo).
# Used by `make browser` (chromium, for the browser test, which never downloads a browser of its
# own) and `make haproxy` (haproxy, for make cluster, run as the current user with its files under
# var/cluster/, never as the system service).
#   scripts/ensure-debian-package.sh PACKAGE PROGRAM WHAT-NEEDS-IT
set -euo pipefail
package=${1:?package}
program=${2:?program path}
needed_by=${3:?what needs it}
if [ -x "$program" ]; then
  exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "error: $needed_by needs $program; install your system's $package package." >&2
  exit 1
fi
sudo=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then
    sudo="sudo"
  else
    echo "error: $needed_by needs Debian's $package package; as root run: apt-get install $package" >&2
    exit 1
  fi
fi
echo "Installing Debian's $package package for $needed_by (once)..."
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
# policy-rc.d 101: a package must not start (or enable) a system service; we run our own.
policy=/usr/sbin/policy-rc.d
created_policy=""
if [ ! -e "$policy" ]; then
  printf '#!/bin/sh\nexit 101\n' | $sudo tee "$policy" >/dev/null
  $sudo chmod 755 "$policy"
  created_policy=1
fi
status=0
$sudo apt-get install -y -qq --no-install-recommends "$package" >/dev/null || status=$?
if [ -n "$created_policy" ]; then
  $sudo rm -f "$policy"
fi
if [ "$status" -ne 0 ] || [ ! -x "$program" ]; then
  echo "error: could not install Debian's $package package; install it (apt-get install $package) and retry." >&2
  exit 1
fi
echo "Installed $package: $program"
