package io.customer360.transform.gold.model;

import java.util.Collection;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** SQL text helpers for the gold layer: identifiers, literals and name checks. */
final class Sql {

  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]*");

  private Sql() {}

  static String quote(String identifier) {
    return "\"" + identifier.replace("\"", "\"\"") + "\"";
  }

  static String literal(String text) {
    return "'" + text.replace("'", "''") + "'";
  }

  static String columns(Collection<String> names) {
    return names.stream().map(Sql::quote).collect(Collectors.joining(", "));
  }

  static String literals(Collection<String> texts) {
    return texts.stream().map(Sql::literal).collect(Collectors.joining(", "));
  }

  /** Whether a name is a plain snake_case identifier, safe to use as a table or view name. */
  static boolean isName(String name) {
    return name != null && NAME.matcher(name).matches();
  }

  /** The text with {@code --} line comments and {@code /* … *\/} block comments removed. */
  static String withoutComments(String sql) {
    return sql.replaceAll("(?s)/\\*.*?\\*/", " ").replaceAll("--[^\\n]*", " ");
  }

  /** One statement: the text without surrounding blanks and a trailing semicolon. */
  static String statement(String sql) {
    String text = sql.strip();
    while (text.endsWith(";")) {
      text = text.substring(0, text.length() - 1).strip();
    }
    return text;
  }
}
