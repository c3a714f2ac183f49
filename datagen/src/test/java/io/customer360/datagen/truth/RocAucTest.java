package io.customer360.datagen.truth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class RocAucTest {

  @Test
  void perfectRankingScoresOne() {
    assertThat(
            RocAuc.of(new double[] {0.1, 0.2, 0.8, 0.9}, new boolean[] {false, false, true, true}))
        .isEqualTo(1.0);
  }

  @Test
  void reversedRankingScoresZero() {
    assertThat(
            RocAuc.of(new double[] {0.9, 0.8, 0.2, 0.1}, new boolean[] {false, false, true, true}))
        .isEqualTo(0.0);
  }

  @Test
  void tiesCountHalf() {
    assertThat(
            RocAuc.of(new double[] {0.5, 0.5, 0.5, 0.5}, new boolean[] {false, true, false, true}))
        .isEqualTo(0.5);
  }

  @Test
  void mixedRankingMatchesPairCount() {
    // pairs (pos, neg): (0.4 vs 0.1) win, (0.4 vs 0.6) loss, (0.7 vs 0.1) win, (0.7 vs 0.6) win
    double auc =
        RocAuc.of(new double[] {0.1, 0.4, 0.6, 0.7}, new boolean[] {false, true, false, true});
    assertThat(auc).isCloseTo(0.75, within(1e-12));
  }

  @Test
  void undefinedWithoutPositives() {
    assertThat(RocAuc.of(new double[] {0.1, 0.2}, new boolean[] {false, false})).isNaN();
  }
}
