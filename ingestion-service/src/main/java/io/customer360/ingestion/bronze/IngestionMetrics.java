package io.customer360.ingestion.bronze;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Ingestion's metrics, named {@code c360.ingestion.*} and tagged by dataset: records and bytes in,
 * files written, write latency, quarantined files, and KCL lag per shard.
 */
public final class IngestionMetrics {

  private final MeterRegistry registry;
  private final Map<String, AtomicLong> lagByShard = new ConcurrentHashMap<>();

  public IngestionMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  /** Records and bytes received for a dataset. */
  public void received(String dataset, long records, long bytes) {
    Counter.builder("c360.ingestion.records.in")
        .tag("dataset", dataset)
        .register(registry)
        .increment(records);
    Counter.builder("c360.ingestion.bytes.in")
        .tag("dataset", dataset)
        .baseUnit("bytes")
        .register(registry)
        .increment(bytes);
  }

  /** A bronze object written, and how long the write took. */
  public void written(String dataset, Duration latency) {
    Counter.builder("c360.ingestion.files.written")
        .tag("dataset", dataset)
        .register(registry)
        .increment();
    Timer.builder("c360.ingestion.write.latency")
        .tag("dataset", dataset)
        .register(registry)
        .record(latency);
  }

  /** A dropped file sent to quarantine. */
  public void quarantined(String dataset, String reason) {
    Counter.builder("c360.ingestion.files.quarantined")
        .tag("dataset", dataset)
        .tag("reason", reason)
        .register(registry)
        .increment();
  }

  /** KCL's MillisBehindLatest for a shard of a stream. */
  public void lag(String stream, String shardId, long millisBehindLatest) {
    lagByShard
        .computeIfAbsent(
            stream + "/" + shardId,
            key -> {
              AtomicLong value = new AtomicLong();
              registry.gauge(
                  "c360.ingestion.kcl.millis.behind.latest",
                  io.micrometer.core.instrument.Tags.of("stream", stream, "shard", shardId),
                  value);
              return value;
            })
        .set(millisBehindLatest);
  }
}
