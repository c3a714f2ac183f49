package io.customer360.transform.silver;

import io.customer360.common.contract.DatasetContract;
import io.customer360.common.contract.FieldSpec;
import io.customer360.common.contract.FieldType;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Columns silver derives from a dataset's records beyond type conversion, declared per dataset. A
 * derivation is SQL over the typed values of {@code checked}, where {@code {field}} stands for the
 * typed value of that contract field. It is computed before PII protection tokenizes or drops the
 * field, so silver can keep a coarse, non-identifying part of a personal value without the value.
 *
 * <ul>
 *   <li>weblog: the Apache request line ({@code GET /p?q=1 HTTP/1.1}) split into method, path,
 *       query and protocol, so analysts never parse it again; {@code server}, the web server's host
 *       name, which the Kinesis Agent sends as the record's partition key ({@code _partition_key}
 *       of the bronze envelope);
 *   <li>customers: {@code birth_year_band}, the decade of birth ({@code 1980-1989}), while the date
 *       of birth itself is kept only as a token.
 * </ul>
 */
final class Derivations {

  private static final Pattern FIELD = Pattern.compile("\\{([a-z][a-z0-9_]*)}");
  private static final String REQUEST_LINE = "'^(\\S+)\\s+([^?\\s]*)(?:\\?(\\S*))?\\s+(\\S+)$'";

  /** One declared derived column and the SQL computing it. */
  private record Derivation(DerivedColumn column, String sql) {}

  private static final Map<String, List<Derivation>> BY_DATASET =
      Map.of(
          "weblog",
          List.of(
              requestPart(1, "request_method", "HTTP method of the request line."),
              requestPart(2, "request_path", "Path of the request line, without the query."),
              requestPart(3, "request_query", "Query string of the request line, without '?'."),
              requestPart(4, "request_protocol", "Protocol of the request line."),
              derived(
                  "server",
                  "Web server host name: the Kinesis partition key the line was sent with.",
                  "nullif(trim(_partition_key), '')")),
          "customers",
          List.of(
              derived(
                  "birth_year_band",
                  "Decade of birth, e.g. 1980-1989, derived from date_of_birth before it is"
                      + " tokenized.",
                  "CASE WHEN {date_of_birth} IS NOT NULL THEN"
                      + " CAST(year({date_of_birth}) // 10 * 10 AS VARCHAR) || '-' ||"
                      + " CAST(year({date_of_birth}) // 10 * 10 + 9 AS VARCHAR) END")));

  private Derivations() {}

  /** The derived columns of a dataset, in silver column order; empty when it has none. */
  static List<DerivedColumn> of(String dataset) {
    return BY_DATASET.getOrDefault(dataset, List.of()).stream().map(Derivation::column).toList();
  }

  /**
   * The select-list entries ({@code <sql> AS <name>}) computing a dataset's derived columns from
   * {@code checked}.
   *
   * @throws IllegalStateException when a derivation reads a field the contract does not have
   */
  static List<String> columns(DatasetContract contract) {
    return BY_DATASET.getOrDefault(contract.name(), List.of()).stream()
        .map(d -> expand(contract, d) + " AS " + SilverSql.quote(d.column().name()))
        .toList();
  }

  private static String expand(DatasetContract contract, Derivation derivation) {
    Matcher m = FIELD.matcher(derivation.sql());
    StringBuilder sql = new StringBuilder();
    while (m.find()) {
      FieldSpec field =
          contract
              .field(m.group(1))
              .orElseThrow(
                  () ->
                      new IllegalStateException(
                          "Derived column "
                              + derivation.column().name()
                              + " of "
                              + contract.name()
                              + " reads field "
                              + m.group(1)
                              + ", which its contract does not declare"));
      m.appendReplacement(sql, Matcher.quoteReplacement(SilverSql.typedColumn(field)));
    }
    m.appendTail(sql);
    return sql.toString();
  }

  private static Derivation derived(String name, String description, String sql) {
    return new Derivation(new DerivedColumn(name, FieldType.STRING, description), sql);
  }

  private static Derivation requestPart(int group, String name, String description) {
    return derived(
        name,
        description,
        "nullif(regexp_extract({request}, " + REQUEST_LINE + ", " + group + "), '')");
  }
}
