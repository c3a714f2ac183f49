-- RFM per snapshot: among customers with orders, each score is the quintile (1-5) of their
-- recency (fewer days scores higher), order count and spend, ties sharing a score; customers
-- without orders score 1 and are prospects. The lifetime-value estimate is the spend so far plus
-- twelve months at the customer's monthly spend, weighted by recency_score / 5.
WITH scored AS (
  SELECT snapshot_date, customer_id,
    CAST(ceil(5 * cume_dist() OVER (PARTITION BY snapshot_date ORDER BY recency_days DESC)) AS INTEGER) AS r,
    CAST(ceil(5 * cume_dist() OVER (PARTITION BY snapshot_date ORDER BY orders_total)) AS INTEGER) AS f,
    CAST(ceil(5 * cume_dist() OVER (PARTITION BY snapshot_date ORDER BY spend_total)) AS INTEGER) AS m
  FROM customer_features
  WHERE orders_total > 0
),
segmented AS (
  SELECT c.customer_id, c.snapshot_date, c.orders_total, c.recency_days, c.spend_total,
    c.avg_spend_per_month,
    coalesce(s.r, 1) AS r, coalesce(s.f, 1) AS f, coalesce(s.m, 1) AS m
  FROM customer_features c
  LEFT JOIN scored s ON s.snapshot_date = c.snapshot_date AND s.customer_id = c.customer_id
)
SELECT
  CAST(customer_id AS VARCHAR) AS customer_id,
  CAST(snapshot_date AS DATE) AS snapshot_date,
  CAST(r AS INTEGER) AS recency_score,
  CAST(f AS INTEGER) AS frequency_score,
  CAST(m AS INTEGER) AS monetary_score,
  CAST(r || f || m AS VARCHAR) AS rfm_cell,
  CAST(CASE
    WHEN orders_total = 0 THEN 'prospect'
    WHEN r >= 4 AND f >= 4 AND m >= 4 THEN 'champions'
    WHEN orders_total = 1 AND recency_days <= 30 THEN 'new'
    WHEN r >= 3 AND f >= 3 THEN 'loyal'
    WHEN r <= 2 AND f >= 3 THEN 'at_risk'
    WHEN r <= 2 THEN 'hibernating'
    ELSE 'potential'
  END AS VARCHAR) AS segment,
  CAST(spend_total + avg_spend_per_month * 12 * r / 5.0 AS DECIMAL(12,2)) AS ltv_estimate
FROM segmented
