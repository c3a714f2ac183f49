package io.customer360.ingestion.batchdrop;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Lists {@code landing/} periodically and ingests every file the ledger has not seen: the path for
 * stores that send no event notifications (the emulators) and for backfills. Competes safely with
 * the notification listener and with other instances through the ledger's conditional writes.
 */
public final class LandingRescanner implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(LandingRescanner.class);

  private final S3Client s3;
  private final String bucket;
  private final DropIngestor ingestor;
  private final Duration interval;
  private ScheduledExecutorService executor;

  public LandingRescanner(S3Client s3, String bucket, DropIngestor ingestor, Duration interval) {
    this.s3 = s3;
    this.bucket = bucket;
    this.ingestor = ingestor;
    this.interval = interval;
  }

  /** One pass over {@code landing/}; returns how many files were newly handled. */
  public int rescan() {
    int handled = 0;
    for (S3Object object :
        s3.listObjectsV2Paginator(b -> b.bucket(bucket).prefix("landing/")).contents()) {
      if (object.key().endsWith("/")) {
        continue;
      }
      LandingObject landing = new LandingObject(object.key(), object.eTag(), object.size());
      DropIngestor.Outcome outcome = ingestor.ingest(landing);
      if (outcome != DropIngestor.Outcome.ALREADY_HANDLED
          && outcome != DropIngestor.Outcome.IN_PROGRESS) {
        handled++;
      }
    }
    return handled;
  }

  @Override
  public synchronized void start() {
    executor = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "landing-rescan"));
    executor.scheduleWithFixedDelay(
        this::rescanSafely, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
  }

  private void rescanSafely() {
    try {
      int handled = rescan();
      if (handled > 0) {
        log.info("Landing rescan handled files={}", handled);
      }
    } catch (RuntimeException e) {
      log.warn("Landing rescan failed, retrying next interval: {}", e.getMessage());
    }
  }

  @Override
  public synchronized void stop() {
    if (executor != null) {
      executor.shutdownNow();
      executor = null;
    }
  }

  @Override
  public synchronized boolean isRunning() {
    return executor != null;
  }
}
