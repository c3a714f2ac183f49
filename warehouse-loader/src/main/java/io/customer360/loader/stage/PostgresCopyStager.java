package io.customer360.loader.stage;

import io.customer360.common.pipeline.GoldReady;
import io.customer360.loader.gold.GoldModel;
import io.customer360.loader.stage.ParquetReader.Selection;
import io.customer360.loader.warehouse.DerivedColumn;
import io.customer360.loader.warehouse.DerivedColumn.CustomerKeyAsOf;
import io.customer360.loader.warehouse.DerivedColumn.DateKey;
import io.customer360.loader.warehouse.ReplacePartitions;
import io.customer360.loader.warehouse.Sql;
import io.customer360.loader.warehouse.WarehouseFlavour;
import io.customer360.loader.warehouse.WarehouseSqlException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Gets gold batches into PostgreSQL with one binary {@code COPY … FROM STDIN} per batch. The
 * batch's Parquet files are downloaded to a temporary folder on a download thread, one ahead of the
 * loading thread, which reads each with DuckDB ({@link ParquetReader}) and streams its rows to the
 * server in PostgreSQL's binary format ({@link BinaryCopyWriter}): DuckDB decodes while PostgreSQL
 * writes, and the server parses no text.
 *
 * <ul>
 *   <li>{@link #stage}: into a temporary stage table, for merged models;
 *   <li>{@link #copyIntoPartitions}: straight into the emptied partitions of a partition-replaced
 *       table, derived columns computed by DuckDB (the customer version from a copy of {@code
 *       dim_customer}'s keys). One write instead of a stage write plus an insert: on PostgreSQL the
 *       second write would cost more than the whole COPY.
 * </ul>
 *
 * The folder is deleted afterwards, whatever happens.
 */
public final class PostgresCopyStager implements Stager {

  private static final Logger log = LoggerFactory.getLogger(PostgresCopyStager.class);
  private static final int COPY_BUFFER = 1 << 16;

  private final GoldObjects objects;
  private final ParquetReader reader;
  private final Path workDir;
  private final boolean copyIntoPartitions;

  /**
   * @param s3 client for the lake
   * @param workDir where temporary folders are made
   * @param duckDbMemoryLimit DuckDB's memory limit while converting, e.g. {@code 256MB}
   * @param copyIntoPartitions copy partition-replaced batches straight into their tables; false
   *     stages them and inserts with SQL, as on Redshift
   */
  public PostgresCopyStager(
      S3Client s3, Path workDir, String duckDbMemoryLimit, boolean copyIntoPartitions) {
    this.objects = new GoldObjects(s3);
    this.reader = new ParquetReader(duckDbMemoryLimit);
    this.workDir = workDir;
    this.copyIntoPartitions = copyIntoPartitions;
  }

  @Override
  public long stage(Connection connection, GoldModel model, GoldReady batch, String stageTable) {
    Sql.of("DROP TABLE IF EXISTS " + stageTable).execute(connection);
    Sql.of(WarehouseFlavour.POSTGRESQL.createTempTable(stageTable, Stager.columnDefinitions(model)))
        .execute(connection);
    Path dir = createDirectory();
    try {
      return copyFiles(
          connection, model, batch, dir, Selection.plain(model), stageTable, model.columnNames());
    } finally {
      deleteQuietly(dir);
    }
  }

  @Override
  public boolean copiesIntoPartitions() {
    return copyIntoPartitions;
  }

  @Override
  public long copyIntoPartitions(
      Connection connection, GoldModel model, GoldReady batch, PartitionCopy copy) {
    Path dir = createDirectory();
    try {
      List<String> setup = new ArrayList<>();
      if (copy.plan().readsCustomerVersions()) {
        Path keys = dir.resolve("customer-keys.csv");
        exportCustomerKeys(connection, keys);
        setup.add(
            "CREATE TABLE customer_keys (customer_id VARCHAR, customer_key BIGINT,"
                + " valid_from TIMESTAMPTZ, valid_to TIMESTAMPTZ)");
        setup.add(
            "COPY customer_keys FROM "
                + ParquetReader.quote(keys.toString())
                + " (FORMAT csv, HEADER false, AUTO_DETECT false)");
      }
      Selection selection =
          new Selection(setup, select(model, copy), copy.partitionColumn(), copy.announced());
      return copyFiles(
          connection,
          model,
          batch,
          dir,
          selection,
          copy.plan().table(),
          copy.plan().targetColumns(model.columnNames()));
    } finally {
      deleteQuietly(dir);
    }
  }

  /** The DuckDB query writing target rows: gold columns, derived columns, the batch id. */
  private static String select(GoldModel model, PartitionCopy copy) {
    List<String> values = new ArrayList<>();
    model.columns().forEach(column -> values.add(ParquetReader.column(column, "s.")));
    StringBuilder joins = new StringBuilder();
    for (DerivedColumn column : copy.plan().derived()) {
      if (column instanceof DateKey key) {
        values.add("CAST(strftime(s." + key.dateColumn() + ", '%Y%m%d') AS INTEGER)");
      } else if (column instanceof CustomerKeyAsOf asOf) {
        values.add("k.customer_key");
        joins
            .append(" LEFT JOIN customer_keys k ON k.customer_id = s.")
            .append(asOf.customerColumn())
            .append(" AND s.")
            .append(asOf.timeColumn())
            .append(" >= k.valid_from AND s.")
            .append(asOf.timeColumn())
            .append(" < k.valid_to");
      }
    }
    values.add(ParquetReader.quote(copy.batchId()));
    return "SELECT "
        + String.join(", ", values)
        + " FROM gold s"
        + joins
        + " WHERE s."
        + copy.partitionColumn()
        + " IN ("
        + copy.replaced().stream().map(ParquetReader::date).collect(Collectors.joining(", "))
        + ")";
  }

  /** Every customer version's key and validity, as CSV in UTC, read under the caller's lock. */
  private static void exportCustomerKeys(Connection connection, Path file) {
    String export =
        "COPY (SELECT customer_id, customer_key, valid_from, valid_to FROM "
            + ReplacePartitions.CUSTOMER_DIMENSION
            + ") TO STDOUT (FORMAT csv)";
    Sql.of("SET LOCAL TIME ZONE 'UTC'").execute(connection);
    try (OutputStream out = Files.newOutputStream(file)) {
      connection.unwrap(PGConnection.class).getCopyAPI().copyOut(export, out);
    } catch (SQLException e) {
      throw WarehouseSqlException.statement(export, e);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write " + file, e);
    }
  }

  /**
   * Converts the batch's files on a converter thread and copies each CSV into {@code table} as soon
   * as it is ready.
   *
   * @return rows read from the batch's files
   */
  private long copyFiles(
      Connection connection,
      GoldModel model,
      GoldReady batch,
      Path dir,
      Selection selection,
      String table,
      List<String> columns) {
    List<String> keys = GoldObjects.keys(model, batch);
    ExecutorService conversions =
        Executors.newSingleThreadExecutor(
            task -> {
              Thread thread = new Thread(task, "gold-convert-" + model.name());
              thread.setDaemon(true);
              return thread;
            });
    List<CompletableFuture<Converted>> files = new ArrayList<>();
    try {
      for (int i = 0; i < keys.size(); i++) {
        String key = keys.get(i);
        int index = i;
        files.add(
            CompletableFuture.supplyAsync(
                () -> convert(model, batch.bucket(), key, dir, index, selection), conversions));
      }
      String copy =
          "COPY " + table + " (" + String.join(", ", columns) + ") FROM STDIN (FORMAT csv)";
      long rowsRead = 0;
      for (CompletableFuture<Converted> file : files) {
        long start = System.nanoTime();
        Converted converted = await(file);
        long ready = System.nanoTime();
        copy(connection, copy, converted.csv());
        deleteQuietly(converted.csv());
        rowsRead += converted.rowsRead();
        log.debug(
            "Copied model={} waitMs={} copyMs={}",
            model.name(),
            (ready - start) / 1_000_000,
            (System.nanoTime() - ready) / 1_000_000);
      }
      return rowsRead;
    } finally {
      files.forEach(file -> file.cancel(true));
      conversions.shutdownNow();
    }
  }

  private record Converted(Path csv, long rowsRead) {}

  /** Downloads one object and converts it to CSV; runs on the converter thread. */
  private Converted convert(
      GoldModel model, String bucket, String key, Path dir, int index, Selection selection) {
    long start = System.nanoTime();
    Path parquet = dir.resolve(String.format("part-%05d.parquet", index));
    Path csv = dir.resolve(String.format("part-%05d.csv", index));
    objects.download(bucket, key, parquet);
    long downloaded = System.nanoTime();
    long rows = reader.toCsv(model, parquet, csv, dir.resolve("spill"), selection);
    deleteQuietly(parquet);
    log.debug(
        "Converted model={} key={} rows={} downloadMs={} convertMs={}",
        model.name(),
        key,
        rows,
        (downloaded - start) / 1_000_000,
        (System.nanoTime() - downloaded) / 1_000_000);
    return new Converted(csv, rows);
  }

  private static Converted await(CompletableFuture<Converted> file) {
    try {
      return file.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException cause) {
        throw cause;
      }
      throw e;
    }
  }

  private static void copy(Connection connection, String copy, Path csv) {
    try (InputStream in = Files.newInputStream(csv)) {
      connection.unwrap(PGConnection.class).getCopyAPI().copyIn(copy, in, COPY_BUFFER);
    } catch (SQLException e) {
      throw WarehouseSqlException.statement(copy, e);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read staged CSV " + csv, e);
    }
  }

  private Path createDirectory() {
    try {
      Files.createDirectories(workDir);
      return Files.createTempDirectory(workDir, "gold-batch-");
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create a staging folder in " + workDir, e);
    }
  }

  private static void deleteQuietly(Path path) {
    if (!Files.exists(path)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(path)) {
      for (Path each : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(each);
      }
    } catch (IOException e) {
      // A leftover temporary file is harmless; nothing reads it again.
    }
  }
}
