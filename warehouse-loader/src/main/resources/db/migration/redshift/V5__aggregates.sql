-- Dashboard aggregates (Redshift): small, evenly distributed, sorted by their partition date.

CREATE TABLE warehouse.agg_sales_by_zip_category_daily (
  order_date       DATE          ENCODE raw NOT NULL,
  zip              VARCHAR(10)   ENCODE zstd NOT NULL,
  category         VARCHAR(64)   ENCODE zstd NOT NULL,
  orders           BIGINT        ENCODE az64 NOT NULL,
  units            BIGINT        ENCODE az64 NOT NULL,
  revenue          NUMERIC(12,2) ENCODE az64 NOT NULL,
  coupon_orders    BIGINT        ENCODE az64 NOT NULL,
  coupon_discount  NUMERIC(12,2) ENCODE az64 NOT NULL,
  load_batch_id    VARCHAR(128)  ENCODE zstd NOT NULL,
  PRIMARY KEY (order_date, zip, category)
)
DISTSTYLE EVEN
COMPOUND SORTKEY (order_date, zip);

CREATE TABLE warehouse.agg_returns_by_product_daily (
  return_date     DATE          ENCODE raw NOT NULL,
  product_id      VARCHAR(64)   ENCODE zstd NOT NULL,
  category        VARCHAR(64)   ENCODE zstd,
  returns         BIGINT        ENCODE az64 NOT NULL,
  units_returned  BIGINT        ENCODE az64 NOT NULL,
  refund_amount   NUMERIC(12,2) ENCODE az64 NOT NULL,
  load_batch_id   VARCHAR(128)  ENCODE zstd NOT NULL,
  PRIMARY KEY (return_date, product_id)
)
DISTSTYLE EVEN
COMPOUND SORTKEY (return_date, product_id);

CREATE TABLE warehouse.agg_coupon_redemptions_daily (
  redemption_date  DATE          ENCODE raw NOT NULL,
  category         VARCHAR(64)   ENCODE zstd NOT NULL,
  coupon_code      VARCHAR(64)   ENCODE zstd NOT NULL,
  campaign_id      VARCHAR(64)   ENCODE zstd,
  redemptions      BIGINT        ENCODE az64 NOT NULL,
  discount_amount  NUMERIC(12,2) ENCODE az64 NOT NULL,
  revenue          NUMERIC(12,2) ENCODE az64 NOT NULL,
  load_batch_id    VARCHAR(128)  ENCODE zstd NOT NULL,
  PRIMARY KEY (redemption_date, category, coupon_code)
)
DISTSTYLE EVEN
COMPOUND SORTKEY (redemption_date, category);

CREATE TABLE warehouse.agg_campaign_referrals_daily (
  referral_date  DATE          ENCODE raw NOT NULL,
  campaign_id    VARCHAR(64)   ENCODE zstd NOT NULL,
  utm_source     VARCHAR(64)   ENCODE zstd,
  utm_medium     VARCHAR(64)   ENCODE zstd,
  sessions       BIGINT        ENCODE az64 NOT NULL,
  visitors       BIGINT        ENCODE az64 NOT NULL,
  orders         BIGINT        ENCODE az64 NOT NULL,
  revenue        NUMERIC(12,2) ENCODE az64 NOT NULL,
  load_batch_id  VARCHAR(128)  ENCODE zstd NOT NULL,
  PRIMARY KEY (referral_date, campaign_id)
)
DISTSTYLE EVEN
COMPOUND SORTKEY (referral_date, campaign_id);

CREATE TABLE warehouse.agg_activity_by_geography_daily (
  activity_date     DATE          ENCODE raw NOT NULL,
  zip               VARCHAR(10)   ENCODE zstd NOT NULL,
  state             VARCHAR(2)    ENCODE zstd,
  sessions          BIGINT        ENCODE az64 NOT NULL,
  active_customers  BIGINT        ENCODE az64 NOT NULL,
  orders            BIGINT        ENCODE az64 NOT NULL,
  revenue           NUMERIC(12,2) ENCODE az64 NOT NULL,
  load_batch_id     VARCHAR(128)  ENCODE zstd NOT NULL,
  PRIMARY KEY (activity_date, zip)
)
DISTSTYLE EVEN
COMPOUND SORTKEY (activity_date, zip);

CREATE TABLE warehouse.agg_purchases_per_minute (
  purchase_date  DATE          ENCODE raw NOT NULL,
  minute_start   TIMESTAMPTZ   ENCODE az64 NOT NULL,
  purchases      BIGINT        ENCODE az64 NOT NULL,
  units          BIGINT        ENCODE az64 NOT NULL,
  revenue        NUMERIC(12,2) ENCODE az64 NOT NULL,
  load_batch_id  VARCHAR(128)  ENCODE zstd NOT NULL,
  PRIMARY KEY (minute_start)
)
DISTSTYLE EVEN
COMPOUND SORTKEY (purchase_date, minute_start);
