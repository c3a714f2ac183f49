package io.customer360.datagen.sim;

import io.customer360.datagen.DatagenConfig;
import io.customer360.datagen.fault.FaultKind;
import io.customer360.datagen.format.Json;
import io.customer360.datagen.sink.DataSink;
import io.customer360.datagen.truth.Counts;
import io.customer360.datagen.truth.SalesTotals;
import io.customer360.datagen.world.Campaign;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes the ground truth of a run: {@code counts.csv}, {@code files.csv}, {@code sales_daily.csv},
 * {@code churn_labels.csv}, {@code campaigns.csv} and {@code summary.json}.
 */
final class TruthFiles {

  private static final List<String> DATASETS =
      List.of(
          "clickstream",
          "weblog",
          "customers",
          "products",
          "orders",
          "order_items",
          "returns",
          "weather",
          "support_tickets");

  private TruthFiles() {}

  static void write(
      DataSink sink,
      DatagenConfig config,
      Counts counts,
      SalesTotals sales,
      ChurnProcess churn,
      FileEmitter files,
      List<Campaign> campaigns) {
    sink.putTruth("counts.csv", counts.csv());
    sink.putTruth("files.csv", files.filesCsv());
    sink.putTruth("sales_daily.csv", sales.csv());
    sink.putTruth("churn_labels.csv", churn.labelsCsv());
    sink.putTruth("campaigns.csv", campaignsCsv(campaigns));
    sink.putTruth("summary.json", summary(config, counts, churn).getBytes(StandardCharsets.UTF_8));
  }

  private static byte[] campaignsCsv(List<Campaign> campaigns) {
    StringBuilder out =
        new StringBuilder(
            "campaign_id,utm_source,utm_medium,utm_campaign,category_index,coupon_code,discount_percent,first_day,last_day\n");
    for (Campaign c : campaigns) {
      out.append(
              String.join(
                  ",",
                  c.id(),
                  c.utmSource(),
                  c.utmMedium(),
                  c.utmCampaign(),
                  Integer.toString(c.categoryIndex()),
                  c.couponCode(),
                  c.discountPercent().toPlainString(),
                  Integer.toString(c.firstDay()),
                  Integer.toString(c.lastDay())))
          .append('\n');
    }
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static String summary(DatagenConfig config, Counts counts, ChurnProcess churn) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("seed", config.seed());
    m.put("start_date", config.startDate().toString());
    m.put("days", config.days());
    m.put("customers", config.customers());
    m.put("products", config.products());
    Map<String, Object> rates = new LinkedHashMap<>();
    for (FaultKind kind : FaultKind.values()) {
      rates.put(kind.metric(), config.faults().rate(kind));
    }
    m.put("fault_rates", rates);
    m.put("oversized_threshold_bytes", FaultKind.OVERSIZED_THRESHOLD_BYTES);
    Map<String, Object> totals = new LinkedHashMap<>();
    for (String ds : DATASETS) {
      Map<String, Object> t = new LinkedHashMap<>();
      t.put(Counts.SENT, counts.total(ds, Counts.SENT));
      t.put(Counts.VALID, counts.total(ds, Counts.VALID));
      t.put(Counts.SILVER, counts.total(ds, Counts.SILVER));
      totals.put(ds, t);
    }
    m.put("totals", totals);
    Map<String, Object> labels = new LinkedHashMap<>();
    labels.put("snapshot_date", churn.snapshotDate().toString());
    labels.put("horizon_days", churn.horizonDays());
    labels.put("churners", churn.churners());
    double auc = churn.bestAuc();
    labels.put("best_auc", Double.isNaN(auc) ? null : Math.round(auc * 1e6) / 1e6);
    m.put("churn", labels);
    return Json.write(m) + "\n";
  }
}
