package io.customer360.query.geography;

import java.math.BigDecimal;
import java.util.Map;

/**
 * Activity of a state or zip code over a period, for the heat map.
 *
 * @param state state
 * @param zip zip code, or null at state level
 * @param city city, or null at state level
 * @param latitude centre (mean of its zips at state level), or null when unknown
 * @param longitude centre likewise
 * @param sessions web sessions
 * @param activeCustomerDays distinct active customers per day, summed over the days
 * @param orders non-cancelled orders shipped there
 * @param revenue their net revenue, USD
 * @param links drill-down: zips of a state, order lines of a zip
 */
public record GeoActivity(
    String state,
    String zip,
    String city,
    Double latitude,
    Double longitude,
    long sessions,
    long activeCustomerDays,
    long orders,
    BigDecimal revenue,
    Map<String, String> links) {}
