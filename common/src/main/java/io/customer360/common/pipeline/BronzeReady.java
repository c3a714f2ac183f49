package io.customer360.common.pipeline;

import java.time.Instant;
import java.util.List;

/**
 * Bronze objects written by ingestion-service, ready for transform-service.
 *
 * @param recordCount records in the objects (stream records, or lines/rows of a dropped file; 0
 *     when not known for a file ingestion does not parse)
 * @param sourceChannel {@code stream} or {@code landing}
 */
public record BronzeReady(
    int schemaVersion,
    String correlationId,
    Instant producedAt,
    String dataset,
    String bucket,
    List<String> objectKeys,
    long recordCount,
    String sourceChannel)
    implements PipelineMessage {

  /** The {@code type} discriminator. */
  public static final String TYPE = "bronze-ready";

  public BronzeReady {
    PipelineMessage.requireCorrelationId(correlationId);
    objectKeys = List.copyOf(objectKeys);
  }
}
