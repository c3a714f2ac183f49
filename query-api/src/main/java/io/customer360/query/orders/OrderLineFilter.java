package io.customer360.query.orders;

import io.customer360.query.web.ParameterPatterns;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.validation.constraints.Pattern;
import java.time.Instant;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * Filters of the order-line list, the drill-down target of most summaries.
 *
 * @param customerId one customer
 * @param zip ship zip code
 * @param state ship state
 * @param category product category
 * @param productId one product
 * @param couponCode one coupon
 * @param campaignId one campaign
 * @param channel web, ios or android
 * @param status order status
 * @param fromTime only orders placed at or after this instant
 * @param toTime only orders placed before this instant
 */
public record OrderLineFilter(
    @Parameter(description = "CRM customer id.") @Pattern(regexp = ParameterPatterns.ID)
        String customerId,
    @Parameter(description = "Ship zip code.") @Pattern(regexp = ParameterPatterns.ZIP) String zip,
    @Parameter(description = "Ship state.") @Pattern(regexp = ParameterPatterns.STATE) String state,
    @Parameter(description = "Product category.") @Pattern(regexp = ParameterPatterns.CATEGORY)
        String category,
    @Parameter(description = "Product id.") @Pattern(regexp = ParameterPatterns.ID)
        String productId,
    @Parameter(description = "Coupon code.") @Pattern(regexp = ParameterPatterns.ID)
        String couponCode,
    @Parameter(description = "Campaign id.") @Pattern(regexp = ParameterPatterns.ID)
        String campaignId,
    @Parameter(description = "web, ios or android.") @Pattern(regexp = ParameterPatterns.CHANNEL)
        String channel,
    @Parameter(description = "placed, paid, shipped, delivered or cancelled.")
        @Pattern(regexp = "placed|paid|shipped|delivered|cancelled")
        String status,
    @Parameter(description = "Orders placed at or after this instant, e.g. 2026-01-05T10:31:00Z.")
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
        Instant fromTime,
    @Parameter(description = "Orders placed before this instant.")
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
        Instant toTime) {}
