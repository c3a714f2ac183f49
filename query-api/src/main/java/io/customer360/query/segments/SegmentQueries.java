package io.customer360.query.segments;

import io.customer360.query.config.CacheConfiguration;
import io.customer360.query.sql.PagedSql;
import io.customer360.query.sql.SqlWhere;
import io.customer360.query.web.Links;
import io.customer360.query.web.PageResult;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import org.springframework.cache.annotation.Cacheable;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcOperations;
import org.springframework.stereotype.Repository;

/** Segments and lifetime value from {@code analytics.customer_segments}. */
@Repository
public class SegmentQueries {

  private static final String SUMMARY =
      """
      SELECT segment, COUNT(*) AS customers,
             CAST(COUNT(*) AS DOUBLE PRECISION) / SUM(COUNT(*)) OVER () AS share,
             CAST(AVG(ltv_estimate) AS NUMERIC(12,2)) AS avg_ltv, SUM(ltv_estimate) AS total_ltv
      FROM analytics.customer_segments
      WHERE %s
      GROUP BY segment
      """;
  private static final String MEMBERS =
      """
      SELECT s.customer_id, c.state, s.rfm_cell, s.recency_score, s.frequency_score,
             s.monetary_score, s.ltv_estimate
      FROM analytics.customer_segments s
      LEFT JOIN analytics.customers c ON c.customer_id = s.customer_id
      WHERE %s
      """;

  private final NamedParameterJdbcOperations jdbc;
  private final PagedSql paged;

  public SegmentQueries(NamedParameterJdbcOperations jdbc) {
    this.jdbc = jdbc;
    this.paged = new PagedSql(jdbc);
  }

  /** The latest snapshot on or before {@code asOf}, or the latest of all for null. */
  public Optional<LocalDate> snapshotOn(LocalDate asOf) {
    MapSqlParameterSource params = new MapSqlParameterSource();
    String sql = "SELECT MAX(snapshot_date) FROM analytics.customer_segments";
    if (asOf != null) {
      sql += " WHERE snapshot_date <= :asOf";
      params.addValue("asOf", asOf);
    }
    return Optional.ofNullable(jdbc.queryForObject(sql, params, LocalDate.class));
  }

  /** Customers and lifetime value per segment of the snapshot. */
  @Cacheable(CacheConfiguration.AGGREGATES)
  public PageResult<SegmentSummary> summary(SegmentQuery query) {
    SqlWhere where =
        new SqlWhere()
            .and("snapshot_date = :snapshot")
            .bind("snapshot", query.snapshotDate())
            .equalIfPresent("segment", "segment", query.segment());
    return paged.page(
        SUMMARY.formatted(where.sql()),
        where.params(),
        query.sort(),
        query.paging(),
        (rs, i) -> {
          String segment = rs.getString("segment");
          return new SegmentSummary(
              segment,
              rs.getLong("customers"),
              rs.getDouble("share"),
              rs.getBigDecimal("avg_ltv"),
              rs.getBigDecimal("total_ltv"),
              Map.of(
                  "customers",
                  Links.to("/api/v1/segments/{segment}/customers")
                      .param("asOf", query.snapshotDate())
                      .build(segment)));
        });
  }

  /** The customers of one segment in the snapshot. */
  public PageResult<SegmentMember> members(SegmentQuery query) {
    SqlWhere where =
        new SqlWhere()
            .and("s.snapshot_date = :snapshot")
            .bind("snapshot", query.snapshotDate())
            .equalIfPresent("s.segment", "segment", query.segment())
            .equalIfPresent("c.state", "state", query.state());
    return paged.page(
        MEMBERS.formatted(where.sql()),
        where.params(),
        query.sort(),
        query.paging(),
        (rs, i) -> {
          String id = rs.getString("customer_id");
          return new SegmentMember(
              id,
              rs.getString("state"),
              rs.getString("rfm_cell"),
              rs.getInt("recency_score"),
              rs.getInt("frequency_score"),
              rs.getInt("monetary_score"),
              rs.getBigDecimal("ltv_estimate"),
              Map.of("profile", Links.to("/api/v1/customers/{id}").build(id)));
        });
  }
}
