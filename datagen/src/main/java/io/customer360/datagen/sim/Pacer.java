package io.customer360.datagen.sim;

import java.time.Duration;
import java.time.Instant;

/**
 * Holds sending back to a rate (records per second) and/or a time compression (simulated seconds
 * per wall second). Reads the wall clock only to wait, never to make data.
 */
final class Pacer {

  private final double rate;
  private final double compression;
  private final Instant simulatedStart;
  private long wallStartNanos = -1;
  private long sent;

  Pacer(double rate, double compression, Instant simulatedStart) {
    this.rate = rate;
    this.compression = compression;
    this.simulatedStart = simulatedStart;
  }

  boolean active() {
    return rate > 0 || compression > 0;
  }

  /** How many records to send between waits. */
  int chunkSize() {
    return rate > 0 ? (int) Math.max(1, Math.min(500, rate / 20)) : 500;
  }

  /** Waits until {@code count} more records, the last sent at simulated {@code at}, may go. */
  void await(int count, Instant at) {
    if (!active()) {
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
    long waitNanos = wallStartNanos + targetNanos - System.nanoTime();
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
