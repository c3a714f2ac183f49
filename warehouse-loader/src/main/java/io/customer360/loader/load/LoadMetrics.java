package io.customer360.loader.load;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Collection;

/**
 * The loader's metrics, tagged by gold model (the loader's unit of work, where the earlier stages
 * tag by dataset): {@code c360.loader.rows}, {@code c360.loader.load.duration}, {@code
 * c360.loader.freshness} (event time to warehouse), {@code c360.loader.load.failures} (also tagged
 * by reason) and {@code c360.loader.batches.skipped} (tagged by outcome).
 *
 * <p>Rows and load duration of every contract model, and freshness of every measured model, are
 * registered at zero on start-up; failure and skip counters appear with their first reason or
 * outcome.
 */
public final class LoadMetrics {

  static final String ROWS = "c360.loader.rows";
  static final String LOAD_DURATION = "c360.loader.load.duration";
  static final String FRESHNESS = "c360.loader.freshness";
  static final String LOAD_FAILURES = "c360.loader.load.failures";
  static final String BATCHES_SKIPPED = "c360.loader.batches.skipped";

  private final MeterRegistry registry;

  /** Meters of no model yet; each appears with its first load. */
  public LoadMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  /** Registers the rows and duration of these models, and the freshness of the measured ones. */
  public LoadMetrics(
      MeterRegistry registry, Collection<String> models, Collection<String> measuredModels) {
    this(registry);
    models.forEach(
        model -> {
          rows(model);
          duration(model);
        });
    measuredModels.forEach(this::freshness);
  }

  /** A batch applied: its rows and how long the load took. */
  public void loaded(String model, long rows, Duration duration) {
    rows(model).increment(rows);
    duration(model).record(duration);
  }

  /**
   * How long after its event the newest event of a loaded batch became queryable (commit time minus
   * event time; negative ages, from clocks or future-dated data, count as zero).
   */
  public void fresh(String model, Duration age) {
    freshness(model).record(age.isNegative() ? Duration.ZERO : age);
  }

  /** A batch not applied because it was already loaded or superseded. */
  public void skipped(String model, String outcome) {
    Counter.builder(BATCHES_SKIPPED)
        .description("Gold batches found already loaded or superseded")
        .tag("model", model)
        .tag("outcome", outcome)
        .register(registry)
        .increment();
  }

  /** A load attempt that failed and was rolled back. */
  public void failed(String model, String reason) {
    Counter.builder(LOAD_FAILURES)
        .description("Load attempts rolled back")
        .tag("model", model)
        .tag("reason", reason)
        .register(registry)
        .increment();
  }

  private Counter rows(String model) {
    return Counter.builder(ROWS)
        .description("Gold rows loaded into the warehouse")
        .tag("model", model)
        .register(registry);
  }

  private Timer duration(String model) {
    return Timer.builder(LOAD_DURATION)
        .description("Wall time of a committed load")
        .tag("model", model)
        .register(registry);
  }

  private Timer freshness(String model) {
    return Timer.builder(FRESHNESS)
        .description("Event time to warehouse commit of the newest event of each loaded batch")
        .tag("model", model)
        .register(registry);
  }
}
