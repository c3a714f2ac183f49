package io.customer360.infra.aws;

import static org.assertj.core.api.Assertions.assertThat;

import io.customer360.common.aws.AwsClientFactory;
import io.customer360.common.aws.AwsSettings;
import io.customer360.common.aws.PlatformResources;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.localstack.LocalStackContainer;
import org.testcontainers.utility.MountableFile;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.StreamStatus;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The Docker path's LocalStack init hook against LocalStack 4.14.0 itself: every resource the
 * services expect exists, queues redrive to their dead-letter queues, and a file dropped under
 * {@code landing/} is announced on the landing-events queue. Needs Docker; where no engine answers,
 * JUnit reports the class as skipped.
 */
@Testcontainers(disabledWithoutDocker = true)
class LocalStackInitIT {

  @Container
  private static final LocalStackContainer LOCALSTACK =
      new LocalStackContainer("localstack/localstack:4.14.0")
          .withServices("s3", "sqs", "kinesis", "dynamodb")
          .withCopyFileToContainer(
              MountableFile.forHostPath(
                  SynthesizedApp.REPOSITORY_ROOT.resolve("docker/localstack/init-aws.sh"), 0755),
              "/etc/localstack/init/ready.d/init-aws.sh")
          .waitingFor(
              Wait.forSuccessfulCommand("test -f /tmp/c360-ready")
                  .withStartupTimeout(Duration.ofMinutes(3)));

  private static AwsClientFactory clients() {
    URI endpoint = LOCALSTACK.getEndpoint();
    return new AwsClientFactory(
        new AwsSettings(
            LOCALSTACK.getRegion(),
            LOCALSTACK.getAccessKey(),
            LOCALSTACK.getSecretKey(),
            new AwsSettings.Endpoints(endpoint, endpoint, endpoint, endpoint, endpoint),
            true));
  }

  @Test
  void everyQueueRedrivesToItsDeadLetterQueueAfterFiveReceives() {
    try (SqsClient sqs = clients().sqs()) {
      for (String queue : PlatformResources.queues()) {
        String url = sqs.getQueueUrl(b -> b.queueName(queue)).queueUrl();
        Map<QueueAttributeName, String> attributes =
            sqs.getQueueAttributes(
                    b -> b.queueUrl(url).attributeNames(QueueAttributeName.REDRIVE_POLICY))
                .attributes();
        assertThat(attributes.get(QueueAttributeName.REDRIVE_POLICY))
            .as(queue)
            .contains(PlatformResources.deadLetterQueue(queue))
            .contains("\"maxReceiveCount\":" + "\"" + PlatformResources.MAX_RECEIVE_COUNT);
      }
    }
  }

  @Test
  void streamsAreActiveAndTheLedgerHasIngestionsKey() {
    try (KinesisClient kinesis = clients().kinesis();
        DynamoDbClient dynamo = clients().dynamoDb()) {
      for (String stream : PlatformResources.streams()) {
        assertThat(
                kinesis
                    .describeStreamSummary(b -> b.streamName(stream))
                    .streamDescriptionSummary()
                    .streamStatus())
            .isEqualTo(StreamStatus.ACTIVE);
      }
      assertThat(
              dynamo
                  .describeTable(b -> b.tableName(MessagingStack.LANDING_LEDGER_TABLE))
                  .table()
                  .keySchema())
          .containsExactly(
              KeySchemaElement.builder()
                  .attributeName(MessagingStack.LANDING_LEDGER_KEY)
                  .keyType(KeyType.HASH)
                  .build());
    }
  }

  @Test
  void transformLockTableHasTheLeaseKeyAndTtlOnTheExpiry() {
    try (DynamoDbClient dynamo = clients().dynamoDb()) {
      String table = MessagingStack.TRANSFORM_LOCK_TABLE;
      assertThat(dynamo.describeTable(b -> b.tableName(table)).table().keySchema())
          .containsExactly(
              KeySchemaElement.builder()
                  .attributeName(MessagingStack.TRANSFORM_LOCK_KEY)
                  .keyType(KeyType.HASH)
                  .build());
      var ttl = dynamo.describeTimeToLive(b -> b.tableName(table)).timeToLiveDescription();
      assertThat(ttl.timeToLiveStatusAsString()).isEqualTo("ENABLED");
      assertThat(ttl.attributeName()).isEqualTo(MessagingStack.TRANSFORM_LOCK_EXPIRY);
    }
  }

  @Test
  void aDroppedFileIsAnnouncedOnTheLandingEventsQueue() {
    String key = "landing/crm/customers-" + System.nanoTime() + ".csv";
    try (S3Client s3 = clients().s3();
        SqsClient sqs = clients().sqs()) {
      s3.putObject(
          b -> b.bucket(PlatformResources.LAKE_BUCKET).key(key),
          RequestBody.fromString("customer_id\n1\n"));
      s3.putObject(
          b -> b.bucket(PlatformResources.LAKE_BUCKET).key("bronze/not-announced"),
          RequestBody.fromString("x"));
      String url =
          sqs.getQueueUrl(b -> b.queueName(PlatformResources.LANDING_EVENTS_QUEUE)).queueUrl();
      List<Message> messages = List.of();
      for (int attempt = 0; attempt < 6 && messages.isEmpty(); attempt++) {
        messages =
            sqs.receiveMessage(b -> b.queueUrl(url).waitTimeSeconds(5).maxNumberOfMessages(10))
                .messages();
      }
      assertThat(messages).extracting(Message::body).anyMatch(body -> body.contains(key));
      assertThat(messages).extracting(Message::body).noneMatch(body -> body.contains("bronze/"));
    }
  }
}
