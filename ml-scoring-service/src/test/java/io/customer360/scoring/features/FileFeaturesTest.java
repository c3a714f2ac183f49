package io.customer360.scoring.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileFeaturesTest {

  private static final String CSV =
      """
      customer_id,snapshot_date,recency_days,spend,vip,segment,churn_date,churned,true_probability
      C1,2026-01-01,3,10.5,true,gold,,0,0.1
      C2,2026-01-01,,20.0,false,silver,2026-01-05,1,0.7
      C3,2026-01-02,40,0.0,true,gold,,,0.2
      """;

  @TempDir Path dir;

  @Test
  void featuresAreTheNumericAndBooleanColumnsNotReserved() throws Exception {
    Path file = Files.writeString(dir.resolve("features.csv"), CSV);
    TableLayout layout =
        new TableLayout("customer_id", "snapshot_date", "churned", List.of("true_probability"));

    FeatureFrame frame = FileFeatures.read(file, layout, null);

    assertThat(frame.schema().names()).containsExactly("recency_days", "spend", "vip");
    assertThat(frame.schema().typeCodes()).containsExactly("int", "float", "i");
    assertThat(frame.rows()).isEqualTo(3);
    assertThat(frame.ids()).containsExactly("C1", "C2", "C3");
    assertThat(frame.dates().get(2)).isEqualTo(LocalDate.of(2026, 1, 2));
    assertThat(frame.row(0)).containsExactly(3f, 10.5f, 1f);
    assertThat(frame.value(1, 0)).isNaN(); // SQL NULL is missing
    assertThat(frame.labels()[1]).isEqualTo(1f);
    assertThat(frame.labelled(2)).isFalse();
  }

  @Test
  void theLabelIsNeverAFeature() throws Exception {
    Path file = Files.writeString(dir.resolve("features.csv"), CSV);

    FeatureFrame frame =
        FileFeatures.read(file, new TableLayout(null, null, "churned", List.of()), null);

    assertThat(frame.schema().names()).doesNotContain("churned").contains("true_probability");
  }

  @Test
  void readsParquetAndFiltersRows() throws Exception {
    Path csv = Files.writeString(dir.resolve("features.csv"), CSV);
    Path parquet = dir.resolve("features.parquet");
    try (Connection duck = DriverManager.getConnection("jdbc:duckdb:");
        Statement st = duck.createStatement()) {
      st.execute(
          "COPY (SELECT * FROM read_csv('" + csv + "', header = true)) TO '" + parquet + "'");
    }

    FeatureFrame frame =
        FileFeatures.read(parquet, new TableLayout("customer_id", null, "churned", null), "vip");

    assertThat(frame.ids()).containsExactly("C1", "C3");
  }

  @Test
  void projectsToAModelsFeatureOrder() throws Exception {
    Path file = Files.writeString(dir.resolve("features.csv"), CSV);
    FeatureFrame frame =
        FileFeatures.read(file, new TableLayout("customer_id", null, "churned", null), null);
    FeatureSchema model =
        new FeatureSchema(
            List.of(
                new FeatureColumn("spend", FeatureType.FLOAT),
                new FeatureColumn("recency_days", FeatureType.INT)));

    assertThat(frame.project(model).row(0)).containsExactly(10.5f, 3f);
    FeatureSchema missing =
        new FeatureSchema(List.of(new FeatureColumn("orders", FeatureType.INT)));
    assertThatThrownBy(() -> frame.project(missing))
        .isInstanceOf(FeatureDataException.class)
        .hasMessageContaining("'orders'");
  }

  @Test
  void refusesOtherFileTypes() throws Exception {
    Path file = Files.writeString(dir.resolve("features.xlsx"), "x");
    assertThatThrownBy(() -> FileFeatures.read(file, new TableLayout(null, null, "y", null), null))
        .hasMessageContaining(".csv, .csv.gz or .parquet");
  }
}
