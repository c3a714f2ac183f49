package io.customer360.common.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ContractParserTest {

  private static final String VALID =
      """
      dataset: orders
      version: 2
      owner: commerce
      sensitivity: confidential
      description: Orders.
      source: { channel: landing, name: dms/orders, format: csv }
      eventTime: order_ts
      dedupKey: [order_id]
      partitioning: day
      nullTokens: ["-"]
      cdc: { operationField: op, sequenceField: cdc_timestamp }
      fields:
        - { name: op, type: string, allowedValues: [I, U, D] }
        - { name: cdc_timestamp, type: timestamp }
        - { name: order_id, type: string, required: true, aliases: [OrderID] }
        - { name: order_ts, type: timestamp, required: true, formats: ["yyyy-MM-dd HH:mm:ss"] }
        - { name: email, type: string, pii: hash }
      """;

  private final ContractParser parser = new ContractParser();

  private DatasetContract parse(String yaml) {
    return parser.parse(
        "contracts/orders.yaml",
        "orders",
        new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void parsesEverySectionOfAValidContract() {
    DatasetContract contract = parse(VALID);

    assertThat(contract.name()).isEqualTo("orders");
    assertThat(contract.version()).isEqualTo(2);
    assertThat(contract.sensitivity()).isEqualTo(Sensitivity.CONFIDENTIAL);
    assertThat(contract.source())
        .isEqualTo(new DatasetSource(SourceChannel.LANDING, "dms/orders", SourceFormat.CSV));
    assertThat(contract.eventTime().type()).isEqualTo(FieldType.TIMESTAMP);
    assertThat(contract.eventTime().formats()).containsExactly("yyyy-MM-dd HH:mm:ss");
    assertThat(contract.dedupKey()).containsExactly("order_id");
    assertThat(contract.partitioning()).isEqualTo(PartitionGranularity.DAY);
    assertThat(contract.nullTokens()).containsExactly("-");
    assertThat(contract.cdc()).contains(new CdcSpec("op", "cdc_timestamp"));
    assertThat(contract.field("OrderID")).map(FieldSpec::name).contains("order_id");
    assertThat(contract.piiFields()).extracting(FieldSpec::name).containsExactly("email");
    assertThat(contract.piiFields().get(0).pii()).isEqualTo(PiiTreatment.HASH);
    assertThat(contract.requiredFields())
        .extracting(FieldSpec::name)
        .containsExactly("order_id", "order_ts");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "unknown type | '{ name: order_ts, type: timestamp, required: true' | '{ name: order_ts, type: datetime, required: true'"
            + " | field 'order_ts': unknown type 'datetime'",
        "event time not declared | 'eventTime: order_ts' | 'eventTime: placed_at'"
            + " | field 'placed_at': named by 'eventTime' but not declared",
        "optional event time | '{ name: order_ts, type: timestamp, required: true' | '{ name: order_ts, type: timestamp, required: false'"
            + " | field 'order_ts': the event time must be required",
        "optional dedup key | '{ name: order_id, type: string, required: true' | '{ name: order_id, type: string, required: false'"
            + " | field 'order_id': a dedup key field must be required",
        "PII in internal dataset | 'sensitivity: confidential' | 'sensitivity: internal'"
            + " | field 'email': PII in a dataset classified internal",
        "unknown field key | '{ name: email, type: string, pii: hash }' | '{ name: email, type: string, pii: hash, masked: true }'"
            + " | field 'email': unknown key 'masked'",
        "unknown PII treatment | 'pii: hash' | 'pii: encrypt'"
            + " | field 'email': 'pii' has unknown value 'encrypt'",
        "duplicate alias | 'aliases: [OrderID]' | 'aliases: [email]'"
            + " | name or alias 'email' is used twice",
        "file name mismatch | 'dataset: orders' | 'dataset: order_lines'"
            + " | dataset 'order_lines' does not match the file name 'orders'",
        "formats on a string | '{ name: op, type: string, allowedValues: [I, U, D] }' | '{ name: op, type: string, formats: [yyyy] }'"
            + " | field 'op': 'formats' applies only to date and timestamp fields",
        "CDC sequence not a timestamp | '{ name: cdc_timestamp, type: timestamp }' | '{ name: cdc_timestamp, type: long }'"
            + " | field 'cdc_timestamp': the CDC sequence must be a timestamp",
        "bad date pattern | 'formats: [\"yyyy-MM-dd HH:mm:ss\"]' | 'formats: [\"yyyy-MM-dd {HH\"]'"
            + " | field 'order_ts': format 'yyyy-MM-dd {HH' is not a valid pattern",
      })
  void rejectsBrokenContractNamingFileAndField(
      String rule, String original, String broken, String expected) {
    String yaml = VALID.replace(original, broken);
    assertThat(yaml).as("test case must change the contract").isNotEqualTo(VALID);
    assertThatThrownBy(() -> parse(yaml))
        .isInstanceOf(InvalidContractException.class)
        .hasMessageStartingWith("Invalid dataset contract contracts/orders.yaml: ")
        .hasMessageContaining(expected);
  }

  @Test
  void rejectsHourlyPartitioningOfDateEventTime() {
    String yaml =
        VALID
            .replace("partitioning: day", "partitioning: hour")
            .replace(
                "{ name: order_ts, type: timestamp, required: true, formats: [\"yyyy-MM-dd HH:mm:ss\"] }",
                "{ name: order_ts, type: date, required: true }");

    assertThatThrownBy(() -> parse(yaml))
        .hasMessageContaining("field 'order_ts': hourly partitioning needs a timestamp event time");
  }

  @Test
  void rejectsYamlThatIsNotAMapping() {
    assertThatThrownBy(() -> parse("- just\n- a list\n"))
        .isInstanceOf(InvalidContractException.class)
        .hasMessageContaining("contracts/orders.yaml: expected a YAML mapping");
  }
}
