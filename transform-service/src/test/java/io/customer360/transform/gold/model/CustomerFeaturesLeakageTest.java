package io.customer360.transform.gold.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * customer_features has no future leakage: rewriting everything that happens after a cut-off day
 * (orders placed before it cancelled afterwards, later orders dropped and others added, later
 * clicks, purchases, tickets, ratings, returns and CRM changes) leaves every feature of every
 * snapshot up to the cut-off unchanged; only the churn label, which looks forward by definition,
 * may differ. The label agrees with datagen's churn truth.
 */
class CustomerFeaturesLeakageTest {

  /** A Sunday, so a snapshot day whether snapshots are daily or weekly. */
  private static final String CUTOFF = "2026-01-11";

  private static final String FEATURES =
      "customer_id, snapshot_date, tenure_days, recency_days, orders_total, units_total,"
          + " units_by_category, spend_total, avg_spend_per_order, avg_spend_per_month, spend_30d,"
          + " spend_90d, orders_30d, orders_90d, coupons_applied, coupon_value_total,"
          + " returns_count, return_rate, tickets_90d, avg_satisfaction, sessions_7d, sessions_30d,"
          + " sessions_90d, browse_to_buy_7d, browse_to_buy_30d, browse_to_buy_90d";

  @TempDir static Path dir;
  static Connection duckdb;

  @BeforeAll
  static void buildWithARewrittenFuture() {
    duckdb = GoldSession.open();
    SilverViews.create(duckdb, DatagenSilver.shared().root(), GoldSession.MODELS.silverDatasets());
    for (String dataset :
        List.of(
            "orders", "order_items", "clickstream", "support_tickets", "returns", "customers")) {
      GoldSession.execute(
          duckdb, "CREATE TABLE base_" + dataset + " AS SELECT * FROM silver_" + dataset);
    }
    String after = "TIMESTAMP '" + CUTOFF + "' + INTERVAL 1 DAY";
    String cancelLater = "hash(order_id) % 2 = 0 AND status <> 'cancelled'";
    // Orders: those placed by the cut-off are cancelled the day after it (every other one); those
    // placed later are dropped; each placed later gets a copy placed a day earlier.
    view(
        "orders",
        "SELECT * REPLACE (CASE WHEN "
            + cancelLater
            + " THEN 'cancelled' ELSE status END"
            + " AS status, CASE WHEN "
            + cancelLater
            + " THEN "
            + after
            + " + INTERVAL 1 HOUR ELSE cdc_timestamp END AS cdc_timestamp)"
            + " FROM base_orders WHERE order_ts < "
            + after
            + " UNION ALL SELECT * REPLACE ('F-' || order_id AS order_id, order_ts + INTERVAL 2 DAY"
            + " AS order_ts) FROM base_orders WHERE order_ts >= "
            + after
            + " - INTERVAL 1 DAY");
    view(
        "order_items",
        "SELECT i.* FROM base_order_items i JOIN base_orders o USING (order_id) WHERE o.order_ts < "
            + after
            + " UNION ALL SELECT i.* REPLACE ('F-' || i.order_id AS order_id,"
            + " 'F-' || i.order_item_id AS order_item_id) FROM base_order_items i"
            + " JOIN base_orders o USING (order_id) WHERE o.order_ts >= "
            + after
            + " - INTERVAL 1 DAY");
    // Clicks after the cut-off replaced: each customer's device views a page and buys a minute
    // after midnight, extending any session still running at the end of the cut-off day.
    view(
        "clickstream",
        "SELECT * FROM base_clickstream WHERE occurred_at < "
            + after
            + " UNION ALL SELECT * REPLACE ('F-' || event_id AS event_id, "
            + after
            + " + INTERVAL 1 MINUTE AS occurred_at, 'purchase' AS event_type,"
            + " 'F-O-' || event_id AS order_id) FROM base_clickstream"
            + " WHERE customer_id IS NOT NULL AND occurred_at >= "
            + after
            + " - INTERVAL 1 DAY");
    // Tickets: every ticket gets a later version rated 1, and new tickets open later.
    view(
        "support_tickets",
        "SELECT * FROM base_support_tickets WHERE created_at < "
            + after
            + " UNION ALL SELECT * REPLACE (updated_at + INTERVAL 30 DAY AS updated_at,"
            + " 1 AS satisfaction) FROM base_support_tickets WHERE created_at < "
            + after
            + " UNION ALL SELECT * REPLACE ('F-' || ticket_id AS ticket_id, "
            + after
            + " AS created_at, "
            + after
            + " AS updated_at) FROM base_support_tickets");
    // Returns: every line ordered by the cut-off is returned after it.
    view(
        "returns",
        "SELECT * FROM base_returns WHERE returned_at < "
            + after
            + " UNION ALL BY NAME SELECT 'F-' || order_item_id AS return_id, order_id,"
            + " order_item_id, product_id, quantity, "
            + after
            + " AS returned_at, 'other' AS reason, unit_price * quantity AS refund_amount,"
            + " 'F:' || order_item_id AS _record_key FROM base_order_items WHERE created_at < "
            + after);
    // CRM: every customer changes tier, zip and signup date after the cut-off.
    view(
        "customers",
        "SELECT * FROM base_customers UNION ALL SELECT * REPLACE ("
            + after
            + " + INTERVAL 5 HOUR AS updated_at, DATE '2020-01-01' AS signup_date, 'platinum'"
            + " AS loyalty_tier, '99999' AS zip) FROM base_customers");
    GoldBuild build = new GoldBuild(duckdb, GoldSession.MODELS);
    build.setParameter("churn_horizon_days", GoldSession.HORIZON_DAYS);
    build.run();
    Path clean = dir.resolve("clean_features.parquet");
    GoldSession.execute(
        GoldSession.clean(), "COPY customer_features TO '" + clean + "' (FORMAT parquet)");
    GoldSession.execute(
        duckdb, "CREATE TABLE clean_features AS SELECT * FROM read_parquet('" + clean + "')");
  }

  @AfterAll
  static void close() throws Exception {
    duckdb.close();
  }

  @Test
  void featuresUpToTheCutOffIgnoreEverythingAfterIt() {
    String upTo = " WHERE snapshot_date <= DATE '" + CUTOFF + "'";
    // Daily snapshots from the first order day, 2026-01-01, to the cut-off: 11 days × 300
    // customers.
    assertThat(GoldSession.count(duckdb, "SELECT count(*) FROM clean_features" + upTo))
        .isEqualTo(11 * 300)
        .isEqualTo(GoldSession.count(duckdb, "SELECT count(*) FROM customer_features" + upTo));
    assertThat(difference("customer_features", "clean_features", upTo)).isZero();
    assertThat(difference("clean_features", "customer_features", upTo)).isZero();
  }

  @Test
  void theRewrittenFutureDoesChangeLaterSnapshots() {
    String later = " WHERE snapshot_date > DATE '" + CUTOFF + "'";
    assertThat(difference("customer_features", "clean_features", later)).isGreaterThan(100);
  }

  @Test
  void customersDatagenChurnedByTheSnapshotAreLabelledChurned() {
    Connection clean = GoldSession.clean();
    String truth =
        "SELECT customer_id, TRY_CAST(churn_date AS DATE) AS churn_date FROM read_csv('"
            + DatagenSilver.shared().truth("churn_labels.csv")
            + "', all_varchar = true)";
    String churnedBySnapshot =
        "SELECT f.churn_label FROM customer_features f JOIN ("
            + truth
            + ") t USING (customer_id) WHERE f.churn_label IS NOT NULL"
            + " AND t.churn_date <= f.snapshot_date";
    assertThat(GoldSession.count(clean, "SELECT count(*) FROM (" + churnedBySnapshot + ")"))
        .isPositive();
    assertThat(
            GoldSession.count(
                clean, "SELECT count(*) FROM (" + churnedBySnapshot + ") WHERE NOT churn_label"))
        .isZero();
    // Labels exist only where the horizon has passed the last order day.
    assertThat(
            GoldSession.count(
                clean,
                "SELECT count(*) FROM customer_features WHERE (churn_label IS NULL) <>"
                    + " (snapshot_date + "
                    + GoldSession.HORIZON_DAYS
                    + " > (SELECT max(order_date) FROM order_lines))"))
        .isZero();
  }

  /** Rows of {@code left} (features only, label excluded) missing from {@code right}. */
  private static long difference(String left, String right, String where) {
    return GoldSession.count(
        duckdb,
        "SELECT count(*) FROM (SELECT "
            + FEATURES
            + " FROM "
            + left
            + where
            + " EXCEPT SELECT "
            + FEATURES
            + " FROM "
            + right
            + where
            + ")");
  }

  private static void view(String dataset, String select) {
    GoldSession.execute(duckdb, "CREATE OR REPLACE VIEW silver_" + dataset + " AS " + select);
  }
}
