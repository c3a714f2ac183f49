package io.customer360.query.segments;

import io.customer360.query.web.PageResult;
import java.time.LocalDate;

/**
 * Segments and lifetime value of one snapshot.
 *
 * @param snapshotDate the snapshot read, or null when there is none
 * @param segments one page of segments
 */
public record Segments(LocalDate snapshotDate, PageResult<SegmentSummary> segments) {}
