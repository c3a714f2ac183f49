package io.customer360.ingestion.stream;

import io.customer360.common.lake.ObjectMetadata;
import io.customer360.ingestion.bronze.BronzeAnnouncer;
import io.customer360.ingestion.bronze.BronzeStore;
import io.customer360.ingestion.bronze.IngestionMetrics;
import java.util.Map;

/** Writes a shard batch to bronze, then announces it. */
public final class BronzeBatchSink implements BatchSink {

  private final BronzeStore store;
  private final BronzeAnnouncer announcer;
  private final IngestionMetrics metrics;

  public BronzeBatchSink(BronzeStore store, BronzeAnnouncer announcer, IngestionMetrics metrics) {
    this.store = store;
    this.announcer = announcer;
    this.metrics = metrics;
  }

  @Override
  public void write(StreamBatch batch) {
    store.put(
        batch.dataset(),
        batch.path(),
        batch.body(),
        "application/gzip",
        Map.of(
            ObjectMetadata.SOURCE_STREAM, batch.stream(),
            ObjectMetadata.SHARD_ID, batch.shardId(),
            ObjectMetadata.FIRST_SEQUENCE_NUMBER, batch.firstSequenceNumber(),
            ObjectMetadata.LAST_SEQUENCE_NUMBER, batch.lastSequenceNumber(),
            ObjectMetadata.RECORD_COUNT, Integer.toString(batch.records())));
    announcer.announce(batch.dataset(), batch.path(), batch.records(), "stream");
    metrics.received(batch.dataset(), batch.records(), batch.payloadBytes());
  }
}
