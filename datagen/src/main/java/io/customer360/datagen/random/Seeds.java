package io.customer360.datagen.random;

import java.util.SplittableRandom;

/**
 * Derives independent, reproducible random streams from one run seed. Every stream is named by a
 * purpose tag and the numbers that identify what it drives (a customer index, a day index), so the
 * values one entity gets never depend on how many values another entity drew before it.
 */
public final class Seeds {

  private final long seed;

  public Seeds(long seed) {
    this.seed = seed;
  }

  /** The run seed. */
  public long seed() {
    return seed;
  }

  /** A fresh random stream for this purpose and these identifiers. */
  public SplittableRandom stream(String purpose, long... ids) {
    long h = mix(seed ^ 0x9E3779B97F4A7C15L);
    h = mix(h ^ purpose.hashCode());
    for (long id : ids) {
      h = mix(h + id * 0xBF58476D1CE4E5B9L);
    }
    return new SplittableRandom(h);
  }

  /** SplitMix64 finaliser: a good 64-bit avalanche mix. */
  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
