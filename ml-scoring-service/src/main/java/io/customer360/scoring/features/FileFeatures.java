package io.customer360.scoring.features;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

/**
 * Feature files (CSV or Parquet, as notebooks and datagen write them) read through an in-process
 * DuckDB, with the same column rules as the warehouse table.
 */
public final class FileFeatures {

  private FileFeatures() {}

  /**
   * Reads a file; the feature set is every numeric or boolean column the layout does not reserve.
   *
   * @param file a {@code .csv}, {@code .csv.gz} or {@code .parquet} file
   * @param layout id, date, label and excluded columns
   * @param rowFilter a boolean column; only rows where it is true are read, or {@code null}
   * @throws FeatureDataException when the file cannot be read or lacks a named column
   */
  public static FeatureFrame read(Path file, TableLayout layout, String rowFilter) {
    if (!Files.isRegularFile(file)) {
      throw new FeatureDataException("No feature file at " + file);
    }
    String sql = "SELECT * FROM " + reader(file);
    if (rowFilter != null && !rowFilter.isBlank()) {
      sql += " WHERE \"" + SqlIdentifier.of(rowFilter) + "\"";
    }
    try (Connection duck = DriverManager.getConnection("jdbc:duckdb:");
        Statement st = duck.createStatement();
        ResultSet rs = st.executeQuery(sql)) {
      return FrameReader.read(rs, layout, FrameReader.discover(rs.getMetaData(), layout));
    } catch (SQLException e) {
      throw new FeatureDataException(
          "Cannot read feature file " + file.getFileName() + ": " + e.getMessage(), e);
    }
  }

  private static String reader(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    String literal = "'" + file.toAbsolutePath().toString().replace("'", "''") + "'";
    if (name.endsWith(".parquet")) {
      return "read_parquet(" + literal + ")";
    }
    if (name.endsWith(".csv") || name.endsWith(".csv.gz")) {
      return "read_csv(" + literal + ", header = true)";
    }
    throw new FeatureDataException(
        "Feature files must be .csv, .csv.gz or .parquet, got " + file.getFileName());
  }
}
