#!/usr/bin/env bash
# Times the statistics dashboards (issue 13: < 1 s each) on N enterprises and N × PPM / 10⁶ tasks in a fresh SQLite
# database: the data come from a real draw (bench/draw-plan-1m.sh's steps), then the dashboard, fairness report and
# repeat-check alerts run three times each through their handlers.
# Usage: bench/statistics-1m.sh [N=1000000] [PPM=100000] [OFFICERS=2000]
# KEEP=DIR keeps the dataset in DIR and, when DIR already holds one, times it again without the setup;
# SQL_LOG=1 prints every statement with its time.
# BENCH_PG=CONNECTION builds the data in the PostgreSQL database "spotcheck_bench" on that server (and leaves it there for
# bench/staff-load.sh) and times the reports on it.
set -euo pipefail
n=${1:-1000000}
ppm=${2:-100000}
officers=${3:-2000}
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
data=${KEEP:-$work/data}
dotnet build "$root/bench/SpotCheck.Bench" -c Release -o "$work/bin" >/dev/null
[[ -f $data/spotcheck.db ]] || python3 "$root/bench/SpotCheck.Bench/Import/generate_enterprises.py" "$n" >"$work/enterprises.csv"
echo "statistics: $n enterprises, ratio $ppm ppm per risk class, $officers officers, $(nproc) cores"
/usr/bin/time -f 'total %e s wall, peak RSS %M KiB' dotnet "$work/bin/SpotCheck.Bench.dll" statistics "$work/enterprises.csv" "$data" "$ppm" "$officers"
