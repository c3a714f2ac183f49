package io.customer360.query.testdata;

import io.customer360.datagen.world.ZipArea;
import io.customer360.datagen.world.ZipAreas;
import io.customer360.infra.local.LocalEndpoints;
import io.customer360.query.testdata.DatagenOutput.Customer;
import io.customer360.query.testdata.DatagenOutput.Line;
import io.customer360.query.testdata.DatagenOutput.Return;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * The warehouse of the integration tests: the embedded PostgreSQL of the local platform, migrated
 * with warehouse-loader's own Flyway scripts and filled from one datagen run. Facts and dimensions
 * are inserted row by row from the landing files (as the gold models would hold them); the
 * dashboard aggregates are then derived from those facts with SQL, as gold would. Loaded once per
 * test JVM. The API connects as {@link #READER}, a login member of the read-only role.
 */
public final class TestWarehouse {

  /** The read-only login role the API uses in the tests. */
  public static final String READER = "query_api_it";

  /** The generated period: 2025-01-01 to 2026-01-15, so a year-ago comparison has data. */
  public static final LocalDate START = LocalDate.of(2025, 1, 1);

  public static final int DAYS = 380;
  public static final int CUSTOMERS = 150;

  private static final Map<String, Double> LONGITUDES =
      Map.ofEntries(
          Map.entry("02139", -71.10),
          Map.entry("07030", -74.03),
          Map.entry("10001", -74.00),
          Map.entry("11201", -73.99),
          Map.entry("19104", -75.19),
          Map.entry("20001", -77.02),
          Map.entry("27601", -78.64),
          Map.entry("30303", -84.39),
          Map.entry("33101", -80.19),
          Map.entry("37203", -86.79),
          Map.entry("44113", -81.70),
          Map.entry("48201", -83.05),
          Map.entry("55401", -93.27),
          Map.entry("60601", -87.62),
          Map.entry("63101", -90.19),
          Map.entry("70112", -90.08),
          Map.entry("75201", -96.80),
          Map.entry("78701", -97.74),
          Map.entry("80202", -104.99),
          Map.entry("85004", -112.07),
          Map.entry("89101", -115.14),
          Map.entry("94103", -122.41),
          Map.entry("97205", -122.68),
          Map.entry("98101", -122.33));
  private static final String BATCH = "query-api-it";
  private static final DateTimeFormatter DATE_KEY = DateTimeFormatter.BASIC_ISO_DATE;

  private static TestWarehouse loaded;

  private final DatagenOutput data;
  private final List<WebSessions.Session> sessions;
  private final List<CustomerSnapshots> snapshots;
  private final String jdbcUrl;

  private TestWarehouse(DatagenOutput data, String jdbcUrl) {
    this.data = data;
    this.sessions = WebSessions.of(data.events);
    this.snapshots =
        snapshotDays(data).stream().map(day -> CustomerSnapshots.of(data, sessions, day)).toList();
    this.jdbcUrl = jdbcUrl;
  }

  /** The loaded warehouse of this JVM's local platform, loading it on first use. */
  public static synchronized TestWarehouse load(LocalEndpoints endpoints) {
    if (loaded == null) {
      DatagenOutput data = DatagenOutput.generate(START, DAYS, CUSTOMERS);
      TestWarehouse warehouse = new TestWarehouse(data, endpoints.jdbcUrl());
      warehouse.migrateAndFill(endpoints);
      loaded = warehouse;
    }
    return loaded;
  }

  /** The datagen run the warehouse was filled from. */
  public DatagenOutput data() {
    return data;
  }

  /** The sessions loaded into fact_web_session. */
  public List<WebSessions.Session> sessions() {
    return sessions;
  }

  /** The feature and segment snapshot loaded for the last day. */
  public CustomerSnapshots snapshots() {
    return snapshots.get(snapshots.size() - 1);
  }

  /** Snapshots are loaded for the last day of every month and for the last day of the run. */
  private static List<LocalDate> snapshotDays(DatagenOutput data) {
    List<LocalDate> days = new ArrayList<>();
    for (LocalDate d = data.start.plusMonths(1).withDayOfMonth(1).minusDays(1);
        d.isBefore(data.lastDay());
        d = d.plusDays(1).plusMonths(1).minusDays(1)) {
      days.add(d);
    }
    days.add(data.lastDay());
    return days;
  }

  /** Spring properties that connect an application to this warehouse as the read-only role. */
  public Map<String, String> readerProperties() {
    return Map.of(
        "spring.datasource.url", jdbcUrl,
        "spring.datasource.username", READER,
        "spring.datasource.password", "");
  }

  /** A superuser JDBC template, for checks that the data is intact. */
  public static JdbcTemplate admin(LocalEndpoints endpoints) {
    return new JdbcTemplate(
        new SimpleDriverDataSource(
            new org.postgresql.Driver(), endpoints.jdbcUrl(), endpoints.jdbcUser(), ""));
  }

  private void migrateAndFill(LocalEndpoints endpoints) {
    Flyway.configure()
        .dataSource(endpoints.jdbcUrl(), endpoints.jdbcUser(), "")
        .locations("classpath:db/migration/common", "classpath:db/migration/postgresql")
        .schemas("ops", "warehouse", "analytics")
        .load()
        .migrate();
    JdbcTemplate jdbc = admin(endpoints);
    jdbc.execute(
        "DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '"
            + READER
            + "') THEN CREATE ROLE "
            + READER
            + " LOGIN IN ROLE c360_reader; END IF; END $$");
    insertDimensions(jdbc);
    insertFacts(jdbc);
    insertSnapshots(jdbc);
    deriveAggregates(jdbc);
    jdbc.execute("ANALYZE");
  }

  private void insertDimensions(JdbcTemplate jdbc) {
    jdbc.batchUpdate(
        "INSERT INTO warehouse.dim_product VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        data.products.values().stream()
            .map(
                p ->
                    new Object[] {
                      p.id(),
                      ts(data.start.atStartOfDay().toInstant(java.time.ZoneOffset.UTC)),
                      p.name(),
                      p.category(),
                      p.subcategory(),
                      p.brand(),
                      p.price(),
                      p.cost(),
                      p.active(),
                      BATCH
                    })
            .toList());
    List<Object[]> zips = new ArrayList<>();
    for (ZipArea z : ZipAreas.all()) {
      zips.add(
          new Object[] {
            z.zip(), z.city(), z.state(), z.latitude(), LONGITUDES.get(z.zip()), BATCH
          });
    }
    jdbc.batchUpdate("INSERT INTO warehouse.dim_geography VALUES (?, ?, ?, ?, ?, ?)", zips);
    jdbc.batchUpdate(
        """
        INSERT INTO warehouse.dim_customer (customer_id, source_updated_at, valid_from, valid_to,
          is_current, first_name_token, last_name_token, email_hash, phone_hash, birth_year_band,
          city, state, zip, signup_date, loyalty_tier, marketing_opt_in, load_batch_id)
        VALUES (?, ?, TIMESTAMPTZ '1900-01-01 00:00:00+00', TIMESTAMPTZ '9999-12-31 00:00:00+00',
          TRUE, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """,
        data.customers.values().stream().map(TestWarehouse::customerRow).toList());
    jdbc.batchUpdate(
        "INSERT INTO warehouse.dim_campaign VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        data.campaigns.stream()
            .map(
                c ->
                    new Object[] {
                      c.id(),
                      c.utmSource(),
                      c.utmMedium(),
                      c.utmCampaign(),
                      c.couponCode(),
                      c.category(),
                      c.firstDay(),
                      c.lastDay(),
                      BATCH
                    })
            .toList());
    jdbc.update(
        """
        INSERT INTO warehouse.dim_date
        SELECT CAST(TO_CHAR(d, 'YYYYMMDD') AS INTEGER), d, EXTRACT(YEAR FROM d),
               EXTRACT(QUARTER FROM d), EXTRACT(MONTH FROM d), TRIM(TO_CHAR(d, 'Month')),
               TO_CHAR(d, 'YYYY-MM'), CAST(DATE_TRUNC('month', d) AS DATE), EXTRACT(ISOYEAR FROM d),
               EXTRACT(WEEK FROM d), EXTRACT(DAY FROM d), EXTRACT(ISODOW FROM d),
               TRIM(TO_CHAR(d, 'Day')), EXTRACT(ISODOW FROM d) >= 6
        FROM (SELECT CAST(g AS DATE) AS d
              FROM generate_series(CAST(? AS DATE), CAST(? AS DATE), INTERVAL '1 day') g) days
        """,
        data.start,
        data.lastDay());
  }

  private static Object[] customerRow(Customer c) {
    return new Object[] {
      c.id(),
      ts(c.updatedAt()),
      token("first", c.firstName()),
      token("last", c.lastName()),
      token("email", c.email() == null ? null : c.email().toLowerCase(java.util.Locale.ROOT)),
      token("phone", c.phone() == null ? null : c.phone().replaceAll("[^0-9]", "")),
      c.birthDate() == null
          ? null
          : (c.birthDate().getYear() / 10 * 10) + "-" + (c.birthDate().getYear() / 10 * 10 + 9),
      c.city(),
      c.state(),
      c.zip(),
      c.signupDate(),
      c.loyaltyTier(),
      c.marketingOptIn(),
      BATCH
    };
  }

  private void insertFacts(JdbcTemplate jdbc) {
    Map<String, int[]> returnedUnits = new TreeMap<>();
    Map<String, BigDecimal> refunds = new TreeMap<>();
    for (Return r : data.returns) {
      returnedUnits.computeIfAbsent(r.lineId(), k -> new int[1])[0] += r.quantity();
      refunds.merge(r.lineId(), r.refund(), BigDecimal::add);
    }
    List<Object[]> rows = new ArrayList<>();
    for (Line l : data.lines) {
      var o = l.order();
      rows.add(
          new Object[] {
            l.id(),
            o.id(),
            o.orderDate(),
            ts(o.orderTs()),
            o.status(),
            ts(o.statusAt()),
            o.channel(),
            o.customerId(),
            o.shipZip(),
            l.product().id(),
            l.product().name(),
            l.product().category(),
            l.product().subcategory(),
            l.product().brand(),
            l.quantity(),
            l.unitPrice(),
            l.discount(),
            l.net(),
            o.couponCode(),
            o.campaignId(),
            returnedUnits.containsKey(l.id()) ? returnedUnits.get(l.id())[0] : 0,
            refunds.getOrDefault(l.id(), BigDecimal.ZERO),
            Integer.parseInt(o.orderDate().format(DATE_KEY)),
            BATCH
          });
    }
    jdbc.batchUpdate(
        """
        INSERT INTO warehouse.fact_order_line (order_line_id, order_id, order_date, order_ts,
          order_status, status_updated_at, channel, customer_id, ship_zip, product_id,
          product_name, category, subcategory, brand, quantity, unit_price, discount_amount,
          net_amount, coupon_code, campaign_id, returned_quantity, returned_amount,
          order_date_key, load_batch_id)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """,
        rows);
    jdbc.update(
        """
        UPDATE warehouse.fact_order_line f SET customer_key = c.customer_key
        FROM warehouse.dim_customer c WHERE c.customer_id = f.customer_id AND c.is_current
        """);
    jdbc.batchUpdate(
        "INSERT INTO warehouse.fact_return VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        data.returns.stream()
            .map(
                r ->
                    new Object[] {
                      r.id(),
                      r.lineId(),
                      r.orderId(),
                      data.orders.containsKey(r.orderId())
                          ? data.orders.get(r.orderId()).customerId()
                          : null,
                      r.productId(),
                      r.returnDate(),
                      ts(r.returnedAt()),
                      r.quantity(),
                      r.reason(),
                      r.refund(),
                      Integer.parseInt(r.returnDate().format(DATE_KEY)),
                      BATCH
                    })
            .toList());
    jdbc.batchUpdate(
        """
        INSERT INTO warehouse.fact_web_session VALUES
          (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """,
        sessions.stream()
            .map(
                s ->
                    new Object[] {
                      s.sessionId(),
                      s.deviceId(),
                      s.customerId(),
                      s.device(),
                      s.date(),
                      ts(s.start()),
                      ts(s.end()),
                      s.durationSeconds(),
                      s.pageViews(),
                      s.events(),
                      s.productsViewed(),
                      s.productsPurchased(),
                      s.orders(),
                      s.revenue(),
                      s.entryCampaignId(),
                      s.entryUtmSource(),
                      s.entryReferrer(),
                      s.zip(),
                      Integer.parseInt(s.date().format(DATE_KEY)),
                      BATCH
                    })
            .toList());
  }

  private void insertSnapshots(JdbcTemplate jdbc) {
    snapshots.forEach(s -> insertSnapshot(jdbc, s));
    insertChurnScores(jdbc);
  }

  private void insertSnapshot(JdbcTemplate jdbc, CustomerSnapshots snapshots) {
    jdbc.batchUpdate(
        """
        INSERT INTO warehouse.customer_features VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,
          ?, ?, ?, ?, 0, NULL, ?, ?, ?, ?, ?, ?, NULL, ?)
        """,
        snapshots.features().stream()
            .map(
                f ->
                    new Object[] {
                      f.customerId(),
                      snapshots.date(),
                      f.tenureDays(),
                      f.recencyDays(),
                      f.ordersTotal(),
                      f.unitsTotal(),
                      f.unitsByCategoryJson(),
                      f.spendTotal(),
                      f.avgSpendPerOrder(),
                      f.avgSpendPerMonth(),
                      f.spend30d(),
                      f.spend90d(),
                      f.orders30d(),
                      f.orders90d(),
                      f.couponsApplied(),
                      f.couponValueTotal(),
                      f.returnsCount(),
                      f.returnRate(),
                      f.sessions7d(),
                      f.sessions30d(),
                      f.sessions90d(),
                      f.browseToBuy7d(),
                      f.browseToBuy30d(),
                      f.browseToBuy90d(),
                      BATCH
                    })
            .toList());
    jdbc.batchUpdate(
        "INSERT INTO warehouse.customer_segments VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        snapshots.segments().stream()
            .map(
                s ->
                    new Object[] {
                      s.customerId(),
                      snapshots.date(),
                      s.recencyScore(),
                      s.frequencyScore(),
                      s.monetaryScore(),
                      s.rfmCell(),
                      s.segment(),
                      s.ltvEstimate(),
                      BATCH
                    })
            .toList());
  }

  private void insertChurnScores(JdbcTemplate jdbc) {
    jdbc.batchUpdate(
        "INSERT INTO warehouse.churn_scores VALUES (?, ?, 'datagen-truth', ?, ?, ?, NULL)",
        data.churnLabels.stream()
            .map(
                l ->
                    new Object[] {
                      l.customerId(),
                      l.snapshotDate(),
                      ts(
                          l.snapshotDate()
                              .plusDays(1)
                              .atStartOfDay()
                              .toInstant(java.time.ZoneOffset.UTC)),
                      l.trueProbability(),
                      l.trueProbability() >= 0.5
                          ? "high"
                          : l.trueProbability() >= 0.2 ? "medium" : "low"
                    })
            .toList());
  }

  /** The gold aggregates, derived from the facts as transform-service derives them from silver. */
  private static void deriveAggregates(JdbcTemplate jdbc) {
    jdbc.update(
        """
        INSERT INTO warehouse.agg_sales_by_zip_category_daily
        SELECT order_date, COALESCE(ship_zip, 'unknown'), category, COUNT(DISTINCT order_id),
               SUM(quantity), SUM(net_amount),
               COUNT(DISTINCT CASE WHEN coupon_code IS NOT NULL THEN order_id END),
               SUM(discount_amount), 'derived'
        FROM warehouse.fact_order_line WHERE order_status <> 'cancelled'
        GROUP BY order_date, COALESCE(ship_zip, 'unknown'), category
        """);
    jdbc.update(
        """
        INSERT INTO warehouse.agg_returns_by_product_daily
        SELECT r.return_date, r.product_id, MAX(p.category), COUNT(*), SUM(r.quantity),
               SUM(r.refund_amount), 'derived'
        FROM warehouse.fact_return r LEFT JOIN warehouse.dim_product p USING (product_id)
        GROUP BY r.return_date, r.product_id
        """);
    jdbc.update(
        """
        INSERT INTO warehouse.agg_coupon_redemptions_daily
        SELECT order_date, category, coupon_code, MAX(campaign_id), COUNT(DISTINCT order_id),
               SUM(discount_amount), SUM(net_amount), 'derived'
        FROM warehouse.fact_order_line
        WHERE order_status <> 'cancelled' AND coupon_code IS NOT NULL
        GROUP BY order_date, category, coupon_code
        """);
    jdbc.update(
        """
        INSERT INTO warehouse.agg_campaign_referrals_daily
        SELECT s.session_date, s.entry_campaign_id, MAX(c.utm_source), MAX(c.utm_medium),
               COUNT(*), COUNT(DISTINCT s.device_id), SUM(s.orders), SUM(s.revenue), 'derived'
        FROM warehouse.fact_web_session s
        LEFT JOIN warehouse.dim_campaign c ON c.campaign_id = s.entry_campaign_id
        WHERE s.entry_campaign_id IS NOT NULL
        GROUP BY s.session_date, s.entry_campaign_id
        """);
    jdbc.update(
        """
        INSERT INTO warehouse.agg_activity_by_geography_daily
        SELECT a.activity_date, a.zip, MAX(g.state), SUM(a.sessions),
               COUNT(DISTINCT a.customer_id), COUNT(DISTINCT a.order_id),
               COALESCE(SUM(a.revenue), 0), 'derived'
        FROM (
          SELECT session_date AS activity_date, zip, customer_id, 1 AS sessions,
                 CAST(NULL AS VARCHAR) AS order_id, CAST(NULL AS NUMERIC) AS revenue
          FROM warehouse.fact_web_session WHERE zip IS NOT NULL
          UNION ALL
          SELECT order_date, ship_zip, customer_id, 0, order_id, net_amount
          FROM warehouse.fact_order_line
          WHERE order_status <> 'cancelled' AND ship_zip IS NOT NULL
        ) a
        LEFT JOIN warehouse.dim_geography g ON g.zip = a.zip
        GROUP BY a.activity_date, a.zip
        """);
    jdbc.update(
        """
        INSERT INTO warehouse.agg_purchases_per_minute
        SELECT CAST(DATE_TRUNC('minute', order_ts AT TIME ZONE 'UTC') AS DATE),
               DATE_TRUNC('minute', order_ts), COUNT(DISTINCT order_id), SUM(quantity),
               SUM(net_amount), 'derived'
        FROM warehouse.fact_order_line
        GROUP BY DATE_TRUNC('minute', order_ts), DATE_TRUNC('minute', order_ts AT TIME ZONE 'UTC')
        """);
    jdbc.update(
        """
        INSERT INTO ops.load_manifest
        SELECT model, 'query-api-it', NULL, now(), now(), 'loaded', '[]', 1, 0, 0, 0
        FROM (VALUES ('order_lines'), ('sales_by_zip_category_daily'), ('web_sessions')) m(model)
        """);
  }

  private static Timestamp ts(Instant instant) {
    return instant == null ? null : Timestamp.from(instant);
  }

  /** A keyed-hash stand-in for silver's tokens and hashes: deterministic, not reversible. */
  static String token(String kind, String value) {
    if (value == null) {
      return null;
    }
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest((kind + ":" + value).getBytes(StandardCharsets.UTF_8));
      return "tok_" + HexFormat.of().formatHex(digest, 0, 12);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Customer ids by state, for filters. */
  public Map<String, List<String>> customersByState() {
    return data.customers.values().stream()
        .collect(
            Collectors.groupingBy(
                Customer::state,
                TreeMap::new,
                Collectors.mapping(Customer::id, Collectors.toList())));
  }
}
