package io.customer360.ingestion.stream;

/**
 * Where finished shard batches go. Returns only when the batch is durably stored and announced;
 * throws otherwise, and the caller neither checkpoints nor drops the batch.
 */
@FunctionalInterface
public interface BatchSink {

  void write(StreamBatch batch);

  /**
   * Opens connections and resolves names ahead of the first write, so the first file of a shard
   * does not pay for them. Best effort: a failure here is left to the first write to report.
   */
  default void prepare() {}
}
