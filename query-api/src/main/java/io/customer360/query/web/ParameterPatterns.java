package io.customer360.query.web;

/**
 * Shapes of the filter values the API accepts (regular expressions for {@code @Pattern}). Values
 * are bound as SQL parameters anyway; the patterns turn nonsense into a 400 naming the parameter
 * before any query runs.
 */
public final class ParameterPatterns {

  /** Five-digit US zip code, or {@code unknown} for orders without one. */
  public static final String ZIP = "\\d{5}|unknown";

  /** Two-letter US state code, upper case. */
  public static final String STATE = "[A-Z]{2}";

  /** Product category, e.g. {@code garden}. */
  public static final String CATEGORY = "[a-z][a-z0-9_-]{0,63}";

  /** Identifiers: customer, product, order, campaign, coupon. */
  public static final String ID = "[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}";

  /** Sales channel or device. */
  public static final String CHANNEL = "web|ios|android";

  /** Named customer segment, e.g. {@code champions}. */
  public static final String SEGMENT = "[a-z][a-z_]{0,31}";

  /** UTM source or medium. */
  public static final String UTM = "[A-Za-z0-9][A-Za-z0-9_.-]{0,63}";

  private ParameterPatterns() {}
}
