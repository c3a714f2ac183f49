package io.customer360.scoring.training;

import io.customer360.scoring.evaluation.BinaryMetrics;
import io.customer360.scoring.features.FeatureFrame;
import java.util.Random;

/**
 * Refuses training data whose features give the label away. A feature that alone ranks the labels
 * almost perfectly (single-feature ROC AUC, either direction, at or above the threshold) is not a
 * signal a snapshot can have before its horizon — it is the outcome, or derived from it (a churn
 * date, a days-since-churn, a "cancelled" flag). Real churn signals are far weaker.
 */
public final class LeakageGuard {

  private static final int SAMPLE = 50_000;

  private LeakageGuard() {}

  /**
   * Checks every feature of the labelled frame.
   *
   * @param threshold single-feature AUC from which a feature is treated as leaked, e.g. 0.98
   * @throws TrainingException naming the first leaking feature and its AUC
   */
  public static void check(FeatureFrame labelled, double threshold) {
    int[] rows = sample(labelled.rows(), SAMPLE);
    boolean[] labels = new boolean[rows.length];
    for (int k = 0; k < rows.length; k++) {
      labels[k] = labelled.labels()[rows[k]] == 1f;
    }
    for (int f = 0; f < labelled.width(); f++) {
      double[] values = new double[rows.length];
      for (int k = 0; k < rows.length; k++) {
        float v = labelled.value(rows[k], f);
        values[k] = Float.isNaN(v) ? Double.NEGATIVE_INFINITY : v;
      }
      double auc = BinaryMetrics.rocAuc(values, labels);
      double separation = Double.isNaN(auc) ? 0.5 : Math.max(auc, 1 - auc);
      if (separation >= threshold) {
        throw new TrainingException(
            String.format(
                java.util.Locale.ROOT,
                "Feature '%s' alone separates the label with AUC %.4f (threshold %.2f): it looks"
                    + " derived from the outcome. Exclude it (c360.ml-scoring.features"
                    + ".excluded-columns) or fix the feature table.",
                labelled.schema().get(f).name(),
                separation,
                threshold));
      }
    }
  }

  private static int[] sample(int n, int max) {
    int[] all = new int[n];
    for (int i = 0; i < n; i++) {
      all[i] = i;
    }
    if (n <= max) {
      return all;
    }
    Random random = new Random(7);
    for (int i = 0; i < max; i++) {
      int j = i + random.nextInt(n - i);
      int t = all[i];
      all[i] = all[j];
      all[j] = t;
    }
    return java.util.Arrays.copyOf(all, max);
  }
}
