package io.customer360.query.web;

/**
 * A validated sort: an allow-listed field and its direction, with the SQL that applies it.
 *
 * @param field the API field name
 * @param descending whether larger values come first
 * @param sql the ORDER BY list, built only from allow-listed column names
 */
public record SortOrder(String field, boolean descending, String sql) {

  /** {@code field,asc} or {@code field,desc}. */
  public String label() {
    return field + (descending ? ",desc" : ",asc");
  }
}
