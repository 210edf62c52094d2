#!/usr/bin/env bash
# Soak test (issue 9): two `spotcheck serve` instances on one throwaway PostgreSQL, sharing one evidence folder, behind
# a round-robin proxy (bench/SpotCheck.Load proxy, standing in for deploy/nginx); CLIENTS clients for MINUTES minutes of
# anonymous reads (URLs from bench/soak-urls.txt) and staff writes with bearer tokens (enterprise edits, task record
# saves). Reports requests, errors by status, p50/p95/p99, then `spotcheck audit export | spotcheck audit verify`, and
# checks that the audit log grew by exactly the number of successful writes. Exit 0 only with no 5xx and a match.
# usage: bench/soak.sh [--minutes 5] [--clients 200] [--urls bench/soak-urls.txt]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
minutes=5 clients=200 urls="$root/bench/soak-urls.txt"
while [ $# -gt 0 ]; do
  case "$1" in
    --minutes) minutes="$2"; shift 2 ;;
    --clients) clients="$2"; shift 2 ;;
    --urls) urls=$(realpath "$2"); shift 2 ;;
    *) echo "usage: bench/soak.sh [--minutes N] [--clients N] [--urls FILE]" >&2; exit 2 ;;
  esac
done

work=$(mktemp -d /tmp/spotcheck-soak.XXXXXX)
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
  pg_stop
  rm -rf "$work"
}
# shellcheck source=../.ci/pg.sh
source "$root/.ci/pg.sh"
pg_start >/dev/null
trap cleanup EXIT
psql=(psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -Atq)
"${psql[@]}" -d postgres -c 'CREATE DATABASE spotcheck_soak'
# Two pools must fit in max_connections (100 on the throwaway cluster), with room for the CLI.
conn="$TEST_PG_CONNECTION;Database=spotcheck_soak;Maximum Pool Size=40"

echo "building (Release)…"
dotnet publish "$root/src/SpotCheck" -c Release -o "$work/app" >/dev/null
dotnet build "$root/bench/SpotCheck.Load" -c Release -o "$work/load" >/dev/null
spotcheck=("$work/app/spotcheck")
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
mkdir -p "$work/evidence" "$work/exports" "$work/a" "$work/b"

start_instance() { # NAME PORT
  SpotCheck__EvidenceRoot="$work/evidence" SpotCheck__ExportRoot="$work/exports" SpotCheck__TrustedProxies=127.0.0.1 \
  Serilog__MinimumLevel__Default=Warning \
    "${spotcheck[@]}" serve --urls "http://127.0.0.1:$2" --data-dir "$work/$1" --db "$conn" --demo >"$work/$1.log" 2>&1 &
  pids+=($!)
}
wait_healthy() { # PORT
  for _ in $(seq 1 600); do curl -sf "http://127.0.0.1:$1/healthz" >/dev/null && return 0; sleep 0.5; done
  echo "instance on port $1 did not become healthy; its log ends:" >&2; tail -n 30 "$work"/*.log >&2; exit 1
}
port_a=$(free_port) port_b=$(free_port) port_proxy=$(free_port)
start_instance a "$port_a"
start_instance b "$port_b"
wait_healthy "$port_a"; wait_healthy "$port_b"
echo "instances A :$port_a and B :$port_b on one PostgreSQL ($(nproc) cores), both started with --demo at once"

cli() { "${spotcheck[@]}" "$@" --data-dir "$work/a" --db "$conn"; }
echo 'Soak-Passw0rd!' | cli users add soak-planner --role Planner --password-stdin >/dev/null
echo 'Soak-Passw0rd!' | cli users add soak-officer --role Officer --officer XP-OFF-01 --password-stdin >/dev/null
planner_token=$(cli users token soak-planner)
officer_token=$(cli users token soak-officer)
q() { "${psql[@]}" -d spotcheck_soak -c "$1"; }
officer_ids=$(q "SELECT string_agg(\"Id\"::text, ',' ORDER BY \"Code\") FROM \"Officers\" WHERE \"Code\" IN ('XP-OFF-01','XP-OFF-02')")
item_id=$(q "SELECT \"Id\" FROM \"InspectionItems\" WHERE \"Code\" = 'DEMO-COAL' ORDER BY \"Id\" DESC LIMIT 1")
enterprise_ids=$(q "SELECT string_agg(\"Id\"::text, ',' ORDER BY \"Id\") FROM (SELECT \"Id\" FROM \"Enterprises\" WHERE \"IsDemo\" ORDER BY \"Id\" LIMIT $clients) e")

dotnet "$work/load/SpotCheck.Load.dll" proxy --listen "http://127.0.0.1:$port_proxy" \
  --upstream "http://127.0.0.1:$port_a" --upstream "http://127.0.0.1:$port_b" >"$work/proxy.log" 2>&1 &
pids+=($!)
wait_healthy "$port_proxy"

status=0
dotnet "$work/load/SpotCheck.Load.dll" run --base "http://127.0.0.1:$port_proxy" --urls "$urls" --clients "$clients" \
  --seconds $((minutes * 60)) --planner-token "$planner_token" --officer-token "$officer_token" \
  --officer-ids "$officer_ids" --item-id "$item_id" --enterprise-ids "$enterprise_ids" || status=$?

cli audit export >"$work/audit.jsonl"
echo "audit export | audit verify: $("${spotcheck[@]}" audit verify "$work/audit.jsonl")" || status=1
# grep -c exits 1 when nothing matched: that is the good case, not a failure of the script.
errors=$({ grep -c -E '"Level":"(Error|Fatal)"|\[(ERR|FTL)\]|fail:' "$work/a.log" "$work/b.log" || true; } | awk -F: '{s+=$2} END {print s+0}')
echo "error log lines on the instances: $errors"
[[ $errors -eq 0 ]] || status=1
exit "$status"
