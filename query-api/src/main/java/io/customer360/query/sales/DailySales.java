package io.customer360.query.sales;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

/**
 * One row of {@code analytics.sales_by_zip_category_daily}.
 *
 * @param orderDate UTC order day
 * @param zip ship zip code
 * @param city city
 * @param state state
 * @param category product category
 * @param orders distinct orders
 * @param units units
 * @param revenue net revenue, USD
 * @param couponOrders orders with a coupon
 * @param couponDiscount coupon discounts, USD
 * @param links drill-down: the order lines of the day, zip and category
 */
public record DailySales(
    LocalDate orderDate,
    String zip,
    String city,
    String state,
    String category,
    long orders,
    long units,
    BigDecimal revenue,
    long couponOrders,
    BigDecimal couponDiscount,
    Map<String, String> links) {}
