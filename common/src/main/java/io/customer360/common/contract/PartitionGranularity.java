package io.customer360.common.contract;

/** How finely silver partitions a dataset by event time. */
public enum PartitionGranularity {
  /** {@code event_date=YYYY-MM-DD}. */
  DAY,
  /** {@code event_date=YYYY-MM-DD/event_hour=HH}. */
  HOUR
}
