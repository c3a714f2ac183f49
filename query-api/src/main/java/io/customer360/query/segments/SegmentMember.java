package io.customer360.query.segments;

import java.math.BigDecimal;
import java.util.Map;

/**
 * A customer of a segment.
 *
 * @param customerId CRM customer id
 * @param state customer state
 * @param rfmCell recency, frequency and monetary scores
 * @param recencyScore 1 (long ago) to 5 (recent)
 * @param frequencyScore 1 (rare) to 5 (frequent)
 * @param monetaryScore 1 (low) to 5 (high)
 * @param ltvEstimate estimated lifetime value, USD
 * @param links drill-down: profile
 */
public record SegmentMember(
    String customerId,
    String state,
    String rfmCell,
    int recencyScore,
    int frequencyScore,
    int monetaryScore,
    BigDecimal ltvEstimate,
    Map<String, String> links) {}
