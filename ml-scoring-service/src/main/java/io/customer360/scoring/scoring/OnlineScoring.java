package io.customer360.scoring.scoring;

import io.customer360.scoring.features.FeatureFrame;
import io.customer360.scoring.features.WarehouseFeatures;
import io.customer360.scoring.model.LoadedModel;
import io.customer360.scoring.model.ServingModel;
import java.util.Optional;

/** Scores one customer live: their latest feature snapshot, the serving model. */
public class OnlineScoring {

  private final WarehouseFeatures features;
  private final ServingModel serving;
  private final ChurnScorer scorer;

  public OnlineScoring(WarehouseFeatures features, ServingModel serving, ChurnScorer scorer) {
    this.features = features;
    this.serving = serving;
    this.scorer = scorer;
  }

  /**
   * The customer's score, or empty when the feature table has no snapshot of them.
   *
   * @throws io.customer360.scoring.model.NoModelException when no model serves
   */
  public Optional<ChurnScore> score(String customerId) {
    LoadedModel model = serving.require();
    Optional<FeatureFrame> row = features.latest(customerId, model.model().schema());
    return row.map(frame -> scorer.score(model, frame).get(0));
  }
}
