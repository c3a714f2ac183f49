package io.customer360.loader.warehouse;

import java.time.LocalDate;
import java.util.Collection;
import java.util.stream.Collectors;

/**
 * Literals inlined into generated SQL. Only values that cannot carry quotes are inlined: dates
 * parsed as {@link LocalDate}, and identifiers checked against the contract's snake_case rule.
 */
public final class SqlLiterals {

  /** Timestamp that closes the current version of a type-2 row: far in the future. */
  public static final String END_OF_TIME = "CAST('9999-12-31 00:00:00+00' AS TIMESTAMPTZ)";

  /** Timestamp a customer's first version is valid from: before any fact. */
  public static final String START_OF_TIME = "CAST('1900-01-01 00:00:00+00' AS TIMESTAMPTZ)";

  /** The load batch id column value, bound as a parameter. */
  public static final String BATCH_ID = "CAST(? AS VARCHAR(128))";

  private SqlLiterals() {}

  /** {@code CAST('2026-01-03' AS DATE)}. */
  public static String date(LocalDate date) {
    return "CAST('" + date + "' AS DATE)";
  }

  /** {@code (CAST('…' AS DATE), …)} for an IN list; the list must not be empty. */
  public static String dates(Collection<LocalDate> dates) {
    if (dates.isEmpty()) {
      throw new IllegalArgumentException("An IN list needs at least one date");
    }
    return dates.stream()
        .sorted()
        .map(SqlLiterals::date)
        .collect(Collectors.joining(", ", "(", ")"));
  }
}
