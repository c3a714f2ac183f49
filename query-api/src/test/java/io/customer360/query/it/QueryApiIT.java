package io.customer360.query.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.customer360.query.testdata.CustomerSnapshots;
import io.customer360.query.testdata.DatagenOutput;
import io.customer360.query.testdata.Expected;
import io.customer360.query.testdata.TestWarehouse;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The endpoints against the loaded warehouse. Every expected figure comes from the datagen ground
 * truth or the raw landing files and clickstream (see {@link Expected}), never from SQL.
 */
class QueryApiIT extends LoadedWarehouseSupport {

  static final LocalDate JAN_FROM = LocalDate.of(2026, 1, 1);
  static final LocalDate JAN_TO = LocalDate.of(2026, 1, 14);

  @Autowired DataSource dataSource;

  @Test
  void salesByZipAndCategoryThisMonthVsSameMonthLastYearMatchTruth() {
    JsonNode body =
        get(
            "/api/v1/sales/by-zip?from=2026-01-01&to=2026-01-14&compareTo=previous_year"
                + "&size=500");
    Map<String, Expected.Comparison> truth =
        expected.salesByZip(JAN_FROM, JAN_TO, JAN_FROM.minusYears(1), JAN_TO.minusYears(1), false);

    assertThat(body.path("comparison").path("from").asString()).isEqualTo("2025-01-01");
    JsonNode rows = body.path("rows");
    assertThat(rows.path("totalItems").asLong()).isEqualTo(truth.size()).isGreaterThan(20);
    Map<String, BigDecimal[]> actual = new TreeMap<>();
    for (JsonNode row : rows.path("items")) {
      actual.put(
          row.path("zip").asString() + "|" + row.path("category").asString(),
          new BigDecimal[] {
            row.path("revenue").decimalValue(), row.path("previousRevenue").decimalValue()
          });
    }
    assertThat(actual.keySet()).isEqualTo(truth.keySet());
    truth.forEach(
        (key, t) -> {
          assertThat(actual.get(key)[0]).as(key).isEqualByComparingTo(t.revenue());
          assertThat(actual.get(key)[1]).as(key).isEqualByComparingTo(t.previousRevenue());
        });
    assertThat(truth.values().stream().map(Expected.Comparison::previousRevenue))
        .anyMatch(v -> v.signum() > 0);
  }

  @Test
  void salesByZipAgainstThePreviousPeriodFilteredByStateMatchTruth() {
    JsonNode body =
        get(
            "/api/v1/sales/by-zip?from=2025-06-01&to=2025-06-30&compareTo=previous_period"
                + "&groupBy=zip&state=TX&sort=zip,asc");
    Map<String, Expected.Comparison> truth =
        expected.salesByZip(
            LocalDate.of(2025, 6, 1),
            LocalDate.of(2025, 6, 30),
            LocalDate.of(2025, 5, 2),
            LocalDate.of(2025, 5, 31),
            true);
    Map<String, Expected.Comparison> texas = new TreeMap<>(truth);
    texas.keySet().retainAll(List.of("75201", "78701"));

    List<String> zips = new ArrayList<>();
    for (JsonNode row : body.path("rows").path("items")) {
      String zip = row.path("zip").asString();
      zips.add(zip);
      assertThat(row.path("state").asString()).isEqualTo("TX");
      assertThat(row.path("category").isNull()).isTrue();
      assertThat(row.path("revenue").decimalValue()).isEqualByComparingTo(texas.get(zip).revenue());
      assertThat(row.path("previousRevenue").decimalValue())
          .isEqualByComparingTo(texas.get(zip).previousRevenue());
      assertThat(row.path("orders").asLong()).isEqualTo(texas.get(zip).orders());
    }
    assertThat(body.path("comparison").path("from").asString()).isEqualTo("2025-05-02");
    assertThat(zips).containsExactlyElementsOf(texas.keySet());
  }

  @Test
  void couponRedemptionsByCategoryMatchTruth() {
    JsonNode body = get("/api/v1/marketing/coupon-redemptions?from=2025-03-01&to=2025-05-31");
    Map<String, Expected.Comparison> truth =
        expected.couponsByCategory(LocalDate.of(2025, 3, 1), LocalDate.of(2025, 5, 31));

    Map<String, Long> redemptions = new TreeMap<>();
    for (JsonNode row : body.path("items")) {
      String category = row.path("category").asString();
      redemptions.put(category, row.path("redemptions").asLong());
      assertThat(row.path("discountAmount").decimalValue())
          .as(category)
          .isEqualByComparingTo(truth.get(category).revenue());
    }
    assertThat(redemptions)
        .isEqualTo(
            truth.entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().orders())));
    List<Long> order = new ArrayList<>(redemptions.values());
    assertThat(body.path("items").get(0).path("redemptions").asLong())
        .isEqualTo(order.stream().mapToLong(Long::longValue).max().orElseThrow());
  }

  @Test
  void topSpendersAreTheTopPercentOfCustomersBySpendWithTheirTopCategories() {
    LocalDate from = LocalDate.of(2025, 6, 1);
    LocalDate to = LocalDate.of(2025, 8, 31);
    List<Expected.Spender> all = expected.spenders(from, to, null);
    int keep = (int) Math.ceil(all.size() * 10 / 100.0);

    JsonNode body = get("/api/v1/customers/top-spenders?from=2025-06-01&to=2025-08-31&size=500");

    assertThat(body.path("totalItems").asLong()).isEqualTo(keep);
    List<JsonNode> items = new ArrayList<>(body.path("items").values());
    for (int i = 0; i < keep; i++) {
      Expected.Spender s = all.get(i);
      JsonNode row = items.get(i);
      assertThat(row.path("rank").asLong()).isEqualTo(i + 1);
      assertThat(row.path("customerId").asString()).isEqualTo(s.customerId());
      assertThat(row.path("spend").decimalValue()).isEqualByComparingTo(s.spend());
      assertThat(row.path("orders").asLong()).isEqualTo(s.orders());
      assertThat(row.path("units").asLong()).isEqualTo(s.units());
      List<String> categories = new ArrayList<>();
      row.path("topCategories").forEach(c -> categories.add(c.path("category").asString()));
      assertThat(categories)
          .containsExactlyElementsOf(
              expected.categorySpend(s.customerId(), from, to).stream()
                  .limit(3)
                  .map(Map.Entry::getKey)
                  .toList());
    }
  }

  @Test
  void topSpendersPageAndSortOverTheSameSet() {
    String base = "/api/v1/customers/top-spenders?from=2025-01-01&to=2025-12-31&topPercent=25";
    List<String> byId = new ArrayList<>();
    get(base + "&size=500&sort=customerId,asc")
        .path("items")
        .forEach(r -> byId.add(r.path("customerId").asString()));
    List<String> paged = new ArrayList<>();
    for (int page = 0; page * 4 < byId.size(); page++) {
      get(base + "&size=4&sort=customerId,asc&page=" + page)
          .path("items")
          .forEach(r -> paged.add(r.path("customerId").asString()));
    }
    List<String> truth =
        expected.spenders(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31), null).stream()
            .limit(
                (long)
                    Math.ceil(
                        expected
                                .spenders(
                                    LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31), null)
                                .size()
                            * 0.25))
            .map(Expected.Spender::customerId)
            .sorted()
            .toList();

    assertThat(byId).isEqualTo(truth);
    assertThat(paged).isEqualTo(truth);
  }

  @Test
  void runningTotalsOfACustomerFollowTheirOrderLinesMonthByMonth() {
    Expected.Spender top =
        expected.spenders(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31), null).get(0);

    JsonNode body =
        get(
            "/api/v1/customers/"
                + top.customerId()
                + "/running-totals?from=2025-01-01&to=2025-12-31&size=50");

    JsonNode snapshots = body.path("snapshots").path("items");
    assertThat(snapshots.size()).isEqualTo(12);
    for (JsonNode s : snapshots) {
      LocalDate day = LocalDate.parse(s.path("snapshotDate").asString());
      List<DatagenOutput.Line> lines =
          expected.customerLines(top.customerId(), TestWarehouse.START, day);
      assertThat(s.path("spendTotal").decimalValue())
          .as(day.toString())
          .isEqualByComparingTo(
              lines.stream().map(DatagenOutput.Line::net).reduce(BigDecimal.ZERO, BigDecimal::add));
      assertThat(s.path("ordersTotal").asLong())
          .isEqualTo(lines.stream().map(l -> l.order().id()).distinct().count());
      assertThat(s.path("couponsApplied").asLong())
          .isEqualTo(
              lines.stream()
                  .filter(l -> l.order().couponCode() != null)
                  .map(l -> l.order().id())
                  .distinct()
                  .count());
      assertThat(s.path("couponValueTotal").decimalValue())
          .isEqualByComparingTo(
              lines.stream()
                  .map(DatagenOutput.Line::discount)
                  .reduce(BigDecimal.ZERO, BigDecimal::add));
      Map<String, Long> widgets = new TreeMap<>();
      s.path("unitsByCategory")
          .properties()
          .forEach(e -> widgets.put(e.getKey(), e.getValue().asLong()));
      assertThat(widgets)
          .isEqualTo(
              lines.stream()
                  .collect(
                      Collectors.groupingBy(
                          l -> l.product().category(),
                          TreeMap::new,
                          Collectors.summingLong(DatagenOutput.Line::quantity))));
    }
    assertThat(body.path("latest").path("snapshotDate").asString()).isEqualTo("2025-12-31");
    assertThat(snapshots.get(11).path("spendTotal").decimalValue())
        .isGreaterThan(snapshots.get(0).path("spendTotal").decimalValue());
  }

  @Test
  void topReturnedProductsPerWeekMatchTheReturnsFiles() {
    LocalDate from = LocalDate.of(2025, 2, 1);
    LocalDate to = LocalDate.of(2025, 4, 30);
    List<Expected.RankedReturn> truth = expected.topReturns(from, to, "week", 3);

    JsonNode body =
        get("/api/v1/returns/top-products?from=2025-02-01&to=2025-04-30&grain=week&top=3&size=500");

    List<String> actual = new ArrayList<>();
    body.path("items")
        .forEach(
            r ->
                actual.add(
                    r.path("periodStart").asString()
                        + "#"
                        + r.path("rank").asInt()
                        + " "
                        + r.path("productId").asString()
                        + " "
                        + r.path("returns").asLong()
                        + "/"
                        + r.path("unitsReturned").asLong()));
    assertThat(actual)
        .isNotEmpty()
        .containsExactlyElementsOf(
            truth.stream()
                .map(
                    t ->
                        t.bucket()
                            + "#"
                            + t.rank()
                            + " "
                            + t.productId()
                            + " "
                            + t.returns()
                            + "/"
                            + t.units())
                .toList());
  }

  @Test
  void averageTimeOnSiteAndProductsBrowsedVsPurchasedMatchTheClickstream() {
    Expected.Engagement truth =
        expected.engagement(LocalDate.of(2025, 4, 1), LocalDate.of(2025, 4, 30));

    JsonNode body = get("/api/v1/engagement/sessions?from=2025-04-01&to=2025-04-30&grain=week");

    JsonNode totals = body.path("totals");
    assertThat(totals.path("sessions").asLong()).isEqualTo(truth.sessions()).isPositive();
    assertThat(totals.path("avgDurationSeconds").asDouble())
        .isCloseTo(truth.avgDuration(), org.assertj.core.data.Offset.offset(1e-6));
    assertThat(totals.path("productsViewed").asLong()).isEqualTo(truth.viewed());
    assertThat(totals.path("productsPurchased").asLong()).isEqualTo(truth.purchased());
    long bucketSessions = 0;
    for (JsonNode b : body.path("buckets").path("items")) {
      bucketSessions += b.path("figures").path("sessions").asLong();
    }
    assertThat(bucketSessions).isEqualTo(truth.sessions());
    assertThat(body.path("buckets").path("items").get(0).path("start").asString())
        .isEqualTo("2025-03-31");
  }

  @Test
  void campaignReferralsMatchTheClickstream() {
    Map<String, Expected.Referral> truth =
        expected.referrals(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 3, 31));

    JsonNode body = get("/api/v1/marketing/campaign-referrals?from=2025-01-01&to=2025-03-31");

    Map<String, Expected.Referral> actual = new TreeMap<>();
    long previous = Long.MAX_VALUE;
    for (JsonNode row : body.path("items")) {
      long sessions = row.path("sessions").asLong();
      assertThat(sessions).isLessThanOrEqualTo(previous);
      previous = sessions;
      actual.put(
          row.path("campaignId").asString(),
          new Expected.Referral(sessions, row.path("orders").asLong()));
    }
    assertThat(actual).isEqualTo(new TreeMap<>(truth)).isNotEmpty();
  }

  @Test
  void activityByStateMatchesClickstreamAndOrders() {
    Map<String, Expected.StateActivity> truth =
        expected.activityByState(LocalDate.of(2025, 7, 1), LocalDate.of(2025, 7, 31));

    JsonNode body = get("/api/v1/geography/activity?from=2025-07-01&to=2025-07-31&size=100");

    Map<String, Expected.StateActivity> actual = new TreeMap<>();
    for (JsonNode row : body.path("items")) {
      actual.put(
          row.path("state").asString(),
          new Expected.StateActivity(
              row.path("sessions").asLong(),
              row.path("orders").asLong(),
              row.path("revenue").decimalValue().stripTrailingZeros()));
      assertThat(row.path("latitude").isNull()).isFalse();
      assertThat(row.path("links").path("zips").asString()).contains("level=zip");
    }
    Map<String, Expected.StateActivity> normalized = new TreeMap<>();
    truth.forEach(
        (s, a) ->
            normalized.put(
                s,
                new Expected.StateActivity(
                    a.sessions(), a.orders(), a.revenue().stripTrailingZeros())));
    assertThat(actual).isEqualTo(normalized);
  }

  @Test
  void purchaseTrendPerMinuteMatchesOrdersPlaced() {
    Instant until = Instant.parse("2025-03-02T00:00:00Z");
    Map<Instant, Long> truth =
        expected.purchasesPerMinute(until.minus(24, ChronoUnit.HOURS), until);

    JsonNode body =
        get("/api/v1/purchases/per-minute?hours=24&until=2025-03-02T00:00:00Z&size=500");
    JsonNode coarse =
        get(
            "/api/v1/purchases/per-minute?hours=24&until=2025-03-02T00:00:00Z&bucketMinutes=60"
                + "&size=500");

    assertThat(body.path("points").path("totalItems").asLong()).isEqualTo(24 * 60);
    assertThat(body.path("totals").path("purchases").asLong())
        .isEqualTo(truth.values().stream().mapToLong(Long::longValue).sum())
        .isPositive();
    assertThat(coarse.path("points").path("totalItems").asLong()).isEqualTo(24);
    Map<Instant, Long> hourly = new TreeMap<>();
    truth.forEach((m, n) -> hourly.merge(m.truncatedTo(ChronoUnit.HOURS), n, Long::sum));
    for (JsonNode p : coarse.path("points").path("items")) {
      Instant start = Instant.parse(p.path("start").asString());
      assertThat(p.path("figures").path("purchases").asLong())
          .as(start.toString())
          .isEqualTo(hourly.getOrDefault(start, 0L));
    }
    Map<Instant, Long> perMinute = new TreeMap<>();
    int pages = (int) body.path("points").path("totalPages").asLong();
    for (int page = 0; page < pages; page++) {
      get("/api/v1/purchases/per-minute?hours=24&until=2025-03-02T00:00:00Z&size=500&page=" + page)
          .path("points")
          .path("items")
          .forEach(
              p -> {
                long n = p.path("figures").path("purchases").asLong();
                if (n > 0) {
                  perMinute.put(Instant.parse(p.path("start").asString()), n);
                }
              });
    }
    assertThat(perMinute).isEqualTo(truth);
  }

  @Test
  void purchaseTrendFilteredByChannelReadsTheOrderLines() {
    Instant until = Instant.parse("2025-03-02T00:00:00Z");
    long webOrders =
        warehouse.data().orders.values().stream()
            .filter(o -> "web".equals(o.channel()))
            .filter(o -> !o.orderTs().isBefore(until.minus(24, ChronoUnit.HOURS)))
            .filter(o -> o.orderTs().isBefore(until))
            .count();

    JsonNode body =
        get(
            "/api/v1/purchases/per-minute?hours=24&until=2025-03-02T00:00:00Z&channel=web"
                + "&bucketMinutes=60");

    assertThat(body.path("source").asString()).isEqualTo("analytics.order_lines");
    assertThat(body.path("totals").path("purchases").asLong()).isEqualTo(webOrders).isPositive();
  }

  @Test
  void profileHidesPersonalIdentifiersWithoutThePiiScope() {
    DatagenOutput.Customer customer = warehouse.data().customers.values().iterator().next();

    JsonNode body = get("/api/v1/customers/" + customer.id());

    assertThat(body.path("customerId").asString()).isEqualTo(customer.id());
    assertThat(body.path("state").asString()).isEqualTo(customer.state());
    assertThat(body.path("loyaltyTier").asString()).isEqualTo(customer.loyaltyTier());
    assertThat(body.has("personal")).isFalse();
    assertThat(body.toString())
        .doesNotContain(customer.zip())
        .doesNotContain("tok_")
        .doesNotContain(customer.firstName());
    double probability =
        warehouse.data().churnLabels.stream()
            .filter(l -> l.customerId().equals(customer.id()))
            .findFirst()
            .orElseThrow()
            .trueProbability();
    assertThat(body.path("churn").path("score").asDouble()).isEqualTo(probability);
  }

  @Test
  void profileShowsPersonalIdentifiersToPiiClientsAndScopedTokens() throws Exception {
    DatagenOutput.Customer customer = warehouse.data().customers.values().iterator().next();
    String path = "/api/v1/customers/" + customer.id();

    JsonNode support = JSON.readTree(send(path, "X-API-Key", SUPPORT_KEY).body());
    JsonNode scoped =
        JSON.readTree(send(path, "Authorization", "Bearer " + jwt("pii:read")).body());
    JsonNode unscoped =
        JSON.readTree(send(path, "Authorization", "Bearer " + jwt("dashboards")).body());

    assertThat(support.path("personal").path("zip").asString()).isEqualTo(customer.zip());
    assertThat(support.path("personal").path("city").asString()).isEqualTo(customer.city());
    assertThat(support.path("personal").path("emailHash").asString()).startsWith("tok_");
    assertThat(support.toString())
        .doesNotContain(customer.email())
        .doesNotContain(customer.phone());
    assertThat(scoped.path("personal").path("zip").asString()).isEqualTo(customer.zip());
    assertThat(unscoped.path("customerId").asString()).isEqualTo(customer.id());
    assertThat(unscoped.has("personal")).isFalse();
  }

  @Test
  void profileRunningTotalsMatchTheCustomersOrders() {
    LocalDate last = warehouse.data().lastDay();
    Expected.Spender top = expected.spenders(TestWarehouse.START, last, null).get(0);

    JsonNode body = get("/api/v1/customers/" + top.customerId());

    assertThat(body.path("totals").path("snapshotDate").asString()).isEqualTo(last.toString());
    assertThat(body.path("totals").path("spendTotal").decimalValue())
        .isEqualByComparingTo(top.spend());
    assertThat(body.path("totals").path("ordersTotal").asLong()).isEqualTo(top.orders());
    assertThat(body.path("totals").path("unitsTotal").asLong()).isEqualTo(top.units());
    assertThat(body.path("segment").path("segment").asString()).isNotBlank();
    assertThat(body.path("activity").path("sessions30d").isNumber()).isTrue();
  }

  @Test
  void unknownCustomerIsA404NamingTheParameter() {
    HttpResponse<String> response = send("/api/v1/customers/C9999999", "X-API-Key", DASHBOARD_KEY);

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(JSON.readTree(response.body()).path("parameter").asString()).isEqualTo("customerId");
  }

  @Test
  void segmentsSummarizeTheLatestSnapshot() {
    CustomerSnapshots snapshots = warehouse.snapshots();
    Map<String, List<CustomerSnapshots.Segment>> bySegment =
        snapshots.segments().stream()
            .collect(Collectors.groupingBy(CustomerSnapshots.Segment::segment));

    JsonNode body = get("/api/v1/segments");

    assertThat(body.path("snapshotDate").asString()).isEqualTo(snapshots.date().toString());
    Map<String, Long> customers = new TreeMap<>();
    for (JsonNode row : body.path("segments").path("items")) {
      String segment = row.path("segment").asString();
      customers.put(segment, row.path("customers").asLong());
      assertThat(row.path("totalLtv").decimalValue())
          .isEqualByComparingTo(
              bySegment.get(segment).stream()
                  .map(CustomerSnapshots.Segment::ltvEstimate)
                  .reduce(BigDecimal.ZERO, BigDecimal::add));
    }
    assertThat(customers)
        .isEqualTo(
            bySegment.entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> (long) e.getValue().size())));
    String link =
        body.path("segments").path("items").get(0).path("links").path("customers").asString();
    JsonNode members = get(link + "&size=500");
    assertThat(members.path("totalItems").asLong())
        .isEqualTo(body.path("segments").path("items").get(0).path("customers").asLong());
  }

  @Test
  void drillDownFromASalesRowLeadsToTheOrderLinesThatSumToIt() {
    JsonNode row =
        get("/api/v1/sales/by-zip?from=2025-05-01&to=2025-05-31&size=1")
            .path("rows")
            .path("items")
            .get(0);

    String link = row.path("links").path("orderLines").asString();
    BigDecimal sum = BigDecimal.ZERO;
    for (String status : List.of("placed", "paid", "shipped", "delivered")) {
      JsonNode page = get(link + "&status=" + status + "&size=500");
      for (JsonNode line : page.path("items")) {
        sum = sum.add(line.path("netAmount").decimalValue());
        assertThat(line.path("shipZip").asString()).isEqualTo(row.path("zip").asString());
        assertThat(line.path("category").asString()).isEqualTo(row.path("category").asString());
      }
    }
    assertThat(sum).isEqualByComparingTo(row.path("revenue").decimalValue());
  }

  @Test
  void drillDownFromACouponCategoryListsItsCoupons() {
    JsonNode category =
        get("/api/v1/marketing/coupon-redemptions?from=2025-01-01&to=2025-12-31")
            .path("items")
            .get(0);

    JsonNode coupons = get(category.path("links").path("coupons").asString());

    long total = 0;
    for (JsonNode c : coupons.path("items")) {
      assertThat(c.path("category").asString()).isEqualTo(category.path("category").asString());
      assertThat(c.path("couponCode").asString()).isNotBlank();
      total += c.path("redemptions").asLong();
    }
    assertThat(total).isEqualTo(category.path("redemptions").asLong());
  }

  @Test
  void orderLinePagesAreStableAndComplete() {
    String base = "/api/v1/order-lines?from=2025-03-01&to=2025-03-10&sort=netAmount,desc";
    JsonNode all = get(base + "&size=500");
    List<String> ids = new ArrayList<>();
    all.path("items").forEach(l -> ids.add(l.path("orderLineId").asString()));
    List<String> paged = new ArrayList<>();
    for (int page = 0; page < all.path("totalItems").asLong() / 7 + 1; page++) {
      get(base + "&size=7&page=" + page)
          .path("items")
          .forEach(l -> paged.add(l.path("orderLineId").asString()));
    }
    long truth =
        warehouse.data().lines.stream()
            .filter(l -> !l.order().orderDate().isBefore(LocalDate.of(2025, 3, 1)))
            .filter(l -> !l.order().orderDate().isAfter(LocalDate.of(2025, 3, 10)))
            .count();

    assertThat(all.path("totalItems").asLong()).isEqualTo(truth);
    assertThat(paged).isEqualTo(ids).hasSize((int) truth);
  }

  @Test
  void metaReportsTheGeneratedRange() {
    JsonNode body = get("/api/v1/meta");

    assertThat(body.path("firstOrderDate").asString()).isEqualTo("2025-01-01");
    assertThat(body.path("lastOrderDate").asString())
        .isEqualTo(warehouse.data().lastDay().toString());
    assertThat(body.path("categories").size()).isEqualTo(8);
    assertThat(body.path("states").toString()).contains("\"TX\"");
  }

  @Test
  void callsWithoutValidCredentialsGet401AndHealthStaysOpen() {
    HttpResponse<String> none = send("/api/v1/meta", null, null);
    HttpResponse<String> wrongKey = send("/api/v1/meta", "X-API-Key", "not-a-key");
    HttpResponse<String> forgedToken =
        send("/api/v1/meta", "Authorization", "Bearer eyJhbGciOiJIUzI1NiJ9.e30.c2lnbmF0dXJl");
    HttpResponse<String> health = send("/actuator/health", null, null);

    assertThat(List.of(none.statusCode(), wrongKey.statusCode(), forgedToken.statusCode()))
        .containsOnly(401);
    assertThat(none.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(JSON.readTree(none.body()).path("status").asInt()).isEqualTo(401);
    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(health.body()).contains("\"status\":\"UP\"");
  }

  @Test
  void prometheusExposesApiRequestsByEndpointStatusAndOutcome() {
    get("/api/v1/meta");
    send("/api/v1/meta", null, null);

    HttpResponse<String> metrics = send("/actuator/prometheus", "X-API-Key", DASHBOARD_KEY);

    assertThat(metrics.statusCode()).isEqualTo(200);
    assertThat(metrics.body())
        .containsPattern(
            "c360_api_requests_seconds_count\\{[^}]*outcome=\"SUCCESS\",status=\"200\","
                + "uri=\"/api/v1/meta\"}")
        .containsPattern(
            "c360_api_requests_seconds_count\\{[^}]*outcome=\"CLIENT_ERROR\",status=\"401\"")
        .containsPattern("c360_api_requests_seconds\\{[^}]*quantile=\"0.99\"")
        .containsPattern("c360_api_requests_seconds_max\\{[^}]*uri=\"/api/v1/meta\"}");
  }

  @Test
  void theApiConnectsAsTheReadOnlyRole() {
    JdbcTemplate jdbc = new JdbcTemplate(dataSource);

    assertThat(jdbc.queryForObject("SELECT current_user", String.class))
        .isEqualTo(io.customer360.query.testdata.TestWarehouse.READER);
    assertThatThrownBy(
            () -> jdbc.update("DELETE FROM warehouse.fact_order_line WHERE order_line_id = 'x'"))
        .isInstanceOf(org.springframework.dao.DataAccessException.class);
  }

  @Test
  void openApiDocumentDescribesTheEndpointsAndTheirParameters() {
    HttpResponse<String> docs = send("/v3/api-docs", null, null);
    HttpResponse<String> ui = send("/swagger-ui/index.html", null, null);

    JsonNode paths = JSON.readTree(docs.body()).path("paths");
    assertThat(paths.has("/api/v1/sales/by-zip")).isTrue();
    assertThat(paths.has("/api/v1/customers/{customerId}")).isTrue();
    assertThat(paths.path("/api/v1/customers/top-spenders").toString())
        .contains("\"topPercent\"")
        .contains("\"from\"")
        .contains("\"sort\"");
    assertThat(ui.statusCode()).isEqualTo(200);
  }

  private static String jwt(String scope) throws Exception {
    SignedJWT token =
        new SignedJWT(
            new JWSHeader(JWSAlgorithm.HS256),
            new JWTClaimsSet.Builder()
                .subject("analyst-1")
                .claim("scope", scope)
                .expirationTime(Date.from(Instant.now().plusSeconds(300)))
                .build());
    token.sign(new MACSigner(JWT_SECRET.getBytes(StandardCharsets.UTF_8)));
    return token.serialize();
  }
}
