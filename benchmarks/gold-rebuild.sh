#!/usr/bin/env bash
# Gold rebuild on DAYS x CUSTOMERS of datagen silver (default 30 x 10,000, no faults): the gold layer
# (models in dependency order with their contract check) against the same model SQL run directly in
# DuckDB, medians of alternating runs; the whole publication (build, data tests, partition hashes,
# every partition written as Parquet) against plain SQL plus one partitioned COPY per model; and the
# update for one late order (affected models rebuilt and tested, only changed partitions written)
# against the whole publication. Silver is generated once (datagen -> bronze -> S3Proxy ->
# SilverPromoter) into LAKE_DIR and reused by later runs.
# Usage: bash benchmarks/gold-rebuild.sh [DAYS] [CUSTOMERS] [REPETITIONS]   (defaults 30, 10000, 3)
set -euo pipefail
cd "$(dirname "$0")/.."
days="${1:-30}"
customers="${2:-10000}"
repetitions="${3:-3}"
lake="${LAKE_DIR:-${TMPDIR:-/tmp}/c360-gold-bench-${days}x${customers}}"
./mvnw -B -q install -DskipTests -Dspotless.check.skip=true -pl transform-service -am
./mvnw -B -q -pl transform-service test-compile dependency:build-classpath \
  -Dspotless.check.skip=true -Dmdep.includeScope=test -Dmdep.outputFile=target/benchmark.classpath
cp="transform-service/target/test-classes:transform-service/target/classes:$(cat transform-service/target/benchmark.classpath)"
java -Xmx3g -Dlogback.configurationFile=transform-service/src/test/resources/logback-test.xml \
  -cp "$cp" io.customer360.transform.gold.model.GoldBenchmark "$days" "$customers" "$lake" "$repetitions" \
  2>&1 | grep -E "^(RESULT|Gold )"
