-- Facts (Redshift). Customer facts are distributed on customer_id, like dim_customer, so their
-- joins stay on one node; each sorts on its partition date first, so replacing a partition and
-- date-range queries scan only the blocks of those dates. Leading sort-key columns stay RAW;
-- numbers, dates and timestamps use AZ64, text, booleans and doubles ZSTD. Redshift does not
-- enforce the primary keys: the loader checks batch keys itself.

CREATE TABLE warehouse.fact_order_line (
  order_line_id      VARCHAR(64)      ENCODE zstd NOT NULL,
  order_id           VARCHAR(64)      ENCODE zstd NOT NULL,
  order_date         DATE             ENCODE raw NOT NULL,
  order_ts           TIMESTAMPTZ      ENCODE az64 NOT NULL,
  order_status       VARCHAR(16)      ENCODE zstd NOT NULL,
  status_updated_at  TIMESTAMPTZ      ENCODE az64 NOT NULL,
  channel            VARCHAR(16)      ENCODE zstd,
  customer_id        VARCHAR(64)      ENCODE zstd NOT NULL,
  ship_zip           VARCHAR(10)      ENCODE zstd,
  product_id         VARCHAR(64)      ENCODE zstd NOT NULL,
  product_name       VARCHAR(256)     ENCODE zstd,
  category           VARCHAR(64)      ENCODE zstd,
  subcategory        VARCHAR(64)      ENCODE zstd,
  brand              VARCHAR(128)     ENCODE zstd,
  quantity           INTEGER          ENCODE az64 NOT NULL,
  unit_price         NUMERIC(12,2)    ENCODE az64 NOT NULL,
  discount_amount    NUMERIC(12,2)    ENCODE az64 NOT NULL,
  net_amount         NUMERIC(12,2)    ENCODE az64 NOT NULL,
  coupon_code        VARCHAR(64)      ENCODE zstd,
  campaign_id        VARCHAR(64)      ENCODE zstd,
  weather_condition  VARCHAR(16)      ENCODE zstd,
  temp_max_f         DOUBLE PRECISION ENCODE zstd,
  precipitation_in   DOUBLE PRECISION ENCODE zstd,
  returned_quantity  INTEGER          ENCODE az64 NOT NULL,
  returned_amount    NUMERIC(12,2)    ENCODE az64 NOT NULL,
  order_date_key     INTEGER          ENCODE az64 NOT NULL,
  customer_key       BIGINT           ENCODE az64,
  load_batch_id      VARCHAR(128)     ENCODE zstd NOT NULL,
  PRIMARY KEY (order_line_id)
)
DISTSTYLE KEY DISTKEY (customer_id)
COMPOUND SORTKEY (order_date, customer_id);

CREATE TABLE warehouse.fact_return (
  return_id        VARCHAR(64)   ENCODE zstd NOT NULL,
  order_line_id    VARCHAR(64)   ENCODE zstd NOT NULL,
  order_id         VARCHAR(64)   ENCODE zstd NOT NULL,
  customer_id      VARCHAR(64)   ENCODE zstd,
  product_id       VARCHAR(64)   ENCODE zstd NOT NULL,
  return_date      DATE          ENCODE raw NOT NULL,
  returned_at      TIMESTAMPTZ   ENCODE az64 NOT NULL,
  quantity         INTEGER       ENCODE az64 NOT NULL,
  reason           VARCHAR(32)   ENCODE zstd,
  refund_amount    NUMERIC(12,2) ENCODE az64 NOT NULL,
  return_date_key  INTEGER       ENCODE az64 NOT NULL,
  load_batch_id    VARCHAR(128)  ENCODE zstd NOT NULL,
  PRIMARY KEY (return_id)
)
DISTSTYLE KEY DISTKEY (customer_id)
COMPOUND SORTKEY (return_date, product_id);

CREATE TABLE warehouse.fact_web_session (
  session_id          VARCHAR(128)  ENCODE zstd NOT NULL,
  device_id           VARCHAR(128)  ENCODE zstd NOT NULL,
  customer_id         VARCHAR(64)   ENCODE zstd,
  device              VARCHAR(16)   ENCODE zstd,
  session_date        DATE          ENCODE raw NOT NULL,
  session_start       TIMESTAMPTZ   ENCODE az64 NOT NULL,
  session_end         TIMESTAMPTZ   ENCODE az64 NOT NULL,
  duration_seconds    INTEGER       ENCODE az64 NOT NULL,
  page_views          INTEGER       ENCODE az64 NOT NULL,
  events              INTEGER       ENCODE az64 NOT NULL,
  products_viewed     INTEGER       ENCODE az64 NOT NULL,
  products_purchased  INTEGER       ENCODE az64 NOT NULL,
  orders              INTEGER       ENCODE az64 NOT NULL,
  revenue             NUMERIC(12,2) ENCODE az64 NOT NULL,
  entry_campaign_id   VARCHAR(64)   ENCODE zstd,
  entry_utm_source    VARCHAR(64)   ENCODE zstd,
  entry_referrer      VARCHAR(256)  ENCODE zstd,
  zip                 VARCHAR(10)   ENCODE zstd,
  session_date_key    INTEGER       ENCODE az64 NOT NULL,
  load_batch_id       VARCHAR(128)  ENCODE zstd NOT NULL,
  PRIMARY KEY (session_id)
)
DISTSTYLE KEY DISTKEY (customer_id)
COMPOUND SORTKEY (session_date, customer_id);

CREATE TABLE warehouse.fact_weblog_hourly (
  log_date         DATE          ENCODE raw NOT NULL,
  hour_start       TIMESTAMPTZ   ENCODE az64 NOT NULL,
  server           VARCHAR(64)   ENCODE zstd NOT NULL,
  hits             BIGINT        ENCODE az64 NOT NULL,
  unique_visitors  BIGINT        ENCODE az64 NOT NULL,
  status_2xx       BIGINT        ENCODE az64 NOT NULL,
  status_3xx       BIGINT        ENCODE az64 NOT NULL,
  status_4xx       BIGINT        ENCODE az64 NOT NULL,
  status_5xx       BIGINT        ENCODE az64 NOT NULL,
  bytes_sent       BIGINT        ENCODE az64 NOT NULL,
  bot_hits         BIGINT        ENCODE az64 NOT NULL,
  top_paths        VARCHAR(2048) ENCODE zstd,
  log_date_key     INTEGER       ENCODE az64 NOT NULL,
  load_batch_id    VARCHAR(128)  ENCODE zstd NOT NULL,
  PRIMARY KEY (hour_start, server)
)
DISTSTYLE EVEN
COMPOUND SORTKEY (log_date, hour_start);

CREATE TABLE warehouse.fact_weather_daily (
  zip               VARCHAR(10)      ENCODE zstd NOT NULL,
  weather_date      DATE             ENCODE raw NOT NULL,
  kind              VARCHAR(16)      ENCODE zstd NOT NULL,
  temp_max_f        DOUBLE PRECISION ENCODE zstd,
  temp_min_f        DOUBLE PRECISION ENCODE zstd,
  precipitation_in  DOUBLE PRECISION ENCODE zstd,
  condition         VARCHAR(16)      ENCODE zstd,
  weather_date_key  INTEGER          ENCODE az64 NOT NULL,
  load_batch_id     VARCHAR(128)     ENCODE zstd NOT NULL,
  PRIMARY KEY (weather_date, zip)
)
DISTSTYLE ALL
COMPOUND SORTKEY (weather_date, zip);
