package io.customer360.infra.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.customer360.common.aws.AwsClientFactory;
import io.customer360.infra.local.internal.Provisioner;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.cloudwatch.CloudWatchAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.kinesis.KinesisAsyncClient;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequestEntry;
import software.amazon.kinesis.common.ConfigsBuilder;
import software.amazon.kinesis.common.InitialPositionInStream;
import software.amazon.kinesis.common.InitialPositionInStreamExtended;
import software.amazon.kinesis.coordinator.Scheduler;
import software.amazon.kinesis.exceptions.InvalidStateException;
import software.amazon.kinesis.exceptions.ShutdownException;
import software.amazon.kinesis.lifecycle.events.InitializationInput;
import software.amazon.kinesis.lifecycle.events.LeaseLostInput;
import software.amazon.kinesis.lifecycle.events.ProcessRecordsInput;
import software.amazon.kinesis.lifecycle.events.ShardEndedInput;
import software.amazon.kinesis.lifecycle.events.ShutdownRequestedInput;
import software.amazon.kinesis.metrics.MetricsLevel;
import software.amazon.kinesis.processor.ShardRecordProcessor;
import software.amazon.kinesis.retrieval.KinesisClientRecord;
import software.amazon.kinesis.retrieval.polling.PollingConfig;

/** A KCL 3 Scheduler (polling, HTTP/1.1, metrics off) consuming from kinesis-mock. */
@ExtendWith(LocalPlatformExtension.class)
class KinesisClientLibraryIT {

  private static final int RECORDS = 60;

  @Test
  void schedulerConsumesEveryRecordAndCheckpointsInDynamoDb(LocalEndpoints endpoints)
      throws Exception {
    AwsClientFactory clients = new AwsClientFactory(endpoints.awsSettings());
    String stream = "kcl-it-" + UUID.randomUUID().toString().substring(0, 8);
    String application = stream + "-app";
    Set<String> seen = ConcurrentHashMap.newKeySet();

    try (KinesisClient producer = clients.kinesis();
        KinesisAsyncClient kinesis = clients.kinesisAsync();
        DynamoDbAsyncClient dynamo = clients.dynamoDbAsync();
        DynamoDbClient dynamoSync = clients.dynamoDb();
        CloudWatchAsyncClient cloudWatch = clients.cloudWatchAsync()) {
      Provisioner.createStream(producer, stream, 2);
      Scheduler scheduler = scheduler(stream, application, kinesis, dynamo, cloudWatch, seen);
      Thread worker = new Thread(scheduler, "kcl-it-worker");
      worker.start();
      try {
        putRecords(producer, stream);

        await()
            .atMost(Duration.ofSeconds(120))
            .pollInterval(Duration.ofMillis(500))
            .until(() -> seen.size() == RECORDS);
        await()
            .atMost(Duration.ofSeconds(60))
            .until(() -> checkpointedShards(dynamoSync, application) == 2);
      } finally {
        scheduler.startGracefulShutdown().get(60, TimeUnit.SECONDS);
        worker.join(TimeUnit.SECONDS.toMillis(30));
      }
      assertThat(seen).hasSize(RECORDS).contains("record-0", "record-" + (RECORDS - 1));
    }
  }

  private static Scheduler scheduler(
      String stream,
      String application,
      KinesisAsyncClient kinesis,
      DynamoDbAsyncClient dynamo,
      CloudWatchAsyncClient cloudWatch,
      Set<String> seen) {
    ConfigsBuilder configs =
        new ConfigsBuilder(
            stream,
            application,
            kinesis,
            dynamo,
            cloudWatch,
            "worker-1",
            () -> new CollectingProcessor(seen));
    return new Scheduler(
        configs.checkpointConfig(),
        configs.coordinatorConfig(),
        configs.leaseManagementConfig().failoverTimeMillis(2_000).shardSyncIntervalMillis(1_000),
        configs.lifecycleConfig(),
        configs.metricsConfig().metricsLevel(MetricsLevel.NONE),
        configs.processorConfig(),
        configs
            .retrievalConfig()
            .initialPositionInStreamExtended(
                InitialPositionInStreamExtended.newInitialPosition(
                    InitialPositionInStream.TRIM_HORIZON))
            .retrievalSpecificConfig(
                new PollingConfig(stream, kinesis).idleTimeBetweenReadsInMillis(250)));
  }

  private static void putRecords(KinesisClient kinesis, String stream) {
    List<PutRecordsRequestEntry> entries = new ArrayList<>();
    for (int i = 0; i < RECORDS; i++) {
      entries.add(
          PutRecordsRequestEntry.builder()
              .partitionKey("session-" + i)
              .data(SdkBytes.fromString("record-" + i, StandardCharsets.UTF_8))
              .build());
    }
    var response = kinesis.putRecords(b -> b.streamName(stream).records(entries));
    assertThat(response.failedRecordCount()).isZero();
  }

  /** Leases of the application whose checkpoint has moved past the initial position. */
  private static long checkpointedShards(DynamoDbClient dynamo, String application) {
    return dynamo.scan(b -> b.tableName(application)).items().stream()
        .map(item -> item.getOrDefault("checkpoint", AttributeValue.fromS("")).s())
        .filter(checkpoint -> checkpoint.chars().allMatch(Character::isDigit))
        .filter(checkpoint -> !checkpoint.isEmpty())
        .count();
  }

  /** Records every payload and checkpoints after each batch. */
  private static final class CollectingProcessor implements ShardRecordProcessor {
    private final Set<String> seen;

    CollectingProcessor(Set<String> seen) {
      this.seen = seen;
    }

    @Override
    public void initialize(InitializationInput input) {}

    @Override
    public void processRecords(ProcessRecordsInput input) {
      for (KinesisClientRecord record : input.records()) {
        seen.add(StandardCharsets.UTF_8.decode(record.data()).toString());
      }
      if (!input.records().isEmpty()) {
        checkpoint(() -> input.checkpointer().checkpoint());
      }
    }

    @Override
    public void leaseLost(LeaseLostInput input) {}

    @Override
    public void shardEnded(ShardEndedInput input) {
      checkpoint(() -> input.checkpointer().checkpoint());
    }

    @Override
    public void shutdownRequested(ShutdownRequestedInput input) {
      checkpoint(() -> input.checkpointer().checkpoint());
    }

    private static void checkpoint(Checkpoint action) {
      try {
        action.run();
      } catch (InvalidStateException | ShutdownException e) {
        throw new IllegalStateException("Checkpoint failed", e);
      }
    }

    @FunctionalInterface
    private interface Checkpoint {
      void run() throws InvalidStateException, ShutdownException;
    }
  }
}
