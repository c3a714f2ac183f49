package io.customer360.scoring.model;

import io.customer360.scoring.registry.ModelRegistry;
import io.customer360.scoring.registry.PromotedPointer;
import io.customer360.scoring.registry.StoredModel;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hot-reloads the promoted model: reads the registry pointer and, when it names a version other
 * than the serving one, loads that version and swaps it in. A version that fails to load (missing
 * artifact, corrupt model, feature list that does not match the model) leaves the previous model
 * serving; it is not retried until the pointer changes.
 */
public class ModelReloader {

  private static final Logger log = LoggerFactory.getLogger(ModelReloader.class);

  private final ModelRegistry registry;
  private final ServingModel serving;
  private final Clock clock;
  private final Runnable onFailure;
  private final AtomicReference<String> failedVersion = new AtomicReference<>();

  /**
   * @param onFailure called once per failed load, e.g. to count it
   */
  public ModelReloader(
      ModelRegistry registry, ServingModel serving, Clock clock, Runnable onFailure) {
    this.registry = registry;
    this.serving = serving;
    this.clock = clock;
    this.onFailure = onFailure;
  }

  /** What one poll did. */
  public enum Outcome {
    NOTHING_PROMOTED,
    UNCHANGED,
    LOADED,
    FAILED,
    SKIPPED_FAILED_VERSION
  }

  /** Polls the pointer once and loads a newly promoted version. */
  public synchronized Outcome refresh() {
    Optional<PromotedPointer> pointer = registry.promoted();
    if (pointer.isEmpty()) {
      return Outcome.NOTHING_PROMOTED;
    }
    String version = pointer.get().version();
    if (serving.current().map(m -> m.version().equals(version)).orElse(false)) {
      return Outcome.UNCHANGED;
    }
    if (version.equals(failedVersion.get())) {
      return Outcome.SKIPPED_FAILED_VERSION;
    }
    try {
      StoredModel stored = registry.load(version);
      GbtModel model = GbtModel.load(stored.model(), stored.schema());
      serving.serve(
          new LoadedModel(version, model, stored.metrics().validationAuc(), clock.instant()));
      failedVersion.set(null);
      log.info(
          "Serving churn model version={} features={} validationAuc={}",
          version,
          stored.schema().size(),
          stored.metrics().validationAuc());
      return Outcome.LOADED;
    } catch (RuntimeException e) {
      failedVersion.set(version);
      onFailure.run();
      log.warn(
          "Promoted model failed to load, keeping previous version={} failedVersion={} reason={}",
          serving.current().map(LoadedModel::version).orElse("none"),
          version,
          e.getMessage());
      return Outcome.FAILED;
    }
  }
}
