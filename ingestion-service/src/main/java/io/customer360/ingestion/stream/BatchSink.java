package io.customer360.ingestion.stream;

/**
 * Where finished shard batches go. Returns only when the batch is durably stored and announced;
 * throws otherwise, and the caller neither checkpoints nor drops the batch.
 */
@FunctionalInterface
public interface BatchSink {

  void write(StreamBatch batch);
}
