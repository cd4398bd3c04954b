#!/usr/bin/env bash
# Benchmarks that print their figures; not part of ./mvnw verify (docs/benchmarks.md keeps the results).
#   ./tiendo-benchmark.sh verification [EVENTS]   sealed events written straight into database tiendo_bench_verification
#                                                 (default 1,000,000), then a signed, witnessed checkpoint, a full and two
#                                                 incremental verifications, each beside PostgreSQL's own read of the rows.
set -euo pipefail
cd "$(dirname "$0")"
bash .ci/ensure-postgres.sh
export MAVEN_OPTS="${MAVEN_OPTS:-} -Daxoniq.update-checker.disabled=true"
case "${1:-verification}" in
  verification)
    ./mvnw -B -q install -DskipTests
    ./mvnw -B -pl query-side test -Dtest=VerificationBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
      -Dtiendo.bench.events="${2:-1000000}"
    echo "table: query-side/target/benchmarks/verification.md" ;;
  *) echo "usage: $0 verification [EVENTS]" >&2; exit 2 ;;
esac
