#!/usr/bin/env bash
# Makes sure the browser tests find Debian's chromium and its chromedriver (/usr/bin/chromium, /usr/bin/chromedriver):
# installs them from Debian's packages when the machine lacks them. Used by .ci/run.
set -euo pipefail

if [[ -x /usr/bin/chromium && -x /usr/bin/chromedriver ]]; then
  exit 0
fi
echo "chromium or chromedriver missing; installing them from Debian's packages" >&2
apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null
