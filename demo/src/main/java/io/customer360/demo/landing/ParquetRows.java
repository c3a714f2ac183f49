package io.customer360.demo.landing;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Counts rows of local silver and quarantine Parquet files in an in-memory DuckDB, on one thread
 * (the machine is shared with the platform). Reads lineage and reason columns only, never a
 * record's values.
 */
final class ParquetRows implements AutoCloseable {

  /** Record numbers shown per reason. */
  static final int FIRST_RECORDS = 5;

  private final Connection duckdb;

  ParquetRows() {
    try {
      duckdb = DriverManager.getConnection("jdbc:duckdb:");
      try (Statement st = duckdb.createStatement()) {
        st.execute("SET threads = 1");
        st.execute("SET memory_limit = '256MB'");
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot start DuckDB: " + e.getMessage(), e);
    }
  }

  /** Rows whose {@code _source_object} is {@code sourceObject}, per file that has any. */
  Map<Path, Long> rowsFrom(List<Path> files, String sourceObject) {
    Map<Path, Long> rows = new LinkedHashMap<>();
    if (files.isEmpty()) {
      return rows;
    }
    String sql =
        "SELECT filename, count(*) FROM read_parquet("
            + list(files)
            + ", union_by_name = true, filename = true, hive_partitioning = false)"
            + " WHERE _source_object = ? GROUP BY filename";
    try (PreparedStatement st = duckdb.prepareStatement(sql)) {
      st.setString(1, sourceObject);
      try (ResultSet rs = st.executeQuery()) {
        while (rs.next()) {
          rows.put(Path.of(rs.getString(1)), rs.getLong(2));
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot count silver rows: " + e.getMessage(), e);
    }
    return rows;
  }

  /**
   * A quarantine file's rows per primary reason, most frequent first, each with its first record
   * numbers (the row number at the end of {@code _record_key}, {@code <hash>:<n>}).
   */
  List<ReasonRows> reasons(Path file) {
    String sql =
        "SELECT reason, count(*) AS n,"
            + " array_to_string(list_slice(list(record ORDER BY record)"
            + " FILTER (WHERE record IS NOT NULL), 1, "
            + FIRST_RECORDS
            + "), ',')"
            + " FROM (SELECT reason, TRY_CAST(regexp_extract(_record_key, ':([0-9]+)$', 1)"
            + " AS BIGINT) AS record FROM read_parquet("
            + literal(file)
            + ", hive_partitioning = false)) GROUP BY reason ORDER BY n DESC, reason";
    List<ReasonRows> reasons = new ArrayList<>();
    try (Statement st = duckdb.createStatement();
        ResultSet rs = st.executeQuery(sql)) {
      while (rs.next()) {
        reasons.add(new ReasonRows(rs.getString(1), rs.getLong(2), numbers(rs.getString(3))));
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot read quarantine file: " + e.getMessage(), e);
    }
    return reasons;
  }

  private static List<Long> numbers(String commaSeparated) {
    if (commaSeparated == null || commaSeparated.isBlank()) {
      return List.of();
    }
    return Arrays.stream(commaSeparated.split(",")).map(String::trim).map(Long::valueOf).toList();
  }

  private static String list(List<Path> files) {
    return files.stream().map(ParquetRows::literal).collect(Collectors.joining(", ", "[", "]"));
  }

  private static String literal(Path file) {
    return "'" + file.toAbsolutePath().toString().replace("'", "''") + "'";
  }

  @Override
  public void close() {
    try {
      duckdb.close();
    } catch (SQLException e) {
      // nothing was written; the in-memory database goes with the process
    }
  }
}
