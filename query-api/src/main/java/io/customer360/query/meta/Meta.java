package io.customer360.query.meta;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * What the warehouse holds: the range of order days, the latest purchase minute, the values of the
 * common filters, and when each gold model was last loaded. The dashboard starts from it.
 *
 * @param firstOrderDate first order day, or null when empty
 * @param lastOrderDate last order day, or null when empty
 * @param lastPurchaseMinute latest minute with a purchase in the per-minute aggregate, or null
 * @param categories product categories
 * @param states states with zip codes
 * @param loads freshness of each gold model
 */
public record Meta(
    LocalDate firstOrderDate,
    LocalDate lastOrderDate,
    Instant lastPurchaseMinute,
    List<String> categories,
    List<String> states,
    List<Load> loads) {

  /**
   * Freshness of one gold model.
   *
   * @param model gold model
   * @param lastLoadedAt when its latest batch was loaded
   * @param batchesLoaded batches loaded so far
   */
  public record Load(String model, Instant lastLoadedAt, long batchesLoaded) {}
}
