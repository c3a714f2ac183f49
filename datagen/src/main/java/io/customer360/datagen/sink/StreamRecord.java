package io.customer360.datagen.sink;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * One record for a Kinesis stream.
 *
 * @param partitionKey the Kinesis partition key
 * @param data the record bytes (JSON, or deliberately broken JSON)
 * @param sendAt simulated time at which the producer sends it, used for pacing and for grouping
 *     records into daily files
 */
public record StreamRecord(String partitionKey, byte[] data, Instant sendAt) {

  /** A record with UTF-8 text data. */
  public static StreamRecord of(String partitionKey, String data, Instant sendAt) {
    return new StreamRecord(partitionKey, data.getBytes(StandardCharsets.UTF_8), sendAt);
  }

  /** The data as text. */
  public String text() {
    return new String(data, StandardCharsets.UTF_8);
  }
}
