package io.customer360.transform.gold.model;

import io.customer360.common.gold.GoldColumn;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;

/**
 * Partition-level views of a built model: a content hash per partition, to find the partitions a
 * rebuild changed, and Parquet files of chosen partitions in the lake layout.
 */
final class GoldPartitions {

  private final Connection duckdb;

  GoldPartitions(Connection duckdb) {
    this.duckdb = duckdb;
  }

  /**
   * Per partition ({@code yyyy-MM-dd}, or {@code ""} when unpartitioned): row count, XOR and sum of
   * the rows' MD5 over their JSON text. Independent of row order; a changed, added or removed row
   * changes it. Rows with a null partition value are left out (the not-null test reports them). A
   * partition without rows is missing, except the one partition of an unpartitioned model, which is
   * always there ({@code "0"} when the model has no rows), so an emptied model is written as an
   * empty file rather than deleted.
   */
  Map<String, String> hashes(GoldModel model) {
    String partition =
        model.partitionedBy().map(c -> "strftime(t." + Sql.quote(c) + ", '%Y-%m-%d')").orElse("''");
    String sql =
        "SELECT p, count(*) || ':' || bit_xor(md5_number(j)) || ':' || sum(md5_number_lower(j))"
            + " FROM (SELECT "
            + partition
            + " AS p, to_json(t)::VARCHAR AS j FROM "
            + Sql.quote(model.name())
            + " t) WHERE p IS NOT NULL GROUP BY p";
    Map<String, String> hashes = new TreeMap<>();
    try (Statement st = duckdb.createStatement();
        ResultSet rs = st.executeQuery(sql)) {
      while (rs.next()) {
        hashes.put(rs.getString(1), rs.getString(2));
      }
    } catch (SQLException e) {
      throw new GoldBuildException(
          "Cannot hash the partitions of " + model.name() + ": " + e.getMessage(), e);
    }
    if (model.partitionedBy().isEmpty()) {
      hashes.putIfAbsent("", "0");
    }
    return hashes;
  }

  /**
   * Writes each partition as one ZSTD Parquet file, {@code
   * <outDir>/gold/<model>/<partitionedBy>=<value>/part-0.parquet} ({@code
   * <outDir>/gold/<model>/part-0.parquet} when unpartitioned), with the contract's columns in order
   * (partition column included) and rows sorted by the key. A partition without rows gives a file
   * without rows, so a replace of that partition empties it.
   */
  void write(GoldModel model, Collection<String> partitions, Path outDir) {
    for (String partition : partitions) {
      String where;
      Path file;
      Path folder = outDir.resolve("gold").resolve(model.name());
      if (model.partitionedBy().isPresent()) {
        String column = model.partitionedBy().get();
        LocalDate date = date(model, partition);
        where = " WHERE " + Sql.quote(column) + " = DATE " + Sql.literal(date.toString());
        file = folder.resolve(column + "=" + date).resolve("part-0.parquet");
      } else {
        if (!partition.isEmpty()) {
          throw new IllegalArgumentException(
              model.name() + " is unpartitioned; its only partition is \"\", not " + partition);
        }
        where = "";
        file = folder.resolve("part-0.parquet");
      }
      copy(model, where, file);
    }
  }

  private void copy(GoldModel model, String where, Path file) {
    try {
      Files.createDirectories(file.getParent());
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create " + file.getParent(), e);
    }
    String columns = Sql.columns(model.columns().stream().map(GoldColumn::name).toList());
    String sql =
        "COPY (SELECT "
            + columns
            + " FROM "
            + Sql.quote(model.name())
            + where
            + " ORDER BY "
            + Sql.columns(model.key())
            + ") TO "
            + Sql.literal(file.toAbsolutePath().toString())
            + " (FORMAT parquet, COMPRESSION zstd)";
    try (Statement st = duckdb.createStatement()) {
      st.execute(sql);
    } catch (SQLException e) {
      throw new GoldBuildException(
          "Cannot write " + model.name() + " to " + file + ": " + e.getMessage(), e);
    }
  }

  private static LocalDate date(GoldModel model, String partition) {
    try {
      return LocalDate.parse(partition);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          model.name() + " partitions are dates (yyyy-MM-dd), not '" + partition + "'", e);
    }
  }
}
