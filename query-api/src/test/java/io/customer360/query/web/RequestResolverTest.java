package io.customer360.query.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.customer360.apisecurity.problem.InvalidParameterException;
import io.customer360.query.QueryApiProperties;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class RequestResolverTest {

  final RequestResolver resolver =
      new RequestResolver(
          new QueryApiProperties(
              50,
              500,
              Duration.ofSeconds(10),
              30,
              366,
              72,
              new QueryApiProperties.Cache(Duration.ofSeconds(60), 100),
              new QueryApiProperties.RateLimit(20, 40)),
          Clock.fixed(Instant.parse("2026-03-15T12:00:00Z"), ZoneOffset.UTC));

  @Test
  void periodDefaultsToTheLastThirtyDaysEndingToday() {
    DateRange range = resolver.period(new PeriodParams(null, null));

    assertThat(range)
        .isEqualTo(new DateRange(LocalDate.of(2026, 2, 14), LocalDate.of(2026, 3, 15)));
    assertThat(range.days()).isEqualTo(30);
  }

  @Test
  void periodMustBeOrderedAndAtMostTheMaximum() {
    assertThatThrownBy(
            () ->
                resolver.period(
                    new PeriodParams(LocalDate.of(2026, 2, 2), LocalDate.of(2026, 2, 1))))
        .hasMessageStartingWith("from: must not be after to");
    assertThatThrownBy(
            () ->
                resolver.period(
                    new PeriodParams(LocalDate.of(2025, 1, 1), LocalDate.of(2026, 1, 2))))
        .hasMessageContaining("367 days");
    assertThat(
            resolver
                .period(new PeriodParams(LocalDate.of(2025, 1, 1), LocalDate.of(2026, 1, 1)))
                .days())
        .isEqualTo(366);
  }

  @Test
  void pageSizeDefaultsAndIsCapped() {
    assertThat(resolver.paging(new PageParams(null, null, null))).isEqualTo(new Paging(0, 50));
    assertThat(resolver.paging(new PageParams(3, 500, null)).offset()).isEqualTo(1500);
    assertThatThrownBy(() -> resolver.paging(new PageParams(0, 501, null)))
        .isInstanceOfSatisfying(
            InvalidParameterException.class, e -> assertThat(e.parameter()).isEqualTo("size"));
  }

  @Test
  void comparisonPeriodsHaveTheSameDays() {
    DateRange march = new DateRange(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31));

    assertThat(march.previousYear())
        .isEqualTo(new DateRange(LocalDate.of(2025, 3, 1), LocalDate.of(2025, 3, 31)));
    assertThat(march.previousPeriod())
        .isEqualTo(new DateRange(LocalDate.of(2026, 1, 29), LocalDate.of(2026, 2, 28)));
  }
}
