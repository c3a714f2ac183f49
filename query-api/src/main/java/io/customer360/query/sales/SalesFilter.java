package io.customer360.query.sales;

import io.customer360.query.web.ParameterPatterns;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.validation.constraints.Pattern;

/**
 * Filters and shape of the sales-by-zip comparison.
 *
 * @param compareTo {@code previous_year} (the same days a year earlier, default) or {@code
 *     previous_period} (the equally long period just before)
 * @param groupBy {@code zip_category} (default) or {@code zip}
 * @param zip one ship zip code
 * @param state ship state
 * @param category product category
 */
public record SalesFilter(
    @Parameter(description = "previous_year (default) or previous_period.")
        @Pattern(regexp = "previous_year|previous_period")
        String compareTo,
    @Parameter(description = "zip_category (default) or zip.") @Pattern(regexp = "zip|zip_category")
        String groupBy,
    @Parameter(description = "Ship zip code.") @Pattern(regexp = ParameterPatterns.ZIP) String zip,
    @Parameter(description = "Ship state.") @Pattern(regexp = ParameterPatterns.STATE) String state,
    @Parameter(description = "Product category.") @Pattern(regexp = ParameterPatterns.CATEGORY)
        String category) {

  /** Whether the comparison period is the previous period rather than the previous year. */
  boolean comparesPreviousPeriod() {
    return "previous_period".equals(compareTo);
  }

  /** Whether rows are per zip only (else per zip and category). */
  boolean byZipOnly() {
    return "zip".equals(groupBy);
  }
}
