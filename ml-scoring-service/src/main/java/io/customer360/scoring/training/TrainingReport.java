package io.customer360.scoring.training;

import io.customer360.scoring.registry.ModelMetrics;
import io.customer360.scoring.registry.PromotionDecision;
import io.customer360.scoring.registry.TrainingRange;
import java.util.List;

/**
 * The outcome of a training run or an import.
 *
 * @param version the registry version written
 * @param decision whether it was promoted, and why
 * @param metrics validation metrics (model, baseline, promoted model)
 * @param range the data it was trained and validated on
 * @param features the ordered feature names
 */
public record TrainingReport(
    String version,
    PromotionDecision decision,
    ModelMetrics metrics,
    TrainingRange range,
    List<String> features) {}
