package io.customer360.loader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import io.customer360.common.aws.AwsClientFactory;
import io.customer360.common.aws.PlatformResources;
import io.customer360.common.pipeline.GoldReady;
import io.customer360.common.pipeline.PipelineMessageCodec;
import io.customer360.infra.local.LocalEndpoints;
import io.customer360.infra.local.LocalPlatformExtension;
import io.customer360.infra.local.internal.Provisioner;
import io.customer360.loader.testing.GoldFixtures;
import io.customer360.loader.testing.TestWarehouse;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The application end to end: Flyway migrates on start-up, the listener loads what the gold-ready
 * queue announces and deletes the message, and a batch that always fails ends in the dead-letter
 * queue with its failures counted.
 */
@ExtendWith(LocalPlatformExtension.class)
@DirtiesContext // stop the listener before the platform stops at the end of the JVM
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "c360.warehouse-loader.gold-ready-queue=" + WarehouseLoaderApplicationIT.QUEUE,
      "c360.warehouse-loader.retry-delay=1s"
    })
class WarehouseLoaderApplicationIT {

  static final String QUEUE = "loader-it-gold-ready";
  static final int MAX_RECEIVES = 2;

  static TestWarehouse warehouse;
  static S3Client s3;
  static SqsClient sqs;
  static GoldFixtures gold;

  @Value("${local.server.port}")
  int port;

  @Autowired MeterRegistry meters;

  @BeforeAll
  static void prepare(LocalEndpoints endpoints) {
    warehouse = TestWarehouse.create(endpoints);
    AwsClientFactory clients = new AwsClientFactory(endpoints.awsSettings());
    s3 = clients.s3();
    sqs = clients.sqs();
    Provisioner.createQueueWithDeadLetterQueue(sqs, QUEUE, MAX_RECEIVES, 30);
    gold = new GoldFixtures(s3, GoldFixtures.tempDir());
  }

  @AfterAll
  static void close() {
    s3.close();
    sqs.close();
  }

  @DynamicPropertySource
  static void warehouseDatabase(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", () -> warehouse.url());
  }

  @Test
  void healthReportsLakeAndWarehouseUp() throws Exception {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body())
        .contains("\"status\":\"UP\"")
        .contains("\"lakeHealth\"")
        .contains("\"db\"");
  }

  @Test
  void announcedBatchIsLoadedAndItsMessageDeleted() {
    Counter rows = meters.get("c360.loader.rows").tag("model", "returns").counter();
    Timer duration = meters.get("c360.loader.load.duration").tag("model", "returns").timer();
    double rowsBefore = rows.count();
    long loadsBefore = duration.count();
    GoldReady batch =
        gold.batch("returns")
            .partition(LocalDate.parse("2026-01-07"), 120, Map.of())
            .partition(LocalDate.parse("2026-01-08"), 80, Map.of())
            .upload();

    send(batch);

    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> count("warehouse.fact_return", batch.batchId()) == 200);
    await().atMost(Duration.ofSeconds(30)).until(() -> messagesIn(QUEUE) == 0);
    assertThat(
            warehouse.value(
                "SELECT outcome || ' ' || rows_staged FROM ops.load_manifest WHERE batch_id = '"
                    + batch.batchId()
                    + "'"))
        .isEqualTo("loaded 200");
    assertThat(rows.count() - rowsBefore).isEqualTo(200);
    assertThat(duration.count() - loadsBefore).isEqualTo(1);
  }

  @Test
  void freshnessIsCommitTimeMinusTheNewestEventLoaded() {
    GoldReady batch =
        gold.batch("returns").partition(LocalDate.parse("2026-01-12"), 50, Map.of()).upload();
    Timer freshness = meters.get("c360.loader.freshness").tag("model", "returns").timer();
    long before = freshness.count();

    send(batch);

    await().atMost(Duration.ofSeconds(60)).until(() -> freshness.count() == before + 1);
    Instant newest =
        Instant.parse(
            warehouse
                .value(
                    "SELECT to_char(max(returned_at) AT TIME ZONE 'UTC',"
                        + " 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"') FROM warehouse.fact_return"
                        + " WHERE load_batch_id = '"
                        + batch.batchId()
                        + "'")
                .trim());
    double expectedSeconds = Duration.between(newest, Instant.now()).toSeconds();
    assertThat(freshness.max(TimeUnit.SECONDS)).isCloseTo(expectedSeconds, within(120.0));
  }

  @Test
  void prometheusExposesEveryModelsMetersFromStartUp() throws Exception {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/actuator/prometheus"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body())
        .contains("c360_loader_rows_total{model=\"customer_segments\"}")
        .contains("c360_loader_load_duration_seconds_count{model=\"order_lines\"}")
        .contains("c360_loader_load_duration_seconds_max{model=\"order_lines\"}")
        .contains("c360_loader_freshness_seconds_count{model=\"purchases_per_minute\"}")
        .contains("c360_loader_freshness_seconds_max{model=\"web_sessions\"}")
        .doesNotContain("c360_loader_freshness_seconds_count{model=\"weather_daily\"}");
  }

  @Test
  void batchThatAlwaysFailsEndsInTheDeadLetterQueue() {
    GoldReady lying =
        gold.batch("returns")
            .partition(LocalDate.parse("2026-01-09"), 10, Map.of())
            .announcedRows(11)
            .upload();

    send(lying);

    String dlq =
        sqs.getQueueUrl(b -> b.queueName(PlatformResources.deadLetterQueue(QUEUE))).queueUrl();
    List<Message> dead = new ArrayList<>();
    await()
        .atMost(Duration.ofSeconds(90))
        .until(
            () -> {
              dead.addAll(sqs.receiveMessage(b -> b.queueUrl(dlq).waitTimeSeconds(1)).messages());
              return !dead.isEmpty();
            });
    assertThat(new PipelineMessageCodec().fromJson(dead.get(0).body()))
        .isInstanceOfSatisfying(
            GoldReady.class, g -> assertThat(g.batchId()).isEqualTo(lying.batchId()));
    Counter failures =
        meters
            .get("c360.loader.load.failures")
            .tag("model", "returns")
            .tag("reason", "row_count_mismatch")
            .counter();
    assertThat(failures.count()).isEqualTo(MAX_RECEIVES);
    assertThat(count("warehouse.fact_return", lying.batchId())).isZero();
  }

  private static void send(GoldReady batch) {
    String url = sqs.getQueueUrl(b -> b.queueName(QUEUE)).queueUrl();
    sqs.sendMessage(b -> b.queueUrl(url).messageBody(new PipelineMessageCodec().toJson(batch)));
  }

  private static long count(String table, String batchId) {
    return Long.parseLong(
        warehouse.value(
            "SELECT COUNT(*) FROM " + table + " WHERE load_batch_id = '" + batchId + "'"));
  }

  private static int messagesIn(String queue) {
    String url = sqs.getQueueUrl(b -> b.queueName(queue)).queueUrl();
    Map<QueueAttributeName, String> attributes =
        sqs.getQueueAttributes(
                b ->
                    b.queueUrl(url)
                        .attributeNames(
                            QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                            QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE))
            .attributes();
    return Integer.parseInt(attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))
        + Integer.parseInt(
            attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE));
  }
}
