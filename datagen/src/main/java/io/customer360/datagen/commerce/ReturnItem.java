package io.customer360.datagen.commerce;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A return of (part of) an order line.
 *
 * @param returnId RMA number
 * @param customerIndex who returns it
 * @param orderId the order
 * @param orderItemId the order line
 * @param productId the product
 * @param quantity units returned, at most the line's quantity
 * @param returnedAt when the return was received
 * @param reason why
 * @param refundAmount refund, USD: returned units at the line's net unit price
 */
public record ReturnItem(
    String returnId,
    int customerIndex,
    String orderId,
    String orderItemId,
    String productId,
    int quantity,
    Instant returnedAt,
    String reason,
    BigDecimal refundAmount) {}
