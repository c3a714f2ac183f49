package io.customer360.query.customers;

import io.customer360.query.config.CacheConfiguration;
import io.customer360.query.sql.PagedSql;
import io.customer360.query.sql.SqlWhere;
import io.customer360.query.web.Links;
import io.customer360.query.web.PageResult;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.cache.annotation.Cacheable;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcOperations;
import org.springframework.stereotype.Repository;

/**
 * Top customers by spend over a period, from {@code analytics.order_lines} (non-cancelled lines).
 * "Top p%" keeps the first ⌈p% × customers with spend⌉ customers by spend (ties broken by customer
 * id), so the answer is exact and deterministic.
 */
@Repository
public class TopSpenderQueries {

  static final int TOP_CATEGORIES = 3;

  private static final String SPEND_BY_CUSTOMER =
      """
      SELECT customer_id, spend, orders, units, coupon_orders, coupon_value, spend_rank
      FROM (
        SELECT customer_id, spend, orders, units, coupon_orders, coupon_value,
               ROW_NUMBER() OVER (ORDER BY spend DESC, customer_id) AS spend_rank,
               COUNT(*) OVER () AS customers
        FROM (
          SELECT customer_id, SUM(net_amount) AS spend, COUNT(DISTINCT order_id) AS orders,
                 SUM(quantity) AS units,
                 COUNT(DISTINCT CASE WHEN coupon_code IS NOT NULL THEN order_id END) AS coupon_orders,
                 SUM(discount_amount) AS coupon_value
          FROM analytics.order_lines
          WHERE %s
          GROUP BY customer_id
        ) s
      ) r
      WHERE spend_rank <= CEILING(customers * :topPercent / 100.0)
      """;

  private static final String SPEND_BY_CATEGORY =
      """
      SELECT customer_id, category, SUM(net_amount) AS spend, SUM(quantity) AS units
      FROM analytics.order_lines
      WHERE %s AND customer_id IN (:customerIds)
      GROUP BY customer_id, category
      """;

  private final NamedParameterJdbcOperations jdbc;
  private final PagedSql paged;

  public TopSpenderQueries(NamedParameterJdbcOperations jdbc) {
    this.jdbc = jdbc;
    this.paged = new PagedSql(jdbc);
  }

  /** The page of top spenders {@code query} asks for, each with its top categories. */
  @Cacheable(CacheConfiguration.AGGREGATES)
  public PageResult<TopSpender> topSpenders(TopSpendersQuery query) {
    SqlWhere where = where(query).bind("topPercent", query.topPercent());
    PageResult<Row> rows =
        paged.page(
            SPEND_BY_CUSTOMER.formatted(where.sql()),
            where.params(),
            query.sort(),
            query.paging(),
            (rs, i) ->
                new Row(
                    rs.getLong("spend_rank"),
                    rs.getString("customer_id"),
                    rs.getBigDecimal("spend"),
                    rs.getLong("orders"),
                    rs.getLong("units"),
                    rs.getLong("coupon_orders"),
                    rs.getBigDecimal("coupon_value")));
    Map<String, List<CategorySpend>> categories = topCategories(query, rows.items());
    List<TopSpender> items =
        rows.items().stream()
            .map(r -> r.toTopSpender(categories.getOrDefault(r.customerId, List.of()), query))
            .toList();
    return new PageResult<>(
        items, rows.page(), rows.size(), rows.totalItems(), rows.totalPages(), rows.sort());
  }

  private Map<String, List<CategorySpend>> topCategories(TopSpendersQuery query, List<Row> rows) {
    if (rows.isEmpty()) {
      return Map.of();
    }
    SqlWhere where = where(query).bind("customerIds", rows.stream().map(Row::customerId).toList());
    Map<String, List<CategorySpend>> byCustomer = new HashMap<>();
    jdbc.query(
        SPEND_BY_CATEGORY.formatted(where.sql()),
        where.params(),
        rs -> {
          byCustomer
              .computeIfAbsent(rs.getString("customer_id"), k -> new ArrayList<>())
              .add(
                  new CategorySpend(
                      rs.getString("category"), rs.getBigDecimal("spend"), rs.getLong("units")));
        });
    Comparator<CategorySpend> highestFirst =
        Comparator.comparing(CategorySpend::spend)
            .reversed()
            .thenComparing(
                CategorySpend::category, Comparator.nullsLast(Comparator.naturalOrder()));
    Map<String, List<CategorySpend>> top = new HashMap<>();
    byCustomer.forEach(
        (customer, list) ->
            top.put(customer, list.stream().sorted(highestFirst).limit(TOP_CATEGORIES).toList()));
    return top;
  }

  private static SqlWhere where(TopSpendersQuery query) {
    return new SqlWhere()
        .and("order_date BETWEEN :from AND :to")
        .bind("from", query.period().from())
        .bind("to", query.period().to())
        .and("NOT is_cancelled")
        .equalIfPresent("customer_state", "state", query.state())
        .equalIfPresent("channel", "channel", query.channel())
        .equalIfPresent("category", "category", query.category());
  }

  private record Row(
      long rank,
      String customerId,
      BigDecimal spend,
      long orders,
      long units,
      long couponOrders,
      BigDecimal couponValue) {

    TopSpender toTopSpender(List<CategorySpend> categories, TopSpendersQuery query) {
      BigDecimal perOrder =
          orders == 0 ? null : spend.divide(BigDecimal.valueOf(orders), 2, RoundingMode.HALF_UP);
      return new TopSpender(
          rank,
          customerId,
          spend,
          orders,
          units,
          perOrder,
          couponOrders,
          couponValue,
          categories,
          Map.of(
              "profile", Links.to("/api/v1/customers/{id}").build(customerId),
              "orderLines",
                  Links.to("/api/v1/order-lines")
                      .param("customerId", customerId)
                      .period(query.period())
                      .build(),
              "runningTotals",
                  Links.to("/api/v1/customers/{id}/running-totals")
                      .period(query.period())
                      .build(customerId)));
    }
  }
}
