package io.customer360.query.sales;

import io.customer360.query.web.DateRange;
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

/** Sales by zip code and category, this period against the same period a year ago or before. */
@RestController
@Tag(name = "sales")
class SalesController {

  static final SortColumns COMPARISON_SORT =
      SortColumns.defaultTo("revenue", true)
          .allow("revenue", "revenue")
          .allow("previousRevenue", "previous_revenue")
          .allow("revenueChange", "revenue_change")
          .allow("orders", "orders")
          .allow("units", "units")
          .allow("zip", "zip")
          .allow("state", "state")
          .allow("category", "category")
          .tiebreaker("zip, category");
  static final SortColumns DAILY_SORT =
      SortColumns.defaultTo("orderDate", false)
          .allow("orderDate", "order_date")
          .allow("revenue", "revenue")
          .allow("orders", "orders")
          .allow("zip", "zip")
          .allow("category", "category")
          .tiebreaker("order_date, zip, category");

  private final SalesQueries queries;
  private final RequestResolver requests;

  SalesController(SalesQueries queries, RequestResolver requests) {
    this.queries = queries;
    this.requests = requests;
  }

  @GetMapping("/api/v1/sales/by-zip")
  @Operation(
      summary = "Sales by zip code (and category): this period vs a comparison period",
      description =
          "For \"this month vs the same month a year ago\" pass from/to of the month and"
              + " compareTo=previous_year (default); compareTo=previous_period compares with the"
              + " equally long period just before. Sort by revenue (default, desc),"
              + " previousRevenue, revenueChange, orders, units, zip, state or category. Rows link"
              + " to their daily rows, order lines and (per zip) categories.")
  SalesComparison byZip(
      @ParameterObject @Valid PeriodParams period,
      @ParameterObject @Valid SalesFilter filter,
      @ParameterObject @Valid PageParams page) {
    DateRange range = requests.period(period);
    DateRange comparison =
        filter.comparesPreviousPeriod() ? range.previousPeriod() : range.previousYear();
    SalesQuery query =
        new SalesQuery(
            range,
            comparison,
            filter.byZipOnly(),
            filter.zip(),
            filter.state(),
            filter.category(),
            requests.sort(page, COMPARISON_SORT),
            requests.paging(page));
    return new SalesComparison(
        range,
        comparison,
        filter.comparesPreviousPeriod() ? "previous_period" : "previous_year",
        filter.byZipOnly() ? "zip" : "zip_category",
        queries.byZip(query));
  }

  @GetMapping("/api/v1/sales/daily")
  @Operation(
      summary = "Daily sales per zip and category (drill-down)",
      description =
          "Rows of analytics.sales_by_zip_category_daily. Sort by orderDate (default, asc),"
              + " revenue, orders, zip or category. Rows link to their order lines.")
  PageResult<DailySales> daily(
      @ParameterObject @Valid PeriodParams period,
      @ParameterObject @Valid SalesFilter filter,
      @ParameterObject @Valid PageParams page) {
    return queries.daily(
        new SalesQuery(
            requests.period(period),
            null,
            false,
            filter.zip(),
            filter.state(),
            filter.category(),
            requests.sort(page, DAILY_SORT),
            requests.paging(page)));
  }
}
