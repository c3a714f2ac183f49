package io.customer360.loader.warehouse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Reads the migration scripts of a folder as statements, and CREATE TABLE statements as tables, for
 * checks that need no database.
 */
final class MigrationScripts {

  private static final Pattern CREATE_TABLE =
      Pattern.compile("(?is)^CREATE TABLE (\\w+\\.\\w+) \\((.*)$");
  private static final Pattern COLUMN =
      Pattern.compile(
          "(?is)^(\\w+)\\s+(DOUBLE PRECISION|\\w+(?:\\(\\s*\\d+(?:\\s*,\\s*\\d+)?\\s*\\))?)(.*)$");

  private MigrationScripts() {}

  /** A statement and the file it is in. */
  record Statement(String file, String sql) {}

  /** One column of a CREATE TABLE. */
  record Column(String name, String type, String attributes) {

    boolean notNull() {
      return attributes.toUpperCase(Locale.ROOT).contains("NOT NULL")
          || attributes.toUpperCase(Locale.ROOT).contains("PRIMARY KEY");
    }

    /** The type with spaces removed, upper case: NUMERIC(12,2). */
    String normalizedType() {
      return type.replaceAll("\\s+", "")
          .toUpperCase(Locale.ROOT)
          .replace("DOUBLEPRECISION", "DOUBLE PRECISION");
    }
  }

  /** A CREATE TABLE: its columns in order, and what follows the column list. */
  record Table(
      String file, String name, List<Column> columns, List<String> constraints, String options) {

    Column column(String column) {
      return columns.stream()
          .filter(c -> c.name().equals(column))
          .findFirst()
          .orElseThrow(() -> new AssertionError(name + " has no column " + column));
    }
  }

  /** Every statement of every .sql file in {@code db/migration/{folder}}, in file-name order. */
  static List<Statement> statements(String folder) {
    List<Statement> statements = new ArrayList<>();
    for (Resource resource : resources(folder)) {
      try {
        String text = resource.getContentAsString(StandardCharsets.UTF_8);
        for (String sql : split(text)) {
          statements.add(new Statement(resource.getFilename(), sql));
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return statements;
  }

  /** The CREATE TABLE statements of a folder, by table name. */
  static Map<String, Table> tables(String folder) {
    Map<String, Table> tables = new LinkedHashMap<>();
    for (Statement statement : statements(folder)) {
      Matcher create = CREATE_TABLE.matcher(statement.sql());
      if (create.matches()) {
        String rest = create.group(2);
        int close = matchingParenthesis(rest);
        Table table =
            table(
                statement.file(),
                create.group(1),
                rest.substring(0, close),
                rest.substring(close + 1));
        tables.put(table.name(), table);
      }
    }
    return tables;
  }

  private static Table table(String file, String name, String body, String options) {
    List<Column> columns = new ArrayList<>();
    List<String> constraints = new ArrayList<>();
    for (String item : splitTopLevel(body)) {
      String trimmed = item.trim();
      String upper = trimmed.toUpperCase(Locale.ROOT);
      if (upper.matches("^(PRIMARY KEY|UNIQUE|CONSTRAINT)\\b.*")) {
        constraints.add(trimmed);
        continue;
      }
      Matcher column = COLUMN.matcher(trimmed);
      if (!column.matches()) {
        throw new AssertionError(
            "Cannot parse column '" + trimmed + "' of " + name + " in " + file);
      }
      columns.add(new Column(column.group(1), column.group(2), column.group(3).trim()));
    }
    return new Table(file, name, columns, constraints, options.trim());
  }

  /** Splits a script on semicolons outside quotes, dollar quotes and comments; drops comments. */
  static List<String> split(String script) {
    List<String> statements = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    int i = 0;
    while (i < script.length()) {
      char c = script.charAt(i);
      if (c == '-' && script.startsWith("--", i)) {
        int end = script.indexOf('\n', i);
        i = end < 0 ? script.length() : end;
      } else if (c == '\'') {
        int end = i + 1;
        while (end < script.length()) {
          if (script.charAt(end) == '\''
              && (end + 1 >= script.length() || script.charAt(end + 1) != '\'')) {
            break;
          }
          end += script.charAt(end) == '\'' ? 2 : 1;
        }
        current.append(script, i, end + 1);
        i = end + 1;
      } else if (c == '$' && script.startsWith("$$", i)) {
        int end = script.indexOf("$$", i + 2);
        current.append(script, i, end + 2);
        i = end + 2;
      } else if (c == ';') {
        add(statements, current);
        i++;
      } else {
        current.append(c);
        i++;
      }
    }
    add(statements, current);
    return statements;
  }

  /** The text of a statement with string literals blanked, for keyword checks. */
  static String withoutLiterals(String sql) {
    return sql.replaceAll("'(?:[^']|'')*'", "''");
  }

  private static void add(List<String> statements, StringBuilder current) {
    String statement = current.toString().trim().replaceAll("\\s+", " ");
    if (!statement.isEmpty()) {
      statements.add(statement);
    }
    current.setLength(0);
  }

  /** The index of the parenthesis closing one opened just before {@code text}. */
  private static int matchingParenthesis(String text) {
    int depth = 1;
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == '(') {
        depth++;
      } else if (text.charAt(i) == ')' && --depth == 0) {
        return i;
      }
    }
    throw new AssertionError("Unbalanced parentheses: " + text);
  }

  private static List<String> splitTopLevel(String body) {
    List<String> items = new ArrayList<>();
    int depth = 0;
    StringBuilder current = new StringBuilder();
    for (char c : body.toCharArray()) {
      if (c == '(') {
        depth++;
      } else if (c == ')') {
        depth--;
      }
      if (c == ',' && depth == 0) {
        items.add(current.toString());
        current.setLength(0);
      } else {
        current.append(c);
      }
    }
    items.add(current.toString());
    return items;
  }

  private static List<Resource> resources(String folder) {
    try {
      Resource[] found =
          new PathMatchingResourcePatternResolver()
              .getResources("classpath:db/migration/" + folder + "/*.sql");
      return Arrays.stream(found).sorted(Comparator.comparing(MigrationScripts::version)).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Versioned scripts by version, callbacks (afterMigrate) last. */
  private static double version(Resource resource) {
    Matcher version = Pattern.compile("^V(\\d+)__").matcher(resource.getFilename());
    return version.find() ? Double.parseDouble(version.group(1)) : Double.MAX_VALUE;
  }
}
