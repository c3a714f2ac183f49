package io.customer360.ingestion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.customer360.common.aws.AwsClientFactory;
import io.customer360.common.aws.PlatformResources;
import io.customer360.common.pipeline.PipelineMessage;
import io.customer360.common.pipeline.PipelineMessageCodec;
import io.customer360.infra.local.LocalEndpoints;
import io.customer360.infra.local.LocalPlatformExtension;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequestEntry;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import tools.jackson.databind.JsonNode;

@ExtendWith(LocalPlatformExtension.class)
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "c360.ingestion.stream.rotation.max-age=1s",
      "c360.ingestion.stream.failover-time=2s",
      "c360.ingestion.stream.shard-sync-interval=1s",
      "c360.ingestion.stream.poll-interval=200ms"
    })
class IngestionApplicationIT {

  private static final int EVENTS = 300;

  @Value("${local.server.port}")
  int port;

  @Test
  void healthReportsS3AndKinesis() throws Exception {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body())
        .contains("\"status\":\"UP\"")
        .contains("\"s3Health\"")
        .contains("\"c360-clickstream\":\"ACTIVE\"");
  }

  @Test
  void streamEventsLandInBronzeByteIdenticalAndAnnounced(LocalEndpoints endpoints)
      throws Exception {
    AwsClientFactory clients = new AwsClientFactory(endpoints.awsSettings());
    String run = UUID.randomUUID().toString();
    Map<String, byte[]> sent = new HashMap<>();
    for (int i = 0; i < EVENTS; i++) {
      String json =
          "{\"event_id\":\"" + run + "-" + i + "\",  \"event_type\":\"page_view\",\"n\":" + i + "}";
      sent.put(run + "-" + i, json.getBytes(StandardCharsets.UTF_8));
    }
    sent.put(run + "-bad-utf8", new byte[] {'{', (byte) 0xC3, (byte) 0x28, '}'});
    sent.put(run + "-bad-json", "{\"event_id\": unquoted".getBytes(StandardCharsets.UTF_8));

    try (KinesisClient kinesis = clients.kinesis();
        S3Client s3 = clients.s3();
        SqsClient sqs = clients.sqs()) {
      put(kinesis, sent);

      List<JsonNode> ours = new ArrayList<>();
      await()
          .atMost(Duration.ofSeconds(120))
          .pollInterval(Duration.ofSeconds(1))
          .until(
              () -> {
                ours.clear();
                BronzeObjects.lines(s3, PlatformResources.LAKE_BUCKET, "bronze/clickstream/")
                    .stream()
                    .filter(line -> line.get("partition_key").asString().startsWith(run))
                    .forEach(ours::add);
                return ours.size() >= sent.size();
              });

      assertThat(ours).hasSize(sent.size());
      for (JsonNode line : ours) {
        String key = line.get("partition_key").asString();
        assertThat(BronzeObjects.payload(line)).as(key).isEqualTo(sent.get(key));
        String expectedStatus =
            key.endsWith("bad-utf8")
                ? "invalid_utf8"
                : key.endsWith("bad-json") ? "invalid_json" : "ok";
        assertThat(line.get("payload_status").asString()).as(key).isEqualTo(expectedStatus);
        assertThat(line.get("shard_id").asString()).startsWith("shardId-");
        assertThat(line.get("sequence_number").asString()).matches("\\d+");
      }
      Set<String> objectKeys =
          new HashSet<>(
              BronzeObjects.keys(s3, PlatformResources.LAKE_BUCKET, "bronze/clickstream/"));
      assertThat(objectKeys)
          .allMatch(
              k ->
                  k.matches(
                      "bronze/clickstream/ingest_date=\\d{4}-\\d{2}-\\d{2}/ingest_hour=\\d{2}/shardId-\\d+-\\d+\\.jsonl\\.gz"));
      assertThat(announcedKeys(sqs)).containsAll(objectKeys);
    }
    String metrics = prometheus();
    assertThat(sample(metrics, "c360_ingestion_records_in_total{dataset=\"clickstream\"}"))
        .isGreaterThanOrEqualTo(sent.size());
    assertThat(sample(metrics, "c360_ingestion_bytes_in_total{dataset=\"clickstream\"}"))
        .isPositive();
    assertThat(sample(metrics, "c360_ingestion_files_written_total{dataset=\"clickstream\"}"))
        .isPositive();
    assertThat(metrics)
        .containsPattern(
            "c360_ingestion_kcl_millis_behind_latest\\{shard=\"shardId-\\d+\","
                + "stream=\"c360-clickstream\"} \\d");
  }

  @Test
  void prometheusExposesEveryDatasetsMetersFromStartUp() throws Exception {
    String metrics = prometheus();

    for (String dataset : List.of("clickstream", "weblog", "orders", "customers", "weather")) {
      assertThat(metrics)
          .contains("c360_ingestion_records_in_total{dataset=\"" + dataset + "\"}")
          .contains("c360_ingestion_bytes_in_total{dataset=\"" + dataset + "\"}")
          .contains("c360_ingestion_files_written_total{dataset=\"" + dataset + "\"}")
          .contains("c360_ingestion_write_latency_seconds_count{dataset=\"" + dataset + "\"}");
    }
  }

  private String prometheus() throws Exception {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/actuator/prometheus"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    return response.body();
  }

  private static double sample(String metrics, String series) {
    return metrics
        .lines()
        .filter(line -> line.startsWith(series + " "))
        .mapToDouble(line -> Double.parseDouble(line.substring(series.length()).trim()))
        .findFirst()
        .orElseThrow(() -> new AssertionError("No series " + series));
  }

  private static void put(KinesisClient kinesis, Map<String, byte[]> records) {
    List<PutRecordsRequestEntry> entries = new ArrayList<>();
    records.forEach(
        (key, data) ->
            entries.add(
                PutRecordsRequestEntry.builder()
                    .partitionKey(key)
                    .data(SdkBytes.fromByteArray(data))
                    .build()));
    for (int from = 0; from < entries.size(); from += 500) {
      List<PutRecordsRequestEntry> chunk =
          entries.subList(from, Math.min(entries.size(), from + 500));
      assertThat(
              kinesis
                  .putRecords(
                      b -> b.streamName(PlatformResources.CLICKSTREAM_STREAM).records(chunk))
                  .failedRecordCount())
          .isZero();
    }
  }

  private static Set<String> announcedKeys(SqsClient sqs) {
    String url = sqs.getQueueUrl(b -> b.queueName(PlatformResources.BRONZE_READY_QUEUE)).queueUrl();
    PipelineMessageCodec codec = new PipelineMessageCodec();
    Set<String> keys = new HashSet<>();
    List<Message> batch;
    do {
      batch =
          sqs.receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(10).waitTimeSeconds(1))
              .messages();
      for (Message message : batch) {
        // Other tests in this JVM announce landing files on the same queue; keep every key.
        PipelineMessage parsed = codec.fromJson(message.body());
        keys.addAll(parsed.objectKeys());
      }
    } while (!batch.isEmpty());
    return keys;
  }
}
