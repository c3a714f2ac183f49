package io.customer360.loader.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.customer360.infra.local.LocalEndpoints;
import io.customer360.infra.local.LocalPlatformExtension;
import io.customer360.loader.testing.TestWarehouse;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The PostgreSQL migrations, executed on the embedded PostgreSQL 17. */
@ExtendWith(LocalPlatformExtension.class)
class WarehouseMigrationsIT {

  static TestWarehouse warehouse;
  static MigrateResult first;

  @BeforeAll
  static void migrate(LocalEndpoints endpoints) {
    warehouse = TestWarehouse.create(endpoints);
    first = WarehouseSchema.migrate(warehouse.dataSource(), WarehouseFlavour.POSTGRESQL);
  }

  @Test
  void createsEveryTableOfTheStarSchema() {
    assertThat(first.success).isTrue();
    List<String> tables =
        warehouse
            .rows(
                "SELECT table_schema || '.' || table_name FROM information_schema.tables"
                    + " WHERE table_schema IN ('warehouse', 'ops') AND table_type = 'BASE TABLE'"
                    + " ORDER BY 1")
            .stream()
            .map(row -> row.get(0))
            .toList();

    assertThat(tables)
        .containsExactly(
            "ops.flyway_schema_history",
            "ops.load_manifest",
            "ops.load_partition",
            "warehouse.agg_activity_by_geography_daily",
            "warehouse.agg_campaign_referrals_daily",
            "warehouse.agg_coupon_redemptions_daily",
            "warehouse.agg_purchases_per_minute",
            "warehouse.agg_returns_by_product_daily",
            "warehouse.agg_sales_by_zip_category_daily",
            "warehouse.churn_scores",
            "warehouse.customer_features",
            "warehouse.customer_segments",
            "warehouse.dim_campaign",
            "warehouse.dim_customer",
            "warehouse.dim_date",
            "warehouse.dim_geography",
            "warehouse.dim_product",
            "warehouse.fact_order_line",
            "warehouse.fact_return",
            "warehouse.fact_weather_daily",
            "warehouse.fact_web_session",
            "warehouse.fact_weblog_hourly");
  }

  @Test
  void everyAnalyticsViewAndColumnHasAComment() {
    List<List<String>> views =
        warehouse.rows(
            "SELECT c.relname, obj_description(c.oid, 'pg_class') FROM pg_class c"
                + " JOIN pg_namespace n ON n.oid = c.relnamespace"
                + " WHERE n.nspname = 'analytics' ORDER BY 1");
    List<List<String>> uncommentedColumns =
        warehouse.rows(
            "SELECT c.relname || '.' || a.attname FROM pg_attribute a"
                + " JOIN pg_class c ON c.oid = a.attrelid"
                + " JOIN pg_namespace n ON n.oid = c.relnamespace"
                + " WHERE n.nspname = 'analytics' AND a.attnum > 0 AND NOT a.attisdropped"
                + " AND coalesce(col_description(c.oid, a.attnum), '') = ''");

    assertThat(views)
        .hasSizeGreaterThanOrEqualTo(20)
        .allSatisfy(v -> assertThat(v.get(1)).isNotBlank());
    assertThat(uncommentedColumns).isEmpty();
    assertThat(
            warehouse.value(
                "SELECT COUNT(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
                    + " WHERE n.nspname = 'warehouse' AND c.relkind = 'r'"
                    + " AND coalesce(obj_description(c.oid, 'pg_class'), '') = ''"))
        .isEqualTo("0");
  }

  @Test
  void loaderRoleOwnsEverySchemaAndRelation() {
    assertThat(
            warehouse.rows(
                "SELECT DISTINCT pg_get_userbyid(c.relowner) FROM pg_class c"
                    + " JOIN pg_namespace n ON n.oid = c.relnamespace"
                    + " WHERE n.nspname IN ('warehouse', 'analytics', 'ops')"
                    + " AND c.relkind IN ('r', 'v')"))
        .containsExactly(List.of("c360_loader"));
    assertThat(
            warehouse.rows(
                "SELECT DISTINCT pg_get_userbyid(nspowner) FROM pg_namespace"
                    + " WHERE nspname IN ('warehouse', 'analytics', 'ops')"))
        .containsExactly(List.of("c360_loader"));
  }

  @Test
  void readerRoleReadsButCannotWrite() throws SQLException {
    try (Connection connection = warehouse.connect();
        Statement sql = connection.createStatement()) {
      sql.execute("SET ROLE c360_reader");
      sql.executeQuery("SELECT COUNT(*) FROM analytics.order_lines").close();
      sql.executeQuery("SELECT COUNT(*) FROM warehouse.fact_order_line").close();

      assertThatThrownBy(() -> sql.execute("DELETE FROM warehouse.fact_order_line"))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("permission denied");
      assertThatThrownBy(() -> sql.execute("CREATE TABLE warehouse.scratch (id INTEGER)"))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("permission denied");
    }
  }

  @Test
  void scorerRoleWritesChurnScoresOnly() throws SQLException {
    try (Connection connection = warehouse.connect();
        Statement sql = connection.createStatement()) {
      connection.setAutoCommit(false);
      sql.execute("SET ROLE c360_scorer");
      int inserted =
          sql.executeUpdate(
              "INSERT INTO warehouse.churn_scores (customer_id, feature_snapshot_date,"
                  + " model_version, scored_at, score, risk_band, top_features) VALUES ('c-1',"
                  + " DATE '2026-01-31', 'v1', now(), 0.42, 'medium', '[]')");
      assertThat(inserted).isEqualTo(1);
      assertThatThrownBy(() -> sql.execute("DELETE FROM warehouse.customer_features"))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("permission denied");
      connection.rollback();
    }
  }

  @Test
  void migratingAgainChangesNothing() {
    MigrateResult again =
        WarehouseSchema.migrate(warehouse.dataSource(), WarehouseFlavour.POSTGRESQL);

    assertThat(again.success).isTrue();
    assertThat(again.migrationsExecuted).isZero();
  }
}
