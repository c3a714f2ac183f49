package io.customer360.datagen;

import static org.assertj.core.api.Assertions.assertThat;

import io.customer360.datagen.fault.FaultKind;
import io.customer360.datagen.fault.FaultRates;
import io.customer360.datagen.sink.FolderSink;
import io.customer360.datagen.truth.RocAuc;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GroundTruthConsistencyTest {

  @TempDir static Path out;
  static Map<String, Long> truth;

  @BeforeAll
  static void generate() {
    FaultRates faults =
        FaultRates.uniform(0.03)
            .with(FaultKind.OVERSIZED_RECORD, 0.002)
            .with(FaultKind.TRUNCATED_GZIP, 0.2)
            .with(FaultKind.BOM_CRLF, 0.3)
            .with(FaultKind.RESENT_FILE, 0.3);
    Datagen.run(DatagenConfig.of(14, 300).withFaults(faults), new FolderSink(out));
    truth = new TreeMap<>();
    for (Map<String, String> row : TestCsv.read(out.resolve("_truth/counts.csv"))) {
      truth.merge(
          row.get("dataset") + "/" + row.get("metric"),
          Long.parseLong(row.get("value")),
          Long::sum);
    }
  }

  @Test
  void ordersMatchTheirPurchaseEvents() throws IOException {
    Map<String, List<String>> fromEvents = new TreeMap<>();
    for (Map<String, Object> e : Outputs.validClickEvents(out)) {
      if ("purchase".equals(e.get("event_type"))) {
        fromEvents
            .computeIfAbsent((String) e.get("order_id"), k -> new ArrayList<>())
            .add(
                e.get("product_id")
                    + "x"
                    + e.get("quantity")
                    + "@"
                    + money(e.get("price").toString()));
      }
    }
    Map<String, List<String>> fromItems = new TreeMap<>();
    for (Map<String, String> item : Outputs.dmsRows(out, "order_items")) {
      fromItems
          .computeIfAbsent(item.get("order_id"), k -> new ArrayList<>())
          .add(
              item.get("product_id")
                  + "x"
                  + item.get("quantity")
                  + "@"
                  + money(item.get("unit_price")));
    }
    fromEvents.values().forEach(l -> l.sort(null));
    fromItems.values().forEach(l -> l.sort(null));

    assertThat(fromItems).hasSizeGreaterThan(100);
    assertThat(fromEvents).isEqualTo(fromItems);
    assertThat(Outputs.finalOrders(out).keySet()).isEqualTo(fromItems.keySet());
  }

  @Test
  void returnsReferenceRealOrderLines() throws IOException {
    Map<String, Map<String, String>> items = new TreeMap<>();
    Outputs.dmsRows(out, "order_items").forEach(r -> items.put(r.get("order_item_id"), r));
    List<Map<String, String>> returns = Outputs.csvRows(out, "landing/returns");

    assertThat(returns).isNotEmpty();
    for (Map<String, String> r : returns) {
      Map<String, String> line = items.get(r.get("order_item_id"));
      assertThat(line).as(r.get("return_id")).isNotNull();
      assertThat(line.get("order_id")).isEqualTo(r.get("order_id"));
      assertThat(line.get("product_id")).isEqualTo(r.get("product_id"));
      assertThat(Integer.parseInt(r.get("quantity")))
          .isBetween(1, Integer.parseInt(line.get("quantity")));
    }
  }

  @Test
  void streamCountsEqualWhatWasSentFaultsIncluded() throws IOException {
    for (String dataset : List.of("clickstream", "weblog")) {
      Map<String, Long> classified = Outputs.classify(out, dataset);
      assertThat(classified.get("sent_records"))
          .as(dataset)
          .isEqualTo(truth.get(dataset + "/sent_records"));
      assertThat(classified.get("silver_records"))
          .as(dataset)
          .isEqualTo(truth.get(dataset + "/silver_records"));
      for (String fault :
          List.of(
              "malformed_json",
              "missing_required_field",
              "wrong_type",
              "unknown_event_type",
              "oversized_record",
              "duplicate")) {
        assertThat(classified.getOrDefault(fault, 0L))
            .as(dataset + " " + fault)
            .isEqualTo(truth.getOrDefault(dataset + "/" + fault, 0L));
      }
    }
    assertThat(truth.get("clickstream/malformed_json")).isPositive();
    assertThat(truth.get("clickstream/duplicate")).isPositive();
    assertThat(truth.get("clickstream/late")).isPositive();
    assertThat(truth.get("weblog/wrong_type")).isPositive();
  }

  @Test
  void fileCountsEqualRowsInLandingFiles() throws IOException {
    Map<String, Long> rows = new TreeMap<>();
    long truncated = 0;
    for (Map<String, String> f : TestCsv.read(out.resolve("_truth/files.csv"))) {
      Path file = out.resolve(f.get("key"));
      assertThat(file).exists();
      if (f.get("faults").contains("truncated_gzip")) {
        truncated += Long.parseLong(f.get("records"));
        continue;
      }
      long n =
          f.get("key").endsWith(".jsonl")
              ? Files.readAllLines(file).size()
              : TestCsv.read(file).size();
      assertThat(n).as(f.get("key")).isEqualTo(Long.parseLong(f.get("records")));
      rows.merge(f.get("dataset"), n, Long::sum);
    }
    try (Stream<Path> landing = Files.walk(out.resolve("landing"))) {
      assertThat(landing.filter(Files::isRegularFile).count())
          .isEqualTo(TestCsv.read(out.resolve("_truth/files.csv")).size());
    }
    rows.forEach((ds, n) -> assertThat(truth.get(ds + "/valid_records")).as(ds).isEqualTo(n));
    assertThat(truncated).isEqualTo(sum("truncated_gzip_records")).isPositive();
    assertThat(sum("bom_crlf_files")).isPositive();
    assertThat(sum("resent_file_files")).isPositive();
  }

  @Test
  void salesTruthMatchesFinalOrderState() throws IOException {
    Map<String, BigDecimal> expected = Outputs.salesFromOrders(out);
    Map<String, BigDecimal> truthRevenue = new TreeMap<>();
    for (Map<String, String> r : TestCsv.read(out.resolve("_truth/sales_daily.csv"))) {
      truthRevenue.put(
          r.get("order_date") + "," + r.get("category") + "," + r.get("zip"),
          new BigDecimal(r.get("revenue")));
    }
    assertThat(truthRevenue).hasSizeGreaterThan(50).isEqualTo(expected);
  }

  @Test
  void bestAucIsTheAucOfTrueProbabilities() throws IOException {
    List<Map<String, String>> labels = TestCsv.read(out.resolve("_truth/churn_labels.csv"));
    List<Map<String, String>> active =
        labels.stream().filter(r -> r.get("active_at_snapshot").equals("true")).toList();
    double[] p =
        active.stream().mapToDouble(r -> Double.parseDouble(r.get("true_probability"))).toArray();
    boolean[] y = new boolean[active.size()];
    for (int i = 0; i < y.length; i++) {
      y[i] = active.get(i).get("churned").equals("1");
    }
    String summary = Files.readString(out.resolve("_truth/summary.json"));
    double auc = RocAuc.of(p, y);

    assertThat(labels).hasSize(300);
    assertThat(summary).contains("\"best_auc\":" + Math.round(auc * 1e6) / 1e6);
    assertThat(auc).isGreaterThan(0.55);
  }

  @Test
  void lateEventsCountInTheirEventDay() throws IOException {
    Map<String, Long> byEventDay = new TreeMap<>();
    for (Map<String, Object> e : Outputs.validClickEvents(out)) {
      byEventDay.merge(e.get("occurred_at").toString().substring(0, 10), 1L, Long::sum);
    }
    Map<String, Long> expected = new TreeMap<>();
    for (Map<String, String> row : TestCsv.read(out.resolve("_truth/counts.csv"))) {
      if (row.get("dataset").equals("clickstream") && row.get("metric").equals("silver_records")) {
        expected.put(row.get("date"), Long.parseLong(row.get("value")));
      }
    }
    List<Path> sendDayFiles = Outputs.files(out.resolve("streams/c360-clickstream"));

    assertThat(byEventDay).hasSize(14).isEqualTo(expected);
    assertThat(sendDayFiles).hasSizeGreaterThan(14);
  }

  @Test
  void ordersMoveThroughStatusesByCdcUpdates() throws IOException {
    List<String> statusOrder = List.of("placed", "paid", "shipped", "delivered");
    Map<String, String> last = new TreeMap<>();
    long updates = 0;
    for (Map<String, String> row : Outputs.dmsRows(out, "orders")) {
      String previous = last.put(row.get("order_id"), row.get("status"));
      if ("U".equals(row.get("Op"))) {
        updates++;
        assertThat(previous).as(row.toString()).isNotNull().isNotEqualTo("cancelled");
        if (!row.get("status").equals("cancelled")) {
          assertThat(statusOrder.indexOf(row.get("status")))
              .isGreaterThan(statusOrder.indexOf(previous));
        }
      }
    }
    List<Path> loads = Outputs.files(out.resolve("landing/dms/orders"));

    assertThat(updates).isGreaterThan(100);
    assertThat(last.values()).contains("delivered", "cancelled", "shipped");
    assertThat(java.nio.file.Files.readAllLines(loads.get(loads.size() - 1)).get(0))
        .startsWith("cdc_timestamp,order_id");
    assertThat(java.nio.file.Files.readAllLines(loads.get(0)).get(0))
        .startsWith("Op,cdc_timestamp,order_id");
  }

  private static String money(String value) {
    return new BigDecimal(value).stripTrailingZeros().toPlainString();
  }

  private static long sum(String metric) {
    return truth.entrySet().stream()
        .filter(e -> e.getKey().endsWith("/" + metric))
        .mapToLong(Map.Entry::getValue)
        .sum();
  }
}
