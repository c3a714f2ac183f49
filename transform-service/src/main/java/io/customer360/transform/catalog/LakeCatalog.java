package io.customer360.transform.catalog;

import io.customer360.common.contract.ContractRegistry;
import io.customer360.transform.lake.LakeStore;
import io.customer360.transform.silver.SilverCatalog;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * The local stand-in for the Glue Data Catalog: one JSON document per silver table under {@code
 * catalog/silver/{dataset}/table.json} (business metadata from the contract: owner, source,
 * sensitivity, description; columns with type, PII treatment and description; partition keys and
 * location) and one per partition under {@code catalog/silver/{dataset}/partitions/…json} (files,
 * update time). Documents are rewritten whole, so re-registration is idempotent. In AWS {@link
 * GlueCatalog} registers the same {@link SilverTable} as Glue tables and partitions, which Athena
 * and Redshift Spectrum read.
 */
public class LakeCatalog implements SilverCatalog {

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
  @Override
  public void register(String dataset, List<String> partitions, Map<String, List<String>> files) {
    SilverTable table = SilverTable.of(contracts.get(dataset), lake.bucket());
    lake.upload(json.writeValueAsBytes(table(table)), tableKey(dataset), "application/json");
    for (String partition : partitions) {
      Map<String, Object> doc = new LinkedHashMap<>();
      doc.put("table", dataset);
      doc.put("partition", partition);
      doc.put("location", table.partitionLocation(partition));
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

  private static Map<String, Object> table(SilverTable table) {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("name", table.name());
    doc.put("description", table.description());
    doc.put("owner", table.owner());
    doc.put("sensitivity", table.sensitivity());
    doc.put("source", table.source());
    doc.put("contractVersion", table.contractVersion());
    doc.put("location", table.location());
    doc.put("format", "parquet");
    doc.put("partitionKeys", table.partitionKeys());
    doc.put("dedupKey", table.dedupKey());
    doc.put("columns", table.columns().stream().map(LakeCatalog::column).toList());
    return doc;
  }

  private static Map<String, Object> column(SilverTable.Column column) {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("name", column.name());
    doc.put("type", column.type().contractName());
    doc.put("pii", column.pii().name().toLowerCase(Locale.ROOT));
    doc.put("description", column.description());
    return doc;
  }
}
