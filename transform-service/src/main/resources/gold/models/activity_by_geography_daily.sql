-- Activity per zip and day for the heat map: sessions from the zip, customers active there (a
-- session from the zip or an order shipped to it, cancelled or not), and orders not cancelled
-- shipped to it with their revenue. Rows without a zip are left out.
WITH session_activity AS (
  SELECT session_date AS activity_date, zip, count(*) AS sessions
  FROM web_sessions
  WHERE zip IS NOT NULL
  GROUP BY ALL
),
order_activity AS (
  SELECT order_date AS activity_date, ship_zip AS zip,
    count(DISTINCT order_id) AS orders, sum(net_amount) AS revenue
  FROM order_lines
  WHERE ship_zip IS NOT NULL AND order_status <> 'cancelled'
  GROUP BY ALL
),
active AS (
  SELECT activity_date, zip, count(DISTINCT customer_id) AS active_customers
  FROM (
    SELECT session_date AS activity_date, zip, customer_id FROM web_sessions
    WHERE zip IS NOT NULL AND customer_id IS NOT NULL
    UNION ALL
    SELECT order_date, ship_zip, customer_id FROM order_lines WHERE ship_zip IS NOT NULL
  )
  GROUP BY ALL
),
keys AS (
  SELECT activity_date, zip FROM session_activity
  UNION SELECT activity_date, zip FROM order_activity
  UNION SELECT activity_date, zip FROM active
)
SELECT
  CAST(k.activity_date AS DATE) AS activity_date,
  CAST(k.zip AS VARCHAR) AS zip,
  CAST(g.state AS VARCHAR) AS state,
  CAST(coalesce(s.sessions, 0) AS BIGINT) AS sessions,
  CAST(coalesce(a.active_customers, 0) AS BIGINT) AS active_customers,
  CAST(coalesce(o.orders, 0) AS BIGINT) AS orders,
  CAST(coalesce(o.revenue, 0) AS DECIMAL(12,2)) AS revenue
FROM keys k
LEFT JOIN session_activity s ON s.activity_date = k.activity_date AND s.zip = k.zip
LEFT JOIN order_activity o ON o.activity_date = k.activity_date AND o.zip = k.zip
LEFT JOIN active a ON a.activity_date = k.activity_date AND a.zip = k.zip
LEFT JOIN geography g ON g.zip = k.zip
