package io.customer360.query.geography;

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

/** Activity by geography, for a heat map. */
@RestController
@Tag(name = "geography")
class GeographyController {

  static final SortColumns SORT =
      SortColumns.defaultTo("sessions", true)
          .allow("sessions", "sessions")
          .allow("activeCustomerDays", "active_customer_days")
          .allow("orders", "orders")
          .allow("revenue", "revenue")
          .allow("state", "state")
          .allow("zip", "zip")
          .tiebreaker("state, zip");

  private final GeographyQueries queries;
  private final RequestResolver requests;

  GeographyController(GeographyQueries queries, RequestResolver requests) {
    this.queries = queries;
    this.requests = requests;
  }

  @GetMapping("/api/v1/geography/activity")
  @Operation(
      summary = "Activity by state or zip code (heat map)",
      description =
          "Sessions, active customers, orders and revenue with coordinates. Sort by sessions"
              + " (default, desc), activeCustomerDays, orders, revenue, state or zip. A state"
              + " links to its zips (level=zip&state=..), a zip to its order lines and sessions.")
  PageResult<GeoActivity> activity(
      @ParameterObject @Valid PeriodParams period,
      @ParameterObject @Valid GeographyFilter filter,
      @ParameterObject @Valid PageParams page) {
    return queries.activity(
        new GeographyQuery(
            requests.period(period),
            filter.byZip(),
            filter.state(),
            requests.sort(page, SORT),
            requests.paging(page)));
  }
}
