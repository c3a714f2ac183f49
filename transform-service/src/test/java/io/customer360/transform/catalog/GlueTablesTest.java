package io.customer360.transform.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.customer360.common.contract.ContractRegistry;
import io.customer360.common.contract.DatasetContract;
import io.customer360.common.contract.FieldType;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.glue.model.Column;
import software.amazon.awssdk.services.glue.model.PartitionInput;
import software.amazon.awssdk.services.glue.model.StorageDescriptor;
import software.amazon.awssdk.services.glue.model.Table;
import software.amazon.awssdk.services.glue.model.TableInput;

/** Silver tables of the real dataset contracts as Glue table and partition inputs. */
class GlueTablesTest {

  private static final ContractRegistry CONTRACTS = ContractRegistry.loadDefault();
  private static final Set<String> HIVE_TYPES =
      Set.of("string", "bigint", "int", "double", "decimal(18,4)", "boolean", "date", "timestamp");

  private static TableInput input(String dataset) {
    return GlueTables.tableInput(SilverTable.of(CONTRACTS.get(dataset), "c360-lake"));
  }

  private static Map<String, String> types(TableInput table) {
    Map<String, String> types = new LinkedHashMap<>();
    table.storageDescriptor().columns().forEach(c -> types.put(c.name(), c.type()));
    return types;
  }

  @Test
  void hourlyWeblogIsAnExternalParquetTablePartitionedByDateAndHour() {
    TableInput weblog = input("weblog");

    assertThat(weblog.name()).isEqualTo("weblog");
    assertThat(weblog.tableType()).isEqualTo("EXTERNAL_TABLE");
    assertThat(weblog.owner()).isEqualTo("platform-operations");
    assertThat(weblog.description()).startsWith("Apache combined-log lines").doesNotContain("\n");
    assertThat(weblog.partitionKeys())
        .extracting(Column::name, Column::type)
        .containsExactly(tuple("event_date", "string"), tuple("event_hour", "string"));
    StorageDescriptor storage = weblog.storageDescriptor();
    assertThat(storage.location()).isEqualTo("s3://c360-lake/silver/weblog/");
    assertThat(storage.inputFormat())
        .isEqualTo("org.apache.hadoop.hive.ql.io.parquet.MapredParquetInputFormat");
    assertThat(storage.outputFormat())
        .isEqualTo("org.apache.hadoop.hive.ql.io.parquet.MapredParquetOutputFormat");
    assertThat(storage.serdeInfo().serializationLibrary())
        .isEqualTo("org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe");
  }

  @Test
  void weblogColumnsAreLineageKeptFieldsUnderSilverNamesAndDerivedColumnsWithHiveTypes() {
    assertThat(types(input("weblog")))
        .containsExactly(
            Map.entry("_record_key", "string"),
            Map.entry("_source_object", "string"),
            Map.entry("_ingested_at", "timestamp"),
            Map.entry("ip_hash", "string"),
            Map.entry("ident", "string"),
            Map.entry("authuser_token", "string"),
            Map.entry("occurred_at", "timestamp"),
            Map.entry("request", "string"),
            Map.entry("status", "int"),
            Map.entry("bytes", "bigint"),
            Map.entry("referrer", "string"),
            Map.entry("user_agent", "string"),
            Map.entry("request_method", "string"),
            Map.entry("request_path", "string"),
            Map.entry("request_query", "string"),
            Map.entry("request_protocol", "string"),
            Map.entry("server", "string"));
  }

  @Test
  void columnsCarryTheirDescriptionAsCommentAndTheirPiiTreatmentAsParameter() {
    Map<String, Column> columns = new LinkedHashMap<>();
    input("weblog").storageDescriptor().columns().forEach(c -> columns.put(c.name(), c));

    assertThat(columns.get("ip_hash").comment())
        .isEqualTo("Remote client address (%h); silver keeps only a keyed token.");
    assertThat(columns.get("ip_hash").parameters()).containsExactly(Map.entry("pii", "hash"));
    assertThat(columns.get("authuser_token").parameters())
        .containsExactly(Map.entry("pii", "tokenize"));
    assertThat(columns.get("status").parameters()).containsExactly(Map.entry("pii", "none"));
    assertThat(columns.get("server").comment()).startsWith("Web server host name");
  }

  @Test
  void numericDecimalBooleanAndDateFieldsGetTheParquetTypesSilverWrites() {
    assertThat(types(input("orders")))
        .contains(
            Map.entry("order_ts", "timestamp"),
            Map.entry("subtotal", "decimal(18,4)"),
            Map.entry("total", "decimal(18,4)"));
    assertThat(types(input("products")))
        .contains(Map.entry("price", "decimal(18,4)"), Map.entry("active", "boolean"));
    assertThat(types(input("weather")))
        .contains(Map.entry("weather_date", "date"), Map.entry("temp_max_f", "double"));
  }

  @Test
  void protectedFieldsAreTextAndDroppedFieldsAbsent() {
    Map<String, String> customers = types(input("customers"));
    assertThat(customers)
        .contains(
            Map.entry("email_hash", "string"),
            Map.entry("date_of_birth_token", "string"),
            Map.entry("birth_year_band", "string"),
            Map.entry("signup_date", "date"))
        .doesNotContainKeys("email", "date_of_birth");
  }

  @Test
  void businessMetadataIsInTheTableParameters() {
    DatasetContract contract = CONTRACTS.get("customers");
    assertThat(input("customers").parameters())
        .containsEntry("classification", "parquet")
        .containsEntry("EXTERNAL", "TRUE")
        .containsEntry("owner", contract.owner())
        .containsEntry("sensitivity", "restricted")
        .containsEntry("source", contract.source().channel() + ":" + contract.source().name())
        .containsEntry("contract_version", Integer.toString(contract.version()))
        .containsEntry("dedup_key", String.join(",", contract.dedupKey()));
    assertThat(input("customers").owner()).isEqualTo(contract.owner());
  }

  @Test
  void everyContractMapsToHiveTypesWithUniqueColumnsAndGlueSizedSingleLineComments() {
    for (DatasetContract contract : CONTRACTS.all()) {
      TableInput table = input(contract.name());
      List<Column> columns = table.storageDescriptor().columns();
      assertThat(columns)
          .as(contract.name())
          .extracting(Column::type)
          .allMatch(HIVE_TYPES::contains);
      assertThat(columns)
          .as(contract.name())
          .extracting(Column::name)
          .doesNotHaveDuplicates()
          .doesNotContain("event_date", "event_hour");
      assertThat(columns)
          .extracting(Column::comment)
          .allMatch(c -> c.length() <= GlueTables.MAX_COMMENT && !c.contains("\n"));
      assertThat(table.partitionKeys())
          .extracting(Column::name)
          .containsExactlyElementsOf(
              switch (contract.partitioning()) {
                case DAY -> List.of("event_date");
                case HOUR -> List.of("event_date", "event_hour");
              });
    }
  }

  @Test
  void everySilverTypeHasAHiveType() {
    assertThat(FieldType.values()).extracting(GlueTables::hiveType).allMatch(HIVE_TYPES::contains);
  }

  @Test
  void partitionInputHasTheFolderValuesAndItsOwnLocation() {
    SilverTable weblog = SilverTable.of(CONTRACTS.get("weblog"), "c360-lake");
    PartitionInput hour = GlueTables.partitionInput(weblog, "event_date=2026-01-02/event_hour=07");

    assertThat(hour.values()).containsExactly("2026-01-02", "07");
    assertThat(hour.storageDescriptor().location())
        .isEqualTo("s3://c360-lake/silver/weblog/event_date=2026-01-02/event_hour=07/");
    assertThat(hour.storageDescriptor().columns())
        .isEqualTo(GlueTables.tableInput(weblog).storageDescriptor().columns());
    assertThat(hour.storageDescriptor().serdeInfo().serializationLibrary())
        .isEqualTo(GlueTables.PARQUET_SERDE);

    SilverTable orders = SilverTable.of(CONTRACTS.get("orders"), "c360-lake");
    assertThat(GlueTables.partitionInput(orders, "event_date=2026-01-02").values())
        .containsExactly("2026-01-02");
  }

  @Test
  void partitionPathsThatDoNotNameTheTablesKeysAreRefused() {
    SilverTable weblog = SilverTable.of(CONTRACTS.get("weblog"), "c360-lake");
    SilverTable orders = SilverTable.of(CONTRACTS.get("orders"), "c360-lake");

    assertThatThrownBy(() -> GlueTables.partitionInput(weblog, "event_date=2026-01-02"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("weblog");
    assertThatThrownBy(() -> GlueTables.partitionInput(orders, "event_hour=07"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> GlueTables.partitionInput(orders, "event_date="))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aTableAsGlueReturnsItEqualsItsDefinitionSoNothingIsUpdated() {
    TableInput wanted = input("weblog");
    Table existing = asGlueReturnsIt(wanted, Map.of());

    assertThat(GlueTables.keepingOtherParameters(wanted, existing))
        .isEqualTo(GlueTables.definitionOf(existing));
  }

  @Test
  void parametersOthersAddedAreKeptAndDoNotCauseAnUpdate() {
    TableInput wanted = input("weblog");
    Table existing = asGlueReturnsIt(wanted, Map.of("projection.enabled", "false"));

    TableInput update = GlueTables.keepingOtherParameters(wanted, existing);
    assertThat(update.parameters())
        .containsEntry("projection.enabled", "false")
        .containsEntry("owner", "platform-operations");
    assertThat(update).isEqualTo(GlueTables.definitionOf(existing));
  }

  @Test
  void aChangedColumnOrBusinessMetadataMeansAnUpdate() {
    TableInput wanted = input("weblog");
    TableInput oldColumns =
        wanted.toBuilder()
            .storageDescriptor(
                wanted.storageDescriptor().toBuilder()
                    .columns(wanted.storageDescriptor().columns().subList(0, 5))
                    .build())
            .build();
    Map<String, String> oldOwner = new LinkedHashMap<>(wanted.parameters());
    oldOwner.put("owner", "someone-else");
    TableInput oldParameters = wanted.toBuilder().parameters(oldOwner).build();

    for (TableInput old : List.of(oldColumns, oldParameters)) {
      Table existing = asGlueReturnsIt(old, Map.of());
      assertThat(GlueTables.keepingOtherParameters(wanted, existing))
          .isNotEqualTo(GlueTables.definitionOf(existing));
    }
  }

  @Test
  void commentsBecomeSingleLinesWithinGluesLimit() {
    assertThat(GlueTables.singleLine(" two\n  lines ", 255)).isEqualTo("two lines");
    assertThat(GlueTables.singleLine("x".repeat(300), 255)).hasSize(255).endsWith("…");
    assertThat(GlueTables.singleLine(null, 255)).isEmpty();
  }

  @Test
  void partitionsAreSentInGroupsOfAtMostTheBatchLimit() {
    List<Integer> items = java.util.stream.IntStream.range(0, 250).boxed().toList();
    assertThat(GlueTables.chunks(items, 100)).extracting(List::size).containsExactly(100, 100, 50);
    assertThat(GlueTables.chunks(List.of(), 100)).isEmpty();
  }

  /**
   * A table as GetTable answers after CreateTable with {@code input}: the same definition plus the
   * fields Glue fills in, and parameters others may have added.
   */
  private static Table asGlueReturnsIt(TableInput input, Map<String, String> otherParameters) {
    Map<String, String> parameters = new LinkedHashMap<>(input.parameters());
    parameters.putAll(otherParameters);
    StorageDescriptor storage =
        input.storageDescriptor().toBuilder()
            .compressed(false)
            .numberOfBuckets(-1)
            .storedAsSubDirectories(false)
            .bucketColumns(List.of())
            .sortColumns(List.of())
            .build();
    return Table.builder()
        .name(input.name())
        .databaseName("c360_lake")
        .catalogId("123456789012")
        .description(input.description())
        .owner(input.owner())
        .tableType(input.tableType())
        .parameters(parameters)
        .partitionKeys(input.partitionKeys())
        .storageDescriptor(storage)
        .createTime(Instant.parse("2026-01-01T00:00:00Z"))
        .updateTime(Instant.parse("2026-01-01T00:00:00Z"))
        .createdBy("arn:aws:sts::123456789012:assumed-role/transform/task")
        .isRegisteredWithLakeFormation(false)
        .versionId("1")
        .build();
  }
}
