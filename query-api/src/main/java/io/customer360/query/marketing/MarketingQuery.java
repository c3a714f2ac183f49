package io.customer360.query.marketing;

import io.customer360.query.web.DateRange;
import io.customer360.query.web.Paging;
import io.customer360.query.web.SortOrder;

/**
 * A validated marketing question; also the cache key of its answer.
 *
 * @param period days
 * @param filter filters
 * @param campaignId the campaign of a daily series, or null
 * @param sort sort
 * @param paging page
 */
public record MarketingQuery(
    DateRange period, MarketingFilter filter, String campaignId, SortOrder sort, Paging paging) {}
