package io.customer360.scoring.training;

import io.customer360.scoring.evaluation.BinaryMetrics;
import io.customer360.scoring.features.FeatureFrame;
import io.customer360.scoring.model.GbtModel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Generic mode for data scientists: stratified k-fold cross-validated ROC AUC of XGBoost and of the
 * logistic-regression baseline on any labelled feature table or file.
 */
public final class CrossValidation {

  private CrossValidation() {}

  /**
   * Runs k-fold cross-validation on the labelled rows of a frame.
   *
   * @param folds 2 to 20
   * @param seed shuffles rows into folds, per class
   */
  public static CrossValidationReport run(
      FeatureFrame frame, int folds, GbtParameters gbt, double baselineL2, long seed) {
    if (folds < 2 || folds > 20) {
      throw new IllegalArgumentException("folds must be between 2 and 20, got " + folds);
    }
    FeatureFrame labelled = frame.labelledOnly();
    int[] fold = assignFolds(labelled.positives(), folds, seed);
    double[] gbtAuc = new double[folds];
    double[] baselineAuc = new double[folds];
    for (int k = 0; k < folds; k++) {
      FeatureFrame train = labelled.select(rows(fold, k, false));
      FeatureFrame test = labelled.select(rows(fold, k, true));
      GbtModel model = GbtTrainer.train(train, gbt);
      gbtAuc[k] = BinaryMetrics.rocAuc(model.scores(test), test.positives());
      LogisticRegression baseline = LogisticRegression.fit(train, baselineL2);
      baselineAuc[k] = BinaryMetrics.rocAuc(baseline.scores(test), test.positives());
    }
    long positives = 0;
    for (boolean p : labelled.positives()) {
      positives += p ? 1 : 0;
    }
    return new CrossValidationReport(
        labelled.rows(),
        positives,
        Arrays.asList(labelled.schema().names()),
        folds,
        mean(gbtAuc),
        std(gbtAuc),
        toList(gbtAuc),
        mean(baselineAuc),
        toList(baselineAuc));
  }

  private static int[] assignFolds(boolean[] positives, int folds, long seed) {
    Random random = new Random(seed);
    int[] fold = new int[positives.length];
    for (boolean cls : new boolean[] {true, false}) {
      List<Integer> members = new ArrayList<>();
      for (int i = 0; i < positives.length; i++) {
        if (positives[i] == cls) {
          members.add(i);
        }
      }
      java.util.Collections.shuffle(members, random);
      for (int m = 0; m < members.size(); m++) {
        fold[members.get(m)] = m % folds;
      }
    }
    return fold;
  }

  private static int[] rows(int[] fold, int k, boolean inFold) {
    return java.util.stream.IntStream.range(0, fold.length)
        .filter(i -> (fold[i] == k) == inFold)
        .toArray();
  }

  private static double mean(double[] v) {
    return Arrays.stream(v).average().orElse(Double.NaN);
  }

  private static double std(double[] v) {
    double m = mean(v);
    return Math.sqrt(
        Arrays.stream(v).map(x -> (x - m) * (x - m)).sum() / Math.max(1, v.length - 1));
  }

  private static List<Double> toList(double[] v) {
    return Arrays.stream(v).boxed().toList();
  }
}
