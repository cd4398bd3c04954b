#!/usr/bin/env bash
# The fault scenarios (docs/reliability.md): both services as processes of their own, on database tiendo_faults,
# killed with SIGKILL, cut off from PostgreSQL, fed an event a projection cannot apply, under concurrent load; prints
# scenario, operations, accepted, stored, lost, duplicated and time to recover, and fails if anything was lost or
# applied twice. About 4 minutes on 2 cores. Not part of ./mvnw verify.
set -euo pipefail
cd "$(dirname "$0")"
bash .ci/ensure-postgres.sh
export MAVEN_OPTS="${MAVEN_OPTS:-} -Daxoniq.update-checker.disabled=true"
./mvnw -B -q install -DskipTests
./mvnw -B -pl query-side test -Dtest=FaultScenarios -Dsurefire.failIfNoSpecifiedTests=false
echo "table: query-side/target/fault-scenarios/table.md; service logs beside it"
