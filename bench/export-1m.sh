#!/usr/bin/env bash
# The web export of a large list as a clerk runs it (issue 12 §3): on a dataset kept by `KEEP=DIR bench/statistics-1m.sh`
# (1,000,000 enterprises), signs in as a Planner, starts the background export on /Staff/Export, prints the progress
# panel every second, downloads the file, and prints the server's peak RSS.
# Usage: bench/export-1m.sh DATA_DIR [KIND=enterprises] [FORMAT=xlsx]
set -euo pipefail
data=${1:?usage: bench/export-1m.sh DATA_DIR [KIND] [FORMAT]}
kind=${2:-enterprises} format=${3:-xlsx}
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
port=$((20000 + RANDOM % 20000))
pid=
stop() { if [[ -n $pid ]]; then kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; pid=; fi; }
trap 'stop; rm -rf "$work"' EXIT

dotnet publish "$root/src/SpotCheck" -c Release -o "$work/app" >/dev/null
pass='Bench!pass123'
echo "$pass" | "$work/app/spotcheck" users add bench-planner --role Planner --department BENCH --password-stdin --data-dir "$data" >/dev/null 2>&1 || true
ASPNETCORE_ENVIRONMENT=Production Serilog__MinimumLevel__Default=Warning \
  "$work/app/spotcheck" serve --urls "http://127.0.0.1:$port" --data-dir "$data" >"$work/serve.log" 2>&1 &
pid=$!
for _ in $(seq 1 600); do curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.5; done
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB RAM; export of $kind as $format"
python3 "$root/bench/export_progress.py" "http://127.0.0.1:$port" bench-planner "$pass" "$kind" "$format" "$work/export.$format"
echo "server peak RSS $(awk '/VmHWM/ {printf "%.0f MiB", $2/1024}' "/proc/$pid/status")"
