#!/usr/bin/env bash
# Times the statistics pages end to end over HTTP (sign-in, dashboard, item filter, printable view, one xlsx table) as a
# signed-in Supervisor, on a dataset kept by `KEEP=DIR bench/statistics-1m.sh`: each URL cold (first request after
# start) and then warm, three times. Usage: bench/statistics-page.sh DATA_DIR [PORT=5099]
set -euo pipefail
data=${1:?usage: bench/statistics-page.sh DATA_DIR [PORT]}
port=${2:-5099}
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
base=http://127.0.0.1:$port
server=
cleanup() { [[ -n $server ]] && kill "$server" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT
dotnet publish "$root/src/SpotCheck" -c Release -o "$work/pub" >/dev/null
pass='Bench!pass123'
echo "$pass" | "$work/pub/spotcheck" users add bench-supervisor --role Supervisor --password-stdin --data-dir "$data" >/dev/null 2>&1 || true
"$work/pub/spotcheck" serve --urls "$base" --data-dir "$data" >"$work/server.log" 2>&1 &
server=$!
for _ in $(seq 60); do curl -fs -o /dev/null "$base/" && break; sleep 1; done
jar=$work/cookies
token=$(curl -s -c "$jar" -b "$jar" "$base/Account/Login" | grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | sed 's/.*value="//;s/"$//')
curl -s -o /dev/null -c "$jar" -b "$jar" -X POST "$base/Account/Login" --data-urlencode "Input.UserName=bench-supervisor" \
  --data-urlencode "Input.Password=$pass" --data-urlencode "__RequestVerificationToken=$token"
year=${YEAR:-2026} # the year of the benchmark plans
echo "statistics pages on $data, $(nproc) cores"
for round in cold warm warm warm; do
  for url in "/Staff/Statistics?year=$year" "/Staff/Statistics?year=$year&item=BENCH-ITEM" "/Staff/Statistics/Print?year=$year" \
             "/Staff/Statistics?year=$year&handler=Xlsx&table=coverage"; do
    curl -s -o "$work/page" -b "$jar" -w "$round %{http_code} %{time_total}s %{size_download}B $url\n" "$base$url"
  done
done
