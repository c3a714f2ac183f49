package io.customer360.query.orders;

import static io.customer360.query.sql.Rows.date;
import static io.customer360.query.sql.Rows.instant;

import io.customer360.query.sql.PagedSql;
import io.customer360.query.sql.SqlWhere;
import io.customer360.query.web.PageResult;
import java.sql.Timestamp;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcOperations;
import org.springframework.stereotype.Repository;

/** Order lines from {@code analytics.order_lines}, filtered and paged. Not cached: detail rows. */
@Repository
public class OrderLineQueries {

  private static final String LINES =
      """
      SELECT order_line_id, order_id, order_date, order_ts, order_status, channel, customer_id,
             ship_zip, ship_state, product_id, product_name, category, quantity, unit_price,
             discount_amount, net_amount, coupon_code, campaign_id, returned_quantity,
             returned_amount
      FROM analytics.order_lines
      WHERE %s
      """;

  private final PagedSql paged;

  public OrderLineQueries(NamedParameterJdbcOperations jdbc) {
    this.paged = new PagedSql(jdbc);
  }

  /** The page of order lines {@code query} asks for. */
  public PageResult<OrderLine> orderLines(OrderLineQuery query) {
    OrderLineFilter f = query.filter();
    SqlWhere where =
        new SqlWhere()
            .and("order_date BETWEEN :from AND :to")
            .bind("from", query.period().from())
            .bind("to", query.period().to())
            .equalIfPresent("customer_id", "customerId", f.customerId())
            .equalIfPresent("ship_zip", "zip", f.zip())
            .equalIfPresent("ship_state", "state", f.state())
            .equalIfPresent("category", "category", f.category())
            .equalIfPresent("product_id", "productId", f.productId())
            .equalIfPresent("coupon_code", "couponCode", f.couponCode())
            .equalIfPresent("campaign_id", "campaignId", f.campaignId())
            .equalIfPresent("channel", "channel", f.channel())
            .equalIfPresent("order_status", "status", f.status());
    if (f.fromTime() != null) {
      where.and("order_ts >= :fromTime").bind("fromTime", Timestamp.from(f.fromTime()));
    }
    if (f.toTime() != null) {
      where.and("order_ts < :toTime").bind("toTime", Timestamp.from(f.toTime()));
    }
    return paged.page(
        LINES.formatted(where.sql()),
        where.params(),
        query.sort(),
        query.paging(),
        (rs, i) ->
            new OrderLine(
                rs.getString("order_line_id"),
                rs.getString("order_id"),
                date(rs, "order_date"),
                instant(rs, "order_ts"),
                rs.getString("order_status"),
                rs.getString("channel"),
                rs.getString("customer_id"),
                rs.getString("ship_zip"),
                rs.getString("ship_state"),
                rs.getString("product_id"),
                rs.getString("product_name"),
                rs.getString("category"),
                rs.getInt("quantity"),
                rs.getBigDecimal("unit_price"),
                rs.getBigDecimal("discount_amount"),
                rs.getBigDecimal("net_amount"),
                rs.getString("coupon_code"),
                rs.getString("campaign_id"),
                rs.getInt("returned_quantity"),
                rs.getBigDecimal("returned_amount")));
  }
}
