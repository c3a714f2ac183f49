package io.customer360.scoring.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class PromotionPolicyTest {

  private final PromotionPolicy strict = new PromotionPolicy(0.0);
  private final PromotionPolicy margin = new PromotionPolicy(0.01);

  @Test
  void promotesTheFirstModel() {
    PromotionDecision d = strict.decide(0.61, OptionalDouble.empty());
    assertThat(d.promote()).isTrue();
    assertThat(d.reason()).contains("no comparable promoted model");
  }

  @Test
  void promotesACandidateThatBeatsThePromotedModel() {
    assertThat(strict.decide(0.801, OptionalDouble.of(0.800)).promote()).isTrue();
  }

  @Test
  void keepsThePromotedModelOnATie() {
    PromotionDecision d = strict.decide(0.80, OptionalDouble.of(0.80));
    assertThat(d.promote()).isFalse();
    assertThat(d.reason()).contains("0.8000 <= promoted AUC 0.8000");
  }

  @Test
  void keepsThePromotedModelWhenTheCandidateIsWorse() {
    assertThat(strict.decide(0.79, OptionalDouble.of(0.80)).promote()).isFalse();
  }

  @Test
  void requiresTheMarginToBeExceeded() {
    assertThat(margin.decide(0.809, OptionalDouble.of(0.80)).promote()).isFalse();
    assertThat(margin.decide(0.8101, OptionalDouble.of(0.80)).promote()).isTrue();
  }

  @Test
  void neverPromotesAnUndefinedAuc() {
    assertThat(strict.decide(Double.NaN, OptionalDouble.empty()).promote()).isFalse();
  }

  @Test
  void promotesOverAPromotedModelThatCouldNotBeScored() {
    assertThat(strict.decide(0.7, OptionalDouble.of(Double.NaN)).promote()).isTrue();
  }

  @Test
  void rejectsANegativeMargin() {
    assertThatThrownBy(() -> new PromotionPolicy(-0.1))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
