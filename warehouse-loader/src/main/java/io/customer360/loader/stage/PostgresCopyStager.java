package io.customer360.loader.stage;

import io.customer360.common.gold.ColumnType;
import io.customer360.common.gold.DerivedColumn;
import io.customer360.common.gold.DerivedColumn.CustomerKeyAsOf;
import io.customer360.common.gold.DerivedColumn.DateKey;
import io.customer360.common.gold.ModelContract;
import io.customer360.common.pipeline.GoldReady;
import io.customer360.loader.stage.ParquetReader.Selection;
import io.customer360.loader.warehouse.ReplacePartitions;
import io.customer360.loader.warehouse.Sql;
import io.customer360.loader.warehouse.WarehouseFlavour;
import io.customer360.loader.warehouse.WarehouseSqlException;
import java.io.IOException;
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
 * Gets gold batches into PostgreSQL with one binary {@code COPY … FROM STDIN (FORMAT binary)} per
 * batch. The batch's Parquet files are downloaded to a temporary folder on a download thread, one
 * ahead of a decoder thread, which reads each with DuckDB ({@link ParquetReader}) and encodes its
 * rows in PostgreSQL's binary format ({@link BinaryCopyWriter}); the loading thread streams the
 * encoded chunks to the server ({@link BinaryCopyStream}). DuckDB decodes while PostgreSQL writes,
 * and the server parses no text.
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

  private final GoldObjects objects;
  private final ParquetReader reader;
  private final Path workDir;
  private final boolean copyIntoPartitions;

  /**
   * @param s3 client for the lake
   * @param workDir where temporary folders are made
   * @param duckDbMemoryLimit DuckDB's memory limit while decoding, e.g. {@code 256MB}
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
  public long stage(
      Connection connection, ModelContract model, GoldReady batch, String stageTable) {
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
      Connection connection, ModelContract model, GoldReady batch, PartitionCopy copy) {
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
      List<ColumnType> types = new ArrayList<>();
      List<String> expressions = new ArrayList<>();
      model.columns().forEach(column -> types.add(column.type()));
      model.columns().forEach(column -> expressions.add("s." + column.name()));
      copy.plan().derived().forEach(column -> types.add(column.type()));
      StringBuilder from = new StringBuilder("FROM gold s");
      derived(copy, expressions, from);
      from.append(" WHERE s.")
          .append(copy.partitionColumn())
          .append(" IN (")
          .append(
              copy.replaced().stream().map(ParquetReader::date).collect(Collectors.joining(", ")))
          .append(")")
          // In key order, each row's primary-key entry goes next to the previous one: in the file's
          // own order (random ids, say) the b-tree costs PostgreSQL up to twice as much CPU.
          .append(" ORDER BY ")
          .append(model.key().stream().map(k -> "s." + k).collect(Collectors.joining(", ")));
      Selection selection =
          new Selection(
              setup,
              expressions,
              types,
              from.toString(),
              List.of(copy.batchId()),
              copy.partitionColumn(),
              copy.announced());
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

  /**
   * Adds the derived columns' expressions, and the joins they need to {@code from}. The batch id,
   * the same in every row, is written by the encoder.
   */
  private static void derived(PartitionCopy copy, List<String> expressions, StringBuilder from) {
    for (DerivedColumn column : copy.plan().derived()) {
      if (column instanceof DateKey key) {
        expressions.add(
            String.format(
                "CAST(year(s.%1$s) * 10000 + month(s.%1$s) * 100 + day(s.%1$s) AS INTEGER)",
                key.dateColumn()));
      } else if (column instanceof CustomerKeyAsOf asOf) {
        expressions.add("k.customer_key");
        from.append(" LEFT JOIN customer_keys k ON k.customer_id = s.")
            .append(asOf.customerColumn())
            .append(" AND s.")
            .append(asOf.timeColumn())
            .append(" >= k.valid_from AND s.")
            .append(asOf.timeColumn())
            .append(" < k.valid_to");
      }
    }
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
   * Streams the selected rows of the batch's files into {@code table} with one binary COPY: a
   * decoder thread reads the files in turn with DuckDB (each downloaded while the previous one is
   * read) and encodes their rows, which this thread sends to the server.
   *
   * @return rows read from the batch's files
   */
  private long copyFiles(
      Connection connection,
      ModelContract model,
      GoldReady batch,
      Path dir,
      Selection selection,
      String table,
      List<String> columns) {
    List<String> keys = GoldObjects.keys(model, batch);
    String copy =
        "COPY " + table + " (" + String.join(", ", columns) + ") FROM STDIN (FORMAT binary)";
    return BinaryCopyStream.copy(
        connection,
        copy,
        "gold-decode-" + model.name(),
        out -> decodeFiles(model, batch.bucket(), keys, dir, selection, out));
  }

  /**
   * Runs on the decoder thread, which writes each file's rows in turn. Two threads work ahead of
   * it: one downloads the files (up to two ahead), one checks the next file and runs its query, the
   * sort included, while this one writes the previous file's rows; row order is kept.
   */
  private long decodeFiles(
      ModelContract model,
      String bucket,
      List<String> keys,
      Path dir,
      Selection selection,
      BinaryCopyWriter out) {
    ExecutorService downloads = daemonThread("gold-download-" + model.name());
    ExecutorService reads = daemonThread("gold-read-" + model.name());
    List<CompletableFuture<Path>> files = new ArrayList<>();
    // The first downloads overlap DuckDB's setup (e.g. loading the customer keys).
    for (int i = 0; i < Math.min(2, keys.size()); i++) {
      files.add(download(downloads, bucket, keys, i, dir));
    }
    try (ParquetReader.Session duck = reader.open(model, dir.resolve("spill"), selection)) {
      CompletableFuture<ParquetReader.Read> next = null;
      try {
        next = keys.isEmpty() ? null : read(files, 0, duck, reads);
        long rowsRead = 0;
        for (int i = 0; i < keys.size(); i++) {
          try (ParquetReader.Read read = await(next)) {
            if (i + 2 < keys.size()) {
              files.add(download(downloads, bucket, keys, i + 2, dir));
            }
            next = i + 1 < keys.size() ? read(files, i + 1, duck, reads) : null;
            long start = System.nanoTime();
            read.copyTo(out);
            rowsRead += read.rows();
            log.debug(
                "Decoded model={} key={} rows={} writeMs={}",
                model.name(),
                keys.get(i),
                read.rows(),
                (System.nanoTime() - start) / 1_000_000);
            deleteQuietly(read.file());
          }
        }
        return rowsRead;
      } finally {
        // DuckDB must be done with the files and the lanes before they are closed and deleted.
        downloads.shutdownNow();
        reads.shutdownNow();
        BinaryCopyStream.awaitStopped(downloads);
        BinaryCopyStream.awaitStopped(reads);
      }
    }
  }

  /** Checks and queries the {@code index}th file on the read thread, once it is downloaded. */
  private static CompletableFuture<ParquetReader.Read> read(
      List<CompletableFuture<Path>> files,
      int index,
      ParquetReader.Session duck,
      ExecutorService reads) {
    return files.get(index).thenApplyAsync(duck::read, reads);
  }

  /** Downloads the {@code index}th object on the download thread. */
  private CompletableFuture<Path> download(
      ExecutorService downloads, String bucket, List<String> keys, int index, Path dir) {
    Path file = dir.resolve(String.format("part-%05d.parquet", index));
    return CompletableFuture.supplyAsync(
        () -> {
          objects.download(bucket, keys.get(index), file);
          return file;
        },
        downloads);
  }

  private static ExecutorService daemonThread(String name) {
    return Executors.newSingleThreadExecutor(
        task -> {
          Thread thread = new Thread(task, name);
          thread.setDaemon(true);
          return thread;
        });
  }

  private static <T> T await(CompletableFuture<T> future) {
    try {
      return future.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException cause) {
        throw cause;
      }
      throw e;
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
