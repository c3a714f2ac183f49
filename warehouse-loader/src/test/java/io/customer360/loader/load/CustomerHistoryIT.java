package io.customer360.loader.load;

import static org.assertj.core.api.Assertions.assertThat;

import io.customer360.common.pipeline.GoldReady;
import io.customer360.infra.local.LocalEndpoints;
import io.customer360.infra.local.LocalPlatformExtension;
import io.customer360.loader.testing.LoaderHarness;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** dim_customer as a type-2 slowly changing dimension, and order lines following it. */
@ExtendWith(LocalPlatformExtension.class)
class CustomerHistoryIT {

  static final String VERSIONS =
      "SELECT zip, to_char(valid_from AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI'),"
          + " to_char(valid_to AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI'), is_current"
          + " FROM warehouse.dim_customer WHERE customer_id = '%s' ORDER BY source_updated_at";

  static LoaderHarness harness;

  @BeforeAll
  static void start(LocalEndpoints endpoints) {
    harness = new LoaderHarness(endpoints);
  }

  @Test
  void zipChangeClosesOneRowAndOpensOneAndOrdersFollowTheirVersion() {
    GoldBatchLoader loader = harness.loader();
    loader.load(
        customers("c-1", "2026-01-01 08:00:00", "10001", "c-2", "2026-01-01 08:00:00", "20002"));
    loader.load(orders("c-1", "2026-01-02 10:00:00", "2026-01-10 10:00:00"));

    GoldReady zipChange = customers("c-1", "2026-01-05 12:00:00", "94105", null, null, null);
    loader.load(zipChange);

    assertThat(harness.warehouse.rows(VERSIONS.formatted("c-1")))
        .containsExactly(
            List.of("10001", "1900-01-01 00:00", "2026-01-05 12:00", "f"),
            List.of("94105", "2026-01-05 12:00", "9999-12-31 00:00", "t"));
    assertThat(harness.warehouse.rows(VERSIONS.formatted("c-2")))
        .containsExactly(List.of("20002", "1900-01-01 00:00", "9999-12-31 00:00", "t"));
    assertThat(
            harness.warehouse.rows(
                "SELECT to_char(order_ts AT TIME ZONE 'UTC', 'MM-DD'), customer_zip FROM"
                    + " analytics.order_lines WHERE customer_id = 'c-1' ORDER BY order_ts"))
        .containsExactly(List.of("01-02", "10001"), List.of("01-10", "94105"));

    List<List<String>> before = harness.warehouse.snapshot("warehouse.dim_customer");
    harness.warehouse.execute(
        "DELETE FROM ops.load_manifest WHERE batch_id = '" + zipChange.batchId() + "'");
    loader.load(zipChange);
    assertThat(harness.warehouse.snapshot("warehouse.dim_customer")).isEqualTo(before);
  }

  @Test
  void versionsArrivingOutOfOrderGiveTheSameHistory() {
    GoldBatchLoader loader = harness.loader();
    loader.load(orders("c-9", "2026-01-02 10:00:00", "2026-01-10 10:00:00"));
    loader.load(customers("c-9", "2026-01-05 12:00:00", "94105", null, null, null));
    loader.load(customers("c-9", "2026-01-01 08:00:00", "10001", null, null, null));

    assertThat(harness.warehouse.rows(VERSIONS.formatted("c-9")))
        .containsExactly(
            List.of("10001", "1900-01-01 00:00", "2026-01-05 12:00", "f"),
            List.of("94105", "2026-01-05 12:00", "9999-12-31 00:00", "t"));
    assertThat(
            harness.warehouse.rows(
                "SELECT customer_zip FROM analytics.order_lines WHERE customer_id = 'c-9'"
                    + " ORDER BY order_ts"))
        .containsExactly(List.of("10001"), List.of("94105"));
    assertThat(
            harness.warehouse.value(
                "SELECT COUNT(*) FROM (SELECT customer_id FROM warehouse.dim_customer"
                    + " WHERE is_current GROUP BY customer_id HAVING COUNT(*) > 1) twice"))
        .isEqualTo("0");
  }

  @Test
  void aCorrectedVersionIsUpdatedInPlace() {
    GoldBatchLoader loader = harness.loader();
    loader.load(customers("c-5", "2026-01-01 08:00:00", "10001", null, null, null));
    String key =
        harness.warehouse.value(
            "SELECT customer_key FROM warehouse.dim_customer WHERE customer_id = 'c-5'");

    loader.load(customers("c-5", "2026-01-01 08:00:00", "10002", null, null, null));

    assertThat(
            harness.warehouse.rows(
                "SELECT customer_key, zip, is_current FROM warehouse.dim_customer"
                    + " WHERE customer_id = 'c-5'"))
        .containsExactly(List.of(key, "10002", "t"));
  }

  /** One or two customer versions (second customer optional). */
  private static GoldReady customers(
      String id1, String at1, String zip1, String id2, String at2, String zip2) {
    int rows = id2 == null ? 1 : 2;
    return harness
        .gold
        .batch("customers")
        .rows(
            rows,
            Map.of(
                "customer_id", "CASE WHEN i = 0 THEN '" + id1 + "' ELSE '" + id2 + "' END",
                "updated_at",
                    "CASE WHEN i = 0 THEN TIMESTAMPTZ '"
                        + at1
                        + "+00' ELSE TIMESTAMPTZ '"
                        + (at2 == null ? at1 : at2)
                        + "+00' END",
                "zip", "CASE WHEN i = 0 THEN '" + zip1 + "' ELSE '" + zip2 + "' END"))
        .upload();
  }

  /** One order line of the customer at each time, each in its own order_date partition. */
  private static GoldReady orders(String customer, String... times) {
    var batch = harness.gold.batch("order_lines");
    for (String time : times) {
      LocalDate day = LocalDate.parse(time.substring(0, 10));
      batch.partition(
          day,
          1,
          Map.of(
              "order_line_id", "'" + customer + "-" + time.replace(' ', 'T') + "'",
              "customer_id", "'" + customer + "'",
              "order_ts", "TIMESTAMPTZ '" + time + "+00'"));
    }
    return batch.upload();
  }
}
