package io.customer360.scoring.model;

import io.customer360.scoring.features.FeatureFrame;
import io.customer360.scoring.features.FeatureSchema;
import java.util.Arrays;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;

/**
 * An XGBoost booster (binary:logistic) together with the ordered feature list it was trained on.
 * This is the only class that calls XGBoost for prediction; it translates {@link XGBoostError} into
 * {@link ModelException}. Safe to share between threads, but XGBoost4J serializes predictions on
 * one booster ({@code Booster.predict} is synchronized), so calls do not run in parallel. Exact
 * SHAP contributions ({@code predictContrib}) cost far more than the prediction itself.
 */
public final class GbtModel {

  private final Booster booster;
  private final FeatureSchema schema;

  private GbtModel(Booster booster, FeatureSchema schema) {
    this.booster = booster;
    this.schema = schema;
  }

  /**
   * Wraps a trained booster, stamping the feature names and types into it so the saved model is
   * self-describing.
   */
  public static GbtModel of(Booster booster, FeatureSchema schema) {
    try {
      booster.setFeatureNames(schema.names());
      booster.setFeatureTypes(schema.typeCodes());
      // One OpenMP thread per prediction call: concurrency comes from request threads, and a
      // single-row predict that waits on a second, descheduled OpenMP thread costs milliseconds.
      booster.setParam("nthread", 1);
    } catch (XGBoostError e) {
      throw new ModelException("Cannot set feature names on the booster: " + e.getMessage(), e);
    }
    return new GbtModel(booster, schema);
  }

  /**
   * Loads a model in any XGBoost format (JSON, UBJSON, or the legacy binary that SageMaker's
   * built-in XGBoost writes) and checks it against its feature list.
   *
   * @throws ModelException when the bytes are no XGBoost model, or the feature count or names
   *     recorded in the model disagree with the list
   */
  public static GbtModel load(byte[] model, FeatureSchema schema) {
    Booster booster;
    try {
      booster = XGBoost.loadModel(model);
    } catch (XGBoostError | java.io.IOException | RuntimeException e) {
      throw new ModelException("Not a loadable XGBoost model: " + firstLine(e.getMessage()), e);
    }
    try {
      long modelFeatures = booster.getNumFeature();
      if (modelFeatures != schema.size()) {
        throw new FeatureListMismatchException(
            "The model expects "
                + modelFeatures
                + " features but the feature list has "
                + schema.size());
      }
      String[] recorded = booster.getFeatureNames();
      // The legacy binary format keeps no names (XGBoost returns nulls); JSON and UBJSON do.
      boolean named =
          recorded != null
              && recorded.length > 0
              && Arrays.stream(recorded).allMatch(n -> n != null && !n.isEmpty());
      if (named && !Arrays.equals(recorded, schema.names())) {
        throw new FeatureListMismatchException(
            "The model's feature names "
                + Arrays.toString(recorded)
                + " differ from the feature list "
                + Arrays.toString(schema.names()));
      }
      return of(booster, schema);
    } catch (XGBoostError e) {
      throw new ModelException("Cannot inspect the XGBoost model: " + e.getMessage(), e);
    }
  }

  /** The feature list, in input order. */
  public FeatureSchema schema() {
    return schema;
  }

  /** Churn probabilities of row-major rows in schema order ({@code NaN} = missing). */
  public float[] predict(float[] values, int rows) {
    try {
      DMatrix matrix = matrix(values, rows);
      try {
        return column(booster.predict(matrix));
      } finally {
        matrix.dispose();
      }
    } catch (XGBoostError e) {
      throw new ModelException("XGBoost prediction failed: " + e.getMessage(), e);
    }
  }

  /** Probabilities of every row of a frame read with this model's schema. */
  public double[] scores(FeatureFrame frame) {
    float[] p = predict(frame.values(), frame.rows());
    double[] out = new double[p.length];
    for (int i = 0; i < p.length; i++) {
      out[i] = p[i];
    }
    return out;
  }

  /**
   * Probabilities and SHAP contributions (log-odds; the last entry of each row is the bias) of
   * row-major rows, computed from one matrix.
   */
  public Prediction predictWithContributions(float[] values, int rows) {
    try {
      DMatrix matrix = matrix(values, rows);
      try {
        return new Prediction(column(booster.predict(matrix)), booster.predictContrib(matrix, 0));
      } finally {
        matrix.dispose();
      }
    } catch (XGBoostError e) {
      throw new ModelException("XGBoost prediction failed: " + e.getMessage(), e);
    }
  }

  /** The model in XGBoost's JSON format, which SageMaker's XGBoost container also loads. */
  public byte[] toJson() {
    try {
      return booster.toByteArray("json");
    } catch (XGBoostError e) {
      throw new ModelException("Cannot serialize the model: " + e.getMessage(), e);
    }
  }

  /** The underlying booster, for benchmarks that compare against raw XGBoost. */
  public Booster booster() {
    return booster;
  }

  private DMatrix matrix(float[] values, int rows) throws XGBoostError {
    if (values.length != (long) rows * schema.size()) {
      throw new ModelException(
          "Expected " + rows + " rows of " + schema.size() + " features, got " + values.length);
    }
    return new DMatrix(values, rows, schema.size(), Float.NaN);
  }

  private static float[] column(float[][] predictions) {
    float[] out = new float[predictions.length];
    for (int i = 0; i < predictions.length; i++) {
      out[i] = predictions[i][0];
    }
    return out;
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "unknown error";
    }
    int nl = message.indexOf('\n');
    return nl < 0 ? message : message.substring(0, nl);
  }

  /**
   * Scores and contributions of a batch.
   *
   * @param probabilities one per row
   * @param contributions per row: one log-odds contribution per feature, then the bias
   */
  public record Prediction(float[] probabilities, float[][] contributions) {}
}
