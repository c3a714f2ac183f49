package io.customer360.common.pipeline;

import java.time.Instant;
import java.util.List;

/**
 * A gold batch of one model, ready for warehouse-loader.
 *
 * @param dataset the gold model name
 * @param batchId identifies the batch for the load manifest: the same batch loaded twice is a no-op
 * @param partitions the gold partitions recomputed
 * @param rowCount rows in the announced objects
 */
public record GoldReady(
    int schemaVersion,
    String correlationId,
    Instant producedAt,
    String dataset,
    String bucket,
    String batchId,
    List<String> partitions,
    List<String> objectKeys,
    long rowCount)
    implements PipelineMessage {

  /** The {@code type} discriminator. */
  public static final String TYPE = "gold-ready";

  public GoldReady {
    PipelineMessage.requireCorrelationId(correlationId);
    partitions = List.copyOf(partitions);
    objectKeys = List.copyOf(objectKeys);
  }
}
