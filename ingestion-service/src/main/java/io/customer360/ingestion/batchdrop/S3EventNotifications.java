package io.customer360.ingestion.batchdrop;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads S3 event notification bodies (as S3 sends them to SQS): the created objects under {@code
 * landing/}. Keys arrive URL-encoded. The {@code s3:TestEvent} S3 sends when notifications are
 * configured, and events of other kinds, yield nothing.
 */
public final class S3EventNotifications {

  private final JsonMapper mapper = JsonMapper.builder().build();

  /**
   * The created landing objects a notification announces.
   *
   * @throws IllegalArgumentException when the body is not an S3 event notification
   */
  public List<LandingObject> createdObjects(String body) {
    JsonNode root;
    try {
      root = mapper.readTree(body);
    } catch (JacksonException e) {
      throw new IllegalArgumentException("Not an S3 event notification: " + e.getOriginalMessage());
    }
    List<LandingObject> objects = new ArrayList<>();
    for (JsonNode record : root.path("Records")) {
      if (!record.path("eventName").asString("").startsWith("ObjectCreated:")) {
        continue;
      }
      JsonNode object = record.path("s3").path("object");
      String key = URLDecoder.decode(object.path("key").asString(""), StandardCharsets.UTF_8);
      if (key.startsWith("landing/") && !key.endsWith("/")) {
        objects.add(
            new LandingObject(key, object.path("eTag").asString(""), object.path("size").asLong()));
      }
    }
    if (objects.isEmpty() && !root.has("Records") && !root.has("Event")) {
      throw new IllegalArgumentException("Not an S3 event notification: no Records");
    }
    return objects;
  }
}
