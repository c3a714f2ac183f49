-- Every zip code seen as a customer address, ship-to zip, visitor zip or weather station. City and
-- state come from customers' current addresses (the most common spelling per zip); no source
-- carries coordinates yet, so latitude and longitude stay null.
WITH current_address AS (
  SELECT zip, city, state
  FROM silver_customers
  WHERE zip IS NOT NULL
  QUALIFY row_number() OVER (PARTITION BY customer_id ORDER BY updated_at DESC, _record_key) = 1
),
place AS (
  SELECT zip, city, state
  FROM (SELECT zip, city, state, count(*) AS n FROM current_address GROUP BY ALL)
  QUALIFY row_number() OVER (PARTITION BY zip ORDER BY n DESC, city, state) = 1
),
zips AS (
  SELECT zip FROM silver_customers
  UNION SELECT ship_zip FROM silver_orders WHERE coalesce(op, 'I') <> 'D'
  UNION SELECT zip FROM silver_clickstream
  UNION SELECT zip FROM silver_weather
)
SELECT
  CAST(z.zip AS VARCHAR) AS zip,
  CAST(p.city AS VARCHAR) AS city,
  CAST(p.state AS VARCHAR) AS state,
  CAST(NULL AS DOUBLE) AS latitude,
  CAST(NULL AS DOUBLE) AS longitude
FROM zips z
LEFT JOIN place p ON p.zip = z.zip
WHERE z.zip IS NOT NULL
