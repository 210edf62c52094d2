#!/usr/bin/env bash
# Times planning a draw over N enterprises in a fresh SQLite database (SPEC §6: "freeze + hash + select + persist:
# seconds, not minutes"), through the real use-case handlers: import N enterprises and OFFICERS officers (setup), then
# freeze → commit ×2 → public randomness ×2 → reveal ×2 → run (select + assign + tasks) → record build + verify.
# With HISTORY years, then seeds HISTORY × 50,000 earlier selections and freezes a second plan: the cost should stay flat.
# Usage: bench/draw-plan-1m.sh [N=1000000] [PPM=10000] [OFFICERS=2000] [HISTORY=10]
# Rows are imported in shuffled order (BENCH_ORDER=sorted: in USCC order, ids then follow USCCs).
# BENCH_FREEZES=N freezes N plans each time (with and without history) and compares their medians.
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
# A directory is imported in no particular order, so enterprise ids do not follow USCC order and the frame must be
# sorted for population.tsv: rows are shuffled (fixed seed). BENCH_ORDER=sorted keeps the generator's USCC order.
if [ "${BENCH_ORDER:-shuffled}" = shuffled ]; then
  python3 -c 'import random,sys; rows=open(sys.argv[1],encoding="utf-8-sig").read().splitlines(); body=rows[1:]; random.Random(12).shuffle(body); open(sys.argv[1],"w",encoding="utf-8-sig").write("\n".join([rows[0]]+body)+"\n")' "$work/enterprises.csv"
fi
# The server's garbage collector (the web host runs Server GC); DOTNET_gcServer=0 measures the workstation one.
export DOTNET_gcServer=${DOTNET_gcServer:-1}
echo "frame: $n enterprises, ratio $ppm ppm per risk class, $officers officers, $(nproc) cores, DOTNET_gcServer=$DOTNET_gcServer"
/usr/bin/time -f 'total %e s wall, peak RSS %M KiB' dotnet "$work/bin/SpotCheck.Bench.dll" plan-draw "$work/enterprises.csv" "$work/data" "$ppm" "$officers" "$history"
