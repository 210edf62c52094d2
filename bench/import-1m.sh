#!/usr/bin/env bash
# Times `spotcheck import enterprises` of N enterprise rows (default 1,000,000) from csv into a fresh SQLite data
# directory (SPEC §6: well under a minute), end to end: parse, validate, insert, index, audit entry, commit.
# Then times a second import of the same file (every row an existing USCC: lookups and no-op updates).
# Usage: bench/import-1m.sh [N] [PUBLISH_DIR]   (publishes src/SpotCheck to a temp dir if not given)
set -euo pipefail
n=${1:-1000000}
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
pub=${2:-}
if [[ -z $pub ]]; then
  pub=$work/pub
  dotnet publish "$root/src/SpotCheck" -c Release -o "$pub" >/dev/null
fi

python3 "$root/bench/SpotCheck.Bench/Import/generate_enterprises.py" "$n" >"$work/enterprises.csv"
echo "file: $n rows, $(du -h "$work/enterprises.csv" | cut -f1), $(nproc) cores"

run() { # run LABEL
  /usr/bin/time -f '%e %U %S %M' -o "$work/time" "$pub/spotcheck" import enterprises "$work/enterprises.csv" --data-dir "$work/data" >"$work/out"
  read -r secs user sys rss <"$work/time"
  printf 'import %-9s %7.2f s wall  %6.2f s cpu  %6.0f rows/s  peak RSS %5d MiB  -> %s  (db %s)\n' "$1" "$secs" "$(echo "$user + $sys" | bc -l)" \
    "$(echo "$n / $secs" | bc -l)" "$((rss / 1024))" "$(cat "$work/out")" "$(du -h "$work/data/spotcheck.db" | cut -f1)"
}
run fresh
run reimport
