package io.customer360.common.gold;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A column type of the gold contract, written as its SQL type ({@code varchar(64)}, {@code
 * numeric(12,2)}, {@code timestamptz}, …). The same spelling is valid DDL on PostgreSQL and
 * Redshift; {@link #duckDbType()} is what a conforming Parquet file reads as in DuckDB.
 *
 * @param kind the type family
 * @param length maximum characters of a {@code varchar}, precision of a {@code numeric}, else 0
 * @param scale digits after the point of a {@code numeric}, else 0
 */
public record ColumnType(Kind kind, int length, int scale) {

  private static final Pattern VARCHAR = Pattern.compile("varchar\\((\\d+)\\)");
  private static final Pattern NUMERIC = Pattern.compile("numeric\\((\\d+),\\s*(\\d+)\\)");

  /** Type families of the contract. */
  public enum Kind {
    VARCHAR,
    DATE,
    TIMESTAMPTZ,
    INTEGER,
    BIGINT,
    NUMERIC,
    DOUBLE,
    BOOLEAN
  }

  public ColumnType {
    if (kind == Kind.VARCHAR && (length < 1 || length > 65535)) {
      throw new IllegalArgumentException("varchar length must be 1-65535: " + length);
    }
    if (kind == Kind.NUMERIC && (length < 1 || length > 38 || scale < 0 || scale > length)) {
      throw new IllegalArgumentException(
          "numeric precision must be 1-38 and scale 0-precision: " + length + "," + scale);
    }
  }

  /**
   * Parses a contract type.
   *
   * @throws IllegalArgumentException for a type outside the contract's list
   */
  public static ColumnType parse(String text) {
    String type = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
    Matcher varchar = VARCHAR.matcher(type);
    if (varchar.matches()) {
      return new ColumnType(Kind.VARCHAR, Integer.parseInt(varchar.group(1)), 0);
    }
    Matcher numeric = NUMERIC.matcher(type);
    if (numeric.matches()) {
      return new ColumnType(
          Kind.NUMERIC, Integer.parseInt(numeric.group(1)), Integer.parseInt(numeric.group(2)));
    }
    return switch (type) {
      case "date" -> new ColumnType(Kind.DATE, 0, 0);
      case "timestamptz" -> new ColumnType(Kind.TIMESTAMPTZ, 0, 0);
      case "integer" -> new ColumnType(Kind.INTEGER, 0, 0);
      case "bigint" -> new ColumnType(Kind.BIGINT, 0, 0);
      case "double precision" -> new ColumnType(Kind.DOUBLE, 0, 0);
      case "boolean" -> new ColumnType(Kind.BOOLEAN, 0, 0);
      default ->
          throw new IllegalArgumentException(
              "Unknown column type '"
                  + text
                  + "'; expected varchar(n), date, timestamptz, integer, bigint, numeric(p,s),"
                  + " double precision or boolean");
    };
  }

  /** The SQL type, valid on PostgreSQL and Redshift. */
  public String sql() {
    return switch (kind) {
      case VARCHAR -> "VARCHAR(" + length + ")";
      case DATE -> "DATE";
      case TIMESTAMPTZ -> "TIMESTAMPTZ";
      case INTEGER -> "INTEGER";
      case BIGINT -> "BIGINT";
      case NUMERIC -> "NUMERIC(" + length + "," + scale + ")";
      case DOUBLE -> "DOUBLE PRECISION";
      case BOOLEAN -> "BOOLEAN";
    };
  }

  /** How DuckDB describes a Parquet column of this type. */
  public String duckDbType() {
    return switch (kind) {
      case VARCHAR -> "VARCHAR";
      case DATE -> "DATE";
      case TIMESTAMPTZ -> "TIMESTAMP WITH TIME ZONE";
      case INTEGER -> "INTEGER";
      case BIGINT -> "BIGINT";
      case NUMERIC -> "DECIMAL(" + length + "," + scale + ")";
      case DOUBLE -> "DOUBLE";
      case BOOLEAN -> "BOOLEAN";
    };
  }

  @Override
  public String toString() {
    return sql().toLowerCase(Locale.ROOT);
  }
}
