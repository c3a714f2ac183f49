package io.customer360.common.contract;

/** Where a dataset's records arrive. */
public enum SourceChannel {
  /** A Kinesis data stream, named by {@link DatasetSource#name()}. */
  STREAM,
  /** Files dropped under {@code landing/{name}/} in the lake bucket. */
  LANDING
}
