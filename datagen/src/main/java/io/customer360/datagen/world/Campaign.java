package io.customer360.datagen.world;

import java.math.BigDecimal;

/**
 * A marketing campaign with its ad links and its coupon.
 *
 * @param id campaign id
 * @param utmSource ad network, e.g. google
 * @param utmMedium cpc, social or email
 * @param utmCampaign campaign slug in the UTM link
 * @param categoryIndex the category it promotes
 * @param couponCode the coupon it hands out
 * @param discountPercent the coupon's discount, percent of the order subtotal
 * @param firstDay first simulated day index it runs
 * @param lastDay last simulated day index it runs (inclusive)
 */
public record Campaign(
    String id,
    String utmSource,
    String utmMedium,
    String utmCampaign,
    int categoryIndex,
    String couponCode,
    BigDecimal discountPercent,
    int firstDay,
    int lastDay) {

  /** Whether it runs on this day. */
  public boolean runsOn(int dayIndex) {
    return dayIndex >= firstDay && dayIndex <= lastDay;
  }
}
