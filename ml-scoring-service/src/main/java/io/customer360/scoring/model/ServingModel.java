package io.customer360.scoring.model;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Holds the model that serves. Swapped atomically by the reloader; readers take one snapshot per
 * request, so a swap never mixes two models within one response.
 */
public class ServingModel {

  private final AtomicReference<LoadedModel> current = new AtomicReference<>();

  /** The serving model, if one has been loaded. */
  public Optional<LoadedModel> current() {
    return Optional.ofNullable(current.get());
  }

  /**
   * The serving model.
   *
   * @throws NoModelException when none is loaded yet
   */
  public LoadedModel require() {
    return current().orElseThrow(NoModelException::new);
  }

  /** Replaces the serving model. */
  public void serve(LoadedModel model) {
    current.set(model);
  }
}
