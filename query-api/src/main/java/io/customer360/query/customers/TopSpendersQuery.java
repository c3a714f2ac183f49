package io.customer360.query.customers;

import io.customer360.query.web.DateRange;
import io.customer360.query.web.Paging;
import io.customer360.query.web.SortOrder;
import java.math.BigDecimal;

/**
 * A validated top-spenders question; also the cache key of its answer.
 *
 * @param period order days
 * @param topPercent share of customers kept, by spend
 * @param state customer state filter, or null
 * @param channel channel filter, or null
 * @param category category filter, or null
 * @param sort sort of the page
 * @param paging page
 */
public record TopSpendersQuery(
    DateRange period,
    BigDecimal topPercent,
    String state,
    String channel,
    String category,
    SortOrder sort,
    Paging paging) {}
