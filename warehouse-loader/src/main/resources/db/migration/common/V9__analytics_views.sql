-- The analytics interface (both flavours): plain views over the warehouse, documented column by
-- column in V10__analytics_comments.sql. Portable SQL only: this file runs on PostgreSQL and
-- Redshift alike.

CREATE VIEW analytics.customers AS
SELECT customer_key, customer_id, source_updated_at AS updated_at, birth_year_band, city, state, zip,
       signup_date, loyalty_tier, marketing_opt_in, first_name_token, last_name_token, email_hash,
       phone_hash
FROM warehouse.dim_customer
WHERE is_current;

CREATE VIEW analytics.customer_history AS
SELECT customer_key, customer_id, source_updated_at AS updated_at, valid_from, valid_to, is_current,
       birth_year_band, city, state, zip, signup_date, loyalty_tier, marketing_opt_in
FROM warehouse.dim_customer;

CREATE VIEW analytics.products AS
SELECT product_id, product_name, category, subcategory, brand, list_price, unit_cost, active,
       updated_at
FROM warehouse.dim_product;

CREATE VIEW analytics.dates AS
SELECT date_key, calendar_date, year, quarter, month, month_name, year_month, first_day_of_month,
       iso_year, iso_week, day_of_month, day_of_week, day_name, is_weekend
FROM warehouse.dim_date;

CREATE VIEW analytics.geography AS
SELECT zip, city, state, latitude, longitude
FROM warehouse.dim_geography;

CREATE VIEW analytics.campaigns AS
SELECT campaign_id, utm_source, utm_medium, utm_campaign, coupon_code, promoted_category,
       first_seen_date, last_seen_date
FROM warehouse.dim_campaign;

CREATE VIEW analytics.order_lines AS
SELECT f.order_line_id, f.order_id, f.order_date, f.order_ts, f.order_status,
       f.order_status = 'cancelled' AS is_cancelled, f.status_updated_at, f.channel,
       f.customer_id, f.customer_key, c.zip AS customer_zip, c.state AS customer_state,
       c.loyalty_tier AS customer_loyalty_tier, f.ship_zip, g.city AS ship_city,
       g.state AS ship_state, f.product_id, f.product_name, f.category, f.subcategory, f.brand,
       f.quantity, f.unit_price, f.quantity * f.unit_price AS gross_amount, f.discount_amount,
       f.net_amount, f.coupon_code, f.campaign_id, f.weather_condition, f.temp_max_f,
       f.precipitation_in, f.returned_quantity, f.returned_amount
FROM warehouse.fact_order_line f
LEFT JOIN warehouse.dim_customer c ON c.customer_key = f.customer_key
LEFT JOIN warehouse.dim_geography g ON g.zip = f.ship_zip;

CREATE VIEW analytics.returns AS
SELECT r.return_id, r.order_line_id, r.order_id, r.customer_id, r.product_id, p.product_name,
       p.category, r.return_date, r.returned_at, r.quantity, r.reason, r.refund_amount
FROM warehouse.fact_return r
LEFT JOIN warehouse.dim_product p ON p.product_id = r.product_id;

CREATE VIEW analytics.web_sessions AS
SELECT session_id, device_id, customer_id, device, session_date, session_start, session_end,
       duration_seconds, page_views, events, products_viewed, products_purchased, orders,
       orders > 0 AS converted, revenue, entry_campaign_id, entry_utm_source, entry_referrer, zip
FROM warehouse.fact_web_session;

CREATE VIEW analytics.weblog_hourly AS
SELECT log_date, hour_start, server, hits, unique_visitors, status_2xx, status_3xx, status_4xx,
       status_5xx, bytes_sent, bot_hits,
       CAST(bot_hits AS DOUBLE PRECISION) / NULLIF(hits, 0) AS bot_share, top_paths
FROM warehouse.fact_weblog_hourly;

CREATE VIEW analytics.weather_daily AS
SELECT zip, weather_date, kind, temp_max_f, temp_min_f, precipitation_in, condition
FROM warehouse.fact_weather_daily;

CREATE VIEW analytics.customer_features AS
SELECT customer_id, snapshot_date, tenure_days, recency_days, orders_total, units_total,
       units_by_category, spend_total, avg_spend_per_order, avg_spend_per_month, spend_30d,
       spend_90d, orders_30d, orders_90d, coupons_applied, coupon_value_total, returns_count,
       return_rate, tickets_90d, avg_satisfaction, sessions_7d, sessions_30d, sessions_90d,
       browse_to_buy_7d, browse_to_buy_30d, browse_to_buy_90d, churn_label
FROM warehouse.customer_features;

CREATE VIEW analytics.customer_segments AS
SELECT customer_id, snapshot_date, recency_score, frequency_score, monetary_score, rfm_cell,
       segment, ltv_estimate
FROM warehouse.customer_segments;

CREATE VIEW analytics.churn_scores AS
SELECT customer_id, feature_snapshot_date, model_version, scored_at, score, risk_band, top_features
FROM warehouse.churn_scores;

CREATE VIEW analytics.churn_scores_latest AS
SELECT customer_id, feature_snapshot_date, model_version, scored_at, score, risk_band, top_features
FROM (
  SELECT customer_id, feature_snapshot_date, model_version, scored_at, score, risk_band,
         top_features,
         ROW_NUMBER() OVER (PARTITION BY customer_id ORDER BY scored_at DESC, model_version DESC)
           AS recency_rank
  FROM warehouse.churn_scores
) ranked
WHERE recency_rank = 1;

CREATE VIEW analytics.sales_by_zip_category_daily AS
SELECT a.order_date, d.year_month, a.zip, g.city, g.state, a.category, a.orders, a.units,
       a.revenue, a.coupon_orders, a.coupon_discount
FROM warehouse.agg_sales_by_zip_category_daily a
LEFT JOIN warehouse.dim_date d ON d.calendar_date = a.order_date
LEFT JOIN warehouse.dim_geography g ON g.zip = a.zip;

CREATE VIEW analytics.returns_by_product_daily AS
SELECT a.return_date, a.product_id, p.product_name, a.category, a.returns, a.units_returned,
       a.refund_amount
FROM warehouse.agg_returns_by_product_daily a
LEFT JOIN warehouse.dim_product p ON p.product_id = a.product_id;

CREATE VIEW analytics.coupon_redemptions_daily AS
SELECT redemption_date, category, coupon_code, campaign_id, redemptions, discount_amount, revenue
FROM warehouse.agg_coupon_redemptions_daily;

CREATE VIEW analytics.campaign_referrals_daily AS
SELECT a.referral_date, a.campaign_id, c.utm_campaign, a.utm_source, a.utm_medium,
       c.promoted_category, a.sessions, a.visitors, a.orders, a.revenue
FROM warehouse.agg_campaign_referrals_daily a
LEFT JOIN warehouse.dim_campaign c ON c.campaign_id = a.campaign_id;

CREATE VIEW analytics.activity_by_geography_daily AS
SELECT a.activity_date, a.zip, g.city, COALESCE(a.state, g.state) AS state, g.latitude,
       g.longitude, a.sessions, a.active_customers, a.orders, a.revenue
FROM warehouse.agg_activity_by_geography_daily a
LEFT JOIN warehouse.dim_geography g ON g.zip = a.zip;

CREATE VIEW analytics.purchases_per_minute AS
SELECT purchase_date, minute_start, purchases, units, revenue
FROM warehouse.agg_purchases_per_minute;

CREATE VIEW analytics.load_freshness AS
SELECT model, MAX(loaded_at) AS last_loaded_at, MAX(produced_at) AS last_produced_at,
       COUNT(*) AS batches_loaded
FROM ops.load_manifest
GROUP BY model;
