-- Dimensions (Redshift). Small dimensions are copied to every node (DISTSTYLE ALL); dim_customer
-- is distributed like the customer facts, on customer_id, so their joins stay on one node.
-- Leading sort-key columns stay RAW; numbers, dates and timestamps use AZ64, text ZSTD.

CREATE TABLE warehouse.dim_customer (
  customer_key       BIGINT IDENTITY(1,1) ENCODE az64 NOT NULL,
  customer_id        VARCHAR(64)  ENCODE raw NOT NULL,
  source_updated_at  TIMESTAMPTZ  ENCODE az64 NOT NULL,
  valid_from         TIMESTAMPTZ  ENCODE az64 NOT NULL,
  valid_to           TIMESTAMPTZ  ENCODE az64 NOT NULL,
  is_current         BOOLEAN      ENCODE zstd NOT NULL,
  first_name_token   VARCHAR(128) ENCODE zstd,
  last_name_token    VARCHAR(128) ENCODE zstd,
  email_hash         VARCHAR(128) ENCODE zstd,
  phone_hash         VARCHAR(128) ENCODE zstd,
  birth_year_band    VARCHAR(16)  ENCODE zstd,
  city               VARCHAR(128) ENCODE zstd,
  state              VARCHAR(2)   ENCODE zstd,
  zip                VARCHAR(10)  ENCODE zstd,
  signup_date        DATE         ENCODE az64,
  loyalty_tier       VARCHAR(16)  ENCODE zstd,
  marketing_opt_in   BOOLEAN      ENCODE zstd,
  load_batch_id      VARCHAR(128) ENCODE zstd NOT NULL,
  PRIMARY KEY (customer_key)
)
DISTSTYLE KEY DISTKEY (customer_id)
COMPOUND SORTKEY (customer_id, source_updated_at);

CREATE TABLE warehouse.dim_product (
  product_id     VARCHAR(64)   ENCODE raw NOT NULL,
  updated_at     TIMESTAMPTZ   ENCODE az64 NOT NULL,
  product_name   VARCHAR(256)  ENCODE zstd NOT NULL,
  category       VARCHAR(64)   ENCODE zstd NOT NULL,
  subcategory    VARCHAR(64)   ENCODE zstd,
  brand          VARCHAR(128)  ENCODE zstd,
  list_price     NUMERIC(12,2) ENCODE az64 NOT NULL,
  unit_cost      NUMERIC(12,2) ENCODE az64,
  active         BOOLEAN       ENCODE zstd,
  load_batch_id  VARCHAR(128)  ENCODE zstd NOT NULL,
  PRIMARY KEY (product_id)
)
DISTSTYLE ALL
SORTKEY (product_id);

CREATE TABLE warehouse.dim_date (
  date_key            INTEGER     ENCODE raw NOT NULL,
  calendar_date       DATE        ENCODE az64 NOT NULL,
  year                INTEGER     ENCODE az64 NOT NULL,
  quarter             INTEGER     ENCODE az64 NOT NULL,
  month               INTEGER     ENCODE az64 NOT NULL,
  month_name          VARCHAR(9)  ENCODE zstd NOT NULL,
  year_month          VARCHAR(7)  ENCODE zstd NOT NULL,
  first_day_of_month  DATE        ENCODE az64 NOT NULL,
  iso_year            INTEGER     ENCODE az64 NOT NULL,
  iso_week            INTEGER     ENCODE az64 NOT NULL,
  day_of_month        INTEGER     ENCODE az64 NOT NULL,
  day_of_week         INTEGER     ENCODE az64 NOT NULL,
  day_name            VARCHAR(9)  ENCODE zstd NOT NULL,
  is_weekend          BOOLEAN     ENCODE zstd NOT NULL,
  PRIMARY KEY (date_key),
  UNIQUE (calendar_date)
)
DISTSTYLE ALL
SORTKEY (date_key);

CREATE TABLE warehouse.dim_geography (
  zip            VARCHAR(10)      ENCODE raw NOT NULL,
  city           VARCHAR(128)     ENCODE zstd,
  state          VARCHAR(2)       ENCODE zstd,
  latitude       DOUBLE PRECISION ENCODE zstd,
  longitude      DOUBLE PRECISION ENCODE zstd,
  load_batch_id  VARCHAR(128)     ENCODE zstd NOT NULL,
  PRIMARY KEY (zip)
)
DISTSTYLE ALL
SORTKEY (zip);

CREATE TABLE warehouse.dim_campaign (
  campaign_id        VARCHAR(64)  ENCODE raw NOT NULL,
  utm_source         VARCHAR(64)  ENCODE zstd,
  utm_medium         VARCHAR(64)  ENCODE zstd,
  utm_campaign       VARCHAR(128) ENCODE zstd,
  coupon_code        VARCHAR(64)  ENCODE zstd,
  promoted_category  VARCHAR(64)  ENCODE zstd,
  first_seen_date    DATE         ENCODE az64 NOT NULL,
  last_seen_date     DATE         ENCODE az64 NOT NULL,
  load_batch_id      VARCHAR(128) ENCODE zstd NOT NULL,
  PRIMARY KEY (campaign_id)
)
DISTSTYLE ALL
SORTKEY (campaign_id);
