package io.customer360.transform.gold.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Late events change only their own partitions: a clickstream event arriving days late for
 * 2026-01-05 and an order for 2026-01-06 added to a copy of the lake change the partition hashes of
 * those days (and, for customer snapshots, of the snapshots after the order), nothing else; only
 * the changed partitions are written.
 */
class LatePartitionTest {

  private static final String EVENT_DAY = "2026-01-05";
  private static final String ORDER_DAY = "2026-01-06";

  @TempDir Path dir;

  @Test
  void lateEventsChangeOnlyTheirOwnPartitions() throws Exception {
    Path lake = copy(DatagenSilver.shared().root(), dir.resolve("lake"));
    Map<String, Map<String, String>> before = hashes(GoldSession.cleanBuild());
    try (Connection duckdb = GoldSession.open()) {
      SilverViews.create(duckdb, lake, GoldSession.MODELS.silverDatasets());
      addLateClick(duckdb, lake);
      addLateOrder(duckdb, lake);
      GoldBuild build = GoldSession.build(duckdb, lake);
      assertThat(build.test()).isEmpty();
      Map<String, Set<String>> changed = changed(before, hashes(build));

      assertThat(changed.get("web_sessions")).containsExactly(EVENT_DAY);
      assertThat(changed.get("order_lines")).containsExactly(ORDER_DAY);
      assertThat(changed.get("sales_by_zip_category_daily")).containsExactly(ORDER_DAY);
      assertThat(changed.get("customer_features"))
          .isNotEmpty()
          .allMatch(snapshot -> snapshot.compareTo(ORDER_DAY) >= 0);
      for (GoldModel model : GoldSession.MODELS.inOrder()) {
        Set<String> allowed =
            model.partitionedBy().orElse("").equals("snapshot_date")
                ? snapshotsFrom(build, model.name(), ORDER_DAY)
                : Set.of(EVENT_DAY, ORDER_DAY);
        assertThat(changed.get(model.name())).as(model.name()).isSubsetOf(allowed);
      }
      for (String untouched : Set.of("weblog_hourly", "weather_daily", "products", "customers")) {
        assertThat(changed.get(untouched)).as(untouched).isEmpty();
      }

      Path out = dir.resolve("out");
      changed.forEach((model, partitions) -> build.writePartitions(model, partitions, out));
      assertThat(files(out.resolve("gold/order_lines")))
          .containsExactly("order_date=" + ORDER_DAY + "/part-0.parquet");
      assertThat(files(out.resolve("gold/web_sessions")))
          .containsExactly("session_date=" + EVENT_DAY + "/part-0.parquet");
    }
  }

  /** A page view of an anonymous device, three minutes after one of its events that day. */
  private static void addLateClick(Connection duckdb, Path lake) {
    String event =
        "SELECT * EXCLUDE (event_date, event_hour) REPLACE ("
            + "'late-event-1' AS event_id, 'late:1' AS _record_key,"
            + " occurred_at + INTERVAL 3 MINUTE AS occurred_at, 'page_view' AS event_type)"
            + " FROM silver_clickstream WHERE customer_id IS NULL AND event_date = '"
            + EVENT_DAY
            + "' AND hour(occurred_at) BETWEEN 9 AND 18 ORDER BY event_id LIMIT 1";
    String hour =
        GoldSession.value(duckdb, "SELECT strftime(occurred_at, '%H') FROM (" + event + ")");
    write(
        duckdb,
        event,
        lake.resolve("silver/clickstream/event_date=" + EVENT_DAY + "/event_hour=" + hour));
  }

  /** A copy of a delivered order of that day and its lines, under a new order id. */
  private static void addLateOrder(Connection duckdb, Path lake) {
    String order =
        GoldSession.value(
            duckdb,
            "SELECT min(order_id) FROM silver_orders WHERE status = 'delivered' AND event_date = '"
                + ORDER_DAY
                + "'");
    write(
        duckdb,
        "SELECT * EXCLUDE (event_date) REPLACE ('O-LATE-1' AS order_id, 'late:2' AS _record_key)"
            + " FROM silver_orders WHERE order_id = '"
            + order
            + "'",
        lake.resolve("silver/orders/event_date=" + ORDER_DAY));
    write(
        duckdb,
        "SELECT * EXCLUDE (event_date) REPLACE ('O-LATE-1' AS order_id,"
            + " 'O-LATE-1' || substr(order_item_id, strlen(order_id) + 1) AS order_item_id,"
            + " 'late:3:' || order_item_id AS _record_key)"
            + " FROM silver_order_items WHERE order_id = '"
            + order
            + "'",
        lake.resolve("silver/order_items/event_date=" + ORDER_DAY));
  }

  private static void write(Connection duckdb, String select, Path folder) {
    try {
      Files.createDirectories(folder);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    GoldSession.execute(
        duckdb,
        "COPY (" + select + ") TO '" + folder.resolve("late-0.parquet") + "' (FORMAT parquet)");
  }

  private static Set<String> snapshotsFrom(GoldBuild build, String model, String day) {
    Set<String> snapshots = new TreeSet<>();
    build.partitionHashes(model).keySet().stream()
        .filter(s -> s.compareTo(day) >= 0)
        .forEach(snapshots::add);
    return snapshots;
  }

  private static Map<String, Map<String, String>> hashes(GoldBuild build) {
    Map<String, Map<String, String>> all = new TreeMap<>();
    for (GoldModel model : GoldSession.MODELS.inOrder()) {
      all.put(model.name(), build.partitionHashes(model.name()));
    }
    return all;
  }

  /** Per model, partitions added, removed or with a different hash. */
  private static Map<String, Set<String>> changed(
      Map<String, Map<String, String>> before, Map<String, Map<String, String>> after) {
    Map<String, Set<String>> changed = new TreeMap<>();
    for (String model : after.keySet()) {
      Set<String> keys = new HashSet<>(before.get(model).keySet());
      keys.addAll(after.get(model).keySet());
      Set<String> differing = new TreeSet<>();
      for (String key : keys) {
        if (!java.util.Objects.equals(before.get(model).get(key), after.get(model).get(key))) {
          differing.add(key);
        }
      }
      changed.put(model, differing);
    }
    return changed;
  }

  private static Path copy(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path file : files.toList()) {
        Path target = to.resolve(from.relativize(file).toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(target);
        } else {
          Files.copy(file, target);
        }
      }
    }
    return to;
  }

  private static Set<String> files(Path folder) throws IOException {
    try (Stream<Path> files = Files.walk(folder)) {
      return files
          .filter(Files::isRegularFile)
          .map(f -> folder.relativize(f).toString())
          .collect(java.util.stream.Collectors.toCollection(TreeSet::new));
    }
  }
}
