package io.customer360.query.customers;

import io.customer360.query.web.ParameterPatterns;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Pattern;
import java.math.BigDecimal;

/**
 * Filters of the top-spender list.
 *
 * @param topPercent keep the top p% of customers by spend (0 < p ≤ 100)
 * @param state only orders of customers living in this state (as of the order)
 * @param channel only orders placed on this channel
 * @param category only spend on this product category
 */
public record TopSpendersFilter(
    @Parameter(description = "Top p% of customers by spend, 0 < p ≤ 100. Default 10.")
        @DecimalMin(value = "0", inclusive = false)
        @DecimalMax("100")
        BigDecimal topPercent,
    @Parameter(description = "Customer's state as of the order, e.g. TX.")
        @Pattern(regexp = ParameterPatterns.STATE)
        String state,
    @Parameter(description = "web, ios or android.") @Pattern(regexp = ParameterPatterns.CHANNEL)
        String channel,
    @Parameter(description = "Only spend on this product category, e.g. garden.")
        @Pattern(regexp = ParameterPatterns.CATEGORY)
        String category) {

  static final BigDecimal DEFAULT_TOP_PERCENT = BigDecimal.TEN;

  /** The top percentage asked for, or the default. */
  BigDecimal topPercentOrDefault() {
    return topPercent == null ? DEFAULT_TOP_PERCENT : topPercent.stripTrailingZeros();
  }
}
