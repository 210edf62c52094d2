#!/usr/bin/env bash
# Times `spotcheck draw select` end to end over a 10,000,000-id population TSV against a bare python3
# hashlib.sha256 loop over the same ticket messages (SPEC §6), in the same run. Prints ids/s and peak RSS.
# Usage: bench/draw-select.sh [N] [PUBLISH_DIR]   (default N=10000000; publishes src/SpotCheck to a temp dir if not given)
set -euo pipefail
n=${1:-10000000}
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
pub=${2:-}
if [[ -z $pub ]]; then
  pub=$work/pub
  dotnet publish "$root/src/SpotCheck" -c Release -o "$pub" >/dev/null
fi
seed=$(printf 'bench-seed' | sha256sum | cut -c1-64)

# 18-character ids like a USCC (87-byte ticket messages, two SHA-256 blocks), four strata.
awk -v n="$n" 'BEGIN { split("A B C D", s, " "); for (i = 0; i < n; i++) printf "91411721XP%08d\t%s\n", i, s[i % 4 + 1] }' >"$work/pop.tsv"
printf '{"seed":"%s","mode":"SRS","k":1000}\n' "$seed" >"$work/srs.json"
printf '{"seed":"%s","mode":"STRATIFIED","ratioPpm":{"A":10000,"B":30000,"C":50000,"D":100000}}\n' "$seed" >"$work/strat.json"
echo "population: $n ids, $(du -h "$work/pop.tsv" | cut -f1), $(nproc) cores, load average $(cut -d" " -f1-3 /proc/loadavg)"

run() { # run LABEL REQUEST
  /usr/bin/time -f '%e %M %U %S' -o "$work/time" "$pub/spotcheck" draw select "$2" --population "$work/pop.tsv" >"$work/out.json"
  read -r secs rss user sys <"$work/time"
  python3 - "$1" "$n" "$secs" "$rss" "$work/out.json" "$user" "$sys" <<'PY'
import json, sys
label, n, secs, rss, out = sys.argv[1], int(sys.argv[2]), float(sys.argv[3]), int(sys.argv[4]), sys.argv[5]
cpu = float(sys.argv[6]) + float(sys.argv[7])
rows = len(json.load(open(out))["selected"])
print(f"spotcheck {label:<11} {secs:6.2f} s  {n / secs / 1e6:5.2f} M ids/s  (CPU {cpu:5.2f} s)  peak RSS {rss / 1024:5.0f} MiB  selected {rows}")
PY
}
run SRS "$work/srs.json"
run STRATIFIED "$work/strat.json"

python3 - "$work/pop.tsv" "$seed" <<'PY'
import hashlib, sys, time
ids = [line.split(b"\t", 1)[0] for line in open(sys.argv[1], "rb")]
prefix = sys.argv[2].encode() + b":S:"
sha = hashlib.sha256
t, c = time.perf_counter(), time.process_time()
for i in ids:
    sha(prefix + i + b":1").digest()
secs, cpu = time.perf_counter() - t, time.process_time() - c
print(f"python hashlib loop  {secs:6.2f} s  {len(ids) / secs / 1e6:5.2f} M ids/s  (CPU {cpu:5.2f} s)  hashing only, one core")
PY
