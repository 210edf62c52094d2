#!/usr/bin/env bash
# Regenerates the single Initial migration of both providers from the current model.
# Nothing is deployed yet, so the schema history starts over; once a release ships, add migrations instead.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet tool restore >/dev/null
for p in Sqlite Postgres; do
  proj=src/SpotCheck.Migrations.$p
  rm -rf "$proj/Migrations"
  dotnet ef migrations add Initial --project "$proj" --startup-project "$proj" --output-dir Migrations >/dev/null
  echo "regenerated $proj/Migrations"
done
