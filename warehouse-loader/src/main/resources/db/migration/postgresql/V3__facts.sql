-- Facts (PostgreSQL). The Redshift twin is redshift/V3__facts.sql.
-- Facts are loaded by replacing whole date partitions, in date order, so a BRIN index on the
-- partition date finds a partition for almost no write cost. Id keys compare bytewise (COLLATE
-- "C"). There are deliberately no b-tree indexes on customer or product: kept up row by row, in
-- random order, they cost more than the rest of a load (see benchmarks/warehouse-load.sh);
-- per-customer questions read customer_features, which is indexed by customer.

CREATE TABLE warehouse.fact_order_line (
  order_line_id      VARCHAR(64)   COLLATE "C" NOT NULL PRIMARY KEY,
  order_id           VARCHAR(64)   NOT NULL,
  order_date         DATE          NOT NULL,
  order_ts           TIMESTAMPTZ   NOT NULL,
  order_status       VARCHAR(16)   NOT NULL,
  status_updated_at  TIMESTAMPTZ   NOT NULL,
  channel            VARCHAR(16),
  customer_id        VARCHAR(64)   NOT NULL,
  ship_zip           VARCHAR(10),
  product_id         VARCHAR(64)   NOT NULL,
  product_name       VARCHAR(256),
  category           VARCHAR(64),
  subcategory        VARCHAR(64),
  brand              VARCHAR(128),
  quantity           INTEGER       NOT NULL,
  unit_price         NUMERIC(12,2) NOT NULL,
  discount_amount    NUMERIC(12,2) NOT NULL,
  net_amount         NUMERIC(12,2) NOT NULL,
  coupon_code        VARCHAR(64),
  campaign_id        VARCHAR(64),
  weather_condition  VARCHAR(16),
  temp_max_f         DOUBLE PRECISION,
  precipitation_in   DOUBLE PRECISION,
  returned_quantity  INTEGER       NOT NULL,
  returned_amount    NUMERIC(12,2) NOT NULL,
  order_date_key     INTEGER       NOT NULL,
  customer_key       BIGINT,
  load_batch_id      VARCHAR(128)  NOT NULL
);
CREATE INDEX fact_order_line_date_ix ON warehouse.fact_order_line USING brin (order_date);

CREATE TABLE warehouse.fact_return (
  return_id        VARCHAR(64)   COLLATE "C" NOT NULL PRIMARY KEY,
  order_line_id    VARCHAR(64)   NOT NULL,
  order_id         VARCHAR(64)   NOT NULL,
  customer_id      VARCHAR(64),
  product_id       VARCHAR(64)   NOT NULL,
  return_date      DATE          NOT NULL,
  returned_at      TIMESTAMPTZ   NOT NULL,
  quantity         INTEGER       NOT NULL,
  reason           VARCHAR(32),
  refund_amount    NUMERIC(12,2) NOT NULL,
  return_date_key  INTEGER       NOT NULL,
  load_batch_id    VARCHAR(128)  NOT NULL
);
CREATE INDEX fact_return_date_ix ON warehouse.fact_return USING brin (return_date);

CREATE TABLE warehouse.fact_web_session (
  session_id          VARCHAR(128)  COLLATE "C" NOT NULL PRIMARY KEY,
  device_id           VARCHAR(128)  NOT NULL,
  customer_id         VARCHAR(64),
  device              VARCHAR(16),
  session_date        DATE          NOT NULL,
  session_start       TIMESTAMPTZ   NOT NULL,
  session_end         TIMESTAMPTZ   NOT NULL,
  duration_seconds    INTEGER       NOT NULL,
  page_views          INTEGER       NOT NULL,
  events              INTEGER       NOT NULL,
  products_viewed     INTEGER       NOT NULL,
  products_purchased  INTEGER       NOT NULL,
  orders              INTEGER       NOT NULL,
  revenue             NUMERIC(12,2) NOT NULL,
  entry_campaign_id   VARCHAR(64),
  entry_utm_source    VARCHAR(64),
  entry_referrer      VARCHAR(256),
  zip                 VARCHAR(10),
  session_date_key    INTEGER       NOT NULL,
  load_batch_id       VARCHAR(128)  NOT NULL
);
CREATE INDEX fact_web_session_date_ix ON warehouse.fact_web_session USING brin (session_date);

CREATE TABLE warehouse.fact_weblog_hourly (
  log_date         DATE          NOT NULL,
  hour_start       TIMESTAMPTZ   NOT NULL,
  server           VARCHAR(64)   NOT NULL,
  hits             BIGINT        NOT NULL,
  unique_visitors  BIGINT        NOT NULL,
  status_2xx       BIGINT        NOT NULL,
  status_3xx       BIGINT        NOT NULL,
  status_4xx       BIGINT        NOT NULL,
  status_5xx       BIGINT        NOT NULL,
  bytes_sent       BIGINT        NOT NULL,
  bot_hits         BIGINT        NOT NULL,
  top_paths        VARCHAR(2048),
  log_date_key     INTEGER       NOT NULL,
  load_batch_id    VARCHAR(128)  NOT NULL,
  PRIMARY KEY (hour_start, server)
);
CREATE INDEX fact_weblog_hourly_date_ix ON warehouse.fact_weblog_hourly USING brin (log_date);

CREATE TABLE warehouse.fact_weather_daily (
  zip               VARCHAR(10)  NOT NULL,
  weather_date      DATE         NOT NULL,
  kind              VARCHAR(16)  NOT NULL,
  temp_max_f        DOUBLE PRECISION,
  temp_min_f        DOUBLE PRECISION,
  precipitation_in  DOUBLE PRECISION,
  condition         VARCHAR(16),
  weather_date_key  INTEGER      NOT NULL,
  load_batch_id     VARCHAR(128) NOT NULL,
  PRIMARY KEY (weather_date, zip)
);
