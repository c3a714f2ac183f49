package io.customer360.query.marketing;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One day of a campaign's referrals.
 *
 * @param date UTC session day
 * @param sessions sessions entered through the campaign
 * @param visitors distinct devices
 * @param orders purchases in those sessions
 * @param revenue their value, USD
 */
public record CampaignDay(
    LocalDate date, long sessions, long visitors, long orders, BigDecimal revenue) {}
