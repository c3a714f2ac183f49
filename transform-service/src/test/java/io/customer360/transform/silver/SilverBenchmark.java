package io.customer360.transform.silver;

import io.customer360.common.contract.ContractRegistry;
import io.customer360.common.lake.LakePath;
import io.customer360.common.lake.ObjectNames;
import io.customer360.transform.TransformProperties;
import io.customer360.transform.engine.DuckDbSessions;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;
import java.util.zip.GZIPOutputStream;
import org.springframework.util.FileSystemUtils;
import org.springframework.util.unit.DataSize;

/**
 * Silver throughput on generated clickstream bronze (ingestion's envelope, gzip): the silver engine
 * (validate, standardize, hash PII, de-duplicate, partition, ZSTD Parquet) against bare DuckDB
 * {@code read_json} → Parquet of the same files in the same run, both written with silver's Parquet
 * options ({@link SilverSql#PARQUET_OPTIONS}). Prints rows/s and MB/s (of uncompressed bronze) and
 * the peak resident memory of this JVM (heap plus DuckDB's native memory, bounded by its memory
 * limit).
 *
 * <p>Three alternating runs of each side; medians of wall time and of process CPU time (which other
 * work on a shared machine disturbs less) are compared.
 *
 * <p>Usage: {@code SilverBenchmark <records> <files> <duckdb-memory-MB> [memory-only]}
 */
public final class SilverBenchmark {

  private static final String[] TYPES = {
    "page_view", "product_view", "search", "add_to_cart", "checkout", "purchase"
  };

  private static final int RUNS = 3;

  public static void main(String[] args) throws Exception {
    int records = Integer.parseInt(args[0]);
    int files = Integer.parseInt(args[1]);
    long memoryMb = Long.parseLong(args[2]);
    boolean memoryOnly = args.length > 3 && args[3].equals("memory-only");
    Path dir = Files.createTempDirectory("c360-silver-bench");
    try {
      double mb = generate(dir, records, files) / 1e6;
      TransformProperties.Engine engine =
          new TransformProperties.Engine(DataSize.ofMegabytes(memoryMb), 2);
      DuckDbSessions sessions = new DuckDbSessions(engine, dir);
      System.out.printf(
          Locale.ROOT,
          "Bronze records=%d files=%d uncompressed_mb=%.1f duckdb_memory_limit_mb=%d%n",
          records,
          files,
          mb,
          memoryMb);
      if (memoryOnly) {
        // Bare DuckDB read_json of ~1 GB of gzip JSON lines runs out of memory at a 512 MB
        // limit, so the memory run measures the silver engine alone.
        silver(sessions, dir, "memory");
      } else {
        compare(sessions, dir, records, mb);
      }
      long peakMb = peakResidentKb() / 1024;
      System.out.printf(
          Locale.ROOT,
          "RESULT silver_peak_rss_mb value=%d unit=MB baseline=%.0f ratio=%.3f%n",
          peakMb,
          mb,
          peakMb / mb);
    } finally {
      FileSystemUtils.deleteRecursively(dir);
    }
  }

  /** Alternating runs of both sides; medians of wall and CPU time compared. */
  private static void compare(DuckDbSessions sessions, Path dir, int records, double mb)
      throws Exception {
    List<Measure> bare = new ArrayList<>();
    List<Measure> silver = new ArrayList<>();
    for (int run = 1; run <= RUNS; run++) {
      bare.add(bare(sessions, dir));
      silver.add(silver(sessions, dir, "run " + run));
    }
    double bareWall = median(bare, Measure::wallSeconds);
    double silverWall = median(silver, Measure::wallSeconds);
    double bareCpu = median(bare, Measure::cpuSeconds);
    double silverCpu = median(silver, Measure::cpuSeconds);
    System.out.printf(
        Locale.ROOT,
        "Medians of %d runs: bare %.2f s (cpu %.2f s), silver %.2f s (cpu %.2f s)%n",
        RUNS,
        bareWall,
        bareCpu,
        silverWall,
        silverCpu);
    result("silver_rows_per_s", "rows/s", records / silverWall, records / bareWall);
    result("silver_mb_per_s", "MB/s", mb / silverWall, mb / bareWall);
    result("silver_rows_per_cpu_s", "rows/cpu-s", records / silverCpu, records / bareCpu);
  }

  private static Measure bare(DuckDbSessions sessions, Path dir) throws Exception {
    Measure.Clock clock = Measure.start();
    try (Connection c = sessions.open();
        Statement st = c.createStatement()) {
      st.execute(
          "COPY (SELECT * FROM read_json("
              + SilverSql.literal(dir + "/bronze/**/*.jsonl.gz")
              + ", format = 'newline_delimited')) TO "
              + SilverSql.literal(dir + "/bare.parquet")
              + " ("
              + SilverSql.PARQUET_OPTIONS
              + ")");
    }
    return clock.stop();
  }

  private static Measure silver(DuckDbSessions sessions, Path dir, String label) throws Exception {
    ContractRegistry contracts = ContractRegistry.loadDefault();
    FileSystemUtils.deleteRecursively(dir.resolve("silver"));
    Measure.Clock clock = Measure.start();
    long validated;
    try (Connection c = sessions.open()) {
      SilverBatch batch =
          new SilverBatch(
              c, contracts.get("clickstream"), new PiiFunctions("benchmark-key-0123456789"));
      try (var paths = Files.walk(dir.resolve("bronze"))) {
        for (Path p : paths.filter(p -> p.toString().endsWith(".gz")).sorted().toList()) {
          batch.add(new BronzeFile(dir.relativize(p).toString(), p, Instant.now(), true));
        }
      }
      batch.validate();
      validated = System.nanoTime();
      new PartitionMerger(c, batch.sql(), sessions.memoryLimitBytes())
          .merge(dir.resolve("none"), dir.resolve("silver"), DataSize.ofMegabytes(256).toBytes());
    }
    Measure measure = clock.stop();
    double readAndValidate = (validated - clock.startNanos()) / 1e9;
    System.out.printf(
        Locale.ROOT,
        "Silver %s: %.2f s (read+validate %.2f s, merge+write %.2f s), cpu %.2f s%n",
        label,
        measure.wallSeconds(),
        readAndValidate,
        measure.wallSeconds() - readAndValidate,
        measure.cpuSeconds());
    return measure;
  }

  /** Wall and process CPU time (all of this JVM's threads, DuckDB's included) of one run. */
  private record Measure(double wallSeconds, double cpuSeconds) {

    static Clock start() {
      return new Clock(System.nanoTime(), cpuNanos());
    }

    record Clock(long startNanos, long startCpu) {
      Measure stop() {
        return new Measure((System.nanoTime() - startNanos) / 1e9, (cpuNanos() - startCpu) / 1e9);
      }
    }

    private static long cpuNanos() {
      return ((com.sun.management.OperatingSystemMXBean)
              ManagementFactory.getOperatingSystemMXBean())
          .getProcessCpuTime();
    }
  }

  private static double median(List<Measure> runs, ToDoubleFunction<Measure> value) {
    double[] sorted = runs.stream().mapToDouble(value).sorted().toArray();
    return sorted[sorted.length / 2];
  }

  private static void result(String name, String unit, double value, double baseline) {
    System.out.printf(
        Locale.ROOT,
        "RESULT %s value=%.1f unit=%s baseline=%.1f ratio=%.3f%n",
        name,
        value,
        unit,
        baseline,
        value / baseline);
  }

  private static long generate(Path dir, int records, int files) throws IOException {
    SplittableRandom rng = new SplittableRandom(42);
    Instant base = Instant.parse("2026-01-01T00:00:00Z");
    long bytes = 0;
    int perFile = records / files;
    long seq = 0;
    for (int f = 0; f < files; f++) {
      LakePath path =
          LakePath.bronze("clickstream", base, ObjectNames.streamBatch("shardId-0", "" + seq));
      Path file = dir.resolve("bronze").resolve(path.key());
      Files.createDirectories(file.getParent());
      try (BufferedWriter out =
          new BufferedWriter(
              new OutputStreamWriter(
                  new GZIPOutputStream(Files.newOutputStream(file), 1 << 16),
                  StandardCharsets.UTF_8))) {
        int n = f == files - 1 ? records - perFile * (files - 1) : perFile;
        for (int i = 0; i < n; i++) {
          String line = envelope(++seq, payload(rng, seq, base));
          bytes += line.length() + 1;
          out.write(line);
          out.write('\n');
        }
      }
    }
    return bytes;
  }

  private static String payload(SplittableRandom rng, long seq, Instant base) {
    Instant at = base.plusMillis(rng.nextLong(86_400_000L * 2));
    String type = TYPES[rng.nextInt(TYPES.length)];
    return "{\"event_id\":\"e-"
        + (rng.nextInt(100) == 0 ? seq - 1 : seq)
        + "\",\"event_type\":\""
        + type
        + "\",\"customer_id\":\"C"
        + rng.nextInt(100_000)
        + "\",\"session_id\":\"s-"
        + rng.nextInt(1_000_000)
        + "\",\"occurred_at\":\""
        + at.toString().replace('T', ' ').replace("Z", "")
        + "\",\"page\":\"/p/"
        + rng.nextInt(5000)
        + "\",\"product_id\":\"P"
        + rng.nextInt(5000)
        + "\",\"price\":\""
        + (rng.nextInt(10000) / 100.0)
        + "\",\"quantity\":"
        + (1 + rng.nextInt(3))
        + ",\"zip\":\""
        + (10000 + rng.nextInt(89999))
        + "\",\"device\":\"web\",\"user_agent\":\"Mozilla/5.0 (X11; Linux x86_64)\",\"ip\":\"10."
        + rng.nextInt(256)
        + "."
        + rng.nextInt(256)
        + "."
        + rng.nextInt(256)
        + "\"}";
  }

  private static String envelope(long seq, String payload) {
    return "{\"shard_id\":\"shardId-0\",\"sequence_number\":\""
        + seq
        + "\",\"sub_sequence_number\":0,\"partition_key\":\"p\","
        + "\"approximate_arrival_timestamp\":\"2026-01-03T00:00:00.000Z\","
        + "\"payload_status\":\"ok\",\"payload\":\""
        + payload.replace("\\", "\\\\").replace("\"", "\\\"")
        + "\"}";
  }

  private static long peakResidentKb() throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
      if (line.startsWith("VmHWM:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", ""));
      }
    }
    return -1;
  }
}
