package io.customer360.loader.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import io.customer360.common.gold.GoldContract;
import io.customer360.common.gold.LoadMode;
import io.customer360.common.gold.ModelContract;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * The SQL the load plans generate. PostgreSQL runs it in the integration tests; for Redshift this
 * test pins what its MERGE and UPDATE accept: a table (not a query) as MERGE source, no target
 * alias, no conditional WHEN clauses, no PostgreSQL-only operators.
 */
class LoadPlanSqlTest {

  private static final GoldContract CONTRACT = GoldContract.load();
  private static final WarehouseTargets TARGETS = WarehouseTargets.forContract(CONTRACT);
  private static final List<LocalDate> DAYS =
      List.of(LocalDate.parse("2026-01-04"), LocalDate.parse("2026-01-03"));

  @Test
  void replacesPartitionsAndResolvesTheCustomerAsOfTheOrder() {
    List<Sql> sql = statements("order_lines", WarehouseFlavour.REDSHIFT);

    assertThat(sql.get(0).text())
        .isEqualTo(
            "DELETE FROM warehouse.fact_order_line WHERE order_date IN"
                + " (CAST('2026-01-03' AS DATE), CAST('2026-01-04' AS DATE))");
    assertThat(sql.get(1).text())
        .startsWith("INSERT INTO warehouse.fact_order_line (order_line_id, order_id, order_date,")
        .contains(
            "returned_amount, order_date_key, customer_key, load_batch_id) SELECT s.order_line_id,")
        .contains(
            "s.returned_amount, CAST(TO_CHAR(s.order_date, 'YYYYMMDD') AS INTEGER),"
                + " c.customer_key, CAST(? AS VARCHAR(128)) FROM stage_order_lines s LEFT JOIN"
                + " warehouse.dim_customer c ON c.customer_id = s.customer_id AND s.order_ts >="
                + " c.valid_from AND s.order_ts < c.valid_to WHERE s.order_date IN"
                + " (CAST('2026-01-03' AS DATE), CAST('2026-01-04' AS DATE))");
    assertThat(sql.get(1).parameters()).containsExactly("batch-1");
  }

  @Test
  void mergesNewestVersionsFromATemporaryTable() {
    List<Sql> postgres = statements("products", WarehouseFlavour.POSTGRESQL);
    List<Sql> redshift = statements("products", WarehouseFlavour.REDSHIFT);

    assertThat(postgres.get(1).text())
        .startsWith("CREATE TEMP TABLE merge_products ON COMMIT DROP AS SELECT product_id,");
    assertThat(redshift.get(1).text())
        .startsWith("CREATE TEMP TABLE merge_products AS SELECT product_id,")
        .contains(
            "ROW_NUMBER() OVER (PARTITION BY product_id ORDER BY updated_at DESC) AS version_rank")
        .endsWith(
            "WHERE version_rank = 1 AND NOT EXISTS (SELECT 1 FROM warehouse.dim_product t WHERE"
                + " t.product_id = d.product_id AND t.updated_at > d.updated_at)");
    assertThat(redshift.get(2).text())
        .startsWith(
            "MERGE INTO warehouse.dim_product USING merge_products s ON dim_product.product_id ="
                + " s.product_id WHEN MATCHED THEN UPDATE SET updated_at = s.updated_at,");
    assertThat(redshift.get(2).parameters()).containsExactly("batch-1", "batch-1");
  }

  @Test
  void campaignDatesWidenAndKnownValuesAreKept() {
    String merge = statements("campaigns", WarehouseFlavour.REDSHIFT).get(2).text();

    assertThat(merge)
        .contains("first_seen_date = LEAST(dim_campaign.first_seen_date, s.first_seen_date)")
        .contains("last_seen_date = GREATEST(dim_campaign.last_seen_date, s.last_seen_date)")
        .contains("coupon_code = COALESCE(s.coupon_code, dim_campaign.coupon_code)");
  }

  @Test
  void everyPlanIsRedshiftSql() {
    for (ModelContract model : CONTRACT.models()) {
      for (Sql statement : statements(model.name(), WarehouseFlavour.REDSHIFT)) {
        String sql = statement.text().toUpperCase(Locale.ROOT);
        String where = model.name() + ": " + statement.text();
        assertThat(sql).as(where).doesNotContain("::", "ON CONFLICT", "IS DISTINCT", "ON COMMIT");
        assertThat(sql).as(where).doesNotContain("WHEN MATCHED AND", "WHEN NOT MATCHED AND");
        if (sql.startsWith("MERGE")) {
          assertThat(sql).as(where).matches("MERGE INTO WAREHOUSE\\.\\w+ USING \\w+ S ON .*");
          assertThat(sql)
              .as(where)
              .contains(" WHEN MATCHED THEN UPDATE SET ", " WHEN NOT MATCHED THEN INSERT (");
        }
        assertThat(statement.parameters()).as(where).hasSize(count(statement.text(), '?'));
      }
    }
  }

  @Test
  void customerHistoryMergesThenRecomputesValidityThenRekeysOrders() {
    List<Sql> sql = statements("customers", WarehouseFlavour.REDSHIFT);

    assertThat(sql).hasSize(3);
    assertThat(sql.get(0).text())
        .startsWith(
            "MERGE INTO warehouse.dim_customer USING stage_customers s ON"
                + " dim_customer.customer_id = s.customer_id AND dim_customer.source_updated_at ="
                + " s.updated_at WHEN MATCHED THEN UPDATE SET first_name_token =")
        .contains(
            "VALUES (s.customer_id, s.updated_at, s.updated_at,"
                + " CAST('9999-12-31 00:00:00+00' AS TIMESTAMPTZ), FALSE, s.first_name_token,");
    assertThat(sql.get(1).text())
        .startsWith("UPDATE warehouse.dim_customer SET valid_from = v.new_valid_from")
        .contains("THEN CAST('1900-01-01 00:00:00+00' AS TIMESTAMPTZ) ELSE source_updated_at END")
        .contains("WHERE customer_id IN (SELECT customer_id FROM stage_customers)");
    assertThat(sql.get(2).text())
        .startsWith("UPDATE warehouse.fact_order_line SET customer_key = c.customer_key FROM")
        .endsWith(
            "AND (fact_order_line.customer_key IS NULL OR fact_order_line.customer_key <>"
                + " c.customer_key)");
  }

  private static List<Sql> statements(String model, WarehouseFlavour flavour) {
    ModelContract gold = CONTRACT.model(model).orElseThrow();
    List<LocalDate> days = gold.load() == LoadMode.REPLACE_PARTITIONS ? DAYS : List.of();
    return TARGETS
        .plan(model)
        .orElseThrow()
        .statements(new LoadContext(gold, "stage_" + model, "batch-1", days, flavour));
  }

  private static int count(String text, char c) {
    return (int) text.chars().filter(ch -> ch == c).count();
  }
}
