package io.customer360.demo.landing;

import io.customer360.common.lake.QuarantineReason;
import java.util.List;

/**
 * The quarantined rows of a file with one primary reason code.
 *
 * @param reason the reason code, e.g. {@code missing_field:order_id}
 * @param rows how many rows
 * @param firstRecords the first few record numbers (CSV: data rows from 1, header not counted; JSON
 *     lines: lines from 1)
 */
record ReasonRows(String reason, long rows, List<Long> firstRecords) {

  /** The code transform-service gives a bronze object it cannot read at all. */
  static final String UNREADABLE_FILE = QuarantineReason.UNREADABLE_FILE.code();

  ReasonRows {
    firstRecords = List.copyOf(firstRecords);
  }
}
