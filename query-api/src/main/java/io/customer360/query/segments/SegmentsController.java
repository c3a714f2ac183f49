package io.customer360.query.segments;

import io.customer360.query.web.PageParams;
import io.customer360.query.web.PageResult;
import io.customer360.query.web.Paging;
import io.customer360.query.web.ParameterPatterns;
import io.customer360.query.web.RequestResolver;
import io.customer360.query.web.SortColumns;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import java.time.LocalDate;
import java.util.List;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Customer segments and lifetime value. */
@RestController
@Tag(name = "segments")
class SegmentsController {

  static final SortColumns SUMMARY_SORT =
      SortColumns.defaultTo("customers", true)
          .allow("customers", "customers")
          .allow("avgLtv", "avg_ltv")
          .allow("totalLtv", "total_ltv")
          .allow("segment", "segment")
          .tiebreaker("segment");
  static final SortColumns MEMBER_SORT =
      SortColumns.defaultTo("ltvEstimate", true)
          .allow("ltvEstimate", "ltv_estimate")
          .allow("monetaryScore", "monetary_score")
          .allow("recencyScore", "recency_score")
          .allow("customerId", "customer_id")
          .tiebreaker("customer_id");

  private final SegmentQueries queries;
  private final RequestResolver requests;

  SegmentsController(SegmentQueries queries, RequestResolver requests) {
    this.queries = queries;
    this.requests = requests;
  }

  @GetMapping("/api/v1/segments")
  @Operation(
      summary = "Segments and lifetime value",
      description =
          "Customers, share and lifetime value per RFM segment of the latest snapshot on or before"
              + " asOf. Sort by customers (default, desc), avgLtv, totalLtv or segment. Each"
              + " links to its customers.")
  Segments segments(
      @ParameterObject @Valid SegmentParams params, @ParameterObject @Valid PageParams page) {
    SegmentQuery query = query(params, params.segment(), page, SUMMARY_SORT);
    if (query.snapshotDate() == null) {
      return new Segments(null, emptyPage(query.paging(), query));
    }
    return new Segments(query.snapshotDate(), queries.summary(query));
  }

  @GetMapping("/api/v1/segments/{segment}/customers")
  @Operation(
      summary = "Customers of a segment (drill-down)",
      description =
          "Sort by ltvEstimate (default, desc), monetaryScore, recencyScore or customerId.")
  PageResult<SegmentMember> members(
      @PathVariable @Pattern(regexp = ParameterPatterns.SEGMENT) String segment,
      @ParameterObject @Valid SegmentParams params,
      @ParameterObject @Valid PageParams page) {
    SegmentQuery query = query(params, segment, page, MEMBER_SORT);
    if (query.snapshotDate() == null) {
      return emptyPage(query.paging(), query);
    }
    return queries.members(query);
  }

  private SegmentQuery query(
      SegmentParams params, String segment, PageParams page, SortColumns sort) {
    Paging paging = requests.paging(page);
    var order = requests.sort(page, sort);
    LocalDate snapshot = queries.snapshotOn(params.asOf()).orElse(null);
    return new SegmentQuery(snapshot, segment, params.state(), order, paging);
  }

  private static <T> PageResult<T> emptyPage(Paging paging, SegmentQuery query) {
    return PageResult.of(List.of(), paging, 0, query.sort());
  }
}
