-- Returns per product and return day, with the product's current category.
WITH current_category AS (
  SELECT product_id, category
  FROM products
  QUALIFY row_number() OVER (PARTITION BY product_id ORDER BY updated_at DESC) = 1
)
SELECT
  CAST(r.return_date AS DATE) AS return_date,
  CAST(r.product_id AS VARCHAR) AS product_id,
  CAST(min(c.category) AS VARCHAR) AS category,
  CAST(count(*) AS BIGINT) AS returns,
  CAST(sum(r.quantity) AS BIGINT) AS units_returned,
  CAST(sum(r.refund_amount) AS DECIMAL(12,2)) AS refund_amount
FROM returns r
LEFT JOIN current_category c ON c.product_id = r.product_id
GROUP BY r.return_date, r.product_id
