package io.customer360.query.orders;

import io.customer360.query.web.DateRange;
import io.customer360.query.web.Paging;
import io.customer360.query.web.SortOrder;

/**
 * A validated order-line question.
 *
 * @param period order days
 * @param filter filters
 * @param sort sort
 * @param paging page
 */
public record OrderLineQuery(
    DateRange period, OrderLineFilter filter, SortOrder sort, Paging paging) {}
