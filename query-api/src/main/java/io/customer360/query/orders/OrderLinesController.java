package io.customer360.query.orders;

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

/** Order lines: the detail behind sales, coupon, geography, trend and customer summaries. */
@RestController
@Tag(name = "orders")
class OrderLinesController {

  static final SortColumns SORT =
      SortColumns.defaultTo("orderTs", true)
          .allow("orderTs", "order_ts")
          .allow("orderDate", "order_date")
          .allow("netAmount", "net_amount")
          .allow("quantity", "quantity")
          .allow("orderId", "order_id")
          .tiebreaker("order_line_id");

  private final OrderLineQueries queries;
  private final RequestResolver requests;

  OrderLinesController(OrderLineQueries queries, RequestResolver requests) {
    this.queries = queries;
    this.requests = requests;
  }

  @GetMapping("/api/v1/order-lines")
  @Operation(
      summary = "Order lines, filtered",
      description =
          "The drill-down target of the summaries. Sort by orderTs (default, desc), orderDate,"
              + " netAmount, quantity or orderId. Cancelled lines are included; filter by status.")
  PageResult<OrderLine> orderLines(
      @ParameterObject @Valid PeriodParams period,
      @ParameterObject @Valid OrderLineFilter filter,
      @ParameterObject @Valid PageParams page) {
    return queries.orderLines(
        new OrderLineQuery(
            requests.period(period), filter, requests.sort(page, SORT), requests.paging(page)));
  }
}
