package io.customer360.ingestion.bronze;

import io.customer360.common.lake.LakePath;
import io.customer360.common.pipeline.BronzeReady;
import io.customer360.common.pipeline.PipelineMessage;
import io.customer360.common.pipeline.PipelineMessageCodec;
import java.time.Clock;
import java.util.List;
import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;

/** Announces each bronze object with a {@code bronze-ready} message. */
public final class BronzeAnnouncer {

  private final SqsClient sqs;
  private final Supplier<String> queueUrl;
  private final String bucket;
  private final Clock clock;
  private final PipelineMessageCodec codec = new PipelineMessageCodec();

  public BronzeAnnouncer(SqsClient sqs, String queueName, String bucket, Clock clock) {
    this.sqs = sqs;
    this.bucket = bucket;
    this.clock = clock;
    this.queueUrl = memoize(() -> sqs.getQueueUrl(b -> b.queueName(queueName)).queueUrl());
  }

  /**
   * Sends the announcement. Its correlation id is {@link PipelineMessage#correlationIdFor} the
   * object key: the writer logs the batch under the same id, and every later stage passes it on.
   */
  public void announce(String dataset, LakePath object, long records, String sourceChannel) {
    BronzeReady message =
        new BronzeReady(
            PipelineMessage.CURRENT_VERSION,
            PipelineMessage.correlationIdFor(object.key()),
            clock.instant(),
            dataset,
            bucket,
            List.of(object.key()),
            records,
            sourceChannel);
    try {
      sqs.sendMessage(b -> b.queueUrl(queueUrl.get()).messageBody(codec.toJson(message)));
    } catch (SdkException e) {
      throw new BronzeWriteException(
          "Announcing " + object.key() + " on the bronze-ready queue failed: " + e.getMessage(), e);
    }
  }

  private static Supplier<String> memoize(Supplier<String> supplier) {
    return new Supplier<>() {
      private volatile String value;

      @Override
      public String get() {
        if (value == null) {
          value = supplier.get();
        }
        return value;
      }
    };
  }
}
