package io.customer360.scoring.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.customer360.scoring.SyntheticChurn;
import io.customer360.scoring.features.FeatureFrame;
import io.customer360.scoring.model.GbtModel;
import io.customer360.scoring.model.LoadedModel;
import io.customer360.scoring.training.GbtParameters;
import io.customer360.scoring.training.GbtTrainer;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChurnScorerTest {

  private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");

  private final FeatureFrame frame =
      SyntheticChurn.frame(SyntheticChurn.generate(100, 8, 0, LocalDate.of(2026, 2, 1), 21));
  private final GbtModel gbt =
      GbtTrainer.train(frame, new GbtParameters(40, 3, 0.3, 1, 1, 1, 1, 1, 42));
  private final LoadedModel model = new LoadedModel("v1", gbt, 0.8, NOW);

  @Test
  void scoresEveryRowWithBandAndTopFeaturesByAbsoluteContribution() {
    List<Double> recorded = new ArrayList<>();
    ChurnScorer scorer =
        new ChurnScorer(0.3, 0.1, 3, Clock.fixed(NOW, ZoneOffset.UTC), recorded::add);

    List<ChurnScore> scores = scorer.score(model, frame);

    assertThat(scores).hasSize(frame.rows());
    assertThat(recorded).hasSize(frame.rows());
    float[] expected = gbt.predict(frame.values(), frame.rows());
    for (int i = 0; i < scores.size(); i++) {
      ChurnScore s = scores.get(i);
      assertThat(s.score()).isEqualTo(expected[i]);
      assertThat(s.customerId()).isEqualTo(frame.ids().get(i));
      assertThat(s.featureSnapshotDate()).isEqualTo(frame.dates().get(i));
      assertThat(s.modelVersion()).isEqualTo("v1");
      assertThat(s.scoredAt()).isEqualTo(NOW);
      assertThat(s.riskBand()).isEqualTo(RiskBand.of(s.score(), 0.3, 0.1));
      assertThat(s.topFeatures()).hasSize(3);
      List<Double> magnitudes =
          s.topFeatures().stream().map(c -> Math.abs(c.contribution())).toList();
      assertThat(magnitudes).isSortedAccordingTo((a, b) -> Double.compare(b, a));
    }
  }

  @Test
  void riskBandsFollowTheThresholds() {
    assertThat(RiskBand.of(0.30, 0.3, 0.1)).isEqualTo(RiskBand.HIGH);
    assertThat(RiskBand.of(0.2999, 0.3, 0.1)).isEqualTo(RiskBand.MEDIUM);
    assertThat(RiskBand.of(0.1, 0.3, 0.1)).isEqualTo(RiskBand.MEDIUM);
    assertThat(RiskBand.of(0.0999, 0.3, 0.1)).isEqualTo(RiskBand.LOW);
    assertThat(RiskBand.ofCode(" High ")).isEqualTo(RiskBand.HIGH);
  }

  @Test
  void refusesRowsReadWithAnotherFeatureList() {
    ChurnScorer scorer = new ChurnScorer(0.3, 0.1, 3, Clock.systemUTC(), s -> {});
    FeatureFrame other =
        frame.project(
            new io.customer360.scoring.features.FeatureSchema(
                SyntheticChurn.SCHEMA.features().subList(0, 3)));

    assertThatThrownBy(() -> scorer.score(model, other))
        .hasMessageContaining("model's feature list");
  }
}
