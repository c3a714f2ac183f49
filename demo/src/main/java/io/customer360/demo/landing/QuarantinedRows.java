package io.customer360.demo.landing;

import java.util.List;

/**
 * The rows of one bronze object that transform-service quarantined, from its quarantine Parquet
 * file ({@code quarantine/<dataset>/ingest_date=…/<bronze name>.parquet}).
 *
 * @param key the quarantine file's key, empty when there is none (yet)
 * @param reasons rows per primary reason code, most frequent first
 */
record QuarantinedRows(String key, List<ReasonRows> reasons) {

  static final QuarantinedRows NONE = new QuarantinedRows("", List.of());

  QuarantinedRows {
    reasons = List.copyOf(reasons);
  }

  long total() {
    return reasons.stream().mapToLong(ReasonRows::rows).sum();
  }

  /** Whether transform-service could not read the object at all. */
  boolean fileUnreadable() {
    return reasons.stream().anyMatch(r -> r.reason().equals(ReasonRows.UNREADABLE_FILE));
  }
}
