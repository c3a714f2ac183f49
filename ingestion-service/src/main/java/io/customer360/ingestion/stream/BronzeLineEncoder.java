package io.customer360.ingestion.stream;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import software.amazon.kinesis.retrieval.KinesisClientRecord;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.json.JsonMapper;

/**
 * Encodes one Kinesis record as one bronze JSON line. The payload is kept untouched: as a JSON
 * string holding the exact text when it is valid UTF-8, else base64 of the exact bytes. Ingestion
 * does not interpret business fields; it only marks payloads silver must quarantine:
 *
 * <pre>
 * {"shard_id":"shardId-000000000001","sequence_number":"4959…","sub_sequence_number":0,
 *  "partition_key":"s-42","approximate_arrival_timestamp":"2024-05-01T10:00:00.123Z",
 *  "payload_status":"ok","payload":"{\"event_id\":\"e-1\",…}"}
 * </pre>
 *
 * {@code payload_status} is {@code ok}, {@code invalid_json} (text kept in {@code payload}) or
 * {@code invalid_utf8} (bytes kept in {@code payload_base64}).
 */
final class BronzeLineEncoder {

  static final String OK = "ok";
  static final String INVALID_JSON = "invalid_json";
  static final String INVALID_UTF8 = "invalid_utf8";

  private final JsonMapper mapper = JsonMapper.builder().build();

  /** The line for a record, ending in {@code \n}. */
  byte[] encode(String shardId, KinesisClientRecord record) {
    byte[] payload = bytes(record.data());
    String text = utf8(payload);
    String status = text == null ? INVALID_UTF8 : isJson(payload) ? OK : INVALID_JSON;
    ByteArrayOutputStream out = new ByteArrayOutputStream(payload.length + 256);
    try (JsonGenerator json = mapper.createGenerator(out)) {
      json.writeStartObject();
      json.writeStringProperty("shard_id", shardId);
      json.writeStringProperty("sequence_number", record.sequenceNumber());
      json.writeNumberProperty("sub_sequence_number", record.subSequenceNumber());
      json.writeStringProperty("partition_key", record.partitionKey());
      json.writeStringProperty(
          "approximate_arrival_timestamp", String.valueOf(record.approximateArrivalTimestamp()));
      json.writeStringProperty("payload_status", status);
      if (text != null) {
        json.writeStringProperty("payload", text);
      } else {
        json.writeStringProperty("payload_base64", Base64.getEncoder().encodeToString(payload));
      }
      json.writeEndObject();
    }
    out.write('\n');
    return out.toByteArray();
  }

  private static byte[] bytes(ByteBuffer data) {
    ByteBuffer copy = data.duplicate();
    byte[] bytes = new byte[copy.remaining()];
    copy.get(bytes);
    return bytes;
  }

  private static String utf8(byte[] payload) {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(payload))
          .toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }

  /** Exactly one well-formed JSON value, nothing after it. */
  private boolean isJson(byte[] payload) {
    try (JsonParser parser = mapper.createParser(payload)) {
      if (parser.nextToken() == null) {
        return false;
      }
      parser.skipChildren();
      return parser.nextToken() == null;
    } catch (JacksonException e) {
      return false;
    }
  }
}
