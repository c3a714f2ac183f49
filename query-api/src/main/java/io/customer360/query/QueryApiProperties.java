package io.customer360.query;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Configuration of query-api, bound from {@code c360.query-api.*}.
 *
 * @param defaultPageSize Page size when the caller gives none.
 * @param maxPageSize Largest page size a caller may ask for; larger is a 400.
 * @param queryTimeout Longest a dashboard query may run (JDBC statement timeout, whole seconds).
 * @param defaultPeriodDays Length of the period when the caller gives no {@code from}.
 * @param maxPeriodDays Longest period (days, both ends included) a caller may ask for.
 * @param maxTrendHours Longest window of the real-time purchase trend.
 * @param cache Short-lived caching of the heavy aggregates.
 * @param rateLimit Per-client request rate limit.
 */
@ConfigurationProperties("c360.query-api")
public record QueryApiProperties(
    @DefaultValue("50") int defaultPageSize,
    @DefaultValue("500") int maxPageSize,
    @DefaultValue("10s") Duration queryTimeout,
    @DefaultValue("30") int defaultPeriodDays,
    @DefaultValue("366") int maxPeriodDays,
    @DefaultValue("72") int maxTrendHours,
    @DefaultValue Cache cache,
    @DefaultValue RateLimit rateLimit) {

  /**
   * Aggregate cache.
   *
   * @param ttl how long an answer is reused; {@code 0s} turns caching off
   * @param maxEntries most answers kept
   */
  public record Cache(@DefaultValue("60s") Duration ttl, @DefaultValue("1000") long maxEntries) {}

  /**
   * A token bucket per client (API key client name or JWT subject).
   *
   * @param requestsPerSecond sustained rate
   * @param burst bucket size: requests allowed at once after a quiet spell
   */
  public record RateLimit(
      @DefaultValue("20") double requestsPerSecond, @DefaultValue("40") int burst) {}
}
