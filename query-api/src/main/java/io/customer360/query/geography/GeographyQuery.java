package io.customer360.query.geography;

import io.customer360.query.web.DateRange;
import io.customer360.query.web.Paging;
import io.customer360.query.web.SortOrder;

/**
 * A validated heat-map question; also the cache key of its answer.
 *
 * @param period activity days
 * @param byZip rows per zip (else per state)
 * @param state state filter, or null
 * @param sort sort
 * @param paging page
 */
public record GeographyQuery(
    DateRange period, boolean byZip, String state, SortOrder sort, Paging paging) {}
