package io.customer360.common.pipeline;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.time.Instant;
import java.util.List;

/**
 * A stage announcing finished work on SQS, so the next stage can pick it up as a competing
 * consumer. Messages are versioned JSON: {@code {"type":"bronze-ready","schemaVersion":1,...}}.
 * Every message names the objects it announces, so handling it twice does the same work twice and
 * gives the same result.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
  @JsonSubTypes.Type(value = BronzeReady.class, name = BronzeReady.TYPE),
  @JsonSubTypes.Type(value = SilverReady.class, name = SilverReady.TYPE),
  @JsonSubTypes.Type(value = GoldReady.class, name = GoldReady.TYPE)
})
public sealed interface PipelineMessage permits BronzeReady, SilverReady, GoldReady {

  /** The schema version this code writes and the newest it reads. */
  int CURRENT_VERSION = 1;

  /** Schema version of this message. */
  int schemaVersion();

  /** Follows one batch of data through every stage, for logs and metrics. */
  String correlationId();

  /** When the announcing stage finished the work. */
  Instant producedAt();

  /** The dataset (bronze, silver) or model (gold) announced. */
  String dataset();

  /** The bucket holding the objects. */
  String bucket();

  /** The announced object keys. */
  List<String> objectKeys();
}
