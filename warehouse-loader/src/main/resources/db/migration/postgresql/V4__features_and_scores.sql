-- Customer features and segments (loaded from gold) and churn scores (written by
-- ml-scoring-service), PostgreSQL. The Redshift twin is redshift/V4__features_and_scores.sql.
-- churn_scores.top_features holds JSON text, the same on both warehouse flavours.

CREATE TABLE warehouse.customer_features (
  customer_id          VARCHAR(64)   NOT NULL,
  snapshot_date        DATE          NOT NULL,
  tenure_days          INTEGER       NOT NULL,
  recency_days         INTEGER,
  orders_total         INTEGER       NOT NULL,
  units_total          INTEGER       NOT NULL,
  units_by_category    VARCHAR(2048) NOT NULL,
  spend_total          NUMERIC(12,2) NOT NULL,
  avg_spend_per_order  NUMERIC(12,2),
  avg_spend_per_month  NUMERIC(12,2) NOT NULL,
  spend_30d            NUMERIC(12,2) NOT NULL,
  spend_90d            NUMERIC(12,2) NOT NULL,
  orders_30d           INTEGER       NOT NULL,
  orders_90d           INTEGER       NOT NULL,
  coupons_applied      INTEGER       NOT NULL,
  coupon_value_total   NUMERIC(12,2) NOT NULL,
  returns_count        INTEGER       NOT NULL,
  return_rate          DOUBLE PRECISION,
  tickets_90d          INTEGER       NOT NULL,
  avg_satisfaction     DOUBLE PRECISION,
  sessions_7d          INTEGER       NOT NULL,
  sessions_30d         INTEGER       NOT NULL,
  sessions_90d         INTEGER       NOT NULL,
  browse_to_buy_7d     DOUBLE PRECISION,
  browse_to_buy_30d    DOUBLE PRECISION,
  browse_to_buy_90d    DOUBLE PRECISION,
  churn_label          BOOLEAN,
  load_batch_id        VARCHAR(128)  NOT NULL,
  PRIMARY KEY (snapshot_date, customer_id)
);
CREATE INDEX customer_features_customer_ix ON warehouse.customer_features (customer_id, snapshot_date);

CREATE TABLE warehouse.customer_segments (
  customer_id      VARCHAR(64)   NOT NULL,
  snapshot_date    DATE          NOT NULL,
  recency_score    INTEGER       NOT NULL,
  frequency_score  INTEGER       NOT NULL,
  monetary_score   INTEGER       NOT NULL,
  rfm_cell         VARCHAR(3)    NOT NULL,
  segment          VARCHAR(32)   NOT NULL,
  ltv_estimate     NUMERIC(12,2) NOT NULL,
  load_batch_id    VARCHAR(128)  NOT NULL,
  PRIMARY KEY (snapshot_date, customer_id)
);
CREATE INDEX customer_segments_customer_ix ON warehouse.customer_segments (customer_id, snapshot_date);

CREATE TABLE warehouse.churn_scores (
  customer_id            VARCHAR(64)      NOT NULL,
  feature_snapshot_date  DATE             NOT NULL,
  model_version          VARCHAR(64)      NOT NULL,
  scored_at              TIMESTAMPTZ      NOT NULL,
  score                  DOUBLE PRECISION NOT NULL,
  risk_band              VARCHAR(16)      NOT NULL,
  top_features           VARCHAR(4096),
  PRIMARY KEY (customer_id, feature_snapshot_date, model_version)
);
CREATE INDEX churn_scores_scored_at_ix ON warehouse.churn_scores (scored_at);
