package io.customer360.query.realtime;

import io.customer360.query.web.PageResult;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

/**
 * Purchases per minute (or per bucket of minutes) over a window, every bucket present.
 *
 * @param from start of the window, inclusive
 * @param until end of the window, exclusive
 * @param bucketMinutes minutes per point
 * @param source the warehouse relation read: analytics.purchases_per_minute, or
 *     analytics.order_lines when a filter is given
 * @param totals over the window
 * @param points one page of points, zero where nothing was bought
 */
public record PurchaseTrend(
    Instant from,
    Instant until,
    int bucketMinutes,
    String source,
    Figures totals,
    PageResult<Point> points) {

  /**
   * Purchase figures: every order placed counts, whatever happened to it later.
   *
   * @param purchases orders placed
   * @param units units in them
   * @param revenue their net value, USD
   */
  public record Figures(long purchases, long units, BigDecimal revenue) {

    static final Figures ZERO = new Figures(0, 0, BigDecimal.ZERO);

    Figures plus(Figures other) {
      return new Figures(
          purchases + other.purchases, units + other.units, revenue.add(other.revenue));
    }
  }

  /**
   * One point of the trend.
   *
   * @param start start of the bucket
   * @param figures its purchases
   * @param links drill-down: the order lines of the bucket
   */
  public record Point(Instant start, Figures figures, Map<String, String> links) {}
}
