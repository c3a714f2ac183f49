package io.customer360.demo.landing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ParquetRowsTest {

  private static final String MINE =
      "bronze/returns/ingest_date=2026-11-22/ingest_hour=10/aa-r.csv";
  private static final String OTHER =
      "bronze/returns/ingest_date=2026-11-21/ingest_hour=09/bb-r.csv";

  @TempDir Path dir;

  private final ParquetRows parquet = new ParquetRows();

  @AfterEach
  void close() {
    parquet.close();
  }

  /** Writes a Parquet file from a SELECT, as transform-service's DuckDB does. */
  private Path parquet(String name, String select) throws SQLException {
    Path file = dir.resolve(name);
    try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:");
        Statement st = duckdb.createStatement()) {
      st.execute("COPY (" + select + ") TO '" + file + "' (FORMAT parquet)");
    }
    return file;
  }

  @Test
  void countsOnlyTheRowsOfTheBronzeObjectPerSilverFile() throws SQLException {
    Path first =
        parquet(
            "p1.parquet",
            "SELECT * FROM (VALUES ('aa:1', '"
                + MINE
                + "', 'R1'), ('bb:1', '"
                + OTHER
                + "', 'R2'), ('aa:2', '"
                + MINE
                + "', 'R3')) t(_record_key, _source_object,"
                + " return_id)");
    Path second =
        parquet(
            "p2.parquet",
            "SELECT * FROM (VALUES ('bb:2', '"
                + OTHER
                + "', 'R4')) t(_record_key, _source_object,"
                + " return_id)");

    assertThat(parquet.rowsFrom(List.of(first, second), MINE))
        .containsExactly(org.assertj.core.api.Assertions.entry(first.toAbsolutePath(), 2L));
    assertThat(parquet.rowsFrom(List.of(), MINE)).isEmpty();
  }

  @Test
  void groupsQuarantineRowsByPrimaryReasonWithTheirFirstRecordNumbers() throws SQLException {
    StringBuilder rows = new StringBuilder();
    for (int n : new int[] {12, 3, 7, 1, 9, 30, 5}) {
      rows.append(rows.length() == 0 ? "" : ", ")
          .append("('aa:")
          .append(n)
          .append("', 'bad_type:quantity')");
    }
    rows.append(", ('aa:4', 'missing_field:order_id')");
    Path file =
        parquet(
            "q.parquet",
            "SELECT _record_key, '"
                + MINE
                + "' AS _source_object, reason, [reason] AS reasons,"
                + " 'raw text' AS raw FROM (VALUES "
                + rows
                + ") t(_record_key, reason)");

    assertThat(parquet.reasons(file))
        .containsExactly(
            new ReasonRows("bad_type:quantity", 7, List.of(1L, 3L, 5L, 7L, 9L)),
            new ReasonRows("missing_field:order_id", 1, List.of(4L)));
  }

  @Test
  void theUnreadableFileRowHasNoRecordNumber() throws SQLException {
    Path file =
        parquet(
            "u.parquet",
            "SELECT NULL::VARCHAR AS _record_key, '"
                + MINE
                + "' AS _source_object,"
                + " 'unreadable_file' AS reason, ['unreadable_file'] AS reasons, NULL::VARCHAR AS raw");

    assertThat(parquet.reasons(file))
        .containsExactly(new ReasonRows("unreadable_file", 1, List.of()));
  }
}
