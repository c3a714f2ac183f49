package io.customer360.datagen.session;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One clickstream event in its clean form; fields that do not apply are null.
 *
 * @param eventId unique id, kept on re-sends
 * @param eventType one of the contract's event types
 * @param sessionId client session, also the Kinesis partition key
 * @param occurredAt when it happened
 * @param visitor who and on what device
 * @param page page path
 * @param referrer referring URL
 * @param utm UTM parameters of an ad click
 * @param searchQuery text searched
 * @param productId product viewed, carted or bought
 * @param category its category
 * @param price unit price
 * @param quantity units
 * @param orderId order, on checkout, purchase and coupon redemption
 * @param couponCode coupon, on redemption and purchase
 * @param campaignId campaign, on ad clicks and coupon redemptions
 */
public record ClickEvent(
    String eventId,
    String eventType,
    String sessionId,
    Instant occurredAt,
    Visitor visitor,
    String page,
    String referrer,
    Utm utm,
    String searchQuery,
    String productId,
    String category,
    BigDecimal price,
    Integer quantity,
    String orderId,
    String couponCode,
    String campaignId) {

  /**
   * UTM parameters of a campaign link.
   *
   * @param source utm_source
   * @param medium utm_medium
   * @param campaign utm_campaign
   * @param content utm_content
   * @param term utm_term
   */
  public record Utm(String source, String medium, String campaign, String content, String term) {}
}
