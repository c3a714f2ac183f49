#!/usr/bin/env bash
# End-to-end freshness of the real-time purchase trend: one purchase event put to Kinesis every
# INTERVAL seconds for MEASURE seconds, with the embedded platform and the five services running as
# the demo runs them; for each event, the time until query-api's /api/v1/purchases/per-minute
# counts it (p50/p95). Baseline, same run: the time until the event is in a bronze object
# (ingestion alone); ratio = end-to-end / ingestion. Target: p95 under 60 s. Loopback only.
# Usage: bash benchmarks/freshness.sh [MEASURE_SECONDS] [INTERVAL_SECONDS]
# Takes MEASURE + about 5 minutes (build, start-up, warm-up, drain) on 2 cores.
set -euo pipefail
cd "$(dirname "$0")/.."
measure="${1:-300}"
interval="${2:-2}"
./mvnw -B -q install -DskipTests -Dspotless.check.skip=true
./mvnw -B -q -pl demo test-compile dependency:build-classpath \
  -Dspotless.check.skip=true -Dmdep.includeScope=test -Dmdep.outputFile=target/benchmark.classpath
cp="demo/target/test-classes:demo/target/classes:$(cat demo/target/benchmark.classpath)"
java -Xmx768m -cp "$cp" io.customer360.demo.FreshnessBenchmark "$measure" "$interval" 2>&1 \
  | grep --line-buffered -E "^(RESULT|WARNING|warm-up|events|Exception|Caused by|  [a-z-]+ +up on)"
