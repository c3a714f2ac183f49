package io.customer360.scoring.model;

import java.time.Instant;

/**
 * The model that serves: a registry version loaded into XGBoost.
 *
 * @param version registry version
 * @param model the booster and its feature list
 * @param validationAuc validation AUC recorded with the version
 * @param loadedAt when this process loaded it
 */
public record LoadedModel(String version, GbtModel model, double validationAuc, Instant loadedAt) {}
