package io.customer360.query.engagement;

import io.customer360.query.web.PageParams;
import io.customer360.query.web.PageResult;
import io.customer360.query.web.PeriodParams;
import io.customer360.query.web.RequestResolver;
import io.customer360.query.web.SortColumns;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Average time on site, and products browsed vs purchased. */
@RestController
@Tag(name = "engagement")
class EngagementController {

  static final SortColumns BUCKET_SORT =
      SortColumns.defaultTo("start", false)
          .allow("start", "bucket_start")
          .allow("sessions", "sessions")
          .allow("avgDurationSeconds", "avg_duration_seconds")
          .allow("productsViewed", "products_viewed")
          .allow("productsPurchased", "products_purchased")
          .tiebreaker("bucket_start");
  static final SortColumns SESSION_SORT =
      SortColumns.defaultTo("sessionStart", true)
          .allow("sessionStart", "session_start")
          .allow("durationSeconds", "duration_seconds")
          .allow("productsViewed", "products_viewed")
          .allow("productsPurchased", "products_purchased")
          .allow("revenue", "revenue")
          .tiebreaker("session_id");

  private final EngagementQueries queries;
  private final RequestResolver requests;

  EngagementController(EngagementQueries queries, RequestResolver requests) {
    this.queries = queries;
    this.requests = requests;
  }

  @GetMapping("/api/v1/engagement/sessions")
  @Operation(
      summary = "Average time on site, and products browsed vs purchased",
      description =
          "Totals over the period and a series per day, week or month. Buckets sort by start"
              + " (default, asc), sessions, avgDurationSeconds, productsViewed or"
              + " productsPurchased; each links to its sessions.")
  Engagement engagement(
      @ParameterObject @Valid PeriodParams period,
      @ParameterObject @Valid EngagementFilter filter,
      @ParameterObject @Valid PageParams page) {
    return queries.engagement(query(period, filter, page, BUCKET_SORT));
  }

  @GetMapping("/api/v1/engagement/sessions/list")
  @Operation(
      summary = "Sessions (drill-down)",
      description =
          "Sort by sessionStart (default, desc), durationSeconds, productsViewed,"
              + " productsPurchased or revenue.")
  PageResult<WebSession> sessions(
      @ParameterObject @Valid PeriodParams period,
      @ParameterObject @Valid EngagementFilter filter,
      @ParameterObject @Valid PageParams page) {
    return queries.sessions(query(period, filter, page, SESSION_SORT));
  }

  private EngagementQuery query(
      PeriodParams period, EngagementFilter filter, PageParams page, SortColumns sort) {
    return new EngagementQuery(
        requests.period(period),
        EngagementQueries.grainOf(filter),
        filter,
        requests.sort(page, sort),
        requests.paging(page));
  }
}
