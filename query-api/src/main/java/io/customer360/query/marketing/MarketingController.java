package io.customer360.query.marketing;

import io.customer360.query.web.PageParams;
import io.customer360.query.web.PageResult;
import io.customer360.query.web.ParameterPatterns;
import io.customer360.query.web.PeriodParams;
import io.customer360.query.web.RequestResolver;
import io.customer360.query.web.SortColumns;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Coupon redemptions by category and top campaign referrals. */
@RestController
@Tag(name = "marketing")
class MarketingController {

  static final SortColumns COUPON_SORT =
      SortColumns.defaultTo("redemptions", true)
          .allow("redemptions", "redemptions")
          .allow("discountAmount", "discount_amount")
          .allow("revenue", "revenue")
          .allow("category", "category")
          .allow("couponCode", "coupon_code")
          .tiebreaker("category, coupon_code");
  static final SortColumns REFERRAL_SORT =
      SortColumns.defaultTo("sessions", true)
          .allow("sessions", "sessions")
          .allow("visitorDays", "visitor_days")
          .allow("orders", "orders")
          .allow("revenue", "revenue")
          .allow("campaignId", "campaign_id")
          .tiebreaker("campaign_id");
  static final SortColumns DAY_SORT =
      SortColumns.defaultTo("date", false)
          .allow("date", "referral_date")
          .allow("sessions", "sessions")
          .allow("orders", "orders")
          .tiebreaker("referral_date");

  private final MarketingQueries queries;
  private final RequestResolver requests;

  MarketingController(MarketingQueries queries, RequestResolver requests) {
    this.queries = queries;
    this.requests = requests;
  }

  @GetMapping("/api/v1/marketing/coupon-redemptions")
  @Operation(
      summary = "Coupon redemptions by category (or coupon)",
      description =
          "Sort by redemptions (default, desc), discountAmount, revenue, category or couponCode."
              + " Rows link to their order lines and, per category, to its coupons.")
  PageResult<CouponRedemptions> couponRedemptions(
      @ParameterObject @Valid PeriodParams period,
      @ParameterObject @Valid MarketingFilter filter,
      @ParameterObject @Valid PageParams page) {
    return queries.couponRedemptions(query(period, filter, null, page, COUPON_SORT));
  }

  @GetMapping("/api/v1/marketing/campaign-referrals")
  @Operation(
      summary = "Top campaign referrals",
      description =
          "Sessions, visitors, orders and revenue per entry campaign. Sort by sessions (default,"
              + " desc), visitorDays, orders, revenue or campaignId. Rows link to their daily"
              + " series and sessions.")
  PageResult<CampaignReferral> campaignReferrals(
      @ParameterObject @Valid PeriodParams period,
      @ParameterObject @Valid MarketingFilter filter,
      @ParameterObject @Valid PageParams page) {
    return queries.campaignReferrals(query(period, filter, null, page, REFERRAL_SORT));
  }

  @GetMapping("/api/v1/marketing/campaign-referrals/{campaignId}/daily")
  @Operation(
      summary = "One campaign's referrals per day (drill-down)",
      description = "Sort by date (default, asc), sessions or orders.")
  PageResult<CampaignDay> campaignDays(
      @PathVariable @Pattern(regexp = ParameterPatterns.ID) String campaignId,
      @ParameterObject @Valid PeriodParams period,
      @ParameterObject @Valid PageParams page) {
    return queries.campaignDays(
        query(
            period,
            new MarketingFilter(null, null, null, null, null, null),
            campaignId,
            page,
            DAY_SORT));
  }

  private MarketingQuery query(
      PeriodParams period,
      MarketingFilter filter,
      String campaignId,
      PageParams page,
      SortColumns sort) {
    return new MarketingQuery(
        requests.period(period),
        filter,
        campaignId,
        requests.sort(page, sort),
        requests.paging(page));
  }
}
