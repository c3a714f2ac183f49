package io.customer360.ingestion.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.customer360.common.aws.AwsClientFactory;
import io.customer360.common.aws.PlatformResources;
import io.customer360.infra.local.internal.Provisioner;
import io.customer360.ingestion.BronzeObjects;
import io.customer360.ingestion.IngestionProperties;
import io.customer360.ingestion.bronze.BronzeAnnouncer;
import io.customer360.ingestion.bronze.BronzeStore;
import io.customer360.ingestion.bronze.IngestionMetrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.util.unit.DataSize;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequestEntry;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.sqs.SqsClient;
import tools.jackson.databind.JsonNode;

/** Builds stream consumers outside Spring, each on a stream and dataset of its own. */
final class StreamTestSupport {

  final AwsClientFactory clients;
  final String stream;
  final String dataset;
  final String application;
  final S3Client s3;
  final SqsClient sqs;
  final KinesisClient kinesis;
  final DynamoDbClient dynamo;
  final IngestionMetrics metrics = new IngestionMetrics(new SimpleMeterRegistry());

  StreamTestSupport(AwsClientFactory clients, String name, int shards) {
    this.clients = clients;
    String id = UUID.randomUUID().toString().substring(0, 8);
    this.stream = name + "-" + id;
    this.dataset = (name + "_" + id).replace('-', '_');
    this.application = "app-" + stream;
    this.s3 = clients.s3();
    this.sqs = clients.sqs();
    this.kinesis = clients.kinesis();
    this.dynamo = clients.dynamoDb();
    Provisioner.createStream(kinesis, stream, shards);
  }

  /** The production sink: bronze store plus bronze-ready announcer. */
  BatchSink bronzeSink() {
    BronzeStore store = new BronzeStore(s3, PlatformResources.LAKE_BUCKET, metrics);
    BronzeAnnouncer announcer =
        new BronzeAnnouncer(
            sqs,
            PlatformResources.BRONZE_READY_QUEUE,
            PlatformResources.LAKE_BUCKET,
            Clock.systemUTC());
    return new BronzeBatchSink(store, announcer, metrics);
  }

  StreamConsumer consumer(String workerId, BatchSink sink, int maxRecords, Duration maxAge) {
    var config =
        new IngestionProperties.Stream(
            true,
            List.of(stream),
            application,
            workerId,
            IngestionProperties.Retrieval.POLLING,
            IngestionProperties.InitialPosition.TRIM_HORIZON,
            Duration.ofMillis(200),
            Duration.ofSeconds(2),
            Duration.ofSeconds(1),
            IngestionProperties.LeaseAssignment.LEASE_COUNT,
            IngestionProperties.MetricsLevel.NONE,
            new IngestionProperties.Rotation(DataSize.ofMegabytes(64), maxRecords, maxAge));
    return new StreamConsumer(
        config,
        List.of(new StreamRoute(stream, dataset)),
        sink,
        metrics,
        clients.kinesisAsync(),
        clients.dynamoDbAsync(),
        clients.cloudWatchAsync());
  }

  /** Puts {@code count} records {@code r-0…}; returns their payloads. */
  List<String> put(int count) {
    return put(0, count);
  }

  /** Puts records {@code r-from…r-(from+count-1)}; returns their payloads. */
  List<String> put(int from, int count) {
    List<String> payloads = new ArrayList<>();
    List<PutRecordsRequestEntry> entries = new ArrayList<>();
    for (int i = from; i < from + count; i++) {
      String payload = "{\"n\":" + i + ",\"id\":\"r-" + i + "\"}";
      payloads.add(payload);
      entries.add(
          PutRecordsRequestEntry.builder()
              .partitionKey("key-" + i)
              .data(SdkBytes.fromString(payload, StandardCharsets.UTF_8))
              .build());
    }
    assertThat(kinesis.putRecords(b -> b.streamName(stream).records(entries)).failedRecordCount())
        .isZero();
    return payloads;
  }

  String bronzePrefix() {
    return "bronze/" + dataset + "/";
  }

  /** Every line of the dataset's bronze objects. */
  List<JsonNode> bronzeLines() {
    return BronzeObjects.lines(s3, PlatformResources.LAKE_BUCKET, bronzePrefix());
  }

  /** The payloads the dataset's bronze lines keep, as text. */
  List<String> bronzePayloads() {
    return bronzeLines().stream()
        .map(line -> new String(BronzeObjects.payload(line), StandardCharsets.UTF_8))
        .toList();
  }

  /** The dataset's bronze object keys. */
  List<String> bronzeKeys() {
    return BronzeObjects.keys(s3, PlatformResources.LAKE_BUCKET, bronzePrefix());
  }

  /**
   * Waits until the dataset's bronze objects hold at least {@code count} lines. A replay rewrites
   * objects under their same keys, and S3Proxy's file store lets a key vanish for a moment while it
   * is overwritten, so an object listed but gone when read is looked for again on the next poll.
   */
  void awaitBronzeLines(int count, Duration timeout) {
    await()
        .atMost(timeout)
        .pollInterval(Duration.ofSeconds(1))
        .ignoreException(NoSuchKeyException.class)
        .until(() -> bronzeLines().size() >= count);
  }

  /** Lease key → item of the stream's lease table; empty until the KCL has created it. */
  Map<String, Map<String, AttributeValue>> leases() {
    List<Map<String, AttributeValue>> items;
    try {
      items = dynamo.scan(b -> b.tableName(application + "-" + stream)).items();
    } catch (ResourceNotFoundException e) {
      return Map.of();
    }
    return items.stream()
        .filter(item -> item.containsKey("leaseKey"))
        .collect(Collectors.toMap(item -> item.get("leaseKey").s(), item -> item));
  }
}
