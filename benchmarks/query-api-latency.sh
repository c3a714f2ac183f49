#!/usr/bin/env bash
# query-api latency and throughput: p50/p99 and requests/s of the heaviest endpoints (top spenders
# of a random day, sales by zip of a random month vs a year ago, the 24-hour purchase trend of one
# category, and a cached dashboard question) over HTTP on loopback at 50 and 200 concurrent connections, against the same query classes
# called directly over JDBC in the same run (the baseline; ratio = API / JDBC). The warehouse is
# the embedded PostgreSQL 17 with warehouse-loader's schema and LINES order lines generated with
# generate_series (default 10,000,000). Everything listens on 127.0.0.1 only.
# Usage: bash benchmarks/query-api-latency.sh [LINES] [WARMUP_SECONDS] [MEASURE_SECONDS]
# Takes about 15 minutes on 2 cores with the defaults (10,000,000 10 20), 4-5 of them loading.
set -euo pipefail
cd "$(dirname "$0")/.."
lines="${1:-10000000}"
warmup="${2:-10}"
measure="${3:-20}"
./mvnw -B -q install -DskipTests -Dspotless.check.skip=true -pl query-api -am
./mvnw -B -q -pl query-api test-compile dependency:build-classpath \
  -Dspotless.check.skip=true -Dmdep.includeScope=test -Dmdep.outputFile=target/benchmark.classpath
cp="query-api/target/test-classes:query-api/target/classes:$(cat query-api/target/benchmark.classpath)"
java -Xmx3g -XX:+UseParallelGC -cp "$cp" io.customer360.query.bench.QueryApiLatencyBenchmark \
  "$lines" "$warmup" "$measure" 2>&1 | grep -E "^(RESULT|scenario=|warehouse:)"
