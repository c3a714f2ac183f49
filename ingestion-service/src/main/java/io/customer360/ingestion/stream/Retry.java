package io.customer360.ingestion.stream;

import java.time.Duration;
import org.slf4j.Logger;

/**
 * Retries an action until it succeeds, with capped exponential back-off. Used where giving up would
 * lose data and blocking the shard (back-pressure) is the right answer: a bronze write or a
 * checkpoint. Stops when the action throws {@link GiveUp} (the lease is gone) or the thread is
 * interrupted (shutdown).
 */
final class Retry {

  private static final Duration FIRST_DELAY = Duration.ofMillis(200);
  private static final Duration MAX_DELAY = Duration.ofSeconds(30);

  private Retry() {}

  /** Runs {@code action} until it returns normally. */
  static void untilDone(String what, Logger log, Runnable action) {
    Duration delay = FIRST_DELAY;
    for (int attempt = 1; ; attempt++) {
      try {
        action.run();
        return;
      } catch (GiveUp e) {
        throw e;
      } catch (RuntimeException e) {
        log.warn("{} failed attempt={} retryIn={}: {}", what, attempt, delay, e.getMessage());
      }
      try {
        Thread.sleep(delay.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new GiveUp(what + " abandoned: interrupted", e);
      }
      delay = delay.multipliedBy(2).compareTo(MAX_DELAY) > 0 ? MAX_DELAY : delay.multipliedBy(2);
    }
  }

  /** A failure that retrying cannot fix. */
  static final class GiveUp extends RuntimeException {
    GiveUp(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
