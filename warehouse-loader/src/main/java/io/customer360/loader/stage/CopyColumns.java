package io.customer360.loader.stage;

import io.customer360.loader.gold.ColumnType;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.List;
import org.duckdb.DuckDBChunkedResult;
import org.duckdb.DuckDBColumnType;
import org.duckdb.DuckDBDataChunkReader;
import org.duckdb.DuckDBReadableVector;

/**
 * How each contract type crosses from DuckDB into a binary {@code COPY}: the expression DuckDB
 * selects for it ({@link #select}) and the encoding of that expression's values ({@link #copy}),
 * read vector by vector from DuckDB's result chunks. Timestamps cross as microseconds since the
 * Unix epoch and numerics of up to 18 digits as their unscaled value, so no value object is made
 * per row.
 */
final class CopyColumns {

  private static final int MAX_UNSCALED_DIGITS = 18;

  private CopyColumns() {}

  /** Writes the value at {@code row} of a vector. */
  @FunctionalInterface
  private interface FieldEncoder {
    void write(DuckDBReadableVector vector, long row, BinaryCopyWriter out);
  }

  /** The DuckDB expression to select for a column of {@code type} computed by {@code sql}. */
  static String select(ColumnType type, String sql) {
    if (type.kind() == ColumnType.Kind.TIMESTAMPTZ) {
      return "epoch_us(CAST(" + sql + " AS TIMESTAMPTZ))";
    }
    if (crossesUnscaled(type)) {
      // Exact: the value times 10^scale is a whole number of at most 18 digits, which fits a
      // BIGINT. Widened first, as DuckDB keeps DECIMAL(18, s) * INTEGER within 18 digits and
      // overflows.
      return "CAST(CAST("
          + sql
          + " AS DECIMAL(38, "
          + type.scale()
          + ")) * "
          + BigInteger.TEN.pow(type.scale())
          + " AS BIGINT)";
    }
    return sql;
  }

  /** Numerics of up to 18 digits cross as their unscaled BIGINT: no BigDecimal per value. */
  private static boolean crossesUnscaled(ColumnType type) {
    return type.kind() == ColumnType.Kind.NUMERIC && type.length() <= MAX_UNSCALED_DIGITS;
  }

  /**
   * Writes every row of a result whose columns were selected with {@link #select} for {@code
   * types}, in order, each followed by the {@code constants} as text fields.
   *
   * @return rows written
   * @throws IllegalStateException when a result column has another DuckDB type than its target type
   *     crosses as
   */
  static long copy(
      DuckDBChunkedResult result,
      List<ColumnType> types,
      List<String> constants,
      BinaryCopyWriter out)
      throws SQLException {
    if (result.columnCount() != types.size()) {
      throw new IllegalStateException(
          "Query selects " + result.columnCount() + " columns for " + types.size() + " targets");
    }
    int fields = types.size();
    byte[][] constantFields =
        constants.stream().map(c -> c.getBytes(StandardCharsets.UTF_8)).toArray(byte[][]::new);
    FieldEncoder[] encoders = new FieldEncoder[fields];
    for (int c = 0; c < fields; c++) {
      encoders[c] = encoder(types.get(c));
    }
    DuckDBReadableVector[] vectors = new DuckDBReadableVector[fields];
    long rows = 0;
    while (result.nextChunk()) {
      DuckDBDataChunkReader chunk = result.chunk();
      for (int c = 0; c < fields; c++) {
        vectors[c] = chunk.vector(c);
        requireType(result, c, vectors[c], types.get(c));
      }
      long count = chunk.rowCount();
      for (long row = 0; row < count; row++) {
        out.startRow(fields + constantFields.length);
        for (int c = 0; c < fields; c++) {
          encoders[c].write(vectors[c], row, out);
        }
        for (byte[] constant : constantFields) {
          out.writeText(constant);
        }
      }
      rows += count;
    }
    return rows;
  }

  /** The DuckDB type a column of {@code type} crosses as. */
  private static DuckDBColumnType transferType(ColumnType type) {
    return switch (type.kind()) {
      case VARCHAR -> DuckDBColumnType.VARCHAR;
      case DATE -> DuckDBColumnType.DATE;
      case TIMESTAMPTZ, BIGINT -> DuckDBColumnType.BIGINT;
      case INTEGER -> DuckDBColumnType.INTEGER;
      case NUMERIC -> crossesUnscaled(type) ? DuckDBColumnType.BIGINT : DuckDBColumnType.DECIMAL;
      case DOUBLE -> DuckDBColumnType.DOUBLE;
      case BOOLEAN -> DuckDBColumnType.BOOLEAN;
    };
  }

  private static void requireType(
      DuckDBChunkedResult result, int column, DuckDBReadableVector vector, ColumnType type) {
    if (vector.getType() != transferType(type)) {
      throw new IllegalStateException(
          "Column "
              + result.columnName(column)
              + " is "
              + vector.getType()
              + " in DuckDB; its target type "
              + type
              + " needs "
              + transferType(type));
    }
  }

  private static FieldEncoder encoder(ColumnType type) {
    return switch (type.kind()) {
      case VARCHAR ->
          (vector, row, out) -> {
            String value = vector.getString(row);
            if (value == null) {
              out.writeNull();
            } else {
              out.writeText(value);
            }
          };
      case DATE ->
          (vector, row, out) -> {
            if (vector.isNull(row)) {
              out.writeNull();
            } else {
              out.writeDate(vector.getLocalDate(row).toEpochDay());
            }
          };
      case TIMESTAMPTZ ->
          (vector, row, out) -> {
            if (vector.isNull(row)) {
              out.writeNull();
            } else {
              out.writeTimestamp(vector.getLong(row));
            }
          };
      case INTEGER ->
          (vector, row, out) -> {
            if (vector.isNull(row)) {
              out.writeNull();
            } else {
              out.writeInt(vector.getInt(row));
            }
          };
      case BIGINT ->
          (vector, row, out) -> {
            if (vector.isNull(row)) {
              out.writeNull();
            } else {
              out.writeLong(vector.getLong(row));
            }
          };
      case NUMERIC -> crossesUnscaled(type) ? unscaled(type.scale()) : decimal();
      case DOUBLE ->
          (vector, row, out) -> {
            if (vector.isNull(row)) {
              out.writeNull();
            } else {
              out.writeDouble(vector.getDouble(row));
            }
          };
      case BOOLEAN ->
          (vector, row, out) -> {
            if (vector.isNull(row)) {
              out.writeNull();
            } else {
              out.writeBoolean(vector.getBoolean(row));
            }
          };
    };
  }

  private static FieldEncoder unscaled(int scale) {
    return (vector, row, out) -> {
      if (vector.isNull(row)) {
        out.writeNull();
      } else {
        out.writeNumeric(vector.getLong(row), scale);
      }
    };
  }

  private static FieldEncoder decimal() {
    return (vector, row, out) -> {
      if (vector.isNull(row)) {
        out.writeNull();
      } else {
        out.writeNumeric(vector.getBigDecimal(row));
      }
    };
  }
}
