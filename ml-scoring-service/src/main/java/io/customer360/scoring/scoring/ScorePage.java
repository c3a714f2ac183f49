package io.customer360.scoring.scoring;

import java.time.LocalDate;
import java.util.List;

/**
 * A page of the most at-risk customers of the latest scored snapshot.
 *
 * @param featureSnapshotDate the snapshot the scores are for, or {@code null} when none is scored
 * @param limit page size
 * @param offset rows skipped
 * @param items scores, highest first
 */
public record ScorePage(
    LocalDate featureSnapshotDate, int limit, int offset, List<ChurnScore> items) {

  public ScorePage {
    items = List.copyOf(items);
  }
}
