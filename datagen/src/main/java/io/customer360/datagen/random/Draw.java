package io.customer360.datagen.random;

import java.util.List;
import java.util.SplittableRandom;

/** Small distribution helpers over a {@link SplittableRandom}. */
public final class Draw {

  private Draw() {}

  /** Standard normal deviate (Box-Muller; one value per call keeps streams simple). */
  public static double gaussian(SplittableRandom rng) {
    double u1 = 1.0 - rng.nextDouble();
    double u2 = rng.nextDouble();
    return Math.sqrt(-2.0 * Math.log(u1)) * Math.cos(2.0 * Math.PI * u2);
  }

  /** Poisson deviate by inversion, for the small means used here. */
  public static int poisson(SplittableRandom rng, double mean) {
    if (mean <= 0) {
      return 0;
    }
    double limit = Math.exp(-Math.min(mean, 30.0));
    double product = rng.nextDouble();
    int count = 0;
    while (product > limit) {
      product *= rng.nextDouble();
      count++;
    }
    return count;
  }

  /** Whether an event of this probability happens. */
  public static boolean chance(SplittableRandom rng, double probability) {
    return rng.nextDouble() < probability;
  }

  /** A uniformly chosen element. */
  public static <T> T pick(SplittableRandom rng, List<T> values) {
    return values.get(rng.nextInt(values.size()));
  }

  /** A uniformly chosen element. */
  public static <T> T pick(SplittableRandom rng, T[] values) {
    return values[rng.nextInt(values.length)];
  }

  /** Lower-case hex id of the given length from the stream, e.g. for event ids. */
  public static String hex(SplittableRandom rng, int length) {
    StringBuilder out = new StringBuilder(length);
    while (out.length() < length) {
      String chunk = Long.toHexString(rng.nextLong() | Long.MIN_VALUE);
      out.append(chunk, 0, Math.min(chunk.length(), length - out.length()));
    }
    return out.toString();
  }

  /** The logistic function. */
  public static double sigmoid(double x) {
    return 1.0 / (1.0 + Math.exp(-x));
  }
}
