package io.customer360.demo.landing;

/**
 * What became of a landed file, as the machine-readable last line reports it.
 *
 * @param dataset the dataset
 * @param landingKey the landing object's key
 * @param silverRows rows in silver that came from the file
 * @param quarantinedRows records of the file quarantined one by one (0 when the whole file is)
 * @param fileQuarantined whether the file as a whole went to quarantine, unread
 */
record Outcome(
    String dataset,
    String landingKey,
    long silverRows,
    long quarantinedRows,
    boolean fileQuarantined) {

  /** Starts the last line of a run whose outcome is known. */
  static final String RESULT_MARKER = "LAND-FILE RESULT";

  /** The outcome a final observation shows. */
  static Outcome of(String dataset, String landingKey, Observation observation) {
    if (observation instanceof Observation.Ingested ingested) {
      boolean unreadable = ingested.quarantine().fileUnreadable();
      return new Outcome(
          dataset,
          landingKey,
          ingested.silverTotal(),
          unreadable ? 0 : ingested.quarantine().total(),
          unreadable);
    }
    if (observation instanceof Observation.FileQuarantined) {
      return new Outcome(dataset, landingKey, 0, 0, true);
    }
    throw new IllegalArgumentException("No outcome yet: " + observation);
  }

  /** 0 when at least one row reached silver, else 4: the file is bad. */
  int exitCode() {
    return !fileQuarantined && silverRows > 0 ? LandFile.EXIT_OK : LandFile.EXIT_BAD_FILE;
  }

  /**
   * {@code LAND-FILE RESULT dataset=<d> file=<key> silver_rows=<n> quarantined_rows=<m>
   * file_quarantined=<true|false>}; a space in the key is written {@code %20}, so values never
   * contain one.
   */
  String resultLine() {
    return RESULT_MARKER
        + " dataset="
        + dataset
        + " file="
        + landingKey.replace(" ", "%20")
        + " silver_rows="
        + silverRows
        + " quarantined_rows="
        + quarantinedRows
        + " file_quarantined="
        + fileQuarantined;
  }
}
