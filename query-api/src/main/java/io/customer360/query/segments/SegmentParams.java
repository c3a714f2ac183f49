package io.customer360.query.segments;

import io.customer360.query.web.ParameterPatterns;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.validation.constraints.Pattern;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * Which snapshot and filters the segment endpoints use.
 *
 * @param asOf use the latest snapshot on or before this day (default: the latest)
 * @param segment one segment (summary only)
 * @param state customer state (members only)
 */
public record SegmentParams(
    @Parameter(description = "Latest snapshot on or before this day (yyyy-MM-dd). Default: latest.")
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
        LocalDate asOf,
    @Parameter(description = "One segment, e.g. champions.")
        @Pattern(regexp = ParameterPatterns.SEGMENT)
        String segment,
    @Parameter(description = "Customer state (members only).")
        @Pattern(regexp = ParameterPatterns.STATE)
        String state) {}
