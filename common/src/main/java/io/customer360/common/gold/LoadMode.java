package io.customer360.common.gold;

/** How the warehouse applies a batch of a gold model. */
public enum LoadMode {
  /** The announced partitions are deleted and re-inserted from the batch. */
  REPLACE_PARTITIONS,
  /** Rows are upserted by the model's key. */
  MERGE,
  /** Rows are versions of a type-2 slowly changing dimension. */
  SCD2
}
