package io.customer360.scoring.registry;

import io.customer360.scoring.evaluation.Evaluation;

/**
 * {@code metrics.json}: how the model and its baseline did on the validation window.
 *
 * @param validationAuc the model's validation ROC AUC, the number promotion compares
 * @param model the model's full evaluation
 * @param baseline the logistic-regression baseline's evaluation on the same rows, or {@code null}
 *     for an imported model
 * @param promotedModelAuc the then-promoted model's AUC on the same rows, or {@code null} when
 *     there was none or it could not be evaluated
 */
public record ModelMetrics(
    double validationAuc, Evaluation model, Evaluation baseline, Double promotedModelAuc) {}
