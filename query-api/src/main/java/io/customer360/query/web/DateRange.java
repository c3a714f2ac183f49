package io.customer360.query.web;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * A period of whole UTC days, both ends included.
 *
 * @param from first day
 * @param to last day
 */
public record DateRange(LocalDate from, LocalDate to) {

  public DateRange {
    if (from.isAfter(to)) {
      throw new IllegalArgumentException("from " + from + " is after to " + to);
    }
  }

  /** Number of days, both ends included. */
  public long days() {
    return ChronoUnit.DAYS.between(from, to) + 1;
  }

  /** The same days one year earlier (29 February maps to 28 February). */
  public DateRange previousYear() {
    return new DateRange(from.minusYears(1), to.minusYears(1));
  }

  /** The period of the same length that ends the day before this one starts. */
  public DateRange previousPeriod() {
    return new DateRange(from.minusDays(days()), from.minusDays(1));
  }
}
