package io.customer360.transform.gold;

import static org.assertj.core.api.Assertions.assertThat;

import io.customer360.common.aws.AwsClientFactory;
import io.customer360.common.aws.AwsSettings;
import io.customer360.common.pipeline.GoldReady;
import io.customer360.common.pipeline.PipelineMessageCodec;
import io.customer360.infra.local.internal.EmbeddedS3;
import io.customer360.infra.local.internal.FreePort;
import io.customer360.transform.TransformProperties;
import io.customer360.transform.gold.model.DatagenSilver;
import io.customer360.transform.gold.model.GoldModels;
import io.customer360.transform.lake.LakeStore;
import io.customer360.transform.silver.DuckDbSessions;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
 * published partition equal to what it computes.
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

      dropOneRow(lake, "returns");
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
   * Rewrites the largest silver file of a dataset without one of its rows, as a merge would. (The
   * largest, so no gold partition loses its last row: a gold-ready message for a deletion alone
   * announces no objects, which the pipeline message codec rejects.)
   */
  private void dropOneRow(LakeStore lake, String dataset) throws Exception {
    Path silver = DatagenSilver.shared().root();
    String key;
    try (Stream<Path> files = Files.walk(silver.resolve("silver").resolve(dataset))) {
      Path largest =
          files
              .filter(f -> f.toString().endsWith(".parquet"))
              .max(Comparator.comparingLong(GoldRunnerTest::size))
              .orElseThrow();
      key = silver.relativize(largest).toString();
    }
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

  private static long size(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
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
