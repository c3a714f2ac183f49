package io.customer360.query.realtime;

import static io.customer360.query.sql.Rows.instant;

import io.customer360.query.sql.SqlWhere;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcOperations;
import org.springframework.stereotype.Repository;

/**
 * Purchases per minute in a window: from {@code analytics.purchases_per_minute}, or, when filtered
 * by channel, category or state, from {@code analytics.order_lines}. Not cached: it is the
 * real-time view.
 */
@Repository
public class PurchaseTrendQueries {

  private static final String PER_MINUTE =
      """
      SELECT minute_start, purchases, units, revenue
      FROM analytics.purchases_per_minute
      WHERE %s
      """;
  private static final String FROM_LINES =
      """
      SELECT DATE_TRUNC('minute', order_ts) AS minute_start,
             COUNT(DISTINCT order_id) AS purchases, SUM(quantity) AS units,
             SUM(net_amount) AS revenue
      FROM analytics.order_lines
      WHERE %s
      GROUP BY DATE_TRUNC('minute', order_ts)
      """;

  private final NamedParameterJdbcOperations jdbc;

  public PurchaseTrendQueries(NamedParameterJdbcOperations jdbc) {
    this.jdbc = jdbc;
  }

  /** Purchases of each minute with any in [{@code from}, {@code until}), by minute start. */
  public Map<Instant, PurchaseTrend.Figures> perMinute(
      Instant from, Instant until, TrendParams filters) {
    String dateColumn = filters.filtered() ? "order_date" : "purchase_date";
    String timeColumn = filters.filtered() ? "order_ts" : "minute_start";
    SqlWhere where =
        new SqlWhere()
            .and(dateColumn + " BETWEEN :fromDate AND :untilDate")
            .bind("fromDate", utcDate(from))
            .bind("untilDate", utcDate(until))
            .and(timeColumn + " >= :fromTime AND " + timeColumn + " < :untilTime")
            .bind("fromTime", Timestamp.from(from))
            .bind("untilTime", Timestamp.from(until))
            .equalIfPresent("channel", "channel", filters.channel())
            .equalIfPresent("category", "category", filters.category())
            .equalIfPresent("ship_state", "state", filters.state());
    Map<Instant, PurchaseTrend.Figures> minutes = new TreeMap<>();
    jdbc.query(
        (filters.filtered() ? FROM_LINES : PER_MINUTE).formatted(where.sql()),
        where.params(),
        rs -> {
          minutes.put(
              instant(rs, "minute_start"),
              new PurchaseTrend.Figures(
                  rs.getLong("purchases"), rs.getLong("units"), rs.getBigDecimal("revenue")));
        });
    return minutes;
  }

  /** The relation {@link #perMinute} reads for these filters. */
  static String source(TrendParams filters) {
    return filters.filtered() ? "analytics.order_lines" : "analytics.purchases_per_minute";
  }

  private static LocalDate utcDate(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC).toLocalDate();
  }
}
