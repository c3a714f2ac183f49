package io.customer360.ingestion.batchdrop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.customer360.common.aws.AwsClientFactory;
import io.customer360.common.aws.PlatformResources;
import io.customer360.common.pipeline.PipelineMessage;
import io.customer360.common.pipeline.PipelineMessageCodec;
import io.customer360.infra.local.LocalEndpoints;
import io.customer360.infra.local.LocalPlatformExtension;
import io.customer360.ingestion.BronzeObjects;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

@ExtendWith(LocalPlatformExtension.class)
@SpringBootTest(
    properties = {
      "c360.ingestion.stream.enabled=false",
      "c360.ingestion.landing.rescan-interval=1s"
    })
class LandingDropIT {

  private static final String BUCKET = PlatformResources.LAKE_BUCKET;

  @Autowired MeterRegistry meters;
  @Autowired IngestLedger ledger;

  @Test
  void aContentClaimIsLeftToItsOwnerUntilStaleThenTakenOverOnce() {
    String id = "content#returns#claim-test.csv#" + UUID.randomUUID();
    Duration stale = Duration.ofMinutes(5);
    Instant first = Instant.parse("2026-11-22T10:00:00Z");
    assertThat(ledger.claimContent(id, "bronze/a", first, stale))
        .isEqualTo(new IngestLedger.ContentClaim("bronze/a", IngestLedger.ClaimState.CLAIMED));
    assertThat(ledger.claimContent(id, "bronze/b", first.plusSeconds(1), stale))
        .isEqualTo(new IngestLedger.ContentClaim("bronze/a", IngestLedger.ClaimState.IN_PROGRESS));

    Instant afterCrash = first.plus(stale).plusSeconds(1);
    assertThat(ledger.claimContent(id, "bronze/c", afterCrash, stale))
        .isEqualTo(new IngestLedger.ContentClaim("bronze/a", IngestLedger.ClaimState.CLAIMED));
    assertThat(ledger.claimContent(id, "bronze/d", afterCrash, stale).state())
        .isEqualTo(IngestLedger.ClaimState.IN_PROGRESS);

    ledger.completeContent(id);
    assertThat(ledger.claimContent(id, "bronze/e", afterCrash.plus(stale).plusSeconds(1), stale))
        .isEqualTo(new IngestLedger.ContentClaim("bronze/a", IngestLedger.ClaimState.DONE));
  }

  @Test
  void resentFileGivesOneBronzeObjectAndOneNotification(LocalEndpoints endpoints) throws Exception {
    AwsClientFactory clients = new AwsClientFactory(endpoints.awsSettings());
    String name = "returns_" + UUID.randomUUID() + ".csv";
    String key = "landing/returns/" + name;
    byte[] csv =
        ("\uFEFFreturn_id,order_id,reason\r\n"
                + "r-1,o-1,\"damaged,\r\nbox crushed\"\r\n"
                + "r-2,o-2,changed_mind\r\n")
            .getBytes(StandardCharsets.UTF_8);

    try (S3Client s3 = clients.s3();
        SqsClient sqs = clients.sqs()) {
      for (int delivery = 0; delivery < 3; delivery++) {
        s3.putObject(b -> b.bucket(BUCKET).key(key), RequestBody.fromBytes(csv));
        notify(sqs, s3, key);
      }

      await()
          .atMost(Duration.ofSeconds(60))
          .until(() -> !bronzeKeysFor(s3, "returns", name).isEmpty());
      await()
          .during(Duration.ofSeconds(4))
          .atMost(Duration.ofSeconds(10))
          .until(() -> bronzeKeysFor(s3, "returns", name).size() == 1);

      String bronzeKey = bronzeKeysFor(s3, "returns", name).get(0);
      var head = s3.headObject(b -> b.bucket(BUCKET).key(bronzeKey));
      byte[] stored = s3.getObjectAsBytes(b -> b.bucket(BUCKET).key(bronzeKey)).asByteArray();
      assertThat(stored).isEqualTo(csv);
      assertThat(bronzeKey)
          .matches(
              "bronze/returns/ingest_date=\\d{4}-\\d{2}-\\d{2}/ingest_hour=\\d{2}/[0-9a-f]{16}-"
                  + name.replace(".", "\\."));
      assertThat(head.metadata())
          .containsEntry("source", "returns")
          .containsEntry("landing-key", key)
          .containsEntry("size", Integer.toString(csv.length))
          .containsEntry("record-count", "2")
          .containsKey("sha256")
          .containsKey("received-at");
      assertThat(announcements(sqs, bronzeKey)).isEqualTo(1);
    }
  }

  @Test
  void readableFormatsAreCopiedWithRecordCounts(LocalEndpoints endpoints, @TempDir Path dir)
      throws Exception {
    AwsClientFactory clients = new AwsClientFactory(endpoints.awsSettings());
    String run = UUID.randomUUID().toString();
    byte[] jsonLines =
        gzip("{\"ticket_id\":\"t-1\"}\n{\"ticket_id\":\"t-2\"}\n\n{\"ticket_id\":\"t-3\"}");
    byte[] parquet = parquet(dir.resolve("products.parquet"));

    try (S3Client s3 = clients.s3()) {
      s3.putObject(
          b -> b.bucket(BUCKET).key("landing/support/tickets_" + run + ".jsonl.gz"),
          RequestBody.fromBytes(jsonLines));
      s3.putObject(
          b -> b.bucket(BUCKET).key("landing/products/products_" + run + ".parquet"),
          RequestBody.fromBytes(parquet));

      await()
          .atMost(Duration.ofSeconds(60))
          .until(
              () ->
                  bronzeKeysFor(s3, "support_tickets", "tickets_" + run + ".jsonl.gz").size() == 1
                      && bronzeKeysFor(s3, "products", "products_" + run + ".parquet").size() == 1);

      var tickets =
          s3.headObject(
              b ->
                  b.bucket(BUCKET)
                      .key(
                          bronzeKeysFor(s3, "support_tickets", "tickets_" + run + ".jsonl.gz")
                              .get(0)));
      var products =
          s3.headObject(
              b ->
                  b.bucket(BUCKET)
                      .key(bronzeKeysFor(s3, "products", "products_" + run + ".parquet").get(0)));
      assertThat(tickets.metadata())
          .containsEntry("format", "json_lines+gzip")
          .containsEntry("record-count", "3");
      assertThat(products.metadata()).containsEntry("format", "parquet");
    }
  }

  @Test
  void unreadableFilesAreQuarantinedWithReasons(LocalEndpoints endpoints) throws Exception {
    AwsClientFactory clients = new AwsClientFactory(endpoints.awsSettings());
    String run = UUID.randomUUID().toString();
    byte[] whole = gzip("zip,weather_date\n" + "10001,2024-05-01\n".repeat(2000));
    byte[] truncated = Arrays.copyOf(whole, whole.length / 2);
    byte[] garbage = {'P', 'K', 3, 4, 0, 0, (byte) 0xFF, 0, 17, 42};
    Map<String, String> expected =
        Map.of(
            "landing/weather/weather_" + run + ".csv.gz", "truncated_gzip",
            "landing/returns/returns_" + run + ".csv", "binary_content",
            "landing/unknown_feed/feed_" + run + ".csv", "unknown_source");
    double before = quarantinedCount("truncated_gzip");

    try (S3Client s3 = clients.s3()) {
      s3.putObject(
          b -> b.bucket(BUCKET).key("landing/weather/weather_" + run + ".csv.gz"),
          RequestBody.fromBytes(truncated));
      s3.putObject(
          b -> b.bucket(BUCKET).key("landing/returns/returns_" + run + ".csv"),
          RequestBody.fromBytes(garbage));
      s3.putObject(
          b -> b.bucket(BUCKET).key("landing/unknown_feed/feed_" + run + ".csv"),
          RequestBody.fromString("a,b\n1,2\n"));

      List<String> reasons = new ArrayList<>();
      await()
          .atMost(Duration.ofSeconds(60))
          .until(
              () -> {
                reasons.clear();
                for (String sidecar : BronzeObjects.keys(s3, BUCKET, "quarantine/")) {
                  if (sidecar.contains(run) && sidecar.endsWith(".reason.json")) {
                    reasons.add(
                        s3.getObjectAsBytes(b -> b.bucket(BUCKET).key(sidecar)).asUtf8String());
                  }
                }
                return reasons.size() == expected.size();
              });

      for (Map.Entry<String, String> file : expected.entrySet()) {
        assertThat(reasons)
            .anySatisfy(
                reason ->
                    assertThat(reason)
                        .contains("\"reason\":\"" + file.getValue() + "\"")
                        .contains("\"landing_key\":\"" + file.getKey() + "\""));
      }
      assertThat(BronzeObjects.keys(s3, BUCKET, "bronze/").stream().filter(k -> k.contains(run)))
          .isEmpty();
      assertThat(quarantinedCount("truncated_gzip")).isEqualTo(before + 1);
    }
  }

  private double quarantinedCount(String reason) {
    var counter = meters.find("c360.ingestion.files.quarantined").tag("reason", reason).counter();
    return counter == null ? 0 : counter.count();
  }

  /** What S3 would send for a PUT; the emulator sends no notifications itself. */
  private static void notify(SqsClient sqs, S3Client s3, String key) {
    var head = s3.headObject(b -> b.bucket(BUCKET).key(key));
    String body =
        "{\"Records\":[{\"eventSource\":\"aws:s3\",\"eventName\":\"ObjectCreated:Put\","
            + "\"s3\":{\"bucket\":{\"name\":\""
            + BUCKET
            + "\"},\"object\":{\"key\":\""
            + key
            + "\",\"size\":"
            + head.contentLength()
            + ",\"eTag\":\""
            + head.eTag().replace("\"", "")
            + "\"}}}]}";
    String url =
        sqs.getQueueUrl(b -> b.queueName(PlatformResources.LANDING_EVENTS_QUEUE)).queueUrl();
    sqs.sendMessage(b -> b.queueUrl(url).messageBody(body));
  }

  private static List<String> bronzeKeysFor(S3Client s3, String dataset, String name) {
    return BronzeObjects.keys(s3, BUCKET, "bronze/" + dataset + "/").stream()
        .filter(k -> k.endsWith("-" + name))
        .toList();
  }

  /** Bronze-ready messages naming {@code key}, draining the queue. */
  private static long announcements(SqsClient sqs, String key) {
    String url = sqs.getQueueUrl(b -> b.queueName(PlatformResources.BRONZE_READY_QUEUE)).queueUrl();
    PipelineMessageCodec codec = new PipelineMessageCodec();
    long count = 0;
    List<Message> batch;
    do {
      batch =
          sqs.receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(10).waitTimeSeconds(1))
              .messages();
      for (Message message : batch) {
        PipelineMessage parsed = codec.fromJson(message.body());
        if (parsed.objectKeys().contains(key)) {
          count++;
        }
        sqs.deleteMessage(b -> b.queueUrl(url).receiptHandle(message.receiptHandle()));
      }
    } while (!batch.isEmpty());
    return count;
  }

  private static byte[] gzip(String text) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(text.getBytes(StandardCharsets.UTF_8));
    }
    return out.toByteArray();
  }

  private static byte[] parquet(Path file) throws Exception {
    try (Connection duck = DriverManager.getConnection("jdbc:duckdb:")) {
      duck.createStatement()
          .execute(
              "COPY (SELECT 'p-' || i AS product_id, i * 1.5 AS price FROM range(10) t(i)) TO '"
                  + file
                  + "' (FORMAT PARQUET)");
    }
    return Files.readAllBytes(file);
  }
}
