-- Dashboard aggregates (PostgreSQL), one table per gold aggregate model; the partition column
-- leads each primary key. The Redshift twin is redshift/V5__aggregates.sql.

CREATE TABLE warehouse.agg_sales_by_zip_category_daily (
  order_date       DATE          NOT NULL,
  zip              VARCHAR(10)   NOT NULL,
  category         VARCHAR(64)   NOT NULL,
  orders           BIGINT        NOT NULL,
  units            BIGINT        NOT NULL,
  revenue          NUMERIC(12,2) NOT NULL,
  coupon_orders    BIGINT        NOT NULL,
  coupon_discount  NUMERIC(12,2) NOT NULL,
  load_batch_id    VARCHAR(128)  NOT NULL,
  PRIMARY KEY (order_date, zip, category)
);

CREATE TABLE warehouse.agg_returns_by_product_daily (
  return_date     DATE          NOT NULL,
  product_id      VARCHAR(64)   NOT NULL,
  category        VARCHAR(64),
  returns         BIGINT        NOT NULL,
  units_returned  BIGINT        NOT NULL,
  refund_amount   NUMERIC(12,2) NOT NULL,
  load_batch_id   VARCHAR(128)  NOT NULL,
  PRIMARY KEY (return_date, product_id)
);

CREATE TABLE warehouse.agg_coupon_redemptions_daily (
  redemption_date  DATE          NOT NULL,
  category         VARCHAR(64)   NOT NULL,
  coupon_code      VARCHAR(64)   NOT NULL,
  campaign_id      VARCHAR(64),
  redemptions      BIGINT        NOT NULL,
  discount_amount  NUMERIC(12,2) NOT NULL,
  revenue          NUMERIC(12,2) NOT NULL,
  load_batch_id    VARCHAR(128)  NOT NULL,
  PRIMARY KEY (redemption_date, category, coupon_code)
);

CREATE TABLE warehouse.agg_campaign_referrals_daily (
  referral_date  DATE          NOT NULL,
  campaign_id    VARCHAR(64)   NOT NULL,
  utm_source     VARCHAR(64),
  utm_medium     VARCHAR(64),
  sessions       BIGINT        NOT NULL,
  visitors       BIGINT        NOT NULL,
  orders         BIGINT        NOT NULL,
  revenue        NUMERIC(12,2) NOT NULL,
  load_batch_id  VARCHAR(128)  NOT NULL,
  PRIMARY KEY (referral_date, campaign_id)
);

CREATE TABLE warehouse.agg_activity_by_geography_daily (
  activity_date     DATE          NOT NULL,
  zip               VARCHAR(10)   NOT NULL,
  state             VARCHAR(2),
  sessions          BIGINT        NOT NULL,
  active_customers  BIGINT        NOT NULL,
  orders            BIGINT        NOT NULL,
  revenue           NUMERIC(12,2) NOT NULL,
  load_batch_id     VARCHAR(128)  NOT NULL,
  PRIMARY KEY (activity_date, zip)
);

CREATE TABLE warehouse.agg_purchases_per_minute (
  purchase_date  DATE          NOT NULL,
  minute_start   TIMESTAMPTZ   NOT NULL,
  purchases      BIGINT        NOT NULL,
  units          BIGINT        NOT NULL,
  revenue        NUMERIC(12,2) NOT NULL,
  load_batch_id  VARCHAR(128)  NOT NULL,
  PRIMARY KEY (minute_start)
);
CREATE INDEX agg_purchases_per_minute_date_ix ON warehouse.agg_purchases_per_minute (purchase_date);
