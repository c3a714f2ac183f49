package io.customer360.query.web;

import io.customer360.apisecurity.problem.InvalidParameterException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The fields an endpoint may be sorted by, each mapped to a result column, with the default sort
 * and a tiebreaker that makes pages stable. User input only ever selects among these; it is never
 * copied into SQL.
 */
public final class SortColumns {

  private final Map<String, String> columnByField;
  private final String defaultField;
  private final boolean defaultDescending;
  private final String tiebreaker;

  private SortColumns(
      Map<String, String> columnByField,
      String defaultField,
      boolean defaultDescending,
      String tiebreaker) {
    this.columnByField = Map.copyOf(columnByField);
    this.defaultField = defaultField;
    this.defaultDescending = defaultDescending;
    this.tiebreaker = tiebreaker;
    if (!columnByField.containsKey(defaultField)) {
      throw new IllegalArgumentException("default sort field " + defaultField + " not allowed");
    }
  }

  /** Starts a list whose default sort is {@code field} in the given direction. */
  public static Builder defaultTo(String field, boolean descending) {
    return new Builder(field, descending);
  }

  /** Parses {@code field} or {@code field,asc|desc}; blank gives the default. */
  public SortOrder parse(String raw) {
    if (raw == null || raw.isBlank()) {
      return order(defaultField, defaultDescending);
    }
    String[] parts = raw.trim().split(",", -1);
    String field = parts[0].trim();
    if (parts.length > 2 || !columnByField.containsKey(field)) {
      throw invalid();
    }
    if (parts.length == 1) {
      return order(field, field.equals(defaultField) && defaultDescending);
    }
    return switch (parts[1].trim().toLowerCase(Locale.ROOT)) {
      case "asc" -> order(field, false);
      case "desc" -> order(field, true);
      default -> throw invalid();
    };
  }

  private SortOrder order(String field, boolean descending) {
    String sql =
        columnByField.get(field)
            + (descending ? " DESC NULLS LAST" : " ASC NULLS LAST")
            + (tiebreaker.isEmpty() ? "" : ", " + tiebreaker);
    return new SortOrder(field, descending, sql);
  }

  private InvalidParameterException invalid() {
    return new InvalidParameterException(
        "sort",
        "must be one of "
            + String.join(", ", columnByField.keySet().stream().sorted().toList())
            + ", optionally followed by ,asc or ,desc");
  }

  /** Collects the allowed fields. */
  public static final class Builder {

    private final Map<String, String> columns = new LinkedHashMap<>();
    private final String defaultField;
    private final boolean defaultDescending;

    private Builder(String defaultField, boolean defaultDescending) {
      this.defaultField = defaultField;
      this.defaultDescending = defaultDescending;
    }

    /** Allows sorting by API field {@code field}, i.e. by result column {@code column}. */
    public Builder allow(String field, String column) {
      columns.put(field, column);
      return this;
    }

    /** Ends the list; {@code tiebreaker} is an ORDER BY list appended after every sort. */
    public SortColumns tiebreaker(String tiebreaker) {
      return new SortColumns(columns, defaultField, defaultDescending, tiebreaker);
    }
  }
}
