package io.customer360.query.sql;

import io.customer360.query.web.DateRange;
import java.time.LocalDate;
import java.util.Locale;

/** Calendar buckets of a date column: a day, an ISO week (starting Monday) or a month. */
public enum Grain {
  DAY,
  WEEK,
  MONTH;

  /** The grain named {@code day}, {@code week} or {@code month}; null gives {@code fallback}. */
  public static Grain of(String name, Grain fallback) {
    return name == null ? fallback : valueOf(name.toUpperCase(Locale.ROOT));
  }

  /** SQL for the first day of the bucket holding {@code dateColumn}, portable to Redshift. */
  public String bucketStart(String dateColumn) {
    return switch (this) {
      case DAY -> dateColumn;
      case WEEK -> "CAST(DATE_TRUNC('week', CAST(" + dateColumn + " AS TIMESTAMP)) AS DATE)";
      case MONTH -> "CAST(DATE_TRUNC('month', CAST(" + dateColumn + " AS TIMESTAMP)) AS DATE)";
    };
  }

  /** The days of the bucket starting at {@code start}, cut to {@code period}. */
  public DateRange bucketWithin(LocalDate start, DateRange period) {
    LocalDate end =
        switch (this) {
          case DAY -> start;
          case WEEK -> start.plusDays(6);
          case MONTH -> start.plusMonths(1).minusDays(1);
        };
    return new DateRange(
        start.isBefore(period.from()) ? period.from() : start,
        end.isAfter(period.to()) ? period.to() : end);
  }

  /** The lower-case name used in the API. */
  public String apiName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
