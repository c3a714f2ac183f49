package io.customer360.transform.silver;

import io.customer360.common.pipeline.PipelineMessage;
import io.customer360.common.pipeline.PipelineMessageCodec;
import io.customer360.common.pipeline.SilverReady;
import java.time.Clock;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import software.amazon.awssdk.services.sqs.SqsClient;

/** Announces rewritten silver partitions on the silver-ready queue, for the gold models. */
public class SilverAnnouncer {

  private final SqsClient sqs;
  private final String queue;
  private final String bucket;
  private final Clock clock;
  private final PipelineMessageCodec codec = new PipelineMessageCodec();
  private final ConcurrentMap<String, String> queueUrls = new ConcurrentHashMap<>();

  public SilverAnnouncer(SqsClient sqs, String queue, String bucket, Clock clock) {
    this.sqs = sqs;
    this.queue = queue;
    this.bucket = bucket;
    this.clock = clock;
  }

  /** Sends one silver-ready message for a promotion that changed partitions. */
  public void announce(String correlationId, SilverPromoter.Result result) {
    SilverReady message =
        new SilverReady(
            PipelineMessage.CURRENT_VERSION,
            correlationId,
            clock.instant(),
            result.dataset(),
            bucket,
            result.partitions(),
            result.silverKeys(),
            result.validRecords(),
            result.quarantinedRecords());
    String url =
        queueUrls.computeIfAbsent(queue, q -> sqs.getQueueUrl(b -> b.queueName(q)).queueUrl());
    sqs.sendMessage(b -> b.queueUrl(url).messageBody(codec.toJson(message)));
  }
}
