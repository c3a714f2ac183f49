package io.customer360.query.geography;

import io.customer360.query.web.ParameterPatterns;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.validation.constraints.Pattern;

/**
 * Filters of the geography heat map.
 *
 * @param level state (default) or zip
 * @param state only this state (drill-down from a state to its zips)
 */
public record GeographyFilter(
    @Parameter(description = "state (default) or zip.") @Pattern(regexp = "state|zip") String level,
    @Parameter(description = "Only this state.") @Pattern(regexp = ParameterPatterns.STATE)
        String state) {

  /** Whether rows are per zip code (else per state). */
  boolean byZip() {
    return "zip".equals(level);
  }
}
