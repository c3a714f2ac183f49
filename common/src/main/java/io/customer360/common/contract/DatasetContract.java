package io.customer360.common.contract;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The declared shape and handling of one dataset: its fields, event time, de-duplication key, PII
 * treatment, partitioning, ownership and sensitivity. Parsed from {@code contracts/<name>.yaml} by
 * {@link ContractParser}, which guarantees the cross-field rules documented there.
 *
 * @param name dataset name, also the lake prefix ({@code silver/<name>/...})
 * @param version contract version, raised on any incompatible change
 * @param owner the team answerable for the dataset
 * @param sensitivity the dataset's classification
 * @param description what the dataset holds
 * @param source where the records arrive
 * @param eventTimeField the field whose value places a record in its event-time partition
 * @param dedupKey fields (or lineage fields) that identify one logical record
 * @param partitioning silver partition granularity
 * @param nullTokens text values that mean "no value" (for example {@code -} in Apache logs)
 * @param cdc change-data-capture semantics, when the source is DMS
 * @param fields the fields, in source order
 */
public record DatasetContract(
    String name,
    int version,
    String owner,
    Sensitivity sensitivity,
    String description,
    DatasetSource source,
    String eventTimeField,
    List<String> dedupKey,
    PartitionGranularity partitioning,
    List<String> nullTokens,
    Optional<CdcSpec> cdc,
    List<FieldSpec> fields) {

  /** Record key assigned at ingestion: shard and sequence number, or file hash and line. */
  public static final String RECORD_KEY = "_record_key";

  /** The bronze object a silver row came from. */
  public static final String SOURCE_OBJECT = "_source_object";

  /** When the record was received into bronze. */
  public static final String INGESTED_AT = "_ingested_at";

  /**
   * Records above this many bytes are quarantined as {@code too_large}: big enough for any real
   * event, below Kinesis' 1 MiB record limit, so an oversized record still reaches bronze.
   */
  public static final int MAX_RECORD_BYTES = 1_000_000;

  /** Lineage fields every silver row carries; a dedup key may use them. */
  public static final Set<String> LINEAGE_FIELDS = Set.of(RECORD_KEY, SOURCE_OBJECT, INGESTED_AT);

  public DatasetContract {
    dedupKey = List.copyOf(dedupKey);
    nullTokens = List.copyOf(nullTokens);
    fields = List.copyOf(fields);
  }

  /** The field with this standardized name or alias. */
  public Optional<FieldSpec> field(String nameOrAlias) {
    return fields.stream().filter(f -> f.isNamed(nameOrAlias)).findFirst();
  }

  /** The event-time field. */
  public FieldSpec eventTime() {
    return field(eventTimeField).orElseThrow();
  }

  /** Fields a record must carry. */
  public List<FieldSpec> requiredFields() {
    return fields.stream().filter(FieldSpec::required).toList();
  }

  /** Fields silver must protect. */
  public List<FieldSpec> piiFields() {
    return fields.stream().filter(FieldSpec::isPii).toList();
  }
}
