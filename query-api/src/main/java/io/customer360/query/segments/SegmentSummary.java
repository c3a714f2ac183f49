package io.customer360.query.segments;

import java.math.BigDecimal;
import java.util.Map;

/**
 * One segment of a snapshot.
 *
 * @param segment named segment
 * @param customers customers in it
 * @param share customers / all customers of the snapshot (of the filtered rows)
 * @param avgLtv mean lifetime value estimate, USD
 * @param totalLtv summed lifetime value estimate, USD
 * @param links drill-down: its customers
 */
public record SegmentSummary(
    String segment,
    long customers,
    double share,
    BigDecimal avgLtv,
    BigDecimal totalLtv,
    Map<String, String> links) {}
