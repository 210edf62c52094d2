#!/usr/bin/env bash
# Times planning a draw over N enterprises in a fresh SQLite database (SPEC §6: "freeze + hash + select + persist:
# seconds, not minutes"), through the real use-case handlers: import N enterprises and OFFICERS officers (setup), then
# freeze → commit ×2 → public randomness ×2 → reveal ×2 → run (select + assign + tasks) → record build + verify.
# With HISTORY years, then seeds HISTORY × 50,000 earlier selections and freezes a second plan: the cost should stay flat.
# Usage: bench/draw-plan-1m.sh [N=1000000] [PPM=10000] [OFFICERS=2000] [HISTORY=10]
# BENCH_PG=CONNECTION runs it on PostgreSQL instead (a fresh database "spotcheck_bench" on that server).
set -euo pipefail
n=${1:-1000000}
ppm=${2:-10000}
officers=${3:-2000}
history=${4:-10}
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
dotnet build "$root/bench/SpotCheck.Bench" -c Release -o "$work/bin" >/dev/null
python3 "$root/bench/SpotCheck.Bench/Import/generate_enterprises.py" "$n" >"$work/enterprises.csv"
# The server's garbage collector (the web host runs Server GC); DOTNET_gcServer=0 measures the workstation one.
export DOTNET_gcServer=${DOTNET_gcServer:-1}
echo "frame: $n enterprises, ratio $ppm ppm per risk class, $officers officers, $(nproc) cores, DOTNET_gcServer=$DOTNET_gcServer"
/usr/bin/time -f 'total %e s wall, peak RSS %M KiB' dotnet "$work/bin/SpotCheck.Bench.dll" plan-draw "$work/enterprises.csv" "$work/data" "$ppm" "$officers" "$history"
