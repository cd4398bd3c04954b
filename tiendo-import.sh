#!/usr/bin/env bash
# Imports a plan file from the command line, through the command API.
#   ./tiendo-import.sh agencies   co-quan.xlsx
#   ./tiendo-import.sh indicators phu-luc-I.xlsx  --plan QD-1305-2025 [--dry-run]
#   ./tiendo-import.sh tasks      phu-luc-II.csv  --plan QD-1305-2025
#   ./tiendo-import.sh template   indicators.xlsx            (downloads a template to fill in)
# Environment: COMMAND_URL (http://127.0.0.1:8080), TIENDO_USER (dieu-phoi) and TIENDO_PASSWORD: who imports.
# Prints the server's answer (JSON); a refused file lists every bad row and column, and the exit code is 1.
set -euo pipefail

url=${COMMAND_URL:-http://127.0.0.1:8080}
kind=${1:-}
file=${2:-}
shift 2 || { sed -n '2,9p' "$0"; exit 2; }
plan=""
dry=false
while [[ $# -gt 0 ]]; do
  case "$1" in
    --plan) plan=$2; shift 2 ;;
    --dry-run) dry=true; shift ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done

case "$kind" in
  template)
    curl -fsS -u "${TIENDO_USER:-dieu-phoi}:${TIENDO_PASSWORD:?set TIENDO_PASSWORD}" -o "$file" "$url/api/imports/templates/$file" && echo "saved $file"
    exit 0 ;;
  agencies) query="dryRun=$dry" ;;
  indicators|tasks)
    [[ -n "$plan" ]] || { echo "--plan PLAN_ID is required for $kind" >&2; exit 2; }
    query="planId=$plan&dryRun=$dry" ;;
  *) sed -n '2,9p' "$0"; exit 2 ;;
esac
[[ -f "$file" ]] || { echo "no file $file" >&2; exit 2; }

status=$(curl -sS -o /tmp/tiendo-import.$$ -w '%{http_code}' -X POST "$url/api/imports/$kind?$query" \
  -u "${TIENDO_USER:-dieu-phoi}:${TIENDO_PASSWORD:?set TIENDO_PASSWORD}" \
  -F "file=@$file")
cat /tmp/tiendo-import.$$; echo
rm -f /tmp/tiendo-import.$$
[[ "$status" == 200 ]]
