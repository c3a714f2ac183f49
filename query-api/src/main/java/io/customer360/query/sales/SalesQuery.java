package io.customer360.query.sales;

import io.customer360.query.web.DateRange;
import io.customer360.query.web.Paging;
import io.customer360.query.web.SortOrder;

/**
 * A validated sales question; also the cache key of its answer.
 *
 * @param period the period
 * @param comparison the period it is compared with (null for the daily detail)
 * @param byZipOnly rows per zip only, else per zip and category
 * @param zip zip filter, or null
 * @param state state filter, or null
 * @param category category filter, or null
 * @param sort sort
 * @param paging page
 */
public record SalesQuery(
    DateRange period,
    DateRange comparison,
    boolean byZipOnly,
    String zip,
    String state,
    String category,
    SortOrder sort,
    Paging paging) {}
