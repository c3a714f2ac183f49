package io.customer360.loader.load;

/**
 * Told of a load's progress, on the loading thread, while its transaction is open. Used for
 * metrics, and by tests to interrupt a load between its steps.
 */
public interface LoadObserver {

  /** Observes nothing. */
  LoadObserver NONE = (model, batchId, rows) -> {};

  /**
   * The batch's rows are in the load's transaction: in the stage table (nothing applied yet), or
   * already copied into the emptied partitions; nothing is committed.
   */
  void staged(String model, String batchId, long rows);
}
