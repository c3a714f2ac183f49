-- warehouse-loader's own bookkeeping (Redshift).

-- One row per gold batch applied; a batch found here is never applied again.
CREATE TABLE ops.load_manifest (
  model           VARCHAR(64)    ENCODE raw NOT NULL,
  batch_id        VARCHAR(128)   ENCODE zstd NOT NULL,
  correlation_id  VARCHAR(128)   ENCODE zstd,
  produced_at     TIMESTAMPTZ    ENCODE az64 NOT NULL,
  loaded_at       TIMESTAMPTZ    ENCODE az64 NOT NULL,
  outcome         VARCHAR(16)    ENCODE zstd NOT NULL,
  partitions      VARCHAR(65535) ENCODE zstd NOT NULL,
  object_count    INTEGER        ENCODE az64 NOT NULL,
  gold_row_count  BIGINT         ENCODE az64 NOT NULL,
  rows_staged     BIGINT         ENCODE az64 NOT NULL,
  duration_ms     BIGINT         ENCODE az64 NOT NULL,
  PRIMARY KEY (model, batch_id)
)
DISTSTYLE ALL
COMPOUND SORTKEY (model, batch_id);

-- The batch whose data each partition of a partition-replaced model holds, so an older batch that
-- arrives late never overwrites a newer one.
CREATE TABLE ops.load_partition (
  model           VARCHAR(64)  ENCODE raw NOT NULL,
  partition_spec  VARCHAR(128) ENCODE zstd NOT NULL,
  batch_id        VARCHAR(128) ENCODE zstd NOT NULL,
  produced_at     TIMESTAMPTZ  ENCODE az64 NOT NULL,
  loaded_at       TIMESTAMPTZ  ENCODE az64 NOT NULL,
  PRIMARY KEY (model, partition_spec)
)
DISTSTYLE ALL
COMPOUND SORTKEY (model, partition_spec);
