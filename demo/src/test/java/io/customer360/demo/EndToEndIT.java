package io.customer360.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.jayway.jsonpath.JsonPath;
import io.customer360.common.aws.AwsClientFactory;
import io.customer360.common.aws.PlatformResources;
import io.customer360.datagen.fault.FaultKind;
import io.customer360.datagen.fault.FaultRates;
import io.customer360.infra.local.LocalEndpoints;
import io.customer360.infra.local.LocalPlatformExtension;
import io.customer360.transform.silver.QuarantineSummary;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The whole platform as the demo runs it, at a small scale with every datagen fault on: the five
 * services as their own processes on the emulators, a datagen backfill through Kinesis and the
 * landing folder, then the warehouse, the quarantine, the churn scores and the dashboard API
 * checked against the generator's ground truth.
 */
@ExtendWith(LocalPlatformExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EndToEndIT {

  private static final Path REPO = Path.of("..").toAbsolutePath().normalize();

  /**
   * A fixed start, so the run is the same every day: with datagen's default seed these three days
   * truncate two of their gzipped files at a rate of one half (only some datasets are eligible).
   */
  private static final LocalDate START = LocalDate.of(2026, 11, 1);

  private static final int DAYS = 3;
  private static final int CUSTOMERS = 200;
  private static final Duration CYCLE = Duration.ofMinutes(15);

  /** Datagen faults whose records silver quarantines, by the truth metric's name. */
  private static final List<String> RECORD_FAULTS =
      List.of(
          "malformed_json",
          "missing_required_field",
          "wrong_type",
          "unknown_event_type",
          "oversized_record");

  private static final DemoServices SERVICES = new DemoServices();
  private static final DemoSecrets SECRETS = DemoSecrets.load(Optional.empty());
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @TempDir static Path scratch;
  static LocalEndpoints endpoints;
  static S3Client s3;
  static Map<String, Integer> ports;

  @BeforeAll
  static void startAndFeed(LocalEndpoints platform) {
    endpoints = platform;
    ports = DemoServices.fixedPorts();
    ports.replaceAll((name, port) -> FreePorts.next());
    SERVICES.start(REPO, endpoints, SECRETS, ports, scratch);
    AwsClientFactory clients = new AwsClientFactory(endpoints.awsSettings());
    s3 = clients.s3();
    FaultRates faults = DemoFeed.demoFaults(0.02).with(FaultKind.TRUNCATED_GZIP, 0.5);
    new DemoFeed(clients, START, DAYS, CUSTOMERS, faults).backfill();
  }

  @AfterAll
  static void stop() throws IOException {
    SERVICES.close();
    for (ServiceProcess p : SERVICES.running()) {
      List<String> lines = Files.readAllLines(p.log());
      System.out.println("---- " + p.name() + " log tail");
      lines.subList(Math.max(0, lines.size() - 30), lines.size()).forEach(System.out::println);
    }
  }

  @Test
  @Order(1)
  void warehouseSalesEqualTheGroundTruth() {
    Map<String, String> truth = truthSales();
    assertThat(truth).hasSizeGreaterThan(10);
    await()
        .atMost(CYCLE)
        .pollInterval(Duration.ofSeconds(10))
        .untilAsserted(() -> assertThat(warehouseSales()).isEqualTo(truth));
  }

  @Test
  @Order(2)
  void quarantineHoldsEveryInjectedFault() {
    Map<String, Long> truth = truthCounts();
    Map<String, Long> expected = new TreeMap<>();
    truth.forEach(
        (key, n) -> {
          String[] f = key.split(",");
          if (RECORD_FAULTS.contains(f[1]) && n > 0) {
            expected.merge(f[0] + "," + f[1], n, Long::sum);
          }
        });
    assertThat(expected).as("the run injected record faults").isNotEmpty();
    await()
        .atMost(Duration.ofMinutes(5))
        .pollInterval(Duration.ofSeconds(10))
        .untilAsserted(() -> assertThat(quarantinedRecords()).isEqualTo(expected));

    Map<String, Long> truncated = truncatedFilesByDataset();
    assertThat(truncated).as("the run truncated files").isNotEmpty();
    assertThat(quarantinedFiles("truncated_gzip")).isEqualTo(truncated);
  }

  @Test
  @Order(3)
  void everyActiveCustomerHasAChurnScore() {
    await()
        .atMost(CYCLE)
        .pollInterval(Duration.ofSeconds(10))
        .untilAsserted(
            () -> {
              long[] counts =
                  queryLongs(
                      "SELECT count(*), count(s.customer_id) FROM warehouse.customer_features f"
                          + " LEFT JOIN (SELECT DISTINCT customer_id, feature_snapshot_date"
                          + " FROM warehouse.churn_scores) s ON s.customer_id = f.customer_id"
                          + " AND s.feature_snapshot_date = f.snapshot_date"
                          + " WHERE f.snapshot_date ="
                          + " (SELECT max(snapshot_date) FROM warehouse.customer_features)");
              assertThat(counts[0]).as("customers in the newest snapshot").isPositive();
              assertThat(counts[1]).as("of them scored").isEqualTo(counts[0]);
            });
    String page =
        get(ports.get("ml-scoring-service"), "/api/v1/churn-scores?limit=5", SECRETS.apiKey());
    List<Double> scores = JsonPath.read(page, "$.items[*].score");
    assertThat(scores).hasSize(5).allSatisfy(s -> assertThat(s).isBetween(0.0, 1.0));
  }

  @Test
  @Order(4)
  void dashboardApiAnswersWithTheTruth() {
    Map<String, String> truth = truthSales();
    LocalDate from = START;
    LocalDate to = START.plusDays(DAYS - 1L);
    Map<String, String> api = new TreeMap<>();
    int pages = 1;
    for (int page = 0; page < pages; page++) {
      String body =
          get(
              ports.get("query-api"),
              "/api/v1/sales/daily?from=" + from + "&to=" + to + "&size=500&page=" + page,
              SECRETS.apiKey());
      pages = JsonPath.read(body, "$.totalPages");
      List<Map<String, Object>> items = JsonPath.read(body, "$.items");
      for (Map<String, Object> item : items) {
        api.put(
            item.get("orderDate") + "," + item.get("zip") + "," + item.get("category"),
            item.get("orders")
                + ","
                + item.get("units")
                + ","
                + money(item.get("revenue"))
                + ","
                + item.get("couponOrders")
                + ","
                + money(item.get("couponDiscount")));
      }
    }
    assertThat(api).isEqualTo(truth);
    assertThat(status(ports.get("query-api"), "/api/v1/sales/daily", null)).isEqualTo(401);
    assertThat(status(ports.get("query-api"), "/dashboard/index.html", null)).isEqualTo(200);
  }

  @Test
  @Order(5)
  void everyServiceExposesItsMetricsOnPrometheus() {
    assertThat(new DemoMetrics().missing(ports, SECRETS.apiKey())).isEmpty();
  }

  /** {@code date,zip,category → orders,units,revenue,coupon_orders,coupon_discount}. */
  private static Map<String, String> truthSales() {
    Map<String, String> rows = new TreeMap<>();
    truth("sales_daily.csv")
        .lines()
        .skip(1)
        .map(l -> l.split(","))
        .forEach(
            f ->
                rows.put(
                    f[0] + "," + f[2] + "," + f[1],
                    f[3] + "," + f[4] + "," + money(f[5]) + "," + f[6] + "," + money(f[7])));
    return rows;
  }

  private static Map<String, String> warehouseSales() throws SQLException {
    Map<String, String> rows = new TreeMap<>();
    try (Connection c = warehouse();
        Statement st = c.createStatement();
        ResultSet rs =
            st.executeQuery(
                "SELECT order_date::text, zip, category, orders, units, revenue, coupon_orders,"
                    + " coupon_discount FROM warehouse.agg_sales_by_zip_category_daily")) {
      while (rs.next()) {
        rows.put(
            rs.getString(1) + "," + rs.getString(2) + "," + rs.getString(3),
            rs.getLong(4)
                + ","
                + rs.getLong(5)
                + ","
                + money(rs.getBigDecimal(6))
                + ","
                + rs.getLong(7)
                + ","
                + money(rs.getBigDecimal(8)));
      }
    }
    return rows;
  }

  /** {@code dataset,date,metric → value}. */
  private static Map<String, Long> truthCounts() {
    Map<String, Long> counts = new TreeMap<>();
    truth("counts.csv")
        .lines()
        .skip(1)
        .map(l -> l.split(","))
        .forEach(f -> counts.merge(f[0] + "," + f[2], Long.parseLong(f[3]), Long::sum));
    return counts;
  }

  /** Quarantined records per {@code dataset,fault}, read from the silver quarantine files. */
  private static Map<String, Long> quarantinedRecords() {
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    Map<String, Long> counts = new TreeMap<>();
    for (String dataset : datasets()) {
      QuarantineSummary.summarize(
              s3, PlatformResources.LAKE_BUCKET, dataset, today.minusDays(1), today.plusDays(1))
          .forEach(
              (dayReason, n) -> {
                String fault = fault(dayReason.substring(dayReason.indexOf(',') + 1));
                if (RECORD_FAULTS.contains(fault)) {
                  counts.merge(dataset + "," + fault, n, Long::sum);
                }
              });
    }
    return counts;
  }

  /** The truth's name of a silver reason code. */
  private static String fault(String reason) {
    if (reason.startsWith("missing_field:")) {
      return "missing_required_field";
    }
    if (reason.startsWith("bad_type:")) {
      return "wrong_type";
    }
    return switch (reason) {
      case "unparseable_json" -> "malformed_json";
      case "too_large" -> "oversized_record";
      default -> reason.startsWith("unknown_") ? "unknown_event_type" : reason;
    };
  }

  /** Landing files datagen truncated, per dataset, from {@code files.csv}. */
  private static Map<String, Long> truncatedFilesByDataset() {
    Map<String, Long> files = new TreeMap<>();
    truth("files.csv")
        .lines()
        .skip(1)
        .map(l -> l.split(",", -1))
        .filter(f -> f[4].contains("truncated_gzip"))
        .forEach(f -> files.merge(f[1], 1L, Long::sum));
    return files;
  }

  /** Whole files ingestion quarantined with this reason, per dataset. */
  private static Map<String, Long> quarantinedFiles(String reason) {
    Map<String, Long> files = new TreeMap<>();
    for (S3Object o :
        s3.listObjectsV2Paginator(
                b -> b.bucket(PlatformResources.LAKE_BUCKET).prefix("quarantine/"))
            .contents()) {
      if (o.key().endsWith(".reason.json")) {
        String json =
            s3.getObjectAsBytes(b -> b.bucket(PlatformResources.LAKE_BUCKET).key(o.key()))
                .asUtf8String();
        if (reason.equals(JsonPath.read(json, "$.reason"))) {
          files.merge(o.key().split("/")[1], 1L, Long::sum);
        }
      }
    }
    return files;
  }

  private static List<String> datasets() {
    List<String> names = new ArrayList<>();
    truthCounts().keySet().forEach(k -> names.add(k.substring(0, k.indexOf(','))));
    return names.stream().distinct().toList();
  }

  private static String truth(String name) {
    return s3.getObjectAsBytes(b -> b.bucket(PlatformResources.LAKE_BUCKET).key("truth/" + name))
        .asUtf8String();
  }

  private static String money(Object value) {
    return new BigDecimal(value.toString()).setScale(2).toPlainString();
  }

  private static Connection warehouse() throws SQLException {
    return DriverManager.getConnection(endpoints.jdbcUrl(), endpoints.jdbcUser(), "");
  }

  private static long[] queryLongs(String sql) throws SQLException {
    try (Connection c = warehouse();
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery(sql)) {
      rs.next();
      long[] values = new long[rs.getMetaData().getColumnCount()];
      for (int i = 0; i < values.length; i++) {
        values[i] = rs.getLong(i + 1);
      }
      return values;
    }
  }

  private static String get(int port, String path, String apiKey) {
    HttpResponse<String> response = send(port, path, apiKey);
    assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
    return response.body();
  }

  private static int status(int port, String path, String apiKey) {
    return send(port, path, apiKey).statusCode();
  }

  private static HttpResponse<String> send(int port, String path, String apiKey) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .timeout(Duration.ofSeconds(30));
    if (apiKey != null) {
      request.header("X-API-Key", apiKey);
    }
    try {
      return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException("GET " + path + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted", e);
    }
  }
}
