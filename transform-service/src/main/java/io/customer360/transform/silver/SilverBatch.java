package io.customer360.transform.silver;

import io.customer360.common.contract.DatasetContract;
import io.customer360.common.contract.FieldSpec;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Validates and standardizes the records of some bronze files of one dataset, in one DuckDB
 * session. Afterwards the session holds table {@code batch} (the silver rows, PII protected, with
 * partition columns) and {@link #writeQuarantine} writes the rejected ones. Every record ends in
 * exactly one of them; a file DuckDB cannot read at all becomes one {@code unreadable_file}
 * quarantine row pointing at the bronze object.
 */
final class SilverBatch {

  private static final Logger log = LoggerFactory.getLogger(SilverBatch.class);

  private final Connection duckdb;
  private final SilverSql sql;
  private final List<String> unreadable = new ArrayList<>();

  SilverBatch(Connection duckdb, DatasetContract contract, PiiFunctions pii) throws SQLException {
    this.duckdb = duckdb;
    this.sql = new SilverSql(contract);
    try (Statement st = duckdb.createStatement()) {
      for (String macro : pii.macroStatements()) {
        st.execute(macro);
      }
      st.execute(createSource(contract));
    }
  }

  SilverSql sql() {
    return sql;
  }

  /** Reads one file into {@code src}; a file that cannot be read is recorded as unreadable. */
  void add(BronzeFile file) throws SQLException {
    String select = BronzeSource.select(sql, file, duckdb);
    try (Statement st = duckdb.createStatement()) {
      st.execute("INSERT INTO src BY NAME " + select);
    } catch (SQLException e) {
      log.warn("Bronze object unreadable object={} error={}", file.key(), firstLine(e));
      unreadable.add(file.key());
    }
  }

  /** Validates everything added; creates {@code checked} and {@code batch}. */
  Counts validate() throws SQLException {
    try (Statement st = duckdb.createStatement()) {
      st.execute(sql.createChecked(BronzeSource.typed(sql.contract())));
      st.execute("CREATE OR REPLACE TEMP TABLE batch AS " + sql.selectValid());
      try (ResultSet rs =
          st.executeQuery(
              "SELECT count(*) FILTER (WHERE len(_reasons) = 0),"
                  + " count(*) FILTER (WHERE len(_reasons) > 0) FROM checked")) {
        rs.next();
        return new Counts(rs.getLong(1), rs.getLong(2) + unreadable.size());
      }
    }
  }

  /**
   * Writes the quarantined records of each source object to one Parquet file in {@code dir}, named
   * after the object. Returns the files by source object key.
   */
  Map<String, Path> writeQuarantine(Path dir) throws SQLException {
    Map<String, Path> files = new LinkedHashMap<>();
    List<String> sources = new ArrayList<>();
    try (Statement st = duckdb.createStatement();
        ResultSet rs =
            st.executeQuery(
                "SELECT DISTINCT _source_object FROM checked WHERE len(_reasons) > 0 ORDER BY 1")) {
      while (rs.next()) {
        sources.add(rs.getString(1));
      }
    }
    sources.addAll(unreadable);
    int i = 0;
    for (String source : sources) {
      Path file = dir.resolve("quarantine-" + i++ + ".parquet");
      String rows =
          unreadable.contains(source)
              ? "SELECT NULL::VARCHAR AS _record_key, "
                  + SilverSql.literal(source)
                  + " AS _source_object, NULL::TIMESTAMP AS _ingested_at,"
                  + " 'unreadable_file' AS reason, ['unreadable_file'] AS reasons,"
                  + " NULL::VARCHAR AS raw"
              : SilverSql.selectQuarantined()
                  + " AND _source_object = "
                  + SilverSql.literal(source)
                  + " ORDER BY _record_key";
      try (Statement st = duckdb.createStatement()) {
        st.execute(
            "COPY ("
                + rows
                + ") TO "
                + SilverSql.literal(file.toString())
                + " (FORMAT parquet, COMPRESSION zstd)");
      }
      files.put(source, file);
    }
    return files;
  }

  private static String createSource(DatasetContract contract) {
    List<String> columns = new ArrayList<>();
    columns.add("_record_key VARCHAR");
    columns.add("_partition_key VARCHAR");
    columns.add("_source_object VARCHAR");
    columns.add("_ingested_at TIMESTAMP");
    columns.add("_raw VARCHAR");
    columns.add("_status VARCHAR");
    columns.add("_bytes BIGINT");
    for (FieldSpec field : contract.fields()) {
      columns.add(SilverSql.rawColumn(field) + " VARCHAR");
    }
    return "CREATE OR REPLACE TEMP TABLE src (" + String.join(", ", columns) + ")";
  }

  private static String firstLine(SQLException e) {
    String message = String.valueOf(e.getMessage());
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }

  /** Records of the batch: valid for silver, and quarantined. */
  record Counts(long valid, long quarantined) {}
}
