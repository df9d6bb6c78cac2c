#!/usr/bin/env bash
# Print the path of a Python 3.10 interpreter (Rasa 3.6 refuses 3.11+): $PYTHON310, python3.10 on
# PATH, or any 3.10 that pyenv has installed (pyenv's python3.10 shim only answers where pyenv
# selects 3.10, so the versions are looked up directly).
set -u
is_310() { "$1" -c 'import sys; sys.exit(sys.version_info[:2] != (3, 10))' >/dev/null 2>&1; }

for candidate in ${PYTHON310:-} python3.10; do
  path=$(command -v "$candidate" 2>/dev/null) || continue
  if is_310 "$path"; then echo "$path"; exit 0; fi
done
if command -v pyenv >/dev/null 2>&1; then
  root=$(pyenv root)
  for version in $(pyenv versions --bare 2>/dev/null | grep -E '^3\.10(\.[0-9]+)?$' | sort -t. -k3,3nr); do
    path="$root/versions/$version/bin/python3.10"
    if is_310 "$path"; then echo "$path"; exit 0; fi
  done
fi
echo "error: Python 3.10 not found. Install it (pyenv install 3.10, or your system's python3.10 package) or set PYTHON310=/path/to/python3.10." >&2
exit 1
