package io.customer360.loader.load;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;

/**
 * The loader's metrics, tagged by model: {@code c360.loader.rows.loaded}, {@code
 * c360.loader.load.duration}, {@code c360.loader.load.failures} (also tagged by reason) and {@code
 * c360.loader.batches.skipped} (tagged by outcome).
 */
public final class LoadMetrics {

  private final MeterRegistry registry;

  public LoadMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  /** A batch applied: its rows and how long the load took. */
  public void loaded(String model, long rows, Duration duration) {
    Counter.builder("c360.loader.rows.loaded")
        .description("Gold rows loaded into the warehouse")
        .tag("model", model)
        .register(registry)
        .increment(rows);
    Timer.builder("c360.loader.load.duration")
        .description("Wall time of a committed load")
        .tag("model", model)
        .register(registry)
        .record(duration);
  }

  /** A batch not applied because it was already loaded or superseded. */
  public void skipped(String model, String outcome) {
    Counter.builder("c360.loader.batches.skipped")
        .tag("model", model)
        .tag("outcome", outcome)
        .register(registry)
        .increment();
  }

  /** A load attempt that failed and was rolled back. */
  public void failed(String model, String reason) {
    Counter.builder("c360.loader.load.failures")
        .description("Load attempts rolled back")
        .tag("model", model)
        .tag("reason", reason)
        .register(registry)
        .increment();
  }
}
