package io.customer360.query.marketing;

import java.math.BigDecimal;
import java.util.Map;

/**
 * Coupon redemptions of a category, a coupon, or a coupon in a category.
 *
 * @param category product category, or null when grouped by coupon
 * @param couponCode coupon, or null when grouped by category
 * @param campaignId campaign handing out the coupon, or null when grouped by category
 * @param redemptions non-cancelled orders that used a coupon on lines of the category
 * @param discountAmount coupon discounts on those lines, USD
 * @param revenue net revenue of those lines, USD
 * @param links drill-down: the order lines, and per category its coupons
 */
public record CouponRedemptions(
    String category,
    String couponCode,
    String campaignId,
    long redemptions,
    BigDecimal discountAmount,
    BigDecimal revenue,
    Map<String, String> links) {}
