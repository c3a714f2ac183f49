package io.customer360.scoring.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.customer360.scoring.SyntheticChurn;
import io.customer360.scoring.features.FeatureFrame;
import java.time.LocalDate;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class TimeSplitTest {

  private static final LocalDate START = LocalDate.of(2026, 1, 1);

  private final FeatureFrame labelled =
      SyntheticChurn.frame(SyntheticChurn.generate(20, 30, 0, START, 1)).labelledOnly();

  @Test
  void validatesOnTheLastDaysAndTrainsOnlyBeforeTheEmbargo() {
    TimeSplit split = TimeSplit.of(labelled, 7, 5);

    LocalDate last = START.plusDays(29);
    assertThat(split.validationEnd()).isEqualTo(last);
    assertThat(split.validationStart()).isEqualTo(last.minusDays(6));
    assertThat(split.trainEnd()).isEqualTo(split.validationStart().minusDays(5));
    assertThat(dates(split.validationRows()))
        .allMatch(d -> !d.isBefore(split.validationStart()) && !d.isAfter(last));
    assertThat(dates(split.trainRows()))
        .isNotEmpty()
        .allMatch(d -> !d.isAfter(split.trainEnd()))
        .allMatch(d -> d.isBefore(split.validationStart()));
    // no training label window (snapshot, snapshot + horizon] reaches into the validation window
    assertThat(dates(split.trainRows()))
        .allMatch(d -> !d.plusDays(5).isAfter(split.validationStart()));
  }

  @Test
  void dropsTheEmbargoDaysFromBothSides() {
    TimeSplit split = TimeSplit.of(labelled, 7, 5);

    // 30 days 0..29: validation 23..29; the last training snapshot is 23 − 5 = 18, whose label
    // window (18, 23] ends where validation begins; days 19..22 are in neither side
    assertThat(split.validationRows()).hasSize(7 * 20);
    assertThat(split.trainRows()).hasSize(19 * 20);
    assertThat(dates(split.trainRows()).distinct()).hasSize(19);
  }

  @Test
  void noRowIsOnBothSides() {
    TimeSplit split = TimeSplit.of(labelled, 10, 0);

    assertThat(Arrays.stream(split.trainRows()).boxed())
        .doesNotContainAnyElementsOf(Arrays.stream(split.validationRows()).boxed().toList());
    assertThat(split.trainRows().length + split.validationRows().length).isEqualTo(labelled.rows());
  }

  @Test
  void refusesWhenTheHorizonLeavesNothingToTrainOn() {
    assertThatThrownBy(() -> TimeSplit.of(labelled, 7, 30))
        .isInstanceOf(TrainingException.class)
        .hasMessageContaining("No training snapshots");
  }

  private java.util.stream.Stream<LocalDate> dates(int[] rows) {
    return Arrays.stream(rows).mapToObj(i -> labelled.dates().get(i));
  }
}
