package io.customer360.scoring.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.customer360.scoring.evaluation.BinaryMetrics;
import io.customer360.scoring.features.FeatureColumn;
import io.customer360.scoring.features.FeatureFrame;
import io.customer360.scoring.features.FeatureSchema;
import io.customer360.scoring.features.FeatureType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LogisticRegressionTest {

  @Test
  void recoversTheGeneratingProbabilities() {
    // y ~ Bernoulli(sigmoid(-1 + 2·x1 − 1·x2)), x ~ N(0, 1): the fit must match the true model
    Random random = new Random(11);
    int n = 20_000;
    float[] values = new float[n * 2];
    float[] labels = new float[n];
    double[] truth = new double[n];
    for (int i = 0; i < n; i++) {
      double x1 = random.nextGaussian();
      double x2 = random.nextGaussian();
      values[2 * i] = (float) x1;
      values[2 * i + 1] = (float) x2;
      truth[i] = 1 / (1 + Math.exp(-(-1 + 2 * x1 - x2)));
      labels[i] = random.nextDouble() < truth[i] ? 1 : 0;
    }
    FeatureFrame frame = frame(values, labels, 2);

    LogisticRegression model = LogisticRegression.fit(frame, 0.0);

    double[] fitted = model.scores(frame);
    double maxError = 0;
    for (int i = 0; i < n; i++) {
      maxError = Math.max(maxError, Math.abs(fitted[i] - truth[i]));
    }
    assertThat(maxError).isLessThan(0.05);
    assertThat(model.probability(new float[] {0, 0}))
        .isCloseTo(1 / (1 + Math.exp(1)), within(0.02));
  }

  @Test
  void ranksAsWellAsTheTruthOnSeparableSignal() {
    Random random = new Random(5);
    int n = 4_000;
    float[] values = new float[n];
    float[] labels = new float[n];
    for (int i = 0; i < n; i++) {
      values[i] = (float) random.nextGaussian();
      labels[i] = values[i] + 0.3 * random.nextGaussian() > 0 ? 1 : 0;
    }
    FeatureFrame frame = frame(values, labels, 1);
    double[] scores = LogisticRegression.fit(frame, 1.0).scores(frame);
    double auc = BinaryMetrics.rocAuc(scores, frame.positives());
    double[] raw = new double[n];
    for (int i = 0; i < n; i++) {
      raw[i] = values[i];
    }
    assertThat(auc).isCloseTo(BinaryMetrics.rocAuc(raw, frame.positives()), within(1e-9));
  }

  @Test
  void imputesMissingValuesWithTheMean() {
    float[] values = {Float.NaN, 1, 2, 3, 4, 5};
    float[] labels = {1, 0, 0, 1, 1, 1};
    LogisticRegression model = LogisticRegression.fit(frame(values, labels, 1), 1.0);
    assertThat(model.probability(new float[] {Float.NaN}))
        .isCloseTo(model.probability(new float[] {3}), within(1e-12));
  }

  static FeatureFrame frame(float[] values, float[] labels, int width) {
    List<FeatureColumn> columns = new ArrayList<>();
    for (int f = 0; f < width; f++) {
      columns.add(new FeatureColumn("x" + f, FeatureType.FLOAT));
    }
    return new FeatureFrame(
        new FeatureSchema(columns),
        new ArrayList<>(Collections.nCopies(labels.length, null)),
        new ArrayList<>(Collections.nCopies(labels.length, null)),
        values,
        labels);
  }
}
