package io.customer360.scoring.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.customer360.scoring.SyntheticChurn;
import io.customer360.scoring.features.FeatureColumn;
import io.customer360.scoring.features.FeatureFrame;
import io.customer360.scoring.features.FeatureSchema;
import io.customer360.scoring.features.FeatureType;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LeakageGuardTest {

  private final FeatureFrame honest =
      SyntheticChurn.frame(SyntheticChurn.generate(300, 20, 0, LocalDate.of(2026, 1, 1), 3))
          .labelledOnly();

  @Test
  void acceptsFeaturesKnownAtTheSnapshot() {
    assertThatCode(() -> LeakageGuard.check(honest, 0.98)).doesNotThrowAnyException();
  }

  @Test
  void refusesAFeatureDerivedFromTheOutcome() {
    // "days until churn": small for churners, absent (far away) for the others
    FeatureFrame leaked = withExtraColumn("days_to_churn_date", 4242, true);

    assertThatThrownBy(() -> LeakageGuard.check(leaked, 0.98))
        .isInstanceOf(TrainingException.class)
        .hasMessageContaining("'days_to_churn_date'")
        .hasMessageContaining("derived from the outcome");
  }

  @Test
  void refusesAFeatureThatIsTheInvertedLabel() {
    FeatureFrame leaked = withExtraColumn("still_active", 7, false);

    assertThatThrownBy(() -> LeakageGuard.check(leaked, 0.98))
        .hasMessageContaining("'still_active'");
  }

  private FeatureFrame withExtraColumn(String name, long seed, boolean increasing) {
    List<FeatureColumn> columns = new ArrayList<>(honest.schema().features());
    columns.add(new FeatureColumn(name, FeatureType.FLOAT));
    int w = columns.size();
    float[] values = new float[honest.rows() * w];
    Random random = new Random(seed);
    for (int i = 0; i < honest.rows(); i++) {
      System.arraycopy(honest.row(i), 0, values, i * w, w - 1);
      boolean churned = honest.labels()[i] == 1f;
      float outcome = increasing ? (churned ? random.nextInt(10) : 100 + random.nextInt(10)) : 0;
      values[i * w + w - 1] = increasing ? outcome : (churned ? 0 : 1);
    }
    FeatureFrame frame =
        new FeatureFrame(
            new FeatureSchema(columns), honest.ids(), honest.dates(), values, honest.labels());
    assertThat(frame.width()).isEqualTo(honest.width() + 1);
    return frame;
  }
}
