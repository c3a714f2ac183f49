package io.customer360.datagen;

import static org.assertj.core.api.Assertions.assertThat;

import io.customer360.datagen.sink.FolderSink;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChurnBehaviourTest {

  @TempDir static Path out;
  static List<Map<String, String>> labels;
  static Map<String, LocalDate> churnDates = new TreeMap<>();

  @BeforeAll
  static void generate() {
    Datagen.run(DatagenConfig.of(45, 400), new FolderSink(out));
    labels = TestCsv.read(out.resolve("_truth/churn_labels.csv"));
    for (Map<String, String> row : labels) {
      if (!row.get("churn_date").isEmpty()) {
        churnDates.put(row.get("customer_id"), LocalDate.parse(row.get("churn_date")));
      }
    }
  }

  @Test
  void churnedCustomersStopBrowsingAndBuying() throws IOException {
    assertThat(churnDates).hasSizeGreaterThan(10);
    for (Map<String, Object> e : Outputs.validClickEvents(out)) {
      Object customer = e.get("customer_id");
      LocalDate churned = customer == null ? null : churnDates.get(customer.toString());
      if (churned != null) {
        LocalDate day = LocalDate.parse(e.get("occurred_at").toString().substring(0, 10));
        assertThat(day).as(e.toString()).isBeforeOrEqualTo(churned);
      }
    }
    for (Map<String, String> order : Outputs.finalOrders(out).values()) {
      LocalDate churned = churnDates.get(order.get("customer_id"));
      if (churned != null) {
        assertThat(LocalDate.parse(order.get("order_ts").substring(0, 10)))
            .isBeforeOrEqualTo(churned);
      }
    }
  }

  @Test
  void labelsAreHorizonChurnOfCustomersActiveAtTheSnapshot() {
    LocalDate snapshot = LocalDate.parse("2026-01-01").plusDays(45 - 15);
    for (Map<String, String> row : labels) {
      assertThat(row.get("snapshot_date")).isEqualTo(snapshot.toString());
      assertThat(row.get("horizon_days")).isEqualTo("15");
      LocalDate churned = churnDates.get(row.get("customer_id"));
      boolean active = churned == null || !churned.isBefore(snapshot);
      assertThat(row.get("active_at_snapshot")).isEqualTo(Boolean.toString(active));
      assertThat(row.get("churned")).isEqualTo(active && churned != null ? "1" : "0");
    }
  }

  @Test
  void trueProbabilitiesAreCalibrated() {
    List<Map<String, String>> active =
        labels.stream().filter(r -> r.get("active_at_snapshot").equals("true")).toList();
    double expected =
        active.stream().mapToDouble(r -> Double.parseDouble(r.get("true_probability"))).sum();
    long observed = active.stream().filter(r -> r.get("churned").equals("1")).count();
    // churners ~ Poisson-binomial(expected): stay within four standard deviations
    assertThat((double) observed)
        .isBetween(expected - 4 * Math.sqrt(expected), expected + 4 * Math.sqrt(expected));
  }
}
