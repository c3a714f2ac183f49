package io.customer360.query.web;

import io.swagger.v3.oas.annotations.Parameter;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * The custom period every summary endpoint accepts, as query parameters.
 *
 * @param from first day, inclusive
 * @param to last day, inclusive
 */
public record PeriodParams(
    @Parameter(
            description =
                "First day of the period, inclusive (UTC, yyyy-MM-dd). Default: the period of"
                    + " c360.query-api.default-period-days days ending at `to`.")
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
        LocalDate from,
    @Parameter(description = "Last day of the period, inclusive (UTC, yyyy-MM-dd). Default: today.")
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
        LocalDate to) {}
