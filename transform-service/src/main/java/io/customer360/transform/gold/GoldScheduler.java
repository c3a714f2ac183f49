package io.customer360.transform.gold;

import io.awspring.cloud.sqs.annotation.SqsListener;
import io.customer360.common.pipeline.PipelineMessage;
import io.customer360.common.pipeline.PipelineMessageCodec;
import io.customer360.common.pipeline.SilverReady;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.context.SmartLifecycle;

/**
 * Runs gold when silver changed. Silver-ready messages only mark gold stale (and are then deleted):
 * gold is a function of silver, so a run after any number of messages gives the same result, and a
 * lost mark is repaired by the run at start-up. Runs happen at most once per {@code interval}, on
 * one thread; a failed run (a data test, S3) is retried at the next tick.
 */
public class GoldScheduler implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(GoldScheduler.class);

  private final GoldRunner runner;
  private final Duration interval;
  private final MeterRegistry metrics;
  private final PipelineMessageCodec codec = new PipelineMessageCodec();
  private final AtomicBoolean stale = new AtomicBoolean(true);
  private final AtomicBoolean running = new AtomicBoolean();
  private final AtomicReference<String> correlationId = new AtomicReference<>("startup");
  private ScheduledExecutorService executor;

  public GoldScheduler(GoldRunner runner, Duration interval, MeterRegistry metrics) {
    this.runner = runner;
    this.interval = interval;
    this.metrics = metrics;
  }

  @SqsListener("${c360.transform.silver-ready-queue:c360-silver-ready}")
  void onSilverReady(String body) {
    PipelineMessage message = codec.fromJson(body);
    if (message instanceof SilverReady silver) {
      correlationId.set(silver.correlationId());
      stale.set(true);
    }
  }

  /** Runs now if silver changed since the last successful run. */
  void tick() {
    if (!stale.get()) {
      return;
    }
    running.set(true);
    stale.set(false);
    long started = System.nanoTime();
    String runId = correlationId.get();
    MDC.put("correlationId", runId);
    try {
      runner.run(runId);
      metrics
          .timer("c360.transform.batch.latency", "stage", "gold", "dataset", "all")
          .record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
    } catch (RuntimeException e) {
      stale.set(true);
      metrics
          .counter("c360.transform.gold.failures", "reason", e.getClass().getSimpleName())
          .increment();
      log.error("Gold run failed; retrying next tick error={}", e.getMessage());
    } finally {
      running.set(false);
      MDC.remove("correlationId");
    }
  }

  /** No run in progress and none due: gold reflects the silver it last saw. */
  public boolean idle() {
    return !running.get() && !stale.get();
  }

  @Override
  public void start() {
    executor = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "gold-runner"));
    executor.scheduleWithFixedDelay(this::tick, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
  }

  @Override
  public void stop() {
    executor.shutdown();
    try {
      executor.awaitTermination(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public boolean isRunning() {
    return executor != null && !executor.isShutdown();
  }
}
