package io.customer360.common.pipeline;

import java.time.Instant;
import java.util.List;

/**
 * A gold batch of one model, ready for warehouse-loader. Every listed partition is replaced by
 * exactly the rows of the announced objects that lie in it.
 *
 * <p>A partition that a recomputation left without rows has no object in the lake any more (its
 * object is deleted), so it is listed in {@code partitions} with no object under it, and the
 * warehouse empties it. A batch may therefore announce <em>no</em> objects, but only when it lists
 * at least one partition (none blank) and {@code rowCount} is 0: every listed partition is then now
 * empty. An unpartitioned model never does this; when it becomes empty it is announced with one
 * Parquet file of zero rows. {@link PipelineMessageCodec} enforces this.
 *
 * @param dataset the gold model name
 * @param batchId identifies the batch for the load manifest: the same batch loaded twice is a no-op
 * @param partitions the gold partitions recomputed, including those now empty ({@code
 *     order_date=2026-01-03}; {@code ""} for an unpartitioned model)
 * @param objectKeys every object of the batch; none for a partition that became empty
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

  /** Whether this batch only empties partitions: it lists partitions and announces no objects. */
  public boolean onlyEmptiesPartitions() {
    return objectKeys.isEmpty() && !partitions.isEmpty();
  }
}
