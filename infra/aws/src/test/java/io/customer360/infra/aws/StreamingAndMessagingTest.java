package io.customer360.infra.aws;

import static io.customer360.infra.aws.TemplateSupport.properties;
import static io.customer360.infra.aws.TemplateSupport.resources;
import static org.assertj.core.api.Assertions.assertThat;

import io.customer360.common.aws.PlatformResources;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

class StreamingAndMessagingTest {

  private final Template streaming = SynthesizedApp.template(SynthesizedApp.stacks().streaming());
  private final Template messaging = SynthesizedApp.template(SynthesizedApp.stacks().messaging());

  @Test
  void everyStreamIsOnDemandAndKmsEncrypted() {
    Map<String, Map<String, Object>> streams = resources(streaming, "AWS::Kinesis::Stream");
    assertThat(streams.values().stream().map(s -> properties(s).get("Name")))
        .containsExactlyInAnyOrderElementsOf(PlatformResources.streams());
    String keyId = streaming.findResources("AWS::KMS::Key").keySet().iterator().next();
    for (Map<String, Object> stream : streams.values()) {
      Map<String, Object> props = properties(stream);
      assertThat(props.get("StreamModeDetails")).isEqualTo(Map.of("StreamMode", "ON_DEMAND"));
      assertThat(props.get("StreamEncryption"))
          .isEqualTo(
              Map.of(
                  "EncryptionType", "KMS", "KeyId", Map.of("Fn::GetAtt", List.of(keyId, "Arn"))));
    }
  }

  @Test
  void everyQueueHasItsDeadLetterQueueAfterFiveReceives() {
    Map<String, String> logicalIdByName = new HashMap<>();
    resources(messaging, "AWS::SQS::Queue")
        .forEach((id, q) -> logicalIdByName.put((String) properties(q).get("QueueName"), id));
    assertThat(logicalIdByName).hasSize(PlatformResources.queues().size() * 2);
    for (String queue : PlatformResources.queues()) {
      String dlqId = logicalIdByName.get(PlatformResources.deadLetterQueue(queue));
      assertThat(dlqId).as("dead-letter queue of %s", queue).isNotNull();
      messaging.hasResourceProperties(
          "AWS::SQS::Queue",
          Map.of(
              "QueueName",
              queue,
              "RedrivePolicy",
              Map.of(
                  "deadLetterTargetArn",
                  Map.of("Fn::GetAtt", List.of(dlqId, "Arn")),
                  "maxReceiveCount",
                  PlatformResources.MAX_RECEIVE_COUNT),
              "SqsManagedSseEnabled",
              true,
              "VisibilityTimeout",
              Match.anyValue(),
              "Tags",
              Match.anyValue()));
    }
  }

  @Test
  void queuesRefuseRequestsWithoutTls() {
    assertThat(resources(messaging, "AWS::SQS::QueuePolicy"))
        .hasSize(PlatformResources.queues().size() * 2)
        .allSatisfy(
            (id, policy) ->
                assertThat(properties(policy).get("PolicyDocument").toString())
                    .contains("Deny", "aws:SecureTransport=false"));
  }

  @Test
  void newLandingObjectsAreAnnouncedOnTheLandingEventsQueue() {
    String queueId =
        resources(messaging, "AWS::SQS::Queue").entrySet().stream()
            .filter(
                e ->
                    PlatformResources.LANDING_EVENTS_QUEUE.equals(
                        properties(e.getValue()).get("QueueName")))
            .map(Map.Entry::getKey)
            .findFirst()
            .orElseThrow();
    messaging.hasResourceProperties(
        "Custom::S3BucketNotifications",
        Match.objectLike(
            Map.of(
                "NotificationConfiguration",
                Map.of(
                    "QueueConfigurations",
                    List.of(
                        Map.of(
                            "Events",
                            List.of("s3:ObjectCreated:*"),
                            "Filter",
                            Map.of(
                                "Key",
                                Map.of(
                                    "FilterRules",
                                    List.of(Map.of("Name", "prefix", "Value", "landing/")))),
                            "QueueArn",
                            Map.of("Fn::GetAtt", List.of(queueId, "Arn"))))))));
  }

  @Test
  void landingLedgerHasTheKeyIngestionWrites() {
    Map<String, Object> table = table(MessagingStack.LANDING_LEDGER_TABLE);
    assertThat(table.get("KeySchema"))
        .isEqualTo(List.of(Map.of("AttributeName", "id", "KeyType", "HASH")));
    assertThat(table.get("AttributeDefinitions"))
        .isEqualTo(List.of(Map.of("AttributeName", "id", "AttributeType", "S")));
    assertThat(table.get("SSESpecification")).isEqualTo(Map.of("SSEEnabled", true));
  }

  @Test
  void transformLockTableHasTheLeaseKeyAndExpiresLeasesByTtl() {
    assertThat(resources(messaging, "AWS::DynamoDB::Table")).hasSize(2);
    Map<String, Object> table = table("c360-transform-locks");
    assertThat(table.get("KeySchema"))
        .isEqualTo(List.of(Map.of("AttributeName", "id", "KeyType", "HASH")));
    assertThat(table.get("AttributeDefinitions"))
        .isEqualTo(List.of(Map.of("AttributeName", "id", "AttributeType", "S")));
    assertThat(table.get("TimeToLiveSpecification"))
        .isEqualTo(Map.of("AttributeName", "expires_at", "Enabled", true));
    assertThat(table.get("BillingMode")).isEqualTo("PAY_PER_REQUEST");
    assertThat(table.get("SSESpecification")).isEqualTo(Map.of("SSEEnabled", true));
  }

  private Map<String, Object> table(String name) {
    return resources(messaging, "AWS::DynamoDB::Table").values().stream()
        .map(TemplateSupport::properties)
        .filter(t -> name.equals(t.get("TableName")))
        .findFirst()
        .orElseThrow(() -> new AssertionError("No DynamoDB table " + name));
  }
}
