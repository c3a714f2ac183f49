package io.customer360.common.aws;

import java.util.List;

/**
 * Names of the AWS resources the services share: the lake bucket, the Kinesis streams and the
 * pipeline queues (each with a dead-letter queue named {@code <queue>-dlq}). The local platform
 * creates exactly these; the AWS deployment creates them under the same names.
 */
public final class PlatformResources {

  /** The lake bucket. */
  public static final String LAKE_BUCKET = "c360-lake";

  /** Clickstream events, one JSON object per record, partition key = session id. */
  public static final String CLICKSTREAM_STREAM = "c360-clickstream";

  /** Apache combined logs as the Kinesis Agent's JSON, partition key = web server. */
  public static final String WEBLOG_STREAM = "c360-weblog";

  /** S3 event notifications for {@code landing/}. */
  public static final String LANDING_EVENTS_QUEUE = "c360-landing-events";

  /** {@code bronze-ready} messages. */
  public static final String BRONZE_READY_QUEUE = "c360-bronze-ready";

  /** {@code silver-ready} messages. */
  public static final String SILVER_READY_QUEUE = "c360-silver-ready";

  /** {@code gold-ready} messages. */
  public static final String GOLD_READY_QUEUE = "c360-gold-ready";

  /** Suffix of every queue's dead-letter queue. */
  public static final String DEAD_LETTER_SUFFIX = "-dlq";

  /** Receives before a message moves to the dead-letter queue. */
  public static final int MAX_RECEIVE_COUNT = 5;

  private PlatformResources() {}

  /** Every stream. */
  public static List<String> streams() {
    return List.of(CLICKSTREAM_STREAM, WEBLOG_STREAM);
  }

  /** Every work queue (dead-letter queues not included). */
  public static List<String> queues() {
    return List.of(LANDING_EVENTS_QUEUE, BRONZE_READY_QUEUE, SILVER_READY_QUEUE, GOLD_READY_QUEUE);
  }

  /** The dead-letter queue of a work queue. */
  public static String deadLetterQueue(String queue) {
    return queue + DEAD_LETTER_SUFFIX;
  }
}
