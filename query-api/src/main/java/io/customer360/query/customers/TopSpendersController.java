package io.customer360.query.customers;

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

/** Top customers by spend, with their top categories. */
@RestController
@Tag(name = "customers")
class TopSpendersController {

  static final SortColumns SORT =
      SortColumns.defaultTo("spend", true)
          .allow("spend", "spend")
          .allow("rank", "spend_rank")
          .allow("orders", "orders")
          .allow("units", "units")
          .allow("couponValue", "coupon_value")
          .allow("customerId", "customer_id")
          .tiebreaker("customer_id");

  private final TopSpenderQueries queries;
  private final RequestResolver requests;

  TopSpendersController(TopSpenderQueries queries, RequestResolver requests) {
    this.queries = queries;
    this.requests = requests;
  }

  @GetMapping("/api/v1/customers/top-spenders")
  @Operation(
      summary = "Top customers by spend over a period (the top p%), with their top categories",
      description =
          "Spend = net amount of non-cancelled order lines with order_date in the period. Sort by"
              + " spend (default, desc), rank, orders, units, couponValue or customerId. Each row"
              + " links to the profile, the order lines and the running totals.")
  PageResult<TopSpender> topSpenders(
      @ParameterObject @Valid PeriodParams period,
      @ParameterObject @Valid TopSpendersFilter filter,
      @ParameterObject @Valid PageParams page) {
    return queries.topSpenders(
        new TopSpendersQuery(
            requests.period(period),
            filter.topPercentOrDefault(),
            filter.state(),
            filter.channel(),
            filter.category(),
            requests.sort(page, SORT),
            requests.paging(page)));
  }
}
