package io.customer360.query.segments;

import io.customer360.query.web.Paging;
import io.customer360.query.web.SortOrder;
import java.time.LocalDate;

/**
 * A validated segment question; also the cache key of its answer.
 *
 * @param snapshotDate the snapshot read
 * @param segment segment filter, or null
 * @param state state filter, or null
 * @param sort sort
 * @param paging page
 */
public record SegmentQuery(
    LocalDate snapshotDate, String segment, String state, SortOrder sort, Paging paging) {}
