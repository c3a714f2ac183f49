package io.customer360.scoring.training;

import io.customer360.scoring.features.FeatureFrame;
import io.customer360.scoring.model.GbtModel;
import java.util.Map;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;

/** Trains gradient-boosted trees with XGBoost4J on the labelled rows of a frame. */
public final class GbtTrainer {

  private GbtTrainer() {}

  /**
   * Trains a model.
   *
   * @throws TrainingException when XGBoost fails
   */
  public static GbtModel train(FeatureFrame frame, GbtParameters parameters) {
    try {
      DMatrix train = new DMatrix(frame.values(), frame.rows(), frame.width(), Float.NaN);
      try {
        train.setLabel(frame.labels());
        Booster booster =
            XGBoost.train(train, parameters.toXgboost(), parameters.rounds(), Map.of(), null, null);
        return GbtModel.of(booster, frame.schema());
      } finally {
        train.dispose();
      }
    } catch (XGBoostError e) {
      throw new TrainingException("XGBoost training failed: " + e.getMessage(), e);
    }
  }
}
