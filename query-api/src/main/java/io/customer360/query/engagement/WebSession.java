package io.customer360.query.engagement;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One clickstream session.
 *
 * @param sessionId session id
 * @param customerId customer, once known in the session
 * @param device web, ios or android
 * @param sessionStart first event
 * @param durationSeconds time on site, seconds
 * @param pageViews page and product views
 * @param productsViewed distinct products viewed
 * @param productsPurchased distinct products purchased
 * @param orders purchases
 * @param revenue their value, USD
 * @param entryCampaignId campaign of the entry event
 * @param zip visitor zip code
 */
public record WebSession(
    String sessionId,
    String customerId,
    String device,
    Instant sessionStart,
    int durationSeconds,
    int pageViews,
    int productsViewed,
    int productsPurchased,
    int orders,
    BigDecimal revenue,
    String entryCampaignId,
    String zip) {}
