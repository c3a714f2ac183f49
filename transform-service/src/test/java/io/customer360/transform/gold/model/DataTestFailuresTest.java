package io.customer360.transform.gold.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Each kind of data test fails on a deliberately broken input. Datagen's silver is altered in the
 * session (silver views replaced): one order line duplicated, one pointing at a product that does
 * not exist, one order given an unknown status, one its customer removed, one order dropped while
 * its lines remain, one customer's state spelled out; then every model is rebuilt and tested.
 */
class DataTestFailuresTest {

  @TempDir static Path dir;
  static Connection duckdb;
  static List<DataTestFailure> failures;
  static List<String> orders;
  static String duplicatedLine;
  static String misspelledCustomer;

  @BeforeAll
  static void buildOnBrokenSilver() {
    duckdb = GoldSession.open();
    SilverViews.create(duckdb, DatagenSilver.shared().root(), GoldSession.MODELS.silverDatasets());
    for (String dataset : List.of("orders", "order_items", "customers")) {
      GoldSession.execute(
          duckdb, "CREATE TABLE base_" + dataset + " AS SELECT * FROM silver_" + dataset);
    }
    orders =
        GoldSession.rows(
                duckdb, "SELECT DISTINCT order_id FROM base_order_items ORDER BY order_id LIMIT 3")
            .stream()
            .map(r -> r.get(0))
            .toList();
    duplicatedLine = GoldSession.value(duckdb, "SELECT max(order_item_id) FROM base_order_items");
    misspelledCustomer = GoldSession.value(duckdb, "SELECT min(customer_id) FROM base_customers");
    GoldSession.execute(
        duckdb,
        "CREATE OR REPLACE VIEW silver_orders AS SELECT * REPLACE ("
            + "CASE WHEN order_id = '"
            + orders.get(0)
            + "' THEN 'lost' ELSE status END AS status,"
            + " CASE WHEN order_id = '"
            + orders.get(1)
            + "' THEN NULL ELSE customer_id END AS customer_id)"
            + " FROM base_orders WHERE order_id <> '"
            + orders.get(2)
            + "'");
    GoldSession.execute(
        duckdb,
        "CREATE OR REPLACE VIEW silver_order_items AS SELECT * FROM base_order_items"
            + " UNION ALL SELECT * REPLACE ('dup-' || _record_key AS _record_key)"
            + " FROM base_order_items WHERE order_item_id = '"
            + duplicatedLine
            + "' UNION ALL SELECT * REPLACE ('orphan' AS _record_key,"
            + " order_item_id || '-orphan' AS order_item_id, 'P-ORPHAN' AS product_id)"
            + " FROM base_order_items WHERE order_item_id = '"
            + duplicatedLine
            + "'");
    GoldSession.execute(
        duckdb,
        "CREATE OR REPLACE VIEW silver_customers AS SELECT * REPLACE ("
            + "CASE WHEN customer_id = '"
            + misspelledCustomer
            + "' THEN 'Ohio' ELSE state END AS state) FROM base_customers");
    GoldBuild build = new GoldBuild(duckdb, GoldSession.MODELS);
    build.run();
    failures = build.test();
  }

  @AfterAll
  static void close() throws Exception {
    duckdb.close();
  }

  @Test
  void uniqueFailsOnADuplicatedLine() {
    assertThat(failure("order_lines", "unique(order_line_id)"))
        .isEqualTo("1 values repeat, e.g. [" + duplicatedLine + " ×2]");
  }

  @Test
  void notNullFailsOnAnOrderWithoutCustomer() {
    long lines = linesOf(orders.get(1));
    assertThat(failure("order_lines", "not_null(customer_id)"))
        .isEqualTo(lines + " rows with null customer_id");
  }

  @Test
  void acceptedValuesFailsOnAnUnknownStatus() {
    assertThat(failure("order_lines", "accepted_values(order_status)"))
        .startsWith(linesOf(orders.get(0)) + " rows outside [placed, paid, shipped, delivered,")
        .endsWith("e.g. [lost ×" + linesOf(orders.get(0)) + "]");
  }

  @Test
  void relationshipsFailOnAnOrphanProduct() {
    assertThat(failure("order_lines", "relationships(product_id -> gold.products.product_id)"))
        .isEqualTo("1 values without a match, e.g. [P-ORPHAN]");
  }

  @Test
  void reconciliationFailsWhenAnOrderIsDropped() {
    long silverLines = GoldSession.count(duckdb, "SELECT count(*) FROM silver_order_items");
    long dropped = linesOf(orders.get(2));
    assertThat(failure("order_lines", "reconcile(lines)"))
        .isEqualTo("actual " + (silverLines - dropped) + " but expected " + silverLines);
    assertThat(failure("order_lines", "reconcile(revenue)")).startsWith("actual ");
  }

  @Test
  void maxLengthFailsOnAValueTooLongForTheWarehouse() {
    assertThat(failure("customers", "max_length(state <= 2)")).contains("Ohio");
  }

  @Test
  void schemaCheckFailsOnAModelProducingTheWrongType() throws IOException {
    Path models = Files.createDirectories(dir.resolve("models"));
    for (Resource r :
        new PathMatchingResourcePatternResolver().getResources("classpath*:gold/models/*")) {
      try (InputStream in = r.getInputStream()) {
        String text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        if (r.getFilename().equals("products.sql")) {
          text = text.replace("CAST(price AS DECIMAL(12,2))", "CAST(price AS DOUBLE)");
        }
        Files.writeString(models.resolve(r.getFilename()), text);
      }
    }
    GoldModels altered =
        GoldModels.load("file:" + models + "/*.yaml", GoldModels.CONTRACT_LOCATION);
    GoldBuild build = new GoldBuild(duckdb, altered);
    build.run(List.of("products"));
    assertThat(build.test(List.of("products")))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.test()).isEqualTo("schema");
              assertThat(f.detail())
                  .contains("list_price DOUBLE")
                  .contains("list_price DECIMAL(12,2)");
            });
  }

  private static long linesOf(String order) {
    return GoldSession.count(
        duckdb, "SELECT count(*) FROM base_order_items WHERE order_id = '" + order + "'");
  }

  private static String failure(String model, String test) {
    return failures.stream()
        .filter(f -> f.model().equals(model) && f.test().equals(test))
        .map(DataTestFailure::detail)
        .findFirst()
        .orElseThrow(
            () -> new AssertionError("no failure " + model + " " + test + " in " + failures));
  }
}
