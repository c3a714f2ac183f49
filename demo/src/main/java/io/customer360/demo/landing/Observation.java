package io.customer360.demo.landing;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/** What the lake shows of one landed file at one moment, by the furthest stage it reached. */
sealed interface Observation {

  /** Only the landing object: ingestion has not handled the file yet. */
  record NotIngested() implements Observation {}

  /**
   * Ingestion quarantined the whole file: it cannot be read (or is too large), so no row of it
   * reaches silver.
   *
   * @param reason ingestion's reason code, e.g. {@code truncated_gzip}
   * @param quarantineKey the quarantined copy; its reasons are in {@code <key>.reason.json}
   */
  record FileQuarantined(String reason, String quarantineKey) implements Observation {}

  /**
   * The file is in bronze; its rows in silver and quarantine so far.
   *
   * @param bronzeKey the bronze object
   * @param records records ingestion counted in it; -1 when it does not count them (Parquet)
   * @param earlier whether the same content was in bronze before this landing, so ingestion treats
   *     the landing as a re-send and the outcome is that of the earlier one
   * @param silverRows rows whose {@code _source_object} is the bronze object, by silver key
   * @param quarantine its quarantined rows
   */
  record Ingested(
      String bronzeKey,
      long records,
      boolean earlier,
      Map<String, Long> silverRows,
      QuarantinedRows quarantine)
      implements Observation {

    public Ingested {
      silverRows = Collections.unmodifiableMap(new TreeMap<>(silverRows));
    }

    long silverTotal() {
      return silverRows.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Records found in silver or quarantine. */
    long accounted() {
      return silverTotal() + quarantine.total();
    }

    /** Records counted by ingestion but found in neither, when ingestion counted them. */
    long unaccounted() {
      return records < 0 ? 0 : Math.max(0, records - accounted());
    }
  }
}
