package io.customer360.transform.silver;

import io.customer360.common.contract.DatasetContract;
import io.customer360.common.contract.FieldSpec;
import io.customer360.common.contract.FieldType;
import io.customer360.common.contract.PartitionGranularity;
import io.customer360.common.lake.QuarantineReason;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Compiles a dataset contract into the DuckDB SQL that validates and standardizes its records.
 *
 * <p>Input is the relation {@code src} built by a {@link BronzeSource}: lineage columns, the stream
 * partition key ({@code _partition_key}, for derivations), the raw record ({@code _raw}), its parse
 * status and size, and one text column {@code f_<field>} per contract field, already resolved from
 * whichever alias the source used. Output is {@code checked}: the same rows with typed values
 * {@code t_<field>}, the event-time partition values and the list of reason codes {@code _reasons};
 * a row with no reason goes to silver, any other to quarantine. Reason codes ({@link
 * QuarantineReason}), first one primary: the parse status ({@code unparseable_json}, {@code
 * invalid_utf8}, {@code not_a_json_object}), {@code too_large}, {@code missing_field:<f>}, {@code
 * bad_type:<f>}, {@code unknown_<f>} (a value outside the contract's allowed values, e.g. {@code
 * unknown_event_type}).
 */
final class SilverSql {

  /** Partition columns of the silver layout, as DuckDB writes them into folder names. */
  static final String EVENT_DATE = "event_date";

  static final String EVENT_HOUR = "event_hour";

  /** The {@code _status} of a record that parsed: any other status is its quarantine reason. */
  static final String OK = "'ok'";

  /**
   * How silver and quarantine Parquet is written. ZSTD at level 1 rather than DuckDB's default 3:
   * on 1M clickstream rows written to hourly partitions it cost about 0.6 CPU-s less (of 7) and the
   * files came out no larger (63 against 65 MB).
   */
  static final String PARQUET_OPTIONS = "FORMAT parquet, COMPRESSION zstd, COMPRESSION_LEVEL 1";

  private final DatasetContract contract;

  SilverSql(DatasetContract contract) {
    this.contract = contract;
  }

  DatasetContract contract() {
    return contract;
  }

  static String rawColumn(FieldSpec field) {
    return quote("f_" + field.name());
  }

  static String typedColumn(FieldSpec field) {
    return quote("t_" + field.name());
  }

  /**
   * A source value with blank text and the contract's null tokens read as absent. Only a value
   * starting with something other than a visible ASCII character is trimmed to test it.
   */
  String absentAsNull(String textSql) {
    StringBuilder sql =
        new StringBuilder("CASE WHEN ")
            .append(textSql)
            .append(" = '' OR (ascii(")
            .append(textSql)
            .append(") NOT BETWEEN 33 AND 126 AND trim(")
            .append(textSql)
            .append(") = '')");
    for (String token : contract.nullTokens()) {
      sql.append(" OR ").append(textSql).append(" = ").append(literal(token));
    }
    return sql.append(" THEN NULL ELSE ").append(textSql).append(" END").toString();
  }

  /** Creates table {@code checked} from {@code src}. */
  String createChecked(boolean typedSource) {
    String typed =
        contract.fields().stream()
            .map(f -> typedExpression(f, typedSource) + " AS " + typedColumn(f))
            .collect(Collectors.joining(",\n  "));
    String rawColumns =
        contract.fields().stream().map(SilverSql::rawColumn).collect(Collectors.joining(", "));
    // Only rejected rows keep their raw text; the field texts and parse status are not needed
    // after validation. The partition columns are computed once here, for every later use.
    return "CREATE OR REPLACE TEMP TABLE checked AS SELECT * EXCLUDE (_raw, _status, _bytes, "
        + rawColumns
        + "), CASE WHEN len(_reasons) > 0 THEN _raw END AS _raw, "
        + partitionValues()
        + " FROM (SELECT *, "
        + reasons()
        + " AS _reasons FROM (SELECT src.*,\n  "
        + typed
        + "\nFROM src) typed_src) reasoned";
  }

  private String reasons() {
    List<Check> checks = new ArrayList<>();
    for (FieldSpec field : contract.fields()) {
      String raw = rawColumn(field);
      if (field.required()) {
        checks.add(when(raw + " IS NULL", QuarantineReason.missingField(field.name())));
      }
      if (field.type() != FieldType.STRING) {
        checks.add(
            when(
                raw + " IS NOT NULL AND " + typedColumn(field) + " IS NULL",
                QuarantineReason.badType(field.name())));
      }
      if (!field.allowedValues().isEmpty()) {
        String allowed =
            field.allowedValues().stream()
                .map(SilverSql::literal)
                .collect(Collectors.joining(", "));
        checks.add(
            when(
                raw + " IS NOT NULL AND " + raw + " NOT IN (" + allowed + ")",
                QuarantineReason.unknownValue(field.name())));
      }
    }
    String reasons =
        "CASE WHEN _status <> "
            + OK
            + " THEN [_status] WHEN _bytes > "
            + DatasetContract.MAX_RECORD_BYTES
            + " THEN ["
            + literal(QuarantineReason.TOO_LARGE.code())
            + "]";
    if (!checks.isEmpty()) {
      // The list is built only for rows failing a check: most rows pass, and building and
      // filtering a list per row costs more than testing the conditions.
      reasons +=
          " WHEN "
              + checks.stream().map(Check::condition).collect(Collectors.joining(" OR "))
              + " THEN list_filter(["
              + checks.stream().map(Check::code).collect(Collectors.joining(", "))
              + "], lambda x: x IS NOT NULL)";
    }
    return reasons + " ELSE []::VARCHAR[] END";
  }

  /** A failed check's condition, and its reason code when the condition holds (else NULL). */
  private record Check(String condition, String code) {}

  private static Check when(String condition, String code) {
    return new Check(
        "(" + condition + ")", "CASE WHEN " + condition + " THEN " + literal(code) + " END");
  }

  /** The typed value of a field's text, NULL when absent or unparseable. */
  static String typedExpression(FieldSpec field, boolean typedSource) {
    String v = rawColumn(field);
    return switch (field.type()) {
      case STRING -> v;
      case INTEGER -> "TRY_CAST(" + v + " AS INTEGER)";
      case LONG -> "TRY_CAST(" + v + " AS BIGINT)";
      case DOUBLE -> "TRY_CAST(" + v + " AS DOUBLE)";
      case DECIMAL -> "TRY_CAST(" + v + " AS DECIMAL(18,4))";
      case BOOLEAN ->
          "CASE WHEN lower(trim("
              + v
              + ")) IN ('true','t','1','yes','y') THEN true WHEN lower(trim("
              + v
              + ")) IN ('false','f','0','no','n') THEN false END";
      case DATE -> temporal(field, v, typedSource) + "::DATE";
      case TIMESTAMP -> temporal(field, v, typedSource);
    };
  }

  private static String temporal(FieldSpec field, String v, boolean typedSource) {
    List<String> zoned = new ArrayList<>();
    List<String> local = new ArrayList<>();
    for (String pattern : field.formats()) {
      for (String format : TemporalFormats.strptimeFormats(pattern)) {
        (TemporalFormats.zoned(format) ? zoned : local).add(format);
      }
    }
    String zonedText =
        "CASE WHEN ends_with("
            + v
            + ", 'Z') THEN left("
            + v
            + ", -1) || '+00:00' ELSE "
            + v
            + " END";
    // A format that fails on a text costs DuckDB as much as ten that succeed, so each text is first
    // tried with the formats of its own length only; texts they do not parse try every format, as
    // before. A text matching a local format has no zone, so it cannot match a zoned one, and no
    // text matches two formats of one kind: the order changes no result.
    List<String> candidates = new ArrayList<>();
    candidates.add(byLength(v, local, formats -> "try_strptime(" + v + ", " + formats + ")"));
    candidates.add(byLength(zonedText, zoned, formats -> zonedParse(zonedText, formats)));
    if (!local.isEmpty()) {
      candidates.add("try_strptime(" + v + ", " + list(local) + ")");
    }
    if (!zoned.isEmpty()) {
      candidates.add(zonedParse(zonedText, list(zoned)));
    }
    if (field.formats().isEmpty() || typedSource) {
      // ISO 8601 text, or a value that was typed at the source (Parquet) and rendered as text.
      candidates.add("(TRY_CAST(" + v + " AS TIMESTAMPTZ) AT TIME ZONE 'UTC')");
    }
    candidates.removeIf(Objects::isNull);
    return "coalesce(" + String.join(", ", candidates) + ")";
  }

  private static String zonedParse(String text, String formats) {
    return "(try_strptime(" + text + ", " + formats + ") AT TIME ZONE 'UTC')";
  }

  /**
   * {@code CASE strlen(text) WHEN <width> THEN <parse of the formats of that width> … END}, or null
   * when no format has a fixed width.
   */
  private static String byLength(
      String text, List<String> formats, Function<String, String> parse) {
    Map<Integer, List<String>> byWidth = new TreeMap<>();
    for (String format : formats) {
      int width = TemporalFormats.width(format);
      if (width > 0) {
        byWidth.computeIfAbsent(width, w -> new ArrayList<>()).add(format);
      }
    }
    if (byWidth.isEmpty()) {
      return null;
    }
    StringBuilder sql = new StringBuilder("CASE strlen(").append(text).append(")");
    byWidth.forEach(
        (width, same) ->
            sql.append(" WHEN ").append(width).append(" THEN ").append(parse.apply(list(same))));
    return sql.append(" END").toString();
  }

  /** The row identity {@link #selectValid()} carries for de-duplication; never written. */
  static final String ROW = "_row";

  /**
   * Selects the silver rows of {@code checked}: lineage, every kept field under its silver name
   * (PII protected), derived columns, the event-time partition columns, and the row's identity in
   * {@code checked} ({@link #ROW}).
   */
  String selectValid() {
    List<String> columns = new ArrayList<>();
    columns.add("rowid AS " + ROW);
    columns.add(quote(DatasetContract.RECORD_KEY));
    columns.add(quote(DatasetContract.SOURCE_OBJECT));
    columns.add(quote(DatasetContract.INGESTED_AT));
    for (FieldSpec field : contract.fields()) {
      String value = PiiFunctions.protect(field, typedColumn(field));
      if (value != null) {
        columns.add(value + " AS " + quote(PiiFunctions.columnName(field)));
      }
    }
    columns.addAll(Derivations.columns(contract));
    columns.addAll(partitionColumns());
    return "SELECT " + String.join(",\n  ", columns) + "\nFROM checked WHERE len(_reasons) = 0";
  }

  /** The event-time partition values, as DuckDB writes them into folder names. */
  private String partitionValues() {
    String eventTime = typedColumn(contract.eventTime());
    String values = "strftime(" + eventTime + ", '%Y-%m-%d') AS " + EVENT_DATE;
    if (contract.partitioning() == PartitionGranularity.HOUR) {
      values += ", strftime(" + eventTime + ", '%H') AS " + EVENT_HOUR;
    }
    return values;
  }

  /** Selects the quarantined rows of {@code checked} with their reasons and raw form. */
  static String selectQuarantined() {
    return "SELECT _record_key, _source_object, _ingested_at, _reasons[1] AS reason,"
        + " _reasons AS reasons, _raw AS raw FROM checked WHERE len(_reasons) > 0";
  }

  /** Silver partition columns of this dataset. */
  List<String> partitionColumns() {
    return SilverNames.partitionColumns(contract);
  }

  /** The dedup key as silver column names. */
  List<String> dedupColumns() {
    return contract.dedupKey().stream()
        .map(k -> contract.field(k).map(PiiFunctions::columnName).orElse(k))
        .map(SilverSql::quote)
        .toList();
  }

  /**
   * Which copy of a key wins: the first received, or for CDC datasets the latest change. Rows
   * already in silver win ties, so reprocessing a bronze object never rewrites a partition.
   */
  String winnerOrder() {
    String stable = "_from_batch, " + quote(DatasetContract.INGESTED_AT);
    return contract
        .cdc()
        .map(
            cdc ->
                quote(contract.field(cdc.sequenceField()).orElseThrow().name())
                    + " DESC NULLS LAST, "
                    + quote(DatasetContract.INGESTED_AT)
                    + " DESC, _from_batch, "
                    + quote(DatasetContract.RECORD_KEY)
                    + " DESC")
        .orElse(stable + ", " + quote(DatasetContract.RECORD_KEY));
  }

  static String quote(String identifier) {
    return "\"" + identifier.replace("\"", "\"\"") + "\"";
  }

  static String literal(String text) {
    return "'" + text.replace("'", "''") + "'";
  }

  static String list(List<String> texts) {
    return texts.stream().map(SilverSql::literal).collect(Collectors.joining(", ", "[", "]"));
  }
}
