package io.customer360.loader.stage;

import io.customer360.common.gold.ColumnType;
import io.customer360.common.gold.GoldColumn;
import io.customer360.common.gold.ModelContract;
import io.customer360.loader.failure.LoadFailedException;
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
 * Reads gold Parquet files with an in-process DuckDB, one database per batch ({@link Session}):
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
    static Selection plain(ModelContract model) {
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
   * Opens a batch's DuckDB database, with {@link Session#LANES} connections to it, and runs the
   * selection's setup.
   *
   * @param spillDir where DuckDB spills beyond its memory limit
   */
  Session open(ModelContract model, Path spillDir, Selection selection) {
    List<DuckDBConnection> lanes = new ArrayList<>();
    try {
      lanes.add((DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:"));
      for (int lane = 1; lane < Session.LANES; lane++) {
        lanes.add(lanes.get(0).duplicate());
      }
      for (DuckDBConnection lane : lanes) {
        try (Statement sql = lane.createStatement()) {
          sql.execute("SET TimeZone = 'UTC'");
          sql.execute("SET memory_limit = '" + memoryLimit + "'");
          sql.execute("SET temp_directory = " + quote(spillDir.toString()));
          // Row order within a file means nothing to a load: let DuckDB read in parallel.
          sql.execute("SET preserve_insertion_order = false");
        }
      }
      // The setup's tables are in the database, which every lane sees.
      try (Statement sql = lanes.get(0).createStatement()) {
        for (String statement : selection.setup()) {
          sql.execute(statement);
        }
      }
      return new Session(model, lanes, selection);
    } catch (SQLException | RuntimeException e) {
      lanes.forEach(Session::closeQuietly);
      if (e instanceof SQLException sql) {
        throw unreadable(model, sql);
      }
      throw (RuntimeException) e;
    }
  }

  /**
   * One batch's DuckDB database. Files are read in turn on alternating connections (lanes), so one
   * file's query can run, a sort included, while the previous file's rows are still being written:
   * {@link #read} the next file on one thread while {@link Read#copyTo} runs on another.
   */
  static final class Session implements AutoCloseable {

    /** Files that may be open at once: one being written, the next being read. */
    static final int LANES = 2;

    private final ModelContract model;
    private final List<DuckDBConnection> lanes;
    private final Selection selection;
    private final Read[] open = new Read[LANES];
    private int next;

    private Session(ModelContract model, List<DuckDBConnection> lanes, Selection selection) {
      this.model = model;
      this.lanes = lanes;
      this.selection = selection;
    }

    /**
     * Checks a file and runs the selection over it up to its first result chunk, on the next lane,
     * whose previous {@link Read} must be closed.
     *
     * @throws LoadFailedException when the file's schema differs from the contract, or a row lies
     *     outside the announced partitions
     */
    synchronized Read read(Path file) {
      int lane = next;
      if (open[lane] != null && !open[lane].closed) {
        throw new IllegalStateException(
            "DuckDB lane " + lane + " is still reading " + open[lane].file.getFileName());
      }
      DuckDBConnection duck = lanes.get(lane);
      DuckDBPreparedStatement select = null;
      try (Statement sql = duck.createStatement()) {
        checkSchema(sql, model, file);
        sql.execute(
            "CREATE OR REPLACE TEMP VIEW gold AS SELECT * FROM read_parquet("
                + quote(file.toString())
                + ", hive_partitioning = false)");
        long rows = count(sql, "SELECT COUNT(*) FROM gold");
        if (selection.partitionColumn() != null) {
          checkPartitions(sql, model, file, selection);
        }
        select = duck.prepare(selection.query());
        DuckDBChunkedResult result = select.query();
        // The first chunk waits for the whole query when it sorts.
        Read read = new Read(model, selection, file, rows, select, result, result.nextChunk());
        open[lane] = read;
        next = (lane + 1) % LANES;
        return read;
      } catch (SQLException e) {
        closeQuietly(select);
        throw unreadable(model, e);
      } catch (RuntimeException e) {
        closeQuietly(select);
        throw e;
      }
    }

    @Override
    public synchronized void close() {
      for (Read read : open) {
        if (read != null) {
          read.close();
        }
      }
      lanes.forEach(Session::closeQuietly);
    }

    private static void closeQuietly(AutoCloseable closeable) {
      if (closeable == null) {
        return;
      }
      try {
        closeable.close();
      } catch (Exception e) {
        // Nothing was written through it; an in-memory database has nothing left to lose.
      }
    }
  }

  /** A file's query, run up to its first chunk; its rows are written by {@link #copyTo}. */
  static final class Read implements AutoCloseable {

    private final ModelContract model;
    private final Selection selection;
    private final Path file;
    private final long rows;
    private final DuckDBPreparedStatement select;
    private final DuckDBChunkedResult result;
    private final boolean hasChunk;
    private volatile boolean closed;

    private Read(
        ModelContract model,
        Selection selection,
        Path file,
        long rows,
        DuckDBPreparedStatement select,
        DuckDBChunkedResult result,
        boolean hasChunk) {
      this.model = model;
      this.selection = selection;
      this.file = file;
      this.rows = rows;
      this.select = select;
      this.result = result;
      this.hasChunk = hasChunk;
    }

    /** Rows in the file, all of them, selected or not. */
    long rows() {
      return rows;
    }

    Path file() {
      return file;
    }

    /** Writes the selected rows. */
    void copyTo(BinaryCopyWriter out) {
      try {
        CopyColumns.copy(result, hasChunk, selection.types(), selection.constants(), out);
      } catch (SQLException e) {
        throw unreadable(model, e);
      }
    }

    @Override
    public void close() {
      closed = true;
      Session.closeQuietly(result);
      Session.closeQuietly(select);
    }
  }

  private static LoadFailedException unreadable(ModelContract model, SQLException e) {
    return new LoadFailedException(
        "unreadable_parquet",
        false,
        model.name() + " gold file cannot be read: " + e.getMessage(),
        e);
  }

  private static void checkPartitions(
      Statement sql, ModelContract model, Path file, Selection selection) throws SQLException {
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

  private static void checkSchema(Statement sql, ModelContract model, Path file)
      throws SQLException {
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
