package io.customer360.datagen.sim;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * Which file an order or return row lands in, and when: one file per day, or, for a live feed from
 * the day its live part starts, one file per interval (aligned to the epoch, so to the day), the
 * rows before the live start going into the first file after it.
 */
final class FileSchedule {

  /** A file of rows due before {@code end}; {@code daily} when it holds a whole day. */
  record Window(Instant end, boolean daily) {
    /** The last millisecond of the window: when its file lands and what its name says. */
    Instant availableAt() {
      return end.minusMillis(1);
    }

    LocalDate date() {
      return LocalDate.ofInstant(availableAt(), ZoneOffset.UTC);
    }
  }

  private final Instant liveFrom;
  private final long intervalMillis;

  private FileSchedule(Instant liveFrom, Duration interval) {
    this.liveFrom = liveFrom;
    this.intervalMillis = interval.toMillis();
  }

  static FileSchedule daily() {
    return new FileSchedule(null, Duration.ofDays(1));
  }

  static FileSchedule live(Instant from, Duration interval) {
    return new FileSchedule(from, interval);
  }

  /**
   * Whether the file of a row that happened {@code at} is complete by {@code until}: its window
   * ends at or before it. Rows of a window are written together, in one file, once it is complete.
   */
  boolean complete(Instant at, Instant until) {
    return !windowOf(at).end().isAfter(until);
  }

  /** The window of a row that happened {@code at}. */
  Window windowOf(Instant at) {
    LocalDate day = LocalDate.ofInstant(at, ZoneOffset.UTC);
    if (liveFrom == null || day.isBefore(LocalDate.ofInstant(liveFrom, ZoneOffset.UTC))) {
      return new Window(day.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC), true);
    }
    long from = Math.max(at.toEpochMilli(), liveFrom.toEpochMilli());
    return new Window(Instant.ofEpochMilli((from / intervalMillis + 1) * intervalMillis), false);
  }
}
