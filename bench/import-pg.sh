#!/usr/bin/env bash
# Times `spotcheck import enterprises` of N enterprise rows (default 1,000,000) from csv into a fresh PostgreSQL
# database on a throwaway cluster (.ci/pg.sh), end to end: start-up and migration, parse, validate, load, audit entry,
# commit. Then the same file again (every row an existing USCC, nothing changed), then a variant in which every row
# changes its status and a quarter their tags (one history row per changed field).
# Usage: bench/import-pg.sh [N] [PUBLISH_DIR]   (publishes src/SpotCheck to a temp dir if not given; PG_PORT picks the port)
set -euo pipefail
n=${1:-1000000}
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
pub=${2:-}
# shellcheck source=../.ci/pg.sh
source "$root/.ci/pg.sh"
pg_start >/dev/null
trap 'pg_stop; rm -rf "$work"' EXIT
if [[ -z $pub ]]; then
  pub=$work/pub
  dotnet publish "$root/src/SpotCheck" -c Release -o "$pub" >/dev/null
fi

python3 "$root/bench/SpotCheck.Bench/Import/generate_enterprises.py" "$n" >"$work/enterprises.csv"
sed -e 's/,存续,/,吊销,/' -e 's/煤炭经营;危险化学品/危险化学品/' "$work/enterprises.csv" >"$work/changed.csv"
echo "file: $n rows, $(du -h "$work/enterprises.csv" | cut -f1), $(nproc) cores, PostgreSQL $("$PG_BIN/postgres" -V | awk '{print $3}')"
"$PG_BIN/psql" -q -h 127.0.0.1 -p "$PG_PORT" -U postgres -c 'CREATE DATABASE spotcheck_bench'
db="$TEST_PG_CONNECTION;Database=spotcheck_bench"

sql() { "$PG_BIN/psql" -qtA -h 127.0.0.1 -p "$PG_PORT" -U postgres -d spotcheck_bench -c "$1"; }

run() { # run LABEL FILE
  /usr/bin/time -f '%e %U %S %M' -o "$work/time" "$pub/spotcheck" import enterprises "$2" --data-dir "$work/data" --db "$db" >"$work/out"
  read -r secs user sys rss <"$work/time"
  printf 'import %-9s %7.2f s wall  %6.2f s cpu  %6.0f rows/s  peak RSS %5d MiB  -> %s  (enterprises %s, tags %s, history %s)\n' "$1" "$secs" \
    "$(echo "$user + $sys" | bc -l)" "$(echo "$n / $secs" | bc -l)" "$((rss / 1024))" "$(cat "$work/out")" \
    "$(sql 'SELECT count(*) FROM "Enterprises"')" "$(sql 'SELECT count(*) FROM "EnterpriseTags"')" "$(sql 'SELECT count(*) FROM "EnterpriseChanges"')"
}
run fresh "$work/enterprises.csv"
run reimport "$work/enterprises.csv"
run changed "$work/changed.csv"
