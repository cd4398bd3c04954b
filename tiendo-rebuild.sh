#!/usr/bin/env bash
# Rebuilds every projection without downtime, through the query API, and shows its progress until it has switched.
#   ./tiendo-rebuild.sh             start a rebuild and follow it
#   ./tiendo-rebuild.sh --follow    follow the one running (or show the last one)
# Environment: QUERY_URL (http://127.0.0.1:8081), TIENDO_USER (quan-tri) and TIENDO_PASSWORD.
# Exit code 0 when the rebuilt projections took over, 1 when the rebuild failed (the live ones are kept).
set -euo pipefail
url=${QUERY_URL:-http://127.0.0.1:8081}
auth="${TIENDO_USER:-quan-tri}:${TIENDO_PASSWORD:?set TIENDO_PASSWORD}"
field() { sed -n "s/.*\"$1\":\"\{0,1\}\([^,\"}]*\).*/\1/p" <<<"$2"; }
if [[ "${1:-}" != "--follow" ]]; then
  curl -fsS -u "$auth" -X POST "$url/api/admin/projections/rebuild" >/dev/null
fi
while true; do
  progress=$(curl -fsS -u "$auth" "$url/api/admin/projections/rebuild")
  stage=$(field stage "$progress"); percent=$(field percent "$progress"); rate=$(field eventsPerSecond "$progress")
  eta=$(field etaSeconds "$progress"); position=$(field position "$progress"); head=$(field head "$progress")
  filled=$(( ${percent%.*} / 5 )); bar=$(printf '%*s' "$filled" '' | tr ' ' '#'); empty=$(printf '%*s' $(( 20 - filled )) '')
  printf '\r%-10s [%s%s] %5s%%  %s/%s events  %s events/s  %s s left   ' "$stage" "$bar" "$empty" "$percent" "$position" "$head" \
    "$rate" "${eta:-?}"
  case "$stage" in
    DONE) echo; echo "$progress"; exit 0 ;;
    FAILED|IDLE) echo; echo "$progress"; exit 1 ;;
  esac
  sleep 1
done
