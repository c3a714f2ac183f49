package io.customer360.query.sales;

import static io.customer360.query.sql.Rows.date;

import io.customer360.query.config.CacheConfiguration;
import io.customer360.query.sql.PagedSql;
import io.customer360.query.sql.SqlWhere;
import io.customer360.query.web.DateRange;
import io.customer360.query.web.Links;
import io.customer360.query.web.PageResult;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.cache.annotation.Cacheable;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcOperations;
import org.springframework.stereotype.Repository;

/** Sales by zip and category from {@code analytics.sales_by_zip_category_daily}. */
@Repository
public class SalesQueries {

  private static final String COMPARISON =
      """
      SELECT s.*, s.revenue - s.previous_revenue AS revenue_change
      FROM (
        SELECT zip, MAX(city) AS city, MAX(state) AS state, %s AS category,
               SUM(CASE WHEN order_date BETWEEN :from AND :to THEN revenue ELSE 0 END) AS revenue,
               SUM(CASE WHEN order_date BETWEEN :from AND :to THEN orders ELSE 0 END) AS orders,
               SUM(CASE WHEN order_date BETWEEN :from AND :to THEN units ELSE 0 END) AS units,
               SUM(CASE WHEN order_date BETWEEN :cmpFrom AND :cmpTo THEN revenue ELSE 0 END)
                 AS previous_revenue,
               SUM(CASE WHEN order_date BETWEEN :cmpFrom AND :cmpTo THEN orders ELSE 0 END)
                 AS previous_orders,
               SUM(CASE WHEN order_date BETWEEN :cmpFrom AND :cmpTo THEN units ELSE 0 END)
                 AS previous_units
        FROM analytics.sales_by_zip_category_daily
        WHERE %s
        GROUP BY %s
      ) s
      """;
  private static final String DAILY =
      """
      SELECT order_date, zip, city, state, category, orders, units, revenue, coupon_orders,
             coupon_discount
      FROM analytics.sales_by_zip_category_daily
      WHERE %s
      """;

  private final PagedSql paged;

  public SalesQueries(NamedParameterJdbcOperations jdbc) {
    this.paged = new PagedSql(jdbc);
  }

  /** Sales per zip (and category) in the period against the comparison period. */
  @Cacheable(CacheConfiguration.AGGREGATES)
  public PageResult<ZipSales> byZip(SalesQuery query) {
    SqlWhere where =
        filters(
            new SqlWhere()
                .and("(order_date BETWEEN :from AND :to OR order_date BETWEEN :cmpFrom AND :cmpTo)")
                .bind("from", query.period().from())
                .bind("to", query.period().to())
                .bind("cmpFrom", query.comparison().from())
                .bind("cmpTo", query.comparison().to()),
            query);
    String sql =
        COMPARISON.formatted(
            query.byZipOnly() ? "CAST(NULL AS VARCHAR(64))" : "category",
            where.sql(),
            query.byZipOnly() ? "zip" : "zip, category");
    return paged.page(
        sql,
        where.params(),
        query.sort(),
        query.paging(),
        (rs, i) -> {
          BigDecimal revenue = rs.getBigDecimal("revenue");
          BigDecimal previous = rs.getBigDecimal("previous_revenue");
          String zip = rs.getString("zip");
          String category = rs.getString("category");
          return new ZipSales(
              zip,
              rs.getString("city"),
              rs.getString("state"),
              category,
              revenue,
              rs.getLong("orders"),
              rs.getLong("units"),
              previous,
              rs.getLong("previous_orders"),
              rs.getLong("previous_units"),
              rs.getBigDecimal("revenue_change"),
              percentChange(revenue, previous),
              zipLinks(zip, category, query.period()));
        });
  }

  /** The daily rows behind a comparison. */
  public PageResult<DailySales> daily(SalesQuery query) {
    SqlWhere where =
        filters(
            new SqlWhere()
                .and("order_date BETWEEN :from AND :to")
                .bind("from", query.period().from())
                .bind("to", query.period().to()),
            query);
    return paged.page(
        DAILY.formatted(where.sql()),
        where.params(),
        query.sort(),
        query.paging(),
        (rs, i) -> {
          var day = date(rs, "order_date");
          String zip = rs.getString("zip");
          String category = rs.getString("category");
          return new DailySales(
              day,
              zip,
              rs.getString("city"),
              rs.getString("state"),
              category,
              rs.getLong("orders"),
              rs.getLong("units"),
              rs.getBigDecimal("revenue"),
              rs.getLong("coupon_orders"),
              rs.getBigDecimal("coupon_discount"),
              Map.of(
                  "orderLines",
                  Links.to("/api/v1/order-lines")
                      .period(new DateRange(day, day))
                      .param("zip", "unknown".equals(zip) ? null : zip)
                      .param("category", category)
                      .build()));
        });
  }

  private static SqlWhere filters(SqlWhere where, SalesQuery query) {
    return where
        .equalIfPresent("zip", "zip", query.zip())
        .equalIfPresent("state", "state", query.state())
        .equalIfPresent("category", "category", query.category());
  }

  private static Map<String, String> zipLinks(String zip, String category, DateRange period) {
    Map<String, String> links = new LinkedHashMap<>();
    links.put(
        "daily",
        Links.to("/api/v1/sales/daily")
            .period(period)
            .param("zip", zip)
            .param("category", category)
            .build());
    if (!"unknown".equals(zip)) {
      links.put(
          "orderLines",
          Links.to("/api/v1/order-lines")
              .period(period)
              .param("zip", zip)
              .param("category", category)
              .build());
    }
    if (category == null) {
      links.put(
          "categories",
          Links.to("/api/v1/sales/by-zip")
              .period(period)
              .param("zip", zip)
              .param("groupBy", "zip_category")
              .build());
    }
    return links;
  }

  private static BigDecimal percentChange(BigDecimal now, BigDecimal before) {
    if (before.signum() == 0) {
      return null;
    }
    return now.subtract(before)
        .multiply(BigDecimal.valueOf(100))
        .divide(before, 1, RoundingMode.HALF_UP);
  }
}
