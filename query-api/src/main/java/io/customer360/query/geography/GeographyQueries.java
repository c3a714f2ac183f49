package io.customer360.query.geography;

import static io.customer360.query.sql.Rows.nullableDouble;

import io.customer360.query.config.CacheConfiguration;
import io.customer360.query.sql.PagedSql;
import io.customer360.query.sql.SqlWhere;
import io.customer360.query.web.Links;
import io.customer360.query.web.PageResult;
import java.util.Map;
import org.springframework.cache.annotation.Cacheable;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcOperations;
import org.springframework.stereotype.Repository;

/** Activity by state or zip from {@code analytics.activity_by_geography_daily}. */
@Repository
public class GeographyQueries {

  private static final String BY_STATE =
      """
      SELECT state, CAST(NULL AS VARCHAR(10)) AS zip, CAST(NULL AS VARCHAR(128)) AS city,
             AVG(latitude) AS latitude, AVG(longitude) AS longitude, %s
      FROM analytics.activity_by_geography_daily
      WHERE %s
      GROUP BY state
      """;
  private static final String BY_ZIP =
      """
      SELECT MAX(state) AS state, zip, MAX(city) AS city, MAX(latitude) AS latitude,
             MAX(longitude) AS longitude, %s
      FROM analytics.activity_by_geography_daily
      WHERE %s
      GROUP BY zip
      """;
  private static final String MEASURES =
      "SUM(sessions) AS sessions, SUM(active_customers) AS active_customer_days,"
          + " SUM(orders) AS orders, SUM(revenue) AS revenue";

  private final PagedSql paged;

  public GeographyQueries(NamedParameterJdbcOperations jdbc) {
    this.paged = new PagedSql(jdbc);
  }

  /** Activity per state or zip over the period. */
  @Cacheable(CacheConfiguration.AGGREGATES)
  public PageResult<GeoActivity> activity(GeographyQuery query) {
    SqlWhere where =
        new SqlWhere()
            .and("activity_date BETWEEN :from AND :to")
            .bind("from", query.period().from())
            .bind("to", query.period().to())
            .equalIfPresent("state", "state", query.state());
    String sql = (query.byZip() ? BY_ZIP : BY_STATE).formatted(MEASURES, where.sql());
    return paged.page(
        sql,
        where.params(),
        query.sort(),
        query.paging(),
        (rs, i) -> {
          String state = rs.getString("state");
          String zip = rs.getString("zip");
          return new GeoActivity(
              state,
              zip,
              rs.getString("city"),
              nullableDouble(rs, "latitude"),
              nullableDouble(rs, "longitude"),
              rs.getLong("sessions"),
              rs.getLong("active_customer_days"),
              rs.getLong("orders"),
              rs.getBigDecimal("revenue"),
              links(query, state, zip));
        });
  }

  private static Map<String, String> links(GeographyQuery query, String state, String zip) {
    if (zip == null) {
      return Map.of(
          "zips",
          Links.to("/api/v1/geography/activity")
              .period(query.period())
              .param("level", "zip")
              .param("state", state)
              .build());
    }
    return Map.of(
        "orderLines",
        Links.to("/api/v1/order-lines").period(query.period()).param("zip", zip).build(),
        "sessions",
        Links.to("/api/v1/engagement/sessions/list")
            .period(query.period())
            .param("zip", zip)
            .build());
  }
}
