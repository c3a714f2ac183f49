package io.customer360.query.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.customer360.query.testdata.Expected;
import java.io.File;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Drives the dashboard page in Debian's headless Chromium (through Debian's chromedriver; nothing
 * is downloaded): signs in with an API key, picks a period, and checks what the charts and their
 * tables show against the datagen ground truth; then changes the period and checks again, and
 * drills down; signs in with a bearer token (an HS256 JWT the test server trusts, as a Cognito
 * access token is in AWS) instead of a key, and with one it does not. Skipped, visibly, where
 * chromium is not installed.
 */
@EnabledIf(
    value = "chromiumInstalled",
    disabledReason =
        "needs /usr/bin/chromium and /usr/bin/chromedriver: run query-api/scripts/install-chromium.sh")
class DashboardBrowserIT extends LoadedWarehouseSupport {

  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

  WebDriver browser;
  Path profile;

  static boolean chromiumInstalled() {
    return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
  }

  @BeforeEach
  void openBrowser() throws IOException {
    profile = Files.createTempDirectory("query-api-chromium-");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--window-size=1400,2000",
        "--user-data-dir=" + profile);
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(new File(CHROMEDRIVER.toString()))
            .usingAnyFreePort()
            .build();
    browser = new ChromeDriver(service, options);
  }

  @AfterEach
  void closeBrowser() throws IOException {
    try {
      if (browser != null) {
        browser.quit();
      }
    } finally {
      // A hung renderer can outlive quit(); end only the processes of this test's own profile.
      String marker = "--user-data-dir=" + profile;
      ProcessHandle.allProcesses()
          .filter(p -> p.info().arguments().map(a -> List.of(a).contains(marker)).orElse(false))
          .forEach(ProcessHandle::destroyForcibly);
    }
    try (var walk = Files.walk(profile)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  @Test
  void chartsFollowThePeriodPickerAndMatchTruth() throws IOException {
    browser.get("http://127.0.0.1:" + port + "/");
    browser.findElement(By.id("apiKey")).sendKeys(DASHBOARD_KEY);
    browser.findElement(By.id("signIn")).click();
    awaitRefresh(1);

    showPeriod(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 14), "previous_year", 2);
    Map<String, Long> januaryCoupons =
        checkCoupons(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 14));
    checkZips(
        LocalDate.of(2026, 1, 1),
        LocalDate.of(2026, 1, 14),
        LocalDate.of(2025, 1, 1),
        LocalDate.of(2025, 1, 14));
    checkReferrals(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 14));
    checkTrend(LocalDate.of(2026, 1, 14));
    screenshot("target/dashboard-2026-01.png");

    showPeriod(LocalDate.of(2025, 6, 1), LocalDate.of(2025, 6, 30), "previous_period", 3);
    Map<String, Long> juneCoupons =
        checkCoupons(LocalDate.of(2025, 6, 1), LocalDate.of(2025, 6, 30));
    checkZips(
        LocalDate.of(2025, 6, 1),
        LocalDate.of(2025, 6, 30),
        LocalDate.of(2025, 5, 2),
        LocalDate.of(2025, 5, 31));
    checkReferrals(LocalDate.of(2025, 6, 1), LocalDate.of(2025, 6, 30));
    checkTrend(LocalDate.of(2025, 6, 30));

    assertThat(juneCoupons).isNotEqualTo(januaryCoupons);
  }

  @Test
  void clickingASummaryDrillsDownToItsDetail() {
    browser.get("http://127.0.0.1:" + port + "/dashboard/index.html");
    browser.findElement(By.id("apiKey")).sendKeys(DASHBOARD_KEY);
    browser.findElement(By.id("signIn")).click();
    awaitRefresh(1);
    showPeriod(LocalDate.of(2025, 3, 1), LocalDate.of(2025, 5, 31), "previous_period", 2);

    WebElement firstCoupon = browser.findElement(By.cssSelector("#couponTable tbody tr"));
    String category = cells(firstCoupon).get(0).getText();
    long redemptions = Long.parseLong(cells(firstCoupon).get(1).getDomAttribute("data-value"));
    firstCoupon.click();
    wait(Duration.ofSeconds(20))
        .until(ExpectedConditions.visibilityOfElementLocated(By.id("detailPanel")));
    List<WebElement> header = browser.findElements(By.cssSelector("#detailTable thead th"));
    List<String> columns = header.stream().map(WebElement::getText).toList();
    long sum = 0;
    for (WebElement row : browser.findElements(By.cssSelector("#detailTable tbody tr"))) {
      List<WebElement> cells = cells(row);
      assertThat(cells.get(columns.indexOf("category")).getText()).isEqualTo(category);
      sum += Long.parseLong(cells.get(columns.indexOf("redemptions")).getText());
    }
    assertThat(sum).isEqualTo(redemptions).isPositive();

    WebElement firstState = browser.findElement(By.cssSelector("#geoTable tbody tr"));
    String state = cells(firstState).get(0).getText();
    firstState.click();
    wait(Duration.ofSeconds(20))
        .until(ExpectedConditions.textToBe(By.id("geoLevel"), "zips of " + state));
    for (WebElement row : browser.findElements(By.cssSelector("#geoTable tbody tr"))) {
      assertThat(cells(row).get(0).getDomAttribute("data-value")).matches("\\d{5}");
    }
  }

  @Test
  void signsInWithAnAccessTokenSentAsBearer() {
    browser.get("http://127.0.0.1:" + port + "/dashboard/index.html");
    // Sent as an API key, the token would be an unknown key and a 401: the data proves the header.
    signIn(jwt(JWT_SECRET));
    awaitRefresh(1);
    showPeriod(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 14), "previous_year", 2);
    checkCoupons(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 14));
    assertThat(browser.findElement(By.id("apiKey")).getDomProperty("value")).isEmpty();
    assertThat(script("return window.localStorage.length;")).isEqualTo(0L);

    browser.findElement(By.id("signOut")).click();
    assertThat(script("return window.sessionStorage.length;")).isEqualTo(0L);
  }

  @Test
  void aTokenTheServerRejectsShowsTheAuthError() {
    browser.get("http://127.0.0.1:" + port + "/dashboard/index.html");
    signIn(jwt("not-the-servers-secret-but-also-32-bytes-long-0123"));
    wait(Duration.ofSeconds(20))
        .until(ExpectedConditions.textToBe(By.id("status"), "The access token was not accepted."));
    assertThat(browser.findElement(By.id("status")).getDomAttribute("class")).isEqualTo("error");
    assertThat(browser.findElement(By.id("login")).isDisplayed()).isTrue();
    assertThat(browser.findElement(By.id("panels")).isDisplayed()).isFalse();
    assertThat(script("return window.sessionStorage.length;")).isEqualTo(0L);
    assertThat(browser.findElement(By.tagName("body")).getDomAttribute("data-refresh"))
        .isEqualTo("0");
  }

  private void signIn(String credential) {
    browser.findElement(By.id("apiKey")).sendKeys(credential);
    browser.findElement(By.id("signIn")).click();
  }

  /** An HS256 access token for the dashboards, signed with {@code secret}, valid 5 minutes. */
  private static String jwt(String secret) {
    SignedJWT token =
        new SignedJWT(
            new JWSHeader(JWSAlgorithm.HS256),
            new JWTClaimsSet.Builder()
                .subject("dashboard-user")
                .claim("scope", "dashboards")
                .expirationTime(Date.from(Instant.now().plusSeconds(300)))
                .build());
    try {
      token.sign(new MACSigner(secret.getBytes(StandardCharsets.UTF_8)));
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
    return token.serialize();
  }

  private void showPeriod(LocalDate from, LocalDate to, String compareTo, int refresh) {
    ((JavascriptExecutor) browser)
        .executeScript(
            "document.getElementById('from').value = arguments[0];"
                + "document.getElementById('to').value = arguments[1];",
            from.toString(),
            to.toString());
    new Select(browser.findElement(By.id("compareTo"))).selectByValue(compareTo);
    browser.findElement(By.id("apply")).click();
    awaitRefresh(refresh);
    assertThat(browser.findElement(By.tagName("body")).getDomAttribute("data-period"))
        .isEqualTo(from + "/" + to);
  }

  private Map<String, Long> checkCoupons(LocalDate from, LocalDate to) {
    Map<String, Long> table = new LinkedHashMap<>();
    for (WebElement row : browser.findElements(By.cssSelector("#couponTable tbody tr"))) {
      List<WebElement> cells = cells(row);
      table.put(cells.get(0).getText(), Long.parseLong(cells.get(1).getDomAttribute("data-value")));
    }
    Map<String, Long> truth = new LinkedHashMap<>();
    expected.couponsByCategory(from, to).entrySet().stream()
        .sorted(
            Comparator.<Map.Entry<String, Expected.Comparison>>comparingLong(
                    e -> -e.getValue().orders())
                .thenComparing(Map.Entry::getKey))
        .forEach(e -> truth.put(e.getKey(), e.getValue().orders()));
    assertThat(table).as("coupon table " + from).containsExactlyEntriesOf(truth).isNotEmpty();

    List<Object> labels =
        new ArrayList<>((List<?>) script("return Chart.getChart('couponChart').data.labels;"));
    List<?> bars = (List<?>) script("return Chart.getChart('couponChart').data.datasets[0].data;");
    assertThat(labels).containsExactlyElementsOf(new ArrayList<Object>(truth.keySet()));
    assertThat(bars.stream().map(b -> ((Number) b).longValue()).toList())
        .containsExactlyElementsOf(truth.values());
    return table;
  }

  private void checkZips(LocalDate from, LocalDate to, LocalDate cmpFrom, LocalDate cmpTo) {
    List<String> table = new ArrayList<>();
    for (WebElement row : browser.findElements(By.cssSelector("#zipTable tbody tr"))) {
      List<WebElement> cells = cells(row);
      table.add(
          cells.get(0).getText()
              + " "
              + new BigDecimal(cells.get(2).getDomAttribute("data-value")).stripTrailingZeros()
              + " "
              + new BigDecimal(cells.get(3).getDomAttribute("data-value")).stripTrailingZeros());
    }
    List<String> truth =
        expected.salesByZip(from, to, cmpFrom, cmpTo, true).entrySet().stream()
            .sorted(
                Comparator.<Map.Entry<String, Expected.Comparison>, BigDecimal>comparing(
                        e -> e.getValue().revenue(), Comparator.reverseOrder())
                    .thenComparing(Map.Entry::getKey))
            .limit(15)
            .map(
                e ->
                    e.getKey()
                        + " "
                        + e.getValue().revenue().stripTrailingZeros()
                        + " "
                        + e.getValue().previousRevenue().stripTrailingZeros())
            .toList();
    assertThat(table).as("zip table " + from).containsExactlyElementsOf(truth).isNotEmpty();
    List<?> current = (List<?>) script("return Chart.getChart('zipChart').data.datasets[0].data;");
    assertThat(current).hasSize(truth.size());
  }

  private void checkReferrals(LocalDate from, LocalDate to) {
    List<String> table = new ArrayList<>();
    for (WebElement row : browser.findElements(By.cssSelector("#referralTable tbody tr"))) {
      List<WebElement> cells = cells(row);
      table.add(cells.get(0).getText() + " " + cells.get(2).getDomAttribute("data-value"));
    }
    List<String> truth =
        expected.referrals(from, to).entrySet().stream()
            .sorted(
                Comparator.<Map.Entry<String, Expected.Referral>>comparingLong(
                        e -> -e.getValue().sessions())
                    .thenComparing(Map.Entry::getKey))
            .limit(10)
            .map(e -> e.getKey() + " " + e.getValue().sessions())
            .toList();
    assertThat(table).as("referral table " + from).containsExactlyElementsOf(truth);
  }

  private void checkTrend(LocalDate lastDay) {
    Instant until = lastDay.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);
    long truth =
        expected.purchasesPerMinute(until.minus(24, ChronoUnit.HOURS), until).values().stream()
            .mapToLong(Long::longValue)
            .sum();
    assertThat(browser.findElement(By.id("trendTotals")).getDomAttribute("data-purchases"))
        .isEqualTo(Long.toString(truth));
    List<?> points = (List<?>) script("return Chart.getChart('trendChart').data.datasets[0].data;");
    assertThat(points.stream().mapToLong(p -> ((Number) p).longValue()).sum()).isEqualTo(truth);
  }

  /** Keeps a picture of the page for people reading the build output. */
  private void screenshot(String file) throws IOException {
    Path target = Path.of(file);
    Files.createDirectories(target.getParent());
    Files.write(target, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
  }

  private void awaitRefresh(int count) {
    wait(Duration.ofSeconds(30))
        .until(
            ExpectedConditions.attributeToBe(
                By.tagName("body"), "data-refresh", Integer.toString(count)));
    assertThat(browser.findElement(By.id("status")).getText()).startsWith("Showing");
  }

  private WebDriverWait wait(Duration timeout) {
    return new WebDriverWait(browser, timeout);
  }

  private Object script(String js) {
    return ((JavascriptExecutor) browser).executeScript(js);
  }

  private static List<WebElement> cells(WebElement row) {
    return row.findElements(By.tagName("td"));
  }
}
