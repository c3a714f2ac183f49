package io.customer360.query.returns;

import io.customer360.query.sql.Grain;
import io.customer360.query.web.DateRange;
import io.customer360.query.web.Paging;
import io.customer360.query.web.SortOrder;

/**
 * A validated returns question; also the cache key of its answer.
 *
 * @param period return days
 * @param grain bucket
 * @param top products per bucket
 * @param filter filters
 * @param sort sort
 * @param paging page
 */
public record ReturnsQuery(
    DateRange period, Grain grain, int top, ReturnsFilter filter, SortOrder sort, Paging paging) {}
