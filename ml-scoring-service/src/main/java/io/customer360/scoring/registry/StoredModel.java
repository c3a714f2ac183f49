package io.customer360.scoring.registry;

import io.customer360.scoring.features.FeatureSchema;

/**
 * One version's artifacts as read from the registry.
 *
 * @param version the version
 * @param model XGBoost model bytes
 * @param schema the ordered feature list
 * @param metrics validation metrics
 */
public record StoredModel(
    String version, byte[] model, FeatureSchema schema, ModelMetrics metrics) {}
