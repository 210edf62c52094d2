#!/usr/bin/env bash
# Staff lists and search at scale (issue 12: p95 < 100 ms at 50 concurrent staff users over 1,000,000 enterprises), on
# a dataset kept by `KEEP=DIR bench/statistics-1m.sh` (1,000,000 enterprises, 100,000 tasks, 2,000 officers, all in
# department BENCH). Adds a Planner of BENCH (so every list runs under the department scope), starts `spotcheck serve`
# in Release, and runs CLIENTS signed-in sessions for SECONDS seconds over the URL mix of bench/staff-urls.py with
# bench/SpotCheck.Load, each session reading a page every THINK ms on average (a clerk reading the page before the next
# click; THINK=0 is a closed loop: a stress test of throughput). Prints p50/p95/p99 overall and per page.
# With BENCH_PG=CONNECTION the dataset is the PostgreSQL database "spotcheck_bench" on that server (built by
# `BENCH_PG=CONNECTION bench/statistics-1m.sh`); DATA_DIR then only holds the host's keys and logs.
# Usage: bench/staff-load.sh DATA_DIR [CLIENTS=50] [SECONDS=60] [THINK=1000]
set -euo pipefail
data=${1:?usage: bench/staff-load.sh DATA_DIR [CLIENTS] [SECONDS]}
clients=${2:-50} seconds=${3:-60} think=${4:-1000}
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
port=$((20000 + RANDOM % 20000))
pid=
stop() { if [[ -n $pid ]]; then kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; pid=; fi; }
trap 'stop; rm -rf "$work"' EXIT

echo "building (Release)…"
dotnet publish "$root/src/SpotCheck" -c Release -o "$work/app" >/dev/null
dotnet build "$root/bench/SpotCheck.Load" -c Release -o "$work/load" >/dev/null
pass='Bench!pass123'
db="$data/spotcheck.db" storage=(--data-dir "$data")
if [[ -n ${BENCH_PG:-} ]]; then db="$BENCH_PG;Database=spotcheck_bench"; storage+=(--db "$db"); fi
echo "$pass" | "$work/app/spotcheck" users add bench-planner --role Planner --department BENCH --password-stdin "${storage[@]}" >/dev/null 2>&1 || true
python3 "$root/bench/staff-urls.py" "$db" 3000 >"$work/urls.txt"

ASPNETCORE_ENVIRONMENT=Production Serilog__MinimumLevel__Default=Warning \
  "$work/app/spotcheck" serve --urls "http://127.0.0.1:$port" "${storage[@]}" >"$work/serve.log" 2>&1 &
pid=$!
for _ in $(seq 1 600); do curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.5; done
echo "database ${BENCH_PG:+PostgreSQL }$([[ -n ${BENCH_PG:-} ]] || du -h "$db" | cut -f1): $(python3 "$root/bench/staff-urls.py" "$db" --counts)"
echo "machine: $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)), $(free -g | awk '/Mem:/ {print $2}') GiB RAM, load average $(cut -d' ' -f1-3 /proc/loadavg)"
set +e
dotnet "$work/load/SpotCheck.Load.dll" staff --base "http://127.0.0.1:$port" --urls "$work/urls.txt" --user bench-planner --password "$pass" \
  --clients "$clients" --seconds "$seconds" --think-ms "$think"
status=$?
echo "server RSS $(ps -o rss= -p "$pid" | awk '{printf "%.0f MiB", $1/1024}')"
exit $status
