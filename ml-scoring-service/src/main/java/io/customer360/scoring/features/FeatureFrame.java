package io.customer360.scoring.features;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Feature rows in memory: ids, snapshot dates, a dense row-major float matrix in schema order
 * ({@code NaN} = missing) and labels ({@code NaN} = not known yet).
 *
 * @param schema the feature columns
 * @param ids entity ids, one per row ({@code null} entries when the table has no id column)
 * @param dates snapshot dates, one per row ({@code null} entries when the table has no dates)
 * @param values row-major values, {@code rows × schema.size()}
 * @param labels 0, 1 or {@code NaN}
 */
public record FeatureFrame(
    FeatureSchema schema, List<String> ids, List<LocalDate> dates, float[] values, float[] labels) {

  public FeatureFrame {
    if (ids.size() != labels.length
        || dates.size() != labels.length
        || values.length != labels.length * schema.size()) {
      throw new IllegalArgumentException("Feature frame arrays disagree on the number of rows");
    }
  }

  /** Number of rows. */
  public int rows() {
    return labels.length;
  }

  /** Number of features. */
  public int width() {
    return schema.size();
  }

  /** One value. */
  public float value(int row, int feature) {
    return values[row * schema.size() + feature];
  }

  /** A copy of one row's values. */
  public float[] row(int row) {
    int w = schema.size();
    return Arrays.copyOfRange(values, row * w, row * w + w);
  }

  /** Whether a row's label is known. */
  public boolean labelled(int row) {
    return !Float.isNaN(labels[row]);
  }

  /** The labels as booleans; unknown labels count as negative (select labelled rows first). */
  public boolean[] positives() {
    boolean[] out = new boolean[labels.length];
    for (int i = 0; i < labels.length; i++) {
      out[i] = labels[i] == 1f;
    }
    return out;
  }

  /** The rows at the given indexes, in that order. */
  public FeatureFrame select(int[] rows) {
    int w = schema.size();
    float[] v = new float[rows.length * w];
    float[] l = new float[rows.length];
    List<String> i = new ArrayList<>(rows.length);
    List<LocalDate> d = new ArrayList<>(rows.length);
    for (int k = 0; k < rows.length; k++) {
      int r = rows[k];
      System.arraycopy(values, r * w, v, k * w, w);
      l[k] = labels[r];
      i.add(ids.get(r));
      d.add(dates.get(r));
    }
    return new FeatureFrame(schema, i, d, v, l);
  }

  /**
   * The same rows with the columns of another feature list, in its order.
   *
   * @throws FeatureDataException naming a feature this frame lacks
   */
  public FeatureFrame project(FeatureSchema target) {
    int[] source = new int[target.size()];
    for (int t = 0; t < source.length; t++) {
      source[t] = -1;
      for (int f = 0; f < schema.size(); f++) {
        if (schema.get(f).name().equalsIgnoreCase(target.get(t).name())) {
          source[t] = f;
        }
      }
      if (source[t] < 0) {
        throw new FeatureDataException(
            "The feature data has no column '" + target.get(t).name() + "' that the model needs");
      }
    }
    int w = schema.size();
    float[] v = new float[rows() * source.length];
    for (int r = 0; r < rows(); r++) {
      for (int t = 0; t < source.length; t++) {
        v[r * source.length + t] = values[r * w + source[t]];
      }
    }
    return new FeatureFrame(target, ids, dates, v, labels);
  }

  /** Only the rows whose label is known. */
  public FeatureFrame labelledOnly() {
    return select(java.util.stream.IntStream.range(0, rows()).filter(this::labelled).toArray());
  }
}
