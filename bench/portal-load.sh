#!/usr/bin/env bash
# Portal speed at scale (SPEC §6: portal pages and public API p95 < 50 ms at 200 concurrent connections on the demo data
# + 1,000,000 enterprises + 100,000 published results). Builds the dataset in a fresh SQLite data directory: the demo
# (`serve --demo`), ENTERPRISES enterprises through the real `spotcheck import enterprises`, RESULTS published results
# through a bulk path for benchmark data only (bench/SpotCheck.Bench portal-seed); then starts `spotcheck serve` in
# Release and runs CLIENTS anonymous connections for SECONDS seconds over a URL mix (home, results by name / USCC /
# filters / deep pages, enterprise, batch and draw pages, public API, open-data export) with bench/SpotCheck.Load.
# Prints p50/p95/p99 overall and per kind, requests/s, errors, data size and machine.
# Usage: bench/portal-load.sh [ENTERPRISES=1000000] [RESULTS=100000] [CLIENTS=200] [SECONDS=60]
# PORTAL_DATA=DIR keeps the dataset in DIR (data/ and urls.txt) and reuses it on the next run: building it takes minutes.
set -euo pipefail
enterprises=${1:-1000000} results=${2:-100000} clients=${3:-200} seconds=${4:-60}
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
port=$((20000 + RANDOM % 20000))
pid=
stop() { if [[ -n $pid ]]; then kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; pid=; fi; }
trap 'stop; rm -rf "$work"' EXIT
data=${PORTAL_DATA:-$work}

echo "building (Release)…"
dotnet publish "$root/src/SpotCheck" -c Release -o "$work/app" >/dev/null
dotnet build "$root/bench/SpotCheck.Bench" -c Release -o "$work/bench" >/dev/null
dotnet build "$root/bench/SpotCheck.Load" -c Release -o "$work/load" >/dev/null

serve() { # serve [--demo]
  ASPNETCORE_ENVIRONMENT=Production Serilog__MinimumLevel__Default=Warning \
    "$work/app/spotcheck" serve --urls "http://127.0.0.1:$port" --data-dir "$data/data" "$@" >>"$work/serve.log" 2>&1 &
  pid=$!
  for _ in $(seq 1 1200); do curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && return 0; sleep 0.5; done
  echo "server did not start:"; tail -20 "$work/serve.log"; exit 1
}

t0=$(date +%s)
if [[ -f $data/urls.txt ]]; then
  echo "reusing the dataset in $data"
  serve
else
  serve --demo
  stop
  python3 "$root/bench/SpotCheck.Bench/Import/generate_enterprises.py" "$enterprises" >"$work/enterprises.csv"
  "$work/app/spotcheck" import enterprises "$work/enterprises.csv" --data-dir "$data/data" | tail -1
  rm "$work/enterprises.csv"
  dotnet "$work/bench/SpotCheck.Bench.dll" portal-seed "$data/data" "$results" "$data/urls.txt.part"
  mv "$data/urls.txt.part" "$data/urls.txt"
  serve
  echo "dataset built in $(( $(date +%s) - t0 )) s: demo + $enterprises enterprises + $results bulk results"
fi
echo "database $(du -h "$data/data/spotcheck.db" | cut -f1)"
echo "machine: $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)), $(free -g | awk '/Mem:/ {print $2}') GiB RAM, load average $(cut -d' ' -f1-3 /proc/loadavg)"

dotnet "$work/load/SpotCheck.Load.dll" portal --base "http://127.0.0.1:$port" --urls "$data/urls.txt" --clients "$clients" --seconds "$seconds"
status=$?
echo "server RSS $(ps -o rss= -p "$pid" | awk '{printf "%.0f MiB", $1/1024}')"
exit $status
