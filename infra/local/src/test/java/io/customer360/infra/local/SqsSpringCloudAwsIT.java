package io.customer360.infra.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.awspring.cloud.sqs.annotation.SqsListener;
import io.awspring.cloud.sqs.operations.SqsTemplate;
import io.customer360.common.aws.AwsClientFactory;
import io.customer360.common.aws.PlatformResources;
import io.customer360.infra.local.internal.Provisioner;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.test.annotation.DirtiesContext;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/** Spring Cloud AWS SQS against ElasticMQ: send, listen, and redrive to a dead-letter queue. */
@ExtendWith(LocalPlatformExtension.class)
@DirtiesContext // stop the listener before the platform stops at the end of the JVM
@SpringBootTest(
    classes = SqsSpringCloudAwsIT.ListenerApp.class,
    properties = "spring.cloud.aws.sqs.listener.max-messages-per-poll=1")
class SqsSpringCloudAwsIT {

  static final String QUEUE = "sqs-it-work";
  static final String DEAD_LETTER_QUEUE = PlatformResources.deadLetterQueue(QUEUE);
  static final int MAX_RECEIVES = 2;

  @Autowired SqsTemplate sqsTemplate;
  @Autowired Received received;

  /** Runs before the Spring context starts, so the listener finds a queue with a redrive policy. */
  @BeforeAll
  static void createQueues(LocalEndpoints endpoints) {
    try (SqsClient sqs = new AwsClientFactory(endpoints.awsSettings()).sqs()) {
      Provisioner.createQueueWithDeadLetterQueue(sqs, QUEUE, MAX_RECEIVES, 1);
    }
  }

  @Test
  void listenerReceivesWhatTemplateSends() {
    sqsTemplate.send(QUEUE, "hello bronze");

    await().atMost(Duration.ofSeconds(30)).until(() -> received.payloads.contains("hello bronze"));
    assertThat(received.payloads).containsOnlyOnce("hello bronze");
  }

  @Test
  void failingMessageIsRedrivenToDeadLetterQueue(LocalEndpoints endpoints) {
    sqsTemplate.send(QUEUE, "poison: cannot be handled");

    try (SqsClient sqs = new AwsClientFactory(endpoints.awsSettings()).sqs()) {
      String dlqUrl = sqs.getQueueUrl(b -> b.queueName(DEAD_LETTER_QUEUE)).queueUrl();
      List<Message> deadLetters = new CopyOnWriteArrayList<>();
      await()
          .atMost(Duration.ofSeconds(60))
          .until(
              () -> {
                deadLetters.addAll(
                    sqs.receiveMessage(b -> b.queueUrl(dlqUrl).waitTimeSeconds(1)).messages());
                return !deadLetters.isEmpty();
              });

      assertThat(deadLetters)
          .extracting(Message::body)
          .containsExactly("poison: cannot be handled");
      assertThat(received.payloads.stream().filter(p -> p.startsWith("poison")).count())
          .isEqualTo(MAX_RECEIVES);
    }
  }

  /** Collects what the listener was given. */
  static class Received {
    final List<String> payloads = new CopyOnWriteArrayList<>();
  }

  @Configuration
  @EnableAutoConfiguration
  static class ListenerApp {

    @Bean
    Received received() {
      return new Received();
    }

    @Bean
    Listener listener(Received received) {
      return new Listener(received);
    }
  }

  static class Listener {
    private final Received received;

    Listener(Received received) {
      this.received = received;
    }

    @SqsListener(QUEUE)
    void onMessage(String payload) {
      received.payloads.add(payload);
      if (payload.startsWith("poison")) {
        throw new IllegalArgumentException("Refusing message: " + payload);
      }
    }
  }
}
