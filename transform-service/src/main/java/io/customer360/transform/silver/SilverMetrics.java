package io.customer360.transform.silver;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;

/**
 * Silver-stage metrics, tagged by dataset only (the CloudWatch alarms match that dimension): {@code
 * c360.transform.records.in}, {@code c360.transform.records.out}, {@code
 * c360.transform.records.quarantined}, {@code c360.transform.partitions.written} and the batch
 * latency {@code c360.transform.batch.latency}.
 */
public class SilverMetrics {

  private final MeterRegistry registry;

  public SilverMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  void promoted(SilverPromoter.Result result, long nanos) {
    String dataset = result.dataset();
    registry
        .counter("c360.transform.records.in", "dataset", dataset)
        .increment(result.validRecords() + result.quarantinedRecords());
    registry
        .counter("c360.transform.records.out", "dataset", dataset)
        .increment(result.validRecords());
    registry
        .counter("c360.transform.records.quarantined", "dataset", dataset)
        .increment(result.quarantinedRecords());
    registry
        .counter("c360.transform.partitions.written", "dataset", dataset)
        .increment(result.partitions().size());
    Timer.builder("c360.transform.batch.latency")
        .tag("dataset", dataset)
        .tag("stage", "silver")
        .register(registry)
        .record(nanos, TimeUnit.NANOSECONDS);
  }
}
