package io.customer360.scoring.training;

import java.util.List;

/**
 * Cross-validated AUC of a labelled feature set.
 *
 * @param rows labelled rows used
 * @param positives rows with label 1
 * @param features the features found, in order
 * @param folds number of folds
 * @param meanAuc mean XGBoost ROC AUC over folds
 * @param stdAuc its standard deviation over folds
 * @param foldAuc XGBoost ROC AUC per fold
 * @param baselineMeanAuc mean ROC AUC of the logistic-regression baseline
 * @param baselineFoldAuc baseline ROC AUC per fold
 */
public record CrossValidationReport(
    long rows,
    long positives,
    List<String> features,
    int folds,
    double meanAuc,
    double stdAuc,
    List<Double> foldAuc,
    double baselineMeanAuc,
    List<Double> baselineFoldAuc) {}
