#!/usr/bin/env bash
# Churn scoring latency (single score in-process and over HTTP, p50/p99) and batch scoring
# throughput (customers/s), each against raw XGBoost Booster.predict on the same rows, same run.
# Usage: bash benchmarks/scoring-latency.sh [CUSTOMERS] [REQUESTS]   (default 10000 2000)
set -euo pipefail
cd "$(dirname "$0")/.."
customers="${1:-10000}"
requests="${2:-2000}"
./mvnw -B -q install -DskipTests -Dspotless.check.skip=true -pl ml-scoring-service -am
./mvnw -B -q -pl ml-scoring-service test-compile dependency:build-classpath \
  -Dspotless.check.skip=true -Dmdep.includeScope=test -Dmdep.outputFile=target/benchmark.classpath
cp="ml-scoring-service/target/test-classes:ml-scoring-service/target/classes:$(cat ml-scoring-service/target/benchmark.classpath)"
java -Xmx1g -Dlogging.config=ml-scoring-service/src/test/resources/logback-test.xml \
  -cp "$cp" io.customer360.scoring.ScoringBenchmark "$customers" "$requests" 2>&1 \
  | grep -E "^(RESULT|Batch )"
