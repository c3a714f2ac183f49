package io.customer360.query.returns;

import static io.customer360.query.sql.Rows.date;
import static io.customer360.query.sql.Rows.instant;

import io.customer360.query.config.CacheConfiguration;
import io.customer360.query.sql.PagedSql;
import io.customer360.query.sql.SqlWhere;
import io.customer360.query.web.DateRange;
import io.customer360.query.web.Links;
import io.customer360.query.web.PageResult;
import java.time.LocalDate;
import java.util.Map;
import org.springframework.cache.annotation.Cacheable;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcOperations;
import org.springframework.stereotype.Repository;

/**
 * Top returned products per bucket from {@code analytics.returns_by_product_daily}, and returns
 * from {@code analytics.returns}.
 */
@Repository
public class ReturnsQueries {

  private static final String TOP_PRODUCTS =
      """
      SELECT bucket_start, product_id, product_name, category, returns, units_returned,
             refund_amount, product_rank
      FROM (
        SELECT bucket_start, product_id, product_name, category, returns, units_returned,
               refund_amount,
               ROW_NUMBER() OVER (PARTITION BY bucket_start
                                  ORDER BY returns DESC, units_returned DESC, refund_amount DESC,
                                           product_id) AS product_rank
        FROM (
          SELECT %1$s AS bucket_start, product_id, MAX(product_name) AS product_name,
                 MAX(category) AS category, SUM(returns) AS returns,
                 SUM(units_returned) AS units_returned, SUM(refund_amount) AS refund_amount
          FROM analytics.returns_by_product_daily
          WHERE %2$s
          GROUP BY %1$s, product_id
        ) g
      ) r
      WHERE product_rank <= :top
      """;
  private static final String RETURNS =
      """
      SELECT return_id, order_id, order_line_id, customer_id, product_id, product_name, category,
             return_date, returned_at, quantity, reason, refund_amount
      FROM analytics.returns WHERE %s
      """;

  private final PagedSql paged;

  public ReturnsQueries(NamedParameterJdbcOperations jdbc) {
    this.paged = new PagedSql(jdbc);
  }

  /** The most returned products of each bucket. */
  @Cacheable(CacheConfiguration.AGGREGATES)
  public PageResult<ReturnedProduct> topProducts(ReturnsQuery query) {
    SqlWhere where =
        new SqlWhere()
            .and("return_date BETWEEN :from AND :to")
            .bind("from", query.period().from())
            .bind("to", query.period().to())
            .equalIfPresent("category", "category", query.filter().category())
            .bind("top", query.top());
    return paged.page(
        TOP_PRODUCTS.formatted(query.grain().bucketStart("return_date"), where.sql()),
        where.params(),
        query.sort(),
        query.paging(),
        (rs, i) -> {
          LocalDate start = date(rs, "bucket_start");
          String product = rs.getString("product_id");
          return new ReturnedProduct(
              start,
              rs.getInt("product_rank"),
              product,
              rs.getString("product_name"),
              rs.getString("category"),
              rs.getLong("returns"),
              rs.getLong("units_returned"),
              rs.getBigDecimal("refund_amount"),
              Map.of("returns", returnsLink(query, start, product)));
        });
  }

  /** The returns {@code query} asks for. */
  public PageResult<ProductReturn> returns(ReturnsQuery query) {
    ReturnsFilter f = query.filter();
    SqlWhere where =
        new SqlWhere()
            .and("return_date BETWEEN :from AND :to")
            .bind("from", query.period().from())
            .bind("to", query.period().to())
            .equalIfPresent("category", "category", f.category())
            .equalIfPresent("product_id", "productId", f.productId())
            .equalIfPresent("reason", "reason", f.reason());
    return paged.page(
        RETURNS.formatted(where.sql()),
        where.params(),
        query.sort(),
        query.paging(),
        (rs, i) ->
            new ProductReturn(
                rs.getString("return_id"),
                rs.getString("order_id"),
                rs.getString("order_line_id"),
                rs.getString("customer_id"),
                rs.getString("product_id"),
                rs.getString("product_name"),
                rs.getString("category"),
                date(rs, "return_date"),
                instant(rs, "returned_at"),
                rs.getInt("quantity"),
                rs.getString("reason"),
                rs.getBigDecimal("refund_amount")));
  }

  private static String returnsLink(ReturnsQuery query, LocalDate start, String productId) {
    DateRange bucket = query.grain().bucketWithin(start, query.period());
    return Links.to("/api/v1/returns").period(bucket).param("productId", productId).build();
  }
}
