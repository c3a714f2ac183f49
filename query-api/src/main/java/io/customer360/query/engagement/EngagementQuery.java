package io.customer360.query.engagement;

import io.customer360.query.sql.Grain;
import io.customer360.query.web.DateRange;
import io.customer360.query.web.Paging;
import io.customer360.query.web.SortOrder;

/**
 * A validated engagement question; also the cache key of its answer.
 *
 * @param period session days
 * @param grain bucket of the series
 * @param filter filters
 * @param sort sort
 * @param paging page
 */
public record EngagementQuery(
    DateRange period, Grain grain, EngagementFilter filter, SortOrder sort, Paging paging) {}
