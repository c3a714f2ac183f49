#!/usr/bin/env bash
# Rows/s warehouse-loader loads into PostgreSQL (S3 download, Parquet decoded by DuckDB, partition
# delete, binary COPY into the partitions with the customer-as-of key, checks, manifest, commit)
# against a bare binary COPY of the same rows into an empty table, same run, same server; 3
# alternating runs each, medians compared. A second RESULT compares CPU time (PostgreSQL backend +
# JVM), which other work on a shared machine disturbs far less than wall time.
# Usage: bash benchmarks/warehouse-load.sh [ROWS]   (default 1000000)
set -euo pipefail
cd "$(dirname "$0")/.."
rows="${1:-1000000}"
# Built in the reactor (-am), not installed: sibling modules resolve to their target/classes, so
# nothing in ~/.m2 is overwritten and a fresh clone works.
./mvnw -B -q -pl warehouse-loader -am test-compile dependency:build-classpath \
  -Dspotless.check.skip=true -Dmdep.includeScope=test -Dmdep.outputFile=target/benchmark.classpath
cp="warehouse-loader/target/test-classes:warehouse-loader/target/classes:$(cat warehouse-loader/target/benchmark.classpath)"
java -Xmx1g -Dlogback.configurationFile=warehouse-loader/src/test/resources/logback-test.xml \
  -cp "$cp" io.customer360.loader.WarehouseLoadBenchmark "$rows" 2>&1 \
  | grep -E "^(RESULT|Run )"
