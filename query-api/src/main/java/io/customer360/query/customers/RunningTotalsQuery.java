package io.customer360.query.customers;

import io.customer360.query.web.DateRange;
import io.customer360.query.web.Paging;
import io.customer360.query.web.SortOrder;

/**
 * A validated running-totals question.
 *
 * @param customerId the customer
 * @param period snapshot days
 * @param sort sort of the snapshots
 * @param paging page of snapshots
 */
public record RunningTotalsQuery(
    String customerId, DateRange period, SortOrder sort, Paging paging) {}
