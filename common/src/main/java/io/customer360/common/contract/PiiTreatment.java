package io.customer360.common.contract;

/**
 * How silver protects a personal field. Raw values stay only in bronze.
 *
 * <ul>
 *   <li>{@link #HASH}: the standardized value (trimmed, lower-cased email, digits-only phone,
 *       canonical IP) is replaced by a keyed HMAC-SHA-256 token, stable across sources, so it can
 *       be used as a join key.
 *   <li>{@link #TOKENIZE}: the raw value is replaced by a keyed HMAC-SHA-256 token; it can be
 *       counted and compared for equality but not joined across differently formatted sources.
 *   <li>{@link #DROP}: the field is not written to silver at all.
 * </ul>
 */
public enum PiiTreatment {
  NONE,
  HASH,
  TOKENIZE,
  DROP;
}
