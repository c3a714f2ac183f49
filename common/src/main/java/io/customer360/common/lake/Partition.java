package io.customer360.common.lake;

import java.util.regex.Pattern;

/**
 * One Hive-style partition directory, {@code name=value}.
 *
 * @param name snake_case partition column
 * @param value partition value, free of {@code /} and {@code =}
 */
public record Partition(String name, String value) {

  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]*");

  public Partition {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("Partition name must be snake_case: " + name);
    }
    if (value == null || value.isEmpty() || value.contains("/") || value.contains("=")) {
      throw new IllegalArgumentException(
          "Partition value must be non-empty without / or =: " + value);
    }
  }

  /** Parses {@code name=value}. */
  public static Partition parse(String segment) {
    int eq = segment.indexOf('=');
    if (eq <= 0) {
      throw new IllegalArgumentException("Not a name=value partition: " + segment);
    }
    return new Partition(segment.substring(0, eq), segment.substring(eq + 1));
  }

  @Override
  public String toString() {
    return name + "=" + value;
  }
}
