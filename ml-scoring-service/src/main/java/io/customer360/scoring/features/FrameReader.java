package io.customer360.scoring.features;

import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Turns JDBC result sets into {@link FeatureFrame}s, for the warehouse (PostgreSQL, Redshift) and
 * for files read through DuckDB alike. The feature set is data-driven: every numeric or boolean
 * column the layout does not reserve is a feature, in result-set order.
 */
final class FrameReader {

  private FrameReader() {}

  /** The features of a result set: numeric and boolean columns not reserved by the layout. */
  static FeatureSchema discover(ResultSetMetaData meta, TableLayout layout) throws SQLException {
    Set<String> reserved = layout.nonFeatureColumns();
    List<FeatureColumn> columns = new ArrayList<>();
    for (int c = 1; c <= meta.getColumnCount(); c++) {
      String name = meta.getColumnLabel(c);
      if (reserved.contains(name.toLowerCase(Locale.ROOT))) {
        continue;
      }
      FeatureType.ofJdbcType(meta.getColumnType(c))
          .ifPresent(type -> columns.add(new FeatureColumn(name, type)));
    }
    if (columns.isEmpty()) {
      throw new FeatureDataException("The feature table has no numeric or boolean feature column");
    }
    return new FeatureSchema(columns);
  }

  /**
   * Reads every row of a result set into a frame with the given schema.
   *
   * @throws FeatureDataException naming a feature or layout column the result set lacks, or one
   *     whose type cannot feed the feature
   */
  static FeatureFrame read(ResultSet rs, TableLayout layout, FeatureSchema schema)
      throws SQLException {
    ColumnIndex index = ColumnIndex.of(rs.getMetaData(), layout, schema);
    int w = schema.size();
    FloatBuffer values = new FloatBuffer(1024 * w);
    FloatBuffer labels = new FloatBuffer(1024);
    List<String> ids = new ArrayList<>();
    List<LocalDate> dates = new ArrayList<>();
    while (rs.next()) {
      ids.add(index.id < 0 ? null : rs.getString(index.id));
      dates.add(index.date < 0 ? null : date(rs, index.date));
      labels.add(index.label < 0 ? Float.NaN : number(rs, index.label));
      for (int f = 0; f < w; f++) {
        values.add(number(rs, index.features[f]));
      }
    }
    return new FeatureFrame(schema, ids, dates, values.toArray(), labels.toArray());
  }

  /** A numeric or boolean cell as float; SQL NULL is {@code NaN} (missing). */
  static float number(ResultSet rs, int column) throws SQLException {
    Object v = rs.getObject(column);
    if (v == null) {
      return Float.NaN;
    }
    if (v instanceof Boolean b) {
      return b ? 1f : 0f;
    }
    if (v instanceof Number n) {
      return n.floatValue();
    }
    throw new FeatureDataException(
        "Column '" + rs.getMetaData().getColumnLabel(column) + "' is not numeric: " + v.getClass());
  }

  /** A DATE, TIMESTAMP or ISO-8601 text cell as a date. */
  static LocalDate date(ResultSet rs, int column) throws SQLException {
    Object v = rs.getObject(column);
    if (v == null) {
      return null;
    }
    if (v instanceof LocalDate d) {
      return d;
    }
    if (v instanceof java.sql.Date d) {
      return d.toLocalDate();
    }
    if (v instanceof java.sql.Timestamp t) {
      return t.toLocalDateTime().toLocalDate();
    }
    if (v instanceof java.time.LocalDateTime t) {
      return t.toLocalDate();
    }
    return LocalDate.parse(v.toString().substring(0, 10));
  }

  /** Positions of the layout and feature columns in a result set. */
  private record ColumnIndex(int id, int date, int label, int[] features) {

    static ColumnIndex of(ResultSetMetaData meta, TableLayout layout, FeatureSchema schema)
        throws SQLException {
      Map<String, Integer> byName = new HashMap<>();
      for (int c = 1; c <= meta.getColumnCount(); c++) {
        byName.put(meta.getColumnLabel(c).toLowerCase(Locale.ROOT), c);
      }
      int[] features = new int[schema.size()];
      for (int f = 0; f < features.length; f++) {
        FeatureColumn column = schema.get(f);
        Integer c = byName.get(column.name().toLowerCase(Locale.ROOT));
        if (c == null) {
          throw new FeatureDataException(
              "The feature table has no column '" + column.name() + "' that the model needs");
        }
        if (!column.type().accepts(meta.getColumnType(c))) {
          throw new FeatureDataException(
              "Column '"
                  + column.name()
                  + "' has SQL type "
                  + meta.getColumnTypeName(c)
                  + ", which cannot feed a feature of type "
                  + column.type().code());
        }
        features[f] = c;
      }
      return new ColumnIndex(
          optional(byName, layout.idColumn()),
          optional(byName, layout.dateColumn()),
          optional(byName, layout.labelColumn()),
          features);
    }

    private static int optional(Map<String, Integer> byName, String column) {
      if (column == null || column.isBlank()) {
        return -1;
      }
      Integer c = byName.get(column.toLowerCase(Locale.ROOT));
      if (c == null) {
        throw new FeatureDataException("The feature table has no column '" + column + "'");
      }
      return c;
    }
  }

  /** A growable float array. */
  private static final class FloatBuffer {
    private float[] data;
    private int size;

    FloatBuffer(int capacity) {
      data = new float[Math.max(16, capacity)];
    }

    void add(float v) {
      if (size == data.length) {
        data = java.util.Arrays.copyOf(data, data.length * 2);
      }
      data[size++] = v;
    }

    float[] toArray() {
      return java.util.Arrays.copyOf(data, size);
    }
  }
}
