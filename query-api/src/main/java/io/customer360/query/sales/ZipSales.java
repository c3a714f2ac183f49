package io.customer360.query.sales;

import java.math.BigDecimal;
import java.util.Map;

/**
 * Sales of one zip code (and category) in the period and in the comparison period.
 *
 * @param zip ship zip code
 * @param city city
 * @param state state
 * @param category product category, or null when grouped by zip only
 * @param revenue net revenue of non-cancelled orders in the period, USD
 * @param orders orders in the period (an order spanning categories counts once per category)
 * @param units units in the period
 * @param previousRevenue revenue in the comparison period
 * @param previousOrders orders in the comparison period
 * @param previousUnits units in the comparison period
 * @param revenueChange revenue - previousRevenue
 * @param revenueChangePercent change relative to previousRevenue, or null when that is zero
 * @param links drill-down: daily rows, order lines, and (per zip) the categories
 */
public record ZipSales(
    String zip,
    String city,
    String state,
    String category,
    BigDecimal revenue,
    long orders,
    long units,
    BigDecimal previousRevenue,
    long previousOrders,
    long previousUnits,
    BigDecimal revenueChange,
    BigDecimal revenueChangePercent,
    Map<String, String> links) {}
