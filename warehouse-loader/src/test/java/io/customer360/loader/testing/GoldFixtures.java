package io.customer360.loader.testing;

import io.customer360.common.aws.PlatformResources;
import io.customer360.common.gold.ColumnType;
import io.customer360.common.gold.GoldColumn;
import io.customer360.common.gold.GoldContract;
import io.customer360.common.gold.ModelContract;
import io.customer360.common.pipeline.GoldReady;
import io.customer360.common.pipeline.PipelineMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Writes gold Parquet files the way transform-service does, with DuckDB ({@code COPY (SELECT …) TO
 * 'x.parquet' (FORMAT parquet)}), uploads them to the lake and builds their gold-ready message.
 * Values are generated from the contract, row number {@code i} and the partition; tests override
 * the columns their assertions depend on with SQL expressions over {@code i}.
 */
public final class GoldFixtures {

  private final S3Client s3;
  private final Path dir;
  private final GoldContract contract = GoldContract.load();
  private final Map<String, Path> files = new java.util.concurrent.ConcurrentHashMap<>();

  public GoldFixtures(S3Client s3, Path dir) {
    this.s3 = s3;
    this.dir = dir;
  }

  /** The contract the fixtures follow. */
  public GoldContract contract() {
    return contract;
  }

  /** A batch builder for a model. */
  public Batch batch(String model) {
    return new Batch(
        contract.model(model).orElseThrow(() -> new IllegalArgumentException("No model " + model)));
  }

  /** Builds one batch: one Parquet file per partition (or one file for unpartitioned models). */
  public final class Batch {
    private final ModelContract model;
    private final List<Part> parts = new ArrayList<>();
    private final List<LocalDate> emptied = new ArrayList<>();
    private String batchId = UUID.randomUUID().toString();
    private Instant producedAt = Instant.parse("2026-02-01T00:00:00Z");
    private Long announcedRows;
    private final Map<String, String> retyped = new java.util.HashMap<>();

    private Batch(ModelContract model) {
      this.model = model;
    }

    /** Adds {@code rows} rows in a partition, with column overrides as DuckDB SQL over i. */
    public Batch partition(LocalDate date, int rows, Map<String, String> overrides) {
      parts.add(new Part(date, rows, Map.copyOf(overrides), null));
      return this;
    }

    /**
     * Announces a partition that became empty: listed in the batch, with no file (transform-service
     * deletes an emptied partition's object).
     */
    public Batch emptied(LocalDate date) {
      emptied.add(date);
      return this;
    }

    /** Adds {@code rows} rows to an unpartitioned model's file. */
    public Batch rows(int rows, Map<String, String> overrides) {
      parts.add(new Part(null, rows, Map.copyOf(overrides), null));
      return this;
    }

    /** Adds a file written by a whole SELECT instead of generated rows (to break the contract). */
    public Batch rawFile(LocalDate date, String select) {
      parts.add(new Part(date, 0, Map.of(), select));
      return this;
    }

    public Batch batchId(String id) {
      this.batchId = id;
      return this;
    }

    public Batch producedAt(Instant at) {
      this.producedAt = at;
      return this;
    }

    /** Writes a column with another DuckDB type than the contract's (to break the contract). */
    public Batch retype(String column, String duckDbType) {
      retyped.put(column, duckDbType);
      return this;
    }

    /** Announces this row count instead of the true one. */
    public Batch announcedRows(long rows) {
      this.announcedRows = rows;
      return this;
    }

    /** Writes and uploads the files, and returns the announcement. */
    public GoldReady upload() {
      List<String> keys = new ArrayList<>();
      List<String> partitions = new ArrayList<>();
      long rows = 0;
      int n = 0;
      for (Part part : parts) {
        String folder = part.date() == null ? "" : model.partitionedBy() + "=" + part.date() + "/";
        String key =
            "gold/" + model.name() + "/" + folder + "part-" + batchId + "-" + n++ + ".parquet";
        Path file = dir.resolve(UUID.randomUUID() + ".parquet");
        rows += write(part, file);
        s3.putObject(
            b -> b.bucket(PlatformResources.LAKE_BUCKET).key(key), RequestBody.fromFile(file));
        keys.add(key);
        files.put(key, file);
        if (part.date() != null
            && !partitions.contains(model.partitionedBy() + "=" + part.date())) {
          partitions.add(model.partitionedBy() + "=" + part.date());
        }
      }
      for (LocalDate date : emptied) {
        String spec = model.partitionedBy() + "=" + date;
        if (!partitions.contains(spec)) {
          partitions.add(spec);
        }
      }
      return new GoldReady(
          PipelineMessage.CURRENT_VERSION,
          "corr-" + batchId,
          producedAt,
          model.name(),
          PlatformResources.LAKE_BUCKET,
          batchId,
          partitions,
          keys,
          announcedRows != null ? announcedRows : rows);
    }

    private long write(Part part, Path file) {
      String select =
          part.select() != null
              ? part.select()
              : generated(part.date(), part.rows(), part.overrides());
      try (Connection duck = DriverManager.getConnection("jdbc:duckdb:");
          Statement sql = duck.createStatement()) {
        sql.execute("SET TimeZone = 'UTC'");
        sql.execute("COPY (" + select + ") TO '" + file + "' (FORMAT parquet)");
        try (ResultSet count =
            sql.executeQuery("SELECT COUNT(*) FROM read_parquet('" + file + "')")) {
          count.next();
          return count.getLong(1);
        }
      } catch (SQLException e) {
        throw new IllegalStateException(
            "Cannot write fixture " + model.name() + ": " + e.getMessage(), e);
      }
    }

    private String generated(LocalDate date, int rows, Map<String, String> overrides) {
      List<String> columns = new ArrayList<>();
      for (GoldColumn column : model.columns()) {
        String expression =
            overrides.containsKey(column.name())
                ? overrides.get(column.name())
                : value(column, date);
        columns.add(
            "CAST("
                + expression
                + " AS "
                + retyped.getOrDefault(column.name(), column.type().duckDbType())
                + ") AS "
                + column.name());
      }
      return "SELECT " + String.join(", ", columns) + " FROM range(" + rows + ") t(i)";
    }

    private String value(GoldColumn column, LocalDate date) {
      String day = date == null ? "2026-01-01" : date.toString();
      if (column.name().equals(model.partitionedBy())) {
        return "DATE '" + day + "'";
      }
      boolean key = model.key().contains(column.name());
      String nullable = column.required() ? "" : "CASE WHEN i % 5 = 4 THEN NULL ELSE ";
      String end = column.required() ? "" : " END";
      ColumnType type = column.type();
      String plain =
          switch (type.kind()) {
            case VARCHAR -> varchar(column, type.length(), day, key);
            case DATE -> "DATE '" + day + "' - CAST(i % 30 AS INTEGER)";
            case TIMESTAMPTZ -> "TIMESTAMPTZ '" + day + " 00:00:00+00' + to_seconds(i * 7 % 86400)";
            case INTEGER -> "(i % 9) + 1";
            case BIGINT -> "(i * 31) % 1000 + 1";
            case NUMERIC -> "((i * 37) % 10000) / 100.0 + 0.01";
            case DOUBLE -> "(i % 97) * 0.3 + 0.1";
            case BOOLEAN -> "i % 2 = 0";
          };
      return nullable + plain + end;
    }

    private String varchar(GoldColumn column, int length, String day, boolean key) {
      if (length >= 40) {
        String text = "'" + column.name() + "-" + day + "-' || i";
        // An empty string now and then, which must stay empty (not NULL) through staging.
        return key || column.required()
            ? text
            : "CASE WHEN i % 7 = 3 THEN '' ELSE " + text + " END";
      }
      int digits = Math.min(length, 9);
      return "LPAD(CAST(i % " + (long) Math.pow(10, digits) + " AS VARCHAR), " + digits + ", '0')";
    }
  }

  /**
   * Runs a DuckDB query over a batch's files, written as {@code {files}} in the query; each value
   * as text.
   */
  public List<List<String>> query(GoldReady batch, String query) {
    String list =
        batch.objectKeys().stream()
            .map(key -> "'" + files.get(key) + "'")
            .collect(java.util.stream.Collectors.joining(", ", "read_parquet([", "])"));
    try (Connection duck = DriverManager.getConnection("jdbc:duckdb:");
        Statement sql = duck.createStatement()) {
      sql.execute("SET TimeZone = 'UTC'");
      try (ResultSet rows = sql.executeQuery(query.replace("{files}", list))) {
        List<List<String>> result = new ArrayList<>();
        int columns = rows.getMetaData().getColumnCount();
        while (rows.next()) {
          List<String> row = new ArrayList<>();
          for (int c = 1; c <= columns; c++) {
            row.add(rows.getString(c));
          }
          result.add(row);
        }
        return result;
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Gold query failed: " + query, e);
    }
  }

  private record Part(LocalDate date, int rows, Map<String, String> overrides, String select) {}

  /** A fresh folder for fixture files. */
  public static Path tempDir() {
    try {
      return Files.createTempDirectory("gold-fixtures-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
