package io.customer360.transform.silver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.customer360.common.aws.AwsClientFactory;
import io.customer360.common.aws.PlatformResources;
import io.customer360.common.pipeline.GoldReady;
import io.customer360.common.pipeline.PipelineMessage;
import io.customer360.common.pipeline.PipelineMessageCodec;
import io.customer360.common.pipeline.SilverReady;
import io.customer360.infra.local.LocalEndpoints;
import io.customer360.infra.local.LocalPlatformExtension;
import io.customer360.transform.gold.GoldScheduler;
import io.customer360.transform.gold.model.GoldModels;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * Bronze through silver to gold on the emulators: every gold model is published and announced, gold
 * revenue equals datagen's truth, and a run after an unchanged silver writes and announces nothing.
 */
@ExtendWith(LocalPlatformExtension.class)
@SpringBootTest(
    properties = {
      "c360.transform.pii-key=" + SilverBatchTest.PII_KEY,
      "c360.transform.gold.interval=2s",
      "c360.transform.bucket=" + GoldStageIT.BUCKET
    })
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class GoldStageIT {

  private static final PipelineMessageCodec CODEC = new PipelineMessageCodec();

  /** Its own bucket, so silver written by other tests in this JVM does not count. */
  static final String BUCKET = "c360-gold-it";

  @Autowired GoldScheduler scheduler;

  @TempDir static Path dir;
  static DatagenBronze bronze;

  @BeforeAll
  static void generate(LocalEndpoints endpoints) {
    new AwsClientFactory(endpoints.awsSettings()).s3().createBucket(b -> b.bucket(BUCKET));
    bronze = DatagenBronze.generate(dir, 14, 300, 0.02);
  }

  @Test
  void publishesEveryModelOnceAndReconcilesWithTruth(LocalEndpoints endpoints) throws Exception {
    AwsClientFactory clients = new AwsClientFactory(endpoints.awsSettings());
    S3Client s3 = clients.s3();
    SqsClient sqs = clients.sqs();
    String bronzeQueue = endpoints.queueUrls().get(PlatformResources.BRONZE_READY_QUEUE);
    bronze
        .upload(s3, BUCKET)
        .forEach(m -> sqs.sendMessage(b -> b.queueUrl(bronzeQueue).messageBody(m)));
    SilverPipelineIT.awaitDrained(sqs, bronzeQueue);

    List<String> models = GoldModels.load().names();
    List<GoldReady> announced = new ArrayList<>();
    await()
        .atMost(Duration.ofMinutes(4))
        .pollInterval(Duration.ofSeconds(2))
        .untilAsserted(
            () -> {
              announced.addAll(drainGoldReady(sqs, endpoints));
              assertThat(goldRevenueByDay(s3)).isEqualTo(bronze.truth().revenueByDay());
              assertThat(announced.stream().map(GoldReady::dataset).distinct())
                  .containsExactlyInAnyOrderElementsOf(models);
            });
    assertThat(announced.stream().flatMap(a -> a.objectKeys().stream()))
        .allMatch(k -> k.startsWith("gold/") && k.endsWith(".parquet"));
    String silverQueue = endpoints.queueUrls().get(PlatformResources.SILVER_READY_QUEUE);
    awaitQuiet(sqs, silverQueue);
    drainGoldReady(sqs, endpoints);

    Map<String, String> before = etags(s3);
    sqs.sendMessage(b -> b.queueUrl(silverQueue).messageBody(CODEC.toJson(staleMark(s3))));
    awaitQuiet(sqs, silverQueue);
    assertThat(drainGoldReady(sqs, endpoints)).isEmpty();
    assertThat(etags(s3)).isEqualTo(before);
  }

  /** The silver-ready queue is empty and the gold scheduler has nothing to do. */
  private void awaitQuiet(SqsClient sqs, String silverQueue) {
    SilverPipelineIT.awaitDrained(sqs, silverQueue);
    await()
        .atMost(Duration.ofMinutes(3))
        .pollInterval(Duration.ofMillis(500))
        .until(() -> scheduler.idle());
  }

  /** A silver-ready message for an object already promoted: gold must run and change nothing. */
  private static SilverReady staleMark(S3Client s3) {
    String key =
        s3
            .listObjectsV2Paginator(b -> b.bucket(BUCKET).prefix("silver/orders/"))
            .contents()
            .stream()
            .map(S3Object::key)
            .filter(k -> k.endsWith(".parquet"))
            .findFirst()
            .orElseThrow();
    return new SilverReady(
        PipelineMessage.CURRENT_VERSION,
        "test",
        Instant.now(),
        "orders",
        BUCKET,
        List.of(key.substring("silver/orders/".length(), key.lastIndexOf('/'))),
        List.of(key),
        0,
        0);
  }

  private Map<String, BigDecimal> goldRevenueByDay(S3Client s3) throws Exception {
    Path local = Files.createTempDirectory(dir, "gold");
    List<String> keys =
        s3
            .listObjectsV2Paginator(b -> b.bucket(BUCKET).prefix("gold/order_lines/"))
            .contents()
            .stream()
            .map(S3Object::key)
            .filter(k -> k.endsWith(".parquet"))
            .toList();
    if (keys.isEmpty()) {
      return Map.of();
    }
    for (String key : keys) {
      Path file = local.resolve(key);
      Files.createDirectories(file.getParent());
      s3.getObject(b -> b.bucket(BUCKET).key(key), file);
    }
    Map<String, BigDecimal> byDay = new TreeMap<>();
    try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:");
        Statement st = duckdb.createStatement();
        ResultSet rs =
            st.executeQuery(
                "SELECT strftime(order_date, '%Y-%m-%d'), sum(net_amount) FROM read_parquet("
                    + SilverSql.literal(local + "/gold/order_lines/**/*.parquet")
                    + ", hive_partitioning = false) WHERE order_status <> 'cancelled' GROUP BY 1")) {
      while (rs.next()) {
        byDay.put(rs.getString(1), rs.getBigDecimal(2).setScale(2));
      }
    }
    return byDay;
  }

  private static List<GoldReady> drainGoldReady(SqsClient sqs, LocalEndpoints endpoints) {
    String queue = endpoints.queueUrls().get(PlatformResources.GOLD_READY_QUEUE);
    List<GoldReady> result = new ArrayList<>();
    while (true) {
      List<Message> batch =
          sqs.receiveMessage(b -> b.queueUrl(queue).maxNumberOfMessages(10).waitTimeSeconds(1))
              .messages();
      if (batch.isEmpty()) {
        return result;
      }
      for (Message m : batch) {
        result.add((GoldReady) CODEC.fromJson(m.body()));
        sqs.deleteMessage(b -> b.queueUrl(queue).receiptHandle(m.receiptHandle()));
      }
    }
  }

  private static Map<String, String> etags(S3Client s3) {
    Map<String, String> etags = new TreeMap<>();
    s3.listObjectsV2Paginator(b -> b.bucket(BUCKET).prefix("gold/"))
        .contents()
        .forEach(o -> etags.put(o.key(), o.eTag()));
    return etags;
  }
}
