#!/usr/bin/env bash
# Benchmarks that print their figures; not part of ./mvnw verify (docs/benchmarks.md keeps the results).
#   ./tiendo-benchmark.sh verification [EVENTS]   sealed events written straight into database tiendo_bench_verification
#                                                 (default 1,000,000), then a signed, witnessed checkpoint, a full and two
#                                                 incremental verifications, each beside PostgreSQL's own read of the rows.
#   ./tiendo-benchmark.sh projections [EVENTS]    a province's history (default 1,000,000 events) written into database
#                                                 tiendo_bench_projections; the query side builds its projections from
#                                                 nothing, then rebuilds them without downtime while dashboard queries are
#                                                 asked; beside a raw read and a raw batched upsert of as many rows.
#   ./tiendo-benchmark.sh commands [SECONDS]      both services; progress reports over HTTP from 1, 4 and 16 clients for
#                                                 SECONDS each (default 15): reports/s, latency, report → projection lag,
#                                                 beside PostgreSQL's single-row insert transactions with as many clients,
#                                                 and each service's memory (each in a process of its own).
#   ./tiendo-benchmark.sh all [EVENTS]            the three in one run, against the same PostgreSQL (about 15 minutes
#                                                 at the default million events).
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
  projections)
    ./mvnw -B -q install -DskipTests
    ./mvnw -B -pl query-side test -Dtest=ProjectionBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
      -Dtiendo.bench.events="${2:-1000000}"
    echo "table: query-side/target/benchmarks/projections.md" ;;
  commands)
    ./mvnw -B -q install -DskipTests
    ./mvnw -B -pl query-side test -Dtest=CommandBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
      -Dtiendo.bench.seconds="${2:-15}"
    echo "table: query-side/target/benchmarks/commands.md" ;;
  all)
    ./mvnw -B -q install -DskipTests
    ./mvnw -B -pl query-side test -Dtest='CommandBenchmark,ProjectionBenchmark,VerificationBenchmark' \
      -Dsurefire.failIfNoSpecifiedTests=false -Dtiendo.bench.events="${2:-1000000}" -Dtiendo.bench.seconds=15
    echo "tables: query-side/target/benchmarks/{commands,projections,verification}.md" ;;
  *) echo "usage: $0 verification|projections|all [EVENTS] | commands [SECONDS]" >&2; exit 2 ;;
esac
