package io.customer360.transform.gold.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every model built from a datagen run with every fault on: data tests pass, files follow the
 * contract and the lake layout, partition hashes are reproducible, an empty lake still builds.
 */
class GoldBuildTest {

  @TempDir Path dir;

  @Test
  void everyModelHasRowsAndPassesItsDataTestsOnDatagenSilver() {
    Connection duckdb = GoldSession.clean();
    assertThat(GoldSession.cleanBuild().test()).isEmpty();
    for (GoldModel model : GoldSession.MODELS.inOrder()) {
      assertThat(GoldSession.count(duckdb, "SELECT count(*) FROM " + model.name()))
          .as(model.name())
          .isPositive();
    }
  }

  @Test
  void writtenFilesCarryTheContractColumnsInOrderWithThePartitionColumn() {
    Connection duckdb = GoldSession.clean();
    GoldBuild build = GoldSession.cleanBuild();
    for (GoldModel model : GoldSession.MODELS.inOrder()) {
      Map<String, String> hashes = build.partitionHashes(model.name());
      String partition = hashes.keySet().iterator().next();
      build.writePartitions(model.name(), List.of(partition), dir);
      Path file =
          model
              .partitionedBy()
              .map(
                  p ->
                      dir.resolve("gold/" + model.name() + "/" + p + "=" + partition)
                          .resolve("part-0.parquet"))
              .orElse(dir.resolve("gold/" + model.name() + "/part-0.parquet"));
      assertThat(file).as(model.name()).exists();
      List<String> columns =
          GoldSession.rows(
                  duckdb,
                  "SELECT column_name || ' ' || column_type FROM (DESCRIBE SELECT * FROM"
                      + " read_parquet('"
                      + file
                      + "', hive_partitioning = false))")
              .stream()
              .map(r -> r.get(0))
              .toList();
      assertThat(columns)
          .as(model.name())
          .isEqualTo(
              model.columns().stream().map(c -> c.name() + " " + c.type().duckDbType()).toList());
      String where =
          model.partitionedBy().map(p -> " WHERE " + p + " = DATE '" + partition + "'").orElse("");
      assertThat(
              GoldSession.count(
                  duckdb,
                  "SELECT count(*) FROM read_parquet('" + file + "', hive_partitioning = false)"))
          .isEqualTo(GoldSession.count(duckdb, "SELECT count(*) FROM " + model.name() + where));
    }
  }

  @Test
  void timestampsAreWrittenAsUtcInstants() throws Exception {
    GoldBuild build = GoldSession.cleanBuild();
    String day = build.partitionHashes("order_lines").keySet().iterator().next();
    build.writePartitions("order_lines", List.of(day), dir);
    Path file = dir.resolve("gold/order_lines/order_date=" + day + "/part-0.parquet");
    List<List<String>> types =
        GoldSession.rows(
            GoldSession.clean(),
            "SELECT name, logical_type FROM parquet_schema('"
                + file
                + "') WHERE name IN ('order_ts', 'net_amount') ORDER BY name");
    assertThat(types.get(0).get(1)).isEqualTo("DecimalType(scale=2, precision=12)");
    assertThat(types.get(1).get(1)).contains("isAdjustedToUTC=1").contains("MICROS");
    assertThat(Files.size(file)).isPositive();
  }

  @Test
  void rebuildingTheSameSilverGivesTheSamePartitionHashes() throws Exception {
    Map<String, Map<String, String>> first = hashes(GoldSession.cleanBuild());
    try (Connection duckdb = GoldSession.open()) {
      GoldBuild again = GoldSession.build(duckdb, DatagenSilver.shared().root());
      assertThat(hashes(again)).isEqualTo(first);
    }
  }

  @Test
  void snapshotsAreDailyByDefaultAndWeeklyOnRequest() throws Exception {
    Connection daily = GoldSession.clean();
    assertThat(
            GoldSession.count(daily, "SELECT count(DISTINCT snapshot_date) FROM customer_features"))
        .isEqualTo(
            GoldSession.count(
                daily, "SELECT max(order_date) - min(order_date) + 1 FROM order_lines"));
    try (Connection duckdb = GoldSession.open()) {
      SilverViews.create(
          duckdb, DatagenSilver.shared().root(), GoldSession.MODELS.silverDatasets());
      GoldBuild weekly = new GoldBuild(duckdb, GoldSession.MODELS);
      weekly.setParameter("churn_horizon_days", GoldSession.HORIZON_DAYS);
      weekly.setParameter("snapshot_every_days", 7);
      weekly.run();
      assertThat(
              GoldSession.rows(
                  duckdb,
                  "SELECT DISTINCT dayofweek(snapshot_date) FROM customer_features"
                      + " WHERE snapshot_date < (SELECT max(order_date) FROM order_lines)"))
          .as("Sundays, and the last order day")
          .containsExactly(List.of("0"));
    }
  }

  @Test
  void anEmptyLakeBuildsEmptyModelsThatPassTheirTests() throws Exception {
    try (Connection duckdb = GoldSession.open()) {
      GoldBuild build = GoldSession.build(duckdb, dir.resolve("no-lake"));
      assertThat(build.test()).isEmpty();
      for (GoldModel model : GoldSession.MODELS.inOrder()) {
        assertThat(GoldSession.count(duckdb, "SELECT count(*) FROM " + model.name()))
            .as(model.name())
            .isZero();
      }
    }
  }

  private static Map<String, Map<String, String>> hashes(GoldBuild build) {
    Map<String, Map<String, String>> all = new TreeMap<>();
    for (GoldModel model : GoldSession.MODELS.inOrder()) {
      all.put(model.name(), build.partitionHashes(model.name()));
    }
    return all;
  }
}
