#!/usr/bin/env bash
# Silver rows/s and MB/s against bare DuckDB read_json -> Parquet on the same bronze files, same run;
# then the transform's peak memory on ~1 GB of (uncompressed) bronze with a 512 MB DuckDB limit.
# Usage: bash benchmarks/silver-throughput.sh [RECORDS] [BIG_RECORDS]   (defaults 1000000, 2600000)
set -euo pipefail
cd "$(dirname "$0")/.."
records="${1:-1000000}"
big="${2:-2600000}"
./mvnw -B -q install -DskipTests -Dspotless.check.skip=true -pl transform-service -am
./mvnw -B -q -pl transform-service test-compile dependency:build-classpath \
  -Dspotless.check.skip=true -Dmdep.includeScope=test -Dmdep.outputFile=target/benchmark.classpath
cp="transform-service/target/test-classes:transform-service/target/classes:$(cat transform-service/target/benchmark.classpath)"
run() {
  java -Xmx512m -Dlogback.configurationFile=transform-service/src/test/resources/logback-test.xml \
    -cp "$cp" io.customer360.transform.silver.SilverBenchmark "$@" 2>&1 | grep -E "^(RESULT|Bronze |Silver |Medians )"
}
run "$records" 20 1024 | grep -v silver_peak_rss_mb
run "$big" 40 512 memory-only | grep -E "^Bronze |^Silver |silver_peak_rss_mb"
