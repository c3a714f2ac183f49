package io.customer360.common.pipeline;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** Reads and writes {@link PipelineMessage}s as JSON. Thread-safe. */
public final class PipelineMessageCodec {

  private static final int MAX_SHOWN = 200;

  private final JsonMapper mapper =
      JsonMapper.builder()
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .build();

  /** The JSON body of a message. */
  public String toJson(PipelineMessage message) {
    return mapper.writeValueAsString(message);
  }

  /**
   * Parses a message body. Unknown extra properties are ignored, so an older reader accepts
   * additive changes; a newer schema version is refused.
   *
   * <p>A message must announce at least one object, with one exception: a {@link GoldReady} whose
   * listed partitions all became empty announces those partitions, none blank, with no objects and
   * a {@code rowCount} of 0 (see {@link GoldReady}). Bronze and silver messages without objects,
   * and gold messages with neither partitions nor objects, are refused.
   *
   * @throws InvalidMessageException when the body can never be handled
   */
  public PipelineMessage fromJson(String json) {
    PipelineMessage message;
    try {
      message = mapper.readValue(json, PipelineMessage.class);
    } catch (JacksonException e) {
      throw new InvalidMessageException(
          "Not a pipeline message (" + e.getOriginalMessage() + "): " + abbreviate(json), e);
    }
    if (message.schemaVersion() < 1 || message.schemaVersion() > PipelineMessage.CURRENT_VERSION) {
      throw new InvalidMessageException(
          "Pipeline message schemaVersion "
              + message.schemaVersion()
              + " is not supported (this service reads 1 to "
              + PipelineMessage.CURRENT_VERSION
              + ")");
    }
    if (message.objectKeys().isEmpty()) {
      checkEmptiedPartitions(message, json);
    }
    return message;
  }

  /** A message without objects is valid only as a gold batch emptying the partitions it lists. */
  private static void checkEmptiedPartitions(PipelineMessage message, String json) {
    if (!(message instanceof GoldReady gold) || !gold.onlyEmptiesPartitions()) {
      throw new InvalidMessageException(
          "Pipeline message announces no objects: " + abbreviate(json));
    }
    if (gold.partitions().stream().anyMatch(String::isBlank)) {
      throw new InvalidMessageException(
          "Gold-ready message announces no objects but lists a blank partition (an unpartitioned"
              + " model is announced with an empty file): "
              + abbreviate(json));
    }
    if (gold.rowCount() != 0) {
      throw new InvalidMessageException(
          "Gold-ready message announces no objects but "
              + gold.rowCount()
              + " rows: "
              + abbreviate(json));
    }
  }

  private static String abbreviate(String text) {
    return text == null || text.length() <= MAX_SHOWN ? text : text.substring(0, MAX_SHOWN) + "…";
  }
}
