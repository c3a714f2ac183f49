package io.customer360.query.web;

import io.swagger.v3.oas.annotations.Parameter;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

/**
 * Pagination and sorting, as query parameters.
 *
 * @param page zero-based page number
 * @param size page size, at most c360.query-api.max-page-size
 * @param sort {@code field} or {@code field,asc|desc}; the fields each endpoint allows are listed
 *     in its description
 */
public record PageParams(
    @Parameter(description = "Zero-based page number. Default 0.") @Min(0) @Max(1_000_000)
        Integer page,
    @Parameter(description = "Page size, 1 to c360.query-api.max-page-size (500). Default 50.")
        @Min(1)
        Integer size,
    @Parameter(description = "Sort field, optionally followed by ,asc or ,desc.") @Size(max = 64)
        String sort) {}
