package io.customer360.scoring.evaluation;

import java.util.List;

/**
 * How well a model's probabilities fit held-out labels.
 *
 * @param rows rows evaluated
 * @param positives rows with label 1
 * @param rocAuc ROC AUC
 * @param prAuc PR AUC (average precision)
 * @param logLoss mean log loss
 * @param brier Brier score
 * @param expectedCalibrationError count-weighted |predicted − observed| over the reliability bins
 * @param liftTopDecile lift at the top 10% of scores
 * @param reliability the reliability diagram (10 bins)
 */
public record Evaluation(
    long rows,
    long positives,
    double rocAuc,
    double prAuc,
    double logLoss,
    double brier,
    double expectedCalibrationError,
    double liftTopDecile,
    List<ReliabilityBin> reliability) {

  private static final int BINS = 10;

  public Evaluation {
    reliability = List.copyOf(reliability);
  }

  /** Evaluates scores against labels. */
  public static Evaluation of(double[] scores, boolean[] labels) {
    List<ReliabilityBin> bins = BinaryMetrics.reliability(scores, labels, BINS);
    long positives = 0;
    for (boolean l : labels) {
      positives += l ? 1 : 0;
    }
    return new Evaluation(
        scores.length,
        positives,
        BinaryMetrics.rocAuc(scores, labels),
        BinaryMetrics.prAuc(scores, labels),
        BinaryMetrics.logLoss(scores, labels),
        BinaryMetrics.brier(scores, labels),
        BinaryMetrics.expectedCalibrationError(bins),
        BinaryMetrics.liftAtTopDecile(scores, labels),
        bins);
  }
}
