-- Customer snapshots for dashboards and the churn model. Snapshot days are every day from the
-- first order day to the last (every snapshot_every_days days counted from a Sunday: 1 by default,
-- 7 for Sundays only), plus the last order day itself (the business clock: DMS commit
-- times, not client clocks). A snapshot is taken at the end of its day and every feature uses only
-- rows whose event time is on or before it: orders placed by then and not cancelled by then (a
-- later cancellation is ignored), returns received, tickets opened and ratings given by then, and
-- sessions that started in the window with their customer and purchases known by then.
-- Only churn_label looks forward: whether the customer shows no activity (session, order or
-- ticket) in the churn_horizon_days after the snapshot; null until that horizon has passed.
WITH horizon AS (
  SELECT CAST(getvariable('churn_horizon_days') AS INTEGER) AS days
),
cadence AS (
  SELECT CAST(getvariable('snapshot_every_days') AS INTEGER) AS days
),
bounds AS (
  SELECT min(order_date) AS first_day, max(order_date) AS as_of FROM order_lines
),
snapshots AS (
  SELECT CAST(t.d AS DATE) AS snapshot_date
  FROM bounds b, cadence k, generate_series(b.first_day, b.as_of, INTERVAL 1 DAY) AS t(d)
  WHERE b.first_day IS NOT NULL
    AND ((CAST(t.d AS DATE) - DATE '1970-01-04') % k.days = 0 OR CAST(t.d AS DATE) = b.as_of)
),
customer_versions AS (
  SELECT customer_id, updated_at, signup_date,
    min(updated_at) OVER (PARTITION BY customer_id) AS first_seen
  FROM silver_customers
),
population AS (
  SELECT s.snapshot_date, c.customer_id,
    greatest(0, s.snapshot_date - coalesce(c.signup_date, CAST(c.first_seen AS DATE))) AS tenure_days
  FROM snapshots s
  JOIN customer_versions c ON c.updated_at < s.snapshot_date + INTERVAL 1 DAY
  QUALIFY row_number() OVER (
    PARTITION BY s.snapshot_date, c.customer_id ORDER BY c.updated_at DESC) = 1
),
lines AS (
  SELECT customer_id, order_id, order_date, coalesce(category, 'unknown') AS category, quantity,
    net_amount, discount_amount, coupon_code IS NOT NULL AS has_coupon,
    CASE WHEN order_status = 'cancelled'
      THEN CAST(timezone('UTC', status_updated_at) AS DATE) END AS cancelled_on
  FROM order_lines
),
lines_at AS (
  SELECT s.snapshot_date, l.*
  FROM snapshots s
  JOIN lines l ON l.order_date <= s.snapshot_date
  WHERE l.cancelled_on IS NULL OR l.cancelled_on > s.snapshot_date
),
order_facts AS (
  SELECT snapshot_date, customer_id,
    count(DISTINCT order_id) AS orders_total,
    sum(quantity) AS units_total,
    sum(net_amount) AS spend_total,
    max(order_date) AS last_order_date,
    coalesce(sum(net_amount) FILTER (WHERE order_date > snapshot_date - 30), 0) AS spend_30d,
    coalesce(sum(net_amount) FILTER (WHERE order_date > snapshot_date - 90), 0) AS spend_90d,
    count(DISTINCT order_id) FILTER (WHERE order_date > snapshot_date - 30) AS orders_30d,
    count(DISTINCT order_id) FILTER (WHERE order_date > snapshot_date - 90) AS orders_90d,
    count(DISTINCT order_id) FILTER (WHERE has_coupon) AS coupons_applied,
    coalesce(sum(discount_amount) FILTER (WHERE has_coupon), 0) AS coupon_value_total
  FROM lines_at
  GROUP BY ALL
),
category_units AS (
  SELECT snapshot_date, customer_id,
    '{' || string_agg(to_json(category)::VARCHAR || ':' || units, ',' ORDER BY category) || '}'
      AS units_by_category
  FROM (
    SELECT snapshot_date, customer_id, category, sum(quantity) AS units
    FROM lines_at
    GROUP BY ALL
  )
  GROUP BY ALL
),
return_facts AS (
  SELECT s.snapshot_date, r.customer_id, count(*) AS returns_count,
    sum(r.quantity) AS units_returned
  FROM snapshots s
  JOIN returns r ON r.return_date <= s.snapshot_date
  WHERE r.customer_id IS NOT NULL
  GROUP BY ALL
),
ticket_facts AS (
  SELECT s.snapshot_date, t.customer_id,
    count(DISTINCT t.ticket_id) FILTER (
      WHERE CAST(t.created_at AS DATE) > s.snapshot_date - 90) AS tickets_90d
  FROM snapshots s
  JOIN silver_support_tickets t ON t.created_at < s.snapshot_date + INTERVAL 1 DAY
  GROUP BY ALL
),
-- A ticket's rating as of the snapshot is the one on its latest version by then.
ratings AS (
  SELECT snapshot_date, customer_id, avg(satisfaction) AS avg_satisfaction
  FROM (
    SELECT s.snapshot_date, t.customer_id, t.satisfaction
    FROM snapshots s
    JOIN silver_support_tickets t ON t.updated_at < s.snapshot_date + INTERVAL 1 DAY
    QUALIFY row_number() OVER (
      PARTITION BY s.snapshot_date, t.ticket_id ORDER BY t.updated_at DESC, t._record_key) = 1
  )
  WHERE satisfaction IS NOT NULL
  GROUP BY ALL
),
-- Sessions as web_sessions cuts them (per device, 30-minute gap), keeping when the session's
-- customer became known and when it first purchased, so a snapshot sees neither earlier than it
-- happened.
clicks AS (
  SELECT coalesce(anonymous_id, customer_id, session_id) AS device_id, event_id, occurred_at,
    customer_id, event_type
  FROM silver_clickstream
),
click_marked AS (
  SELECT *,
    CASE WHEN occurred_at - lag(occurred_at) OVER w <= INTERVAL 30 MINUTE THEN 0 ELSE 1 END
      AS starts_session
  FROM clicks
  WINDOW w AS (PARTITION BY device_id ORDER BY occurred_at, event_id)
),
click_sessions AS (
  SELECT *,
    sum(starts_session) OVER (PARTITION BY device_id ORDER BY occurred_at, event_id
      ROWS UNBOUNDED PRECEDING) AS session_no
  FROM click_marked
),
customer_sessions AS (
  SELECT
    CAST(min(occurred_at) AS DATE) AS session_date,
    first(customer_id ORDER BY occurred_at, event_id) FILTER (WHERE customer_id IS NOT NULL)
      AS customer_id,
    min(occurred_at) FILTER (WHERE customer_id IS NOT NULL) AS customer_known_at,
    min(occurred_at) FILTER (WHERE event_type = 'purchase') AS first_purchase_at
  FROM click_sessions
  GROUP BY device_id, session_no
  HAVING count(customer_id) > 0
),
session_facts AS (
  SELECT snapshot_date, customer_id,
    count(*) FILTER (WHERE days_ago < 7) AS sessions_7d,
    count(*) FILTER (WHERE days_ago < 30) AS sessions_30d,
    count(*) AS sessions_90d,
    count(*) FILTER (WHERE days_ago < 7 AND bought) AS buying_7d,
    count(*) FILTER (WHERE days_ago < 30 AND bought) AS buying_30d,
    count(*) FILTER (WHERE bought) AS buying_90d
  FROM (
    SELECT s.snapshot_date, c.customer_id, s.snapshot_date - c.session_date AS days_ago,
      coalesce(c.first_purchase_at < s.snapshot_date + INTERVAL 1 DAY, false) AS bought
    FROM snapshots s
    JOIN customer_sessions c
      ON c.session_date <= s.snapshot_date AND c.session_date > s.snapshot_date - 90
      AND c.customer_known_at < s.snapshot_date + INTERVAL 1 DAY
  )
  GROUP BY ALL
),
activity AS (
  SELECT customer_id, session_date AS active_on FROM customer_sessions
  UNION SELECT customer_id, order_date FROM order_lines
  UNION SELECT customer_id, CAST(created_at AS DATE) FROM silver_support_tickets
),
active_in_horizon AS (
  SELECT DISTINCT s.snapshot_date, a.customer_id
  FROM snapshots s
  CROSS JOIN horizon h
  JOIN activity a ON a.active_on > s.snapshot_date AND a.active_on <= s.snapshot_date + h.days
)
SELECT
  CAST(p.customer_id AS VARCHAR) AS customer_id,
  CAST(p.snapshot_date AS DATE) AS snapshot_date,
  CAST(p.tenure_days AS INTEGER) AS tenure_days,
  CAST(p.snapshot_date - o.last_order_date AS INTEGER) AS recency_days,
  CAST(coalesce(o.orders_total, 0) AS INTEGER) AS orders_total,
  CAST(coalesce(o.units_total, 0) AS INTEGER) AS units_total,
  CAST(coalesce(cu.units_by_category, '{}') AS VARCHAR) AS units_by_category,
  CAST(coalesce(o.spend_total, 0) AS DECIMAL(12,2)) AS spend_total,
  CAST(o.spend_total / nullif(o.orders_total, 0) AS DECIMAL(12,2)) AS avg_spend_per_order,
  CAST(coalesce(o.spend_total, 0) / greatest(1.0, p.tenure_days / 30.0) AS DECIMAL(12,2))
    AS avg_spend_per_month,
  CAST(coalesce(o.spend_30d, 0) AS DECIMAL(12,2)) AS spend_30d,
  CAST(coalesce(o.spend_90d, 0) AS DECIMAL(12,2)) AS spend_90d,
  CAST(coalesce(o.orders_30d, 0) AS INTEGER) AS orders_30d,
  CAST(coalesce(o.orders_90d, 0) AS INTEGER) AS orders_90d,
  CAST(coalesce(o.coupons_applied, 0) AS INTEGER) AS coupons_applied,
  CAST(coalesce(o.coupon_value_total, 0) AS DECIMAL(12,2)) AS coupon_value_total,
  CAST(coalesce(r.returns_count, 0) AS INTEGER) AS returns_count,
  CAST(CAST(coalesce(r.units_returned, 0) AS DOUBLE) / nullif(o.units_total, 0) AS DOUBLE)
    AS return_rate,
  CAST(coalesce(t.tickets_90d, 0) AS INTEGER) AS tickets_90d,
  CAST(g.avg_satisfaction AS DOUBLE) AS avg_satisfaction,
  CAST(coalesce(sf.sessions_7d, 0) AS INTEGER) AS sessions_7d,
  CAST(coalesce(sf.sessions_30d, 0) AS INTEGER) AS sessions_30d,
  CAST(coalesce(sf.sessions_90d, 0) AS INTEGER) AS sessions_90d,
  CAST(CAST(sf.buying_7d AS DOUBLE) / nullif(sf.sessions_7d, 0) AS DOUBLE) AS browse_to_buy_7d,
  CAST(CAST(sf.buying_30d AS DOUBLE) / nullif(sf.sessions_30d, 0) AS DOUBLE) AS browse_to_buy_30d,
  CAST(CAST(sf.buying_90d AS DOUBLE) / nullif(sf.sessions_90d, 0) AS DOUBLE) AS browse_to_buy_90d,
  CAST(CASE WHEN p.snapshot_date + h.days <= b.as_of THEN a.customer_id IS NULL END AS BOOLEAN)
    AS churn_label
FROM population p
CROSS JOIN bounds b
CROSS JOIN horizon h
LEFT JOIN order_facts o ON o.snapshot_date = p.snapshot_date AND o.customer_id = p.customer_id
LEFT JOIN category_units cu ON cu.snapshot_date = p.snapshot_date AND cu.customer_id = p.customer_id
LEFT JOIN return_facts r ON r.snapshot_date = p.snapshot_date AND r.customer_id = p.customer_id
LEFT JOIN ticket_facts t ON t.snapshot_date = p.snapshot_date AND t.customer_id = p.customer_id
LEFT JOIN ratings g ON g.snapshot_date = p.snapshot_date AND g.customer_id = p.customer_id
LEFT JOIN session_facts sf ON sf.snapshot_date = p.snapshot_date AND sf.customer_id = p.customer_id
LEFT JOIN active_in_horizon a ON a.snapshot_date = p.snapshot_date AND a.customer_id = p.customer_id
