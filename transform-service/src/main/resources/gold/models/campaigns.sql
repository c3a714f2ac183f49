-- Campaigns as clickstream (ad clicks, coupon redemptions) and orders show them. The attributes are
-- constant per campaign; the smallest value seen is kept so a stray value cannot flip between
-- builds. The promoted category is the utm_term of the campaign's ad clicks, where the shop's
-- campaign links carry it.
WITH seen AS (
  SELECT
    campaign_id, utm_source, utm_medium, utm_campaign, coupon_code,
    CASE WHEN event_type = 'ad_click' THEN utm_term END AS promoted_category,
    CAST(occurred_at AS DATE) AS seen_on
  FROM silver_clickstream
  WHERE campaign_id IS NOT NULL
  UNION ALL
  SELECT
    campaign_id, NULL, NULL, NULL, coupon_code, NULL, CAST(order_ts AS DATE)
  FROM silver_orders
  WHERE campaign_id IS NOT NULL AND coalesce(op, 'I') <> 'D'
)
SELECT
  CAST(campaign_id AS VARCHAR) AS campaign_id,
  CAST(min(utm_source) AS VARCHAR) AS utm_source,
  CAST(min(utm_medium) AS VARCHAR) AS utm_medium,
  CAST(min(utm_campaign) AS VARCHAR) AS utm_campaign,
  CAST(min(coupon_code) AS VARCHAR) AS coupon_code,
  CAST(min(promoted_category) AS VARCHAR) AS promoted_category,
  CAST(min(seen_on) AS DATE) AS first_seen_date,
  CAST(max(seen_on) AS DATE) AS last_seen_date
FROM seen
GROUP BY campaign_id
