package io.customer360.transform.gold.model;

import io.customer360.datagen.fault.FaultRates;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.springframework.util.FileSystemUtils;

/**
 * Gold rebuild cost on a datagen lake (no faults), DuckDB at transform-service's default limits (1
 * GB, 2 threads):
 *
 * <ul>
 *   <li>{@code gold_full_rebuild}: the gold layer ({@link GoldBuild#run()}: models in dependency
 *       order, contract check per model) against the same model SQL run directly in DuckDB ({@code
 *       CREATE TABLE … AS} per model); medians of alternating runs in one JVM;
 *   <li>{@code gold_full_publish}: build, data tests, partition hashes and every partition written
 *       as Parquet, against plain SQL plus one partitioned {@code COPY} per model;
 *   <li>{@code gold_late_partition_order_lines}: after one late order, {@code order_lines} rebuilt,
 *       hashed and only its changed partition written, against rebuilding it and writing all its
 *       partitions;
 *   <li>{@code gold_late_partition_update}: after the late order, every model the orders dataset
 *       affects rebuilt and tested, hashes compared, only changed partitions written, against the
 *       whole publication.
 * </ul>
 *
 * <p>Usage: {@code GoldBenchmark <days> <customers> <lake-dir> [repetitions]}; a lake dir that
 * already holds a lake is reused.
 */
public final class GoldBenchmark {

  private static final String LATE_DAY = "2026-01-06";

  /** transform-service's default DuckDB memory limit ({@code c360.transform.duckdb}). */
  private static final String MEMORY_LIMIT = "1GB";

  private GoldBenchmark() {}

  public static void main(String[] args) throws Exception {
    int days = Integer.parseInt(args[0]);
    int customers = Integer.parseInt(args[1]);
    Path dir = Path.of(args[2]);
    int repetitions = args.length > 3 ? Integer.parseInt(args[3]) : 3;
    Path root = lake(dir, days, customers);
    GoldModels models = GoldModels.load();
    Path out = Files.createTempDirectory("c360-gold-bench");
    try {
      run(models, root, out, days, customers, repetitions);
    } finally {
      FileSystemUtils.deleteRecursively(out.toFile());
    }
  }

  private static void run(
      GoldModels models, Path root, Path out, int days, int customers, int repetitions) {
    plainBuild(models, root).close(); // warm-up: file cache and JIT
    List<Long> plain = new ArrayList<>();
    List<Long> gold = new ArrayList<>();
    for (int i = 0; i < repetitions; i++) {
      plain.add(time(() -> closeAfter(plainBuild(models, root))));
      gold.add(time(() -> closeAfter(goldBuild(models, root))));
    }
    try (Session plainPublished = plainBuild(models, root)) {
      long plainPublish =
          median(plain) + time(() -> plainWrite(plainPublished.duckdb, models, out));
      try (Session s = goldBuild(models, root)) {
        long published = median(gold) + time(() -> publish(s.build, models, out, true));
        summary(s, models, root, days, customers);
        result("gold_full_rebuild", median(gold), median(plain));
        result("gold_full_publish", published, plainPublish);
        long late = late(s, models, root, out);
        result("gold_late_partition_update", late, published);
      }
    }
  }

  /**
   * Adds one late order, then rebuilds its model and writes the changed partition, and rebuilds,
   * tests, compares and writes everything the late order affects.
   */
  private static long late(Session s, GoldModels models, Path root, Path out) {
    Map<String, Map<String, String>> before = new TreeMap<>();
    models.names().forEach(m -> before.put(m, s.build.partitionHashes(m)));
    long wholeModel =
        time(
            () -> {
              s.build.run(List.of("order_lines"));
              s.build.writePartitions(
                  "order_lines", before.get("order_lines").keySet(), out.resolve("whole"));
            });
    List<Path> lateFiles = addLateOrder(s.duckdb, root);
    try {
      long oneModel =
          time(
              () -> {
                SilverViews.create(s.duckdb, root, models.silverDatasets());
                s.build.run(List.of("order_lines"));
                Set<String> changed =
                    changed(before.get("order_lines"), s.build.partitionHashes("order_lines"));
                s.build.writePartitions("order_lines", changed, out.resolve("one"));
              });
      result("gold_late_partition_order_lines", oneModel, wholeModel);
      Set<String> affected = new LinkedHashSet<>(models.affectedBy("orders"));
      affected.addAll(models.affectedBy("order_items"));
      int[] written = new int[2];
      long nanos =
          time(
              () -> {
                SilverViews.create(s.duckdb, root, models.silverDatasets());
                s.build.run(affected);
                List<DataTestFailure> failures = s.build.test(affected);
                if (!failures.isEmpty()) {
                  throw new IllegalStateException("Data tests failed: " + failures);
                }
                for (String model : affected) {
                  Set<String> changed = changed(before.get(model), s.build.partitionHashes(model));
                  s.build.writePartitions(model, changed, out.resolve("late"));
                  written[0] += changed.size();
                  written[1] += changed.isEmpty() ? 0 : 1;
                }
              });
      System.out.printf(
          Locale.ROOT,
          "Gold late order day=%s models_rebuilt=%d models_changed=%d partitions_written=%d%n",
          LATE_DAY,
          affected.size(),
          written[1],
          written[0]);
      return nanos;
    } finally {
      lateFiles.forEach(f -> FileSystemUtils.deleteRecursively(f.toFile()));
    }
  }

  private static void publish(GoldBuild build, GoldModels models, Path out, boolean test) {
    if (test) {
      List<DataTestFailure> failures = build.test();
      if (!failures.isEmpty()) {
        throw new IllegalStateException("Data tests failed: " + failures);
      }
    }
    for (String model : models.names()) {
      build.writePartitions(model, build.partitionHashes(model).keySet(), out.resolve("gold"));
    }
  }

  private static void plainWrite(Connection duckdb, GoldModels models, Path out) {
    try {
      Files.createDirectories(out.resolve("plain"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    for (GoldModel model : models.inOrder()) {
      Path target = out.resolve("plain").resolve(model.name());
      String copy =
          model
              .partitionedBy()
              .map(
                  p ->
                      " TO '"
                          + target
                          + "' (FORMAT parquet, COMPRESSION zstd, PARTITION_BY ("
                          + p
                          + "), OVERWRITE_OR_IGNORE true)")
              .orElse(" TO '" + target + ".parquet' (FORMAT parquet, COMPRESSION zstd)");
      GoldSession.execute(duckdb, "COPY " + model.name() + copy);
    }
  }

  private static Session plainBuild(GoldModels models, Path root) {
    Connection duckdb = open();
    SilverViews.create(duckdb, root, models.silverDatasets());
    GoldSession.execute(duckdb, "SET VARIABLE churn_horizon_days = 30");
    for (GoldModel model : models.inOrder()) {
      GoldSession.execute(duckdb, "CREATE OR REPLACE TABLE " + model.name() + " AS " + model.sql());
    }
    return new Session(duckdb, null);
  }

  private static Session goldBuild(GoldModels models, Path root) {
    Connection duckdb = open();
    SilverViews.create(duckdb, root, models.silverDatasets());
    GoldBuild build = new GoldBuild(duckdb, models);
    build.run();
    return new Session(duckdb, build);
  }

  private static Connection open() {
    Connection duckdb;
    try {
      duckdb = DriverManager.getConnection("jdbc:duckdb:");
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    GoldSession.execute(duckdb, "SET threads = 2");
    GoldSession.execute(duckdb, "SET memory_limit = '" + MEMORY_LIMIT + "'");
    GoldSession.execute(duckdb, "SET TimeZone = 'UTC'");
    return duckdb;
  }

  /** A copy of a delivered order of {@link #LATE_DAY} under a new id, as late silver files. */
  private static List<Path> addLateOrder(Connection duckdb, Path root) {
    String order =
        GoldSession.value(
            duckdb,
            "SELECT min(order_id) FROM silver_orders WHERE status <> 'cancelled'"
                + " AND event_date = '"
                + LATE_DAY
                + "'");
    List<Path> files = new ArrayList<>();
    for (String dataset : List.of("orders", "order_items")) {
      Path file =
          root.resolve("silver/" + dataset + "/event_date=" + LATE_DAY + "/late-bench.parquet");
      GoldSession.execute(
          duckdb,
          "COPY (SELECT * EXCLUDE (event_date) REPLACE ('O-LATE-1' AS order_id,"
              + " 'late:' || _record_key AS _record_key"
              + (dataset.equals("order_items")
                  ? ", 'O-LATE-1' || substr(order_item_id, strlen(order_id) + 1) AS order_item_id"
                  : "")
              + ") FROM silver_"
              + dataset
              + " WHERE order_id = '"
              + order
              + "') TO '"
              + file
              + "' (FORMAT parquet)");
      files.add(file);
    }
    return files;
  }

  private static Set<String> changed(Map<String, String> before, Map<String, String> after) {
    Set<String> keys = new HashSet<>(before.keySet());
    keys.addAll(after.keySet());
    Set<String> changed = new TreeSet<>();
    keys.stream().filter(k -> !Objects.equals(before.get(k), after.get(k))).forEach(changed::add);
    return changed;
  }

  private static Path lake(Path dir, int days, int customers) {
    if (Files.isDirectory(dir.resolve("lake/silver"))) {
      return dir.resolve("lake");
    }
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    long start = System.nanoTime();
    Path root = DatagenSilver.generate(dir, days, customers, FaultRates.none()).root();
    System.out.printf(
        Locale.ROOT, "Gold silver generated seconds=%.1f%n", (System.nanoTime() - start) / 1e9);
    return root;
  }

  private static void summary(Session s, GoldModels models, Path root, int days, int customers) {
    long silverRows = 0;
    for (String dataset : models.silverDatasets()) {
      silverRows += GoldSession.count(s.duckdb, "SELECT count(*) FROM silver_" + dataset);
    }
    long goldRows = 0;
    long partitions = 0;
    for (String model : models.names()) {
      goldRows += GoldSession.count(s.duckdb, "SELECT count(*) FROM " + model);
      partitions += s.build.partitionHashes(model).size();
    }
    System.out.printf(
        Locale.ROOT,
        "Gold days=%d customers=%d silver_rows=%d gold_models=%d gold_rows=%d gold_partitions=%d"
            + " customer_features_rows=%d web_sessions_rows=%d%n",
        days,
        customers,
        silverRows,
        models.names().size(),
        goldRows,
        partitions,
        GoldSession.count(s.duckdb, "SELECT count(*) FROM customer_features"),
        GoldSession.count(s.duckdb, "SELECT count(*) FROM web_sessions"));
  }

  private static void result(String name, long valueNanos, long baselineNanos) {
    double value = valueNanos / 1e9;
    double baseline = baselineNanos / 1e9;
    System.out.printf(
        Locale.ROOT,
        "RESULT %s value=%.2f unit=s baseline=%.2f ratio=%.3f%n",
        name,
        value,
        baseline,
        value / baseline);
  }

  private static long time(Runnable work) {
    long start = System.nanoTime();
    work.run();
    return System.nanoTime() - start;
  }

  private static void closeAfter(Session session) {
    session.close();
  }

  private static long median(List<Long> values) {
    List<Long> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    return sorted.get(sorted.size() / 2);
  }

  /** A DuckDB session and, for the gold layer, its build. */
  private record Session(Connection duckdb, GoldBuild build) implements AutoCloseable {
    @Override
    public void close() {
      try {
        duckdb.close();
      } catch (SQLException e) {
        throw new IllegalStateException(e);
      }
    }
  }
}
