-- Each return with the customer of its order (null while the order is unknown to silver).
SELECT
  CAST(r.return_id AS VARCHAR) AS return_id,
  CAST(r.order_item_id AS VARCHAR) AS order_line_id,
  CAST(r.order_id AS VARCHAR) AS order_id,
  CAST(o.customer_id AS VARCHAR) AS customer_id,
  CAST(r.product_id AS VARCHAR) AS product_id,
  CAST(r.returned_at AS DATE) AS return_date,
  CAST(timezone('UTC', r.returned_at) AS TIMESTAMPTZ) AS returned_at,
  CAST(r.quantity AS INTEGER) AS quantity,
  CAST(r.reason AS VARCHAR) AS reason,
  CAST(r.refund_amount AS DECIMAL(12,2)) AS refund_amount
FROM silver_returns r
LEFT JOIN (
  SELECT order_id, customer_id FROM silver_orders WHERE coalesce(op, 'I') <> 'D'
) o ON o.order_id = r.order_id
