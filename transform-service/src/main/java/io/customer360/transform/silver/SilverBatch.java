package io.customer360.transform.silver;

import io.customer360.common.contract.DatasetContract;
import io.customer360.common.contract.FieldSpec;
import io.customer360.common.lake.QuarantineReason;
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
 * session. Afterwards the session holds view {@code batch} (the silver rows, PII protected, with
 * partition columns) over table {@code checked}, and {@link #writeQuarantine} writes the rejected
 * ones. Every record ends in exactly one of them; a file DuckDB cannot read at all becomes one
 * {@code unreadable_file} quarantine row pointing at the bronze object.
 *
 * <p>Stream files are read by one scan straight into {@code checked}, which DuckDB spreads over its
 * threads. When that scan fails, or for landing drops, each file is read alone into table {@code
 * src} first, so one unreadable file does not take the others down.
 */
final class SilverBatch {

  private static final String UNREADABLE =
      SilverSql.literal(QuarantineReason.UNREADABLE_FILE.code());

  private static final Logger log = LoggerFactory.getLogger(SilverBatch.class);

  private final Connection duckdb;
  private final SilverSql sql;
  private final List<BronzeFile> files = new ArrayList<>();
  private final List<String> unreadable = new ArrayList<>();

  SilverBatch(Connection duckdb, DatasetContract contract, PiiFunctions pii) throws SQLException {
    this.duckdb = duckdb;
    this.sql = new SilverSql(contract);
    pii.register(duckdb);
  }

  SilverSql sql() {
    return sql;
  }

  /** Adds a file to the batch; {@link #validate} reads it. */
  void add(BronzeFile file) {
    files.add(file);
  }

  /** Reads and validates every file added; creates {@code checked} and {@code batch}. */
  Counts validate() throws SQLException {
    if (!checkTogether()) {
      readOneByOne();
      execute(sql.createChecked(BronzeSource.typed(sql.contract())));
    }
    execute("CREATE OR REPLACE TEMP VIEW batch AS " + sql.selectValid());
    try (Statement st = duckdb.createStatement()) {
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
                  + " "
                  + UNREADABLE
                  + " AS reason, ["
                  + UNREADABLE
                  + "] AS reasons,"
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
                + " ("
                + SilverSql.PARQUET_OPTIONS
                + ")");
      }
      files.put(source, file);
    }
    return files;
  }

  /**
   * Checks all files in one scan, {@code src} a view over them. False when they cannot be read
   * together, or one of them cannot be read at all.
   */
  private boolean checkTogether() throws SQLException {
    if (!BronzeSource.readableTogether(sql.contract(), files)) {
      return false;
    }
    try {
      execute("CREATE OR REPLACE TEMP VIEW src AS " + BronzeSource.selectAll(sql, files));
      execute(sql.createChecked(false));
      return true;
    } catch (SQLException e) {
      log.info(
          "Bronze objects not readable in one scan, reading each alone objects={} error={}",
          files.size(),
          firstLine(e));
      execute("DROP VIEW IF EXISTS src");
      return false;
    }
  }

  /** Reads each file into table {@code src}; a file that cannot be read is recorded unreadable. */
  private void readOneByOne() throws SQLException {
    execute(createSource(sql.contract()));
    for (BronzeFile file : files) {
      try {
        execute("INSERT INTO src BY NAME " + BronzeSource.select(sql, file, duckdb));
      } catch (SQLException e) {
        log.warn("Bronze object unreadable object={} error={}", file.key(), firstLine(e));
        unreadable.add(file.key());
      }
    }
  }

  /** Runs one statement; DuckDB closes a statement whose execution failed, so each gets its own. */
  private void execute(String statement) throws SQLException {
    try (Statement st = duckdb.createStatement()) {
      st.execute(statement);
    }
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
