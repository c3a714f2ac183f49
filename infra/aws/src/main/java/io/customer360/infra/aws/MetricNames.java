package io.customer360.infra.aws;

/**
 * CloudWatch names of the services' Micrometer meters that alarms and the dashboard watch.
 * Micrometer's CloudWatch registry keeps the meter name and appends the statistic: {@code .value}
 * for a gauge, {@code .count} for a counter, {@code .count/.sum/.avg/.max} for a timer
 * (milliseconds); a timer's client-side percentiles are the gauge {@code <name>.percentile.value},
 * dimension {@code phi}. Tags become dimensions. These names are the contract between the services
 * and the alarms; the services' README files list the meters themselves.
 */
public final class MetricNames {

  /** Gauge of KCL's MillisBehindLatest, dimensions {@code stream, shard}. */
  public static final String KCL_MILLIS_BEHIND_LATEST =
      "c360.ingestion.kcl.millis.behind.latest.value";

  /** Counter of records ingestion-service received, dimension {@code dataset}. */
  public static final String INGESTION_RECORDS_IN = "c360.ingestion.records.in.count";

  /** Counter of bytes ingestion-service received, dimension {@code dataset}. */
  public static final String INGESTION_BYTES_IN = "c360.ingestion.bytes.in.count";

  /** Counter of records transform-service read from bronze, dimension {@code dataset} only. */
  public static final String TRANSFORM_RECORDS_IN = "c360.transform.records.in.count";

  /** Counter of records promoted to silver, dimension {@code dataset} only. */
  public static final String TRANSFORM_RECORDS_OUT = "c360.transform.records.out.count";

  /** Counter of records sent to quarantine, dimension {@code dataset} only. */
  public static final String TRANSFORM_RECORDS_QUARANTINED =
      "c360.transform.records.quarantined.count";

  /** Timer of one silver batch or gold run, dimensions {@code stage, dataset}; its maximum. */
  public static final String TRANSFORM_BATCH_LATENCY_MAX = "c360.transform.batch.latency.max";

  /** Counter of failed warehouse loads, dimensions {@code model, reason}. */
  public static final String LOADER_LOAD_FAILURES = "c360.loader.load.failures.count";

  /** Timer of load duration, dimension {@code model}; its maximum, in milliseconds. */
  public static final String LOADER_LOAD_DURATION_MAX = "c360.loader.load.duration.max";

  /** Counter of gold rows loaded, dimension {@code model}. */
  public static final String LOADER_ROWS = "c360.loader.rows.count";

  /**
   * Timer of end-to-end freshness, event time to warehouse commit, dimension {@code model}; its
   * maximum, in milliseconds.
   */
  public static final String LOADER_FRESHNESS_MAX = "c360.loader.freshness.max";

  /**
   * Timer of API requests (Spring Boot's HTTP server timer, renamed), dimensions {@code uri,
   * method, status, outcome, exception}; requests per period.
   */
  public static final String API_REQUESTS_COUNT = "c360.api.requests.count";

  /** Percentiles of {@code c360.api.requests}, dimension {@code phi} (0.5, 0.99), milliseconds. */
  public static final String API_REQUESTS_PERCENTILE = "c360.api.requests.percentile.value";

  /** Gauge of the serving churn model's validation ROC AUC, dimension {@code model}. */
  public static final String ML_MODEL_AUC = "c360.ml.model.auc.value";

  private MetricNames() {}
}
