package io.customer360.query.engagement;

import io.customer360.query.web.DateRange;
import io.customer360.query.web.PageResult;
import java.util.Map;

/**
 * Time on site and products browsed vs purchased over a period, in total and per bucket.
 *
 * @param period session days
 * @param grain day, week or month
 * @param totals over the whole period
 * @param buckets one row per bucket with sessions
 */
public record Engagement(
    DateRange period, String grain, Figures totals, PageResult<Bucket> buckets) {

  /**
   * Session figures.
   *
   * @param sessions sessions
   * @param avgDurationSeconds average time on site per session, seconds
   * @param pageViews page and product views
   * @param productsViewed distinct products viewed, summed over sessions
   * @param productsPurchased distinct products purchased, summed over sessions
   * @param convertedSessions sessions with a purchase
   * @param conversionRate convertedSessions / sessions
   * @param purchasedPerViewed productsPurchased / productsViewed
   */
  public record Figures(
      long sessions,
      Double avgDurationSeconds,
      long pageViews,
      long productsViewed,
      long productsPurchased,
      long convertedSessions,
      Double conversionRate,
      Double purchasedPerViewed) {}

  /**
   * One bucket of the series.
   *
   * @param start first day of the bucket
   * @param figures its figures
   * @param links drill-down: the sessions of the bucket
   */
  public record Bucket(java.time.LocalDate start, Figures figures, Map<String, String> links) {}
}
