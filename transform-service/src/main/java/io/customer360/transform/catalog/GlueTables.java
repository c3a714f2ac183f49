package io.customer360.transform.catalog;

import io.customer360.common.contract.FieldType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import software.amazon.awssdk.services.glue.model.Column;
import software.amazon.awssdk.services.glue.model.PartitionInput;
import software.amazon.awssdk.services.glue.model.SerDeInfo;
import software.amazon.awssdk.services.glue.model.StorageDescriptor;
import software.amazon.awssdk.services.glue.model.Table;
import software.amazon.awssdk.services.glue.model.TableInput;

/**
 * A {@link SilverTable} as Glue table and partition inputs: an external Parquet table (Hive's
 * Parquet SerDe and formats, which Athena and Redshift Spectrum read) at the table's S3 location,
 * columns with Hive types and comments, string partition keys, and the business metadata as table
 * parameters and the table owner. Pure functions, so the mapping is tested without Glue.
 */
final class GlueTables {

  static final String PARQUET_SERDE = "org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe";
  static final String PARQUET_INPUT_FORMAT =
      "org.apache.hadoop.hive.ql.io.parquet.MapredParquetInputFormat";
  static final String PARQUET_OUTPUT_FORMAT =
      "org.apache.hadoop.hive.ql.io.parquet.MapredParquetOutputFormat";

  /** Glue's limit on a column comment. */
  static final int MAX_COMMENT = 255;

  /** Glue's limit on a table description. */
  static final int MAX_DESCRIPTION = 2048;

  private GlueTables() {}

  /**
   * The Hive type of the Parquet column DuckDB writes for a silver type ({@code SilverSql}): INT32
   * for {@code int} and {@code date}, INT64 for {@code bigint}, INT64 decimal(18,4), INT64
   * microsecond timestamps without time zone (values are UTC).
   */
  static String hiveType(FieldType type) {
    return switch (type) {
      case STRING -> "string";
      case INTEGER -> "int";
      case LONG -> "bigint";
      case DOUBLE -> "double";
      case DECIMAL -> "decimal(18,4)";
      case BOOLEAN -> "boolean";
      case DATE -> "date";
      case TIMESTAMP -> "timestamp";
    };
  }

  /** The table definition, as CreateTable and UpdateTable take it. */
  static TableInput tableInput(SilverTable table) {
    return TableInput.builder()
        .name(table.name())
        .description(singleLine(table.description(), MAX_DESCRIPTION))
        .owner(table.owner())
        .tableType("EXTERNAL_TABLE")
        .parameters(parameters(table))
        .partitionKeys(table.partitionKeys().stream().map(GlueTables::partitionKey).toList())
        .storageDescriptor(storage(table, table.location()))
        .build();
  }

  /**
   * A partition ({@code event_date=…[/event_hour=…]}) with its own location, as
   * BatchCreatePartition takes it.
   */
  static PartitionInput partitionInput(SilverTable table, String partition) {
    return PartitionInput.builder()
        .values(table.partitionValues(partition))
        .storageDescriptor(storage(table, table.partitionLocation(partition)))
        .build();
  }

  /**
   * What {@code wanted} would be after an update that keeps parameters others added to the table
   * (Lake Formation, Athena, people): the existing parameters, overridden by the wanted ones.
   */
  static TableInput keepingOtherParameters(TableInput wanted, Table existing) {
    if (!existing.hasParameters()) {
      return wanted;
    }
    Map<String, String> parameters = new LinkedHashMap<>(existing.parameters());
    parameters.putAll(wanted.parameters());
    return wanted.toBuilder().parameters(parameters).build();
  }

  /**
   * The part of an existing table that {@link #tableInput} defines, read back as a table input, so
   * an existing table equals its wanted definition exactly when nothing needs updating. Fields Glue
   * adds (create time, catalog id, version, bucket count, …) are left out.
   */
  static TableInput definitionOf(Table table) {
    StorageDescriptor storage = table.storageDescriptor();
    TableInput.Builder input =
        TableInput.builder()
            .name(table.name())
            .description(table.description())
            .owner(table.owner())
            .tableType(table.tableType());
    if (table.hasParameters()) {
      input.parameters(table.parameters());
    }
    if (table.hasPartitionKeys()) {
      input.partitionKeys(table.partitionKeys().stream().map(GlueTables::definitionOf).toList());
    }
    if (storage != null) {
      input.storageDescriptor(definitionOf(storage));
    }
    return input.build();
  }

  private static StorageDescriptor definitionOf(StorageDescriptor storage) {
    StorageDescriptor.Builder definition =
        StorageDescriptor.builder()
            .location(storage.location())
            .inputFormat(storage.inputFormat())
            .outputFormat(storage.outputFormat());
    if (storage.hasColumns()) {
      definition.columns(storage.columns().stream().map(GlueTables::definitionOf).toList());
    }
    SerDeInfo serde = storage.serdeInfo();
    if (serde != null) {
      SerDeInfo.Builder info =
          SerDeInfo.builder().serializationLibrary(serde.serializationLibrary());
      if (serde.hasParameters()) {
        info.parameters(serde.parameters());
      }
      definition.serdeInfo(info.build());
    }
    return definition.build();
  }

  private static Column definitionOf(Column column) {
    Column.Builder definition =
        Column.builder().name(column.name()).type(column.type()).comment(column.comment());
    if (column.hasParameters()) {
      definition.parameters(column.parameters());
    }
    return definition.build();
  }

  private static Map<String, String> parameters(SilverTable table) {
    Map<String, String> parameters = new LinkedHashMap<>();
    parameters.put("classification", "parquet");
    parameters.put("EXTERNAL", "TRUE");
    parameters.put("owner", table.owner());
    parameters.put("source", table.source());
    parameters.put("sensitivity", table.sensitivity());
    parameters.put("contract_version", Integer.toString(table.contractVersion()));
    parameters.put("dedup_key", String.join(",", table.dedupKey()));
    return parameters;
  }

  private static StorageDescriptor storage(SilverTable table, String location) {
    return StorageDescriptor.builder()
        .columns(table.columns().stream().map(GlueTables::column).toList())
        .location(location)
        .inputFormat(PARQUET_INPUT_FORMAT)
        .outputFormat(PARQUET_OUTPUT_FORMAT)
        .serdeInfo(
            SerDeInfo.builder()
                .serializationLibrary(PARQUET_SERDE)
                .parameters(Map.of("serialization.format", "1"))
                .build())
        .build();
  }

  private static Column column(SilverTable.Column column) {
    return Column.builder()
        .name(column.name())
        .type(hiveType(column.type()))
        .comment(singleLine(column.description(), MAX_COMMENT))
        .parameters(Map.of("pii", column.pii().name().toLowerCase(Locale.ROOT)))
        .build();
  }

  /** Partition values are folder names, so strings, whatever they spell. */
  private static Column partitionKey(String name) {
    String comment =
        name.equals("event_hour")
            ? "Event-time hour, HH (UTC)."
            : "Event-time date, YYYY-MM-DD (UTC).";
    return Column.builder().name(name).type("string").comment(comment).build();
  }

  /**
   * Glue comments and descriptions are single lines of limited length: whitespace runs become one
   * space, and text over the limit is cut, ending in an ellipsis.
   */
  static String singleLine(String text, int limit) {
    String line = text == null ? "" : text.strip().replaceAll("\\s+", " ");
    return line.length() <= limit ? line : line.substring(0, limit - 1) + "…";
  }

  /** Partitions in groups of at most {@code size}, BatchCreatePartition's limit being 100. */
  static <T> List<List<T>> chunks(List<T> items, int size) {
    List<List<T>> chunks = new ArrayList<>();
    for (int i = 0; i < items.size(); i += size) {
      chunks.add(items.subList(i, Math.min(items.size(), i + size)));
    }
    return chunks;
  }
}
