package io.customer360.loader.stage;

import io.customer360.loader.gold.ColumnType;
import io.customer360.loader.gold.GoldColumn;
import io.customer360.loader.gold.GoldModel;
import io.customer360.loader.load.LoadFailedException;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.duckdb.DuckDBChunkedResult;
import org.duckdb.DuckDBConnection;
import org.duckdb.DuckDBPreparedStatement;

/**
 * Reads gold Parquet files with an in-process DuckDB, one connection per batch ({@link Session}):
 * checks each file's columns against the contract (names, order and types, as Redshift's positional
 * COPY would need them) and, optionally, that every row lies in an announced partition; then
 * streams the rows a {@link Selection} selects into a {@link BinaryCopyWriter}. The file being read
 * is visible to the selection's SQL as {@code gold}.
 */
final class ParquetReader {

  private final String memoryLimit;

  /**
   * @param memoryLimit DuckDB's memory limit, e.g. {@code 256MB}; it spills beyond it
   */
  ParquetReader(String memoryLimit) {
    if (!memoryLimit.matches("\\d+(KB|MB|GB)")) {
      throw new IllegalArgumentException("DuckDB memory limit must be like 256MB: " + memoryLimit);
    }
    this.memoryLimit = memoryLimit;
  }

  /**
   * What to read from each file.
   *
   * @param setup statements run once per batch, before the first file, e.g. loading a lookup table
   * @param expressions the value of each target column, over the rows of {@code from}
   * @param types the target column types, in the same order
   * @param from the query's {@code FROM} clause and what follows, over {@code gold}
   * @param constants text values written after the selected columns in every row, e.g. the batch
   *     id: one value, not a million read from DuckDB
   * @param partitionColumn checked against {@code announced}, or {@code null} for no check
   * @param announced the partitions rows may lie in
   */
  record Selection(
      List<String> setup,
      List<String> expressions,
      List<ColumnType> types,
      String from,
      List<String> constants,
      String partitionColumn,
      List<LocalDate> announced) {

    Selection {
      setup = List.copyOf(setup);
      expressions = List.copyOf(expressions);
      types = List.copyOf(types);
      constants = List.copyOf(constants);
      announced = List.copyOf(announced);
    }

    /** The model's columns as they are, for a stage table. */
    static Selection plain(GoldModel model) {
      return new Selection(
          List.of(),
          model.columnNames(),
          model.columns().stream().map(GoldColumn::type).toList(),
          "FROM gold",
          List.of(),
          null,
          List.of());
    }

    /** The DuckDB query, its columns as {@link CopyColumns#copy} reads them. */
    String query() {
      return "SELECT " + CopyColumns.selectList(types, expressions) + " " + from;
    }
  }

  /** A date literal DuckDB reads. */
  static String date(LocalDate date) {
    return "DATE '" + date + "'";
  }

  /** A string literal DuckDB reads. */
  static String quote(String text) {
    return "'" + text.replace("'", "''") + "'";
  }

  /**
   * Opens a DuckDB connection for one batch and runs the selection's setup.
   *
   * @param spillDir where DuckDB spills beyond its memory limit
   */
  Session open(GoldModel model, Path spillDir, Selection selection) {
    try {
      DuckDBConnection duck = (DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:");
      Session session = new Session(model, duck, selection);
      try (Statement sql = duck.createStatement()) {
        sql.execute("SET TimeZone = 'UTC'");
        sql.execute("SET memory_limit = '" + memoryLimit + "'");
        sql.execute("SET temp_directory = " + quote(spillDir.toString()));
        // Row order within a file means nothing to a load: let DuckDB read in parallel.
        sql.execute("SET preserve_insertion_order = false");
        for (String statement : selection.setup()) {
          sql.execute(statement);
        }
      } catch (SQLException | RuntimeException e) {
        session.close();
        throw e;
      }
      return session;
    } catch (SQLException e) {
      throw unreadable(model, e);
    }
  }

  /** One batch's DuckDB connection; reads its files one after another. */
  static final class Session implements AutoCloseable {

    private final GoldModel model;
    private final DuckDBConnection duck;
    private final Selection selection;

    private Session(GoldModel model, DuckDBConnection duck, Selection selection) {
      this.model = model;
      this.duck = duck;
      this.selection = selection;
    }

    /**
     * Checks a file and writes its selected rows.
     *
     * @return rows in the file (all of them, selected or not)
     * @throws LoadFailedException when the file's schema differs from the contract, or a row lies
     *     outside the announced partitions
     */
    long copy(Path file, BinaryCopyWriter out) {
      try (Statement sql = duck.createStatement()) {
        checkSchema(sql, model, file);
        sql.execute(
            "CREATE OR REPLACE VIEW gold AS SELECT * FROM read_parquet("
                + quote(file.toString())
                + ", hive_partitioning = false)");
        long rows = count(sql, "SELECT COUNT(*) FROM gold");
        if (selection.partitionColumn() != null) {
          checkPartitions(sql, model, file, selection);
        }
        try (DuckDBPreparedStatement select = duck.prepare(selection.query());
            DuckDBChunkedResult result = select.query()) {
          CopyColumns.copy(result, selection.types(), selection.constants(), out);
        }
        return rows;
      } catch (SQLException e) {
        throw unreadable(model, e);
      }
    }

    @Override
    public void close() {
      try {
        duck.close();
      } catch (SQLException e) {
        // Nothing was written through it; an in-memory database has nothing left to lose.
      }
    }
  }

  private static LoadFailedException unreadable(GoldModel model, SQLException e) {
    return new LoadFailedException(
        "unreadable_parquet",
        false,
        model.name() + " gold file cannot be read: " + e.getMessage(),
        e);
  }

  private static void checkPartitions(
      Statement sql, GoldModel model, Path file, Selection selection) throws SQLException {
    long outside =
        count(
            sql,
            "SELECT COUNT(*) FROM gold WHERE "
                + selection.partitionColumn()
                + " NOT IN ("
                + selection.announced().stream()
                    .map(ParquetReader::date)
                    .collect(Collectors.joining(", "))
                + ")");
    if (outside > 0) {
      throw LoadFailedException.permanent(
          "partition_mismatch",
          model.name()
              + " file "
              + file.getFileName()
              + " has "
              + outside
              + " rows outside the announced partitions "
              + selection.announced());
    }
  }

  private static void checkSchema(Statement sql, GoldModel model, Path file) throws SQLException {
    List<String> actual = new ArrayList<>();
    try (ResultSet columns =
        sql.executeQuery(
            "DESCRIBE SELECT * FROM read_parquet("
                + quote(file.toString())
                + ", hive_partitioning = false)")) {
      while (columns.next()) {
        actual.add(columns.getString("column_name") + " " + columns.getString("column_type"));
      }
    }
    List<String> expected =
        model.columns().stream().map(c -> c.name() + " " + c.type().duckDbType()).toList();
    boolean matches = actual.size() == expected.size();
    for (int i = 0; matches && i < actual.size(); i++) {
      matches = accepts(model.columns().get(i), actual.get(i));
    }
    if (!matches) {
      throw LoadFailedException.permanent(
          "schema_mismatch",
          model.name()
              + " file "
              + file.getFileName()
              + " has columns "
              + actual
              + "; the gold contract expects "
              + expected);
    }
  }

  /** A timestamp without time zone is accepted as UTC; every other type must match exactly. */
  private static boolean accepts(GoldColumn column, String actual) {
    String expected = column.name() + " " + column.type().duckDbType();
    return actual.equals(expected)
        || (column.type().kind() == ColumnType.Kind.TIMESTAMPTZ
            && actual.equals(column.name() + " TIMESTAMP"));
  }

  private static long count(Statement sql, String query) throws SQLException {
    try (ResultSet rows = sql.executeQuery(query)) {
      rows.next();
      return rows.getLong(1);
    }
  }
}
