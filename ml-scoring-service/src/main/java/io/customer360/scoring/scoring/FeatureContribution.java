package io.customer360.scoring.scoring;

/**
 * How much one feature moved a score: its SHAP value from XGBoost's {@code predictContrib}, in
 * log-odds (positive raises churn risk).
 *
 * @param feature feature name
 * @param value the customer's value ({@code null} when missing)
 * @param contribution log-odds contribution
 */
public record FeatureContribution(String feature, Double value, double contribution) {}
