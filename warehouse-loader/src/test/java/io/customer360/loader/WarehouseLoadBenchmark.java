package io.customer360.loader;

import com.sun.management.OperatingSystemMXBean;
import io.customer360.common.gold.GoldContract;
import io.customer360.common.pipeline.GoldReady;
import io.customer360.infra.local.LocalPlatform;
import io.customer360.infra.local.LocalPlatformConfig;
import io.customer360.loader.load.GoldBatchLoader;
import io.customer360.loader.load.LoadOutcome;
import io.customer360.loader.testing.LoaderHarness;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.postgresql.PGConnection;

/**
 * Rows per second warehouse-loader puts into PostgreSQL, the whole load included (download from S3,
 * Parquet decoded by DuckDB, partition delete, binary COPY into the partitions with the
 * customer-as-of key, checks, manifest, commit), against a bare binary {@code COPY} of the same
 * rows into an empty table without keys or indexes, in the same run. Each side runs three times,
 * alternating, on an emptied table after a checkpoint; the medians are compared.
 *
 * <p>A second figure compares CPU time instead of wall time, which other work on a shared machine
 * disturbs far less: the PostgreSQL backend's CPU (from {@code /proc}, Linux only) plus this JVM's
 * (DuckDB, the loader, and S3Proxy serving the download all run in it). Run by {@code
 * benchmarks/warehouse-load.sh}.
 */
public final class WarehouseLoadBenchmark {

  private static final int DAYS = 10;
  private static final int CUSTOMERS = 50_000;
  private static final int RUNS = 3;

  /** Linux's USER_HZ, the unit of CPU times in /proc. */
  private static final int CLOCK_TICKS = 100;

  private WarehouseLoadBenchmark() {}

  /** One timed run: rows, wall seconds, CPU seconds (PostgreSQL backend + this JVM). */
  private record Measure(long rows, double wallSeconds, double cpuSeconds) {
    double wallRate() {
      return rows / wallSeconds;
    }

    double cpuRate() {
      return rows / cpuSeconds;
    }
  }

  public static void main(String[] args) throws Exception {
    int rows = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    LocalPlatform platform = LocalPlatform.start(LocalPlatformConfig.forTests());
    Runtime.getRuntime().addShutdownHook(new Thread(platform::close));
    LoaderHarness harness = new LoaderHarness(platform.endpoints());

    harness.loader().load(customers(harness));
    List<GoldReady> batches = new ArrayList<>();
    for (int run = 0; run < RUNS; run++) {
      batches.add(orderLines(harness, rows));
    }
    System.out.printf(
        "Run data: %d order lines over %d days, %d customers%n", rows, DAYS, CUSTOMERS);

    Path binary = Files.createTempFile("bare-copy-", ".bin");
    List<Measure> loads = new ArrayList<>();
    List<Measure> copies = new ArrayList<>();
    try {
      for (int run = 0; run < RUNS; run++) {
        loads.add(loaderRun(harness, batches.get(run), rows, run));
        if (run == 0) {
          exportBinary(harness, batches.get(0), binary);
        }
        copies.add(bareCopyRun(harness, binary, rows, run));
      }
    } finally {
      Files.deleteIfExists(binary);
    }
    result("warehouse_load_rate", "rows/s", loads, copies, Measure::wallRate);
    result("warehouse_load_cpu", "rows/cpu-s", loads, copies, Measure::cpuRate);
    System.exit(0);
  }

  private static Measure loaderRun(LoaderHarness harness, GoldReady batch, int rows, int run) {
    harness.warehouse.execute(
        "TRUNCATE warehouse.fact_order_line",
        "DELETE FROM ops.load_partition WHERE model = 'order_lines'",
        "CHECKPOINT");
    long[] copiedAt = new long[1];
    double[] backendCpu = new double[1];
    GoldBatchLoader loader =
        harness.loader(
            (model, batchId, copied) -> {
              copiedAt[0] = System.nanoTime();
              backendCpu[0] = loaderBackendCpuSeconds(harness);
            });
    double jvmBefore = jvmCpuSeconds();
    long start = System.nanoTime();
    LoadOutcome outcome = loader.load(batch);
    long end = System.nanoTime();
    double cpu = jvmCpuSeconds() - jvmBefore + backendCpu[0];
    if (!(outcome instanceof LoadOutcome.Loaded loaded) || loaded.rowsStaged() != rows) {
      throw new IllegalStateException("Benchmark load did not load every row: " + outcome);
    }
    double seconds = (end - start) / 1e9;
    System.out.printf(
        Locale.ROOT,
        "Run %d loader: %.2f s (download+decode+COPY %.2f s, manifest+commit %.2f s),"
            + " cpu %.2f s (postgres %.2f, jvm %.2f) = %.0f rows/s%n",
        run + 1,
        seconds,
        (copiedAt[0] - start) / 1e9,
        (end - copiedAt[0]) / 1e9,
        cpu,
        backendCpu[0],
        cpu - backendCpu[0],
        rows / seconds);
    return new Measure(rows, seconds, cpu);
  }

  private static Measure bareCopyRun(LoaderHarness harness, Path binary, int rows, int run)
      throws SQLException, IOException {
    harness.warehouse.execute(
        "CREATE SCHEMA IF NOT EXISTS bench",
        "DROP TABLE IF EXISTS bench.bare_order_line",
        "CREATE TABLE bench.bare_order_line AS SELECT "
            + goldColumns()
            + " FROM warehouse.fact_order_line WITH NO DATA",
        "CHECKPOINT");
    long copied;
    double cpu;
    long start;
    long end;
    try (Connection connection = harness.warehouse.connect();
        InputStream in = Files.newInputStream(binary)) {
      long pid = backendPid(connection);
      double backendBefore = cpuSeconds(pid);
      double jvmBefore = jvmCpuSeconds();
      start = System.nanoTime();
      copied =
          connection
              .unwrap(PGConnection.class)
              .getCopyAPI()
              .copyIn("COPY bench.bare_order_line FROM STDIN (FORMAT binary)", in, 1 << 16);
      end = System.nanoTime();
      cpu = cpuSeconds(pid) - backendBefore + jvmCpuSeconds() - jvmBefore;
    }
    if (copied != rows) {
      throw new IllegalStateException("Bare COPY copied " + copied + " of " + rows + " rows");
    }
    double seconds = (end - start) / 1e9;
    System.out.printf(
        Locale.ROOT,
        "Run %d bare binary COPY: %.2f s, cpu %.2f s = %.0f rows/s%n",
        run + 1,
        seconds,
        cpu,
        rows / seconds);
    return new Measure(rows, seconds, cpu);
  }

  /** The loaded rows, in binary COPY format: the baseline's input, made once, not timed. */
  private static void exportBinary(LoaderHarness harness, GoldReady batch, Path file)
      throws SQLException, IOException {
    try (Connection connection = harness.warehouse.connect();
        OutputStream out = Files.newOutputStream(file)) {
      connection
          .unwrap(PGConnection.class)
          .getCopyAPI()
          .copyOut(
              "COPY (SELECT "
                  + goldColumns()
                  + " FROM warehouse.fact_order_line WHERE load_batch_id = '"
                  + batch.batchId()
                  + "') TO STDOUT (FORMAT binary)",
              out);
    }
  }

  private static void result(
      String name,
      String unit,
      List<Measure> value,
      List<Measure> baseline,
      ToDoubleFunction<Measure> rate) {
    double v = median(value.stream().map(rate::applyAsDouble).toList());
    double b = median(baseline.stream().map(rate::applyAsDouble).toList());
    System.out.printf(
        Locale.ROOT,
        "RESULT %s value=%.0f unit=%s baseline=%.0f ratio=%.3f%n",
        name,
        v,
        unit,
        b,
        v / b);
  }

  private static long backendPid(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery("SELECT pg_backend_pid()")) {
      result.next();
      return result.getLong(1);
    }
  }

  /** CPU seconds so far of the loader's PostgreSQL backend, found by its application name. */
  private static double loaderBackendCpuSeconds(LoaderHarness harness) {
    String pid =
        harness.warehouse.value(
            "SELECT MAX(pid) FROM pg_stat_activity WHERE application_name = '"
                + LoaderHarness.APPLICATION_NAME
                + "'");
    return cpuSeconds(Long.parseLong(pid));
  }

  /** User + system CPU seconds of a process, from /proc/{pid}/stat (fields 14 and 15). */
  private static double cpuSeconds(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
      String[] afterCommand = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return (Long.parseLong(afterCommand[11]) + Long.parseLong(afterCommand[12]))
          / (double) CLOCK_TICKS;
    } catch (IOException e) {
      throw new IllegalStateException("Cannot read the CPU time of process " + pid, e);
    }
  }

  private static double jvmCpuSeconds() {
    OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    return os.getProcessCpuTime() / 1e9;
  }

  private static String goldColumns() {
    return String.join(", ", GoldContract.load().model("order_lines").orElseThrow().columnNames());
  }

  private static GoldReady customers(LoaderHarness harness) {
    return harness
        .gold
        .batch("customers")
        .rows(
            CUSTOMERS,
            Map.of(
                "customer_id", "'c-' || i",
                "updated_at", "TIMESTAMPTZ '2025-06-01 00:00:00+00' + to_seconds(i)"))
        .upload();
  }

  private static GoldReady orderLines(LoaderHarness harness, int rows) {
    var batch = harness.gold.batch("order_lines");
    int perDay = rows / DAYS;
    for (int day = 0; day < DAYS; day++) {
      LocalDate date = LocalDate.parse("2026-03-01").plusDays(day);
      int count = day == DAYS - 1 ? rows - perDay * (DAYS - 1) : perDay;
      batch.partition(
          date,
          count,
          Map.of(
              "order_line_id", "'ol-" + date + "-' || i",
              "order_id", "'o-" + date + "-' || (i // 3)",
              "customer_id", "'c-' || ((i * 7919) % " + CUSTOMERS + ")",
              "product_id", "'p-' || (i % 2000)",
              "order_ts", "TIMESTAMPTZ '" + date + " 00:00:00+00' + to_seconds(i % 86400)"));
    }
    return batch.upload();
  }

  private static double median(List<Double> values) {
    List<Double> sorted = values.stream().sorted().toList();
    return sorted.get(sorted.size() / 2);
  }
}
