package io.customer360.loader.stage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.customer360.common.gold.ColumnType;
import io.customer360.infra.local.LocalEndpoints;
import io.customer360.infra.local.LocalPlatformExtension;
import io.customer360.loader.testing.TestWarehouse;
import io.customer360.loader.warehouse.WarehouseSqlException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.duckdb.DuckDBChunkedResult;
import org.duckdb.DuckDBConnection;
import org.duckdb.DuckDBPreparedStatement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Values selected by DuckDB, encoded by {@link CopyColumns} and {@link BinaryCopyWriter} and sent
 * by {@link BinaryCopyStream}, read back from PostgreSQL exactly as the same literals inserted with
 * SQL: every contract type, NULLs, extremes, scales, negative numbers, instants before 1970 and
 * 2000, unicode.
 */
@ExtendWith(LocalPlatformExtension.class)
class BinaryCopyIT {

  private static final List<ColumnType> TYPES =
      List.of(
              "integer",
              "varchar(64)",
              "date",
              "timestamptz",
              "bigint",
              "numeric(12,2)",
              "numeric(18,4)",
              "numeric(38,10)",
              "numeric(5,0)",
              "numeric(18,17)",
              "double precision",
              "boolean")
          .stream()
          .map(ColumnType::parse)
          .toList();

  /** One row per line: literals, in {@link #TYPES} order, read alike by DuckDB and PostgreSQL. */
  private static final List<List<String>> ROWS =
      List.of(
          List.of(
              "1", "NULL", "NULL", "NULL", "NULL", "NULL", "NULL", "NULL", "NULL", "NULL", "NULL",
              "NULL"),
          List.of(
              "2",
              "'ol-2026-03-01-1'",
              "'2026-03-01'",
              "'2026-03-01 12:34:56.789012+00'",
              "9000000000000000",
              "'12.50'",
              "'-12345678901234.5678'",
              "'1234567890123456789012345678.0123456789'",
              "'12345'",
              "'1.23456789012345678'",
              "'-1.5e-300'",
              "true"),
          List.of(
              "3",
              "'Zoë ✓ 日本語 🎉 ''quoted'' \\ tab\tnewline\n'",
              "'1999-12-31'",
              "'1969-07-20 20:17:40.000001+00'",
              "-9223372036854775808",
              "'-0.01'",
              "'0.0001'",
              "'-0.0000000001'",
              "'-99999'",
              "'-0.00000000000000001'",
              "'NaN'",
              "false"),
          List.of(
              "-2147483648",
              "''",
              "'0001-01-01'",
              "'1900-01-01 00:00:00+00'",
              "9223372036854775807",
              "'9999999999.99'",
              "'-99999999999999.9999'",
              "'-9999999999999999999999999999.9999999999'",
              "'0'",
              "'-9.99999999999999999'",
              "'Infinity'",
              "true"),
          List.of(
              "2147483647",
              "'x'",
              "'2000-01-01'",
              "'2000-01-01 00:00:00+00'",
              "0",
              "'0.00'",
              "'10000.0000'",
              "'100000000.0000000001'",
              "'10000'",
              "'0.5'",
              "'-0.0'",
              "true"),
          List.of(
              "5",
              "'a'",
              "'1999-12-31'",
              "'1999-12-31 23:59:59.999999+00'",
              "-1",
              "'-10000.00'",
              "'-0.5000'",
              "'0.0000000000'",
              "'-1'",
              "'0'",
              "'-Infinity'",
              "false"));

  static TestWarehouse warehouse;
  static DuckDBConnection duck;

  @BeforeAll
  static void start(LocalEndpoints endpoints) throws SQLException {
    warehouse = TestWarehouse.create(endpoints);
    String database = warehouse.url().substring(warehouse.url().lastIndexOf('/') + 1);
    warehouse.execute("ALTER DATABASE " + database + " SET TimeZone = 'UTC'");
    duck = (DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:");
    try (Statement sql = duck.createStatement()) {
      sql.execute("SET TimeZone = 'UTC'");
    }
  }

  @AfterAll
  static void stop() throws SQLException {
    duck.close();
  }

  @Test
  void copiedValuesReadBackAsTheSameLiteralsInsertedWithSql() throws SQLException {
    warehouse.execute(createTable("copied"), createTable("inserted"));
    warehouse.execute(
        "INSERT INTO inserted VALUES "
            + ROWS.stream()
                .map(row -> "(" + String.join(", ", casts(row)) + ")")
                .collect(Collectors.joining(", ")));

    long copied = copy("copied", duckDbQuery());

    assertThat(copied).isEqualTo(ROWS.size());
    String compare = "SELECT * FROM %s ORDER BY c0";
    List<List<String>> expected = warehouse.rows(String.format(compare, "inserted"));
    assertThat(warehouse.rows(String.format(compare, "copied"))).isEqualTo(expected);
    assertThat(row(expected, "2"))
        .containsExactly(
            "2",
            "ol-2026-03-01-1",
            "2026-03-01",
            "2026-03-01 12:34:56.789012+00",
            "9000000000000000",
            "12.50",
            "-12345678901234.5678",
            "1234567890123456789012345678.0123456789",
            "12345",
            "1.23456789012345678",
            "-1.5e-300",
            "t");
    assertThat(row(expected, "3").get(1)).isEqualTo("Zoë ✓ 日本語 🎉 'quoted' \\ tab\tnewline\n");
    assertThat(row(expected, "3").get(3)).isEqualTo("1969-07-20 20:17:40.000001+00");
    assertThat(row(expected, "1").subList(1, TYPES.size())).containsOnlyNulls();
  }

  @Test
  void textColumnsBetweenOtherTypesKeepTheirOwnValuesNullsAndEmptyStrings() throws SQLException {
    List<ColumnType> types =
        Stream.of("varchar(8)", "integer", "varchar(64)", "varchar(64)", "date", "varchar(16)")
            .map(ColumnType::parse)
            .toList();
    List<List<String>> rows =
        List.of(
            List.of("'a'", "1", "NULL", "''", "'2026-03-01'", "'Zoë ✓ 🎉'"),
            List.of("NULL", "2", "'日本語, \"x\"'", "NULL", "NULL", "''"),
            List.of("''", "3", "''", "'tab\tnl\n'", "'1999-12-31'", "NULL"),
            List.of("NULL", "4", "NULL", "NULL", "NULL", "NULL"),
            List.of("'12345678'", "5", "'é'", "'€'", "'2000-01-01'", "'🎉🎉🎉🎉'"));
    String columns =
        IntStream.range(0, types.size())
            .mapToObj(c -> "c" + c + " " + types.get(c).sql())
            .collect(Collectors.joining(", "));
    warehouse.execute(
        "CREATE TABLE texts_copied (" + columns + ")",
        "CREATE TABLE texts_inserted (" + columns + ")",
        "INSERT INTO texts_inserted VALUES "
            + rows.stream()
                .map(row -> "(" + String.join(", ", row) + ")")
                .collect(Collectors.joining(", ")));
    String query =
        rows.stream()
            .map(
                row ->
                    "SELECT "
                        + CopyColumns.selectList(
                            types,
                            IntStream.range(0, types.size())
                                .mapToObj(c -> cast(row.get(c), types.get(c)))
                                .toList()))
            .collect(Collectors.joining(" UNION ALL "));

    try (Connection connection = warehouse.connect()) {
      assertThat(copy(connection, "texts_copied", types, List.of(), query)).isEqualTo(rows.size());
    }

    String compare = "SELECT * FROM %s ORDER BY c1";
    List<List<String>> expected = warehouse.rows(String.format(compare, "texts_inserted"));
    assertThat(warehouse.rows(String.format(compare, "texts_copied"))).isEqualTo(expected);
    assertThat(expected.get(1)).containsExactly(null, "2", "日本語, \"x\"", null, null, "");
    assertThat(warehouse.value("SELECT COUNT(*) FROM texts_copied WHERE c0 = '' AND c2 = ''"))
        .isEqualTo("1");
  }

  @Test
  void streamsRowsSpanningManyChunksEachEndingWithTheConstants() throws SQLException {
    warehouse.execute(createTable("many"), "ALTER TABLE many ADD COLUMN batch varchar(128)");
    int rows = 200_000;
    String query =
        "SELECT "
            + CopyColumns.selectList(
                TYPES,
                IntStream.range(0, TYPES.size())
                    .mapToObj(
                        c -> c == 0 ? "CAST(i AS INTEGER)" : cast(ROWS.get(1).get(c), TYPES.get(c)))
                    .toList())
            + " FROM range("
            + rows
            + ") r(i)";

    long copied;
    try (Connection connection = warehouse.connect()) {
      copied = copy(connection, "many", TYPES, List.of("batch-ü-1"), query);
    }

    assertThat(copied).isEqualTo(rows);
    assertThat(warehouse.rows("SELECT batch, COUNT(*) FROM many GROUP BY batch"))
        .containsExactly(List.of("batch-ü-1", Integer.toString(rows)));

    assertThat(warehouse.value("SELECT COUNT(DISTINCT c0) FROM many WHERE c7 IS NOT NULL"))
        .isEqualTo(Integer.toString(rows));
    assertThat(warehouse.value("SELECT SUM(c6) FROM many")).isEqualTo("-2469135780246913560.0000");
  }

  @Test
  void aValueTooLongForItsColumnFailsTheCopyWithItsSqlState() throws SQLException {
    warehouse.execute("CREATE TABLE narrow (c0 integer, c1 varchar(3))");
    List<ColumnType> types = List.of(ColumnType.parse("integer"), ColumnType.parse("varchar(3)"));

    try (Connection connection = warehouse.connect()) {
      connection.setAutoCommit(false);
      assertThatThrownBy(
              () ->
                  copy(
                      connection,
                      "narrow",
                      types,
                      List.of(),
                      "SELECT " + CopyColumns.selectList(types, List.of("1", "'abcd'"))))
          .isInstanceOf(WarehouseSqlException.class)
          .extracting(e -> ((WarehouseSqlException) e).sqlState())
          .isEqualTo("22001");
      connection.rollback();
    }
    assertThat(warehouse.value("SELECT COUNT(*) FROM narrow")).isEqualTo("0");
  }

  @Test
  void aFailingProducerCancelsTheCopyAndLeavesTheConnectionUsable() throws SQLException {
    warehouse.execute("CREATE TABLE cancelled (c0 integer)");
    try (Connection connection = warehouse.connect()) {
      connection.setAutoCommit(false);
      assertThatThrownBy(
              () ->
                  BinaryCopyStream.copy(
                      connection,
                      "COPY cancelled FROM STDIN (FORMAT binary)",
                      "test-producer",
                      out -> {
                        for (int i = 0; i < 100_000; i++) {
                          out.startRow(1);
                          out.writeInt(i);
                        }
                        throw new IllegalStateException("file 2 is corrupt");
                      }))
          .isInstanceOf(IllegalStateException.class)
          .hasMessage("file 2 is corrupt");
      connection.rollback();
      try (Statement sql = connection.createStatement()) {
        assertThat(sql.execute("SELECT 1")).isTrue();
      }
    }
    assertThat(warehouse.value("SELECT COUNT(*) FROM cancelled")).isEqualTo("0");
  }

  private static List<String> row(List<List<String>> rows, String c0) {
    return rows.stream().filter(row -> row.get(0).equals(c0)).findFirst().orElseThrow();
  }

  private static String createTable(String name) {
    return "CREATE TABLE "
        + name
        + " ("
        + IntStream.range(0, TYPES.size())
            .mapToObj(c -> "c" + c + " " + TYPES.get(c).sql())
            .collect(Collectors.joining(", "))
        + ")";
  }

  private static List<String> casts(List<String> row) {
    List<String> casts = new ArrayList<>();
    for (int c = 0; c < TYPES.size(); c++) {
      casts.add(cast(row.get(c), TYPES.get(c)));
    }
    return casts;
  }

  private static String cast(String literal, ColumnType type) {
    return "CAST(" + literal + " AS " + type.sql() + ")";
  }

  private static String duckDbQuery() {
    return ROWS.stream()
        .map(
            row -> {
              List<String> casts = casts(row);
              return "SELECT " + CopyColumns.selectList(TYPES, casts);
            })
        .collect(Collectors.joining(" UNION ALL "));
  }

  private long copy(String table, String query) throws SQLException {
    try (Connection connection = warehouse.connect()) {
      return copy(connection, table, TYPES, List.of(), query);
    }
  }

  private static long copy(
      Connection connection,
      String table,
      List<ColumnType> types,
      List<String> constants,
      String query) {
    return BinaryCopyStream.copy(
        connection,
        "COPY " + table + " FROM STDIN (FORMAT binary)",
        "test-decode",
        out -> {
          try (DuckDBPreparedStatement select = duck.prepare(query);
              DuckDBChunkedResult result = select.query()) {
            return CopyColumns.copy(result, result.nextChunk(), types, constants, out);
          } catch (SQLException e) {
            throw new IllegalStateException(e);
          }
        });
  }
}
