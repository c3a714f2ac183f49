-- Clickstream sessionized per device (anonymous_id; else the customer, else the client session):
-- events ordered by time, a gap of more than 30 minutes starts a new session. The session id is
-- an MD5 of the device and the session's first event id, so it is stable across rebuilds.
WITH events AS (
  SELECT
    coalesce(anonymous_id, customer_id, session_id) AS device_id,
    event_id, event_type, customer_id, device, occurred_at, product_id, order_id,
    campaign_id, utm_source, referrer, zip, price, quantity
  FROM silver_clickstream
),
marked AS (
  SELECT *,
    CASE WHEN occurred_at - lag(occurred_at) OVER w <= INTERVAL 30 MINUTE THEN 0 ELSE 1 END
      AS starts_session
  FROM events
  WINDOW w AS (PARTITION BY device_id ORDER BY occurred_at, event_id)
),
numbered AS (
  SELECT *,
    sum(starts_session) OVER (PARTITION BY device_id ORDER BY occurred_at, event_id
      ROWS UNBOUNDED PRECEDING) AS session_no
  FROM marked
),
-- What each purchased order is worth: its net value from order_lines, or while the order has not
-- reached silver, the list value of its purchase events.
purchases AS (
  SELECT device_id, session_no, order_id, sum(price * quantity) AS event_value
  FROM numbered
  WHERE event_type = 'purchase' AND order_id IS NOT NULL
  GROUP BY ALL
),
order_values AS (
  SELECT order_id, sum(net_amount) AS net_value FROM order_lines GROUP BY order_id
),
session_revenue AS (
  SELECT p.device_id, p.session_no, sum(coalesce(v.net_value, p.event_value, 0)) AS revenue
  FROM purchases p
  LEFT JOIN order_values v ON v.order_id = p.order_id
  GROUP BY ALL
),
sessions AS (
  SELECT
    device_id, session_no,
    first(event_id ORDER BY occurred_at, event_id) AS first_event_id,
    first(customer_id ORDER BY occurred_at, event_id) FILTER (WHERE customer_id IS NOT NULL)
      AS customer_id,
    first(device ORDER BY occurred_at, event_id) FILTER (WHERE device IS NOT NULL) AS device,
    min(occurred_at) AS session_start,
    max(occurred_at) AS session_end,
    count(*) FILTER (WHERE event_type IN ('page_view', 'product_view')) AS page_views,
    count(*) AS events,
    count(DISTINCT product_id) FILTER (WHERE event_type = 'product_view') AS products_viewed,
    count(DISTINCT product_id) FILTER (WHERE event_type = 'purchase') AS products_purchased,
    count(DISTINCT order_id) FILTER (WHERE event_type = 'purchase') AS orders,
    first(campaign_id ORDER BY occurred_at, event_id) AS entry_campaign_id,
    first(utm_source ORDER BY occurred_at, event_id) AS entry_utm_source,
    first(referrer ORDER BY occurred_at, event_id) AS entry_referrer,
    first(zip ORDER BY occurred_at, event_id) FILTER (WHERE zip IS NOT NULL) AS zip
  FROM numbered
  GROUP BY device_id, session_no
)
SELECT
  CAST(md5(s.device_id || chr(31) || s.first_event_id) AS VARCHAR) AS session_id,
  CAST(s.device_id AS VARCHAR) AS device_id,
  CAST(s.customer_id AS VARCHAR) AS customer_id,
  CAST(s.device AS VARCHAR) AS device,
  CAST(s.session_start AS DATE) AS session_date,
  CAST(timezone('UTC', s.session_start) AS TIMESTAMPTZ) AS session_start,
  CAST(timezone('UTC', s.session_end) AS TIMESTAMPTZ) AS session_end,
  CAST(floor(epoch(s.session_end) - epoch(s.session_start)) AS INTEGER) AS duration_seconds,
  CAST(s.page_views AS INTEGER) AS page_views,
  CAST(s.events AS INTEGER) AS events,
  CAST(s.products_viewed AS INTEGER) AS products_viewed,
  CAST(s.products_purchased AS INTEGER) AS products_purchased,
  CAST(s.orders AS INTEGER) AS orders,
  CAST(coalesce(r.revenue, 0) AS DECIMAL(12,2)) AS revenue,
  CAST(s.entry_campaign_id AS VARCHAR) AS entry_campaign_id,
  CAST(s.entry_utm_source AS VARCHAR) AS entry_utm_source,
  CAST(s.entry_referrer AS VARCHAR) AS entry_referrer,
  CAST(s.zip AS VARCHAR) AS zip
FROM sessions s
LEFT JOIN session_revenue r ON r.device_id = s.device_id AND r.session_no = s.session_no
