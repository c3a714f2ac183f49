-- Purchases per UTC minute from the clickstream, which arrives within a minute (orders come in
-- daily DMS files). A purchase is an order id on purchase events, timed by its first purchase
-- event; its value is the order's net value from order_lines once the order is in silver, before
-- that the list value of its purchase events.
WITH purchases AS (
  SELECT
    coalesce(order_id, event_id) AS purchase_id,
    min(occurred_at) AS purchased_at,
    sum(quantity) AS units,
    sum(price * quantity) AS event_value
  FROM silver_clickstream
  WHERE event_type = 'purchase'
  GROUP BY ALL
),
order_values AS (
  SELECT order_id, sum(net_amount) AS net_value FROM order_lines GROUP BY order_id
),
valued AS (
  SELECT date_trunc('minute', p.purchased_at) AS minute_start, p.units,
    coalesce(v.net_value, p.event_value, 0) AS value
  FROM purchases p
  LEFT JOIN order_values v ON v.order_id = p.purchase_id
)
SELECT
  CAST(minute_start AS DATE) AS purchase_date,
  CAST(timezone('UTC', minute_start) AS TIMESTAMPTZ) AS minute_start,
  CAST(count(*) AS BIGINT) AS purchases,
  CAST(coalesce(sum(units), 0) AS BIGINT) AS units,
  CAST(sum(value) AS DECIMAL(12,2)) AS revenue
FROM valued
GROUP BY minute_start
