package io.customer360.scoring.features;

import java.sql.Types;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * XGBoost feature types the service understands, with the code XGBoost stores in a model ({@code
 * feature_types}). Categorical features ({@code c}) are not supported: feature tables carry numbers
 * and booleans only.
 */
public enum FeatureType {
  /** Floating-point quantity. */
  FLOAT("float"),
  /** Integer quantity. */
  INT("int"),
  /** Indicator (0/1), from a boolean column. */
  INDICATOR("i"),
  /** Generic quantitative value, as some tools write it. */
  QUANTITATIVE("q");

  private final String code;

  FeatureType(String code) {
    this.code = code;
  }

  /** The code XGBoost uses in {@code feature_types}. */
  public String code() {
    return code;
  }

  /** The type of a code, if it is one this service can score. */
  public static Optional<FeatureType> ofCode(String code) {
    String normalized = code == null ? "" : code.trim().toLowerCase(Locale.ROOT);
    return Arrays.stream(values()).filter(t -> t.code.equals(normalized)).findFirst();
  }

  /** The feature type of a JDBC column type, if the column can be a feature at all. */
  public static Optional<FeatureType> ofJdbcType(int sqlType) {
    return switch (sqlType) {
      case Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT -> Optional.of(INT);
      case Types.REAL, Types.FLOAT, Types.DOUBLE, Types.NUMERIC, Types.DECIMAL ->
          Optional.of(FLOAT);
      case Types.BOOLEAN, Types.BIT -> Optional.of(INDICATOR);
      default -> Optional.empty();
    };
  }

  /** Whether a column of this JDBC type can feed a feature of this type. */
  public boolean accepts(int sqlType) {
    return ofJdbcType(sqlType).isPresent();
  }
}
