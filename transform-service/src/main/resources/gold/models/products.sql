-- Every version of every product as silver holds it (one row per product_id and updated_at).
SELECT
  CAST(product_id AS VARCHAR) AS product_id,
  CAST(timezone('UTC', updated_at) AS TIMESTAMPTZ) AS updated_at,
  CAST(name AS VARCHAR) AS product_name,
  CAST(category AS VARCHAR) AS category,
  CAST(subcategory AS VARCHAR) AS subcategory,
  CAST(brand AS VARCHAR) AS brand,
  CAST(price AS DECIMAL(12,2)) AS list_price,
  CAST(cost AS DECIMAL(12,2)) AS unit_cost,
  CAST(active AS BOOLEAN) AS active
FROM silver_products
