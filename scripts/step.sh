#!/usr/bin/env bash
# `scripts/step.sh NAME LABEL COMMAND [ARGS...]`: run one set-up step quietly. The console gets one
# line, "✓ LABEL — 41 s" (or "✓ LABEL — up to date" when the step wrote that into the file named by
# $STEP_NOTE: bot/dev/steps.py); everything the command prints goes to logs/NAME.log, which holds
# the step's last run. Progress bars keep only their final state there, and colour codes are
# dropped. When the command fails: "✗ LABEL — failed ...", the log's name and its last lines, on
# stderr, and the command's exit status. On a terminal, "… LABEL" shows while the step runs.
set -uo pipefail
name=$1 label=$2
shift 2
cd "$(dirname "$0")/.."
umask 077
mkdir -p logs && chmod 700 logs
log=logs/$name.log
note=$(mktemp)
trap 'rm -f "$note"' EXIT

duration() {  # milliseconds -> "0.4 s", "41 s", "1 min 43 s"
  local ms=$1 s
  if ((ms < 10000)); then printf '%d.%d s' $((ms / 1000)) $((ms % 1000 / 100)); return; fi
  s=$(((ms + 500) / 1000))
  if ((s < 60)); then printf '%d s' "$s"; else printf '%d min %d s' $((s / 60)) $((s % 60)); fi
}

tty=false
[ -t 1 ] && tty=true
$tty && printf '… %s' "$label"
started=$(date +%s%N)
# Each line as it was last drawn (a progress bar redraws itself after \r), without colour codes.
STEP_NOTE=$note "$@" < /dev/null 2>&1 \
  | awk '{ n = split($0, part, "\r"); line = ""
           for (i = n; i >= 1; i--) if (part[i] != "") { line = part[i]; break }
           gsub(/\033\[[0-9;]*[A-Za-z]/, "", line); print line; fflush() }' > "$log"
status=${PIPESTATUS[0]}
took=$(duration $((($(date +%s%N) - started) / 1000000)))
$tty && printf '\r\033[K'
if [ "$status" -ne 0 ]; then
  {
    echo "✗ $label — failed after $took (exit $status). Its output is in $log; the last lines:"
    tail -n 25 "$log" | sed 's/^/    /'
  } >&2
  exit "$status"
fi
if [ -s "$note" ]; then
  echo "✓ $label — $(head -n 1 "$note")"
else
  echo "✓ $label — $took"
fi
