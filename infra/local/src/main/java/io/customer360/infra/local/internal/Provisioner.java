package io.customer360.infra.local.internal;

import io.customer360.common.aws.AwsClientFactory;
import io.customer360.common.aws.PlatformResources;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.ResourceInUseException;
import software.amazon.awssdk.services.kinesis.model.StreamStatus;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Creates the platform's shared resources in the emulators: the lake bucket, the streams, and each
 * queue with its dead-letter queue. Idempotent, so a persistent demo can restart on its own data.
 */
public final class Provisioner {

  /** Shards per stream locally: more than one, so shard handling is exercised. */
  public static final int SHARDS_PER_STREAM = 2;

  private static final Duration STREAM_ACTIVE_TIMEOUT = Duration.ofSeconds(30);
  private static final int VISIBILITY_TIMEOUT_SECONDS = 60;

  private final AwsClientFactory clients;

  public Provisioner(AwsClientFactory clients) {
    this.clients = clients;
  }

  /** Creates everything and returns the URL of every queue by name. */
  public Map<String, String> provision() {
    createBucket();
    createStreams();
    return createQueues();
  }

  private void createBucket() {
    try (S3Client s3 = clients.s3()) {
      try {
        s3.createBucket(b -> b.bucket(PlatformResources.LAKE_BUCKET));
      } catch (BucketAlreadyOwnedByYouException e) {
        // a persistent demo restarting on its own data
      }
    }
  }

  private void createStreams() {
    try (KinesisClient kinesis = clients.kinesis()) {
      for (String stream : PlatformResources.streams()) {
        createStream(kinesis, stream, SHARDS_PER_STREAM);
      }
    }
  }

  /** Creates a stream unless it exists, and waits until it is ACTIVE. */
  public static void createStream(KinesisClient kinesis, String stream, int shards) {
    try {
      kinesis.createStream(b -> b.streamName(stream).shardCount(shards));
    } catch (ResourceInUseException e) {
      // already there
    }
    Instant deadline = Instant.now().plus(STREAM_ACTIVE_TIMEOUT);
    while (kinesis
            .describeStreamSummary(b -> b.streamName(stream))
            .streamDescriptionSummary()
            .streamStatus()
        != StreamStatus.ACTIVE) {
      if (Instant.now().isAfter(deadline)) {
        throw new IllegalStateException("Kinesis stream " + stream + " did not become ACTIVE");
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("Interrupted while creating stream " + stream, e);
      }
    }
  }

  private Map<String, String> createQueues() {
    Map<String, String> urls = new LinkedHashMap<>();
    try (SqsClient sqs = clients.sqs()) {
      for (String queue : PlatformResources.queues()) {
        urls.putAll(
            createQueueWithDeadLetterQueue(
                sqs, queue, PlatformResources.MAX_RECEIVE_COUNT, VISIBILITY_TIMEOUT_SECONDS));
      }
    }
    return urls;
  }

  /**
   * Creates {@code queue} and {@code queue-dlq}, with a redrive policy moving a message to the
   * dead-letter queue after {@code maxReceiveCount} receives.
   *
   * @return the URL of both queues by name
   */
  public static Map<String, String> createQueueWithDeadLetterQueue(
      SqsClient sqs, String queue, int maxReceiveCount, int visibilityTimeoutSeconds) {
    String dlqName = PlatformResources.deadLetterQueue(queue);
    String dlqUrl = sqs.createQueue(b -> b.queueName(dlqName)).queueUrl();
    String dlqArn =
        sqs.getQueueAttributes(b -> b.queueUrl(dlqUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
            .attributes()
            .get(QueueAttributeName.QUEUE_ARN);
    String redrive =
        "{\"deadLetterTargetArn\":\""
            + dlqArn
            + "\",\"maxReceiveCount\":\""
            + maxReceiveCount
            + "\"}";
    String url =
        sqs.createQueue(
                b ->
                    b.queueName(queue)
                        .attributes(
                            Map.of(
                                QueueAttributeName.REDRIVE_POLICY,
                                redrive,
                                QueueAttributeName.VISIBILITY_TIMEOUT,
                                Integer.toString(visibilityTimeoutSeconds))))
            .queueUrl();
    Map<String, String> urls = new LinkedHashMap<>();
    urls.put(queue, url);
    urls.put(dlqName, dlqUrl);
    return urls;
  }
}
