-- Coupon redemptions: lines of orders not cancelled that carry a coupon, per order day, product
-- category and coupon, with the campaign handing the coupon out (else the order's campaign).
WITH coupon_campaign AS (
  SELECT coupon_code, min(campaign_id) AS campaign_id
  FROM campaigns
  WHERE coupon_code IS NOT NULL
  GROUP BY coupon_code
)
SELECT
  CAST(l.order_date AS DATE) AS redemption_date,
  CAST(coalesce(l.category, 'unknown') AS VARCHAR) AS category,
  CAST(l.coupon_code AS VARCHAR) AS coupon_code,
  CAST(coalesce(min(c.campaign_id), min(l.campaign_id)) AS VARCHAR) AS campaign_id,
  CAST(count(DISTINCT l.order_id) AS BIGINT) AS redemptions,
  CAST(sum(l.discount_amount) AS DECIMAL(12,2)) AS discount_amount,
  CAST(sum(l.net_amount) AS DECIMAL(12,2)) AS revenue
FROM order_lines l
LEFT JOIN coupon_campaign c ON c.coupon_code = l.coupon_code
WHERE l.order_status <> 'cancelled' AND l.coupon_code IS NOT NULL
GROUP BY l.order_date, coalesce(l.category, 'unknown'), l.coupon_code
