package io.customer360.loader.load;

import static org.assertj.core.api.Assertions.assertThat;

import io.customer360.common.gold.LoadMode;
import io.customer360.common.gold.ModelContract;
import io.customer360.common.pipeline.GoldReady;
import io.customer360.common.pipeline.PipelineMessageCodec;
import io.customer360.infra.local.LocalEndpoints;
import io.customer360.infra.local.LocalPlatformExtension;
import io.customer360.loader.testing.LoaderHarness;
import io.customer360.loader.warehouse.WarehouseTargets;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Loads of every gold model into PostgreSQL: idempotent, exact, never moving backwards, and
 * emptying the partitions gold emptied.
 */
@ExtendWith(LocalPlatformExtension.class)
class GoldLoadIT {

  static final LocalDate DAY_1 = LocalDate.parse("2026-01-03");
  static final LocalDate DAY_2 = LocalDate.parse("2026-01-04");

  static LoaderHarness harness;
  static WarehouseTargets targets;

  @BeforeAll
  static void start(LocalEndpoints endpoints) {
    harness = new LoaderHarness(endpoints);
    targets = WarehouseTargets.forContract(harness.gold.contract());
  }

  @Test
  void loadingTheSameBatchesAgainLeavesIdenticalTables() {
    GoldBatchLoader loader = harness.loader();
    List<GoldReady> batches = new ArrayList<>();
    for (ModelContract model : harness.gold.contract().models()) {
      var batch =
          harness.gold.batch(model.name()).producedAt(Instant.parse("2026-02-01T00:00:00Z"));
      if (model.load() == LoadMode.REPLACE_PARTITIONS) {
        batch.partition(DAY_1, 50, Map.of()).partition(DAY_2, 50, Map.of());
      } else {
        batch.rows(40, Map.of());
      }
      batches.add(batch.upload());
    }

    for (GoldReady batch : batches) {
      assertThat(loader.load(batch)).isInstanceOf(LoadOutcome.Loaded.class);
    }
    Map<String, List<List<String>>> first = snapshot(true);
    for (GoldReady batch : batches) {
      assertThat(
              harness.warehouse.value(
                  "SELECT COUNT(*) FROM "
                      + table(batch)
                      + " WHERE load_batch_id = '"
                      + batch.batchId()
                      + "'"))
          .as(batch.dataset())
          .isEqualTo(Long.toString(batch.rowCount()));
    }

    for (GoldReady batch : batches) {
      assertThat(loader.load(batch)).isInstanceOf(LoadOutcome.AlreadyLoaded.class);
    }
    assertThat(snapshot(true)).isEqualTo(first);

    // Without the manifest the statements themselves run again, and still change nothing.
    harness.warehouse.execute("DELETE FROM ops.load_manifest", "DELETE FROM ops.load_partition");
    for (GoldReady batch : batches) {
      assertThat(loader.load(batch)).isInstanceOf(LoadOutcome.Loaded.class);
    }
    assertThat(snapshot(false)).isEqualTo(withoutOps(first));
    assertThat(
            harness.warehouse.rows(
                "SELECT date_key, day_name, is_weekend, iso_week, year_month FROM warehouse.dim_date"
                    + " WHERE calendar_date IN (DATE '2026-01-03', DATE '2026-01-04') ORDER BY 1"))
        .containsExactly(
            List.of("20260103", "Saturday", "t", "1", "2026-01"),
            List.of("20260104", "Sunday", "t", "1", "2026-01"));
  }

  @Test
  void warehouseTotalsEqualGoldTotalsExactly() {
    var builder = harness.gold.batch("order_lines");
    for (LocalDate day : List.of(LocalDate.parse("2026-01-10"), LocalDate.parse("2026-01-11"))) {
      builder.partition(day, 3000, orderLineAmounts(day));
    }
    GoldReady batch = builder.upload();
    GoldReady sales =
        harness
            .gold
            .batch("sales_by_zip_category_daily")
            .partition(LocalDate.parse("2026-01-10"), 500, Map.of())
            .partition(LocalDate.parse("2026-01-11"), 700, Map.of())
            .upload();

    harness.loader().load(batch);
    harness.loader().load(sales);

    String where = " WHERE order_date IN (DATE '2026-01-10', DATE '2026-01-11')";
    List<String> goldTotals =
        harness
            .gold
            .query(
                batch,
                "SELECT COUNT(*), SUM(quantity), SUM(net_amount), SUM(discount_amount),"
                    + " SUM(returned_amount), COUNT(DISTINCT order_id) FROM {files}")
            .get(0);
    List<String> warehouseTotals =
        harness
            .warehouse
            .rows(
                "SELECT COUNT(*), SUM(quantity), SUM(net_amount), SUM(discount_amount),"
                    + " SUM(returned_amount), COUNT(DISTINCT order_id) FROM"
                    + " warehouse.fact_order_line"
                    + where)
            .get(0);
    assertThat(decimals(warehouseTotals)).isEqualTo(decimals(goldTotals));
    assertThat(decimals(goldTotals).get(0)).isEqualByComparingTo("6000");

    List<String> goldSales =
        harness
            .gold
            .query(sales, "SELECT COUNT(*), SUM(orders), SUM(units), SUM(revenue) FROM {files}")
            .get(0);
    List<String> warehouseSales =
        harness
            .warehouse
            .rows(
                "SELECT COUNT(*), SUM(orders), SUM(units), SUM(revenue) FROM"
                    + " warehouse.agg_sales_by_zip_category_daily"
                    + where)
            .get(0);
    assertThat(decimals(warehouseSales)).isEqualTo(decimals(goldSales));

    // Row by row: timestamps to the microsecond, doubles to the bit, '' and NULL kept apart.
    List<List<String>> goldRows =
        harness.gold.query(
            batch,
            "SELECT order_line_id, strftime(order_ts, '%Y-%m-%dT%H:%M:%S.%f'), coupon_code,"
                + " temp_max_f FROM {files} ORDER BY order_line_id");
    List<List<String>> warehouseRows =
        harness.warehouse.rows(
            "SELECT order_line_id, to_char(order_ts AT TIME ZONE 'UTC',"
                + " 'YYYY-MM-DD\"T\"HH24:MI:SS.US'), coupon_code, temp_max_f FROM"
                + " warehouse.fact_order_line"
                + where
                + " ORDER BY order_line_id COLLATE \"C\"");
    assertThat(normalizeDoubles(warehouseRows)).isEqualTo(normalizeDoubles(goldRows));
    assertThat(goldRows).anySatisfy(row -> assertThat(row.get(2)).isEmpty());
    assertThat(goldRows).anySatisfy(row -> assertThat(row.get(2)).isNull());
  }

  @Test
  void stagingAndInsertingGivesTheSameRowsAsCopyingIntoPartitions() {
    harness
        .loader()
        .load(
            harness
                .gold
                .batch("customers")
                .rows(30, Map.of("customer_id", "'staged-c-' || i"))
                .upload());
    GoldReady orders =
        harness
            .gold
            .batch("order_lines")
            .partition(
                LocalDate.parse("2026-01-25"),
                400,
                Map.of(
                    "customer_id", "'staged-c-' || (i % 40)",
                    "order_ts", "TIMESTAMPTZ '2026-01-25 10:00:00+00'"))
            .upload();
    String rows =
        "SELECT * FROM warehouse.fact_order_line WHERE order_date = DATE '2026-01-25'"
            + " ORDER BY order_line_id";

    harness.loader().load(orders);
    List<List<String>> copied = harness.warehouse.rows(rows);
    harness.warehouse.execute(
        "DELETE FROM ops.load_manifest WHERE batch_id = '" + orders.batchId() + "'");
    assertThat(harness.stagingLoader().load(orders)).isInstanceOf(LoadOutcome.Loaded.class);

    assertThat(harness.warehouse.rows(rows)).hasSize(400).isEqualTo(copied);
    assertThat(copied.stream().filter(row -> row.get(26) != null)).hasSize(300);
  }

  @Test
  void anOlderBatchNeverOverwritesANewerOne() {
    LocalDate kept = LocalDate.parse("2026-01-20");
    LocalDate fresh = LocalDate.parse("2026-01-21");
    GoldReady newer =
        harness
            .gold
            .batch("weather_daily")
            .producedAt(Instant.parse("2026-02-02T10:00:00Z"))
            .partition(kept, 10, Map.of())
            .upload();
    GoldReady older =
        harness
            .gold
            .batch("weather_daily")
            .producedAt(Instant.parse("2026-02-02T09:00:00Z"))
            .partition(kept, 4, Map.of())
            .partition(fresh, 6, Map.of())
            .upload();
    GoldReady oldest =
        harness
            .gold
            .batch("weather_daily")
            .producedAt(Instant.parse("2026-02-02T08:00:00Z"))
            .partition(kept, 3, Map.of())
            .upload();
    GoldBatchLoader loader = harness.loader();

    loader.load(newer);
    LoadOutcome partly = loader.load(older);
    LoadOutcome none = loader.load(oldest);

    assertThat(partly)
        .isInstanceOfSatisfying(
            LoadOutcome.Loaded.class,
            loaded ->
                assertThat(loaded.partitionsApplied()).containsExactly("weather_date=2026-01-21"));
    assertThat(none).isInstanceOf(LoadOutcome.Superseded.class);
    assertThat(
            harness.warehouse.rows(
                "SELECT weather_date, COUNT(*), MIN(load_batch_id) FROM warehouse.fact_weather_daily"
                    + " WHERE weather_date >= DATE '2026-01-20' GROUP BY weather_date ORDER BY 1"))
        .containsExactly(
            List.of("2026-01-20", "10", newer.batchId()),
            List.of("2026-01-21", "6", older.batchId()));
    assertThat(
            harness.warehouse.value(
                "SELECT outcome FROM ops.load_manifest WHERE batch_id = '"
                    + oldest.batchId()
                    + "'"))
        .isEqualTo("superseded");
  }

  @Test
  void aPartitionAnnouncedWithoutObjectsIsEmptiedWhileTheOthersStay() {
    LocalDate kept = LocalDate.parse("2026-01-14");
    LocalDate emptied = LocalDate.parse("2026-01-15");
    LocalDate refilled = LocalDate.parse("2026-01-16");
    GoldReady first =
        harness
            .gold
            .batch("order_lines")
            .producedAt(Instant.parse("2026-02-03T08:00:00Z"))
            .partition(kept, 20, Map.of())
            .partition(emptied, 30, Map.of())
            .partition(refilled, 40, Map.of())
            .upload();
    // A CDC delete removed every order of a day: gold announces the day with no object.
    GoldReady onlyEmptied =
        harness
            .gold
            .batch("order_lines")
            .producedAt(Instant.parse("2026-02-03T09:00:00Z"))
            .emptied(emptied)
            .upload();
    PipelineMessageCodec codec = new PipelineMessageCodec();
    assertThat(codec.fromJson(codec.toJson(onlyEmptied))).isEqualTo(onlyEmptied);
    assertThat(onlyEmptied.objectKeys()).isEmpty();
    GoldBatchLoader loader = harness.loader();

    loader.load(first);
    LoadOutcome outcome = loader.load(onlyEmptied);

    assertThat(outcome)
        .isInstanceOfSatisfying(
            LoadOutcome.Loaded.class,
            loaded -> {
              assertThat(loaded.rowsStaged()).isZero();
              assertThat(loaded.partitionsApplied()).containsExactly("order_date=2026-01-15");
            });
    assertThat(orderLinesByDay())
        .containsExactly(
            List.of("2026-01-14", "20", first.batchId()),
            List.of("2026-01-16", "40", first.batchId()));
    assertThat(
            harness.warehouse.rows(
                "SELECT outcome, partitions, object_count, gold_row_count, rows_staged"
                    + " FROM ops.load_manifest WHERE batch_id = '"
                    + onlyEmptied.batchId()
                    + "'"))
        .containsExactly(List.of("loaded", "order_date=2026-01-15", "0", "0", "0"));
    assertThat(loader.load(onlyEmptied)).isInstanceOf(LoadOutcome.AlreadyLoaded.class);

    // An older batch cannot bring the emptied day back.
    GoldReady older =
        harness
            .gold
            .batch("order_lines")
            .producedAt(Instant.parse("2026-02-03T08:30:00Z"))
            .partition(emptied, 7, Map.of())
            .upload();
    assertThat(loader.load(older)).isInstanceOf(LoadOutcome.Superseded.class);

    // Staged as on Redshift: one day emptied, another replaced, in one batch.
    GoldReady mixed =
        harness
            .gold
            .batch("order_lines")
            .producedAt(Instant.parse("2026-02-03T10:00:00Z"))
            .emptied(kept)
            .partition(refilled, 5, Map.of())
            .upload();
    assertThat(mixed.partitions())
        .containsExactlyInAnyOrder("order_date=2026-01-14", "order_date=2026-01-16");
    assertThat(harness.stagingLoader().load(mixed)).isInstanceOf(LoadOutcome.Loaded.class);
    assertThat(orderLinesByDay()).containsExactly(List.of("2026-01-16", "5", mixed.batchId()));
  }

  private static List<List<String>> orderLinesByDay() {
    return harness.warehouse.rows(
        "SELECT order_date, COUNT(*), MIN(load_batch_id) FROM warehouse.fact_order_line"
            + " WHERE order_date BETWEEN DATE '2026-01-14' AND DATE '2026-01-16'"
            + " GROUP BY order_date ORDER BY 1");
  }

  private static Map<String, String> orderLineAmounts(LocalDate day) {
    String quantity = "((i % 5) + 1)";
    String price = "CAST(((i * 7919) % 50000) / 100.0 + 0.99 AS DECIMAL(12,2))";
    String discount =
        "CAST(CASE WHEN i % 4 = 0 THEN ((i * 13) % 500) / 100.0 ELSE 0 END AS DECIMAL(12,2))";
    Map<String, String> overrides = new LinkedHashMap<>();
    overrides.put("order_id", "'o-" + day + "-' || (i // 3)");
    overrides.put("quantity", quantity);
    overrides.put("unit_price", price);
    overrides.put("discount_amount", discount);
    overrides.put("net_amount", quantity + " * " + price + " - " + discount);
    return overrides;
  }

  private static String table(GoldReady batch) {
    return targets.plan(batch.dataset()).orElseThrow().table();
  }

  private static Map<String, List<List<String>>> snapshot(boolean withOps) {
    Map<String, List<List<String>>> tables = new LinkedHashMap<>();
    for (ModelContract model : harness.gold.contract().models()) {
      String table = targets.plan(model.name()).orElseThrow().table();
      tables.put(table, harness.warehouse.snapshot(table));
    }
    tables.put("warehouse.dim_date", harness.warehouse.snapshot("warehouse.dim_date"));
    if (withOps) {
      tables.put("ops.load_manifest", harness.warehouse.snapshot("ops.load_manifest"));
      tables.put("ops.load_partition", harness.warehouse.snapshot("ops.load_partition"));
    }
    return tables;
  }

  private static Map<String, List<List<String>>> withoutOps(Map<String, List<List<String>>> all) {
    Map<String, List<List<String>>> kept = new LinkedHashMap<>(all);
    kept.keySet().removeIf(table -> table.startsWith("ops."));
    return kept;
  }

  private static List<BigDecimal> decimals(List<String> values) {
    return values.stream().map(v -> new BigDecimal(v).stripTrailingZeros()).toList();
  }

  private static List<List<String>> normalizeDoubles(List<List<String>> rows) {
    return rows.stream()
        .map(
            row -> {
              List<String> copy = new ArrayList<>(row);
              String value = copy.get(3);
              copy.set(3, value == null ? null : Double.toString(Double.parseDouble(value)));
              return copy;
            })
        .toList();
  }
}
