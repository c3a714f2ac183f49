package io.customer360.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class DemoMetricsTest {

  private static final String EXPOSITION =
      """
      # HELP c360_loader_rows_total Gold rows loaded into the warehouse
      # TYPE c360_loader_rows_total counter
      c360_loader_rows_total{model="order_lines"} 1200.0
      # HELP c360_loader_freshness_seconds_count
      # TYPE c360_loader_freshness_seconds summary
      c360_ml_model_auc{model="churn"} NaN
      """;

  @Test
  void namesWithASampleLineArePresent() {
    assertThat(
            DemoMetrics.absent(EXPOSITION, List.of("c360_loader_rows_total", "c360_ml_model_auc")))
        .isEmpty();
  }

  @Test
  void aNameOnlyInCommentsOrAsAPrefixIsAbsent() {
    assertThat(
            DemoMetrics.absent(
                EXPOSITION, List.of("c360_loader_freshness_seconds_count", "c360_loader_rows")))
        .containsExactly("c360_loader_freshness_seconds_count", "c360_loader_rows");
  }

  @Test
  void everyServiceOfTheDemoHasExpectations() {
    assertThat(DemoMetrics.EXPECTED.keySet())
        .containsExactlyInAnyOrderElementsOf(DemoServices.fixedPorts().keySet());
  }
}
