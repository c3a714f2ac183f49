package io.customer360.transform.catalog;

import io.customer360.common.contract.DatasetContract;
import io.customer360.common.contract.FieldSpec;
import io.customer360.common.contract.FieldType;
import io.customer360.common.contract.PiiTreatment;
import io.customer360.common.lake.LakePath;
import io.customer360.common.lake.LakeZone;
import io.customer360.transform.silver.DerivedColumn;
import io.customer360.transform.silver.SilverNames;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A silver table as every catalog describes it, derived from its dataset contract: business
 * metadata, location, partition keys and the columns of its Parquet files in file order (lineage,
 * kept fields under their silver names, derived columns).
 *
 * @param name the dataset name, also the table name
 * @param description what the dataset holds
 * @param owner the team answerable for it
 * @param sensitivity its classification, lower case ({@code confidential})
 * @param source where its records arrive, {@code <channel>:<name>} ({@code
 *     STREAM:c360-clickstream})
 * @param contractVersion the contract version the table follows
 * @param location the table's root, {@code s3://<bucket>/silver/<dataset>/}
 * @param partitionKeys the partition folders, outermost first ({@code event_date}, {@code
 *     event_hour})
 * @param dedupKey the fields that identify one logical record
 * @param columns the data columns, without the partition keys
 */
public record SilverTable(
    String name,
    String description,
    String owner,
    String sensitivity,
    String source,
    int contractVersion,
    String location,
    List<String> partitionKeys,
    List<String> dedupKey,
    List<Column> columns) {

  public SilverTable {
    partitionKeys = List.copyOf(partitionKeys);
    dedupKey = List.copyOf(dedupKey);
    columns = List.copyOf(columns);
  }

  /**
   * One column of the silver Parquet files.
   *
   * @param name the silver column name
   * @param type the type silver writes: a protected field is text, whatever its contract type
   * @param pii how the field behind it is protected ({@code NONE} for lineage and derived columns)
   * @param description what it holds, empty when the contract says nothing
   */
  public record Column(String name, FieldType type, PiiTreatment pii, String description) {}

  /** The table of a dataset whose silver files live in {@code bucket}. */
  public static SilverTable of(DatasetContract contract, String bucket) {
    return new SilverTable(
        contract.name(),
        contract.description(),
        contract.owner(),
        contract.sensitivity().name().toLowerCase(Locale.ROOT),
        contract.source().channel() + ":" + contract.source().name(),
        contract.version(),
        "s3://" + bucket + "/" + LakePath.prefix(LakeZone.SILVER, contract.name()),
        SilverNames.partitionColumns(contract),
        contract.dedupKey(),
        columns(contract));
  }

  /** The S3 location of a partition ({@code event_date=…[/event_hour=…]}), with a final slash. */
  public String partitionLocation(String partition) {
    partitionValues(partition);
    return location + partition + "/";
  }

  /**
   * The values of a partition path in partition key order: {@code
   * event_date=2026-01-02/event_hour=07} gives {@code [2026-01-02, 07]}.
   *
   * @throws IllegalArgumentException when the path does not name exactly this table's keys
   */
  public List<String> partitionValues(String partition) {
    String[] parts = partition.split("/", -1);
    if (parts.length != partitionKeys.size()) {
      throw badPartition(partition);
    }
    List<String> values = new ArrayList<>();
    for (int i = 0; i < parts.length; i++) {
      String prefix = partitionKeys.get(i) + "=";
      if (!parts[i].startsWith(prefix) || parts[i].length() == prefix.length()) {
        throw badPartition(partition);
      }
      values.add(parts[i].substring(prefix.length()));
    }
    return values;
  }

  private IllegalArgumentException badPartition(String partition) {
    return new IllegalArgumentException(
        "Partition "
            + partition
            + " of silver table "
            + name
            + " does not name its partition keys "
            + partitionKeys);
  }

  private static List<Column> columns(DatasetContract contract) {
    List<Column> columns = new ArrayList<>();
    columns.add(
        lineage(DatasetContract.RECORD_KEY, FieldType.STRING, "Ingestion record key (lineage)."));
    columns.add(
        lineage(
            DatasetContract.SOURCE_OBJECT, FieldType.STRING, "Bronze object the row came from."));
    columns.add(
        lineage(
            DatasetContract.INGESTED_AT, FieldType.TIMESTAMP, "When bronze received the record."));
    for (FieldSpec field : contract.fields()) {
      SilverNames.column(field)
          .ifPresent(
              name ->
                  columns.add(
                      new Column(
                          name,
                          field.pii() == PiiTreatment.NONE ? field.type() : FieldType.STRING,
                          field.pii(),
                          field.description() == null ? "" : field.description())));
    }
    for (DerivedColumn derived : SilverNames.derivedColumns(contract.name())) {
      columns.add(
          new Column(derived.name(), derived.type(), PiiTreatment.NONE, derived.description()));
    }
    return columns;
  }

  private static Column lineage(String name, FieldType type, String description) {
    return new Column(name, type, PiiTreatment.NONE, description);
  }
}
