package io.customer360.datagen.commerce;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * An order with its lines, its amounts and its whole status history, decided when it is placed. The
 * history is revealed day by day through DMS change files.
 *
 * @param id order id
 * @param customerIndex index of the buyer in the population
 * @param customerId CRM id of the buyer
 * @param orderTs when it was placed
 * @param channel web, ios or android
 * @param couponCode redeemed coupon, or null
 * @param campaignId campaign of the coupon, or null
 * @param lines the order lines
 * @param subtotal sum of line amounts, USD
 * @param discount coupon discount, USD
 * @param shipping shipping charge, USD
 * @param tax sales tax, USD
 * @param total what the customer pays, USD
 * @param shipZip delivery zip code
 * @param history status changes in time order, starting with placed
 */
public record Order(
    String id,
    int customerIndex,
    String customerId,
    Instant orderTs,
    String channel,
    String couponCode,
    String campaignId,
    List<OrderLine> lines,
    BigDecimal subtotal,
    BigDecimal discount,
    BigDecimal shipping,
    BigDecimal tax,
    BigDecimal total,
    String shipZip,
    List<StatusChange> history) {

  public Order {
    lines = List.copyOf(lines);
    history = List.copyOf(history);
  }

  /** The status in effect at an instant (placed before any change). */
  public String statusAt(Instant when) {
    String status = history.get(0).status();
    for (StatusChange change : history) {
      if (!change.at().isAfter(when)) {
        status = change.status();
      }
    }
    return status;
  }

  /** When it was delivered, if it ever is. */
  public Instant deliveredAt() {
    return history.stream()
        .filter(c -> c.status().equals("delivered"))
        .map(StatusChange::at)
        .findFirst()
        .orElse(null);
  }
}
