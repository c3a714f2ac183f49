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
      throw new InvalidMessageException(
          "Pipeline message announces no objects: " + abbreviate(json));
    }
    return message;
  }

  private static String abbreviate(String text) {
    return text == null || text.length() <= MAX_SHOWN ? text : text.substring(0, MAX_SHOWN) + "…";
  }
}
