package io.customer360.query;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Configuration of query-api, bound from {@code c360.query-api.*}.
 *
 * @param defaultPageSize Page size when the caller gives none.
 * @param maxPageSize Largest page size a caller may ask for.
 * @param queryTimeout Longest a dashboard query may run.
 */
@ConfigurationProperties("c360.query-api")
public record QueryApiProperties(
    @DefaultValue("50") int defaultPageSize,
    @DefaultValue("500") int maxPageSize,
    @DefaultValue("10s") java.time.Duration queryTimeout) {}
