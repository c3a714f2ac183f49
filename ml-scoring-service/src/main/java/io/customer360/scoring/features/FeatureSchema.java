package io.customer360.scoring.features;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The ordered feature list of a model. It is saved with the model ({@code features.json}) and
 * enforced at scoring time: values are passed to XGBoost in exactly this order.
 *
 * @param features the features, in model input order
 */
public record FeatureSchema(List<FeatureColumn> features) {

  public FeatureSchema {
    features = List.copyOf(features);
    if (features.isEmpty()) {
      throw new IllegalArgumentException("A model needs at least one feature");
    }
    Set<String> seen = new HashSet<>();
    for (FeatureColumn f : features) {
      if (!seen.add(f.name())) {
        throw new IllegalArgumentException("Duplicate feature '" + f.name() + "'");
      }
    }
  }

  /**
   * Parses the {@code features.json} document {@code {"features":[{"name":..,"type":..}]}}.
   *
   * @throws IllegalArgumentException naming the entry that is missing a name or has an unknown type
   */
  public static FeatureSchema fromDocument(Map<String, Object> document) {
    if (!(document.get("features") instanceof List<?> list)) {
      throw new IllegalArgumentException("features.json needs a 'features' array");
    }
    List<FeatureColumn> columns = new ArrayList<>(list.size());
    for (int i = 0; i < list.size(); i++) {
      if (!(list.get(i) instanceof Map<?, ?> entry)
          || !(entry.get("name") instanceof String name)) {
        throw new IllegalArgumentException("features[" + i + "] needs a string 'name'");
      }
      Object code = entry.get("type");
      FeatureType type =
          FeatureType.ofCode(code == null ? null : code.toString())
              .orElseThrow(
                  () ->
                      new IllegalArgumentException(
                          "features["
                              + name
                              + "] has unknown type '"
                              + code
                              + "'; known: float, int, i, q"));
      columns.add(new FeatureColumn(name, type));
    }
    return new FeatureSchema(columns);
  }

  /** The {@code features.json} document. */
  public Map<String, Object> toDocument() {
    List<Map<String, String>> list =
        features.stream().map(f -> Map.of("name", f.name(), "type", f.type().code())).toList();
    return Map.of("features", list);
  }

  /** Number of features. */
  public int size() {
    return features.size();
  }

  /** Feature names in order. */
  public String[] names() {
    return features.stream().map(FeatureColumn::name).toArray(String[]::new);
  }

  /** XGBoost type codes in order. */
  public String[] typeCodes() {
    return features.stream().map(f -> f.type().code()).toArray(String[]::new);
  }

  /** The feature at a position. */
  public FeatureColumn get(int index) {
    return features.get(index);
  }
}
