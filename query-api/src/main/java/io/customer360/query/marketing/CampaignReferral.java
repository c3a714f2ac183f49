package io.customer360.query.marketing;

import java.math.BigDecimal;
import java.util.Map;

/**
 * What a campaign referred over a period (sessions that entered through it).
 *
 * @param campaignId campaign
 * @param utmCampaign campaign slug
 * @param utmSource ad network
 * @param utmMedium cpc, social or email
 * @param promotedCategory category the campaign promotes
 * @param sessions sessions entered through the campaign
 * @param visitorDays distinct visitors per day, summed over the days
 * @param orders purchases in those sessions
 * @param revenue value of those purchases, USD
 * @param ordersPerSession orders / sessions
 * @param links drill-down: daily series, sessions
 */
public record CampaignReferral(
    String campaignId,
    String utmCampaign,
    String utmSource,
    String utmMedium,
    String promotedCategory,
    long sessions,
    long visitorDays,
    long orders,
    BigDecimal revenue,
    Double ordersPerSession,
    Map<String, String> links) {}
