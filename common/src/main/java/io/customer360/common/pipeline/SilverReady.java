package io.customer360.common.pipeline;

import java.time.Instant;
import java.util.List;

/**
 * Silver partitions rewritten by transform-service, ready for the gold models.
 *
 * @param partitions the event-time partitions touched, e.g. {@code event_date=2024-05-01}
 * @param recordCount records written to silver from the triggering bronze objects
 * @param quarantinedCount records of those objects sent to quarantine
 */
public record SilverReady(
    int schemaVersion,
    String correlationId,
    Instant producedAt,
    String dataset,
    String bucket,
    List<String> partitions,
    List<String> objectKeys,
    long recordCount,
    long quarantinedCount)
    implements PipelineMessage {

  /** The {@code type} discriminator. */
  public static final String TYPE = "silver-ready";

  public SilverReady {
    PipelineMessage.requireCorrelationId(correlationId);
    partitions = List.copyOf(partitions);
    objectKeys = List.copyOf(objectKeys);
  }
}
