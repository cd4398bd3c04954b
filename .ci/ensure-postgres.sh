#!/usr/bin/env bash
# Makes sure PostgreSQL answers at 127.0.0.1:5432 (trust auth, user postgres): installs it if the
# machine lacks it, starts the cluster if it is down. Used by .ci/run and run-local.sh.
set -euo pipefail

ready() { pg_isready -h 127.0.0.1 -p 5432 -q 2>/dev/null; }

if ready; then
  exit 0
fi
if ! command -v pg_ctlcluster >/dev/null 2>&1; then
  echo "PostgreSQL is not installed; installing it from Debian's packages" >&2
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
  version=$(ls /etc/postgresql | head -n 1)
  # trust local TCP connections, as the platform's defaults expect (development and CI only)
  sed -i 's/^\(host.*127.0.0.1\/32\s*\)\S*$/\1trust/' "/etc/postgresql/$version/main/pg_hba.conf"
fi
version=$(ls /etc/postgresql | head -n 1)
pg_ctlcluster --skip-systemctl-redirect "$version" main start || true
for _ in $(seq 1 30); do
  ready && exit 0
  sleep 1
done
echo "PostgreSQL did not come up at 127.0.0.1:5432" >&2
exit 1
