package io.customer360.ingestion.batchdrop;

import io.customer360.common.lake.QuarantineReason;
import java.util.Optional;

/**
 * What a dropped file turned out to be.
 *
 * @param format detected format: {@code csv}, {@code json_lines}, {@code parquet}, each possibly
 *     gzipped
 * @param gzipped whether the file is gzip-compressed
 * @param records data records counted (CSV rows without the header, non-blank JSON lines), or -1
 *     for Parquet, whose rows ingestion does not read
 * @param rejection the quarantine reason code when the file cannot be read
 */
public record Inspection(String format, boolean gzipped, long records, Optional<String> rejection) {

  static Inspection readable(String format, boolean gzipped, long records) {
    return new Inspection(format, gzipped, records, Optional.empty());
  }

  static Inspection rejected(QuarantineReason reason) {
    return new Inspection("unknown", false, 0, Optional.of(reason.code()));
  }

  public boolean isReadable() {
    return rejection.isEmpty();
  }
}
