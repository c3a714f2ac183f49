package io.customer360.datagen.sim;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Holds sending back to a rate (records per second) and/or a time compression (simulated seconds
 * per wall second), or, for a live feed, until the wall clock reaches each record's time. Reads the
 * wall clock only to wait, never to make data.
 */
final class Pacer {

  /** Live records due within this much of the first of a batch go in the same batch. */
  private static final Duration LIVE_BATCH = Duration.ofMillis(250);

  private final double rate;
  private final double compression;
  private final Instant simulatedStart;
  private final Clock wallClock;
  private long wallStartNanos = -1;
  private long sent;

  Pacer(double rate, double compression, Instant simulatedStart) {
    this(rate, compression, simulatedStart, null);
  }

  private Pacer(double rate, double compression, Instant simulatedStart, Clock wallClock) {
    this.rate = rate;
    this.compression = compression;
    this.simulatedStart = simulatedStart;
    this.wallClock = wallClock;
  }

  /** A pacer that lets each record go when {@code clock} reaches its time, the past at once. */
  static Pacer wallClock(Clock clock) {
    return new Pacer(0, 0, Instant.EPOCH, clock);
  }

  boolean active() {
    return rate > 0 || compression > 0 || wallClock != null;
  }

  /** How many records to send between waits. */
  int chunkSize() {
    return rate > 0 ? (int) Math.max(1, Math.min(500, rate / 20)) : 500;
  }

  /**
   * The latest time a record may have to join a batch whose first record is due at {@code first}:
   * for a live feed, everything already due and whatever falls due within a quarter second;
   * otherwise no limit beyond {@link #chunkSize()}.
   */
  Instant batchEnd(Instant first) {
    if (wallClock == null) {
      return Instant.MAX;
    }
    Instant now = wallClock.instant();
    Instant soon = first.plus(LIVE_BATCH);
    return now.isAfter(soon) ? now : soon;
  }

  /** Waits until {@code count} more records, the last sent at simulated {@code at}, may go. */
  void await(int count, Instant at) {
    if (!active()) {
      return;
    }
    if (wallClock != null) {
      sleep(Duration.between(wallClock.instant(), at).toNanos());
      return;
    }
    if (wallStartNanos < 0) {
      wallStartNanos = System.nanoTime();
    }
    sent += count;
    long targetNanos = 0;
    if (rate > 0) {
      targetNanos = (long) (sent / rate * 1e9);
    }
    if (compression > 0) {
      long simNanos = Duration.between(simulatedStart, at).toNanos();
      targetNanos = Math.max(targetNanos, (long) (simNanos / compression));
    }
    sleep(wallStartNanos + targetNanos - System.nanoTime());
  }

  private static void sleep(long waitNanos) {
    if (waitNanos > 0) {
      try {
        Thread.sleep(waitNanos / 1_000_000, (int) (waitNanos % 1_000_000));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("Interrupted while pacing", e);
      }
    }
  }
}
