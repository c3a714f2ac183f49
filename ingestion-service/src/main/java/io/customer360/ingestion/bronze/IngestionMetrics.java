package io.customer360.ingestion.bronze;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Ingestion's metrics, named {@code c360.ingestion.*} and tagged by dataset: records and bytes in,
 * bronze objects written and how long a write took, quarantined files (also tagged by reason), and
 * KCL's lag per stream and shard.
 *
 * <p>The per-dataset meters of every known dataset are registered at zero on start-up, so they are
 * exported before any traffic; quarantine counters appear with their first reason, the lag gauge
 * once this worker holds a shard's lease (and disappears when it loses or ends it).
 */
public final class IngestionMetrics {

  static final String RECORDS_IN = "c360.ingestion.records.in";
  static final String BYTES_IN = "c360.ingestion.bytes.in";
  static final String FILES_WRITTEN = "c360.ingestion.files.written";
  static final String WRITE_LATENCY = "c360.ingestion.write.latency";
  static final String FILES_QUARANTINED = "c360.ingestion.files.quarantined";
  static final String KCL_LAG = "c360.ingestion.kcl.millis.behind.latest";

  private final MeterRegistry registry;
  private final Map<String, ShardLag> lagByShard = new ConcurrentHashMap<>();

  /** Meters of no dataset yet; each appears with its first use. */
  public IngestionMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  /** Registers the per-dataset meters of these datasets at zero. */
  public IngestionMetrics(MeterRegistry registry, Collection<String> datasets) {
    this(registry);
    for (String dataset : datasets) {
      recordsIn(dataset);
      bytesIn(dataset);
      filesWritten(dataset);
      writeLatency(dataset);
    }
  }

  /** Records and bytes received for a dataset. */
  public void received(String dataset, long records, long bytes) {
    recordsIn(dataset).increment(records);
    bytesIn(dataset).increment(bytes);
  }

  /** A bronze object written, and how long the write took. */
  public void written(String dataset, Duration latency) {
    filesWritten(dataset).increment();
    writeLatency(dataset).record(latency);
  }

  /** A dropped file sent to quarantine. */
  public void quarantined(String dataset, String reason) {
    Counter.builder(FILES_QUARANTINED)
        .description("Dropped files sent to quarantine")
        .tag("dataset", dataset)
        .tag("reason", reason)
        .register(registry)
        .increment();
  }

  /** KCL's MillisBehindLatest for a shard of a stream, as the last GetRecords reported it. */
  public void lag(String stream, String shardId, long millisBehindLatest) {
    lagByShard
        .computeIfAbsent(key(stream, shardId), k -> new ShardLag(stream, shardId))
        .value
        .set(millisBehindLatest);
  }

  /** This worker no longer processes the shard (lease lost, shard ended): its lag is not ours. */
  public void shardReleased(String stream, String shardId) {
    ShardLag lag = lagByShard.remove(key(stream, shardId));
    if (lag != null) {
      registry.remove(lag.gauge);
    }
  }

  private Counter recordsIn(String dataset) {
    return Counter.builder(RECORDS_IN)
        .description("Records received from streams and dropped files")
        .tag("dataset", dataset)
        .register(registry);
  }

  private Counter bytesIn(String dataset) {
    return Counter.builder(BYTES_IN)
        .description("Payload bytes received from streams and dropped files")
        .tag("dataset", dataset)
        .register(registry);
  }

  private Counter filesWritten(String dataset) {
    return Counter.builder(FILES_WRITTEN)
        .description("Bronze objects written")
        .tag("dataset", dataset)
        .register(registry);
  }

  private Timer writeLatency(String dataset) {
    return Timer.builder(WRITE_LATENCY)
        .description("Time to write one bronze object")
        .tag("dataset", dataset)
        .register(registry);
  }

  private static String key(String stream, String shardId) {
    return stream + "/" + shardId;
  }

  /** A shard's lag value and the gauge that reads it. */
  private final class ShardLag {
    final AtomicLong value = new AtomicLong();
    final Gauge gauge;

    ShardLag(String stream, String shardId) {
      gauge =
          Gauge.builder(KCL_LAG, value, AtomicLong::doubleValue)
              .description("How far this worker's shard is behind the stream's tip (KCL)")
              .tag("stream", stream)
              .tag("shard", shardId)
              .register(registry);
    }
  }
}
