package io.customer360.common.contract;

/** Data classification of a whole dataset, highest sensitivity of any field it carries. */
public enum Sensitivity {
  PUBLIC,
  INTERNAL,
  CONFIDENTIAL,
  RESTRICTED;

  boolean allowsPii() {
    return this == CONFIDENTIAL || this == RESTRICTED;
  }
}
