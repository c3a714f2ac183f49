package io.customer360.datagen;

import io.customer360.datagen.fault.FaultRates;
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
 */
public record DatagenConfig(
    long seed,
    LocalDate startDate,
    int days,
    int customers,
    int products,
    FaultRates faults,
    double rate,
    double timeCompression) {

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
        newSeed, startDate, days, customers, products, faults, rate, timeCompression);
  }

  /** A copy with other fault rates. */
  public DatagenConfig withFaults(FaultRates newFaults) {
    return new DatagenConfig(
        seed, startDate, days, customers, products, newFaults, rate, timeCompression);
  }
}
