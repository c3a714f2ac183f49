-- Customer features and segments (loaded from gold) and churn scores (written by
-- ml-scoring-service), Redshift: distributed on customer_id, sorted by snapshot date.
-- top_features holds JSON text, the same on both warehouse flavours (JSON_PARSE it for SUPER).

CREATE TABLE warehouse.customer_features (
  customer_id          VARCHAR(64)      ENCODE zstd NOT NULL,
  snapshot_date        DATE             ENCODE raw NOT NULL,
  tenure_days          INTEGER          ENCODE az64 NOT NULL,
  recency_days         INTEGER          ENCODE az64,
  orders_total         INTEGER          ENCODE az64 NOT NULL,
  units_total          INTEGER          ENCODE az64 NOT NULL,
  units_by_category    VARCHAR(2048)    ENCODE zstd NOT NULL,
  spend_total          NUMERIC(12,2)    ENCODE az64 NOT NULL,
  avg_spend_per_order  NUMERIC(12,2)    ENCODE az64,
  avg_spend_per_month  NUMERIC(12,2)    ENCODE az64 NOT NULL,
  spend_30d            NUMERIC(12,2)    ENCODE az64 NOT NULL,
  spend_90d            NUMERIC(12,2)    ENCODE az64 NOT NULL,
  orders_30d           INTEGER          ENCODE az64 NOT NULL,
  orders_90d           INTEGER          ENCODE az64 NOT NULL,
  coupons_applied      INTEGER          ENCODE az64 NOT NULL,
  coupon_value_total   NUMERIC(12,2)    ENCODE az64 NOT NULL,
  returns_count        INTEGER          ENCODE az64 NOT NULL,
  return_rate          DOUBLE PRECISION ENCODE zstd,
  tickets_90d          INTEGER          ENCODE az64 NOT NULL,
  avg_satisfaction     DOUBLE PRECISION ENCODE zstd,
  sessions_7d          INTEGER          ENCODE az64 NOT NULL,
  sessions_30d         INTEGER          ENCODE az64 NOT NULL,
  sessions_90d         INTEGER          ENCODE az64 NOT NULL,
  browse_to_buy_7d     DOUBLE PRECISION ENCODE zstd,
  browse_to_buy_30d    DOUBLE PRECISION ENCODE zstd,
  browse_to_buy_90d    DOUBLE PRECISION ENCODE zstd,
  churn_label          BOOLEAN          ENCODE zstd,
  load_batch_id        VARCHAR(128)     ENCODE zstd NOT NULL,
  PRIMARY KEY (snapshot_date, customer_id)
)
DISTSTYLE KEY DISTKEY (customer_id)
COMPOUND SORTKEY (snapshot_date, customer_id);

CREATE TABLE warehouse.customer_segments (
  customer_id      VARCHAR(64)   ENCODE zstd NOT NULL,
  snapshot_date    DATE          ENCODE raw NOT NULL,
  recency_score    INTEGER       ENCODE az64 NOT NULL,
  frequency_score  INTEGER       ENCODE az64 NOT NULL,
  monetary_score   INTEGER       ENCODE az64 NOT NULL,
  rfm_cell         VARCHAR(3)    ENCODE zstd NOT NULL,
  segment          VARCHAR(32)   ENCODE zstd NOT NULL,
  ltv_estimate     NUMERIC(12,2) ENCODE az64 NOT NULL,
  load_batch_id    VARCHAR(128)  ENCODE zstd NOT NULL,
  PRIMARY KEY (snapshot_date, customer_id)
)
DISTSTYLE KEY DISTKEY (customer_id)
COMPOUND SORTKEY (snapshot_date, customer_id);

CREATE TABLE warehouse.churn_scores (
  customer_id            VARCHAR(64)      ENCODE zstd NOT NULL,
  feature_snapshot_date  DATE             ENCODE raw NOT NULL,
  model_version          VARCHAR(64)      ENCODE zstd NOT NULL,
  scored_at              TIMESTAMPTZ      ENCODE az64 NOT NULL,
  score                  DOUBLE PRECISION ENCODE zstd NOT NULL,
  risk_band              VARCHAR(16)      ENCODE zstd NOT NULL,
  top_features           VARCHAR(4096)    ENCODE zstd,
  PRIMARY KEY (customer_id, feature_snapshot_date, model_version)
)
DISTSTYLE KEY DISTKEY (customer_id)
COMPOUND SORTKEY (feature_snapshot_date, customer_id);
