package io.customer360.query.returns;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One return from {@code analytics.returns}.
 *
 * @param returnId return id
 * @param orderId order id
 * @param orderLineId order line id
 * @param customerId customer
 * @param productId product id
 * @param productName product name
 * @param category product category
 * @param returnDate UTC return day
 * @param returnedAt when received
 * @param quantity units returned
 * @param reason reason
 * @param refundAmount refund, USD
 */
public record ProductReturn(
    String returnId,
    String orderId,
    String orderLineId,
    String customerId,
    String productId,
    String productName,
    String category,
    LocalDate returnDate,
    Instant returnedAt,
    int quantity,
    String reason,
    BigDecimal refundAmount) {}
