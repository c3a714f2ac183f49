package io.customer360.scoring.training;

import io.customer360.scoring.ScoringProperties;
import io.customer360.scoring.evaluation.Evaluation;
import io.customer360.scoring.features.FeatureDataException;
import io.customer360.scoring.features.FeatureFrame;
import io.customer360.scoring.features.FeatureSchema;
import io.customer360.scoring.features.WarehouseFeatures;
import io.customer360.scoring.model.FeatureListMismatchException;
import io.customer360.scoring.model.GbtModel;
import io.customer360.scoring.model.ModelException;
import io.customer360.scoring.registry.ModelMetrics;
import io.customer360.scoring.registry.ModelRegistry;
import io.customer360.scoring.registry.PromotionDecision;
import io.customer360.scoring.registry.TrainingRange;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Map;
import java.util.OptionalDouble;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Imports an externally trained XGBoost model (a notebook's, or SageMaker's {@code xgboost-model})
 * with its feature list. It is validated — the model loads, its feature count (and names, if it
 * records them) match the list, every type is known, the warehouse table has every feature — then
 * evaluated on the same validation window training uses, written as a new version and promoted
 * under the same rule as a trained model.
 */
public class ModelImporter {

  private final WarehouseFeatures features;
  private final ModelRegistry registry;
  private final Promotion promotion;
  private final ScoringProperties.Training config;
  private final String source;
  private final JsonMapper json;
  private final Clock clock;

  public ModelImporter(
      WarehouseFeatures features,
      ModelRegistry registry,
      Promotion promotion,
      ScoringProperties.Training config,
      String source,
      JsonMapper json,
      Clock clock) {
    this.features = features;
    this.registry = registry;
    this.promotion = promotion;
    this.config = config;
    this.source = source;
    this.json = json;
    this.clock = clock;
  }

  /**
   * Validates, evaluates, stores and (if allowed and better) promotes a model.
   *
   * @param model XGBoost model bytes (JSON, UBJSON or legacy binary)
   * @param featuresJson {@code {"features":[{"name":..,"type":..},..]}}
   * @param promote whether to apply the promotion rule; false only stores the version
   * @throws ModelImportException naming {@code model} or {@code features} when invalid
   */
  public TrainingReport importModel(byte[] model, byte[] featuresJson, boolean promote) {
    FeatureSchema schema = parseFeatures(featuresJson);
    GbtModel gbt;
    try {
      gbt = GbtModel.load(model, schema);
    } catch (FeatureListMismatchException e) {
      throw new ModelImportException("features", e.getMessage(), e);
    } catch (ModelException e) {
      throw new ModelImportException("model", e.getMessage(), e);
    }
    FeatureFrame validation = validationWindow(schema);
    Evaluation evaluation = Evaluation.of(gbt.scores(validation), validation.positives());
    OptionalDouble promotedAuc = promotion.promotedAuc(validation);
    Instant now = clock.instant();
    String version = ModelRegistry.newVersion(now, "imported");
    ModelMetrics metrics =
        new ModelMetrics(
            evaluation.rocAuc(),
            evaluation,
            null,
            promotedAuc.isPresent() ? promotedAuc.getAsDouble() : null);
    LocalDate from = validation.dates().stream().min(LocalDate::compareTo).orElse(null);
    LocalDate to = validation.dates().stream().max(LocalDate::compareTo).orElse(null);
    TrainingRange range =
        new TrainingRange("imported", source, null, null, from, to, 0, validation.rows(), 0, now);
    registry.save(version, gbt.toJson(), schema, metrics, range);
    PromotionDecision decision =
        promote
            ? promotion.decide(version, evaluation.rocAuc(), promotedAuc)
            : new PromotionDecision(false, "promotion not requested");
    return new TrainingReport(version, decision, metrics, range, Arrays.asList(schema.names()));
  }

  private FeatureSchema parseFeatures(byte[] featuresJson) {
    try {
      Map<String, Object> document = json.readValue(featuresJson, new TypeReference<>() {});
      return FeatureSchema.fromDocument(document);
    } catch (JacksonException | IllegalArgumentException e) {
      throw new ModelImportException("features", "Invalid feature list: " + e.getMessage(), e);
    }
  }

  private FeatureFrame validationWindow(FeatureSchema schema) {
    try {
      LocalDate newest =
          features
              .latestLabelledSnapshotDate()
              .orElseThrow(() -> new FeatureDataException("The feature table has no labels"));
      LocalDate from = newest.minusDays(config.validationDays() - 1L);
      FeatureFrame window = features.labelledSince(from, schema);
      if (window.rows() == 0) {
        throw new FeatureDataException("No labelled snapshots since " + from + " to validate on");
      }
      return window;
    } catch (FeatureDataException e) {
      throw new ModelImportException("features", e.getMessage(), e);
    }
  }
}
