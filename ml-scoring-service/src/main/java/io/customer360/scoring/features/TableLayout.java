package io.customer360.scoring.features;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Which columns of a feature table are not features: the entity id, the snapshot date, the label
 * and any others named. Every other numeric or boolean column is a feature.
 *
 * @param idColumn entity id (customer id), or {@code null} when rows have none
 * @param dateColumn snapshot date, or {@code null} for a table without time (generic mode)
 * @param labelColumn 0/1 label, or {@code null} when only scoring
 * @param excludedColumns further columns that must never be features (for instance outcomes
 *     recorded next to the label)
 */
public record TableLayout(
    String idColumn, String dateColumn, String labelColumn, List<String> excludedColumns) {

  public TableLayout {
    excludedColumns = excludedColumns == null ? List.of() : List.copyOf(excludedColumns);
  }

  /** Every column that is not a feature, lower-cased for comparison. */
  public Set<String> nonFeatureColumns() {
    return Stream.concat(
            Stream.of(idColumn, dateColumn, labelColumn).filter(c -> c != null && !c.isBlank()),
            excludedColumns.stream())
        .map(c -> c.toLowerCase(Locale.ROOT))
        .collect(Collectors.toUnmodifiableSet());
  }

  /** The same layout with a different label column. */
  public TableLayout withLabel(String label) {
    return new TableLayout(idColumn, dateColumn, label, excludedColumns);
  }
}
