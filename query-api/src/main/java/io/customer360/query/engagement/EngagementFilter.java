package io.customer360.query.engagement;

import io.customer360.query.web.ParameterPatterns;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.validation.constraints.Pattern;

/**
 * Filters of the engagement endpoints.
 *
 * @param grain bucket of the series: day (default), week or month
 * @param device web, ios or android
 * @param zip visitor zip code
 * @param campaignId entry campaign
 * @param customerId one customer (session list only)
 * @param converted only sessions with (true) or without (false) a purchase (session list only)
 */
public record EngagementFilter(
    @Parameter(description = "day (default), week or month.") @Pattern(regexp = "day|week|month")
        String grain,
    @Parameter(description = "web, ios or android.") @Pattern(regexp = ParameterPatterns.CHANNEL)
        String device,
    @Parameter(description = "Visitor zip code.") @Pattern(regexp = ParameterPatterns.ZIP)
        String zip,
    @Parameter(description = "Entry campaign id.") @Pattern(regexp = ParameterPatterns.ID)
        String campaignId,
    @Parameter(description = "One customer (session list only).")
        @Pattern(regexp = ParameterPatterns.ID)
        String customerId,
    @Parameter(description = "true: sessions with a purchase; false: without (list only).")
        Boolean converted) {}
