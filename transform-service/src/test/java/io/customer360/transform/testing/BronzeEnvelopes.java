package io.customer360.transform.testing;

import java.io.StringWriter;
import java.time.Instant;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

/** Test bronze: one stream record as ingestion-service's envelope line writes it. */
public final class BronzeEnvelopes {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private BronzeEnvelopes() {}

  /**
   * The envelope line of a record on shard 0.
   *
   * @param seq sequence number; the arrival time is {@code received} plus {@code seq} milliseconds
   */
  public static String line(String payload, long seq, String partitionKey, Instant received) {
    StringWriter text = new StringWriter();
    try (JsonGenerator json = JSON.createGenerator(text)) {
      json.writeStartObject();
      json.writeStringProperty("shard_id", "shardId-000000000000");
      json.writeStringProperty("sequence_number", Long.toString(seq));
      json.writeNumberProperty("sub_sequence_number", 0);
      json.writeStringProperty("partition_key", partitionKey);
      json.writeStringProperty(
          "approximate_arrival_timestamp", received.plusMillis(seq).toString());
      json.writeStringProperty("payload_status", isJson(payload) ? "ok" : "invalid_json");
      json.writeStringProperty("payload", payload);
      json.writeEndObject();
    }
    return text.toString();
  }

  private static boolean isJson(String text) {
    try {
      JSON.readTree(text);
      return true;
    } catch (RuntimeException e) {
      return false;
    }
  }
}
