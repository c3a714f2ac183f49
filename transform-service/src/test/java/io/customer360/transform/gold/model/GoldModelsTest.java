package io.customer360.transform.gold.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.customer360.common.gold.ColumnType;
import io.customer360.common.gold.GoldColumn;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loading the model files: contract checks, dependency order, affected models. */
class GoldModelsTest {

  private static final String CONTRACT =
      """
      version: 1
      models:
        - name: order_facts
          description: Orders.
          grain: one row per order
          load: replace_partitions
          partitionedBy: order_date
          key: [order_id]
          warehouse: { table: warehouse.fact_order }
          columns:
            - { name: order_id, type: varchar(64), required: true, description: "Id." }
            - { name: order_date, type: date, required: true, description: "Day." }
            - { name: status, type: varchar(16), description: "Status." }
        - name: daily_orders
          description: Orders per day.
          grain: one row per day
          load: replace_partitions
          partitionedBy: order_date
          key: [order_date]
          warehouse: { table: warehouse.agg_daily_orders }
          columns:
            - { name: order_date, type: date, required: true, description: "Day." }
            - { name: orders, type: bigint, required: true, description: "Orders." }
      """;

  private static final String ORDER_FACTS =
      """
      model: order_facts
      description: Orders.
      grain: one row per order
      inputs: [silver.orders]
      partitionedBy: order_date
      tests:
        unique: [[order_id]]
        notNull: [order_id, order_date]
      """;

  private static final String DAILY_ORDERS =
      """
      model: daily_orders
      description: Orders per day.
      grain: one row per day
      inputs: [gold.order_facts]
      partitionedBy: order_date
      tests:
        unique: [[order_date]]
        notNull: [order_date, orders]
      """;

  @TempDir Path dir;

  @Test
  void loadsEveryContractModelAfterItsInputs() {
    GoldModels models = GoldSession.MODELS;
    assertThat(models.names())
        .containsExactlyInAnyOrder(
            "order_lines",
            "returns",
            "customers",
            "products",
            "geography",
            "campaigns",
            "weather_daily",
            "web_sessions",
            "weblog_hourly",
            "customer_features",
            "customer_segments",
            "sales_by_zip_category_daily",
            "returns_by_product_daily",
            "coupon_redemptions_daily",
            "campaign_referrals_daily",
            "activity_by_geography_daily",
            "purchases_per_minute");
    List<String> order = models.names();
    for (GoldModel model : models.inOrder()) {
      for (String upstream : model.goldInputs()) {
        assertThat(order.indexOf(upstream))
            .as(upstream + " before " + model.name())
            .isLessThan(order.indexOf(model.name()));
      }
    }
  }

  @Test
  void declaredColumnsAndPartitioningComeFromTheContract() {
    GoldModel lines = GoldSession.MODELS.get("order_lines");
    assertThat(lines.columns()).hasSize(25);
    assertThat(lines.columns().get(0))
        .isEqualTo(
            new GoldColumn(
                "order_line_id",
                ColumnType.parse("varchar(64)"),
                true,
                "Order line id (DMS order_items.order_item_id)."));
    assertThat(lines.column("net_amount").orElseThrow().type().duckDbType())
        .isEqualTo("DECIMAL(12,2)");
    assertThat(lines.column("order_ts").orElseThrow().type().duckDbType())
        .isEqualTo("TIMESTAMP WITH TIME ZONE");
    assertThat(lines.partitionedBy()).contains("order_date");
    assertThat(GoldSession.MODELS.get("customers").partitionedBy()).isEmpty();
    assertThat(GoldSession.MODELS.get("customer_features").parameters())
        .isEqualTo(Map.of("churn_horizon_days", "30", "snapshot_every_days", "1"));
  }

  @Test
  void affectedModelsFollowInputsTransitively() {
    GoldModels models = GoldSession.MODELS;
    assertThat(models.affectedBy("weblog")).containsExactly("weblog_hourly");
    assertThat(models.affectedBy("returns"))
        .contains(
            "returns",
            "order_lines",
            "sales_by_zip_category_daily",
            "web_sessions",
            "campaign_referrals_daily",
            "customer_features",
            "customer_segments")
        .doesNotContain("weblog_hourly", "weather_daily", "products", "customers");
    List<String> affected = List.copyOf(models.affectedBy("returns"));
    assertThat(affected.indexOf("order_lines")).isLessThan(affected.indexOf("web_sessions"));
    assertThat(models.affectedBy("no_such_dataset")).isEmpty();
    assertThat(models.silverDatasets())
        .isEqualTo(
            Set.of(
                "clickstream",
                "weblog",
                "customers",
                "products",
                "orders",
                "order_items",
                "returns",
                "weather",
                "support_tickets"));
  }

  @Test
  void loadsAValidSmallModelSet() throws IOException {
    write("order_facts", ORDER_FACTS, "SELECT order_id, order_date, status FROM silver_orders");
    write("daily_orders", DAILY_ORDERS, "SELECT order_date, count(*) FROM order_facts GROUP BY 1");
    assertThat(load().names()).containsExactly("order_facts", "daily_orders");
  }

  @Test
  void rejectsAModelThatDoesNotTestARequiredColumn() throws IOException {
    write("order_facts", ORDER_FACTS.replace("[order_id, order_date]", "[order_id]"), "SELECT 1");
    write("daily_orders", DAILY_ORDERS, "SELECT 1");
    assertThatThrownBy(this::load)
        .isInstanceOf(InvalidGoldModelException.class)
        .hasMessageContaining("order_facts.yaml")
        .hasMessageContaining("notNull must include required column order_date");
  }

  @Test
  void rejectsATestOnAColumnTheContractDoesNotDeclare() throws IOException {
    write(
        "order_facts",
        ORDER_FACTS + "  acceptedValues:\n    state: [open]\n",
        "SELECT order_id FROM silver_orders");
    write("daily_orders", DAILY_ORDERS, "SELECT 1");
    assertThatThrownBy(this::load).hasMessageContaining("column 'state' is not a column");
  }

  @Test
  void rejectsAPartitionColumnOtherThanTheContracts() throws IOException {
    write("order_facts", ORDER_FACTS.replace("partitionedBy: order_date\n", ""), "SELECT 1");
    write("daily_orders", DAILY_ORDERS, "SELECT 1");
    assertThatThrownBy(this::load).hasMessageContaining("partitionedBy (none) differs");
  }

  @Test
  void rejectsAContractModelWithoutDefinition() throws IOException {
    write("order_facts", ORDER_FACTS, "SELECT 1");
    assertThatThrownBy(this::load).hasMessageContaining("[daily_orders] have no definition");
  }

  @Test
  void rejectsCyclicInputs() throws IOException {
    write(
        "order_facts",
        ORDER_FACTS.replace("[silver.orders]", "[gold.daily_orders]"),
        "SELECT * FROM daily_orders");
    write("daily_orders", DAILY_ORDERS, "SELECT * FROM order_facts");
    assertThatThrownBy(this::load).hasMessageContaining("dependency cycle among");
  }

  @Test
  void rejectsSqlReadingWhatTheModelDoesNotDeclare() throws IOException {
    write("order_facts", ORDER_FACTS, "SELECT * FROM silver_returns");
    write("daily_orders", DAILY_ORDERS, "SELECT 1");
    assertThatThrownBy(this::load)
        .hasMessageContaining("reads silver_returns but does not declare silver.returns");
    write("order_facts", ORDER_FACTS, "SELECT * FROM silver_orders JOIN daily_orders USING (x)");
    assertThatThrownBy(this::load)
        .hasMessageContaining("reads table daily_orders but does not declare gold.daily_orders");
  }

  @Test
  void rejectsUnknownKeysAndInputs() throws IOException {
    write("order_facts", ORDER_FACTS + "owner: me\n", "SELECT 1");
    write("daily_orders", DAILY_ORDERS, "SELECT 1");
    assertThatThrownBy(this::load).hasMessageContaining("unknown key 'owner'");
    write("order_facts", ORDER_FACTS.replace("silver.orders", "silver.invoices"), "SELECT 1");
    assertThatThrownBy(this::load).hasMessageContaining("unknown silver dataset invoices");
  }

  private GoldModels load() {
    return GoldModels.load(
        "file:" + dir.resolve("models") + "/*.yaml",
        "file:" + dir.resolve("contract").resolve("contract.yaml"));
  }

  private void write(String model, String yaml, String sql) throws IOException {
    Files.createDirectories(dir.resolve("contract"));
    Files.createDirectories(dir.resolve("models"));
    Files.writeString(dir.resolve("contract").resolve("contract.yaml"), CONTRACT);
    Files.writeString(dir.resolve("models").resolve(model + ".yaml"), yaml);
    Files.writeString(dir.resolve("models").resolve(model + ".sql"), sql);
  }
}
