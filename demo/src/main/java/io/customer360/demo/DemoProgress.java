package io.customer360.demo;

import io.customer360.common.aws.PlatformResources;
import io.customer360.infra.local.LocalEndpoints;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * What each stage has processed: objects per lake zone, rows per warehouse table. The first full
 * cycle is complete when order lines, dashboard aggregates and churn scores are in the warehouse
 * and, when the feed injects faults, its bad records have reached quarantine.
 */
final class DemoProgress {

  /** Warehouse tables whose rows show the cycle complete, by the label printed. */
  static final Map<String, String> WAREHOUSE = new LinkedHashMap<>();

  static {
    WAREHOUSE.put("order lines", "warehouse.fact_order_line");
    WAREHOUSE.put("sales aggregates", "warehouse.agg_sales_by_zip_category_daily");
    WAREHOUSE.put("churn scores", "warehouse.churn_scores");
  }

  /** Starts the summary line printed after the first cycle. */
  static final String SUMMARY_MARKER = "C360 DEMO SUMMARY";

  private static final String QUARANTINE = "quarantine objects";

  private final S3Client s3;
  private final LocalEndpoints endpoints;

  DemoProgress(S3Client s3, LocalEndpoints endpoints) {
    this.s3 = s3;
    this.endpoints = endpoints;
  }

  /** A snapshot of counts. */
  record Snapshot(Map<String, Long> lake, Map<String, Long> warehouse) {
    boolean cycleComplete(boolean faultsInjected) {
      return WAREHOUSE.keySet().stream().allMatch(k -> warehouse.getOrDefault(k, 0L) > 0)
          && (!faultsInjected || lake.getOrDefault(QUARANTINE, 0L) > 0);
    }

    /**
     * One line with the count of every stage, {@code C360 DEMO SUMMARY key=value …}: lake objects
     * per zone, then warehouse rows; unattended runs check that none is zero.
     */
    String summaryLine() {
      StringBuilder out = new StringBuilder(SUMMARY_MARKER);
      lake.forEach((zone, n) -> out.append(' ').append(key(zone)).append('=').append(n));
      warehouse.forEach((t, n) -> out.append(' ').append(key(t)).append('=').append(n));
      return out.toString();
    }

    private static String key(String label) {
      return label.replace(" objects", "").replace(' ', '_');
    }

    String line() {
      StringBuilder out = new StringBuilder();
      lake.forEach((zone, n) -> out.append(zone).append('=').append(n).append(' '));
      out.append("| warehouse ");
      warehouse.forEach((t, n) -> out.append(t).append('=').append(n).append(' '));
      return out.toString().trim();
    }
  }

  Snapshot snapshot() {
    Map<String, Long> lake = new LinkedHashMap<>();
    for (String zone : List.of("landing", "bronze", "silver", "quarantine", "gold")) {
      lake.put(zone + " objects", objects(zone + "/"));
    }
    return new Snapshot(lake, warehouse());
  }

  private long objects(String prefix) {
    return s3
        .listObjectsV2Paginator(b -> b.bucket(PlatformResources.LAKE_BUCKET).prefix(prefix))
        .contents()
        .stream()
        .count();
  }

  private Map<String, Long> warehouse() {
    Map<String, Long> counts = new LinkedHashMap<>();
    try (Connection c =
        DriverManager.getConnection(endpoints.jdbcUrl(), endpoints.jdbcUser(), "")) {
      for (Map.Entry<String, String> table : WAREHOUSE.entrySet()) {
        counts.put(table.getKey(), count(c, table.getValue()));
      }
    } catch (SQLException e) {
      // the warehouse is still starting
    }
    return counts;
  }

  private static long count(Connection c, String table) {
    try (Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT count(*) FROM " + table)) {
      rs.next();
      return rs.getLong(1);
    } catch (SQLException e) {
      return 0; // not migrated yet
    }
  }
}
