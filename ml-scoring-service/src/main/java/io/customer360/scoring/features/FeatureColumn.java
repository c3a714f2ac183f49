package io.customer360.scoring.features;

/**
 * One model input: a column name and its type.
 *
 * @param name column name in the feature table
 * @param type XGBoost feature type
 */
public record FeatureColumn(String name, FeatureType type) {

  public FeatureColumn {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("Feature name must not be blank");
    }
    if (type == null) {
      throw new IllegalArgumentException("Feature '" + name + "' has no type");
    }
  }
}
