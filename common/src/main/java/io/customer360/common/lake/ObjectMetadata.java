package io.customer360.common.lake;

/**
 * The user-metadata keys ({@code x-amz-meta-*}) the pipeline writes on bronze and quarantine
 * objects and reads back downstream: one spelling for writer and readers.
 */
public final class ObjectMetadata {

  /** Bronze from a dropped file: the landing source (e.g. {@code dms/orders}). */
  public static final String SOURCE = "source";

  /** Bronze from a dropped file: the landing key it was copied from. */
  public static final String LANDING_KEY = "landing-key";

  /** Bronze from a dropped file: the dropped file's size in bytes. */
  public static final String SIZE = "size";

  /** Bronze from a dropped file: the hex SHA-256 of its bytes (re-sent files match). */
  public static final String SHA256 = "sha256";

  /** Bronze from a dropped file: when ingestion received it (ISO-8601 instant). */
  public static final String RECEIVED_AT = "received-at";

  /**
   * Bronze from a dropped file: the format ingestion detected: {@code csv}, {@code json_lines} or
   * {@code parquet}.
   */
  public static final String FORMAT = "format";

  /** Bronze: the records the object holds, as ingestion counted them. */
  public static final String RECORD_COUNT = "record-count";

  /** Bronze from a stream: the Kinesis stream. */
  public static final String SOURCE_STREAM = "source-stream";

  /** Bronze from a stream: the shard. */
  public static final String SHARD_ID = "shard-id";

  /** Bronze from a stream: the first record's sequence number. */
  public static final String FIRST_SEQUENCE_NUMBER = "first-sequence-number";

  /** Bronze from a stream: the last record's sequence number. */
  public static final String LAST_SEQUENCE_NUMBER = "last-sequence-number";

  /** A quarantined file: its quarantine reason code. */
  public static final String REASON = "reason";

  private ObjectMetadata() {}
}
