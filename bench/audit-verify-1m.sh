#!/usr/bin/env bash
# Start-up audit verification over a 1,000,000-entry chain in SQLite: the full walk every start and CLI command did
# before checkpoints, against the walk since the last checkpoint (1,000 new entries) they do now.
# Usage: bench/audit-verify-1m.sh [ENTRIES=1000000]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
dotnet build "$root/bench/SpotCheck.Bench" -c Release -o "$work/bin" >/dev/null
echo "$(nproc) cores"
dotnet "$work/bin/SpotCheck.Bench.dll" audit-verify "$work/data" "${1:-1000000}"
