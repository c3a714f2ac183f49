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

  private static String model(String loadAndKey) {
    return """
        models:
          - name: thing
            description: A thing.
            grain: one row per thing
            %s
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
