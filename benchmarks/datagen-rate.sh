#!/usr/bin/env bash
# Generation rate of datagen (stream records per second, files and ground truth included in the
# run) against a baseline measured in the same run: plain Java writing the same number of JSON
# lines of the same average size with a buffered writer.
# Run from the repository root after: ./mvnw -B -q install -DskipTests
set -euo pipefail

DAYS="${DAYS:-3}"
CUSTOMERS="${CUSTOMERS:-20000}"
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
JAR="$(ls "$ROOT"/datagen/target/datagen-*-exec.jar 2>/dev/null | head -1 || true)"
if [[ -z "$JAR" ]]; then
  echo "datagen exec jar not found; run ./mvnw -B -q install -DskipTests first" >&2
  exit 1
fi
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

echo "datagen: days=$DAYS customers=$CUSTOMERS out=$WORK/out"
LINE="$(java -jar "$JAR" --seed=42 --days="$DAYS" --customers="$CUSTOMERS" --out="$WORK/out" 2>/dev/null | grep '^generated')"
echo "$LINE"
RECORDS="$(sed -E 's/.*stream_records=([0-9]+).*/\1/' <<<"$LINE")"
SECONDS_TAKEN="$(sed -E 's/.*seconds=([0-9.]+).*/\1/' <<<"$LINE")"
BYTES="$(cat "$WORK"/out/streams/*/*.jsonl | wc -c)"
AVG=$(( BYTES / RECORDS ))

cat > "$WORK/Baseline.java" <<'JAVA'
import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

public class Baseline {
  public static void main(String[] args) throws Exception {
    long n = Long.parseLong(args[0]);
    int size = Integer.parseInt(args[1]);
    Path out = Path.of(args[2]);
    String filler = "x".repeat(Math.max(1, size - 120));
    long start = System.nanoTime();
    try (BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
      for (long i = 0; i < n; i++) {
        StringBuilder b = new StringBuilder(size + 16);
        b.append("{\"event_id\":\"e-").append(Long.toHexString(i * 0x9E3779B97F4A7C15L))
            .append("\",\"event_type\":\"page_view\",\"session_id\":\"s-").append(i % 9973)
            .append("\",\"occurred_at\":\"2026-01-01T00:00:00.000Z\",\"page\":\"").append(filler).append("\"}\n");
        w.write(b.toString());
      }
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf("baseline records=%d bytes_per_record=%d seconds=%.3f events_per_second=%.0f%n", n, size, seconds, n / seconds);
  }
}
JAVA
BASE_LINE="$(java "$WORK/Baseline.java" "$RECORDS" "$AVG" "$WORK/baseline.jsonl")"
echo "$BASE_LINE"
BASE_SECONDS="$(sed -E 's/.*seconds=([0-9.]+).*/\1/' <<<"$BASE_LINE")"

awk -v r="$RECORDS" -v s="$SECONDS_TAKEN" -v bs="$BASE_SECONDS" 'BEGIN {
  value = r / s; base = r / bs;
  printf "RESULT datagen_rate value=%.0f unit=events/s baseline=%.0f ratio=%.4f\n", value, base, value / base
}'
