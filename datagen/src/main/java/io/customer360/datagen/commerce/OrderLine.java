package io.customer360.datagen.commerce;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One order line.
 *
 * @param itemId order item id
 * @param orderId the order
 * @param productId the product
 * @param category the product's category at order time
 * @param quantity units bought
 * @param unitPrice price per unit, USD
 * @param discount this line's share of the order's coupon discount, USD
 * @param createdAt when the line was written (the order time)
 */
public record OrderLine(
    String itemId,
    String orderId,
    String productId,
    String category,
    int quantity,
    BigDecimal unitPrice,
    BigDecimal discount,
    Instant createdAt) {

  /** Quantity times unit price. */
  public BigDecimal amount() {
    return unitPrice.multiply(BigDecimal.valueOf(quantity));
  }

  /** Amount after this line's discount: what the sales truth counts as revenue. */
  public BigDecimal netAmount() {
    return amount().subtract(discount);
  }
}
