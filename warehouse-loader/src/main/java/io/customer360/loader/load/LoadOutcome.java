package io.customer360.loader.load;

import io.customer360.loader.failure.LoadFailedException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** What loading one gold batch did; a failure is a {@link LoadFailedException} instead. */
public sealed interface LoadOutcome {

  /** The model. */
  String model();

  /** The batch. */
  String batchId();

  /** {@code loaded}, {@code already_loaded} or {@code superseded}, for logs and metric tags. */
  String kind();

  /**
   * The batch was applied.
   *
   * @param rowsStaged rows read from the batch's files
   * @param partitionsApplied partitions replaced (partition-replaced models), e.g. {@code
   *     order_date=2026-01-03}; partitions a newer batch already holds are left out
   * @param duration wall time of the load
   * @param newestEvent the newest event time in the replaced partitions after the load, or {@code
   *     null} when the model has no {@link EventTimeColumns event-time column}
   */
  record Loaded(
      String model,
      String batchId,
      long rowsStaged,
      List<String> partitionsApplied,
      Duration duration,
      Instant newestEvent)
      implements LoadOutcome {

    public Loaded {
      partitionsApplied = List.copyOf(partitionsApplied);
    }

    @Override
    public String kind() {
      return "loaded";
    }
  }

  /** The manifest already held the batch: nothing was done. */
  record AlreadyLoaded(String model, String batchId) implements LoadOutcome {

    @Override
    public String kind() {
      return "already_loaded";
    }
  }

  /**
   * Every partition of the batch already holds a newer batch: nothing was applied, the batch was
   * recorded.
   */
  record Superseded(String model, String batchId) implements LoadOutcome {

    @Override
    public String kind() {
      return "superseded";
    }
  }
}
