package io.customer360.loader.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.customer360.common.aws.PlatformResources;
import io.customer360.common.pipeline.GoldReady;
import io.customer360.infra.local.LocalEndpoints;
import io.customer360.infra.local.LocalPlatformExtension;
import io.customer360.loader.failure.LoadFailedException;
import io.customer360.loader.testing.LoaderHarness;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A load that fails, however and wherever, leaves the warehouse and the manifest as they were. */
@ExtendWith(LocalPlatformExtension.class)
class LoadFailureIT {

  static final LocalDate DAY = LocalDate.parse("2026-01-15");
  static final String PARTITION_ROWS =
      "SELECT order_line_id, net_amount, load_batch_id FROM warehouse.fact_order_line"
          + " WHERE order_date = DATE '2026-01-15' ORDER BY 1";

  static LoaderHarness harness;
  static GoldReady loaded;

  @BeforeAll
  static void loadFirstVersion(LocalEndpoints endpoints) {
    harness = new LoaderHarness(endpoints);
    loaded = harness.gold.batch("order_lines").partition(DAY, 200, Map.of()).upload();
    harness.loader().load(loaded);
  }

  @Test
  void loadKilledAfterStagingLeavesNoTraceAndTheRetrySucceeds() {
    List<List<String>> before = harness.warehouse.rows(PARTITION_ROWS);
    List<List<String>> manifestBefore = harness.warehouse.snapshot("ops.load_manifest");
    GoldReady next =
        harness
            .gold
            .batch("order_lines")
            .partition(DAY, 300, Map.of("order_line_id", "'v2-' || i"))
            .upload();
    AtomicInteger killed = new AtomicInteger();
    LoadObserver killer =
        (model, batchId, rows) ->
            killed.addAndGet(
                Integer.parseInt(
                    harness.warehouse.value(
                        "SELECT COUNT(pg_terminate_backend(pid)) FROM pg_stat_activity"
                            + " WHERE application_name = '"
                            + LoaderHarness.APPLICATION_NAME
                            + "'")));

    assertThatThrownBy(() -> harness.loader(killer).load(next))
        .isInstanceOfSatisfying(
            LoadFailedException.class,
            e -> {
              assertThat(e.reason()).isEqualTo("database");
              assertThat(e.retryable()).isTrue();
            });

    assertThat(killed).hasValue(1);
    assertThat(harness.warehouse.rows(PARTITION_ROWS)).isEqualTo(before);
    assertThat(harness.warehouse.snapshot("ops.load_manifest")).isEqualTo(manifestBefore);
    assertThat(
            harness.warehouse.value(
                "SELECT batch_id FROM ops.load_partition WHERE partition_spec = 'order_date=2026-01-15'"))
        .isEqualTo(loaded.batchId());
    assertThat(harness.failures("order_lines", "database")).isEqualTo(1);

    assertThat(harness.loader().load(next)).isInstanceOf(LoadOutcome.Loaded.class);
    assertThat(harness.warehouse.rows(PARTITION_ROWS))
        .hasSize(300)
        .allSatisfy(row -> assertThat(row.get(2)).isEqualTo(next.batchId()));
  }

  @Test
  void mergeKilledAfterStagingLeavesTheDimensionAsItWas() {
    GoldReady first =
        harness.gold.batch("products").rows(20, Map.of("product_id", "'kill-p-' || i")).upload();
    harness.loader().load(first);
    String products =
        "SELECT product_id, list_price, load_batch_id FROM warehouse.dim_product"
            + " WHERE product_id LIKE 'kill-p-%' ORDER BY 1";
    List<List<String>> before = harness.warehouse.rows(products);
    GoldReady repriced =
        harness
            .gold
            .batch("products")
            .rows(
                25,
                Map.of(
                    "product_id", "'kill-p-' || i",
                    "updated_at", "TIMESTAMPTZ '2027-01-01 00:00:00+00'",
                    "list_price", "999.99"))
            .upload();

    assertThatThrownBy(() -> harness.loader(LoadFailureIT::killLoader).load(repriced))
        .isInstanceOfSatisfying(
            LoadFailedException.class, e -> assertThat(e.reason()).isEqualTo("database"));
    assertThat(harness.warehouse.rows(products)).isEqualTo(before);
    assertThat(manifested(repriced)).isZero();

    harness.loader().load(repriced);
    assertThat(harness.warehouse.rows(products))
        .hasSize(25)
        .allSatisfy(row -> assertThat(row.get(1)).isEqualTo("999.99"));
  }

  /** Terminates the loader's backend, as a crash or a network cut would. */
  private static void killLoader(String model, String batchId, long rows) {
    harness.warehouse.value(
        "SELECT COUNT(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE application_name = '"
            + LoaderHarness.APPLICATION_NAME
            + "'");
  }

  @Test
  void failureAfterThePartitionWasDeletedRollsTheDeleteBack() {
    List<List<String>> before = harness.warehouse.rows(PARTITION_ROWS);
    // Two rows share an order_line_id: the insert fails on the primary key after the delete ran.
    GoldReady duplicated =
        harness
            .gold
            .batch("order_lines")
            .partition(DAY, 50, Map.of("order_line_id", "'dup-' || (i % 49)"))
            .upload();

    assertThatThrownBy(() -> harness.loader().load(duplicated))
        .isInstanceOfSatisfying(
            LoadFailedException.class,
            e -> {
              assertThat(e.reason()).isEqualTo("bad_data");
              assertThat(e.retryable()).isFalse();
              assertThat(e).hasMessageContaining("23505");
            });
    assertThat(harness.warehouse.rows(PARTITION_ROWS)).isEqualTo(before);
    assertThat(manifested(duplicated)).isZero();
  }

  @Test
  void aBadFileFoundWhileTheFilesBeforeItAreBeingCopiedFailsTheWholeBatch() {
    // The third file is checked and queried while the second one's rows are being copied; its
    // failure must cancel the COPY that already holds the first two files' rows.
    GoldReady mixed =
        harness
            .gold
            .batch("order_lines")
            .partition(DAY.plusDays(1), 20_000, Map.of("order_line_id", "'mix-a-' || i"))
            .partition(DAY.plusDays(2), 20_000, Map.of("order_line_id", "'mix-b-' || i"))
            .rawFile(DAY.plusDays(3), "SELECT 'x' AS order_line_id")
            .partition(DAY.plusDays(4), 20_000, Map.of("order_line_id", "'mix-d-' || i"))
            .upload();

    assertRefused(mixed, "schema_mismatch");
    assertThat(
            harness.warehouse.value(
                "SELECT COUNT(*) FROM warehouse.fact_order_line WHERE order_line_id LIKE 'mix-%'"))
        .isEqualTo("0");
  }

  @Test
  void batchesBreakingTheContractAreRefusedWithTheirReason() {
    double schemaFailuresBefore = harness.failures("order_lines", "schema_mismatch");
    String everyColumnButOne =
        "SELECT 'x' AS order_line_id, 'o' AS order_id, DATE '2026-01-15' AS order_date";
    assertRefused(
        harness.gold.batch("order_lines").rawFile(DAY, everyColumnButOne).upload(),
        "schema_mismatch");
    assertRefused(
        harness
            .gold
            .batch("order_lines")
            .retype("quantity", "BIGINT")
            .partition(DAY, 5, Map.of())
            .upload(),
        "schema_mismatch");
    assertRefused(
        harness.gold.batch("returns").partition(DAY, 5, Map.of()).announcedRows(6).upload(),
        "row_count_mismatch");
    assertRefused(
        harness
            .gold
            .batch("returns")
            .partition(DAY, 5, Map.of("return_date", "DATE '2026-01-16'"))
            .upload(),
        "partition_mismatch");
    assertRefused(
        harness
            .gold
            .batch("products")
            .rows(
                3,
                Map.of(
                    "product_id", "'same'", "updated_at", "TIMESTAMPTZ '2026-01-01 00:00:00+00'"))
            .upload(),
        "duplicate_key");

    GoldReady valid = harness.gold.batch("returns").partition(DAY, 5, Map.of()).upload();
    assertRefused(withDataset(valid, "no_such_model"), "unknown_model");
    assertRefused(
        withKeys(valid, List.of("silver/returns/event_date=2026-01-15/x.parquet")),
        "foreign_object");
    assertRefused(withPartitions(valid, List.of("return_date=15.01.2026")), "invalid_partition");
    assertRefused(
        harness.gold.batch("returns").emptied(DAY).announcedRows(3).upload(), "row_count_mismatch");
    // Only a partition-replaced batch may announce no objects: it empties its partitions.
    assertRefused(harness.gold.batch("products").upload(), "invalid_message");

    assertThat(harness.failures("order_lines", "schema_mismatch") - schemaFailuresBefore)
        .isEqualTo(2);
    assertThat(harness.failures("returns", "partition_mismatch")).isEqualTo(1);
  }

  private static void assertRefused(GoldReady batch, String reason) {
    long rowsBefore = totalRows();
    assertThatThrownBy(() -> harness.loader().load(batch))
        .as(reason)
        .isInstanceOfSatisfying(
            LoadFailedException.class, e -> assertThat(e.reason()).isEqualTo(reason));
    assertThat(totalRows()).isEqualTo(rowsBefore);
    assertThat(manifested(batch)).isZero();
  }

  private static long totalRows() {
    return Long.parseLong(
        harness.warehouse.value(
            "SELECT (SELECT COUNT(*) FROM warehouse.fact_order_line)"
                + " + (SELECT COUNT(*) FROM warehouse.fact_return)"
                + " + (SELECT COUNT(*) FROM warehouse.dim_product)"));
  }

  private static long manifested(GoldReady batch) {
    return Long.parseLong(
        harness.warehouse.value(
            "SELECT COUNT(*) FROM ops.load_manifest WHERE batch_id = '" + batch.batchId() + "'"));
  }

  private static GoldReady withDataset(GoldReady b, String dataset) {
    return new GoldReady(
        b.schemaVersion(),
        b.correlationId(),
        b.producedAt(),
        dataset,
        b.bucket(),
        b.batchId(),
        b.partitions(),
        b.objectKeys(),
        b.rowCount());
  }

  private static GoldReady withKeys(GoldReady b, List<String> keys) {
    return new GoldReady(
        b.schemaVersion(),
        b.correlationId(),
        b.producedAt(),
        b.dataset(),
        PlatformResources.LAKE_BUCKET,
        b.batchId(),
        b.partitions(),
        keys,
        b.rowCount());
  }

  private static GoldReady withPartitions(GoldReady b, List<String> partitions) {
    return new GoldReady(
        b.schemaVersion(),
        b.correlationId(),
        b.producedAt(),
        b.dataset(),
        b.bucket(),
        b.batchId(),
        partitions,
        b.objectKeys(),
        b.rowCount());
  }
}
