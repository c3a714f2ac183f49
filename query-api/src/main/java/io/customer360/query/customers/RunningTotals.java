package io.customer360.query.customers;

import io.customer360.query.web.PageResult;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

/**
 * A customer's running totals: the daily feature snapshots ({@code analytics.customer_features}) of
 * a period, each holding the totals to the end of its day.
 *
 * @param customerId CRM customer id
 * @param from first snapshot day asked for
 * @param to last snapshot day asked for
 * @param latest the newest snapshot in the period, or null when there is none
 * @param snapshots the snapshots of the period, one page
 */
public record RunningTotals(
    String customerId,
    LocalDate from,
    LocalDate to,
    Snapshot latest,
    PageResult<Snapshot> snapshots) {

  /**
   * Totals to the end of one day, non-cancelled orders only.
   *
   * @param snapshotDate the day
   * @param ordersTotal orders to date
   * @param unitsTotal widgets bought to date
   * @param unitsByCategory widgets bought to date per category
   * @param spendTotal net spend to date, USD
   * @param avgSpendPerSale spend per order, or null without orders
   * @param avgSpendPerMonth spend per month of tenure, USD
   * @param couponsApplied orders with a coupon to date
   * @param couponValueTotal coupon discounts to date, USD
   */
  public record Snapshot(
      LocalDate snapshotDate,
      int ordersTotal,
      int unitsTotal,
      Map<String, Integer> unitsByCategory,
      BigDecimal spendTotal,
      BigDecimal avgSpendPerSale,
      BigDecimal avgSpendPerMonth,
      int couponsApplied,
      BigDecimal couponValueTotal) {}
}
