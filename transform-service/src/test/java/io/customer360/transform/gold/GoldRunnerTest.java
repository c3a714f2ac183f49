package io.customer360.transform.gold;

import static org.assertj.core.api.Assertions.assertThat;

import io.customer360.common.aws.AwsClientFactory;
import io.customer360.common.aws.AwsSettings;
import io.customer360.common.lake.LakePath;
import io.customer360.common.lake.LakeZone;
import io.customer360.common.pipeline.GoldReady;
import io.customer360.common.pipeline.PipelineMessageCodec;
import io.customer360.infra.local.internal.EmbeddedS3;
import io.customer360.infra.local.internal.FreePort;
import io.customer360.transform.TransformProperties;
import io.customer360.transform.engine.DuckDbSessions;
import io.customer360.transform.gold.model.DatagenSilver;
import io.customer360.transform.gold.model.GoldModels;
import io.customer360.transform.lake.LakeStore;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.GetQueueUrlRequest;
import software.amazon.awssdk.services.sqs.model.GetQueueUrlResponse;
import software.amazon.awssdk.services.sqs.model.SendMessageRequest;
import software.amazon.awssdk.services.sqs.model.SendMessageResponse;

/**
 * Incremental gold runs with the real DuckDB on datagen silver in a lake on the S3 emulator: the
 * first run builds and publishes every model; after one silver dataset changes, only the models it
 * affects are rebuilt and only they are published; and a full rebuild from scratch then finds every
 * published partition equal to what it computes. A gold partition that a silver change leaves
 * without rows is announced with no object under it, so the warehouse empties it too.
 */
class GoldRunnerTest {

  private static final String BUCKET = "c360-gold-runner";
  private static final String PARQUET = "application/vnd.apache.parquet";
  private static final GoldModels MODELS = GoldModels.load();

  @TempDir Path dir;

  @Test
  void afterOneDatasetChangesRebuildsOnlyWhatItAffectsAndMatchesAFullRebuild() throws Exception {
    Path silver = DatagenSilver.shared().root();
    int port = FreePort.resolve(0);
    try (EmbeddedS3 emulator = EmbeddedS3.start(port, Optional.empty(), "gold", "gold-secret");
        S3Client s3 = s3Client(port)) {
      s3.createBucket(b -> b.bucket(BUCKET));
      LakeStore lake = new LakeStore(s3, BUCKET);
      upload(lake, silver);
      RecordingSqs sqs = new RecordingSqs();
      GoldRunner runner = runner(lake, sqs, dir.resolve("incremental"));

      GoldRunner.Run first = runner.run("first");
      assertThat(first.built()).isEqualTo(MODELS.names());
      assertThat(models(first.published())).isEqualTo(MODELS.names());
      assertThat(runner.run("unchanged").built()).isEmpty();

      dropOneRow(lake, lake.list(LakePath.prefix(LakeZone.SILVER, "returns")).get(0));
      sqs.announced.clear();
      GoldRunner.Run second = runner.run("second");
      Set<String> affected = MODELS.affectedBy("returns");
      assertThat(second.built())
          .containsExactlyElementsOf(affected)
          .doesNotContain("products", "customers", "weblog_hourly", "campaigns", "geography");
      assertThat(models(second.published())).contains("returns", "order_lines");
      assertThat(affected).containsAll(models(second.published()));
      assertThat(sqs.announced.stream().map(GoldReady::dataset))
          .containsExactlyElementsOf(models(second.published()));

      GoldRunner.Run full = runner(lake, sqs, dir.resolve("full")).run("full");
      assertThat(full.built()).isEqualTo(MODELS.names());
      assertThat(full.published()).as("a full rebuild differs from the published gold").isEmpty();
    }
  }

  @Test
  void aPartitionEmptiedBySilverIsAnnouncedWithNoObjectBesideTheObjectsOfOthers() throws Exception {
    int port = FreePort.resolve(0);
    try (EmbeddedS3 emulator = EmbeddedS3.start(port, Optional.empty(), "gold", "gold-secret");
        S3Client s3 = s3Client(port)) {
      s3.createBucket(b -> b.bucket(BUCKET));
      LakeStore lake = new LakeStore(s3, BUCKET);
      upload(lake, DatagenSilver.shared().root());
      RecordingSqs sqs = new RecordingSqs();
      GoldRunner runner = runner(lake, sqs, dir.resolve("emptied"));
      runner.run("first");
      List<String> days = silverDays(lake, "returns");
      String emptied = days.get(0);
      String changed = days.get(days.size() / 2);
      String emptiedAlone = days.get(days.size() - 1);
      assertThat(publishedKeys(lake, "returns"))
          .contains(goldKey("returns", emptied), goldKey("returns", changed));

      // One day loses every return (as a CDC delete would leave it), another loses one.
      lake.delete(lake.list(silverFolder("returns", emptied)));
      dropOneRow(lake, lake.list(silverFolder("returns", changed)).get(0));
      sqs.announced.clear();
      runner.run("mixed");

      GoldReady mixed = announced(sqs, "returns");
      assertThat(mixed.partitions())
          .containsExactly("return_date=" + emptied, "return_date=" + changed);
      assertThat(mixed.objectKeys()).containsExactly(goldKey("returns", changed));
      assertThat(mixed.rowCount()).isEqualTo(rows(lake, goldKey("returns", changed))).isPositive();
      assertThat(publishedKeys(lake, "returns"))
          .doesNotContain(goldKey("returns", emptied))
          .contains(goldKey("returns", changed));
      assertThat(lake.readText(GoldPublisher.manifestKey("returns")).orElseThrow())
          .doesNotContain(emptied)
          .contains(changed);

      // A run that only empties a partition announces it with no objects at all.
      lake.delete(lake.list(silverFolder("returns", emptiedAlone)));
      sqs.announced.clear();
      runner.run("emptied");

      GoldReady alone = announced(sqs, "returns");
      assertThat(alone.partitions()).containsExactly("return_date=" + emptiedAlone);
      assertThat(alone.objectKeys()).isEmpty();
      assertThat(alone.rowCount()).isZero();
      assertThat(alone.onlyEmptiesPartitions()).isTrue();
      assertThat(publishedKeys(lake, "returns")).doesNotContain(goldKey("returns", emptiedAlone));

      GoldRunner.Run full = runner(lake, sqs, dir.resolve("emptied-full")).run("full");
      assertThat(full.published()).as("a full rebuild differs from the published gold").isEmpty();
    }
  }

  private static GoldRunner runner(LakeStore lake, SqsClient sqs, Path workDir) {
    return new GoldRunner(
        MODELS,
        new SilverMirror(lake, workDir.resolve("silver-mirror")),
        new DuckDbSessions(new TransformProperties.Engine(DataSize.ofGigabytes(1), 2), workDir),
        new GoldPublisher(lake),
        new GoldAnnouncer(sqs, "c360-gold-ready", BUCKET, Clock.systemUTC()),
        workDir,
        // datagen's churn horizon for a 14-day run, as the gold model tests use
        Map.of("churn_horizon_days", 4L),
        new SimpleMeterRegistry());
  }

  private static List<String> models(List<GoldPublisher.Published> published) {
    return published.stream().map(GoldPublisher.Published::model).toList();
  }

  private static void upload(LakeStore lake, Path root) throws Exception {
    try (Stream<Path> files = Files.walk(root.resolve("silver"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".parquet")).toList()) {
        lake.upload(file, root.relativize(file).toString(), PARQUET);
      }
    }
  }

  /**
   * Rewrites a silver object without one of its rows, as a merge would. Any object will do: a gold
   * partition that loses its last row is announced like any other.
   */
  private void dropOneRow(LakeStore lake, String key) throws Exception {
    Path original = lake.download(key, dir.resolve("original.parquet")).path();
    Path changed = dir.resolve("changed.parquet");
    try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:");
        Statement st = duckdb.createStatement()) {
      st.execute(
          "COPY (SELECT * FROM read_parquet('"
              + original
              + "', hive_partitioning = false) ORDER BY _record_key OFFSET 1) TO '"
              + changed
              + "' (FORMAT parquet)");
    }
    lake.upload(changed, key, PARQUET);
  }

  /** The days ({@code yyyy-MM-dd}) of a silver dataset's partitions, sorted. */
  private static List<String> silverDays(LakeStore lake, String dataset) {
    String prefix = LakePath.prefix(LakeZone.SILVER, dataset) + "event_date=";
    return lake.list(prefix).stream()
        .map(key -> key.substring(prefix.length(), prefix.length() + 10))
        .distinct()
        .sorted()
        .toList();
  }

  private static String silverFolder(String dataset, String day) {
    return LakePath.prefix(LakeZone.SILVER, dataset) + "event_date=" + day + "/";
  }

  private static String goldKey(String model, String day) {
    String column = MODELS.get(model).partitionedBy().orElseThrow();
    return LakePath.prefix(LakeZone.GOLD, model) + column + "=" + day + "/part-0.parquet";
  }

  private static List<String> publishedKeys(LakeStore lake, String model) {
    return lake.list(LakePath.prefix(LakeZone.GOLD, model));
  }

  private static GoldReady announced(RecordingSqs sqs, String model) {
    List<GoldReady> found = sqs.announced.stream().filter(m -> m.dataset().equals(model)).toList();
    assertThat(found).as("gold-ready messages of " + model).hasSize(1);
    return found.get(0);
  }

  private long rows(LakeStore lake, String key) throws Exception {
    Path file = lake.download(key, dir.resolve("gold-" + UUID.randomUUID() + ".parquet")).path();
    try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:");
        Statement st = duckdb.createStatement();
        ResultSet rs = st.executeQuery("SELECT count(*) FROM read_parquet('" + file + "')")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static S3Client s3Client(int port) {
    return new AwsClientFactory(
            new AwsSettings(
                "us-east-1",
                "gold",
                "gold-secret",
                new AwsSettings.Endpoints(
                    URI.create("http://127.0.0.1:" + port), null, null, null, null),
                true))
        .s3();
  }

  /** Records gold-ready announcements instead of sending them. */
  private static final class RecordingSqs implements SqsClient {

    private static final PipelineMessageCodec CODEC = new PipelineMessageCodec();
    final List<GoldReady> announced = new ArrayList<>();

    @Override
    public GetQueueUrlResponse getQueueUrl(GetQueueUrlRequest request) {
      return GetQueueUrlResponse.builder().queueUrl(request.queueName()).build();
    }

    @Override
    public SendMessageResponse sendMessage(SendMessageRequest request) {
      announced.add((GoldReady) CODEC.fromJson(request.messageBody()));
      return SendMessageResponse.builder().build();
    }

    @Override
    public String serviceName() {
      return "sqs";
    }

    @Override
    public void close() {}
  }
}
