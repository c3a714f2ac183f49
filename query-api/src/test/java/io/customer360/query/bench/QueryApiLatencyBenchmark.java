package io.customer360.query.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.customer360.query.QueryApiApplication;
import io.customer360.query.customers.TopSpenderQueries;
import io.customer360.query.customers.TopSpendersQuery;
import io.customer360.query.realtime.PurchaseTrendQueries;
import io.customer360.query.realtime.TrendParams;
import io.customer360.query.sales.SalesQueries;
import io.customer360.query.sales.SalesQuery;
import io.customer360.query.web.DateRange;
import io.customer360.query.web.Paging;
import io.customer360.query.web.SortOrder;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Random;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * p50/p99 latency and throughput of the heaviest query-api endpoints (top spenders of a random day,
 * sales by zip of a random month vs a year earlier, the 24-hour purchase trend of one category)
 * over HTTP on loopback, at 50 and 200 concurrent connections, against the same query classes
 * called directly over JDBC (same SQL, same pool size, same read-only role, no HTTP, JSON, security
 * or rate limiting) in the same run. The API's cache is off for these pairs (every request runs its
 * SQL; random periods make repeats rare anyway); a last pair shows a cached dashboard question. Run
 * by benchmarks/query-api-latency.sh.
 */
public final class QueryApiLatencyBenchmark {

  private static final String KEY = "bench-key-" + Long.toHexString(new Random().nextLong());
  private static final int POOL = 16;
  private static final LocalDate FIRST_DAY = LocalDate.of(2024, 1, 1);
  private static final SortOrder BY_SPEND =
      new SortOrder("spend", true, "spend DESC NULLS LAST, customer_id");
  private static final SortOrder BY_REVENUE =
      new SortOrder("revenue", true, "revenue DESC NULLS LAST, zip, category");

  private QueryApiLatencyBenchmark() {}

  public static void main(String[] args) throws Exception {
    long lines = args.length > 0 ? Long.parseLong(args[0]) : 10_000_000L;
    Duration warmup = Duration.ofSeconds(args.length > 1 ? Long.parseLong(args[1]) : 10);
    Duration measure = Duration.ofSeconds(args.length > 2 ? Long.parseLong(args[2]) : 20);
    try (BenchWarehouse warehouse = BenchWarehouse.start()) {
      warehouse.fill(lines);
      try (ConfigurableApplicationContext uncached = startApi(warehouse, "0s");
          ConfigurableApplicationContext cached = startApi(warehouse, "60s");
          HikariDataSource pool = baselinePool(warehouse)) {
        new Runner(port(uncached), port(cached), pool, warmup, measure).runAll();
      }
    }
  }

  private static ConfigurableApplicationContext startApi(BenchWarehouse warehouse, String ttl) {
    // Command-line arguments: they outrank application.yaml (server.port=${PORT:8080} there).
    return new SpringApplicationBuilder(QueryApiApplication.class)
        .run(
            "--server.port=0",
            "--spring.datasource.url=" + warehouse.jdbcUrl(),
            "--spring.datasource.username=" + BenchWarehouse.READER,
            "--spring.datasource.password=",
            "--spring.datasource.hikari.maximum-pool-size=" + POOL,
            "--c360.security.api-keys.bench=" + KEY,
            "--c360.query-api.rate-limit.requests-per-second=1000000",
            "--c360.query-api.rate-limit.burst=1000000",
            "--c360.query-api.cache.ttl=" + ttl,
            "--logging.level.root=WARN",
            "--spring.main.banner-mode=off");
  }

  private static HikariDataSource baselinePool(BenchWarehouse warehouse) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(warehouse.jdbcUrl());
    config.setUsername(BenchWarehouse.READER);
    config.setPassword("");
    config.setMaximumPoolSize(POOL);
    config.setReadOnly(true);
    return new HikariDataSource(config);
  }

  private static int port(ConfigurableApplicationContext context) {
    return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
  }

  /** The scenarios, each run over HTTP and directly over JDBC. */
  private static final class Runner {

    private final HttpClient http =
        HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final int uncachedPort;
    private final int cachedPort;
    private final TopSpenderQueries topSpenders;
    private final SalesQueries sales;
    private final PurchaseTrendQueries trend;
    private final Duration warmup;
    private final Duration measure;

    Runner(
        int uncachedPort,
        int cachedPort,
        HikariDataSource pool,
        Duration warmup,
        Duration measure) {
      this.uncachedPort = uncachedPort;
      this.cachedPort = cachedPort;
      // The same JdbcTemplate settings as WarehouseConfiguration: timeout, row cap, fetch size.
      JdbcTemplate jdbc = new JdbcTemplate(pool);
      jdbc.setQueryTimeout(10);
      jdbc.setMaxRows(50_000);
      jdbc.setFetchSize(1_000);
      NamedParameterJdbcTemplate named = new NamedParameterJdbcTemplate(jdbc);
      this.topSpenders = new TopSpenderQueries(named);
      this.sales = new SalesQueries(named);
      this.trend = new PurchaseTrendQueries(named);
      this.warmup = warmup;
      this.measure = measure;
    }

    void runAll() throws Exception {
      for (int concurrency : List.of(50, 200)) {
        LoadRun.Stats floor =
            LoadRun.run(
                concurrency, warmup, measure, r -> get(uncachedPort, "/actuator/health/liveness"));
        System.out.printf("scenario=http_floor concurrency=%d api: %s%n", concurrency, floor);
        compare(
            "top_spenders",
            concurrency,
            r -> get(uncachedPort, topSpendersUrl(day(r))),
            r -> !topSpenders.topSpenders(topSpendersQuery(day(r))).items().isEmpty());
        compare(
            "sales_by_zip",
            concurrency,
            r -> get(uncachedPort, salesUrl(month(r))),
            r -> !sales.byZip(salesQuery(month(r))).items().isEmpty());
        compare(
            "purchase_trend",
            concurrency,
            r -> get(uncachedPort, trendUrl(until(r))),
            r -> {
              Instant until = until(r);
              return !trend
                  .perMinute(until.minus(24, ChronoUnit.HOURS), until, trendParams(until))
                  .isEmpty();
            });
      }
      DateRange june = new DateRange(LocalDate.of(2025, 6, 1), LocalDate.of(2025, 6, 30));
      compare(
          "sales_by_zip_cached",
          200,
          r -> get(cachedPort, salesUrl(june)),
          r -> !sales.byZip(salesQuery(june)).items().isEmpty());
    }

    private void compare(String name, int concurrency, LoadRun.Call api, LoadRun.Call jdbc)
        throws Exception {
      LoadRun.Stats viaApi = LoadRun.run(concurrency, warmup, measure, api);
      LoadRun.Stats viaJdbc = LoadRun.run(concurrency, warmup, measure, jdbc);
      System.out.printf(
          "scenario=%s concurrency=%d api: %s | jdbc: %s%n", name, concurrency, viaApi, viaJdbc);
      String prefix = "query_api_" + name + "_c" + concurrency;
      result(prefix + "_throughput", viaApi.throughput(), "req/s", viaJdbc.throughput());
      result(prefix + "_p50", viaApi.p50Millis(), "ms", viaJdbc.p50Millis());
      result(prefix + "_p99", viaApi.p99Millis(), "ms", viaJdbc.p99Millis());
    }

    private static void result(String name, double value, String unit, double baseline) {
      System.out.printf(
          "RESULT %s value=%.1f unit=%s baseline=%.1f ratio=%.3f%n",
          name, value, unit, baseline, value / baseline);
    }

    private boolean get(int port, String pathAndQuery) throws Exception {
      HttpResponse<Void> response =
          http.send(
              HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + pathAndQuery))
                  .header("X-API-Key", KEY)
                  .build(),
              HttpResponse.BodyHandlers.discarding());
      return response.statusCode() == 200;
    }

    /** One day: about 13,700 order lines, ~9,000 customers to rank. */
    private static DateRange day(Random r) {
      LocalDate day = FIRST_DAY.plusDays(r.nextInt(BenchWarehouse.DAYS));
      return new DateRange(day, day);
    }

    private static DateRange month(Random r) {
      LocalDate first = LocalDate.of(2025, 1 + r.nextInt(12), 1);
      return new DateRange(first, first.plusMonths(1).minusDays(1));
    }

    private static Instant until(Random r) {
      return FIRST_DAY
          .plusDays(1 + r.nextInt(BenchWarehouse.DAYS - 1))
          .atStartOfDay()
          .toInstant(ZoneOffset.UTC);
    }

    private static String topSpendersUrl(DateRange p) {
      return "/api/v1/customers/top-spenders?from="
          + p.from()
          + "&to="
          + p.to()
          + "&topPercent=1&size=50";
    }

    private static TopSpendersQuery topSpendersQuery(DateRange p) {
      return new TopSpendersQuery(p, BigDecimal.ONE, null, null, null, BY_SPEND, new Paging(0, 50));
    }

    private static String salesUrl(DateRange p) {
      return "/api/v1/sales/by-zip?from=" + p.from() + "&to=" + p.to() + "&size=50";
    }

    private static SalesQuery salesQuery(DateRange p) {
      return new SalesQuery(
          p, p.previousYear(), false, null, null, null, BY_REVENUE, new Paging(0, 50));
    }

    private static String trendUrl(Instant until) {
      return "/api/v1/purchases/per-minute?hours=24&until="
          + until
          + "&category=garden&bucketMinutes=15&size=100";
    }

    private static TrendParams trendParams(Instant until) {
      return new TrendParams(24, until, "15", null, "garden", null);
    }
  }
}
