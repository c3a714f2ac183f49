package io.customer360.scoring.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.customer360.scoring.SyntheticChurn;
import io.customer360.scoring.features.FeatureSchema;
import io.customer360.scoring.model.GbtModel;
import io.customer360.scoring.registry.ModelRegistry;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

class ChurnCliTest {

  @TempDir Path dir;

  @Test
  void trainWritesAnImportableModelFromAFeatureFile() throws Exception {
    Path csv = writeCsv(SyntheticChurn.generate(300, 20, 2, LocalDate.of(2026, 1, 1), 5));
    Path out = dir.resolve("model");
    ByteArrayOutputStream printed = new ByteArrayOutputStream();

    ChurnCli.train(
        ChurnCli.options(
            new String[] {
              "--file=" + csv,
              "--label=churn_label",
              "--id=customer_id",
              "--date=snapshot_date",
              "--exclude=true_probability",
              "--validation-days=4",
              "--horizon-days=2",
              "--rounds=40",
              "--out=" + out
            }),
        new PrintStream(printed, true, StandardCharsets.UTF_8));

    // labelled days 0..17: validation 14..17, training up to 14 − 2 = day 12 (13 days)
    assertThat(printed.toString(StandardCharsets.UTF_8))
        .contains("train rows=" + 300 * 13)
        .contains("validation rows=" + 300 * 4);
    Map<String, Object> features =
        JsonMapper.builder()
            .build()
            .readValue(Files.readAllBytes(out.resolve("features.json")), new TypeReference<>() {});
    FeatureSchema schema = FeatureSchema.fromDocument(features);
    assertThat(schema.names()).containsExactly(SyntheticChurn.SCHEMA.names());
    GbtModel model =
        GbtModel.load(Files.readAllBytes(out.resolve(ModelRegistry.MODEL_FILE)), schema);
    assertThat(model.predict(new float[schema.size()], 1)[0]).isBetween(0f, 1f);
    assertThat(out.resolve("metrics.json")).isNotEmptyFile();
  }

  @Test
  void crossValidatePrintsTheMeanAuc() throws Exception {
    Path csv = writeCsv(SyntheticChurn.generate(200, 10, 0, LocalDate.of(2026, 1, 1), 6));
    ByteArrayOutputStream printed = new ByteArrayOutputStream();

    ChurnCli.crossValidate(
        ChurnCli.options(
            new String[] {
              "--file=" + csv,
              "--label=churn_label",
              "--id=customer_id",
              "--date=snapshot_date",
              "--exclude=true_probability",
              "--folds=3",
              "--rounds=40"
            }),
        new PrintStream(printed, true, StandardCharsets.UTF_8));

    assertThat(printed.toString(StandardCharsets.UTF_8))
        .startsWith("cross-validation rows=2000 ")
        .contains("features=7 folds=3 auc=0.");
  }

  private Path writeCsv(List<SyntheticChurn.Row> rows) throws Exception {
    StringBuilder csv =
        new StringBuilder(
            "customer_id,snapshot_date,tenure_days,recency_days,orders_90d,spend_trend,"
                + "avg_satisfaction,has_open_ticket,noise,segment,true_probability,churn_label\n");
    for (SyntheticChurn.Row r : rows) {
      csv.append(
          String.format(
              Locale.ROOT,
              "%s,%s,%d,%s,%d,%.5f,%s,%b,%.5f,%s,%.6f,%s%n",
              r.customerId(),
              r.snapshotDate(),
              r.tenureDays(),
              r.recencyDays() == null ? "" : r.recencyDays(),
              r.orders90d(),
              r.spendTrend(),
              r.avgSatisfaction() == null
                  ? ""
                  : String.format(Locale.ROOT, "%.2f", r.avgSatisfaction()),
              r.hasOpenTicket(),
              r.noise(),
              r.segment(),
              r.trueProbability(),
              r.churnLabel() == null ? "" : r.churnLabel() ? "1" : "0"));
    }
    return Files.writeString(dir.resolve("features.csv"), csv);
  }
}
