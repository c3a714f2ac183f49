package io.customer360.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.customer360.infra.local.LocalEndpoints;
import io.customer360.infra.local.LocalPlatformExtension;
import io.customer360.scoring.evaluation.BinaryMetrics;
import io.customer360.scoring.features.FeatureFrame;
import io.customer360.scoring.model.GbtModel;
import io.customer360.scoring.model.ServingModel;
import io.customer360.scoring.registry.ModelMetrics;
import io.customer360.scoring.registry.ModelRegistry;
import io.customer360.scoring.registry.PromotedPointer;
import io.customer360.scoring.registry.TrainingRange;
import io.customer360.scoring.scoring.BatchResult;
import io.customer360.scoring.scoring.BatchScoring;
import io.customer360.scoring.scoring.ChurnScore;
import io.customer360.scoring.scoring.OnlineScoring;
import io.customer360.scoring.training.GbtParameters;
import io.customer360.scoring.training.GbtTrainer;
import io.customer360.scoring.training.TrainingJob;
import io.customer360.scoring.training.TrainingReport;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The model lifecycle against the embedded platform (S3Proxy + PostgreSQL): training on a seeded
 * logistic churn process whose true probabilities are known, promotion only of a better model, hot
 * reload of a version promoted elsewhere, a corrupt promoted model that leaves the previous one
 * serving, and batch scoring into the warehouse and gold.
 */
@ExtendWith(LocalPlatformExtension.class)
@SpringBootTest(
    properties = {
      "c360.ml-scoring.model-name=churn_lifecycle",
      "c360.ml-scoring.features.table=lifecycle.customer_features",
      "c360.ml-scoring.scores.table=lifecycle.churn_scores",
      "c360.ml-scoring.scores.gold-model=churn_scores_lifecycle",
      "c360.ml-scoring.scores.refresh-interval=0s",
      "c360.ml-scoring.serving.reload-interval=300ms",
      "c360.ml-scoring.training.cron=-",
      "c360.ml-scoring.training.validation-days=7",
      "c360.ml-scoring.training.label-horizon-days=5"
    })
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ChurnModelLifecycleIT {

  private static final int CUSTOMERS = 2_000;
  private static final int DAYS = 40;
  private static final int UNLABELLED_DAYS = 5;
  private static final LocalDate START = LocalDate.of(2026, 1, 1);
  private static final String BUCKET = "c360-lake";

  private static List<SyntheticChurn.Row> rows;
  private static String firstVersion;

  @Autowired TrainingJob training;
  @Autowired ModelRegistry registry;
  @Autowired ServingModel serving;
  @Autowired BatchScoring batch;
  @Autowired OnlineScoring online;
  @Autowired MeterRegistry meters;
  @Autowired JdbcTemplate jdbc;
  @Autowired S3Client s3;

  @BeforeAll
  static void loadFeatures(LocalEndpoints endpoints) throws Exception {
    rows = SyntheticChurn.generate(CUSTOMERS, DAYS, UNLABELLED_DAYS, START, 20261122L);
    SyntheticChurn.load(endpoints.jdbcUrl(), endpoints.jdbcUser(), "lifecycle", rows);
  }

  @Test
  @Order(1)
  void trainsWithinTenPercentOfTheTrueProbabilityAuc() {
    TrainingReport report = training.run();

    TrainingRange range = report.range();
    List<SyntheticChurn.Row> validation =
        rows.stream()
            .filter(r -> r.churnLabel() != null)
            .filter(r -> !r.snapshotDate().isBefore(range.validationStart()))
            .toList();
    double trueAuc =
        BinaryMetrics.rocAuc(
            validation.stream().mapToDouble(SyntheticChurn.Row::trueProbability).toArray(),
            booleans(validation));
    ModelMetrics metrics = report.metrics();
    System.out.printf(
        Locale.ROOT,
        "synthetic churn: validation rows=%d positives=%d model_auc=%.4f baseline_auc=%.4f"
            + " true_probability_auc=%.4f ratio=%.3f pr_auc=%.4f log_loss=%.4f brier=%.4f"
            + " ece=%.4f lift_top_decile=%.2f%n",
        metrics.model().rows(),
        metrics.model().positives(),
        metrics.validationAuc(),
        metrics.baseline().rocAuc(),
        trueAuc,
        metrics.validationAuc() / trueAuc,
        metrics.model().prAuc(),
        metrics.model().logLoss(),
        metrics.model().brier(),
        metrics.model().expectedCalibrationError(),
        metrics.model().liftTopDecile());

    assertThat(metrics.validationAuc()).isGreaterThanOrEqualTo(0.9 * trueAuc);
    assertThat(metrics.model().rows()).isEqualTo(validation.size());
    assertThat(metrics.model().liftTopDecile()).isGreaterThan(1.5);
    assertThat(metrics.model().reliability()).isNotEmpty();
    // time split: validation is the last 7 labelled days, training ends 5 days (the horizon) before
    LocalDate lastLabelled = START.plusDays(DAYS - UNLABELLED_DAYS - 1L);
    assertThat(range.validationEnd()).isEqualTo(lastLabelled);
    assertThat(range.validationStart()).isEqualTo(lastLabelled.minusDays(6));
    assertThat(range.trainEnd()).isEqualTo(range.validationStart().minusDays(5));
    // the feature set is the table's numeric and boolean columns, nothing else
    assertThat(report.features()).containsExactly(SyntheticChurn.SCHEMA.names());
    assertThat(report.decision().promote()).isTrue();
    firstVersion = report.version();
    assertThat(registry.promoted().orElseThrow().version()).isEqualTo(firstVersion);
    assertThat(serving.require().version()).isEqualTo(firstVersion);
    for (String artifact :
        List.of("xgboost-model", "features.json", "metrics.json", "training.json")) {
      String key = "models/churn_lifecycle/" + firstVersion + "/" + artifact;
      assertThat(s3.headObject(b -> b.bucket(BUCKET).key(key)).contentLength())
          .as(key)
          .isPositive();
    }
    assertThat(meters.get("c360.ml.model.auc").gauge().value()).isEqualTo(metrics.validationAuc());
  }

  @Test
  @Order(2)
  void retrainingOnTheSameDataDoesNotPromote() {
    TrainingReport again = training.run();

    assertThat(again.decision().promote()).isFalse();
    assertThat(again.decision().reason()).contains("<= promoted AUC");
    assertThat(again.metrics().promotedModelAuc()).isEqualTo(again.metrics().validationAuc());
    assertThat(registry.promoted().orElseThrow().version()).isEqualTo(firstVersion);
    assertThat(registry.versions()).contains(firstVersion, again.version());
    assertThat(serving.require().version()).isEqualTo(firstVersion);
  }

  @Test
  @Order(3)
  void hotReloadsAVersionPromotedByAnotherInstance() {
    String version = ModelRegistry.newVersion(Instant.now(), "elsewhere");
    GbtModel other = trainSmallModel();
    registry.save(
        version,
        other.toJson(),
        other.schema(),
        new ModelMetrics(0.7, null, null, null),
        new TrainingRange("trained", "test", null, null, null, null, 0, 0, 5, Instant.now()));

    registry.promote(new PromotedPointer(version, 0.7, Instant.now(), firstVersion));

    await().atMost(Duration.ofSeconds(15)).until(() -> serving.require().version().equals(version));
    assertThat(online.score("C0000001").orElseThrow().modelVersion()).isEqualTo(version);
  }

  @Test
  @Order(4)
  void aCorruptPromotedModelLeavesThePreviousOneServing() {
    String serving0 = serving.require().version();
    double failures0 = meters.get("c360.ml.model.load.failures").counter().count();
    String corrupt = ModelRegistry.newVersion(Instant.now(), "corrupt");
    byte[] features = "{\"features\":[{\"name\":\"tenure_days\",\"type\":\"int\"}]}".getBytes();
    registry.putArtifact(corrupt, "features.json", features);
    registry.putArtifact(corrupt, "metrics.json", "{\"validationAuc\":0.99}".getBytes());
    registry.putArtifact(
        corrupt, "xgboost-model", "{\"learner\": truncated".getBytes(StandardCharsets.UTF_8));

    registry.promote(new PromotedPointer(corrupt, 0.99, Instant.now(), serving0));

    await()
        .atMost(Duration.ofSeconds(15))
        .until(() -> meters.get("c360.ml.model.load.failures").counter().count() > failures0);
    assertThat(serving.require().version()).isEqualTo(serving0);
    ChurnScore score = online.score("C0000042").orElseThrow();
    assertThat(score.modelVersion()).isEqualTo(serving0);
    assertThat(score.score()).isBetween(0.0, 1.0);

    // pointing back to a good version recovers
    registry.promote(new PromotedPointer(firstVersion, 0.8, Instant.now(), corrupt));
    await()
        .atMost(Duration.ofSeconds(15))
        .until(() -> serving.require().version().equals(firstVersion));
  }

  @Test
  @Order(5)
  void batchScoringWritesOneRowPerCustomerToTheWarehouseAndGold(@TempDir Path tmp)
      throws Exception {
    LocalDate newest = START.plusDays(DAYS - 1L);

    BatchResult result = batch.run(null);
    BatchResult rerun = batch.run(null);

    assertThat(result.featureSnapshotDate()).isEqualTo(newest);
    assertThat(result.customers()).isEqualTo(CUSTOMERS);
    assertThat(rerun.customers()).isEqualTo(CUSTOMERS);
    assertThat(
            jdbc.queryForObject(
                "SELECT COUNT(*) FROM lifecycle.churn_scores WHERE feature_snapshot_date = ?",
                Long.class,
                java.sql.Date.valueOf(newest)))
        .isEqualTo(CUSTOMERS);
    assertThat(
            jdbc.queryForObject(
                "SELECT COUNT(DISTINCT customer_id) FROM lifecycle.churn_scores", Long.class))
        .isEqualTo(CUSTOMERS);
    assertThat(
            jdbc.queryForObject(
                "SELECT COUNT(*) FROM lifecycle.churn_scores WHERE model_version <> ?"
                    + " OR score < 0 OR score > 1 OR risk_band NOT IN ('low','medium','high')",
                Long.class,
                firstVersion))
        .isZero();
    String key = "gold/churn_scores_lifecycle/snapshot_date=" + newest + "/part-0.parquet";
    assertThat(result.goldKey()).isEqualTo(key);
    Path parquet = tmp.resolve("part-0.parquet");
    s3.getObject(b -> b.bucket(BUCKET).key(key), parquet);
    try (Connection duck = DriverManager.getConnection("jdbc:duckdb:");
        Statement st = duck.createStatement();
        ResultSet rs =
            st.executeQuery(
                "SELECT COUNT(*), COUNT(DISTINCT customer_id), MIN(feature_snapshot_date)"
                    + " FROM read_parquet('"
                    + parquet
                    + "')")) {
      rs.next();
      assertThat(rs.getLong(1)).isEqualTo(CUSTOMERS);
      assertThat(rs.getLong(2)).isEqualTo(CUSTOMERS);
      assertThat(rs.getObject(3, LocalDate.class)).isEqualTo(newest);
    }
    assertThat(Files.size(parquet)).isPositive();
    assertThat(batch.runIfStale()).isEmpty(); // the newest snapshot is scored by this model
  }

  private static GbtModel trainSmallModel() {
    FeatureFrame frame = SyntheticChurn.frame(rows.subList(0, 8_000)).labelledOnly();
    return GbtTrainer.train(frame, new GbtParameters(20, 2, 0.3, 1, 1, 1, 1, 1, 7));
  }

  private static boolean[] booleans(List<SyntheticChurn.Row> rows) {
    boolean[] out = new boolean[rows.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = rows.get(i).churnLabel();
    }
    return out;
  }
}
