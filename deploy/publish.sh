#!/usr/bin/env bash
# Self-contained linux-x64 build of spotcheck (no .NET runtime needed on the server) and, with --install, its
# installation as a systemd service: binaries in /opt/spotcheck, data in /var/lib/spotcheck, settings in /etc/spotcheck.
# usage: deploy/publish.sh [--out DIR] [--install]
set -euo pipefail
cd "$(dirname "$0")/.."
out=artifacts/spotcheck-linux-x64
install=0
while [ $# -gt 0 ]; do
  case "$1" in
    --out) out="$2"; shift 2 ;;
    --install) install=1; shift ;;
    *) echo "usage: deploy/publish.sh [--out DIR] [--install]" >&2; exit 2 ;;
  esac
done
dotnet publish src/SpotCheck -c Release -r linux-x64 --self-contained true -p:PublishSingleFile=false -o "$out"
"$out/spotcheck" --version
echo "published $out"
[ "$install" = 1 ] || exit 0

id spotcheck >/dev/null 2>&1 || useradd --system --home /var/lib/spotcheck --shell /usr/sbin/nologin spotcheck
install -d -o spotcheck -g spotcheck -m 0700 /var/lib/spotcheck
install -d -o root -g spotcheck -m 0750 /etc/spotcheck
[ -f /etc/spotcheck/spotcheck.env ] || install -o root -g spotcheck -m 0640 /dev/null /etc/spotcheck/spotcheck.env
rm -rf /opt/spotcheck.new && cp -a "$out" /opt/spotcheck.new
[ -d /opt/spotcheck ] && mv /opt/spotcheck "/opt/spotcheck.previous.$(date +%Y%m%d%H%M%S)"
mv /opt/spotcheck.new /opt/spotcheck
install -m 0644 deploy/spotcheck.service /etc/systemd/system/spotcheck.service
systemctl daemon-reload
echo "installed; edit /etc/spotcheck/spotcheck.env, then: systemctl enable --now spotcheck"
