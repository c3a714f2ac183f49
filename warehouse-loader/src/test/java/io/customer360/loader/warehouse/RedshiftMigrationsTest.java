package io.customer360.loader.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import io.customer360.loader.warehouse.MigrationScripts.Column;
import io.customer360.loader.warehouse.MigrationScripts.Statement;
import io.customer360.loader.warehouse.MigrationScripts.Table;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The Redshift migrations, checked without a Redshift: what runs there (common + redshift) uses no
 * PostgreSQL-only syntax, and every table declares its distribution, sort key and column encodings
 * the way Redshift accepts them.
 */
class RedshiftMigrationsTest {

  /** PostgreSQL syntax Redshift rejects, as regular expressions over upper-case SQL. */
  private static final List<String> POSTGRESQL_ONLY =
      List.of(
          "\\bJSONB\\b",
          "\\$\\$",
          "^DO\\b",
          "\\bGENERATED\\b",
          "\\bBIGSERIAL\\b|\\bSERIAL\\b",
          "\\bCREATE (UNIQUE )?INDEX\\b",
          "\\bON CONFLICT\\b",
          "\\bIS (NOT )?DISTINCT FROM\\b",
          "::",
          "\\bTEXT\\b",
          "\\bNULLS NOT DISTINCT\\b",
          "\\bON COMMIT\\b",
          "\\bCREATE EXTENSION\\b",
          "\\bPARTITION OF\\b",
          "\\bLATERAL\\b",
          "\\bFILTER \\(WHERE\\b",
          "\\bUNLOGGED\\b",
          "\\bCOMMENT ON (SCHEMA|ROLE)\\b",
          "\\bOWNER TO\\b",
          "\\bFORMAT\\(",
          "\\bCREATE ROLE \\w+ (NO)?LOGIN\\b");

  /** Redshift reserved words that might pass for column names. */
  private static final Set<String> RESERVED =
      Set.of(
          "ALL",
          "ANALYSE",
          "ANALYZE",
          "ARRAY",
          "AUTHORIZATION",
          "BACKUP",
          "BINARY",
          "BOTH",
          "CASE",
          "CAST",
          "CHECK",
          "COLUMN",
          "CONSTRAINT",
          "CREDENTIALS",
          "DATETIME",
          "DEFAULT",
          "DELTA",
          "DESC",
          "DISABLE",
          "DO",
          "ENABLE",
          "ENCODE",
          "ENCRYPT",
          "END",
          "EXCEPT",
          "EXPLICIT",
          "FALSE",
          "FOREIGN",
          "FREEZE",
          "GRANT",
          "GROUP",
          "IDENTITY",
          "IGNORE",
          "INTERVAL",
          "LEADING",
          "LIMIT",
          "LUN",
          "LUNS",
          "NATURAL",
          "NEW",
          "OFF",
          "OFFLINE",
          "OFFSET",
          "OID",
          "OLD",
          "ONLY",
          "OPEN",
          "ORDER",
          "PARALLEL",
          "PARTITION",
          "PERCENT",
          "PERMISSIONS",
          "PIVOT",
          "PLACING",
          "PRIMARY",
          "RAW",
          "READRATIO",
          "RECOVER",
          "REFERENCES",
          "REJECTLOG",
          "RESORT",
          "RESPECT",
          "RESTORE",
          "SNAPSHOT",
          "SOME",
          "SYSDATE",
          "SYSTEM",
          "TABLE",
          "TAG",
          "TIMESTAMP",
          "TOP",
          "TRAILING",
          "TRUE",
          "UNIQUE",
          "UNNEST",
          "UNPIVOT",
          "USER",
          "USING",
          "VERBOSE",
          "WALLET",
          "WITH",
          "WITHOUT");

  private static final Set<String> AZ64_TYPES =
      Set.of(
          "SMALLINT",
          "INTEGER",
          "BIGINT",
          "NUMERIC",
          "DECIMAL",
          "DATE",
          "TIMESTAMP",
          "TIMESTAMPTZ");
  private static final Set<String> REDSHIFT_TYPES =
      Set.of(
          "SMALLINT",
          "INTEGER",
          "BIGINT",
          "NUMERIC",
          "DECIMAL",
          "REAL",
          "DOUBLE PRECISION",
          "BOOLEAN",
          "CHAR",
          "VARCHAR",
          "DATE",
          "TIMESTAMP",
          "TIMESTAMPTZ",
          "SUPER");
  private static final Pattern ENCODE = Pattern.compile("(?i)\\bENCODE (\\w+)");

  @Test
  void runsNoPostgresqlOnlySyntax() {
    List<String> offences = new ArrayList<>();
    for (Statement statement : redshiftStatements()) {
      String sql = MigrationScripts.withoutLiterals(statement.sql()).toUpperCase(Locale.ROOT);
      for (String pattern : POSTGRESQL_ONLY) {
        if (Pattern.compile(pattern).matcher(sql).find()) {
          offences.add(statement.file() + ": /" + pattern + "/ in " + abbreviate(statement.sql()));
        }
      }
    }
    assertThat(offences).isEmpty();
  }

  @Test
  void everyTableDeclaresDistributionAndSortKey() {
    for (Table table : MigrationScripts.tables("redshift").values()) {
      String options = table.options().toUpperCase(Locale.ROOT);
      assertThat(options).as(table.name()).containsPattern("DISTSTYLE (ALL|EVEN|KEY|AUTO)");
      assertThat(options).as(table.name()).contains("SORTKEY (");
      if (options.contains("DISTSTYLE KEY")) {
        assertThat(columnsIn(options, "DISTKEY")).as(table.name()).hasSize(1);
      } else {
        assertThat(options).as(table.name()).doesNotContain("DISTKEY");
      }
      List<String> distAndSort = new ArrayList<>(columnsIn(options, "SORTKEY"));
      if (options.contains("DISTKEY")) {
        distAndSort.addAll(columnsIn(options, "DISTKEY"));
      }
      for (String column : distAndSort) {
        table.column(column.toLowerCase(Locale.ROOT)); // exists
      }
    }
  }

  @Test
  void everyColumnHasAValidEncodingAndTheLeadingSortKeyStaysRaw() {
    for (Table table : MigrationScripts.tables("redshift").values()) {
      String leadingSortKey =
          columnsIn(table.options().toUpperCase(Locale.ROOT), "SORTKEY")
              .get(0)
              .toLowerCase(Locale.ROOT);
      for (Column column : table.columns()) {
        String where = table.name() + "." + column.name();
        Matcher encode = ENCODE.matcher(column.attributes());
        assertThat(encode.find()).as(where + " has ENCODE").isTrue();
        String encoding = encode.group(1).toLowerCase(Locale.ROOT);
        String baseType = column.normalizedType().replaceAll("\\(.*", "");
        assertThat(REDSHIFT_TYPES).as(where + " type").contains(baseType);
        assertThat(encoding)
            .as(where)
            .isIn("raw", "az64", "zstd", "bytedict", "runlength", "lzo", "delta");
        if (encoding.equals("az64")) {
          assertThat(AZ64_TYPES)
              .as(where + " AZ64 needs a number, date or timestamp")
              .contains(baseType);
        }
        if (column.name().equals(leadingSortKey)) {
          assertThat(encoding).as(where + " leads the sort key").isEqualTo("raw");
        }
        // Redshift's grammar: column attributes (IDENTITY, ENCODE) before constraints (NOT NULL).
        assertThat(column.attributes().toUpperCase(Locale.ROOT))
            .as(where)
            .doesNotContainPattern("NOT NULL.*ENCODE");
        assertThat(RESERVED)
            .as(where + " is a Redshift reserved word")
            .doesNotContain(column.name().toUpperCase(Locale.ROOT));
      }
    }
  }

  @Test
  void surrogateKeyIsAnIdentity() {
    Column key =
        MigrationScripts.tables("redshift").get("warehouse.dim_customer").column("customer_key");

    assertThat(key.normalizedType()).isEqualTo("BIGINT");
    assertThat(key.attributes()).startsWith("IDENTITY(1,1) ENCODE az64");
  }

  @Test
  void rolesAreGrantedAsRoles() {
    List<Statement> grants =
        redshiftStatements().stream()
            .filter(s -> s.sql().toUpperCase(Locale.ROOT).startsWith("GRANT"))
            .toList();

    assertThat(grants).hasSizeGreaterThanOrEqualTo(7);
    assertThat(grants)
        .allSatisfy(g -> assertThat(g.sql()).containsPattern("\\bTO ROLE c360_\\w+$"));
  }

  private static List<Statement> redshiftStatements() {
    List<Statement> statements = new ArrayList<>(MigrationScripts.statements("common"));
    statements.addAll(MigrationScripts.statements("redshift"));
    assertThat(statements).hasSizeGreaterThan(300);
    return statements;
  }

  /** The columns of {@code KEYWORD (a, b)} in a table's options. */
  private static List<String> columnsIn(String options, String keyword) {
    Matcher matcher = Pattern.compile(keyword + " \\(([^)]*)\\)").matcher(options);
    assertThat(matcher.find()).as(keyword + " in " + options).isTrue();
    return Arrays.stream(matcher.group(1).split(","))
        .map(String::trim)
        .collect(Collectors.toList());
  }

  private static String abbreviate(String sql) {
    return sql.length() <= 120 ? sql : sql.substring(0, 120) + "…";
  }
}
