-- warehouse-loader's own bookkeeping (PostgreSQL). The Redshift twin is redshift/V6__ops.sql.

-- One row per gold batch applied; a batch found here is never applied again.
CREATE TABLE ops.load_manifest (
  model           VARCHAR(64)    NOT NULL,
  batch_id        VARCHAR(128)   NOT NULL,
  correlation_id  VARCHAR(128),
  produced_at     TIMESTAMPTZ    NOT NULL,
  loaded_at       TIMESTAMPTZ    NOT NULL,
  outcome         VARCHAR(16)    NOT NULL,
  partitions      VARCHAR(65535) NOT NULL,
  object_count    INTEGER        NOT NULL,
  gold_row_count  BIGINT         NOT NULL,
  rows_staged     BIGINT         NOT NULL,
  duration_ms     BIGINT         NOT NULL,
  PRIMARY KEY (model, batch_id)
);
CREATE INDEX load_manifest_loaded_at_ix ON ops.load_manifest (loaded_at);

-- The batch whose data each partition of a partition-replaced model holds, so an older batch that
-- arrives late never overwrites a newer one.
CREATE TABLE ops.load_partition (
  model        VARCHAR(64)  NOT NULL,
  partition_spec VARCHAR(128) NOT NULL,
  batch_id     VARCHAR(128) NOT NULL,
  produced_at  TIMESTAMPTZ  NOT NULL,
  loaded_at    TIMESTAMPTZ  NOT NULL,
  PRIMARY KEY (model, partition_spec)
);
