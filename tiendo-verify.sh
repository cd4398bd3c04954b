#!/usr/bin/env bash
# Verifies the event store's hash chains and checkpoints from the command line, through the query API.
#   ./tiendo-verify.sh                                  verify from where the last intact verification stopped
#   ./tiendo-verify.sh --full                           verify every event again
#   ./tiendo-verify.sh ROOT UP_TO_GLOBAL_INDEX COUNT    also check a checkpoint published outside the platform
#   ./tiendo-verify.sh --checkpoint                     make a checkpoint now and print the line to publish
# Environment: QUERY_URL (http://127.0.0.1:8081), TIENDO_USER (kiem-toan) and TIENDO_PASSWORD.
# Exit code 0 when intact, 1 when not.
set -euo pipefail
url=${QUERY_URL:-http://127.0.0.1:8081}
auth="${TIENDO_USER:-kiem-toan}:${TIENDO_PASSWORD:?set TIENDO_PASSWORD}"
if [[ "${1:-}" == "--checkpoint" ]]; then
  curl -fsS -u "$auth" -X POST "$url/api/audit/checkpoints"; echo
  exit 0
fi
query=""
if [[ "${1:-}" == "--full" ]]; then
  query="?mode=full"
elif [[ $# -ge 2 ]]; then
  query="?merkleRoot=$1&upToGlobalIndex=$2${3:+&eventCount=$3}"
fi
report=$(curl -fsS -u "$auth" "$url/api/audit/verification$query")
echo "$report"
grep -q '"intact":true' <<<"$report"
