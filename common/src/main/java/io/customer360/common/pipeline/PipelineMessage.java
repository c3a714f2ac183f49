package io.customer360.common.pipeline;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
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

  /** The longest correlation id: the warehouse's load manifest keeps it in a VARCHAR(128). */
  int MAX_CORRELATION_ID_LENGTH = 128;

  /**
   * A short correlation id derived from what starts a batch (a bronze object key): the same source
   * always gets the same id, so a replayed batch is found under the id of the original.
   */
  static String correlationIdFor(String source) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(source.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 12);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  /** Checks a correlation id: present and at most {@link #MAX_CORRELATION_ID_LENGTH} characters. */
  static String requireCorrelationId(String correlationId) {
    if (correlationId == null || correlationId.isBlank()) {
      throw new IllegalArgumentException("A pipeline message needs a correlation id");
    }
    if (correlationId.length() > MAX_CORRELATION_ID_LENGTH) {
      throw new IllegalArgumentException(
          "Correlation id is "
              + correlationId.length()
              + " characters, more than "
              + MAX_CORRELATION_ID_LENGTH
              + "; derive one with PipelineMessage.correlationIdFor");
    }
    return correlationId;
  }

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
