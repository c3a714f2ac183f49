package io.customer360.scoring.evaluation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Metrics of probability scores against 0/1 labels. Every method takes parallel arrays of scores
 * and labels, does not modify them, and returns {@code NaN} where the metric is undefined (no
 * positive or no negative).
 */
public final class BinaryMetrics {

  private static final double EPSILON = 1e-15;

  private BinaryMetrics() {}

  /**
   * ROC AUC as the Mann–Whitney statistic: the probability that a random positive scores above a
   * random negative, ties counting one half (mid-ranks).
   */
  public static double rocAuc(double[] scores, boolean[] labels) {
    check(scores, labels);
    int n = scores.length;
    Integer[] order = sortedAscending(scores);
    double rankSumPositives = 0;
    long positives = 0;
    int i = 0;
    while (i < n) {
      int j = i;
      while (j + 1 < n && scores[order[j + 1]] == scores[order[i]]) {
        j++;
      }
      double midRank = (i + j) / 2.0 + 1; // ranks are 1-based
      for (int k = i; k <= j; k++) {
        if (labels[order[k]]) {
          rankSumPositives += midRank;
          positives++;
        }
      }
      i = j + 1;
    }
    long negatives = n - positives;
    if (positives == 0 || negatives == 0) {
      return Double.NaN;
    }
    return (rankSumPositives - positives * (positives + 1) / 2.0)
        / ((double) positives * negatives);
  }

  /**
   * PR AUC as average precision: the sum over score thresholds (tied scores form one threshold) of
   * precision times the recall gained at that threshold.
   */
  public static double prAuc(double[] scores, boolean[] labels) {
    check(scores, labels);
    int n = scores.length;
    long totalPositives = count(labels);
    if (totalPositives == 0) {
      return Double.NaN;
    }
    Integer[] order = sortedAscending(scores);
    double ap = 0;
    long tp = 0;
    long seen = 0;
    int i = n - 1;
    while (i >= 0) {
      int j = i;
      while (j - 1 >= 0 && scores[order[j - 1]] == scores[order[i]]) {
        j--;
      }
      long newPositives = 0;
      for (int k = j; k <= i; k++) {
        newPositives += labels[order[k]] ? 1 : 0;
      }
      tp += newPositives;
      seen += i - j + 1;
      ap += ((double) newPositives / totalPositives) * ((double) tp / seen);
      i = j - 1;
    }
    return ap;
  }

  /** Mean negative log-likelihood, natural log, probabilities clipped to [1e-15, 1 − 1e-15]. */
  public static double logLoss(double[] scores, boolean[] labels) {
    check(scores, labels);
    double sum = 0;
    for (int i = 0; i < scores.length; i++) {
      double p = Math.min(1 - EPSILON, Math.max(EPSILON, scores[i]));
      sum -= labels[i] ? Math.log(p) : Math.log(1 - p);
    }
    return sum / scores.length;
  }

  /** Brier score: mean squared difference between probability and outcome. */
  public static double brier(double[] scores, boolean[] labels) {
    check(scores, labels);
    double sum = 0;
    for (int i = 0; i < scores.length; i++) {
      double d = scores[i] - (labels[i] ? 1 : 0);
      sum += d * d;
    }
    return sum / scores.length;
  }

  /**
   * Lift at the top decile: the positive rate among the highest-scoring 10% (rounded up, ties
   * broken by position) divided by the overall positive rate.
   */
  public static double liftAtTopDecile(double[] scores, boolean[] labels) {
    check(scores, labels);
    long positives = count(labels);
    if (positives == 0) {
      return Double.NaN;
    }
    int top = (int) Math.ceil(scores.length / 10.0);
    int[] byScoreDesc =
        IntStream.range(0, scores.length)
            .boxed()
            .sorted(Comparator.comparingDouble((Integer k) -> scores[k]).reversed())
            .mapToInt(Integer::intValue)
            .toArray();
    long topPositives = 0;
    for (int k = 0; k < top; k++) {
      topPositives += labels[byScoreDesc[k]] ? 1 : 0;
    }
    double overallRate = (double) positives / scores.length;
    return ((double) topPositives / top) / overallRate;
  }

  /**
   * Reliability diagram over equal-width probability bins; empty bins are left out.
   *
   * @param bins number of bins over [0, 1]
   */
  public static List<ReliabilityBin> reliability(double[] scores, boolean[] labels, int bins) {
    check(scores, labels);
    long[] count = new long[bins];
    double[] predicted = new double[bins];
    long[] observed = new long[bins];
    for (int i = 0; i < scores.length; i++) {
      int b = Math.min(bins - 1, Math.max(0, (int) (scores[i] * bins)));
      count[b]++;
      predicted[b] += scores[i];
      observed[b] += labels[i] ? 1 : 0;
    }
    List<ReliabilityBin> out = new ArrayList<>();
    for (int b = 0; b < bins; b++) {
      if (count[b] > 0) {
        out.add(
            new ReliabilityBin(
                (double) b / bins,
                (double) (b + 1) / bins,
                count[b],
                predicted[b] / count[b],
                (double) observed[b] / count[b]));
      }
    }
    return out;
  }

  /** Expected calibration error: the count-weighted mean |predicted − observed| over bins. */
  public static double expectedCalibrationError(List<ReliabilityBin> bins) {
    long total = bins.stream().mapToLong(ReliabilityBin::count).sum();
    return bins.stream()
            .mapToDouble(b -> b.count() * Math.abs(b.meanPredicted() - b.observedRate()))
            .sum()
        / total;
  }

  private static Integer[] sortedAscending(double[] scores) {
    Integer[] order = new Integer[scores.length];
    Arrays.setAll(order, k -> k);
    Arrays.sort(order, Comparator.comparingDouble(k -> scores[k]));
    return order;
  }

  private static long count(boolean[] labels) {
    long c = 0;
    for (boolean l : labels) {
      c += l ? 1 : 0;
    }
    return c;
  }

  private static void check(double[] scores, boolean[] labels) {
    if (scores.length != labels.length) {
      throw new IllegalArgumentException(
          "scores and labels differ in length: " + scores.length + " vs " + labels.length);
    }
    if (scores.length == 0) {
      throw new IllegalArgumentException("No scores to evaluate");
    }
  }
}
