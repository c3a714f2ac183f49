package io.customer360.query.customers;

import static io.customer360.query.sql.Rows.date;

import io.customer360.query.sql.PagedSql;
import io.customer360.query.sql.SqlWhere;
import io.customer360.query.web.PageResult;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcOperations;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/**
 * Per-customer running totals from {@code analytics.customer_features}, the daily snapshots gold
 * computes (indexed by customer; the order-line fact deliberately has no customer index).
 */
@Repository
public class RunningTotalsQueries {

  private static final String COLUMNS =
      """
      SELECT snapshot_date, orders_total, units_total, units_by_category, spend_total,
             avg_spend_per_order, avg_spend_per_month, coupons_applied, coupon_value_total
      FROM analytics.customer_features
      """;

  private final NamedParameterJdbcOperations jdbc;
  private final PagedSql paged;
  private final UnitsByCategory units;

  public RunningTotalsQueries(NamedParameterJdbcOperations jdbc, JsonMapper json) {
    this.jdbc = jdbc;
    this.paged = new PagedSql(jdbc);
    this.units = new UnitsByCategory(json);
  }

  /** The customer's snapshots in the period, and the newest of them. */
  public RunningTotals runningTotals(RunningTotalsQuery query) {
    SqlWhere where =
        new SqlWhere()
            .equalIfPresent("customer_id", "customerId", query.customerId())
            .and("snapshot_date BETWEEN :from AND :to")
            .bind("from", query.period().from())
            .bind("to", query.period().to());
    RunningTotals.Snapshot latest =
        jdbc
            .query(
                COLUMNS + " WHERE " + where.sql() + " ORDER BY snapshot_date DESC LIMIT 1",
                where.params(),
                (rs, i) -> snapshot(rs, units))
            .stream()
            .findFirst()
            .orElse(null);
    PageResult<RunningTotals.Snapshot> snapshots =
        paged.page(
            COLUMNS + " WHERE " + where.sql(),
            where.params(),
            query.sort(),
            query.paging(),
            (rs, i) -> snapshot(rs, units));
    return new RunningTotals(
        query.customerId(), query.period().from(), query.period().to(), latest, snapshots);
  }

  /** One snapshot row of {@code customer_features}; also read by the profile. */
  static RunningTotals.Snapshot snapshot(ResultSet rs, UnitsByCategory units) throws SQLException {
    return new RunningTotals.Snapshot(
        date(rs, "snapshot_date"),
        rs.getInt("orders_total"),
        rs.getInt("units_total"),
        units.parse(rs.getString("units_by_category")),
        rs.getBigDecimal("spend_total"),
        rs.getBigDecimal("avg_spend_per_order"),
        rs.getBigDecimal("avg_spend_per_month"),
        rs.getInt("coupons_applied"),
        rs.getBigDecimal("coupon_value_total"));
  }
}
