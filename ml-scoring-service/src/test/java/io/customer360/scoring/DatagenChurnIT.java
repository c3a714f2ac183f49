package io.customer360.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import io.customer360.datagen.Datagen;
import io.customer360.datagen.DatagenConfig;
import io.customer360.datagen.sink.FolderSink;
import io.customer360.scoring.features.FeatureFrame;
import io.customer360.scoring.features.FileFeatures;
import io.customer360.scoring.features.TableLayout;
import io.customer360.scoring.training.CrossValidation;
import io.customer360.scoring.training.CrossValidationReport;
import io.customer360.scoring.training.GbtParameters;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Acceptance on datagen data: generic mode trained on datagen's {@code churn_labels.csv} (the
 * snapshot features, label {@code churned}) reaches at least 90% of {@code best_auc}, the AUC of
 * the generator's true probabilities. The outcome columns datagen writes next to the label ({@code
 * true_probability}, {@code churn_date}) are kept out of the features, and only customers active at
 * the snapshot count, as for {@code best_auc}.
 */
class DatagenChurnIT {

  @TempDir Path dir;

  @Test
  void crossValidatedAucIsWithinTenPercentOfTheTrueProbabilityAuc() throws Exception {
    try (FolderSink sink = new FolderSink(dir)) {
      Datagen.run(DatagenConfig.of(60, 10_000), sink);
    }
    Path truth = dir.resolve(FolderSink.TRUTH_FOLDER);
    JsonNode summary = JsonMapper.builder().build().readTree(truth.resolve("summary.json"));
    double bestAuc = summary.get("churn").get("best_auc").asDouble();

    FeatureFrame frame =
        FileFeatures.read(
            truth.resolve("churn_labels.csv"),
            new TableLayout(
                "customer_id",
                "snapshot_date",
                "churned",
                List.of("true_probability", "horizon_days")),
            "active_at_snapshot");
    GbtParameters gbt = GbtParameters.defaults();
    CrossValidationReport report = CrossValidation.run(frame, 5, gbt, 1.0, gbt.seed());

    System.out.printf(
        Locale.ROOT,
        "datagen churn: rows=%d churners=%d cv_auc=%.4f (±%.4f) baseline_auc=%.4f best_auc=%.4f"
            + " ratio=%.3f%n",
        report.rows(),
        report.positives(),
        report.meanAuc(),
        report.stdAuc(),
        report.baselineMeanAuc(),
        bestAuc,
        report.meanAuc() / bestAuc);
    assertThat(report.features())
        .doesNotContain("churned", "true_probability", "churn_date", "customer_id")
        .contains("recency_days", "frequency", "satisfaction");
    assertThat(report.positives()).isGreaterThan(200);
    assertThat(report.meanAuc()).isGreaterThanOrEqualTo(0.9 * bestAuc);
    assertThat(Files.size(truth.resolve("churn_labels.csv"))).isPositive();
  }
}
