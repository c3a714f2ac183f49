package io.customer360.transform.silver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.customer360.common.aws.AwsClientFactory;
import io.customer360.common.aws.PlatformResources;
import io.customer360.common.pipeline.PipelineMessageCodec;
import io.customer360.common.pipeline.SilverReady;
import io.customer360.infra.local.LocalEndpoints;
import io.customer360.infra.local.LocalPlatformExtension;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The silver stage as deployed: bronze objects in the S3 emulator, bronze-ready messages on SQS,
 * transform-service promoting them; silver reconciles with datagen's truth, every rewritten
 * partition is announced, the catalog describes every table, and replaying every message changes
 * nothing.
 */
@ExtendWith(LocalPlatformExtension.class)
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "c360.transform.pii-key=" + SilverBatchTest.PII_KEY,
      // This test reads the silver-ready queue itself.
      "c360.transform.gold.enabled=false"
    })
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class SilverPipelineIT {

  private static final PipelineMessageCodec CODEC = new PipelineMessageCodec();

  @TempDir static Path dir;
  static DatagenBronze bronze;

  @Value("${local.server.port}")
  int port;

  @BeforeAll
  static void generate() {
    bronze = DatagenBronze.generate(dir, 14, 300, 0.02);
  }

  @Test
  void healthIsUp() throws Exception {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).contains("\"status\":\"UP\"");
  }

  @Test
  void prometheusExposesEveryDatasetsMetersFromStartUp() throws Exception {
    String metrics = prometheus();

    for (String dataset : DatagenBronze.CONTRACTS.all().stream().map(c -> c.name()).toList()) {
      for (String name :
          List.of(
              "c360_transform_records_in_total",
              "c360_transform_records_out_total",
              "c360_transform_records_quarantined_total",
              "c360_transform_partitions_written_total")) {
        assertThat(metrics).contains(name + "{dataset=\"" + dataset + "\"}");
      }
      assertThat(metrics)
          .contains(
              "c360_transform_batch_latency_seconds_max{dataset=\""
                  + dataset
                  + "\",stage=\"silver\"}");
    }
  }

  @Test
  void promotesBronzeToSilverOnceAndAnnouncesIt(LocalEndpoints endpoints) throws Exception {
    AwsClientFactory clients = new AwsClientFactory(endpoints.awsSettings());
    S3Client s3 = clients.s3();
    SqsClient sqs = clients.sqs();
    List<String> messages = bronze.upload(s3, bucket());
    String bronzeQueue = endpoints.queueUrls().get(PlatformResources.BRONZE_READY_QUEUE);
    messages.forEach(m -> sqs.sendMessage(b -> b.queueUrl(bronzeQueue).messageBody(m)));
    awaitDrained(sqs, bronzeQueue);

    Map<String, Long> silver = silverCounts(s3);
    for (String dataset : DatagenBronze.CONTRACTS.all().stream().map(c -> c.name()).toList()) {
      assertThat(silver.getOrDefault(dataset, 0L))
          .as(dataset)
          .isEqualTo(bronze.truth().total(dataset, "silver_records"));
      assertThat(
              s3.getObjectAsBytes(
                      b -> b.bucket(bucket()).key("catalog/silver/" + dataset + "/table.json"))
                  .asUtf8String())
          .contains("\"owner\"")
          .contains("\"sensitivity\"");
    }
    assertThat(
            s3.getObjectAsBytes(b -> b.bucket(bucket()).key("catalog/silver/weblog/table.json"))
                .asUtf8String())
        .contains("{\"name\":\"server\",\"type\":\"string\",\"pii\":\"none\"");
    List<SilverReady> announced = drainSilverReady(sqs, endpoints);
    assertThat(announced).isNotEmpty();
    assertThat(announced.stream().flatMap(a -> a.objectKeys().stream()).distinct())
        .containsAll(keys(s3, "silver/"));

    for (String dataset : List.of("clickstream", "weblog")) {
      Map<String, Long> byFault = new TreeMap<>();
      QuarantineSummary.summarize(
              s3, bucket(), dataset, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31))
          .forEach(
              (dayReason, n) ->
                  byFault.merge(SilverBatchTest.fault(dayReason.split(",")[1]), n, Long::sum));
      assertThat(byFault).as(dataset).isEqualTo(expectedQuarantine(dataset));
    }

    String metrics = prometheus();
    for (String dataset : DatagenBronze.CONTRACTS.all().stream().map(c -> c.name()).toList()) {
      double in = sample(metrics, "c360_transform_records_in_total", dataset);
      double out = sample(metrics, "c360_transform_records_out_total", dataset);
      double quarantined = sample(metrics, "c360_transform_records_quarantined_total", dataset);
      assertThat(in).as(dataset).isPositive().isEqualTo(out + quarantined);
      assertThat(out).as(dataset).isGreaterThanOrEqualTo(silver.getOrDefault(dataset, 0L));
      assertThat(metrics)
          .contains(
              "c360_transform_batch_latency_seconds_count{dataset=\""
                  + dataset
                  + "\",stage=\"silver\"}");
    }
    assertThat(sample(metrics, "c360_transform_records_quarantined_total", "clickstream"))
        .isPositive();

    Map<String, String> before = etags(s3, "silver/");
    int replayed = 0;
    for (var contract : DatagenBronze.CONTRACTS.all()) {
      replayed +=
          Backfill.announce(
              s3,
              sqs,
              bucket(),
              PlatformResources.BRONZE_READY_QUEUE,
              contract.name(),
              LocalDate.of(2026, 1, 1),
              LocalDate.of(2026, 12, 31));
    }
    assertThat(replayed).isEqualTo(messages.size());
    awaitDrained(sqs, bronzeQueue);
    assertThat(etags(s3, "silver/")).isEqualTo(before);
    assertThat(drainSilverReady(sqs, endpoints)).isEmpty();
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

  /** The value of a Prometheus series tagged with only this dataset. */
  private static double sample(String metrics, String name, String dataset) {
    String series = name + "{dataset=\"" + dataset + "\"} ";
    return metrics
        .lines()
        .filter(line -> line.startsWith(series))
        .mapToDouble(line -> Double.parseDouble(line.substring(series.length()).trim()))
        .findFirst()
        .orElseThrow(() -> new AssertionError("No series " + series + "in\n" + metrics));
  }

  static void awaitDrained(SqsClient sqs, String queue) {
    await()
        .atMost(Duration.ofMinutes(8))
        .pollInterval(Duration.ofMillis(500))
        .until(
            () -> {
              Map<QueueAttributeName, String> attributes =
                  sqs.getQueueAttributes(
                          b ->
                              b.queueUrl(queue)
                                  .attributeNames(
                                      QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                                      QueueAttributeName
                                          .APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE))
                      .attributes();
              return attributes.values().stream().allMatch("0"::equals);
            });
  }

  private static List<SilverReady> drainSilverReady(SqsClient sqs, LocalEndpoints endpoints) {
    String queue = endpoints.queueUrls().get(PlatformResources.SILVER_READY_QUEUE);
    List<SilverReady> result = new ArrayList<>();
    while (true) {
      List<Message> batch =
          sqs.receiveMessage(b -> b.queueUrl(queue).maxNumberOfMessages(10).waitTimeSeconds(1))
              .messages();
      if (batch.isEmpty()) {
        return result;
      }
      for (Message m : batch) {
        result.add((SilverReady) CODEC.fromJson(m.body()));
        sqs.deleteMessage(b -> b.queueUrl(queue).receiptHandle(m.receiptHandle()));
      }
    }
  }

  private static Map<String, Long> expectedQuarantine(String dataset) {
    return SilverBatchTest.expectedQuarantine(dataset, bronze);
  }

  private Map<String, Long> silverCounts(S3Client s3) throws Exception {
    Path local = Files.createTempDirectory(dir, "silver");
    for (String key : keys(s3, "silver/")) {
      Path file = local.resolve(key);
      Files.createDirectories(file.getParent());
      s3.getObject(b -> b.bucket(bucket()).key(key), file);
    }
    Map<String, Long> counts = new TreeMap<>();
    try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:");
        Statement st = duckdb.createStatement();
        ResultSet rs =
            st.executeQuery(
                "SELECT split_part(filename, '/silver/', 2), count(*) FROM read_parquet("
                    + SilverSql.literal(local + "/silver/**/*.parquet")
                    + ", filename = true, union_by_name = true, hive_partitioning = false)"
                    + " GROUP BY 1")) {
      while (rs.next()) {
        counts.merge(rs.getString(1).split("/")[0], rs.getLong(2), Long::sum);
      }
    }
    return counts;
  }

  private static List<String> keys(S3Client s3, String prefix) {
    return s3.listObjectsV2Paginator(b -> b.bucket(bucket()).prefix(prefix)).contents().stream()
        .map(S3Object::key)
        .toList();
  }

  private static Map<String, String> etags(S3Client s3, String prefix) {
    Map<String, String> etags = new TreeMap<>();
    s3.listObjectsV2Paginator(b -> b.bucket(bucket()).prefix(prefix))
        .contents()
        .forEach(o -> etags.put(o.key(), o.eTag()));
    return etags;
  }

  private static String bucket() {
    return PlatformResources.LAKE_BUCKET;
  }
}
