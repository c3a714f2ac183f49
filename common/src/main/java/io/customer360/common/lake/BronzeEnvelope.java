package io.customer360.common.lake;

import java.util.Locale;

/**
 * One stream record in bronze: ingestion's JSON line around the untouched Kinesis payload, written
 * by ingestion-service and read by transform-service. Field names:
 *
 * <pre>
 * {"shard_id":"shardId-000000000001","sequence_number":"4959…","sub_sequence_number":0,
 *  "partition_key":"s-42","approximate_arrival_timestamp":"2024-05-01T10:00:00.123Z",
 *  "payload_status":"ok","payload":"{\"event_id\":\"e-1\",…}"}
 * </pre>
 */
public final class BronzeEnvelope {

  public static final String SHARD_ID = "shard_id";
  public static final String SEQUENCE_NUMBER = "sequence_number";
  public static final String SUB_SEQUENCE_NUMBER = "sub_sequence_number";
  public static final String PARTITION_KEY = "partition_key";
  public static final String APPROXIMATE_ARRIVAL_TIMESTAMP = "approximate_arrival_timestamp";
  public static final String PAYLOAD_STATUS = "payload_status";

  /** The payload text, when it is valid UTF-8. */
  public static final String PAYLOAD = "payload";

  /** Base64 of the payload bytes, when they are not valid UTF-8. */
  public static final String PAYLOAD_BASE64 = "payload_base64";

  /** What ingestion found of the payload; it interprets nothing else. */
  public enum PayloadStatus {
    /** One JSON value, text in {@link #PAYLOAD}. */
    OK(null),
    /** UTF-8 text that is not JSON, kept in {@link #PAYLOAD}. */
    INVALID_JSON(QuarantineReason.UNPARSEABLE_JSON),
    /** Bytes that are not UTF-8, kept in {@link #PAYLOAD_BASE64}. */
    INVALID_UTF8(QuarantineReason.INVALID_UTF8);

    private final QuarantineReason quarantine;

    PayloadStatus(QuarantineReason quarantine) {
      this.quarantine = quarantine;
    }

    /** The status as written, e.g. {@code invalid_json}. */
    public String code() {
      return name().toLowerCase(Locale.ROOT);
    }

    /** The reason silver quarantines a record of this status with; {@code null} for {@link #OK}. */
    public QuarantineReason quarantine() {
      return quarantine;
    }
  }

  private BronzeEnvelope() {}
}
