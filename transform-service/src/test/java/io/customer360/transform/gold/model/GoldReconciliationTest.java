package io.customer360.transform.gold.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Gold totals reconcile exactly with silver and with datagen's ground truth: sales per day,
 * category and zip ({@code _truth/sales_daily.csv}), order counts, units, revenue, events.
 */
class GoldReconciliationTest {

  private static final String SALES_COLUMNS =
      "order_date, category, zip, orders, units, revenue, coupon_orders, coupon_discount";

  @Test
  void salesByZipCategoryDailyEqualsDatagenSalesTruthRowForRow() {
    Connection duckdb = GoldSession.clean();
    String truth =
        "SELECT "
            + SALES_COLUMNS
            + " FROM read_csv('"
            + DatagenSilver.shared().truth("sales_daily.csv")
            + "', all_varchar = true)";
    String gold =
        "SELECT "
            + "CAST(order_date AS VARCHAR), category, zip, CAST(orders AS VARCHAR),"
            + " CAST(units AS VARCHAR), CAST(revenue AS VARCHAR), CAST(coupon_orders AS VARCHAR),"
            + " CAST(coupon_discount AS VARCHAR) FROM sales_by_zip_category_daily";
    long truthRows = GoldSession.count(duckdb, "SELECT count(*) FROM (" + truth + ")");
    assertThat(truthRows).isGreaterThan(100);
    assertThat(GoldSession.count(duckdb, "SELECT count(*) FROM sales_by_zip_category_daily"))
        .isEqualTo(truthRows);
    assertThat(GoldSession.rows(duckdb, gold + " EXCEPT " + truth)).isEmpty();
    assertThat(GoldSession.rows(duckdb, truth + " EXCEPT " + gold)).isEmpty();
  }

  @Test
  void orderLinesOfOrdersNotCancelledSumToTheTruthPerDay() {
    Connection duckdb = GoldSession.clean();
    String truth =
        "SELECT order_date::DATE AS d, sum(units::BIGINT) AS units, sum(revenue::DECIMAL(18,2))"
            + " AS revenue, sum(orders::BIGINT) AS order_groups FROM read_csv('"
            + DatagenSilver.shared().truth("sales_daily.csv")
            + "', all_varchar = true) GROUP BY 1";
    String gold =
        "SELECT order_date AS d, sum(quantity) AS units, sum(net_amount) AS revenue,"
            + " count(DISTINCT (order_id, category, ship_zip)) AS order_groups FROM order_lines"
            + " WHERE order_status <> 'cancelled' GROUP BY 1";
    List<List<String>> diff =
        GoldSession.rows(
            duckdb,
            "SELECT * FROM ("
                + gold
                + ") g FULL JOIN ("
                + truth
                + ") t USING (d) WHERE g.units IS DISTINCT FROM t.units"
                + " OR g.revenue IS DISTINCT FROM t.revenue"
                + " OR g.order_groups IS DISTINCT FROM t.order_groups");
    assertThat(diff).isEmpty();
    assertThat(GoldSession.count(duckdb, "SELECT count(DISTINCT d) FROM (" + gold + ")"))
        .isEqualTo(14);
  }

  @Test
  void goldRevenueOrdersAndUnitsEqualSilver() {
    Connection duckdb = GoldSession.clean();
    List<String> gold =
        GoldSession.rows(
                duckdb,
                "SELECT sum(net_amount), count(DISTINCT order_id), sum(quantity) FROM order_lines")
            .get(0);
    List<String> silver =
        GoldSession.rows(
                duckdb,
                "SELECT CAST(sum(i.quantity * i.unit_price - coalesce(i.discount, 0))"
                    + " AS DECIMAL(38,2)), count(DISTINCT o.order_id), sum(i.quantity)"
                    + " FROM silver_order_items i JOIN silver_orders o USING (order_id)")
            .get(0);
    assertThat(gold).isEqualTo(silver);
    assertThat(Long.parseLong(gold.get(1))).isEqualTo(truth("orders"));
    assertThat(GoldSession.count(duckdb, "SELECT count(*) FROM order_lines"))
        .isEqualTo(truth("order_items"));
  }

  @Test
  void streamModelsCountEveryValidEventAndEveryOrderPlaced() {
    Connection duckdb = GoldSession.clean();
    assertThat(GoldSession.count(duckdb, "SELECT sum(events) FROM web_sessions"))
        .isEqualTo(truth("clickstream"));
    assertThat(GoldSession.count(duckdb, "SELECT sum(hits) FROM weblog_hourly"))
        .isEqualTo(truth("weblog"));
    assertThat(GoldSession.count(duckdb, "SELECT sum(purchases) FROM purchases_per_minute"))
        .isEqualTo(truth("orders"));
    assertThat(GoldSession.count(duckdb, "SELECT sum(orders) FROM web_sessions"))
        .isEqualTo(truth("orders"));
    assertThat(GoldSession.count(duckdb, "SELECT count(*) FROM returns"))
        .isEqualTo(truth("returns"));
  }

  @Test
  void weblogHourlyCountsEveryLineUnderTheServerDatagenSentItFrom() {
    Connection duckdb = GoldSession.clean();
    String sent =
        "SELECT k.partition_key AS server, count(*) AS hits FROM silver_weblog w JOIN read_csv('"
            + DatagenSilver.shared().partitionKeys()
            + "', all_varchar = true) k ON k.dataset = 'weblog' AND k._record_key = w._record_key"
            + " GROUP BY 1";
    String gold = "SELECT server, sum(hits) AS hits FROM weblog_hourly GROUP BY 1";
    List<List<String>> servers = GoldSession.rows(duckdb, gold + " ORDER BY 1");
    assertThat(servers.stream().map(r -> r.get(0)))
        .containsExactly("web-1", "web-2", "web-3", "web-4");
    assertThat(GoldSession.rows(duckdb, "SELECT * FROM (" + gold + ") EXCEPT " + sent)).isEmpty();
    assertThat(GoldSession.rows(duckdb, sent + " EXCEPT SELECT * FROM (" + gold + ")")).isEmpty();
    assertThat(servers.stream().mapToLong(r -> Long.parseLong(r.get(1))).sum())
        .isEqualTo(truth("weblog"));
  }

  @Test
  void customersCarryTheDecadeOfBirthSilverDerived() {
    Connection duckdb = GoldSession.clean();
    String gold =
        "SELECT customer_id, updated_at, birth_year_band FROM customers"
            + " EXCEPT SELECT customer_id, timezone('UTC', updated_at), birth_year_band"
            + " FROM silver_customers";
    assertThat(GoldSession.rows(duckdb, gold)).isEmpty();
    assertThat(
            GoldSession.count(
                duckdb,
                "SELECT count(*) FROM customers"
                    + " WHERE NOT regexp_full_match(birth_year_band, '(19|20)[0-9]0-(19|20)[0-9]9')"
                    + " OR birth_year_band IS NULL"))
        .isZero();
    assertThat(GoldSession.count(duckdb, "SELECT count(DISTINCT birth_year_band) FROM customers"))
        .isGreaterThanOrEqualTo(5);
  }

  @Test
  void webSessionRevenueIsTheNetValueOfTheirOrders() {
    Connection duckdb = GoldSession.clean();
    assertThat(GoldSession.value(duckdb, "SELECT sum(revenue) FROM web_sessions"))
        .isEqualTo(GoldSession.value(duckdb, "SELECT sum(net_amount) FROM order_lines"));
    assertThat(GoldSession.value(duckdb, "SELECT sum(revenue) FROM purchases_per_minute"))
        .isEqualTo(GoldSession.value(duckdb, "SELECT sum(net_amount) FROM order_lines"));
  }

  private static long truth(String dataset) {
    Connection duckdb = GoldSession.clean();
    return GoldSession.count(
        duckdb,
        "SELECT sum(value::BIGINT) FROM read_csv('"
            + DatagenSilver.shared().truth("counts.csv")
            + "', all_varchar = true) WHERE dataset = '"
            + dataset
            + "' AND metric = 'silver_records'");
  }
}
