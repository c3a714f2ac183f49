package io.customer360.scoring.scoring;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One customer's churn score.
 *
 * @param customerId the customer
 * @param score probability of churning within the label horizon
 * @param riskBand band of the score
 * @param topFeatures features with the largest absolute contributions, largest first
 * @param modelVersion registry version that scored
 * @param featureSnapshotDate snapshot date of the features used
 * @param scoredAt when scored
 */
public record ChurnScore(
    String customerId,
    double score,
    RiskBand riskBand,
    List<FeatureContribution> topFeatures,
    String modelVersion,
    LocalDate featureSnapshotDate,
    Instant scoredAt) {

  public ChurnScore {
    topFeatures = List.copyOf(topFeatures);
  }
}
