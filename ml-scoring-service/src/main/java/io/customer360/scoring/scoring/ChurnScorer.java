package io.customer360.scoring.scoring;

import io.customer360.scoring.features.FeatureFrame;
import io.customer360.scoring.model.GbtModel;
import io.customer360.scoring.model.LoadedModel;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.DoubleConsumer;

/**
 * Scores feature rows with a loaded model: probability, risk band and the top contributing features
 * by absolute SHAP value. Rows must be read with the model's own feature list, which is how the
 * feature order is enforced.
 */
public class ChurnScorer {

  private final double highFrom;
  private final double mediumFrom;
  private final int topFeatures;
  private final Clock clock;
  private final DoubleConsumer scoreListener;

  /**
   * @param scoreListener told every score, e.g. to record the distribution
   */
  public ChurnScorer(
      double highFrom,
      double mediumFrom,
      int topFeatures,
      Clock clock,
      DoubleConsumer scoreListener) {
    if (!(mediumFrom <= highFrom)) {
      throw new IllegalArgumentException("medium risk threshold must not exceed the high one");
    }
    this.highFrom = highFrom;
    this.mediumFrom = mediumFrom;
    this.topFeatures = topFeatures;
    this.clock = clock;
    this.scoreListener = scoreListener;
  }

  /** Scores every row of a frame read with {@code model}'s feature list. */
  public List<ChurnScore> score(LoadedModel model, FeatureFrame frame) {
    GbtModel gbt = model.model();
    if (!gbt.schema().equals(frame.schema())) {
      throw new IllegalArgumentException("Rows were not read with the model's feature list");
    }
    GbtModel.Prediction prediction = gbt.predictWithContributions(frame.values(), frame.rows());
    Instant now = clock.instant();
    List<ChurnScore> out = new ArrayList<>(frame.rows());
    for (int i = 0; i < frame.rows(); i++) {
      double p = prediction.probabilities()[i];
      scoreListener.accept(p);
      out.add(
          new ChurnScore(
              frame.ids().get(i),
              p,
              RiskBand.of(p, highFrom, mediumFrom),
              top(frame, i, prediction.contributions()[i]),
              model.version(),
              frame.dates().get(i),
              now));
    }
    return out;
  }

  private List<FeatureContribution> top(FeatureFrame frame, int row, float[] contributions) {
    int width = frame.width(); // the last contribution is the bias
    Integer[] order = new Integer[width];
    Arrays.setAll(order, k -> k);
    Arrays.sort(order, Comparator.comparingDouble(k -> -Math.abs(contributions[k])));
    List<FeatureContribution> top = new ArrayList<>(topFeatures);
    for (int k = 0; k < Math.min(topFeatures, width); k++) {
      int f = order[k];
      float v = frame.value(row, f);
      top.add(
          new FeatureContribution(
              frame.schema().get(f).name(), Float.isNaN(v) ? null : (double) v, contributions[f]));
    }
    return top;
  }
}
