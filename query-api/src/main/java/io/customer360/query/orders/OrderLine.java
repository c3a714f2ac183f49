package io.customer360.query.orders;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One order line as {@code analytics.order_lines} shows it.
 *
 * @param orderLineId order line id
 * @param orderId order id
 * @param orderDate UTC order day
 * @param orderTs when the order was placed
 * @param status latest order status
 * @param channel web, ios or android
 * @param customerId CRM customer id
 * @param shipZip ship zip
 * @param shipState ship state
 * @param productId product id
 * @param productName product name at order time
 * @param category product category
 * @param quantity units
 * @param unitPrice unit price, USD
 * @param discountAmount coupon discount of the line, USD
 * @param netAmount line revenue, USD
 * @param couponCode coupon, or null
 * @param campaignId campaign, or null
 * @param returnedQuantity units returned so far
 * @param returnedAmount refunds so far, USD
 */
public record OrderLine(
    String orderLineId,
    String orderId,
    LocalDate orderDate,
    Instant orderTs,
    String status,
    String channel,
    String customerId,
    String shipZip,
    String shipState,
    String productId,
    String productName,
    String category,
    int quantity,
    BigDecimal unitPrice,
    BigDecimal discountAmount,
    BigDecimal netAmount,
    String couponCode,
    String campaignId,
    int returnedQuantity,
    BigDecimal returnedAmount) {}
