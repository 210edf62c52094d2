#!/usr/bin/env bash
# Issue 12: `spotcheck import enterprises` of N rows (default 200,000) against a bare Python csv + sqlite3 load of the
# same rows into the same tables (bench/import_baseline.py), both as whole processes on copies of one freshly migrated
# SQLite database, in the same run; then a re-import of the same file by spotcheck (every row an existing USCC).
# Python runs twice: on the database as it is (the trigram name index kept current by triggers, as spotcheck keeps it)
# and on a copy without those triggers (the toughest baseline). Bar: spotcheck within 2× the baseline. Usage: bench/import-vs-python.sh [N=200000] [ROUNDS=3]
set -euo pipefail
n=${1:-200000} rounds=${2:-3}
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
dotnet publish "$root/src/SpotCheck" -c Release -o "$work/pub" >/dev/null
python3 "$root/bench/SpotCheck.Bench/Import/generate_enterprises.py" "$n" >"$work/enterprises.csv"
"$work/pub/spotcheck" db migrate --data-dir "$work/empty" >/dev/null
echo "file: $n rows, $(du -h "$work/enterprises.csv" | cut -f1); machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
seconds() { /usr/bin/time -f '%e' -o "$work/t" "$@" >/dev/null; cat "$work/t"; }
for round in $(seq "$rounds"); do
  rm -rf "$work/py" "$work/cs"; cp -r "$work/empty" "$work/py"; cp -r "$work/empty" "$work/cs"
  py=$(seconds python3 "$root/bench/import_baseline.py" "$work/enterprises.csv" "$work/py/spotcheck.db")
  # The toughest baseline: the same table with its indexes but without the name-search (trigram) triggers.
  rm -rf "$work/bare"; cp -r "$work/empty" "$work/bare"
  python3 -c "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); [c.execute(f'DROP TRIGGER \"{t}\"') for (t,) in c.execute(\"SELECT name FROM sqlite_master WHERE type='trigger' AND tbl_name='Enterprises'\").fetchall()]; c.commit()" "$work/bare/spotcheck.db"
  bare=$(seconds python3 "$root/bench/import_baseline.py" "$work/enterprises.csv" "$work/bare/spotcheck.db")
  cs=$(seconds "$work/pub/spotcheck" import enterprises "$work/enterprises.csv" --data-dir "$work/cs" 2>/dev/null)
  again=$(seconds "$work/pub/spotcheck" import enterprises "$work/enterprises.csv" --data-dir "$work/cs" 2>/dev/null)
  printf 'round %d: python %6.2f s, without the name-index triggers %6.2f s   spotcheck %6.2f s (%.2fx, %.2fx)   spotcheck re-import %6.2f s\n' \
    "$round" "$py" "$bare" "$cs" "$(echo "$cs / $py" | bc -l)" "$(echo "$cs / $bare" | bc -l)" "$again"
done
