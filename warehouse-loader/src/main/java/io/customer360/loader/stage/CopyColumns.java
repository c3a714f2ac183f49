package io.customer360.loader.stage;

import io.customer360.common.gold.ColumnType;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.duckdb.DuckDBChunkedResult;
import org.duckdb.DuckDBColumnType;
import org.duckdb.DuckDBDataChunkReader;
import org.duckdb.DuckDBReadableVector;

/**
 * How each contract type crosses from DuckDB into a binary {@code COPY}: the columns DuckDB selects
 * for a row ({@link #selectList}) and the encoding of their values ({@link #copy}), read vector by
 * vector from DuckDB's result chunks. Timestamps cross as microseconds since the Unix epoch,
 * numerics of up to 18 digits as their unscaled value, and a row's text fields as one string with
 * each field's length, so no value object is made per field.
 */
final class CopyColumns {

  private static final int MAX_UNSCALED_DIGITS = 18;

  private CopyColumns() {}

  /** Writes the value at {@code row} of a vector. */
  @FunctionalInterface
  private interface FieldEncoder {
    void write(DuckDBReadableVector vector, long row, BinaryCopyWriter out);
  }

  /**
   * The DuckDB expression to select for a non-text column of {@code type} computed by {@code sql}.
   */
  private static String select(ColumnType type, String sql) {
    if (type.kind() == ColumnType.Kind.TIMESTAMPTZ) {
      return "epoch_us(CAST(" + sql + " AS TIMESTAMPTZ))";
    }
    if (crossesUnscaled(type)) {
      // Exact: the value times 10^scale is a whole number of at most 18 digits, which fits a
      // BIGINT. DuckDB multiplies DECIMAL(p, s) by 10^s in 64-bit arithmetic as DECIMAL(18, s),
      // which holds the product only while p + s <= 18; wider types are widened to DECIMAL(38)
      // first (128-bit arithmetic, a third of the decoder's DuckDB time for four such columns).
      int precision = type.length() + type.scale() <= MAX_UNSCALED_DIGITS ? type.length() : 38;
      return "CAST(CAST("
          + sql
          + " AS DECIMAL("
          + precision
          + ", "
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
   * The select list for target columns of {@code types} computed by {@code expressions}: each
   * non-text column as it crosses ({@link #select}), in order; then, if there are text columns, all
   * of them in one string (NULLs as empty) followed by each one's length in bytes (NULL for NULL).
   * One string per row instead of one per text field: each string read from a DuckDB vector is a
   * native call, and they cost more than everything else the encoder does.
   */
  static String selectList(List<ColumnType> types, List<String> expressions) {
    if (types.size() != expressions.size()) {
      throw new IllegalArgumentException(
          types.size() + " target types for " + expressions.size() + " expressions");
    }
    List<String> values = new ArrayList<>();
    List<String> texts = new ArrayList<>();
    for (int c = 0; c < types.size(); c++) {
      if (types.get(c).kind() == ColumnType.Kind.VARCHAR) {
        texts.add(expressions.get(c));
      } else {
        values.add(select(types.get(c), expressions.get(c)));
      }
    }
    if (!texts.isEmpty()) {
      // concat() skips NULLs; a lone argument is returned as is, so coalesce it.
      values.add(
          texts.size() == 1
              ? "coalesce(" + texts.get(0) + ", '')"
              : "concat(" + String.join(", ", texts) + ")");
      texts.forEach(text -> values.add("CAST(strlen(" + text + ") AS INTEGER)"));
    }
    return String.join(", ", values);
  }

  /**
   * Writes every row of a result selected with {@link #selectList} for {@code types}, each row's
   * fields in target order followed by the {@code constants} as text fields.
   *
   * @param hasChunk whether the result already stands on its first chunk (the caller's {@code
   *     nextChunk()} returned true); false when it has no rows
   * @return rows written
   * @throws IllegalStateException when the result's columns are not what {@link #selectList}
   *     selects for {@code types}
   */
  static long copy(
      DuckDBChunkedResult result,
      boolean hasChunk,
      List<ColumnType> types,
      List<String> constants,
      BinaryCopyWriter out)
      throws SQLException {
    int fields = types.size();
    int textCount = (int) types.stream().filter(t -> t.kind() == ColumnType.Kind.VARCHAR).count();
    int packed = fields - textCount;
    int expected = textCount == 0 ? fields : fields + 1;
    if (result.columnCount() != expected) {
      throw new IllegalStateException(
          "Query selects "
              + result.columnCount()
              + " columns; "
              + fields
              + " targets with "
              + textCount
              + " text columns need "
              + expected);
    }
    byte[][] constantFields =
        constants.stream().map(c -> c.getBytes(StandardCharsets.UTF_8)).toArray(byte[][]::new);
    // For each target column, the result column holding its value (non-text) or length (text).
    int[] source = new int[fields];
    boolean[] text = new boolean[fields];
    FieldEncoder[] encoders = new FieldEncoder[fields];
    DuckDBColumnType[] transfer = new DuckDBColumnType[expected];
    int nextValue = 0;
    int nextLength = packed + 1;
    for (int c = 0; c < fields; c++) {
      ColumnType type = types.get(c);
      text[c] = type.kind() == ColumnType.Kind.VARCHAR;
      source[c] = text[c] ? nextLength++ : nextValue++;
      transfer[source[c]] = text[c] ? DuckDBColumnType.INTEGER : transferType(type);
      encoders[c] = text[c] ? null : encoder(type);
    }
    if (textCount > 0) {
      transfer[packed] = DuckDBColumnType.VARCHAR;
    }
    DuckDBReadableVector[] vectors = new DuckDBReadableVector[expected];
    long rows = 0;
    for (boolean more = hasChunk; more; more = result.nextChunk()) {
      DuckDBDataChunkReader chunk = result.chunk();
      for (int c = 0; c < vectors.length; c++) {
        vectors[c] = chunk.vector(c);
        requireType(result, c, vectors[c], transfer[c]);
      }
      long count = chunk.rowCount();
      for (long row = 0; row < count; row++) {
        out.startRow(fields + constantFields.length);
        byte[] texts = textCount == 0 ? null : utf8(vectors[packed].getString(row));
        int offset = 0;
        for (int c = 0; c < fields; c++) {
          DuckDBReadableVector vector = vectors[source[c]];
          if (!text[c]) {
            encoders[c].write(vector, row, out);
          } else if (vector.isNull(row)) {
            out.writeNull();
          } else {
            int length = vector.getInt(row);
            out.writeText(texts, offset, length);
            offset += length;
          }
        }
        for (byte[] constant : constantFields) {
          out.writeText(constant);
        }
      }
      rows += count;
    }
    return rows;
  }

  private static byte[] utf8(String value) {
    return value == null ? new byte[0] : value.getBytes(StandardCharsets.UTF_8);
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
      DuckDBChunkedResult result, int column, DuckDBReadableVector vector, DuckDBColumnType type) {
    if (vector.getType() != type) {
      throw new IllegalStateException(
          "Column "
              + result.columnName(column)
              + " is "
              + vector.getType()
              + " in DuckDB; the COPY needs "
              + type);
    }
  }

  private static FieldEncoder encoder(ColumnType type) {
    return switch (type.kind()) {
      case VARCHAR ->
          throw new IllegalArgumentException("Text crosses packed, not by encoder: " + type);
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
