#!/usr/bin/env bash
# Starts the whole platform on this machine: PostgreSQL (checked, started if down), the command side
# on :8080 with the demo data from the real plans, the query side on :8081. Ctrl-C stops both.
#   TIENDO_DB_URL   JDBC URL of the database (default jdbc:postgresql://127.0.0.1:5432/tiendo; created if missing)
#   COMMAND_PORT / QUERY_PORT   ports (8080 / 8081)
#   TIENDO_DEMO_PASSWORD        the demo users' password (made up and printed when not set)
#   TIENDO_INTERNAL_KEY         the key both services share for the web pages' commands (made up when not set)
#   TIENDO_AUDIT_SIGNING_KEY_FILE / TIENDO_AUDIT_WITNESS_FILE   checkpoint key and witness file (~/.tiendo/ by default)
set -euo pipefail
cd "$(dirname "$0")"

COMMAND_PORT=${COMMAND_PORT:-8080}
QUERY_PORT=${QUERY_PORT:-8081}
export COMMAND_PORT QUERY_PORT
LOGS=.run-local
mkdir -p "$LOGS"
if [[ -z "${TIENDO_DEMO_PASSWORD:-}" ]]; then
  TIENDO_DEMO_PASSWORD=$(head -c 12 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 14)
fi
export TIENDO_DEMO_PASSWORD
# the key the two services share so that the web pages can send commands for their signed-in user
if [[ -z "${TIENDO_INTERNAL_KEY:-}" ]]; then
  TIENDO_INTERNAL_KEY=$(head -c 48 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 48)
fi
export TIENDO_INTERNAL_KEY
# checkpoints signed with a key outside the database and copied to a witness file outside it (kept between runs)
export TIENDO_AUDIT_SIGNING_KEY_FILE=${TIENDO_AUDIT_SIGNING_KEY_FILE:-$HOME/.tiendo/checkpoint-signing-key}
export TIENDO_AUDIT_WITNESS_FILE=${TIENDO_AUDIT_WITNESS_FILE:-$HOME/.tiendo/checkpoint-witness.jsonl}

if [[ "${TIENDO_DB_URL:-}" == "" ]]; then
  bash .ci/ensure-postgres.sh
fi

echo "Building (tests skipped; run ./mvnw -B verify for them)..."
./mvnw -B -q -DskipTests package

JAVA_OPTS="-Daxoniq.update-checker.disabled=true -Duser.timezone=Asia/Ho_Chi_Minh"
java $JAVA_OPTS -jar command-side/target/command-side-*-exec.jar --spring.profiles.active=demo > "$LOGS/command-side.log" 2>&1 &
COMMAND_PID=$!
java $JAVA_OPTS -jar query-side/target/query-side-*.jar > "$LOGS/query-side.log" 2>&1 &
QUERY_PID=$!
trap 'echo; echo "Stopping..."; kill $COMMAND_PID $QUERY_PID 2>/dev/null; wait 2>/dev/null' INT TERM EXIT

wait_for() { # name url pid
  for _ in $(seq 1 180); do
    if curl -fs "$2" >/dev/null 2>&1; then echo "$1 is up: ${2%/actuator/health}"; return 0; fi
    if ! kill -0 "$3" 2>/dev/null; then echo "$1 failed to start; see $LOGS/$1.log" >&2; exit 1; fi
    sleep 1
  done
  echo "$1 did not start in 3 minutes; see $LOGS/$1.log" >&2; exit 1
}
wait_for command-side "http://127.0.0.1:$COMMAND_PORT/actuator/health" $COMMAND_PID
wait_for query-side "http://127.0.0.1:$QUERY_PORT/actuator/health" $QUERY_PID

echo "Loading the demo data (first start only)..."
for _ in $(seq 1 300); do
  grep -q "Demo data" "$LOGS/command-side.log" && break
  sleep 1
done
grep "Demo data" "$LOGS/command-side.log" | sed 's/.*DemoDataLoader *: //'

# The emulation council's last step in round 1 needs both sides: a member freezes the dossier on the query side,
# then records the award decision with its SHA-256 on the command side. Done once; recorded when run, dated 8/10/2025.
Q=http://127.0.0.1:$QUERY_PORT
C=http://127.0.0.1:$COMMAND_PORT
nominations() { # status -> "id agency award" lines
  curl -fs -u "hoi-dong.so-khcn:$TIENDO_DEMO_PASSWORD" "$Q/api/emulation/nominations?campaignId=PT-CDS-2026&round=1&status=$1" \
    | python3 -c 'import json,sys
for n in json.load(sys.stdin):
    awards = [s.get("detail") for s in n["steps"] if s["step"] == "AWARD_PROPOSED"]
    print(n["nominationId"], n["agencyId"], awards[-1] if awards else "-")'
}
for _ in $(seq 1 120); do
  proposed=$(nominations AWARD_PROPOSED || true)
  decided=$(nominations AWARD_DECIDED || true)
  [[ -n "$proposed" || -n "$decided" ]] && break
  sleep 1
done
n=0
while read -r id agency award; do
  [[ -z "$id" ]] && continue
  n=$((n + 1))
  member=hoi-dong.so-khcn
  [[ "$agency" == so-khcn* ]] && member=thi-dua # never a member of the nominated agency or one above it
  sha=$(curl -fs -u "$member:$TIENDO_DEMO_PASSWORD" -X POST "$Q/api/emulation/nominations/$id/dossier/freeze" \
    | python3 -c 'import json,sys; print(json.load(sys.stdin)["sha256"])')
  curl -fs -u "$member:$TIENDO_DEMO_PASSWORD" -X POST "$C/api/emulation/nominations/$id/award-decision" -H 'Content-Type: application/json' \
    -d "{\"decisionNumber\":\"$((2000 + n))/QĐ-UBND (dữ liệu mẫu)\",\"decidedOn\":\"2025-10-08\",\"awardForm\":\"$award\",\"dossierSha256\":\"$sha\"}" \
    >/dev/null && echo "Award decided for $id ($award) on the dossier with SHA-256 $sha"
done <<< "$proposed"

cat <<MSG

Tiến Độ is running.
  Web pages    http://127.0.0.1:$QUERY_PORT/app   (sign in as a demo user below)
  Command API  http://127.0.0.1:$COMMAND_PORT/swagger-ui.html
  Query API    http://127.0.0.1:$QUERY_PORT/swagger-ui.html
  Logs         $LOGS/

Demo users (password for all: $TIENDO_DEMO_PASSWORD)
  dieu-phoi              coordinator, Sở KH&CN          kiem-toan   auditor
  can-bo.so-khcn         officer, Sở KH&CN              thi-dua     emulation council, Sở Nội vụ
  lanh-dao.so-khcn       head of agency, Sở KH&CN       quan-tri    administrator
  can-bo.cong-an-tinh    officer, Công an tỉnh          lanh-dao.cong-an-tinh   head, Công an tỉnh
  lanh-dao.so-noi-vu     head, Sở Nội vụ                hoi-dong.so-khcn        emulation council, Sở KH&CN

Try:
  curl -s -u can-bo.so-khcn:$TIENDO_DEMO_PASSWORD http://127.0.0.1:$QUERY_PORT/api/indicators/QD-1305-2025.A.1
  curl -s -u can-bo.so-khcn:$TIENDO_DEMO_PASSWORD -X POST http://127.0.0.1:$COMMAND_PORT/api/indicators/QD-1305-2025.A.2/reports \\
       -H 'Content-Type: application/json' -d '{"period":"2026-11","value":{"kind":"PERCENT","value":81.5}}'
  curl -s -u can-bo.so-khcn:$TIENDO_DEMO_PASSWORD http://127.0.0.1:$QUERY_PORT/api/indicators/QD-1305-2025.A.2/series
  curl -s -u hoi-dong.so-khcn:$TIENDO_DEMO_PASSWORD "http://127.0.0.1:$QUERY_PORT/api/emulation/nominations?campaignId=PT-CDS-2026"
  curl -s -u hoi-dong.so-khcn:$TIENDO_DEMO_PASSWORD http://127.0.0.1:$QUERY_PORT/api/emulation/nominations/PT-CDS-2026.dot-1.cong-an-tinh/dossier
  curl -s -u hoi-dong.so-khcn:$TIENDO_DEMO_PASSWORD http://127.0.0.1:$QUERY_PORT/api/emulation/campaigns/PT-CDS-2026/rounds/1/ranking

Ctrl-C stops both services.
MSG
wait
