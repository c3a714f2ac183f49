-- One row per order line: the line (DMS order_items after CDC), its order's latest status, the
-- product version in force when the order was placed, the weather in the ship zip that day, and the
-- returns booked against the line so far. Rows silver marks deleted (op = 'D') are left out.
WITH orders AS (
  SELECT * FROM silver_orders WHERE coalesce(op, 'I') <> 'D'
),
items AS (
  SELECT * FROM silver_order_items WHERE coalesce(op, 'I') <> 'D'
),
lines AS (
  SELECT
    i.order_item_id, i.order_id, i.product_id, i.quantity, i.unit_price,
    coalesce(i.discount, 0) AS discount,
    o.order_ts, o.status, coalesce(o.cdc_timestamp, o.order_ts) AS status_updated_at, o.channel,
    o.customer_id, o.ship_zip, o.coupon_code, o.campaign_id
  FROM items i
  JOIN orders o ON o.order_id = i.order_id
),
product_versions AS (
  SELECT product_id, timezone('UTC', updated_at) AS valid_from, product_name, category,
    subcategory, brand
  FROM products
),
-- The version in force at order time; a product first seen after the order falls back to its
-- first version.
first_versions AS (
  SELECT * FROM product_versions
  QUALIFY row_number() OVER (PARTITION BY product_id ORDER BY valid_from) = 1
),
with_product AS (
  SELECT l.*,
    coalesce(v.product_name, f.product_name) AS product_name,
    coalesce(v.category, f.category) AS category,
    coalesce(v.subcategory, f.subcategory) AS subcategory,
    coalesce(v.brand, f.brand) AS brand
  FROM lines l
  ASOF LEFT JOIN product_versions v ON v.product_id = l.product_id AND l.order_ts >= v.valid_from
  LEFT JOIN first_versions f ON f.product_id = l.product_id
),
returned AS (
  SELECT order_line_id, sum(quantity) AS quantity, sum(refund_amount) AS amount
  FROM returns
  GROUP BY order_line_id
)
SELECT
  CAST(p.order_item_id AS VARCHAR) AS order_line_id,
  CAST(p.order_id AS VARCHAR) AS order_id,
  CAST(p.order_ts AS DATE) AS order_date,
  CAST(timezone('UTC', p.order_ts) AS TIMESTAMPTZ) AS order_ts,
  CAST(p.status AS VARCHAR) AS order_status,
  CAST(timezone('UTC', p.status_updated_at) AS TIMESTAMPTZ) AS status_updated_at,
  CAST(p.channel AS VARCHAR) AS channel,
  CAST(p.customer_id AS VARCHAR) AS customer_id,
  CAST(p.ship_zip AS VARCHAR) AS ship_zip,
  CAST(p.product_id AS VARCHAR) AS product_id,
  CAST(p.product_name AS VARCHAR) AS product_name,
  CAST(p.category AS VARCHAR) AS category,
  CAST(p.subcategory AS VARCHAR) AS subcategory,
  CAST(p.brand AS VARCHAR) AS brand,
  CAST(p.quantity AS INTEGER) AS quantity,
  CAST(p.unit_price AS DECIMAL(12,2)) AS unit_price,
  CAST(p.discount AS DECIMAL(12,2)) AS discount_amount,
  CAST(p.quantity * p.unit_price - p.discount AS DECIMAL(12,2)) AS net_amount,
  CAST(p.coupon_code AS VARCHAR) AS coupon_code,
  CAST(p.campaign_id AS VARCHAR) AS campaign_id,
  CAST(w.condition AS VARCHAR) AS weather_condition,
  CAST(w.temp_max_f AS DOUBLE) AS temp_max_f,
  CAST(w.precipitation_in AS DOUBLE) AS precipitation_in,
  CAST(coalesce(r.quantity, 0) AS INTEGER) AS returned_quantity,
  CAST(coalesce(r.amount, 0) AS DECIMAL(12,2)) AS returned_amount
FROM with_product p
LEFT JOIN weather_daily w ON w.zip = p.ship_zip AND w.weather_date = CAST(p.order_ts AS DATE)
LEFT JOIN returned r ON r.order_line_id = p.order_item_id
