package io.customer360.infra.aws;

/**
 * CloudWatch names of the services' Micrometer meters that alarms watch. Micrometer's CloudWatch
 * registry keeps the meter name and appends the statistic: {@code .value} for a gauge, {@code
 * .count} for a counter, {@code .count/.sum/.avg/.max} for a timer (milliseconds). Tags become
 * dimensions. These names are the contract between the services and the alarms.
 */
public final class MetricNames {

  /** Gauge of KCL's MillisBehindLatest per stream and shard. */
  public static final String KCL_MILLIS_BEHIND_LATEST =
      "c360.ingestion.kcl.millis.behind.latest.value";

  /** Counter of records ingestion-service received, tagged {@code dataset}. */
  public static final String INGESTION_RECORDS_IN = "c360.ingestion.records.in.count";

  /** Counter of records transform-service read from bronze, tagged {@code dataset} only. */
  public static final String TRANSFORM_RECORDS_IN = "c360.transform.records.in.count";

  /** Counter of records sent to quarantine, tagged {@code dataset} only. */
  public static final String TRANSFORM_RECORDS_QUARANTINED =
      "c360.transform.records.quarantined.count";

  /** Counter of failed warehouse loads. */
  public static final String LOADER_LOAD_FAILURES = "c360.loader.load.failures.count";

  /** Timer of load duration; its maximum, in milliseconds. */
  public static final String LOADER_LOAD_DURATION_MAX = "c360.loader.load.duration.max";

  /** Timer of end-to-end freshness, event time to warehouse; its maximum, in milliseconds. */
  public static final String LOADER_FRESHNESS_MAX = "c360.loader.freshness.max";

  private MetricNames() {}
}
