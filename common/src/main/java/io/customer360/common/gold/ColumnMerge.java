package io.customer360.common.gold;

/**
 * How a merged model's matched warehouse row combines a column's target value {@code t} and the
 * batch value {@code s}, as the contract's {@code warehouse.columns} declares it.
 */
public enum ColumnMerge {
  /** {@code s}. */
  OVERWRITE,
  /** {@code s}, unless null: a null never erases a known value. */
  KEEP_KNOWN,
  /** The earlier of both. */
  EARLIEST,
  /** The later of both. */
  LATEST
}
