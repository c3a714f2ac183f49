package io.customer360.scoring.scoring;

import java.time.LocalDate;

/**
 * What a batch scoring run wrote.
 *
 * @param featureSnapshotDate the snapshot scored
 * @param customers rows scored (one per customer)
 * @param modelVersion the model that scored
 * @param goldKey the gold Parquet object written
 * @param seconds wall time of the run
 */
public record BatchResult(
    LocalDate featureSnapshotDate,
    int customers,
    String modelVersion,
    String goldKey,
    double seconds) {}
