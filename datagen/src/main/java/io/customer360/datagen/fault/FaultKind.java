package io.customer360.datagen.fault;

import io.customer360.common.contract.DatasetContract;
import java.util.Locale;

/**
 * The faults datagen can inject. Each has its own rate and is counted in the ground truth under its
 * {@linkplain #metric() metric name}. Quarantine faults must end in quarantine; the others are
 * valid data that later stages must handle without losing or double-counting records.
 */
public enum FaultKind {
  /** A stream record cut short, so it is not valid JSON. Quarantine. */
  MALFORMED_JSON(true),
  /** A stream record without one of the contract's required fields. Quarantine. */
  MISSING_REQUIRED_FIELD(true),
  /** A stream record whose integer field holds text. Quarantine. */
  WRONG_TYPE(true),
  /** A clickstream record with an event type outside the contract's values. Quarantine. */
  UNKNOWN_EVENT_TYPE(true),
  /** A clickstream record larger than {@link #OVERSIZED_THRESHOLD_BYTES}. Quarantine. */
  OVERSIZED_RECORD(true),
  /** A valid stream record sent again with the same event id. Silver keeps one. */
  DUPLICATE(false),
  /** A valid stream record sent 1 to 72 hours after it happened. Lands in its true partition. */
  LATE(false),
  /** A valid stream record sent 1 to 10 minutes late, after events that followed it. */
  OUT_OF_ORDER(false),
  /** A batch file gzipped and cut short. Its records are lost; the file is quarantined whole. */
  TRUNCATED_GZIP(true),
  /** A CSV file with a UTF-8 byte-order mark and CRLF line endings. Valid. */
  BOM_CRLF(false),
  /** A batch file put a second time under the same name with the same bytes. Valid, once. */
  RESENT_FILE(false);

  /** Records above this many bytes are oversized: the contracts' shared limit. */
  public static final int OVERSIZED_THRESHOLD_BYTES = DatasetContract.MAX_RECORD_BYTES;

  private final boolean quarantined;

  FaultKind(boolean quarantined) {
    this.quarantined = quarantined;
  }

  /** Whether ingestion or transform must quarantine what this fault produces. */
  public boolean quarantined() {
    return quarantined;
  }

  /** The ground-truth metric and CLI flag name, e.g. {@code malformed_json}. */
  public String metric() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The kind with this metric name or CLI spelling ({@code malformed-json} also works). */
  public static FaultKind ofMetric(String name) {
    return valueOf(name.replace('-', '_').toUpperCase(Locale.ROOT));
  }
}
