package io.customer360.query.returns;

import io.customer360.query.web.ParameterPatterns;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;

/**
 * Filters of the returns endpoints.
 *
 * @param grain day (default), week or month (top products only)
 * @param top products kept per bucket, 1 to 100 (top products only)
 * @param category product category
 * @param productId one product (return list only)
 * @param reason return reason (return list only)
 */
public record ReturnsFilter(
    @Parameter(description = "day (default), week or month.") @Pattern(regexp = "day|week|month")
        String grain,
    @Parameter(description = "Products per bucket, 1 to 100. Default 5.") @Min(1) @Max(100)
        Integer top,
    @Parameter(description = "Product category.") @Pattern(regexp = ParameterPatterns.CATEGORY)
        String category,
    @Parameter(description = "Product id (return list only).")
        @Pattern(regexp = ParameterPatterns.ID)
        String productId,
    @Parameter(
            description = "damaged, wrong_item, not_as_described, changed_mind, too_late or other.")
        @Pattern(regexp = "[a-z_]{1,32}")
        String reason) {

  /** Products per bucket asked for, default 5. */
  int topOrDefault() {
    return top == null ? 5 : top;
  }
}
