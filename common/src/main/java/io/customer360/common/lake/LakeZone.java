package io.customer360.common.lake;

import java.util.Arrays;
import java.util.Optional;

/** The top-level prefixes of the lake bucket. */
public enum LakeZone {
  LANDING("landing"),
  BRONZE("bronze"),
  SILVER("silver"),
  QUARANTINE("quarantine"),
  GOLD("gold"),
  MODELS("models");

  private final String prefix;

  LakeZone(String prefix) {
    this.prefix = prefix;
  }

  /** The key prefix without a trailing slash, e.g. {@code bronze}. */
  public String prefix() {
    return prefix;
  }

  static Optional<LakeZone> ofPrefix(String prefix) {
    return Arrays.stream(values()).filter(z -> z.prefix.equals(prefix)).findFirst();
  }
}
