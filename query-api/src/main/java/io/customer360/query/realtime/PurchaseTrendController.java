package io.customer360.query.realtime;

import io.customer360.apisecurity.problem.InvalidParameterException;
import io.customer360.query.web.Links;
import io.customer360.query.web.PageParams;
import io.customer360.query.web.PageResult;
import io.customer360.query.web.Paging;
import io.customer360.query.web.RequestResolver;
import io.customer360.query.web.SortColumns;
import io.customer360.query.web.SortOrder;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The real-time purchase trend: purchases per minute over the last N hours. */
@RestController
@Tag(name = "realtime")
class PurchaseTrendController {

  static final SortColumns SORT =
      SortColumns.defaultTo("start", false).allow("start", "minute_start").tiebreaker("");

  private final PurchaseTrendQueries queries;
  private final RequestResolver requests;

  PurchaseTrendController(PurchaseTrendQueries queries, RequestResolver requests) {
    this.queries = queries;
    this.requests = requests;
  }

  @GetMapping("/api/v1/purchases/per-minute")
  @Operation(
      summary = "Real-time purchase trend: purchases per minute over the last N hours",
      description =
          "Every bucket of the window is present, zero where nothing was bought. Filters by"
              + " channel, category or state read the order lines instead of the per-minute"
              + " aggregate. Points sort by start (asc default, or start,desc); each links to its"
              + " order lines.")
  PurchaseTrend perMinute(
      @ParameterObject @Valid TrendParams params, @ParameterObject @Valid PageParams page) {
    int hours = params.hours() == null ? 1 : params.hours();
    int maxHours = requests.properties().maxTrendHours();
    if (hours > maxHours) {
      throw new InvalidParameterException("hours", "must be at most " + maxHours);
    }
    int bucket = params.bucketMinutesOrDefault();
    Instant until =
        params.until() != null
            ? params.until().truncatedTo(ChronoUnit.MINUTES)
            : requests.now().truncatedTo(ChronoUnit.MINUTES).plus(1, ChronoUnit.MINUTES);
    Instant from = until.minus(hours, ChronoUnit.HOURS);
    Map<Instant, PurchaseTrend.Figures> minutes = queries.perMinute(from, until, params);
    List<PurchaseTrend.Point> points = buckets(from, until, bucket, minutes);
    PurchaseTrend.Figures totals =
        minutes.values().stream().reduce(PurchaseTrend.Figures.ZERO, PurchaseTrend.Figures::plus);
    return new PurchaseTrend(
        from,
        until,
        bucket,
        PurchaseTrendQueries.source(params),
        totals,
        page(points, requests.sort(page, SORT), requests.paging(page)));
  }

  private static List<PurchaseTrend.Point> buckets(
      Instant from, Instant until, int bucketMinutes, Map<Instant, PurchaseTrend.Figures> minutes) {
    Duration step = Duration.ofMinutes(bucketMinutes);
    List<PurchaseTrend.Point> points = new ArrayList<>();
    for (Instant start = from; start.isBefore(until); start = start.plus(step)) {
      Instant end = start.plus(step).isAfter(until) ? until : start.plus(step);
      PurchaseTrend.Figures sum = PurchaseTrend.Figures.ZERO;
      for (Instant m = start; m.isBefore(end); m = m.plus(1, ChronoUnit.MINUTES)) {
        sum = sum.plus(minutes.getOrDefault(m, PurchaseTrend.Figures.ZERO));
      }
      points.add(new PurchaseTrend.Point(start, sum, Map.of("orderLines", link(start, end))));
    }
    return points;
  }

  private static String link(Instant start, Instant end) {
    return Links.to("/api/v1/order-lines")
        .param("from", start.atOffset(ZoneOffset.UTC).toLocalDate())
        .param("to", end.minusNanos(1).atOffset(ZoneOffset.UTC).toLocalDate())
        .param("fromTime", start)
        .param("toTime", end)
        .build();
  }

  private static PageResult<PurchaseTrend.Point> page(
      List<PurchaseTrend.Point> points, SortOrder sort, Paging paging) {
    List<PurchaseTrend.Point> ordered = new ArrayList<>(points);
    if (sort.descending()) {
      Collections.reverse(ordered);
    }
    int fromIndex = (int) Math.min(paging.offset(), ordered.size());
    int toIndex = Math.min(fromIndex + paging.size(), ordered.size());
    return PageResult.of(ordered.subList(fromIndex, toIndex), paging, ordered.size(), sort);
  }
}
