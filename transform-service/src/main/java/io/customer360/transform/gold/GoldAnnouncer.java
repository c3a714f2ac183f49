package io.customer360.transform.gold;

import io.customer360.common.pipeline.GoldReady;
import io.customer360.common.pipeline.PipelineMessage;
import io.customer360.common.pipeline.PipelineMessageCodec;
import java.time.Clock;
import software.amazon.awssdk.services.sqs.SqsClient;

/** Announces each published gold batch on the gold-ready queue, for warehouse-loader. */
final class GoldAnnouncer {

  private final SqsClient sqs;
  private final String queue;
  private final String bucket;
  private final Clock clock;
  private final PipelineMessageCodec codec = new PipelineMessageCodec();
  private volatile String queueUrl;

  GoldAnnouncer(SqsClient sqs, String queue, String bucket, Clock clock) {
    this.sqs = sqs;
    this.queue = queue;
    this.bucket = bucket;
    this.clock = clock;
  }

  void announce(String correlationId, GoldPublisher.Published published) {
    GoldReady message =
        new GoldReady(
            PipelineMessage.CURRENT_VERSION,
            correlationId,
            clock.instant(),
            published.model(),
            bucket,
            published.batchId(),
            published.partitions(),
            published.objectKeys(),
            published.rows());
    if (queueUrl == null) {
      queueUrl = sqs.getQueueUrl(b -> b.queueName(queue)).queueUrl();
    }
    sqs.sendMessage(b -> b.queueUrl(queueUrl).messageBody(codec.toJson(message)));
  }
}
