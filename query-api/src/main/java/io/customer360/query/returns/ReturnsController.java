package io.customer360.query.returns;

import io.customer360.query.sql.Grain;
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

/** Top returned products per day, week or month, and the returns behind them. */
@RestController
@Tag(name = "returns")
class ReturnsController {

  static final SortColumns TOP_SORT =
      SortColumns.defaultTo("periodStart", false)
          .allow("periodStart", "bucket_start")
          .allow("rank", "product_rank")
          .allow("returns", "returns")
          .allow("unitsReturned", "units_returned")
          .allow("refundAmount", "refund_amount")
          .tiebreaker("bucket_start, product_rank");
  static final SortColumns RETURN_SORT =
      SortColumns.defaultTo("returnedAt", true)
          .allow("returnedAt", "returned_at")
          .allow("refundAmount", "refund_amount")
          .allow("quantity", "quantity")
          .allow("productId", "product_id")
          .tiebreaker("return_id");

  private final ReturnsQueries queries;
  private final RequestResolver requests;

  ReturnsController(ReturnsQueries queries, RequestResolver requests) {
    this.queries = queries;
    this.requests = requests;
  }

  @GetMapping("/api/v1/returns/top-products")
  @Operation(
      summary = "Top returned products per day, week or month",
      description =
          "Products ranked within each bucket by returns, then units returned, refunds and id;"
              + " buckets are cut at the period's ends. Sort by periodStart (default, asc), rank,"
              + " returns, unitsReturned or refundAmount. Rows link to their returns.")
  PageResult<ReturnedProduct> topProducts(
      @ParameterObject @Valid PeriodParams period,
      @ParameterObject @Valid ReturnsFilter filter,
      @ParameterObject @Valid PageParams page) {
    return queries.topProducts(query(period, filter, page, TOP_SORT));
  }

  @GetMapping("/api/v1/returns")
  @Operation(
      summary = "Returns (drill-down)",
      description = "Sort by returnedAt (default, desc), refundAmount, quantity or productId.")
  PageResult<ProductReturn> returns(
      @ParameterObject @Valid PeriodParams period,
      @ParameterObject @Valid ReturnsFilter filter,
      @ParameterObject @Valid PageParams page) {
    return queries.returns(query(period, filter, page, RETURN_SORT));
  }

  private ReturnsQuery query(
      PeriodParams period, ReturnsFilter filter, PageParams page, SortColumns sort) {
    return new ReturnsQuery(
        requests.period(period),
        Grain.of(filter.grain(), Grain.DAY),
        filter.topOrDefault(),
        filter,
        requests.sort(page, sort),
        requests.paging(page));
  }
}
