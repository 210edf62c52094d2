#!/usr/bin/env bash
# Fetches the front-end libraries from the npm registry into a scratch folder and copies only their dist files
# (plus LICENSE) into src/SpotCheck/wwwroot/lib/<package>/. The site never links a CDN; node_modules is not kept.
# usage: scripts/vendor-frontend.sh   (re-run after changing a version below)
set -euo pipefail
cd "$(dirname "$0")/.."
lib=src/SpotCheck/wwwroot/lib
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT

( cd "$scratch" && npm init -y >/dev/null && npm install --no-audit --no-fund --ignore-scripts \
    bootstrap@5.3.9 htmx.org@2.0.11 echarts@6.1.0 >/dev/null )
nm=$scratch/node_modules

rm -rf "$lib/bootstrap" "$lib/htmx" "$lib/echarts"
mkdir -p "$lib/bootstrap/css" "$lib/bootstrap/js" "$lib/htmx" "$lib/echarts"
cp "$nm/bootstrap/dist/css/bootstrap.min.css" "$lib/bootstrap/css/"
cp "$nm/bootstrap/dist/js/bootstrap.bundle.min.js" "$lib/bootstrap/js/"
cp "$nm/bootstrap/LICENSE" "$lib/bootstrap/"
cp "$nm/htmx.org/dist/htmx.min.js" "$lib/htmx/"
cp "$nm/htmx.org/LICENSE" "$lib/htmx/"
cp "$nm/echarts/dist/echarts.min.js" "$lib/echarts/"
cp "$nm/echarts/LICENSE" "$nm/echarts/NOTICE" "$lib/echarts/"
for p in bootstrap htmx.org echarts; do
  echo "$p $(node -p "require('$nm/$p/package.json').version")"
done
