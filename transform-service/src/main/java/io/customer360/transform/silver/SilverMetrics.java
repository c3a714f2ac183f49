package io.customer360.transform.silver;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Collection;
import java.util.concurrent.TimeUnit;

/**
 * Silver-stage metrics, tagged by dataset only (the CloudWatch quarantine-rate alarms match exactly
 * that dimension): {@code c360.transform.records.in}, {@code c360.transform.records.out}, {@code
 * c360.transform.records.quarantined}, {@code c360.transform.partitions.written} and the batch
 * latency {@code c360.transform.batch.latency} (also tagged {@code stage=silver}; the gold stage
 * records the same timer with {@code stage=gold}). Every known dataset's meters are registered at
 * zero on start-up, so they are exported before the first batch.
 */
public class SilverMetrics {

  static final String RECORDS_IN = "c360.transform.records.in";
  static final String RECORDS_OUT = "c360.transform.records.out";
  static final String RECORDS_QUARANTINED = "c360.transform.records.quarantined";
  static final String PARTITIONS_WRITTEN = "c360.transform.partitions.written";
  static final String BATCH_LATENCY = "c360.transform.batch.latency";

  private final MeterRegistry registry;

  /** Meters of no dataset yet; each appears with its first batch. */
  public SilverMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  /** Registers the meters of these datasets at zero. */
  public SilverMetrics(MeterRegistry registry, Collection<String> datasets) {
    this(registry);
    datasets.forEach(
        dataset -> {
          counter(RECORDS_IN, dataset);
          counter(RECORDS_OUT, dataset);
          counter(RECORDS_QUARANTINED, dataset);
          counter(PARTITIONS_WRITTEN, dataset);
          latency(dataset);
        });
  }

  void promoted(SilverPromoter.Result result, long nanos) {
    String dataset = result.dataset();
    counter(RECORDS_IN, dataset).increment(result.validRecords() + result.quarantinedRecords());
    counter(RECORDS_OUT, dataset).increment(result.validRecords());
    counter(RECORDS_QUARANTINED, dataset).increment(result.quarantinedRecords());
    counter(PARTITIONS_WRITTEN, dataset).increment(result.partitions().size());
    latency(dataset).record(nanos, TimeUnit.NANOSECONDS);
  }

  private Counter counter(String name, String dataset) {
    return Counter.builder(name).tag("dataset", dataset).register(registry);
  }

  private Timer latency(String dataset) {
    return Timer.builder(BATCH_LATENCY)
        .description("Wall time of one batch: a bronze announcement (silver) or a gold run")
        .tag("dataset", dataset)
        .tag("stage", "silver")
        .register(registry);
  }
}
