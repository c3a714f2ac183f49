package io.customer360.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.jayway.jsonpath.JsonPath;
import io.customer360.common.aws.AwsClientFactory;
import io.customer360.common.aws.AwsSettings;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The demo as a user runs it: the launcher's own jar as a process ({@code --free-ports
 * --transient}), live after the first cycle. Every item of the printed "where to look" block is
 * tried, the real-time trend must follow the wall clock, {@code bin/land-file.sh} reports on a
 * landed file, and SIGTERM stops everything.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LiveDemoIT {

  private static final Path REPO = Path.of("..").toAbsolutePath().normalize();
  private static final Path JAR = REPO.resolve("demo/target/demo-0.1.0-SNAPSHOT-exec.jar");
  private static final Duration CYCLE = Duration.ofMinutes(15);
  private static final Pattern ITEM = Pattern.compile("^ {2}([^:]+):\\s+(.*)$");

  /** Follows redirects as a browser does ({@code /swagger-ui.html} redirects to the UI). */
  private static final HttpClient HTTP =
      HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();

  @TempDir static Path dataDir;
  @TempDir static Path files;
  static Process demo;
  static final List<String> output = Collections.synchronizedList(new ArrayList<>());
  static final Map<String, String> printed = new LinkedHashMap<>();
  static Instant firstCycle;

  @BeforeAll
  static void startTheDemo() throws Exception {
    demo =
        new ProcessBuilder(
                "java",
                "-Xmx768m",
                "-jar",
                JAR.toString(),
                "--repo=" + REPO,
                "--free-ports",
                "--transient",
                "--data-dir=" + dataDir)
            .redirectErrorStream(true)
            .start();
    CountDownLatch cycle = new CountDownLatch(1);
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader in =
                  new BufferedReader(
                      new InputStreamReader(demo.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = in.readLine()) != null; ) {
                  output.add(line);
                  if (line.startsWith(DemoLauncher.CYCLE_MARKER)) {
                    cycle.countDown();
                  }
                }
              } catch (IOException e) {
                output.add("reader stopped: " + e);
              }
            },
            "demo-output");
    reader.setDaemon(true);
    reader.start();
    boolean done = cycle.await(CYCLE.toSeconds(), TimeUnit.SECONDS);
    firstCycle = Instant.now();
    assertThat(done).as("first cycle; output:%n%s", tail()).isTrue();
    readWhereToLook();
  }

  /** The {@code label: value} lines between "Where to look" and the cycle marker. */
  private static void readWhereToLook() {
    boolean inBlock = false;
    synchronized (output) {
      for (String line : output) {
        if (line.startsWith("Customer 360 is running. Where to look")) {
          inBlock = true;
        } else if (inBlock) {
          Matcher m = ITEM.matcher(line);
          if (!m.matches()) {
            break;
          }
          printed.put(m.group(1), m.group(2).replaceAll(" {3}\\(.*\\)$", ""));
        }
      }
    }
  }

  @AfterAll
  static void stopTheDemo() throws InterruptedException {
    if (demo != null && demo.isAlive()) {
      demo.destroyForcibly();
      demo.waitFor(60, TimeUnit.SECONDS);
    }
  }

  @Test
  @Order(1)
  void everyPrintedAddressAnswers() {
    assertThat(printed)
        .containsKeys(
            "Dashboard",
            "API key",
            "query-api Swagger UI",
            "ml-scoring Swagger UI",
            "Try",
            "S3 endpoint",
            "S3 access key",
            "S3 secret key",
            "Landing bucket",
            "Land a CSV (AWS CLI)",
            "Land a CSV (no AWS CLI)",
            "JDBC URL",
            "JDBC user",
            "Logs",
            "Stop");
    String key = printed.get("API key");
    assertThat(status(printed.get("Dashboard"), null)).isEqualTo(200);
    assertThat(status(printed.get("query-api Swagger UI"), null)).isEqualTo(200);
    assertThat(status(printed.get("ml-scoring Swagger UI"), null)).isEqualTo(200);
    String tried = printed.get("Try").replaceAll("^.*'(http[^']+)'$", "$1");
    assertThat(status(tried, key)).isEqualTo(200);
    assertThat(status(tried, null)).isEqualTo(401);
    assertThat(printed.get("Stop")).endsWith(Long.toString(demo.pid()));
    assertThat(Path.of(printed.get("Logs")).resolve("query-api.log")).isNotEmptyFile();
  }

  @Test
  @Order(2)
  void thePrintedS3CredentialsListAndLandWhatTheAwsCliCommandSays() {
    S3Client s3 = printedS3();
    String bucket = printed.get("Landing bucket");
    String prefix = printed.get("Landing returns");
    assertThat(prefix).isEqualTo("landing/returns/");
    assertThat(s3.listObjectsV2(b -> b.bucket(bucket).prefix("landing/")).keyCount()).isPositive();
    // The AWS CLI command, done with the SDK: same endpoint, credentials, bucket and key.
    String cli = printed.get("Land a CSV (AWS CLI)");
    assertThat(cli)
        .contains("AWS_ACCESS_KEY_ID=" + printed.get("S3 access key"))
        .contains("AWS_SECRET_ACCESS_KEY=" + printed.get("S3 secret key"))
        .contains("--endpoint-url " + printed.get("S3 endpoint"));
    Matcher target = Pattern.compile("s3 cp (\\S+) s3://([^/]+)/(\\S+)$").matcher(cli);
    assertThat(target.find()).as(cli).isTrue();
    assertThat(target.group(2)).isEqualTo(bucket);
    assertThat(target.group(3)).startsWith(prefix);
    String probe = prefix.replace("landing/", "probe/") + "printed-credentials.txt";
    s3.putObject(b -> b.bucket(bucket).key(probe), RequestBody.fromString("ok"));
    assertThat(s3.getObjectAsBytes(b -> b.bucket(bucket).key(probe)).asUtf8String())
        .isEqualTo("ok");
    s3.deleteObject(b -> b.bucket(bucket).key(probe));
  }

  @Test
  @Order(3)
  void thePrintedJdbcUrlReachesTheWarehouse() throws SQLException {
    try (Connection c =
            DriverManager.getConnection(printed.get("JDBC URL"), printed.get("JDBC user"), "");
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT count(*) FROM warehouse.fact_order_line")) {
      rs.next();
      assertThat(rs.getLong(1)).isPositive();
    }
  }

  /**
   * Within 90 s after the first cycle, purchases in at least 3 of the last 5 wall-clock minutes,
   * and the newest minute with purchases ended at most 60 s ago.
   */
  @Test
  @Order(4)
  void theRealTimeTrendFollowsTheWallClock() {
    String key = printed.get("API key");
    String url = printed.get("Dashboard").replace("/dashboard/index.html", "");
    await()
        .atMost(Duration.between(Instant.now(), firstCycle.plusSeconds(90)).plusSeconds(1))
        .pollInterval(Duration.ofSeconds(5))
        .untilAsserted(
            () -> {
              String body = get(url + "/api/v1/purchases/per-minute?hours=1&size=500", key);
              List<String> starts = JsonPath.read(body, "$.points.items[*].start");
              List<Integer> counts = JsonPath.read(body, "$.points.items[*].figures.purchases");
              Instant now = Instant.now();
              Instant minute = now.truncatedTo(ChronoUnit.MINUTES);
              int withPurchases = 0;
              Instant newest = null;
              for (int i = 0; i < starts.size(); i++) {
                Instant start = Instant.parse(starts.get(i));
                if (counts.get(i) > 0) {
                  newest = start;
                  if (!start.isBefore(minute.minus(5, ChronoUnit.MINUTES))
                      && start.isBefore(minute)) {
                    withPurchases++;
                  }
                }
              }
              assertThat(withPurchases)
                  .as("of the last 5 whole minutes, with purchases")
                  .isGreaterThanOrEqualTo(3);
              assertThat(newest).isNotNull();
              assertThat(Duration.between(newest.plusSeconds(60), now))
                  .as("age of the newest minute with purchases")
                  .isLessThanOrEqualTo(Duration.ofSeconds(60));
            });
  }

  @Test
  @Order(5)
  void landFileReportsRowsInSilverAndInQuarantine() throws Exception {
    Path returns = files.resolve("my-returns.csv");
    Files.writeString(
        returns,
        "return_id,order_id,order_item_id,product_id,quantity,returned_at,reason,refund_amount\n"
            + "RIT-1,OIT-1,OIT-1-1,P0001,1,2026-12-01T10:00:00Z,damaged,12.50\n"
            + "RIT-2,OIT-1,OIT-1-2,P0002,2,2026-12-01T10:05:00Z,changed_mind,30.00\n"
            + "RIT-3,OIT-2,OIT-2-1,P0003,1,2026-12-02T09:00:00Z,other,5.00\n"
            + ",OIT-3,OIT-3-1,P0004,1,2026-12-02T09:30:00Z,damaged,7.25\n");
    LandFileRun good = landFile("returns", returns.toString());
    assertThat(good.exit()).as(good.output()).isZero();
    assertThat(good.output())
        .contains("silver_rows=3")
        .contains("quarantined_rows=1")
        .contains("file_quarantined=false");

    LandFileRun unknown = landFile("refunds", returns.toString());
    assertThat(unknown.exit()).isEqualTo(2);
    assertThat(unknown.output()).contains("refunds").contains("returns").contains("orders");

    Path notCsv = files.resolve("broken.csv.gz");
    Files.write(notCsv, new byte[] {0x1f, (byte) 0x8b, 8, 0, 1, 2, 3});
    LandFileRun bad = landFile("returns", notCsv.toString());
    assertThat(bad.exit()).as(bad.output()).isEqualTo(4);
    assertThat(bad.output()).contains("file_quarantined=true");
  }

  @Test
  @Order(6)
  void sigtermStopsEverythingAndLandFileThenSaysSo() throws Exception {
    Path running = dataDir.resolve(WhereToLook.RUNNING_FILE);
    assertThat(running).exists();
    List<ProcessHandle> children = demo.descendants().toList();
    assertThat(children).as("services and emulators").hasSizeGreaterThanOrEqualTo(5);
    demo.destroy();
    assertThat(demo.waitFor(90, TimeUnit.SECONDS)).as("stopped within 90 s").isTrue();
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(() -> assertThat(children).noneMatch(ProcessHandle::isAlive));
    assertThat(running).doesNotExist();
    LandFileRun after = landFile("returns", files.resolve("my-returns.csv").toString());
    assertThat(after.exit()).isEqualTo(3);
    assertThat(after.output()).contains("not running");
  }

  record LandFileRun(int exit, String output) {}

  private static LandFileRun landFile(String dataset, String file) throws Exception {
    Process p =
        new ProcessBuilder(
                "bash",
                REPO.resolve("bin/land-file.sh").toString(),
                dataset,
                file,
                "--data-dir=" + dataDir,
                "--timeout=180")
            .directory(REPO.toFile())
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(240, TimeUnit.SECONDS)).isTrue();
    System.out.println("land-file " + dataset + " " + file + " → " + p.exitValue() + "\n" + out);
    return new LandFileRun(p.exitValue(), out);
  }

  private static S3Client printedS3() {
    AwsSettings settings =
        new AwsSettings(
            printed.get("S3 region"),
            printed.get("S3 access key"),
            printed.get("S3 secret key"),
            new AwsSettings.Endpoints(
                URI.create(printed.get("S3 endpoint")), null, null, null, null),
            true);
    return new AwsClientFactory(settings).s3();
  }

  private static String tail() {
    synchronized (output) {
      return String.join("\n", output.subList(Math.max(0, output.size() - 60), output.size()));
    }
  }

  private static String get(String url, String apiKey) {
    HttpResponse<String> response = send(url, apiKey);
    assertThat(response.statusCode()).as(url).isEqualTo(200);
    return response.body();
  }

  private static int status(String url, String apiKey) {
    return send(url, apiKey).statusCode();
  }

  private static HttpResponse<String> send(String url, String apiKey) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30));
    if (apiKey != null) {
      request.header("X-API-Key", apiKey);
    }
    try {
      return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException("GET " + url + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted", e);
    }
  }
}
