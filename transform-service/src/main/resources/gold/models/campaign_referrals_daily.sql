-- What each campaign referred per day: sessions whose entry event carries the campaign.
SELECT
  CAST(s.session_date AS DATE) AS referral_date,
  CAST(s.entry_campaign_id AS VARCHAR) AS campaign_id,
  CAST(min(c.utm_source) AS VARCHAR) AS utm_source,
  CAST(min(c.utm_medium) AS VARCHAR) AS utm_medium,
  CAST(count(*) AS BIGINT) AS sessions,
  CAST(count(DISTINCT s.device_id) AS BIGINT) AS visitors,
  CAST(sum(s.orders) AS BIGINT) AS orders,
  CAST(sum(s.revenue) AS DECIMAL(12,2)) AS revenue
FROM web_sessions s
LEFT JOIN campaigns c ON c.campaign_id = s.entry_campaign_id
WHERE s.entry_campaign_id IS NOT NULL
GROUP BY s.session_date, s.entry_campaign_id
