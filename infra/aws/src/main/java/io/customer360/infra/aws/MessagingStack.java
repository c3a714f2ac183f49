package io.customer360.infra.aws;

import io.customer360.common.aws.PlatformResources;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.dynamodb.Attribute;
import software.amazon.awscdk.services.dynamodb.AttributeType;
import software.amazon.awscdk.services.dynamodb.BillingMode;
import software.amazon.awscdk.services.dynamodb.PointInTimeRecoverySpecification;
import software.amazon.awscdk.services.dynamodb.Table;
import software.amazon.awscdk.services.dynamodb.TableEncryption;
import software.amazon.awscdk.services.s3.Bucket;
import software.amazon.awscdk.services.s3.EventType;
import software.amazon.awscdk.services.s3.IBucket;
import software.amazon.awscdk.services.s3.NotificationKeyFilter;
import software.amazon.awscdk.services.s3.notifications.SqsDestination;
import software.amazon.awscdk.services.sqs.DeadLetterQueue;
import software.amazon.awscdk.services.sqs.Queue;
import software.amazon.awscdk.services.sqs.QueueEncryption;
import software.constructs.Construct;

/**
 * The pipeline's queues of {@link PlatformResources#queues()}, each with its dead-letter queue
 * {@code <queue>-dlq} after {@link PlatformResources#MAX_RECEIVE_COUNT} receives; S3 event
 * notifications of new {@code landing/} objects to {@code c360-landing-events}; the DynamoDB ledger
 * in which ingestion-service remembers the landing files it handled; and the DynamoDB table of
 * transform-service's dataset locks.
 */
public final class MessagingStack extends Stack {

  /** The landing ledger table (ingestion-service's {@code c360.ingestion.landing.ledger-table}). */
  public static final String LANDING_LEDGER_TABLE = "c360-landing-ledger";

  /** The ledger's partition key, as ingestion-service's {@code IngestLedger} writes it. */
  public static final String LANDING_LEDGER_KEY = "id";

  /**
   * transform-service's dataset lock leases ({@code c360.transform.silver-lock.table}): one item
   * per dataset, a few writes per promotion.
   */
  public static final String TRANSFORM_LOCK_TABLE = "c360-transform-locks";

  /** The lock table's partition key, as transform-service's {@code LeaseTable} writes it. */
  public static final String TRANSFORM_LOCK_KEY = "id";

  /** The lease end in epoch seconds: DynamoDB deletes leases nobody released. */
  public static final String TRANSFORM_LOCK_EXPIRY = "expires_at";

  /** Longer than the slowest batch a consumer works on before deleting the message. */
  static final Duration VISIBILITY_TIMEOUT = Duration.minutes(5);

  static final Duration DEAD_LETTER_RETENTION = Duration.days(14);

  private final Map<String, Queue> queues = new LinkedHashMap<>();
  private final Map<String, Queue> deadLetterQueues = new LinkedHashMap<>();
  private final Table landingLedger;
  private final Table transformLocks;

  public MessagingStack(Construct scope, String id, StackProps props) {
    super(scope, id, props);
    for (String name : PlatformResources.queues()) {
      createQueue(name);
    }
    notifyLandingDrops();
    landingLedger =
        Table.Builder.create(this, "LandingLedger")
            .tableName(LANDING_LEDGER_TABLE)
            .partitionKey(
                Attribute.builder().name(LANDING_LEDGER_KEY).type(AttributeType.STRING).build())
            .billingMode(BillingMode.PAY_PER_REQUEST)
            .encryption(TableEncryption.AWS_MANAGED)
            .pointInTimeRecoverySpecification(
                PointInTimeRecoverySpecification.builder().pointInTimeRecoveryEnabled(true).build())
            .removalPolicy(RemovalPolicy.RETAIN)
            .build();
    // Leases live seconds: nothing to back up or keep when the stack goes.
    transformLocks =
        Table.Builder.create(this, "TransformLocks")
            .tableName(TRANSFORM_LOCK_TABLE)
            .partitionKey(
                Attribute.builder().name(TRANSFORM_LOCK_KEY).type(AttributeType.STRING).build())
            .timeToLiveAttribute(TRANSFORM_LOCK_EXPIRY)
            .billingMode(BillingMode.PAY_PER_REQUEST)
            .encryption(TableEncryption.AWS_MANAGED)
            .removalPolicy(RemovalPolicy.DESTROY)
            .build();
  }

  private void createQueue(String name) {
    String dlqName = PlatformResources.deadLetterQueue(name);
    Queue dlq =
        Queue.Builder.create(this, dlqName)
            .queueName(dlqName)
            .encryption(QueueEncryption.SQS_MANAGED)
            .enforceSsl(true)
            .retentionPeriod(DEAD_LETTER_RETENTION)
            .build();
    Queue queue =
        Queue.Builder.create(this, name)
            .queueName(name)
            .encryption(QueueEncryption.SQS_MANAGED)
            .enforceSsl(true)
            .visibilityTimeout(VISIBILITY_TIMEOUT)
            .deadLetterQueue(
                DeadLetterQueue.builder()
                    .queue(dlq)
                    .maxReceiveCount(PlatformResources.MAX_RECEIVE_COUNT)
                    .build())
            .build();
    queues.put(name, queue);
    deadLetterQueues.put(dlqName, dlq);
  }

  /**
   * The bucket is referenced by its derived name, not by a cross-stack reference: the queue policy
   * names the bucket and the notification names the queue, which as two references would make the
   * stacks depend on each other.
   */
  private void notifyLandingDrops() {
    IBucket lake = Bucket.fromBucketName(this, "Lake", DataLakeStack.bucketName());
    lake.addEventNotification(
        EventType.OBJECT_CREATED,
        new SqsDestination(queues.get(PlatformResources.LANDING_EVENTS_QUEUE)),
        NotificationKeyFilter.builder().prefix("landing/").build());
  }

  /** A work queue by its {@link PlatformResources} name. */
  public Queue queue(String name) {
    Queue queue = queues.get(name);
    if (queue == null) {
      throw new IllegalArgumentException("No queue named " + name);
    }
    return queue;
  }

  /** Every dead-letter queue by name. */
  public Map<String, Queue> deadLetterQueues() {
    return Collections.unmodifiableMap(deadLetterQueues);
  }

  public Table landingLedger() {
    return landingLedger;
  }

  public Table transformLocks() {
    return transformLocks;
  }
}
