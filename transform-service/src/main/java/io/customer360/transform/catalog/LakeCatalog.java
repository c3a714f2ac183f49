package io.customer360.transform.catalog;

import io.customer360.common.contract.ContractRegistry;
import io.customer360.common.contract.DatasetContract;
import io.customer360.common.contract.FieldSpec;
import io.customer360.common.contract.PiiTreatment;
import io.customer360.transform.lake.LakeStore;
import io.customer360.transform.silver.DerivedColumn;
import io.customer360.transform.silver.SilverNames;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * The local stand-in for the Glue Data Catalog: one JSON document per silver table under {@code
 * catalog/silver/{dataset}/table.json} (business metadata from the contract: owner, source,
 * sensitivity, description; columns with type, PII treatment and description; partition keys and
 * location) and one per partition under {@code catalog/silver/{dataset}/partitions/…json} (files,
 * update time). Documents are rewritten whole, so re-registration is idempotent. In AWS the same
 * facts go to Glue tables and partitions, which Athena and Redshift Spectrum read.
 */
public class LakeCatalog {

  /** The catalog's root prefix in the lake bucket. */
  public static final String PREFIX = "catalog/silver/";

  private final LakeStore lake;
  private final ContractRegistry contracts;
  private final Clock clock;
  private final JsonMapper json = JsonMapper.builder().build();

  public LakeCatalog(LakeStore lake, ContractRegistry contracts, Clock clock) {
    this.lake = lake;
    this.contracts = contracts;
    this.clock = clock;
  }

  /** Registers a silver table and the partitions just written. */
  public void register(String dataset, List<String> partitions, Map<String, List<String>> files) {
    DatasetContract contract = contracts.get(dataset);
    lake.upload(json.writeValueAsBytes(table(contract)), tableKey(dataset), "application/json");
    for (String partition : partitions) {
      Map<String, Object> doc = new LinkedHashMap<>();
      doc.put("table", dataset);
      doc.put("partition", partition);
      doc.put("location", "s3://" + lake.bucket() + "/silver/" + dataset + "/" + partition + "/");
      doc.put("files", files.getOrDefault(partition, List.of()));
      doc.put("updatedAt", clock.instant().toString());
      lake.upload(
          json.writeValueAsBytes(doc),
          PREFIX + dataset + "/partitions/" + partition + ".json",
          "application/json");
    }
  }

  static String tableKey(String dataset) {
    return PREFIX + dataset + "/table.json";
  }

  private Map<String, Object> table(DatasetContract contract) {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("name", contract.name());
    doc.put("description", contract.description());
    doc.put("owner", contract.owner());
    doc.put("sensitivity", contract.sensitivity().name().toLowerCase(java.util.Locale.ROOT));
    doc.put("source", contract.source().channel() + ":" + contract.source().name());
    doc.put("contractVersion", contract.version());
    doc.put("location", "s3://" + lake.bucket() + "/silver/" + contract.name() + "/");
    doc.put("format", "parquet");
    doc.put("partitionKeys", partitionKeys(contract));
    doc.put("dedupKey", contract.dedupKey());
    doc.put("columns", columns(contract));
    return doc;
  }

  private static List<String> partitionKeys(DatasetContract contract) {
    return switch (contract.partitioning()) {
      case DAY -> List.of("event_date");
      case HOUR -> List.of("event_date", "event_hour");
    };
  }

  private static List<Map<String, Object>> columns(DatasetContract contract) {
    List<Map<String, Object>> columns = new ArrayList<>();
    columns.add(column("_record_key", "string", "none", "Ingestion record key (lineage)."));
    columns.add(column("_source_object", "string", "none", "Bronze object the row came from."));
    columns.add(column("_ingested_at", "timestamp", "none", "When bronze received the record."));
    for (FieldSpec field : contract.fields()) {
      if (SilverNames.column(field).isEmpty()) {
        continue;
      }
      String name = SilverNames.column(field).orElseThrow();
      String type = field.pii() == PiiTreatment.NONE ? field.type().contractName() : "string";
      columns.add(
          column(
              name,
              type,
              field.pii().name().toLowerCase(java.util.Locale.ROOT),
              field.description() == null ? "" : field.description()));
    }
    for (DerivedColumn derived : SilverNames.derivedColumns(contract.name())) {
      columns.add(
          column(derived.name(), derived.type().contractName(), "none", derived.description()));
    }
    return columns;
  }

  private static Map<String, Object> column(
      String name, String type, String pii, String description) {
    Map<String, Object> column = new LinkedHashMap<>();
    column.put("name", name);
    column.put("type", type);
    column.put("pii", pii);
    column.put("description", description);
    return column;
  }
}
