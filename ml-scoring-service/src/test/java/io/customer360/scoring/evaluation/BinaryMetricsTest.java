package io.customer360.scoring.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class BinaryMetricsTest {

  // The textbook example: scores 0.1, 0.4, 0.35, 0.8 for labels 0, 0, 1, 1.
  private static final double[] SCORES = {0.1, 0.4, 0.35, 0.8};
  private static final boolean[] LABELS = {false, false, true, true};

  @Test
  void rocAucCountsCorrectlyOrderedPairs() {
    // pairs (pos, neg): (0.35,0.1) ok, (0.35,0.4) wrong, (0.8,0.1) ok, (0.8,0.4) ok → 3/4
    assertThat(BinaryMetrics.rocAuc(SCORES, LABELS)).isEqualTo(0.75);
  }

  @Test
  void rocAucCountsTiesAsHalf() {
    double[] scores = {0.5, 0.5, 0.2, 0.9};
    boolean[] labels = {true, false, false, true};
    // pairs: (0.5,0.5) ½, (0.5,0.2) 1, (0.9,0.5) 1, (0.9,0.2) 1 → 3.5/4
    assertThat(BinaryMetrics.rocAuc(scores, labels)).isEqualTo(0.875);
  }

  @Test
  void rocAucIsUndefinedForOneClass() {
    assertThat(BinaryMetrics.rocAuc(new double[] {0.1, 0.2}, new boolean[] {true, true})).isNaN();
  }

  @Test
  void prAucIsAveragePrecision() {
    // descending: 0.8 (pos) P=1 R=.5; 0.4 (neg); 0.35 (pos) P=2/3 R=1 → .5·1 + .5·2/3
    assertThat(BinaryMetrics.prAuc(SCORES, LABELS)).isCloseTo(0.5 + 1.0 / 3, within(1e-12));
  }

  @Test
  void prAucTreatsTiedScoresAsOneThreshold() {
    double[] scores = {0.9, 0.5, 0.5, 0.1};
    boolean[] labels = {true, true, false, false};
    // 0.9: P=1, ΔR=.5; {0.5,0.5}: tp=2 of 3 seen, ΔR=.5 → .5 + .5·2/3
    assertThat(BinaryMetrics.prAuc(scores, labels)).isCloseTo(0.5 + 1.0 / 3, within(1e-12));
  }

  @Test
  void logLossIsMeanNegativeLogLikelihood() {
    double expected = -(Math.log(0.9) + Math.log(0.6) + Math.log(0.35) + Math.log(0.8)) / 4;
    assertThat(BinaryMetrics.logLoss(SCORES, LABELS)).isCloseTo(expected, within(1e-12));
    assertThat(expected).isCloseTo(0.47228795, within(1e-8));
  }

  @Test
  void logLossClipsCertainMistakes() {
    double loss = BinaryMetrics.logLoss(new double[] {0.0}, new boolean[] {true});
    assertThat(loss).isCloseTo(-Math.log(1e-15), within(1e-9));
  }

  @Test
  void brierIsMeanSquaredError() {
    // (0.1² + 0.4² + 0.65² + 0.2²) / 4
    assertThat(BinaryMetrics.brier(SCORES, LABELS)).isCloseTo(0.158125, within(1e-12));
  }

  @Test
  void liftAtTopDecileComparesTopRateWithBaseRate() {
    double[] scores = {0.95, 0.9, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3, 0.2, 0.1};
    boolean[] labels = {true, false, false, false, false, false, false, false, false, true};
    // top 10% = 1 row, positive → rate 1; base rate 2/10 → lift 5
    assertThat(BinaryMetrics.liftAtTopDecile(scores, labels)).isEqualTo(5.0);
    boolean[] worst = {false, false, false, false, false, false, false, false, true, true};
    assertThat(BinaryMetrics.liftAtTopDecile(scores, worst)).isZero();
  }

  @Test
  void liftRoundsTheDecileUp() {
    double[] scores = {0.9, 0.8, 0.1};
    boolean[] labels = {true, false, false};
    // ceil(0.3) = 1 row; rate 1 / base 1/3 → 3
    assertThat(BinaryMetrics.liftAtTopDecile(scores, labels)).isEqualTo(3.0);
  }

  @Test
  void reliabilityBinsMeanPredictionAgainstObservedRate() {
    double[] scores = {0.05, 0.08, 0.15, 0.92, 0.98, 1.0};
    boolean[] labels = {false, true, false, true, true, false};
    List<ReliabilityBin> bins = BinaryMetrics.reliability(scores, labels, 10);

    assertThat(bins).hasSize(3);
    assertThat(bins.get(0).count()).isEqualTo(2);
    assertThat(bins.get(0).meanPredicted()).isCloseTo(0.065, within(1e-12));
    assertThat(bins.get(0).observedRate()).isEqualTo(0.5);
    assertThat(bins.get(1).from()).isEqualTo(0.1);
    assertThat(bins.get(2).count()).isEqualTo(3); // 1.0 falls in the last bin
    assertThat(bins.get(2).observedRate()).isCloseTo(2.0 / 3, within(1e-12));
    // ECE = (2·|.065−.5| + 1·|.15−0| + 3·|.9666…−.6666…|) / 6
    double ece = (2 * 0.435 + 0.15 + 3 * (2.9 / 3 - 2.0 / 3)) / 6;
    assertThat(BinaryMetrics.expectedCalibrationError(bins)).isCloseTo(ece, within(1e-12));
  }

  @Test
  void evaluationBundlesEveryMetric() {
    Evaluation e = Evaluation.of(SCORES, LABELS);
    assertThat(e.rows()).isEqualTo(4);
    assertThat(e.positives()).isEqualTo(2);
    assertThat(e.rocAuc()).isEqualTo(0.75);
    assertThat(e.brier()).isCloseTo(0.158125, within(1e-12));
  }

  @Test
  void rejectsArraysOfDifferentLength() {
    assertThatThrownBy(() -> BinaryMetrics.rocAuc(new double[] {0.1}, new boolean[] {true, false}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("differ in length");
  }
}
