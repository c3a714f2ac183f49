package io.customer360.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class DemoProgressTest {

  private static final Map<String, Long> WAREHOUSE_FULL =
      Map.of("order lines", 3L, "sales aggregates", 2L, "churn scores", 5L);

  @Test
  void theCycleWaitsForEveryWarehouseTable() {
    DemoProgress.Snapshot partial =
        new DemoProgress.Snapshot(
            Map.of("quarantine objects", 1L), Map.of("order lines", 3L, "churn scores", 5L));

    assertThat(partial.cycleComplete(false)).isFalse();
  }

  @Test
  void withFaultsInjectedTheCycleWaitsForQuarantineToo() {
    DemoProgress.Snapshot noQuarantine =
        new DemoProgress.Snapshot(Map.of("quarantine objects", 0L), WAREHOUSE_FULL);
    DemoProgress.Snapshot quarantined =
        new DemoProgress.Snapshot(Map.of("quarantine objects", 2L), WAREHOUSE_FULL);

    assertThat(noQuarantine.cycleComplete(true)).isFalse();
    assertThat(noQuarantine.cycleComplete(false)).isTrue();
    assertThat(quarantined.cycleComplete(true)).isTrue();
  }

  @Test
  void theSummaryLineNamesEveryStage() {
    DemoProgress.Snapshot snapshot =
        new DemoProgress.Snapshot(Map.of("quarantine objects", 2L), WAREHOUSE_FULL);

    assertThat(snapshot.summaryLine())
        .startsWith("C360 DEMO SUMMARY")
        .contains(" quarantine=2")
        .contains(" order_lines=3")
        .contains(" sales_aggregates=2")
        .contains(" churn_scores=5");
  }
}
