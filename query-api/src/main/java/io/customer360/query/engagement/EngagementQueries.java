package io.customer360.query.engagement;

import static io.customer360.query.sql.Rows.date;
import static io.customer360.query.sql.Rows.instant;
import static io.customer360.query.sql.Rows.nullableDouble;

import io.customer360.query.config.CacheConfiguration;
import io.customer360.query.sql.Grain;
import io.customer360.query.sql.PagedSql;
import io.customer360.query.sql.SqlWhere;
import io.customer360.query.web.DateRange;
import io.customer360.query.web.Links;
import io.customer360.query.web.PageResult;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Map;
import org.springframework.cache.annotation.Cacheable;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcOperations;
import org.springframework.stereotype.Repository;

/** Time on site and browse vs buy, from {@code analytics.web_sessions}. */
@Repository
public class EngagementQueries {

  private static final String FIGURES =
      """
      COUNT(*) AS sessions,
      AVG(CAST(duration_seconds AS DOUBLE PRECISION)) AS avg_duration_seconds,
      COALESCE(SUM(page_views), 0) AS page_views,
      COALESCE(SUM(products_viewed), 0) AS products_viewed,
      COALESCE(SUM(products_purchased), 0) AS products_purchased,
      COALESCE(SUM(CASE WHEN converted THEN 1 ELSE 0 END), 0) AS converted_sessions
      """;
  private static final String TOTALS =
      "SELECT " + FIGURES + " FROM analytics.web_sessions WHERE %s";
  private static final String BUCKETS =
      "SELECT %1$s AS bucket_start, "
          + FIGURES
          + " FROM analytics.web_sessions WHERE %2$s GROUP BY %1$s";
  private static final String SESSIONS =
      """
      SELECT session_id, customer_id, device, session_start, duration_seconds, page_views,
             products_viewed, products_purchased, orders, revenue, entry_campaign_id, zip
      FROM analytics.web_sessions WHERE %s
      """;

  private final NamedParameterJdbcOperations jdbc;
  private final PagedSql paged;

  public EngagementQueries(NamedParameterJdbcOperations jdbc) {
    this.jdbc = jdbc;
    this.paged = new PagedSql(jdbc);
  }

  /** Totals and the page of buckets {@code query} asks for. */
  @Cacheable(CacheConfiguration.AGGREGATES)
  public Engagement engagement(EngagementQuery query) {
    SqlWhere where = where(query);
    Engagement.Figures totals =
        jdbc.queryForObject(TOTALS.formatted(where.sql()), where.params(), (rs, i) -> figures(rs));
    PageResult<Engagement.Bucket> buckets =
        paged.page(
            BUCKETS.formatted(query.grain().bucketStart("session_date"), where.sql()),
            where.params(),
            query.sort(),
            query.paging(),
            (rs, i) -> {
              LocalDate start = date(rs, "bucket_start");
              return new Engagement.Bucket(
                  start, figures(rs), Map.of("sessions", sessionsLink(query, start)));
            });
    return new Engagement(query.period(), query.grain().apiName(), totals, buckets);
  }

  /** The page of sessions {@code query} asks for. */
  public PageResult<WebSession> sessions(EngagementQuery query) {
    SqlWhere where =
        where(query)
            .equalIfPresent("customer_id", "customerId", query.filter().customerId())
            .equalIfPresent("converted", "converted", query.filter().converted());
    return paged.page(
        SESSIONS.formatted(where.sql()),
        where.params(),
        query.sort(),
        query.paging(),
        (rs, i) ->
            new WebSession(
                rs.getString("session_id"),
                rs.getString("customer_id"),
                rs.getString("device"),
                instant(rs, "session_start"),
                rs.getInt("duration_seconds"),
                rs.getInt("page_views"),
                rs.getInt("products_viewed"),
                rs.getInt("products_purchased"),
                rs.getInt("orders"),
                rs.getBigDecimal("revenue"),
                rs.getString("entry_campaign_id"),
                rs.getString("zip")));
  }

  private static SqlWhere where(EngagementQuery query) {
    return new SqlWhere()
        .and("session_date BETWEEN :from AND :to")
        .bind("from", query.period().from())
        .bind("to", query.period().to())
        .equalIfPresent("device", "device", query.filter().device())
        .equalIfPresent("zip", "zip", query.filter().zip())
        .equalIfPresent("entry_campaign_id", "campaignId", query.filter().campaignId());
  }

  private static Engagement.Figures figures(ResultSet rs) throws SQLException {
    long sessions = rs.getLong("sessions");
    long viewed = rs.getLong("products_viewed");
    long purchased = rs.getLong("products_purchased");
    long converted = rs.getLong("converted_sessions");
    return new Engagement.Figures(
        sessions,
        nullableDouble(rs, "avg_duration_seconds"),
        rs.getLong("page_views"),
        viewed,
        purchased,
        converted,
        sessions == 0 ? null : (double) converted / sessions,
        viewed == 0 ? null : (double) purchased / viewed);
  }

  private static String sessionsLink(EngagementQuery query, LocalDate start) {
    DateRange bucket = query.grain().bucketWithin(start, query.period());
    return Links.to("/api/v1/engagement/sessions/list")
        .period(bucket)
        .param("device", query.filter().device())
        .param("zip", query.filter().zip())
        .param("campaignId", query.filter().campaignId())
        .build();
  }

  /** Which grain a query uses; exposed for the controller's default. */
  static Grain grainOf(EngagementFilter filter) {
    return Grain.of(filter.grain(), Grain.DAY);
  }
}
