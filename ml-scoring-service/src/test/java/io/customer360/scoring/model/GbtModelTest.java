package io.customer360.scoring.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.customer360.scoring.SyntheticChurn;
import io.customer360.scoring.features.FeatureColumn;
import io.customer360.scoring.features.FeatureFrame;
import io.customer360.scoring.features.FeatureSchema;
import io.customer360.scoring.features.FeatureType;
import io.customer360.scoring.training.GbtParameters;
import io.customer360.scoring.training.GbtTrainer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class GbtModelTest {

  private static FeatureFrame frame;
  private static GbtModel model;

  @BeforeAll
  static void train() {
    frame =
        SyntheticChurn.frame(SyntheticChurn.generate(200, 10, 0, LocalDate.of(2026, 1, 1), 9))
            .labelledOnly();
    GbtParameters small = new GbtParameters(30, 3, 0.2, 1, 1, 1, 1, 1, 42);
    model = GbtTrainer.train(frame, small);
  }

  @Test
  void jsonRoundTripPredictsTheSame() {
    GbtModel reloaded = GbtModel.load(model.toJson(), SyntheticChurn.SCHEMA);

    float[] before = model.predict(frame.values(), frame.rows());
    float[] after = reloaded.predict(frame.values(), frame.rows());
    assertThat(after).containsExactly(before);
    assertThat(new String(model.toJson(), StandardCharsets.UTF_8))
        .contains("\"feature_names\":[\"tenure_days\",\"recency_days\"");
  }

  @Test
  void contributionsAddUpToTheLogOdds() {
    GbtModel.Prediction p = model.predictWithContributions(frame.row(0), 1);

    float[] contributions = p.contributions()[0];
    assertThat(contributions).hasSize(SyntheticChurn.SCHEMA.size() + 1); // + bias
    double margin = 0;
    for (float c : contributions) {
      margin += c;
    }
    double probability = 1 / (1 + Math.exp(-margin));
    assertThat(probability).isCloseTo(p.probabilities()[0], within(1e-5));
  }

  @Test
  void refusesAFeatureListOfAnotherLength() {
    List<FeatureColumn> shorter = new ArrayList<>(SyntheticChurn.SCHEMA.features());
    shorter.remove(shorter.size() - 1);

    assertThatThrownBy(() -> GbtModel.load(model.toJson(), new FeatureSchema(shorter)))
        .isInstanceOf(FeatureListMismatchException.class)
        .hasMessageContaining("expects 7 features but the feature list has 6");
  }

  @Test
  void refusesFeatureNamesThatDifferFromTheModel() {
    List<FeatureColumn> renamed = new ArrayList<>(SyntheticChurn.SCHEMA.features());
    renamed.set(0, new FeatureColumn("age_days", FeatureType.INT));

    assertThatThrownBy(() -> GbtModel.load(model.toJson(), new FeatureSchema(renamed)))
        .isInstanceOf(ModelException.class)
        .hasMessageContaining("feature names");
  }

  @Test
  void refusesBytesThatAreNoModel() {
    byte[] garbage = "{\"learner\": 42, not a model".getBytes(StandardCharsets.UTF_8);

    assertThatThrownBy(() -> GbtModel.load(garbage, SyntheticChurn.SCHEMA))
        .isInstanceOf(ModelException.class)
        .hasMessageStartingWith("Not a loadable XGBoost model");
  }

  @Test
  void loadsTheLegacyBinaryFormatOfSageMaker() throws Exception {
    byte[] legacy = model.booster().toByteArray("deprecated");

    GbtModel reloaded = GbtModel.load(legacy, SyntheticChurn.SCHEMA);

    assertThat(reloaded.predict(frame.row(3), 1)[0])
        .isCloseTo(model.predict(frame.row(3), 1)[0], within(1e-6f));
  }
}
