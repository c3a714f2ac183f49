package io.customer360.scoring.features;

import java.util.regex.Pattern;

/**
 * A table or column name that is safe to splice into SQL: letters, digits and underscores, not
 * starting with a digit. Configuration and request values pass through here before any query is
 * built from them.
 */
public final class SqlIdentifier {

  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}");

  private SqlIdentifier() {}

  /**
   * Checks a bare identifier.
   *
   * @throws IllegalArgumentException when it is not one
   */
  public static String of(String name) {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "Not a plain SQL identifier (letters, digits, underscore): '" + name + "'");
    }
    return name;
  }

  /** A table name qualified by an optional schema, e.g. {@code warehouse.customer_features}. */
  public static String qualified(String schema, String table) {
    return schema == null || schema.isBlank() ? of(table) : of(schema) + "." + of(table);
  }

  /** Parses {@code table} or {@code schema.table}. */
  public static String qualified(String name) {
    int dot = name == null ? -1 : name.indexOf('.');
    return dot < 0 ? of(name) : qualified(name.substring(0, dot), name.substring(dot + 1));
  }
}
