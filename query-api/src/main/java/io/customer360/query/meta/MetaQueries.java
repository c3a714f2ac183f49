package io.customer360.query.meta;

import static io.customer360.query.sql.Rows.date;
import static io.customer360.query.sql.Rows.instant;

import io.customer360.query.config.CacheConfiguration;
import java.time.Instant;
import java.util.List;
import org.springframework.cache.annotation.Cacheable;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcOperations;
import org.springframework.stereotype.Repository;

/**
 * Reads the warehouse's extent from {@code analytics.order_lines}, {@code purchases_per_minute},
 * {@code products}, {@code geography} and {@code load_freshness}.
 */
@Repository
public class MetaQueries {

  private final NamedParameterJdbcOperations jdbc;

  public MetaQueries(NamedParameterJdbcOperations jdbc) {
    this.jdbc = jdbc;
  }

  /** The current extent. */
  @Cacheable(cacheNames = CacheConfiguration.AGGREGATES, key = "'meta'")
  public Meta meta() {
    MapSqlParameterSource none = new MapSqlParameterSource();
    var range =
        jdbc.queryForObject(
            "SELECT MIN(order_date) AS first_day, MAX(order_date) AS last_day"
                + " FROM analytics.order_lines",
            none,
            (rs, i) -> new java.time.LocalDate[] {date(rs, "first_day"), date(rs, "last_day")});
    Instant lastMinute =
        jdbc.queryForObject(
            "SELECT MAX(minute_start) AS last_minute FROM analytics.purchases_per_minute",
            none,
            (rs, i) -> instant(rs, "last_minute"));
    List<String> categories =
        jdbc.queryForList(
            "SELECT DISTINCT category FROM analytics.products WHERE category IS NOT NULL"
                + " ORDER BY category",
            none,
            String.class);
    List<String> states =
        jdbc.queryForList(
            "SELECT DISTINCT state FROM analytics.geography WHERE state IS NOT NULL ORDER BY state",
            none,
            String.class);
    List<Meta.Load> loads =
        jdbc.query(
            "SELECT model, last_loaded_at, batches_loaded FROM analytics.load_freshness"
                + " ORDER BY model",
            none,
            (rs, i) ->
                new Meta.Load(
                    rs.getString("model"),
                    instant(rs, "last_loaded_at"),
                    rs.getLong("batches_loaded")));
    return new Meta(range[0], range[1], lastMinute, categories, states, loads);
  }
}
