-- Sales of orders not cancelled, per order day, ship zip and product category. An order spanning
-- categories counts once in each.
SELECT
  CAST(order_date AS DATE) AS order_date,
  CAST(coalesce(ship_zip, 'unknown') AS VARCHAR) AS zip,
  CAST(coalesce(category, 'unknown') AS VARCHAR) AS category,
  CAST(count(DISTINCT order_id) AS BIGINT) AS orders,
  CAST(sum(quantity) AS BIGINT) AS units,
  CAST(sum(net_amount) AS DECIMAL(12,2)) AS revenue,
  CAST(count(DISTINCT order_id) FILTER (WHERE coupon_code IS NOT NULL) AS BIGINT) AS coupon_orders,
  CAST(sum(discount_amount) AS DECIMAL(12,2)) AS coupon_discount
FROM order_lines
WHERE order_status <> 'cancelled'
GROUP BY ALL
