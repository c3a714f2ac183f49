package io.customer360.transform.silver;

import io.customer360.common.contract.DatasetContract;
import io.customer360.common.contract.FieldSpec;
import io.customer360.common.contract.SourceChannel;
import io.customer360.common.lake.BronzeEnvelope;
import io.customer360.common.lake.BronzeEnvelope.PayloadStatus;
import io.customer360.common.lake.QuarantineReason;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Reads one bronze file into the uniform relation {@link SilverSql} validates: lineage columns,
 * {@code _partition_key}, {@code _raw}, {@code _status}, {@code _bytes} and one text column per
 * contract field, resolved from the field's name or any alias the source used.
 *
 * <ul>
 *   <li>stream files: ingestion's JSON-lines envelope; record key {@code shard:sequence:sub},
 *       {@code _partition_key} the envelope's {@code partition_key} (the Kinesis partition key the
 *       producer chose; files from other sources have none, so it is NULL for them);
 *   <li>JSON-lines drops: one record per non-blank line, kept as text so a broken line is
 *       quarantined instead of failing the file;
 *   <li>CSV drops (header, quoting, BOM, CRLF): all columns read as text, header names matched to
 *       fields exactly, else ignoring case and punctuation;
 *   <li>Parquet drops: typed columns rendered as text.
 * </ul>
 *
 * Landing record keys are {@code <content-hash prefix>:<row number>}.
 */
final class BronzeSource {

  private BronzeSource() {}

  /** Whether the source's values were typed (Parquet) rather than text. */
  static boolean typed(DatasetContract contract) {
    return contract.source().channel() == SourceChannel.LANDING
        && contract.source().format() == io.customer360.common.contract.SourceFormat.PARQUET;
  }

  /** SQL selecting the {@code src} rows of one file. */
  static String select(SilverSql sql, BronzeFile file, Connection duckdb) throws SQLException {
    DatasetContract contract = sql.contract();
    if (contract.source().channel() == SourceChannel.STREAM) {
      return streamEnvelopes(sql, List.of(file));
    }
    return switch (contract.source().format()) {
      case JSON, JSON_LINES -> jsonLines(sql, file);
      case CSV -> tabular(sql, file, duckdb, csv(file));
      case PARQUET -> tabular(sql, file, duckdb, "read_parquet(" + path(file) + ")");
    };
  }

  /**
   * Whether {@link #selectAll} can read these files in one statement: stream envelopes, all
   * compressed alike. Landing drops are read one by one: their record keys number each file's rows,
   * and their headers may differ.
   */
  static boolean readableTogether(DatasetContract contract, List<BronzeFile> files) {
    return contract.source().channel() == SourceChannel.STREAM
        && !files.isEmpty()
        && files.stream().map(BronzeFile::gzip).distinct().count() == 1;
  }

  /**
   * SQL selecting the {@code src} rows of several stream files in one scan, which DuckDB spreads
   * over its threads; much faster than one statement per file. Fails as a whole when any file
   * cannot be read.
   */
  static String selectAll(SilverSql sql, List<BronzeFile> files) {
    if (!readableTogether(sql.contract(), files)) {
      throw new IllegalArgumentException("Only stream files compressed alike are read together");
    }
    return streamEnvelopes(sql, files);
  }

  /**
   * Ingestion's envelopes of some files (all gzip or none): each row's source object and fallback
   * arrival time come from its file, matched on the path DuckDB reports.
   */
  private static final String PAYLOAD = BronzeEnvelope.PAYLOAD;

  private static final String PAYLOAD_BASE64 = BronzeEnvelope.PAYLOAD_BASE64;

  /** The envelope's fields as DuckDB reads them. */
  private static final String ENVELOPE_COLUMNS =
      Stream.of(
              BronzeEnvelope.SHARD_ID + ": 'VARCHAR'",
              BronzeEnvelope.SEQUENCE_NUMBER + ": 'VARCHAR'",
              BronzeEnvelope.SUB_SEQUENCE_NUMBER + ": 'BIGINT'",
              BronzeEnvelope.PARTITION_KEY + ": 'VARCHAR'",
              BronzeEnvelope.APPROXIMATE_ARRIVAL_TIMESTAMP + ": 'VARCHAR'",
              BronzeEnvelope.PAYLOAD_STATUS + ": 'VARCHAR'",
              PAYLOAD + ": 'VARCHAR'",
              PAYLOAD_BASE64 + ": 'VARCHAR'")
          .collect(Collectors.joining(", ", "{", "}"));

  /**
   * A record's status from ingestion's payload status: {@code ok}, or the quarantine reason of
   * {@link PayloadStatus#quarantine()}. Ingestion checked that an ok payload is one JSON value, so
   * an object is one that starts with a brace: no second parse.
   */
  private static String status() {
    StringBuilder sql =
        new StringBuilder("CASE WHEN ")
            .append(BronzeEnvelope.PAYLOAD_STATUS)
            .append(" = ")
            .append(SilverSql.literal(PayloadStatus.OK.code()))
            .append(" THEN CASE WHEN starts_with(")
            .append(PAYLOAD)
            .append(", '{') OR starts_with(ltrim(")
            .append(PAYLOAD)
            .append(", chr(9) || chr(10) || chr(13) || ' '), '{') THEN ")
            .append(SilverSql.OK)
            .append(" ELSE ")
            .append(SilverSql.literal(QuarantineReason.NOT_A_JSON_OBJECT.code()))
            .append(" END");
    for (PayloadStatus status : PayloadStatus.values()) {
      if (status != PayloadStatus.OK) {
        sql.append(" WHEN ")
            .append(BronzeEnvelope.PAYLOAD_STATUS)
            .append(" = ")
            .append(SilverSql.literal(status.code()))
            .append(" THEN ")
            .append(SilverSql.literal(status.quarantine().code()));
      }
    }
    // An unknown status (a newer ingestion) is not silently valid.
    return sql.append(" ELSE ")
        .append(SilverSql.literal(QuarantineReason.INVALID_UTF8.code()))
        .append(" END")
        .toString();
  }

  private static String streamEnvelopes(SilverSql sql, List<BronzeFile> files) {
    String paths = files.stream().map(BronzeSource::path).collect(Collectors.joining(", "));
    String origins =
        files.stream()
            .map(f -> "(" + path(f) + ", " + SilverSql.literal(f.key()) + ", " + timestamp(f) + ")")
            .collect(Collectors.joining(", "));
    String envelope =
        "SELECT "
            + BronzeEnvelope.SHARD_ID
            + " || ':' || "
            + BronzeEnvelope.SEQUENCE_NUMBER
            + " || ':' || coalesce("
            + BronzeEnvelope.SUB_SEQUENCE_NUMBER
            + ", 0) AS _record_key, "
            + BronzeEnvelope.PARTITION_KEY
            + " AS _partition_key, CAST(o.object_key AS "
            + sourceObjects(files)
            + ") AS _source_object, coalesce(TRY_CAST("
            + BronzeEnvelope.APPROXIMATE_ARRIVAL_TIMESTAMP
            + " AS TIMESTAMPTZ) AT TIME ZONE 'UTC', o.received_at) AS _ingested_at, coalesce("
            + PAYLOAD
            + ", "
            + PAYLOAD_BASE64
            + ") AS _raw, "
            + status()
            + " AS _status, CASE WHEN "
            + PAYLOAD
            + " IS NOT NULL THEN strlen("
            + PAYLOAD
            + ") ELSE strlen("
            + PAYLOAD_BASE64
            + ") * 3 // 4 END AS _bytes FROM read_json(["
            + paths
            + "], format = 'newline_delimited', filename = true"
            + compression(files.get(0))
            + ", columns = "
            + ENVELOPE_COLUMNS
            + ") e JOIN (VALUES "
            + origins
            + ") o(path, object_key, received_at) ON e.filename = o.path";
    return jsonFields(sql, envelope);
  }

  /**
   * The type of {@code _source_object} for rows of these files: an ENUM of their keys, in key
   * order. A row then carries one byte instead of a key of a hundred characters through validation
   * and the partition sort; Parquet stores it as text like any VARCHAR (about 0.3 s less per 1M
   * rows).
   */
  private static String sourceObjects(List<BronzeFile> files) {
    return "ENUM "
        + files.stream()
            .map(BronzeFile::key)
            .distinct()
            .sorted()
            .map(SilverSql::literal)
            .collect(Collectors.joining(", ", "(", ")"));
  }

  private static String jsonLines(SilverSql sql, BronzeFile file) {
    String lines =
        "SELECT "
            + SilverSql.literal(file.recordKeyPrefix() + ":")
            + " || n AS _record_key, NULL::VARCHAR AS _partition_key, "
            + SilverSql.literal(file.key())
            + " AS _source_object, "
            + timestamp(file)
            + " AS _ingested_at, line AS _raw,"
            + " CASE WHEN NOT json_valid(line) THEN "
            + SilverSql.literal(QuarantineReason.UNPARSEABLE_JSON.code())
            + " WHEN json_type(line) <> 'OBJECT' THEN "
            + SilverSql.literal(QuarantineReason.NOT_A_JSON_OBJECT.code())
            + " ELSE "
            + SilverSql.OK
            + " END AS _status,"
            + " strlen(line) AS _bytes"
            + " FROM (SELECT row_number() OVER () AS n, line FROM read_csv("
            + path(file)
            + ", columns = {'line': 'VARCHAR'}, header = false, delim = chr(30), quote = '',"
            + " escape = '', auto_detect = false"
            + compression(file)
            + ")) WHERE line IS NOT NULL AND trim(line) <> ''";
    return jsonFields(sql, lines);
  }

  /**
   * Adds the field columns to a relation of JSON texts, parsing each text once: {@code from_json}
   * into a struct of every name and alias as text, which reads each object's keys in one pass,
   * matching names exactly (the first of duplicate keys wins, like a JSON path). Struct fields are
   * named without regard to case, so a name differing from an earlier one only in case is looked up
   * by its own JSON path. A field's value is that of the first of its names present and not JSON
   * null; blank text and null tokens then count as absent.
   */
  private static String jsonFields(SilverSql sql, String relation) {
    List<String> structNames = new ArrayList<>();
    List<String> columns = new ArrayList<>();
    for (FieldSpec field : sql.contract().fields()) {
      List<String> candidates = new ArrayList<>();
      for (String name : names(field)) {
        boolean caseVariant =
            !structNames.contains(name) && structNames.stream().anyMatch(name::equalsIgnoreCase);
        if (caseVariant) {
          candidates.add(
              "CASE WHEN _status = "
                  + SilverSql.OK
                  + " THEN json_extract_string(_raw, "
                  + SilverSql.literal("$." + jsonString(name))
                  + ") END");
        } else {
          if (!structNames.contains(name)) {
            structNames.add(name);
          }
          candidates.add("_v[" + SilverSql.literal(name) + "]");
        }
      }
      columns.add(sql.absentAsNull(coalesce(candidates)) + " AS " + SilverSql.rawColumn(field));
    }
    String struct =
        structNames.stream()
            .map(n -> jsonString(n) + ": \"VARCHAR\"")
            .collect(Collectors.joining(", ", "{", "}"));
    return "SELECT _record_key, _partition_key, _source_object, _ingested_at, _raw, _status,"
        + " _bytes,\n  "
        + String.join(",\n  ", columns)
        + "\nFROM (SELECT *, CASE WHEN _status = "
        + SilverSql.OK
        + " THEN from_json(_raw, "
        + SilverSql.literal(struct)
        + ") END AS _v FROM ("
        + relation
        + "))";
  }

  private static String jsonString(String text) {
    return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  private static String tabular(SilverSql sql, BronzeFile file, Connection duckdb, String reader)
      throws SQLException {
    Map<String, String> header = header(duckdb, reader);
    List<String> columns = new ArrayList<>();
    for (FieldSpec field : sql.contract().fields()) {
      String value =
          column(field, header)
              .map(c -> sql.absentAsNull("CAST(t." + SilverSql.quote(c) + " AS VARCHAR)"))
              .orElse("NULL::VARCHAR");
      columns.add(value + " AS " + SilverSql.rawColumn(field));
    }
    return "SELECT "
        + SilverSql.literal(file.recordKeyPrefix() + ":")
        + " || row_number() OVER () AS _record_key, NULL::VARCHAR AS _partition_key, "
        + SilverSql.literal(file.key())
        + " AS _source_object, "
        + timestamp(file)
        + " AS _ingested_at, to_json(t)::VARCHAR AS _raw, "
        + SilverSql.OK
        + " AS _status,"
        + " strlen(to_json(t)::VARCHAR) AS _bytes,\n  "
        + String.join(",\n  ", columns)
        + "\nFROM "
        + reader
        + " t";
  }

  private static String csv(BronzeFile file) {
    return "read_csv("
        + path(file)
        + ", header = true, all_varchar = true"
        + compression(file)
        + ")";
  }

  /** Source column names, keyed by their normalized spelling. */
  private static Map<String, String> header(Connection duckdb, String reader) throws SQLException {
    Map<String, String> columns = new TreeMap<>();
    try (Statement st = duckdb.createStatement();
        ResultSet rs = st.executeQuery("DESCRIBE SELECT * FROM " + reader)) {
      while (rs.next()) {
        columns.put(rs.getString(1), rs.getString(1));
      }
    }
    return columns;
  }

  private static Optional<String> column(FieldSpec field, Map<String, String> header) {
    for (String name : names(field)) {
      if (header.containsKey(name)) {
        return Optional.of(name);
      }
    }
    for (String name : names(field)) {
      for (String column : header.keySet()) {
        if (normalized(column).equals(normalized(name))) {
          return Optional.of(column);
        }
      }
    }
    return Optional.empty();
  }

  private static List<String> names(FieldSpec field) {
    List<String> names = new ArrayList<>();
    names.add(field.name());
    names.addAll(field.aliases());
    return names;
  }

  private static String normalized(String name) {
    return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
  }

  private static String coalesce(List<String> values) {
    return values.size() == 1 ? values.get(0) : "coalesce(" + String.join(", ", values) + ")";
  }

  private static String path(BronzeFile file) {
    return SilverSql.literal(file.path().toAbsolutePath().toString());
  }

  private static String compression(BronzeFile file) {
    return file.gzip() ? ", compression = 'gzip'" : ", compression = 'none'";
  }

  private static String timestamp(BronzeFile file) {
    return "TIMESTAMP "
        + SilverSql.literal(file.receivedAt().toString().replace('T', ' ').replace("Z", ""));
  }
}
