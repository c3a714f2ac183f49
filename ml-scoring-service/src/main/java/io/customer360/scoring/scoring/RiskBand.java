package io.customer360.scoring.scoring;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * Coarse churn risk for marketing, from score thresholds in configuration. Written as {@code low},
 * {@code medium}, {@code high} in JSON and in the warehouse.
 */
public enum RiskBand {
  LOW,
  MEDIUM,
  HIGH;

  /** The lower-case name used in JSON and the warehouse. */
  @JsonValue
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Parses a code, case-insensitively.
   *
   * @throws IllegalArgumentException for anything else
   */
  public static RiskBand ofCode(String code) {
    return valueOf(code.trim().toUpperCase(Locale.ROOT));
  }

  /** The band of a score. */
  public static RiskBand of(double score, double highFrom, double mediumFrom) {
    if (score >= highFrom) {
      return HIGH;
    }
    return score >= mediumFrom ? MEDIUM : LOW;
  }
}
