package io.customer360.ingestion.stream;

import io.customer360.common.lake.BronzeEnvelope;
import io.customer360.common.lake.BronzeEnvelope.PayloadStatus;
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
 * Encodes one Kinesis record as one bronze JSON line, a {@link BronzeEnvelope}. The payload is kept
 * untouched: as a JSON string holding the exact text when it is valid UTF-8, else base64 of the
 * exact bytes. Ingestion does not interpret business fields; it only marks payloads silver must
 * quarantine, with a {@link PayloadStatus}.
 */
final class BronzeLineEncoder {

  private final JsonMapper mapper = JsonMapper.builder().build();

  /** The line for a record, ending in {@code \n}. */
  byte[] encode(String shardId, KinesisClientRecord record) {
    byte[] payload = bytes(record.data());
    String text = utf8(payload);
    PayloadStatus status =
        text == null
            ? PayloadStatus.INVALID_UTF8
            : isJson(payload) ? PayloadStatus.OK : PayloadStatus.INVALID_JSON;
    ByteArrayOutputStream out = new ByteArrayOutputStream(payload.length + 256);
    try (JsonGenerator json = mapper.createGenerator(out)) {
      json.writeStartObject();
      json.writeStringProperty(BronzeEnvelope.SHARD_ID, shardId);
      json.writeStringProperty(BronzeEnvelope.SEQUENCE_NUMBER, record.sequenceNumber());
      json.writeNumberProperty(BronzeEnvelope.SUB_SEQUENCE_NUMBER, record.subSequenceNumber());
      json.writeStringProperty(BronzeEnvelope.PARTITION_KEY, record.partitionKey());
      json.writeStringProperty(
          BronzeEnvelope.APPROXIMATE_ARRIVAL_TIMESTAMP,
          String.valueOf(record.approximateArrivalTimestamp()));
      json.writeStringProperty(BronzeEnvelope.PAYLOAD_STATUS, status.code());
      if (text != null) {
        json.writeStringProperty(BronzeEnvelope.PAYLOAD, text);
      } else {
        json.writeStringProperty(
            BronzeEnvelope.PAYLOAD_BASE64, Base64.getEncoder().encodeToString(payload));
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
