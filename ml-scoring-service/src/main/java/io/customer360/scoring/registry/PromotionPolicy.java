package io.customer360.scoring.registry;

import java.util.Locale;
import java.util.OptionalDouble;

/**
 * The promotion rule: a candidate replaces the promoted model only if its validation AUC beats the
 * promoted model's AUC on the same validation rows by more than a margin. With nothing promoted
 * yet, any candidate with a defined AUC is promoted.
 *
 * @param minAucGain the margin; 0 means "strictly better"
 */
public record PromotionPolicy(double minAucGain) {

  public PromotionPolicy {
    if (minAucGain < 0 || Double.isNaN(minAucGain)) {
      throw new IllegalArgumentException("minAucGain must be ≥ 0, got " + minAucGain);
    }
  }

  /**
   * Decides.
   *
   * @param candidateAuc the candidate's validation AUC
   * @param promotedAuc the promoted model's AUC on the same rows; empty when nothing is promoted
   */
  public PromotionDecision decide(double candidateAuc, OptionalDouble promotedAuc) {
    if (Double.isNaN(candidateAuc)) {
      return new PromotionDecision(false, "candidate AUC is undefined (one class only)");
    }
    if (promotedAuc.isEmpty() || Double.isNaN(promotedAuc.getAsDouble())) {
      return new PromotionDecision(true, "no comparable promoted model");
    }
    double current = promotedAuc.getAsDouble();
    boolean beats = candidateAuc > current + minAucGain;
    return new PromotionDecision(
        beats,
        String.format(
            Locale.ROOT,
            "candidate AUC %.4f %s promoted AUC %.4f + margin %.4f",
            candidateAuc,
            beats ? ">" : "<=",
            current,
            minAucGain));
  }
}
