#!/usr/bin/env bash
# Times the in-browser "verify this draw" page (issue 10 part 4) on a synthetic record of ROWS frame rows: starts the
# host with the demo data on a free port, builds the record with the DRAW-v1 library, picks it as a file on the demo
# draw's verify page in the Debian Chromium (driven by Playwright) and prints the time from file to result, the slowest
# page response during the run and the peak used JS heap of the worker and of the page. Never downloads a browser.
# Usage: bench/verify-in-browser.sh [ROWS=1000000] [CHROMIUM=/usr/bin/chromium]
set -euo pipefail
rows=${1:-1000000}
chromium=${2:-/usr/bin/chromium}
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
host_pid=
cleanup() { [[ -n $host_pid ]] && kill "$host_pid" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT
dotnet build "$root/src/SpotCheck" -c Release -o "$work/host" >/dev/null
dotnet build "$root/bench/SpotCheck.Bench" -c Release -o "$work/bench" >/dev/null
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
url=http://127.0.0.1:$port
dotnet "$work/host/spotcheck.dll" serve --demo --data-dir "$work/data" --urls "$url" >"$work/host.log" 2>&1 &
host_pid=$!
for _ in $(seq 120); do curl -sf "$url/healthz" >/dev/null && break; sleep 1; done
draw=$(curl -sf "$url/api/v1/public/draws" | python3 -c 'import json, sys; print(json.load(sys.stdin)["items"][0]["drawId"])')
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, load average $(cut -d' ' -f1-3 /proc/loadavg); $("$chromium" --version)"
dotnet "$work/bench/SpotCheck.Bench.dll" verify-in-browser "$url" "$draw" "$rows" "$work/run" "$chromium"
