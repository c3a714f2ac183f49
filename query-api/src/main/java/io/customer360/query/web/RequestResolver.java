package io.customer360.query.web;

import io.customer360.apisecurity.problem.InvalidParameterException;
import io.customer360.query.QueryApiProperties;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Turns raw period and page parameters into validated values, applying the configured defaults and
 * limits. Violations are {@link InvalidParameterException}s naming the parameter.
 */
public final class RequestResolver {

  private final QueryApiProperties properties;
  private final Clock clock;

  public RequestResolver(QueryApiProperties properties, Clock clock) {
    this.properties = properties;
    this.clock = clock;
  }

  /** The period asked for, defaulting to the configured number of days ending today. */
  public DateRange period(PeriodParams params) {
    LocalDate to = params.to() != null ? params.to() : today();
    LocalDate from =
        params.from() != null ? params.from() : to.minusDays(properties.defaultPeriodDays() - 1L);
    if (from.isAfter(to)) {
      throw new InvalidParameterException("from", "must not be after to (" + to + ")");
    }
    DateRange range = new DateRange(from, to);
    if (range.days() > properties.maxPeriodDays()) {
      throw new InvalidParameterException(
          "from",
          "the period spans "
              + range.days()
              + " days; at most "
              + properties.maxPeriodDays()
              + " are allowed");
    }
    return range;
  }

  /** The page asked for, with the configured default and maximum size. */
  public Paging paging(PageParams params) {
    int size = params.size() != null ? params.size() : properties.defaultPageSize();
    if (size > properties.maxPageSize()) {
      throw new InvalidParameterException(
          "size", "must be at most " + properties.maxPageSize() + " (got " + size + ")");
    }
    return new Paging(params.page() != null ? params.page() : 0, size);
  }

  /** The sort asked for, among {@code columns}. */
  public SortOrder sort(PageParams params, SortColumns columns) {
    return columns.parse(params.sort());
  }

  /** Today in UTC. */
  public LocalDate today() {
    return LocalDate.now(clock);
  }

  /** The current instant. */
  public Instant now() {
    return clock.instant();
  }

  /** The configured limits. */
  public QueryApiProperties properties() {
    return properties;
  }
}
