package io.customer360.query.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * PostgreSQL 17 (the local platform's embedded binaries) with the warehouse schema of
 * warehouse-loader's migrations and {@code lines} order lines generated in the database with
 * generate_series: 730 days from 2024-01-01, 3 lines per order, 200,000 customers, 2,000 products
 * in 8 categories, 24 zip codes, 4% of orders cancelled, every 7th with a coupon. The dashboard
 * aggregates are derived from the lines as gold would.
 */
final class BenchWarehouse implements AutoCloseable {

  static final String READER = "query_api_bench";
  static final int CUSTOMERS = 200_000;
  static final int PRODUCTS = 2_000;
  static final int DAYS = 730;

  private static final List<String> ZIPS =
      List.of(
          "('02139','Cambridge','MA',42.36,-71.10)",
          "('07030','Hoboken','NJ',40.74,-74.03)",
          "('10001','New York','NY',40.75,-74.00)",
          "('11201','Brooklyn','NY',40.69,-73.99)",
          "('19104','Philadelphia','PA',39.96,-75.19)",
          "('20001','Washington','DC',38.91,-77.02)",
          "('27601','Raleigh','NC',35.77,-78.64)",
          "('30303','Atlanta','GA',33.75,-84.39)",
          "('33101','Miami','FL',25.78,-80.19)",
          "('37203','Nashville','TN',36.15,-86.79)",
          "('44113','Cleveland','OH',41.48,-81.70)",
          "('48201','Detroit','MI',42.35,-83.05)",
          "('55401','Minneapolis','MN',44.98,-93.27)",
          "('60601','Chicago','IL',41.88,-87.62)",
          "('63101','St. Louis','MO',38.63,-90.19)",
          "('70112','New Orleans','LA',29.96,-90.08)",
          "('75201','Dallas','TX',32.79,-96.80)",
          "('78701','Austin','TX',30.27,-97.74)",
          "('80202','Denver','CO',39.75,-104.99)",
          "('85004','Phoenix','AZ',33.45,-112.07)",
          "('89101','Las Vegas','NV',36.17,-115.14)",
          "('94103','San Francisco','CA',37.77,-122.41)",
          "('97205','Portland','OR',45.52,-122.68)",
          "('98101','Seattle','WA',47.61,-122.33)");
  private static final String CATEGORIES =
      "(ARRAY['garden','kitchen','outdoor','rainwear','electronics','toys','office','winter'])";

  private final EmbeddedPostgres postgres;
  private final String jdbcUrl;

  private BenchWarehouse(EmbeddedPostgres postgres) {
    this.postgres = postgres;
    this.jdbcUrl = "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/warehouse";
  }

  static BenchWarehouse start() {
    try {
      EmbeddedPostgres postgres =
          EmbeddedPostgres.builder()
              .setPGStartupWait(Duration.ofSeconds(60))
              .setServerConfig("listen_addresses", "127.0.0.1")
              .setServerConfig("max_connections", "200")
              .setServerConfig("shared_buffers", "1GB")
              .setServerConfig("work_mem", "32MB")
              .setServerConfig("maintenance_work_mem", "1GB")
              .setServerConfig("max_wal_size", "8GB")
              .setServerConfig("synchronous_commit", "off")
              .setServerConfig("fsync", "off")
              .setServerConfig("full_page_writes", "off")
              .start();
      new JdbcTemplate(postgres.getPostgresDatabase()).execute("CREATE DATABASE warehouse");
      return new BenchWarehouse(postgres);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  String jdbcUrl() {
    return jdbcUrl;
  }

  JdbcTemplate admin() {
    return new JdbcTemplate(
        new SimpleDriverDataSource(new org.postgresql.Driver(), jdbcUrl, "postgres", ""));
  }

  /** Migrates, generates {@code lines} order lines and derives the aggregates. */
  void fill(long lines) {
    Flyway.configure()
        .dataSource(jdbcUrl, "postgres", "")
        .locations("classpath:db/migration/common", "classpath:db/migration/postgresql")
        .schemas("ops", "warehouse", "analytics")
        .load()
        .migrate();
    JdbcTemplate sql = admin();
    sql.execute("CREATE ROLE " + READER + " LOGIN IN ROLE c360_reader");
    sql.execute(
        "CREATE TABLE public.bench_zips (n serial, zip text, city text, state text, lat float8, lon float8)");
    long started = System.nanoTime();
    dimensions(sql);
    facts(sql, lines);
    aggregates(sql);
    sql.execute("VACUUM ANALYZE");
    System.out.printf(
        "warehouse: %,d order lines generated and indexed in %.0f s%n",
        lines, (System.nanoTime() - started) / 1e9);
  }

  private static void dimensions(JdbcTemplate sql) {
    sql.execute(
        "INSERT INTO public.bench_zips (zip, city, state, lat, lon) VALUES "
            + String.join(",", ZIPS));
    sql.execute(
        "INSERT INTO warehouse.dim_geography SELECT zip, city, state, lat, lon, 'bench' FROM public.bench_zips");
    sql.execute(
        "INSERT INTO warehouse.dim_product SELECT 'P' || LPAD(p::text, 5, '0'),"
            + " TIMESTAMPTZ '2024-01-01 00:00:00+00', 'Widget ' || p, "
            + CATEGORIES
            + "[p % 8 + 1], NULL, 'Acme', 5.99 + (p % 100), 2 + (p % 50), TRUE, 'bench'"
            + " FROM generate_series(0, "
            + (PRODUCTS - 1)
            + ") p");
    sql.execute(
        "INSERT INTO warehouse.dim_customer (customer_key, customer_id, source_updated_at,"
            + " valid_from, valid_to, is_current, city, state, zip, signup_date, loyalty_tier,"
            + " marketing_opt_in, load_batch_id)"
            + " SELECT c + 1, 'C' || LPAD(c::text, 7, '0'), TIMESTAMPTZ '2023-01-01 00:00:00+00',"
            + " TIMESTAMPTZ '1900-01-01 00:00:00+00', TIMESTAMPTZ '9999-12-31 00:00:00+00', TRUE,"
            + " z.city, z.state, z.zip, DATE '2023-01-01', 'none', TRUE, 'bench'"
            + " FROM generate_series(0, "
            + (CUSTOMERS - 1)
            + ") c JOIN public.bench_zips z ON z.n = c % 24 + 1");
    sql.execute(
        "INSERT INTO warehouse.dim_date SELECT CAST(TO_CHAR(d, 'YYYYMMDD') AS INTEGER), d,"
            + " EXTRACT(YEAR FROM d), EXTRACT(QUARTER FROM d), EXTRACT(MONTH FROM d),"
            + " TRIM(TO_CHAR(d, 'Month')), TO_CHAR(d, 'YYYY-MM'), CAST(DATE_TRUNC('month', d) AS DATE),"
            + " EXTRACT(ISOYEAR FROM d), EXTRACT(WEEK FROM d), EXTRACT(DAY FROM d),"
            + " EXTRACT(ISODOW FROM d), TRIM(TO_CHAR(d, 'Day')), EXTRACT(ISODOW FROM d) >= 6"
            + " FROM (SELECT CAST(g AS DATE) AS d FROM generate_series(DATE '2024-01-01',"
            + " DATE '2024-01-01' + "
            + (DAYS - 1)
            + ", INTERVAL '1 day') g) days");
  }

  /**
   * Inserts in date order, as warehouse-loader's partition loads do (the BRIN index on order_date
   * relies on it), without indexes, then builds the migration's indexes again from their
   * definitions.
   */
  private static void facts(JdbcTemplate sql, long lines) {
    List<Map<String, Object>> indexes =
        sql.queryForList(
            "SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'warehouse'"
                + " AND tablename = 'fact_order_line' AND indexname <> 'fact_order_line_pkey'");
    indexes.forEach(i -> sql.execute("DROP INDEX warehouse." + i.get("indexname")));
    sql.execute("ALTER TABLE warehouse.fact_order_line DROP CONSTRAINT fact_order_line_pkey");
    long orders = (lines + 2) / 3;
    sql.execute(
        "INSERT INTO warehouse.fact_order_line"
            + " SELECT 'L' || g, 'O' || o, d, ts,"
            + " CASE WHEN o % 25 = 0 THEN 'cancelled' ELSE 'delivered' END, ts + INTERVAL '2 days',"
            + " (ARRAY['web','ios','android'])[CAST(o % 3 AS INTEGER) + 1],"
            + " 'C' || LPAD(cu::text, 7, '0'),"
            + " (SELECT ARRAY_AGG(zip ORDER BY n) FROM public.bench_zips)[CAST(cu % 24 AS INTEGER) + 1],"
            + " 'P' || LPAD(p::text, 5, '0'), 'Widget ' || p, "
            + CATEGORIES
            + "[CAST(p % 8 AS INTEGER) + 1], NULL, 'Acme', q, price, disc, q * price - disc,"
            + " CASE WHEN o % 7 = 0 THEN 'SAVE10-' || (o % 20) END,"
            + " CASE WHEN o % 7 = 0 THEN 'CMP' || LPAD((o % 20)::text, 3, '0') END,"
            + " NULL, NULL, NULL, 0, 0, CAST(TO_CHAR(d, 'YYYYMMDD') AS INTEGER), cu + 1, 'bench'"
            + " FROM ("
            + "  SELECT g, o, cu, p, q, price,"
            + "   CASE WHEN o % 7 = 0 THEN ROUND(q * price * 0.1, 2) ELSE 0 END AS disc,"
            + "   DATE '2024-01-01' + CAST(o * "
            + DAYS
            + " / "
            + orders
            + " AS INTEGER) AS d,"
            + "   CAST(DATE '2024-01-01' + CAST(o * "
            + DAYS
            + " / "
            + orders
            + " AS INTEGER) AS TIMESTAMP) AT TIME ZONE 'UTC'"
            + "     + ((o * 7919) % 86400) * INTERVAL '1 second' AS ts"
            + "  FROM ("
            + "   SELECT g, (g - 1) / 3 AS o, ((g - 1) / 3 * 48271) % "
            + CUSTOMERS
            + " AS cu,"
            + "    (g * 7907) % "
            + PRODUCTS
            + " AS p, 1 + g % 3 AS q, 5.99 + ((g * 7907) % "
            + PRODUCTS
            + ") % 100 AS price"
            + "   FROM generate_series(CAST(1 AS BIGINT), "
            + lines
            + ") g) s) l");
    sql.execute(
        "ALTER TABLE warehouse.fact_order_line ADD CONSTRAINT fact_order_line_pkey"
            + " PRIMARY KEY (order_line_id)");
    indexes.forEach(i -> sql.execute((String) i.get("indexdef")));
  }

  private static void aggregates(JdbcTemplate sql) {
    sql.execute(
        "INSERT INTO warehouse.agg_sales_by_zip_category_daily"
            + " SELECT order_date, COALESCE(ship_zip, 'unknown'), category,"
            + " COUNT(DISTINCT order_id), SUM(quantity), SUM(net_amount),"
            + " COUNT(DISTINCT CASE WHEN coupon_code IS NOT NULL THEN order_id END),"
            + " SUM(discount_amount), 'bench'"
            + " FROM warehouse.fact_order_line WHERE order_status <> 'cancelled'"
            + " GROUP BY order_date, COALESCE(ship_zip, 'unknown'), category");
    sql.execute(
        "INSERT INTO warehouse.agg_purchases_per_minute"
            + " SELECT CAST(DATE_TRUNC('minute', order_ts AT TIME ZONE 'UTC') AS DATE),"
            + " DATE_TRUNC('minute', order_ts), COUNT(DISTINCT order_id), SUM(quantity),"
            + " SUM(net_amount), 'bench' FROM warehouse.fact_order_line"
            + " GROUP BY DATE_TRUNC('minute', order_ts),"
            + " DATE_TRUNC('minute', order_ts AT TIME ZONE 'UTC')");
  }

  @Override
  public void close() throws IOException {
    postgres.close();
  }
}
