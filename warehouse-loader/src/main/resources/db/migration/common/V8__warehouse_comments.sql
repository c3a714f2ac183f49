-- What each warehouse table holds (both flavours). Column-level documentation is on the
-- analytics views, the interface analysts use.
COMMENT ON TABLE warehouse.dim_customer IS 'Customers as a type-2 slowly changing dimension: one row per CRM version, valid from valid_from (inclusive) to valid_to (exclusive); the first version of a customer is valid from 1900-01-01 so every order finds one.';
COMMENT ON TABLE warehouse.dim_product IS 'Products with their newest catalogue version (type 1).';
COMMENT ON TABLE warehouse.dim_date IS 'Calendar days, keyed yyyymmdd; a day is added when a batch first loads data for it.';
COMMENT ON TABLE warehouse.dim_geography IS 'US zip codes with city, state and, when known, coordinates.';
COMMENT ON TABLE warehouse.dim_campaign IS 'Marketing campaigns with their UTM parameters and coupon.';
COMMENT ON TABLE warehouse.fact_order_line IS 'One row per order line, from gold order_lines; customer_key points at the dim_customer version valid at order_ts.';
COMMENT ON TABLE warehouse.fact_return IS 'One row per product return, from gold returns.';
COMMENT ON TABLE warehouse.fact_web_session IS 'One row per clickstream session, from gold web_sessions.';
COMMENT ON TABLE warehouse.fact_weblog_hourly IS 'Web-server traffic per hour and server, from gold weblog_hourly.';
COMMENT ON TABLE warehouse.fact_weather_daily IS 'Daily weather per zip code, from gold weather_daily.';
COMMENT ON TABLE warehouse.customer_features IS 'Daily feature snapshot per customer, from gold customer_features.';
COMMENT ON TABLE warehouse.customer_segments IS 'Daily RFM segment and lifetime-value estimate per customer, from gold customer_segments.';
COMMENT ON TABLE warehouse.churn_scores IS 'Churn scores written by ml-scoring-service: one per customer, feature snapshot and model version.';
COMMENT ON TABLE warehouse.agg_sales_by_zip_category_daily IS 'Dashboard aggregate from gold sales_by_zip_category_daily.';
COMMENT ON TABLE warehouse.agg_returns_by_product_daily IS 'Dashboard aggregate from gold returns_by_product_daily.';
COMMENT ON TABLE warehouse.agg_coupon_redemptions_daily IS 'Dashboard aggregate from gold coupon_redemptions_daily.';
COMMENT ON TABLE warehouse.agg_campaign_referrals_daily IS 'Dashboard aggregate from gold campaign_referrals_daily.';
COMMENT ON TABLE warehouse.agg_activity_by_geography_daily IS 'Dashboard aggregate from gold activity_by_geography_daily.';
COMMENT ON TABLE warehouse.agg_purchases_per_minute IS 'Dashboard aggregate from gold purchases_per_minute.';
COMMENT ON TABLE ops.load_manifest IS 'One row per gold batch applied (model, batch_id); a batch found here is skipped.';
COMMENT ON TABLE ops.load_partition IS 'For each partition of a partition-replaced model, the batch whose rows it holds.';
