package io.customer360.common.gold;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class GoldContractTest {

  @Test
  void shippedContractCoversEveryModelTheWarehouseLoads() {
    GoldContract contract = GoldContract.load();

    assertThat(contract.models())
        .extracting(ModelContract::name)
        .containsExactly(
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
    ModelContract orderLines = contract.model("order_lines").orElseThrow();
    assertThat(orderLines.load()).isEqualTo(LoadMode.REPLACE_PARTITIONS);
    assertThat(orderLines.partitionColumn()).hasValue("order_date");
    assertThat(orderLines.column("net_amount").orElseThrow().type())
        .isEqualTo(ColumnType.parse("numeric(12,2)"));
    assertThat(contract.model("customers").orElseThrow().load()).isEqualTo(LoadMode.SCD2);
    assertThat(contract.model("nope")).isEmpty();
  }

  @Test
  void refusesUnknownKeys() {
    assertInvalid(model("load: merge\n    key: [id]\n    colour: red"), "unknown key 'colour'");
  }

  @Test
  void refusesPartitionReplacementWithoutADatePartitionColumn() {
    assertInvalid(model("load: replace_partitions\n    key: [id]"), "needs partitionedBy");
    assertInvalid(
        model("load: replace_partitions\n    partitionedBy: id\n    key: [id]"),
        "must be a required date");
  }

  @Test
  void refusesKeysThatAreMissingOrOptional() {
    assertInvalid(model("load: merge\n    key: [other]"), "key column other missing");
    assertInvalid(model("load: merge\n    key: [note]"), "key column note not required");
  }

  @Test
  void refusesUnknownTypesAndLoadModes() {
    assertInvalid(model("load: upsert\n    key: [id]"), "load must be replace_partitions");
    assertInvalid(
        model("load: merge\n    key: [id]").replace("type: varchar(64)", "type: text"),
        "Unknown column type 'text'");
  }

  @Test
  void theShippedContractSaysWhereEveryModelGoesInTheWarehouse() {
    GoldContract contract = GoldContract.load();

    WarehouseTarget lines = contract.model("order_lines").orElseThrow().warehouse();
    assertThat(lines.table()).isEqualTo("warehouse.fact_order_line");
    assertThat(lines.derived())
        .containsExactly(
            new DerivedColumn.DateKey("order_date_key", "order_date"),
            new DerivedColumn.CustomerKeyAsOf("customer_key", "customer_id", "order_ts"));
    WarehouseTarget products = contract.model("products").orElseThrow().warehouse();
    assertThat(products.mergeKey()).containsExactly("product_id");
    assertThat(products.versionColumn()).hasValue("updated_at");
    WarehouseTarget geography = contract.model("geography").orElseThrow().warehouse();
    assertThat(geography.mergeKey()).containsExactly("zip");
    assertThat(geography.columnMerges()).containsEntry("city", ColumnMerge.KEEP_KNOWN);
    assertThat(contract.model("customers").orElseThrow().warehouse().rekeys())
        .hasValue("warehouse.fact_order_line");
  }

  @Test
  void refusesWarehouseBlocksThatDoNotFitTheModel() {
    String merge = "load: merge\n    key: [id]";
    assertInvalid(
        model(merge).replace("    warehouse: { table: warehouse.thing }\n", ""),
        "warehouse: missing");
    assertInvalid(
        model(merge).replace("table: warehouse.thing", "table: thing"), "must be schema.table");
    assertInvalid(
        model(merge).replace("{ table: warehouse.thing }", "{ table: w.t, rekeys: w.f }"),
        "'rekeys' is not for load merge");
    assertInvalid(
        model(merge).replace("{ table: warehouse.thing }", "{ table: w.t, versionColumn: at }"),
        "no column at");
    assertInvalid(
        model(merge)
            .replace("{ table: warehouse.thing }", "{ table: w.t, columns: { note: newest } }"),
        "merge must be overwrite, keep_known, earliest or latest");
    assertInvalid(model("load: scd2\n    key: [id]"), "'rekeys' missing");
  }

  private static String model(String loadAndKey) {
    return """
        models:
          - name: thing
            description: A thing.
            grain: one row per thing
            %s
            warehouse: { table: warehouse.thing }
            columns:
              - { name: id, type: varchar(64), required: true, description: Id. }
              - { name: day, type: varchar(10), required: true, description: Day. }
              - { name: note, type: varchar(20), description: Note. }
        """
        .formatted(loadAndKey);
  }

  private static void assertInvalid(String yaml, String message) {
    assertThatThrownBy(
            () ->
                new GoldContractParser()
                    .parse(
                        "test.yaml",
                        new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8))))
        .isInstanceOf(InvalidGoldContractException.class)
        .hasMessageContaining(message);
  }
}
