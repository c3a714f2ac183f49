package io.customer360.query.marketing;

import io.customer360.query.web.ParameterPatterns;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.validation.constraints.Pattern;

/**
 * Filters of the marketing endpoints.
 *
 * @param groupBy coupon redemptions per category (default), coupon, or category_coupon
 * @param category product category (coupon redemptions)
 * @param couponCode one coupon (coupon redemptions)
 * @param campaignId one campaign
 * @param utmSource ad network (campaign referrals)
 * @param utmMedium cpc, social or email (campaign referrals)
 */
public record MarketingFilter(
    @Parameter(description = "category (default), coupon or category_coupon (coupon redemptions).")
        @Pattern(regexp = "category|coupon|category_coupon")
        String groupBy,
    @Parameter(description = "Product category.") @Pattern(regexp = ParameterPatterns.CATEGORY)
        String category,
    @Parameter(description = "Coupon code.") @Pattern(regexp = ParameterPatterns.ID)
        String couponCode,
    @Parameter(description = "Campaign id.") @Pattern(regexp = ParameterPatterns.ID)
        String campaignId,
    @Parameter(description = "utm_source, e.g. google.") @Pattern(regexp = ParameterPatterns.UTM)
        String utmSource,
    @Parameter(description = "utm_medium, e.g. cpc.") @Pattern(regexp = ParameterPatterns.UTM)
        String utmMedium) {

  /** Whether coupon rows carry the category. */
  boolean byCategory() {
    return groupBy == null || groupBy.startsWith("category");
  }

  /** Whether coupon rows carry the coupon. */
  boolean byCoupon() {
    return groupBy != null && groupBy.endsWith("coupon");
  }

  /** The grouping, spelled as in the API. */
  String groupByOrDefault() {
    return groupBy == null ? "category" : groupBy;
  }
}
