#!/usr/bin/env bash
# Bronze ingestion rate (events/s) against a no-op KCL consumer on the same stream, same run.
# Usage: bash benchmarks/ingestion-throughput.sh [RECORDS]   (default 20000)
set -euo pipefail
cd "$(dirname "$0")/.."
records="${1:-20000}"
# Builds in the reactor (-am) without installing: sibling modules resolve to their target/classes.
./mvnw -B -q -pl ingestion-service -am test-compile dependency:build-classpath \
  -Dspotless.check.skip=true -Dmdep.includeScope=test -Dmdep.outputFile=target/benchmark.classpath
cp="ingestion-service/target/test-classes:ingestion-service/target/classes:$(cat ingestion-service/target/benchmark.classpath)"
java -Xmx1g -Dlogback.configurationFile=ingestion-service/src/test/resources/logback-test.xml \
  -cp "$cp" io.customer360.ingestion.stream.IngestionBenchmark "$records" 2>&1 \
  | grep -E "^(RESULT|Stream )"
