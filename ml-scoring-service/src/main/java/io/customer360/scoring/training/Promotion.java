package io.customer360.scoring.training;

import io.customer360.scoring.evaluation.BinaryMetrics;
import io.customer360.scoring.features.FeatureFrame;
import io.customer360.scoring.model.GbtModel;
import io.customer360.scoring.model.ModelReloader;
import io.customer360.scoring.registry.ModelRegistry;
import io.customer360.scoring.registry.PromotedPointer;
import io.customer360.scoring.registry.PromotionDecision;
import io.customer360.scoring.registry.PromotionPolicy;
import io.customer360.scoring.registry.StoredModel;
import java.time.Clock;
import java.util.Optional;
import java.util.OptionalDouble;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The promotion step shared by training and import: scores the validation rows with the promoted
 * model, applies the {@link PromotionPolicy}, moves the pointer and reloads.
 */
public class Promotion {

  private static final Logger log = LoggerFactory.getLogger(Promotion.class);

  private final ModelRegistry registry;
  private final PromotionPolicy policy;
  private final ModelReloader reloader;
  private final Clock clock;

  public Promotion(
      ModelRegistry registry, PromotionPolicy policy, ModelReloader reloader, Clock clock) {
    this.registry = registry;
    this.policy = policy;
    this.reloader = reloader;
    this.clock = clock;
  }

  /**
   * The promoted model's AUC on the given validation rows; empty when nothing is promoted or the
   * promoted model cannot be loaded or lacks features of the frame.
   */
  public OptionalDouble promotedAuc(FeatureFrame validation) {
    Optional<PromotedPointer> pointer = registry.promoted();
    if (pointer.isEmpty()) {
      return OptionalDouble.empty();
    }
    try {
      StoredModel stored = registry.load(pointer.get().version());
      GbtModel promoted = GbtModel.load(stored.model(), stored.schema());
      double[] scores = promoted.scores(validation.project(stored.schema()));
      return OptionalDouble.of(BinaryMetrics.rocAuc(scores, validation.positives()));
    } catch (RuntimeException e) {
      log.warn(
          "Promoted model not comparable, candidate judged alone version={} reason={}",
          pointer.get().version(),
          e.getMessage());
      return OptionalDouble.empty();
    }
  }

  /** Decides on a saved candidate and, if it wins, promotes and reloads it. */
  public PromotionDecision decide(String version, double candidateAuc, OptionalDouble promotedAuc) {
    PromotionDecision decision = policy.decide(candidateAuc, promotedAuc);
    log.info(
        "Promotion decision version={} promote={} reason=\"{}\"",
        version,
        decision.promote(),
        decision.reason());
    if (decision.promote()) {
      String previous = registry.promoted().map(PromotedPointer::version).orElse(null);
      registry.promote(new PromotedPointer(version, candidateAuc, clock.instant(), previous));
      reloader.refresh();
    }
    return decision;
  }
}
