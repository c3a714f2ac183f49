package io.customer360.query.customers;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * One of the top customers by spend over a period.
 *
 * @param rank 1 for the biggest spender
 * @param customerId CRM customer id
 * @param spend net spend of non-cancelled orders, USD
 * @param orders distinct orders
 * @param units widgets bought
 * @param avgSpendPerOrder spend / orders
 * @param couponsApplied orders with a coupon
 * @param couponValue coupon discounts, USD
 * @param topCategories up to three categories with the highest spend, highest first
 * @param links drill-down: profile, order lines, running totals
 */
public record TopSpender(
    long rank,
    String customerId,
    BigDecimal spend,
    long orders,
    long units,
    BigDecimal avgSpendPerOrder,
    long couponsApplied,
    BigDecimal couponValue,
    List<CategorySpend> topCategories,
    Map<String, String> links) {}
