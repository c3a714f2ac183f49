package io.customer360.demo.landing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;

/**
 * Polls the lake until a landed file's outcome is known or the timeout passes. The outcome is known
 * when:
 *
 * <ol>
 *   <li>ingestion quarantined the whole file;
 *   <li>transform-service could not read the bronze object ({@code unreadable_file});
 *   <li>every record ingestion counted is in silver or quarantine: transform-service puts each
 *       record in exactly one of them, and writes quarantine before silver, so the count closes
 *       only when both are written;
 *   <li>or some of its rows are in silver and nothing changed for {@link #SETTLE}: silver's
 *       partitions are uploaded one after the other without waiting, so the promotion is over, and
 *       the records in neither were duplicates (of rows already in silver, or within the file) that
 *       de-duplication dropped.
 * </ol>
 *
 * A file whose valid rows are all such duplicates leaves no new trace and ends in a timeout.
 */
final class PipelineWatch {

  static final Duration POLL_INTERVAL = Duration.ofSeconds(2);
  static final Duration SETTLE = Duration.ofSeconds(10);

  /** Waits between polls. */
  @FunctionalInterface
  interface Pause {
    void pause(Duration duration);
  }

  /**
   * How the wait ended.
   *
   * @param last the last observation
   * @param known whether it is the outcome, rather than what was seen when time ran out
   */
  record Result(Observation last, boolean known) {}

  private final Probe probe;
  private final Clock clock;
  private final Pause pause;
  private final Consumer<Observation> onChange;

  PipelineWatch(Probe probe, Clock clock, Pause pause, Consumer<Observation> onChange) {
    this.probe = probe;
    this.clock = clock;
    this.pause = pause;
    this.onChange = onChange;
  }

  /** Polls until the outcome is known, at most {@code timeout}; reports every change seen. */
  Result await(Duration timeout) {
    Instant deadline = clock.instant().plus(timeout);
    Observation last = null;
    Instant unchangedSince = clock.instant();
    while (true) {
      Observation now = probe.observe();
      if (!now.equals(last)) {
        onChange.accept(now);
        last = now;
        unchangedSince = clock.instant();
      }
      if (isKnown(now, Duration.between(unchangedSince, clock.instant()))) {
        return new Result(now, true);
      }
      Duration left = Duration.between(clock.instant(), deadline);
      if (left.isNegative() || left.isZero()) {
        return new Result(now, false);
      }
      pause.pause(left.compareTo(POLL_INTERVAL) < 0 ? left : POLL_INTERVAL);
    }
  }

  /** Whether an observation, unchanged for this long, is the file's outcome. */
  static boolean isKnown(Observation observation, Duration unchangedFor) {
    if (observation instanceof Observation.FileQuarantined) {
      return true;
    }
    if (!(observation instanceof Observation.Ingested ingested)) {
      return false;
    }
    if (ingested.quarantine().fileUnreadable()) {
      return true;
    }
    if (ingested.records() >= 0 && ingested.accounted() >= ingested.records()) {
      return true;
    }
    return ingested.silverTotal() > 0 && unchangedFor.compareTo(SETTLE) >= 0;
  }
}
