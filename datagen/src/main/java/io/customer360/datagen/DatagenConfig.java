package io.customer360.datagen;

import io.customer360.datagen.fault.FaultRates;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Parameters of one generation run. The same values give byte-identical output.
 *
 * @param seed random seed
 * @param startDate first simulated day (UTC)
 * @param days number of simulated days
 * @param customers number of customers
 * @param products number of products
 * @param faults fault injection rates, all zero by default
 * @param rate stream records per second to send at most; 0 sends as fast as possible
 * @param timeCompression simulated seconds per wall-clock second when pacing by event time (1440
 *     plays a day in a minute); 0 disables time pacing
 * @param live null for a run of {@code days} days; else the run goes on past them, day after day
 *     aligned to the wall clock, until its thread is interrupted (see {@link Live})
 */
public record DatagenConfig(
    long seed,
    LocalDate startDate,
    int days,
    int customers,
    int products,
    FaultRates faults,
    double rate,
    double timeCompression,
    Live live) {

  /** The default start date: fixed, so runs never depend on the wall clock. */
  public static final LocalDate DEFAULT_START = LocalDate.of(2026, 1, 1);

  public DatagenConfig {
    if (days < 1 || customers < 1 || products < 8) {
      throw new IllegalArgumentException(
          "need days >= 1, customers >= 1 and products >= 8; got days="
              + days
              + " customers="
              + customers
              + " products="
              + products);
    }
    if (rate < 0 || timeCompression < 0) {
      throw new IllegalArgumentException("rate and time compression must not be negative");
    }
  }

  /** A run of {@code days} days, not live. */
  public DatagenConfig(
      long seed,
      LocalDate startDate,
      int days,
      int customers,
      int products,
      FaultRates faults,
      double rate,
      double timeCompression) {
    this(seed, startDate, days, customers, products, faults, rate, timeCompression, null);
  }

  /**
   * A live feed: every record is sent when the wall clock reaches its time (records already in the
   * past at once), so the {@code days} days from the start date are a backfill and what follows
   * happens now. From {@code from} on, customers visit far more often than in the simulated shop,
   * so that the streams carry about {@code recordsPerSecond}; order (DMS CDC) and return files are
   * landed every {@code fileInterval}, other files once a day. A record's delay (late, out of
   * order, duplicate) never carries it past the end of its day, so the ground truth, rewritten
   * after every day, always matches what was sent.
   *
   * @param from when the live intensity starts (may be a little before now, to fill the last
   *     minutes of a real-time chart at once)
   * @param recordsPerSecond stream records per second to aim at from {@code from} on
   * @param fileInterval how often order and return files land; must divide a day
   */
  public record Live(Instant from, double recordsPerSecond, Duration fileInterval) {
    public Live {
      if (recordsPerSecond <= 0) {
        throw new IllegalArgumentException("live records per second must be positive");
      }
      if (fileInterval.toMillis() < 1000
          || Duration.ofDays(1).toMillis() % fileInterval.toMillis() != 0) {
        throw new IllegalArgumentException(
            "live file interval must be at least a second and divide a day; got " + fileInterval);
      }
    }
  }

  /** Whether the run is a live feed. */
  public boolean isLive() {
    return live != null;
  }

  /** A copy that goes on live after its days. */
  public DatagenConfig withLive(Live newLive) {
    return new DatagenConfig(
        seed, startDate, days, customers, products, faults, rate, timeCompression, newLive);
  }

  /**
   * Defaults for a size: seed 42, start 2026-01-01, one product per ten customers (at least 40), no
   * faults, no pacing.
   */
  public static DatagenConfig of(int days, int customers) {
    return new DatagenConfig(
        42, DEFAULT_START, days, customers, Math.max(40, customers / 10), FaultRates.none(), 0, 0);
  }

  /** A copy with another seed. */
  public DatagenConfig withSeed(long newSeed) {
    return new DatagenConfig(
        newSeed, startDate, days, customers, products, faults, rate, timeCompression, live);
  }

  /** A copy with other fault rates. */
  public DatagenConfig withFaults(FaultRates newFaults) {
    return new DatagenConfig(
        seed, startDate, days, customers, products, newFaults, rate, timeCompression, live);
  }
}
